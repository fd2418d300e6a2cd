"""A 0-100 score per reply, by category (opening, expectations, tone, closing, clarity,
data), weighted into a total; a critical rule's violation (a card number, profanity) sets
the total to 0. Weights and deductions come from the pack's _scoring.yaml."""

from dataclasses import dataclass
from pathlib import Path

from .errors import ReplylintError
from .model import LEVELS, Violation, reduce_by_fields
from .yamlfile import load_yaml


@dataclass(frozen=True)
class Score:
    total: int
    categories: dict[str, int]

    __reduce__ = reduce_by_fields


@dataclass(frozen=True)
class Scoring:
    weights: dict[str, float]
    deductions: dict[str, float]
    categories: dict[str, str]  # rule id -> category
    critical: frozenset[str]

    def score(self, violations: list[Violation]) -> Score:
        points = {category: 100.0 for category in self.weights}
        for violation in violations:
            category = self.categories.get(violation.rule)
            if category in points:
                points[category] = max(0.0, points[category] - self.deductions.get(violation.level, 0))
        weight = sum(self.weights.values()) or 1
        total = round(sum(points[c] * w for c, w in self.weights.items()) / weight)
        if any(v.rule in self.critical for v in violations):
            total = 0
        return Score(total, {c: round(p) for c, p in points.items()})


def load_scoring(path: Path, sources: dict, overrides: dict | None = None) -> Scoring:
    data = load_yaml(path) if path.is_file() else {}
    overrides = overrides or {}
    weights = {**data.get("weights", {}), **overrides.get("weights", {})}
    deductions = {**data.get("deductions", {}), **overrides.get("deductions", {})}
    for name, table in (("weights", weights), ("deductions", deductions)):
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in table.values()):
            raise ReplylintError(f"scoring {name} must be numbers >= 0", str(path))
    if set(deductions) - set(LEVELS):
        raise ReplylintError(f"scoring deductions are per level: {', '.join(LEVELS)}", str(path))
    categories = {rule_id: str(source.main.get("category", "")) for rule_id, source in sources.items()}
    critical = {rule_id for rule_id, source in sources.items() if source.main.get("critical") is True}
    if "critical" in overrides:
        critical = set(overrides["critical"])
    return Scoring(weights, deductions, categories, frozenset(critical))
