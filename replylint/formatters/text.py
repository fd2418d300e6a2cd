"""Human output: violations grouped by file, the line with the span highlighted, a summary."""

from io import StringIO

from rich.console import Console
from rich.text import Text

from ..model import FileReport

STYLES = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}


def render(reports: list[FileReport], color: bool = False, width: int = 100) -> str:
    buffer = StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True)
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    for report in reports:
        if not report.violations and not report.notices:
            continue
        heading = Text(f"{report.path}", style="bold underline") + Text(f" ({report.language})", style="dim")
        if report.score is not None:
            categories = ", ".join(f"{name} {value}" for name, value in report.score.categories.items())
            heading += Text(f"  score {report.score.total}/100", style="bold") + Text(f" ({categories})", style="dim")
        console.print(heading)
        for notice in report.notices:
            console.print(Text(f"  note: {notice}", style="dim"))
        for violation in report.violations:
            counts[violation.level] += 1
            position = report.position(violation)
            head = Text(f"  {position.line}:{position.column}", style="bold")
            head += Text(f"  {violation.level:<10}", style=STYLES[violation.level])
            head += Text(f" {violation.rule:<24} ", style="magenta") + Text(violation.message)
            console.print(head)
            line = report.line_text(position.line)
            shown = Text("      " + line, style="dim")
            start = position.column - 1
            end = position.end_column - 1 if position.end_line == position.line else len(line)
            shown.stylize(STYLES[violation.level] + " underline", 6 + start, 6 + max(end, start + 1))
            console.print(shown)
            if violation.suggestion:
                console.print(Text(f"      fix: {violation.suggestion}", style="green"))
        console.print()
    summary = f"{len(reports)} file(s) checked: {counts['error']} error(s), {counts['warning']} warning(s), {counts['suggestion']} suggestion(s)"
    console.print(Text(summary, style="bold"))
    return buffer.getvalue()
