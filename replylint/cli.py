"""The command line: a thin edge over the Linter. Turns errors into one line and an exit code."""

import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, ReplylintError
from .model import LEVELS, MODES, severity
from .process import defer_spacy_init

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
    lang: Optional[str] = typer.Option(None, "--lang", help="Language code, or auto (the default) to detect it per file."),
    output_format: str = typer.Option("text", "--format", help="text, json, sarif, github or junit."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    select: Optional[list[str]] = typer.Option(None, "--select", help="Only these rules (comma-separated)."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Skip these rules (comma-separated)."),
    fail_level: Optional[str] = typer.Option(None, "--fail-level", help="Exit 1 when a violation is at or above: error, warning (default) or suggestion."),
    mode: Optional[str] = typer.Option(None, "--mode", help="draft (about to be sent) or template (a canned response)."),
    rules: Optional[list[Path]] = typer.Option(None, "--rules", help="Another rule pack folder (repeatable)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (default: the nearest .replylint.yaml or pyproject.toml)."),
    in_reply_to: Optional[Path] = typer.Option(None, "--in-reply-to", help="The customer's message this reply answers."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only violations not recorded in this baseline."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record today's violations in this file."),
    default_lang: Optional[str] = typer.Option(None, "--default-lang", help="Language used when detection cannot tell (default en)."),
    fix: bool = typer.Option(False, "--fix", help="Apply the safe fixes (masking a card number, a listed replacement); on stdin, print the fixed text."),
    diff: bool = typer.Option(False, "--diff", help="Show the safe fixes as a unified diff; change nothing."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for many files (default: the number of cores)."),
) -> None:
    """Check replies and templates and report what breaks the guidelines."""
    from . import baseline as baselines
    from .checking import CheckRequest, Tally, start_check
    from .formatters import FORMATS, formatter
    from .inputs import STDIN

    try:
        if output_format not in FORMATS:
            raise ReplylintError(f"unknown format '{output_format}' (expected one of: {', '.join(FORMATS)})")
        for value, allowed, name in ((fail_level, LEVELS, "fail level"), (mode, MODES, "mode")):
            if value is not None and value not in allowed:
                raise ReplylintError(f"unknown {name} '{value}' (expected one of: {', '.join(allowed)})")
        request = CheckRequest(
            paths=paths or [STDIN], language=lang, mode=mode, select=_split(select), ignore=_split(ignore),
            rule_dirs=list(rules or []), config=config, in_reply_to=in_reply_to, default_language=default_lang,
            fix=fix and not diff, diff=diff,
        )
        known = baselines.read(baseline) if baseline else None
        to_terminal = output is None and sys.stdout.isatty()
        # the report itself shows progress when it scrolls past on the terminal
        run = start_check(request, progress=None if to_terminal else _progress_factory(), jobs=jobs or _cores())
    except ReplylintError as error:
        _fail(error)
    tally = Tally(lambda problem: typer.echo(f"replylint: {problem}", err=True), known, keep=write_baseline is not None)
    # with --diff, or --fix on standard input, stdout shows the changed text, not the report
    shows_text = diff or (request.fix and STDIN in request.paths)
    try:
        chunks = formatter(output_format)(tally.reports(run.outcomes), color=output_format == "text" and to_terminal, rule_dirs=run.rule_dirs)
        if output:
            _write_output(output, chunks)
        else:
            for chunk in chunks:
                if not shows_text:
                    sys.stdout.write(chunk)
        if write_baseline:
            baselines.write(write_baseline, tally.kept)
        if diff:
            sys.stdout.write("".join(tally.diffs))
        elif tally.fixed_stdin is not None:
            sys.stdout.write(tally.fixed_stdin)
    except ReplylintError as error:
        _fail(error)
    if tally.input_error:
        raise typer.Exit(EXIT_USAGE)
    threshold = severity(fail_level or run.fail_level)
    failed = any(severity(level) >= threshold for level in tally.levels)
    raise typer.Exit(EXIT_VIOLATIONS if failed and not write_baseline else EXIT_OK)


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _write_output(path: Path, chunks) -> None:
    try:
        with path.open("w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as error:
        raise ReplylintError(f"cannot write the report: {error.strerror or error}", str(path)) from None


def _progress_factory():
    """A progress bar for many files on a terminal; none when piped or in CI."""
    import os

    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def make(total: int):
        if total <= PROGRESS_THRESHOLD:
            return None
        from rich.console import Console
        from rich.progress import Progress

        return Progress(transient=True, console=Console(stderr=True))

    return make


PROGRESS_THRESHOLD = 8


RULES_OPTION = typer.Option(None, "--rules", help="Another rule pack folder (repeatable).")


def _rule_dirs(rules: list[Path] | None) -> list[Path]:
    """The packs `check` would use here: the configuration's, then --rules."""
    from .config import find_config

    return [Path(p) for p in find_config(Path.cwd()).get("rules", [])] + list(rules or [])


@app.command("rules")
def list_rules(
    lang: Optional[str] = typer.Option(None, "--lang", help="Only rules that apply to this language."),
    output_format: str = typer.Option("table", "--format", help="table, markdown (a rule-by-language table) or json."),
    rules: Optional[list[Path]] = RULES_OPTION,
) -> None:
    """List every rule: id, level, languages, summary."""
    import json

    from .catalogue import catalogue
    from .language import load_languages

    try:
        if output_format not in ("table", "markdown", "json"):
            raise ReplylintError(f"unknown format '{output_format}' (expected one of: table, markdown, json)")
        entries = catalogue(lang, _rule_dirs(rules))
        languages = sorted(load_languages()) if lang is None else [lang]
    except ReplylintError as error:
        _fail(error)
    if output_format == "json":
        typer.echo(json.dumps([e.listed() for e in entries], ensure_ascii=False, indent=2))
        return
    if output_format == "markdown":
        typer.echo(_markdown_table(entries, languages))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("rule", "level", "languages", "summary"):
        table.add_column(column)
    for entry in entries:
        table.add_row(entry.id, entry.level, ", ".join(entry.languages), entry.message)
    Console(soft_wrap=False, width=160 if not sys.stdout.isatty() else None).print(table)


def _markdown_table(entries, languages: list[str]) -> str:
    lines = ["| rule | level | " + " | ".join(languages) + " | what it checks | guideline |", "|---|---|" + "---|" * len(languages) + "---|---|"]
    for entry in entries:
        marks = " | ".join("✓" if code in entry.languages else "" for code in languages)
        lines.append(f"| `{entry.id}` | {entry.level} | {marks} | {entry.message} | {entry.source} |")
    return "\n".join(lines)


@app.command()
def explain(rule: str = typer.Argument(..., help="A rule id, e.g. thank-first."), rules: Optional[list[Path]] = RULES_OPTION) -> None:
    """Print a rule's rationale, the guideline it comes from, and its examples."""
    from .catalogue import catalogue

    try:
        entries = {entry.id: entry for entry in catalogue(None, _rule_dirs(rules))}
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
            for example in examples.get(verdict) or []:
                lines.append(f"  [{language}] {verdict}: {_shown_example(example)}")
    typer.echo("\n".join(lines))


def _shown_example(example) -> str:
    """An example on one line: a text, or a mapping with its text and what it needs besides
    (the customer's message it answers, a mode, declared variables)."""
    if not isinstance(example, dict):
        return str(example).replace("\n", "\\n")
    shown = str(example.get("text", "")).replace("\n", "\\n")
    circumstances = [f"{key.replace('_', ' ')}: {value!r}" for key, value in example.items() if key != "text"]
    return f"{shown}  ({'; '.join(circumstances)})" if circumstances else shown


@app.command()
def mcp() -> None:
    """Serve the Model Context Protocol over stdio (tools: lint_reply, list_rules)."""
    try:
        from .mcp_server import serve
    except ImportError:
        _fail(ReplylintError("the MCP server needs the mcp package: pip install 'replylint[mcp]'"))
    try:
        serve()
    except ImportError:
        _fail(ReplylintError("the MCP server needs the mcp package (version 2): pip install 'replylint[mcp]'"))


def main() -> None:
    defer_spacy_init()
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        code = 130
    except Exception as error:  # the last guard: one line, never a traceback
        typer.echo(f"replylint: internal error: {type(error).__name__}: {error}", err=True)
        code = EXIT_INTERNAL
    else:
        code = EXIT_OK
    _exit_now(code)


def _exit_now(code: int) -> None:
    """Leave without tearing down spaCy's objects one by one (70-100 ms that a linter run
    never needs): everything worth keeping is written and flushed by now."""
    import logging
    import os

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
