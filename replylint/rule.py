"""What every rule kind shares: the common fields, scopes, finding matches, making violations.

A kind is a subclass that validates and compiles its own fields in `compile` (once per
language) and yields violations in `check` (once per reply). Kinds are registered as entry
points in the group `replylint.kinds`, the built-in ones too, so plugins take the same path.
"""

from bisect import bisect_left
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Iterator

from .errors import ReplylintError
from .matching import Vocabulary, Where
from .model import LEVELS, MODES, Violation
from .reply import SCOPES, Reply, Span

KIND_GROUP = "replylint.kinds"
MAX_EXCEPTION_SPAN = 1000  # characters: no exception phrase is longer, so the look back stops

COMMON_FIELDS = {
    "extends", "level", "message", "scope", "source", "suggestion", "description", "examples",
    "match", "ignorecase", "nonword", "category", "critical", "modes", "summary",
    # Vale fields that replylint accepts and does not use, so that Vale rules load unchanged
    "link", "action", "vocab", "code", "limit",
}


@dataclass
class Definition:
    """A rule's fields: its main file merged with the file of one language."""

    id: str
    fields: dict
    origins: dict  # field -> (the mapping it was read from, its path): lines found on demand

    def where(self, key: str | None = None) -> Where:
        data, path = self.origins.get(key) or self.origins["extends"]
        return Where(path, find_line=lambda: data.line_of(key if key in data else "extends"))

    def error(self, message: str, key: str | None = None) -> ReplylintError:
        where = self.where(key)
        return ReplylintError(message, where.path, where.line)


class Rule:
    FIELDS: dict[str, type | tuple] = {}  # the kind's own fields and their types
    REQUIRED: tuple[str, ...] = ()

    def __init__(self, definition: Definition, vocabulary: Vocabulary):
        self.id = definition.id
        self.definition = definition
        self.vocabulary = vocabulary
        fields = definition.fields
        self._validate(definition)
        self.level = fields.get("level", "warning")
        self.message = fields.get("message") or self.id
        self.suggestion = fields.get("suggestion", "")
        self.source = str(fields.get("source", ""))
        self.scopes = _scopes(definition)
        self.lemma_match = fields.get("match", "regex") == "lemma"
        self.ignorecase = bool(fields.get("ignorecase", False))
        self.whole_words = not fields.get("nonword", False)
        self.modes = _modes(definition)
        self.compile(fields)

    def compile(self, fields: dict) -> None:
        """Validate and compile the kind's own fields; called once per language."""

    def check(self, reply: Reply, matches: dict[str, list[Span]]) -> Iterator[Violation]:
        raise NotImplementedError

    def _validate(self, definition: Definition) -> None:
        fields = definition.fields
        known = COMMON_FIELDS | self.FIELDS.keys()
        for key in fields:
            if key not in known:
                raise definition.error(f"unknown field '{key}' for a rule of kind '{fields['extends']}' (expected one of: {', '.join(sorted(known - {'extends'}))})", key)
        for key in self.REQUIRED:
            if key not in fields:
                raise definition.error(f"missing field '{key}' for a rule of kind '{fields['extends']}'")
        for key, expected in self.FIELDS.items():
            if key in fields and not isinstance(fields[key], expected):
                raise definition.error(f"field '{key}' has the wrong type", key)
        level = fields.get("level", "warning")
        if level not in LEVELS:
            raise definition.error(f"unknown level '{level}' (expected one of: {', '.join(LEVELS)})", "level")
        match = fields.get("match", "regex")
        if match not in ("regex", "lemma"):
            raise definition.error(f"unknown match '{match}' (expected regex or lemma)", "match")
        for key in ("message", "suggestion", "source", "description"):
            if key in fields and not isinstance(fields[key], (str, int, float)):
                raise definition.error(f"field '{key}' must be text", key)

    # helpers for kinds

    def finder(self, spec, key: str) -> tuple[str, ...]:
        """Compile a 'what to look for' field: a list of words or phrases (or regexes, with
        match: regex), or a mapping with `tokens`, `patterns` (spaCy token patterns), `raw`."""
        where = self.definition.where(key)
        if isinstance(spec, str):
            spec = {"raw": [spec]}
        elif isinstance(spec, list):
            spec = {"tokens": spec}
        elif not isinstance(spec, dict):
            raise self.definition.error(f"field '{key}' must be a list or a mapping", key)
        unknown = set(spec) - {"tokens", "patterns", "raw"}
        if unknown:
            raise self.definition.error(f"unknown key(s) {', '.join(sorted(unknown))} in '{key}' (expected tokens, patterns, raw)", key)
        keys = []
        fields = self.definition.fields
        at = lambda sub: self.definition.where(sub) if fields.get(sub) is spec.get(sub) else where  # noqa: E731
        tokens = spec.get("tokens") or []
        if tokens:
            if self.lemma_match:
                keys.append(self.vocabulary.phrases(tokens, at("tokens")))
            else:
                if not all(isinstance(t, str) and t for t in tokens):
                    raise self.definition.error(f"'{key}' must list non-empty strings", key)
                keys.append(self.vocabulary.regex("|".join(f"(?:{t})" for t in tokens), self.ignorecase, at("tokens"), self.whole_words))
        if spec.get("patterns"):
            keys.append(self.vocabulary.patterns(spec["patterns"], at("patterns")))
        if spec.get("raw"):
            raw = spec["raw"]
            if not isinstance(raw, list) or not all(isinstance(r, str) for r in raw):
                raise self.definition.error(f"'raw' in '{key}' must be a list of strings", key)
            keys.append(self.vocabulary.regex("".join(raw), self.ignorecase, at("raw")))
        return tuple(keys)

    def units(self, reply: Reply) -> list[Span]:
        units = []
        for scope in self.scopes:
            units.extend(reply.units(scope))
        return units

    @classmethod
    def found_in_any(cls, matches, keys: tuple[str, ...], units: list[Span], reply: Reply) -> bool:
        """Whether any of `keys` occurs in one of `units`."""
        return bool(matches.union(keys)) and any(cls.spans(matches, keys, unit, reply) for unit in units)

    @staticmethod
    def spans(matches, keys: tuple[str, ...], unit: Span, reply: Reply, exceptions: tuple[str, ...] = ()) -> list[Span]:
        """The matches of `keys` inside `unit` (found by bisection, so checking every
        sentence of a long text stays linear), less those that overlap a match of
        `exceptions`."""
        spans = matches.union(keys)
        if not spans:
            return []
        found = []
        for index in range(bisect_left(spans, (unit[0], -1)), len(spans)):
            span = spans[index]
            if span[0] >= unit[1]:
                break
            if span[1] <= unit[1] and not reply.is_excluded(span):
                found.append(span)
        excused = matches.union(exceptions) if exceptions and found else ()
        if excused:
            found = [span for span in found if not _overlaps_any(span, excused)]
        return _without_overlaps(found)

    def violation(self, reply: Reply, span: Span, *args: str, suggestion: str | None = None, fix: str | None = None, message: str | None = None) -> Violation:
        message = message or self.message
        matched = reply.text[span[0]:span[1]]
        for value in args or (matched,):
            message = message.replace("%s", value, 1)
        suggestion = self.suggestion if suggestion is None else suggestion
        return Violation(self.id, self.level, message, span[0], span[1], suggestion.replace("%s", matched), self.source, fix)


