"""Human output: violations grouped by file, the line with the span highlighted, a summary.

The layout is made once, as lines of (text, style) pieces; rich colours them for a terminal,
and plain output joins the texts (rich's console costs a tenth of a millisecond per line,
which made the report of 10,000 files slower than checking them).
"""

from collections.abc import Iterable, Iterator

from ..model import FileReport
from . import Counts

STYLES = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}

Pieces = list[tuple[str, str]]


def render(reports: Iterable[FileReport], color: bool = False, width: int = 100, **_) -> Iterator[str]:
    lines = _lines(reports)
    if not color:
        for pieces in lines:
            yield "".join(text for text, _ in pieces) + "\n"
        return
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    buffer = StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, highlight=False, soft_wrap=True)
    for pieces in lines:
        console.print(Text.assemble(*pieces))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _lines(reports: Iterable[FileReport]) -> Iterator[Pieces]:
    counts = Counts()
    for report in reports:
        counts.add(report)
        if not report.violations and not report.notices:
            continue
        heading = [(report.path, "bold underline"), (f" ({report.language})", "dim")]
        if report.score is not None:
            categories = ", ".join(f"{name} {value}" for name, value in report.score.categories.items())
            heading += [(f"  score {report.score.total}/100", "bold"), (f" ({categories})", "dim")]
        yield heading
        for notice in report.notices:
            yield [(f"  note: {notice}", "dim")]
        for violation in report.violations:
            style = STYLES[violation.level]
            position = report.position(violation)
            yield [(f"  {position.line}:{position.column}", "bold"), (f"  {violation.level:<10}", style), (f" {violation.rule:<24} ", "magenta"), (violation.message, "")]
            line = report.line_text(position.line)
            start = position.column - 1
            end = max(position.end_column - 1 if position.end_line == position.line else len(line), start + 1)
            yield [("      " + line[:start], "dim"), (line[start:end], f"dim {style} underline"), (line[end:], "dim")]
            if violation.suggestion:
                yield [(f"      fix: {violation.suggestion}", "green")]
        yield []
    yield [(counts.sentence(), "bold")]
