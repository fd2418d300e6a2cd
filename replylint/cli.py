"""The command line: a thin edge over the Linter. Turns errors into one line and an exit code."""

import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, ReplylintError
from .model import LEVELS, FileReport, severity

EXIT_INTERNAL = 3

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Lint customer-service replies before they are sent.")


def _split(values: Optional[list[str]]) -> set[str]:
    return {item.strip() for value in values or [] for item in value.split(",") if item.strip()}


def _fail(error: ReplylintError) -> None:
    typer.echo(f"replylint: {error}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def check(
    paths: list[str] = typer.Argument(None, help="Files, folders, or - for standard input."),
    lang: str = typer.Option("auto", "--lang", help="Language code, or auto to detect it per file."),
    output_format: str = typer.Option("text", "--format", help="text or json."),
    select: Optional[list[str]] = typer.Option(None, "--select", help="Only these rules (comma-separated)."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Skip these rules (comma-separated)."),
    fail_level: str = typer.Option("warning", "--fail-level", help="Exit 1 when a violation is at or above: error, warning or suggestion."),
    rules: Optional[list[Path]] = typer.Option(None, "--rules", help="Another rule pack folder (repeatable)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A configuration file."),
    in_reply_to: Optional[Path] = typer.Option(None, "--in-reply-to", help="The customer's message this reply answers."),
    default_lang: str = typer.Option("en", "--default-lang", help="Language used when detection cannot tell."),
) -> None:
    """Check replies and report what breaks the guidelines."""
    from . import inputs
    from .formatters import FORMATS, formatter
    from .linter import Linter, Settings

    try:
        if output_format not in FORMATS:
            raise ReplylintError(f"unknown format '{output_format}' (expected one of: {', '.join(FORMATS)})")
        if fail_level not in LEVELS:
            raise ReplylintError(f"unknown fail level '{fail_level}' (expected one of: {', '.join(LEVELS)})")
        if config is not None and not config.is_file():
            raise ReplylintError("configuration file not found", str(config))
        if in_reply_to is not None:
            inputs.read(str(in_reply_to))
        settings = Settings(rule_dirs=list(rules or []), select=_split(select), ignore=_split(ignore), default_language=default_lang)
        linter = Linter(settings)
        if lang != "auto":
            linter.resolve_language("", lang)
    except ReplylintError as error:
        _fail(error)

    input_error = False
    reports = []
    for path in inputs.expand(paths or [inputs.STDIN]):
        try:
            source = inputs.read(path)
        except inputs.BinaryFile as notice:
            typer.echo(f"replylint: {notice}", err=True)
            continue
        except ReplylintError as error:
            typer.echo(f"replylint: {error}", err=True)
            input_error = True
            continue
        try:
            result = linter.check(source.text, lang)
        except ReplylintError as error:
            _fail(error)
        reports.append(FileReport(path, result.language, source.text, result.violations, result.notices))

    rendered = formatter(output_format)(reports, color=output_format == "text" and sys.stdout.isatty())
    sys.stdout.write(rendered)
    if input_error:
        raise typer.Exit(EXIT_USAGE)
    threshold = severity(fail_level)
    failed = any(severity(v.level) >= threshold for report in reports for v in report.violations)
    raise typer.Exit(EXIT_VIOLATIONS if failed else EXIT_OK)


@app.command("rules")
def list_rules(lang: Optional[str] = typer.Option(None, "--lang", help="Only rules that apply to this language.")) -> None:
    """List every rule: id, level, languages, summary."""
    from rich.console import Console
    from rich.table import Table

    from .catalogue import catalogue

    try:
        entries = catalogue(lang)
    except ReplylintError as error:
        _fail(error)
    table = Table(show_lines=False)
    for column in ("rule", "level", "languages", "summary"):
        table.add_column(column)
    for entry in entries:
        table.add_row(entry.id, entry.level, ", ".join(entry.languages), entry.message)
    Console(soft_wrap=False, width=160 if not sys.stdout.isatty() else None).print(table)


@app.command()
def explain(rule: str = typer.Argument(..., help="A rule id, e.g. thank-first.")) -> None:
    """Print a rule's rationale, the guideline it comes from, and its examples."""
    from .catalogue import catalogue

    try:
        entries = {entry.id: entry for entry in catalogue(None)}
        if rule not in entries:
            raise ReplylintError(f"unknown rule '{rule}' (see 'replylint rules')")
    except ReplylintError as error:
        _fail(error)
    entry = entries[rule]
    lines = [f"{entry.id} ({entry.level}, {entry.kind})", "", entry.description or entry.message, ""]
    lines.append(f"Guideline: {entry.source}")
    lines.append(f"Languages: {', '.join(entry.languages)}")
    for language, examples in entry.examples.items():
        for verdict in ("pass", "fail"):
            for example in examples.get(verdict, []):
                shown = example.replace("\n", "\\n")
                lines.append(f"  [{language}] {verdict}: {shown}")
    typer.echo("\n".join(lines))


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last guard: one line, never a traceback
        typer.echo(f"replylint: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)