def _overlaps_any(span: Span, spans: list[Span]) -> bool:
    """Whether `span` overlaps one of `spans` (sorted by start)."""
    for index in range(bisect_left(spans, (span[1], -1)) - 1, -1, -1):
        other = spans[index]
        if other[1] > span[0]:
            return True
        if other[0] + MAX_EXCEPTION_SPAN < span[0]:
            return False
    return False


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Of overlapping matches keep the longer: 'get back to you' over 'will get back'."""
    kept: list[Span] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            if span[1] - span[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = span
            continue
        kept.append(span)
    return kept


def _scopes(definition: Definition) -> list[str]:
    scope = definition.fields.get("scope", "text")
    scopes = [scope] if isinstance(scope, str) else scope
    if not isinstance(scopes, list) or not scopes:
        raise definition.error("scope must be a name or a list of names", "scope")
    for name in scopes:
        if name not in SCOPES:
            raise definition.error(f"unknown scope '{name}' (expected one of: {', '.join(SCOPES)})", "scope")
    return scopes


def _modes(definition: Definition) -> tuple[str, ...]:
    """Draft (about to be sent) or template (a canned response): the rule runs in these."""
    modes = definition.fields.get("modes", list(MODES))
    if not isinstance(modes, list) or not modes or any(m not in MODES for m in modes):
        raise definition.error("modes must be a list of: draft, template", "modes")
    return tuple(modes)


_kinds: dict[str, type[Rule]] | None = None


def kinds() -> dict[str, type[Rule]]:
    global _kinds
    if _kinds is None:
        found = {}
        for entry in entry_points(group=KIND_GROUP):
            try:
                found[entry.name] = entry.load()
            except Exception as error:  # a broken plugin must name itself, not crash the run
                raise ReplylintError(f"rule kind '{entry.name}' from package '{entry.dist.name if entry.dist else '?'}' failed to load: {error}") from None
        _kinds = found
    return _kinds
