"""The stable JSON report (schema version 1, documented in the README)."""

from collections.abc import Iterable, Iterator

import orjson

from ..model import FileReport
from . import Counts

SCHEMA_VERSION = 1


def report_dict(reports: list[FileReport]) -> dict:
    counts = Counts()
    for report in reports:
        counts.add(report)
    return {"version": SCHEMA_VERSION, "files": [file_entry(report) for report in reports], "summary": _summary(counts)}


def file_entry(report: FileReport) -> dict:
    violations = []
    for violation in report.violations:
        position = report.position(violation)
        violations.append({
            "rule": violation.rule,
            "level": violation.level,
            "message": violation.message,
            "line": position.line,
            "column": position.column,
            "end_line": position.end_line,
            "end_column": position.end_column,
            "text": report.text[violation.start:violation.end],
            "suggestion": violation.suggestion,
            "source": violation.source,
        })
    entry = {"path": report.path, "language": report.language, "violations": violations}
    if report.score is not None:
        entry["score"] = {"total": report.score.total, "categories": report.score.categories}
    if report.notices:
        entry["notices"] = list(report.notices)
    return entry


def _summary(counts: Counts) -> dict:
    levels = counts.levels
    return {"files": counts.files, "errors": levels["error"], "warnings": levels["warning"], "suggestions": levels["suggestion"]}


def render(reports: Iterable[FileReport], **_) -> Iterator[str]:
    """The same text as dumps(report_dict(reports)), written a file at a time."""
    yield f'{{\n  "version": {SCHEMA_VERSION},\n  "files": ['
    counts = Counts()
    for report in reports:
        yield ("\n    " if counts.files == 0 else ",\n    ") + dumps(file_entry(report))[:-1].replace("\n", "\n    ")
        counts.add(report)
    yield ("\n  ]" if counts.files else "]") + ',\n  "summary": ' + dumps(_summary(counts))[:-1].replace("\n", "\n  ") + "\n}\n"


def dumps(value) -> str:
    """Indented JSON, as json.dumps(indent=2, ensure_ascii=False) writes it, but in C: the
    standard library's indenting encoder is Python and took longer than checking 10,000 files."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
