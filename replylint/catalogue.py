"""The rule catalogue: what `replylint rules` and `explain` show, and SARIF's rule list."""

from dataclasses import dataclass

from .errors import ReplylintError
from .language import load_languages
from .rulepack import bundled_pack, discover

ALL_LANGUAGES = "all"


@dataclass
class Entry:
    id: str
    kind: str
    level: str
    message: str
    description: str
    source: str
    languages: list[str]
    examples: dict[str, dict]

    def listed(self) -> dict:
        """What `replylint rules --format json` and the MCP tool list_rules show of a rule."""
        return {"id": self.id, "level": self.level, "kind": self.kind, "languages": self.languages, "summary": self.message, "source": self.source}


def catalogue(language: str | None, rule_dirs=()) -> list[Entry]:
    """Every rule of the bundled pack and of the packs in `rule_dirs` (only those that apply
    to `language`, when given)."""
    languages = load_languages()
    if language is not None and language not in languages:
        raise ReplylintError(f"unknown language '{language}' (expected one of: {', '.join(sorted(languages))})")
    sources = discover([bundled_pack(), *rule_dirs], set(languages))
    entries = []
    for source in sources.values():
        applies = source.languages(sorted(languages))
        if language is not None and language not in applies:
            continue
        main = source.main
        entries.append(Entry(
            id=source.id,
            kind=main["extends"],
            level=main.get("level", "warning"),
            message=str(main.get("summary") or main.get("message", "")).replace("%s", "…"),
            description=" ".join(str(main.get("description", "")).split()),
            source=str(main.get("source", "")),
            languages=applies,
            examples=_examples(source, applies),
        ))
    return sorted(entries, key=lambda e: e.id)


def _examples(source, applies: list[str]) -> dict[str, dict]:
    """{language: {pass: [...], fail: [...]}}. A rule without language files keeps its examples
    in its main file, per language or, when they hold for every language, as ALL_LANGUAGES."""
    if not source.language_neutral:
        return {code: source.examples(code) for code in applies}
    examples = source.main.get("examples") or {}
    if not isinstance(examples, dict):
        return {}
    if "pass" in examples or "fail" in examples:
        return {ALL_LANGUAGES: examples}
    return {code: examples[code] for code in applies if isinstance(examples.get(code), dict)}
