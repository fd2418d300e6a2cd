"""GitHub Actions workflow commands: one annotation per violation, then a summary."""

from collections.abc import Iterable, Iterator

from ..model import FileReport
from . import Counts

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(reports: Iterable[FileReport], **_) -> Iterator[str]:
    counts = Counts()
    for report in reports:
        counts.add(report)
        for violation in report.violations:
            position = report.position(violation)
            properties = ",".join([
                f"file={_escape_property(report.path)}",
                f"line={position.line}",
                f"col={position.column}",
                f"endLine={position.end_line}",
                f"endColumn={position.end_column}",
                f"title={_escape_property('replylint ' + violation.rule)}",
            ])
            message = violation.message + (f" Fix: {violation.suggestion}" if violation.suggestion else "")
            yield f"::{COMMANDS[violation.level]} {properties}::{_escape_data(message)}\n"
    yield f"replylint: {counts.sentence()}\n"
