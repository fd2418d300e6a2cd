"""Linting a text or a file: formats, suppressions, which rules are reported, at what level.

    from replylint import lint
    report = lint("Hi Jane, ...")              # a FileReport: language, violations, score
    for violation in report.violations:
        print(report.position(violation).line, violation.rule, violation.message)

The Linter (rules compiled per language) is made once per set of settings and reused, so
calls after the first take about a millisecond; `lint` is safe to call from several threads.
"""

import threading
from dataclasses import dataclass, field, replace

from .formats import read_items
from .linter import Linter, Settings
from .model import FileReport, Violation
from .suppressions import UNUSED, read_suppressions


@dataclass(frozen=True)
class Options:
    """What is reported for one file; the configuration fills these in per file."""

    language: str = "auto"
    mode: str = "draft"
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    levels: dict = field(default_factory=dict)  # rule id -> level
    collection_keys: dict = field(default_factory=dict)

    def reports(self, rule: str) -> bool:
        return (not self.select or rule in self.select) and rule not in self.ignore


def lint_file(linter: Linter, path: str, text: str, options: Options, in_reply_to: str | None = None, customer_name: str = "") -> FileReport:
    """Lint a whole file as the CLI does: every item in it, positions in the file.
    `in_reply_to` is the customer's message, for the rules that compare with it."""
    prose, suppressions = read_suppressions(text)
    violations, languages, notices = [], [], []
    for item in read_items(path, prose, options.mode, options.collection_keys):
        result = linter.check(item.text, options.language, options.mode, item.placeholders, in_reply_to, customer_name)
        languages.append(result.language)
        notices.extend(f"{item.name}: {n}" if item.name else n for n in result.notices)
        if item.offsets is None and not item.name:
            violations.extend(result.violations)  # the item is the file: offsets are file offsets
            continue
        for violation in result.violations:
            start, end = item.to_file(violation.start), item.to_file(max(violation.end - 1, violation.start)) + 1
            end = max(end, start)
            # a fix is safe only where the file holds exactly what was checked (no escapes)
            fix = violation.fix if text[start:end] == item.text[violation.start:violation.end] else None
            violations.append(replace(violation, start=start, end=end, item=item.name, fix=fix))
    report = FileReport(path, _main_language(languages, linter), text, notices=notices)
    kept = []
    for violation in violations:
        if not options.reports(violation.rule):
            continue
        if suppressions.directives and suppressions.covers(violation.rule, report.position(violation).line):
            continue
        level = options.levels.get(violation.rule, violation.level)
        kept.append(replace(violation, level=level) if level != violation.level else violation)
    if options.reports(UNUSED):
        kept.extend(suppressions.unused())
    report.violations = sorted(kept, key=lambda v: (v.start, v.end, v.rule))
    report.score = linter.scoring.score(report.violations)
    return report


def _main_language(languages: list[str], linter: Linter) -> str:
    if not languages:
        return linter.settings.default_language
    return max(set(languages), key=languages.count)


_default_linters: dict[tuple, Linter] = {}
_lock = threading.Lock()


def default_linter(settings: Settings | None = None) -> Linter:
    settings = settings or Settings()
    key = (tuple(map(str, settings.rule_dirs)), repr(sorted(settings.overrides.items())), settings.default_language)
    with _lock:
        if key not in _default_linters:
            _default_linters[key] = Linter(settings)
        return _default_linters[key]


def lint(text: str, language: str = "auto", *, in_reply_to: str | None = None, mode: str = "draft", path: str = "-",
         options: Options | None = None, settings: Settings | None = None) -> FileReport:
    """Lint one reply (or template, with mode="template"), optionally against the customer's
    message it answers, and return its report."""
    options = options or Options(language=language, mode=mode)
    return lint_file(default_linter(settings), path, text, options, in_reply_to)


__all__ = ["Options", "Violation", "FileReport", "lint", "lint_file", "default_linter"]
