"""`replylint check` without the command line: find configuration, expand paths, read files,
lint each with the options that apply to it. Problems with one file do not stop the others.
Outcomes come one file at a time, so reports are written while the next files are checked."""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import fixes, inputs
from .api import Options, lint_file
from .config import Config, find_config, load_config
from .errors import ReplylintError
from .formats import is_template_path
from .linter import Linter, Settings
from .model import FileReport
from .process import settle


@dataclass
class CheckRequest:
    paths: list[str]
    language: str | None = None
    mode: str | None = None
    select: set[str] = field(default_factory=set)
    ignore: set[str] = field(default_factory=set)
    rule_dirs: list[Path] = field(default_factory=list)
    config: Path | None = None
    in_reply_to: Path | None = None
    default_language: str | None = None
    fix: bool = False  # write the safe fixes
    diff: bool = False  # show them as a unified diff instead


class Checker:
    def __init__(self, request: CheckRequest):
        self.request = request
        self.fixed_config = load_config(request.config) if request.config else None
        if request.config is not None and not request.config.is_file():
            raise ReplylintError("configuration file not found", str(request.config))
        self.linters: dict[str, Linter] = {}
        self._configs: dict[str, Config] = {}  # folder of a file -> its configuration
        self.customer_text, self.customer_name = _customer_message(request.in_reply_to) if request.in_reply_to else (None, "")

    def config_for(self, path: str) -> Config:
        """The configuration of a file (or of standard input: the working folder's)."""
        if self.fixed_config:
            return self.fixed_config
        folder = os.getcwd() if path == inputs.STDIN else os.path.dirname(os.path.abspath(path))
        config = self._configs.get(folder)
        if config is None:
            config = self._configs[folder] = find_config(Path(folder))
        return config

    def compiled_languages(self) -> int:
        return sum(linter.compiled_languages() for linter in self.linters.values())

    def linter_for(self, config: Config) -> Linter:
        if config.path not in self.linters:
            overrides = {}
            if config.get("variables"):
                overrides["unknown-placeholder"] = {"variables": config.get("variables")}
            if config.get("response_hours") is not None:
                overrides["sla-exceeded"] = {"max_hours": config.get("response_hours")}
            settings = Settings(
                rule_dirs=[Path(p) for p in config.get("rules", [])] + list(self.request.rule_dirs),
                overrides=overrides,
                default_language=self.request.default_language or config.get("default_language", "en"),
                scoring=config.get("scoring", {}),
            )
            linter = Linter(settings)
            for rule in self.request.select | self.request.ignore | set(config.get("select", [])) | set(config.get("ignore", [])):
                if rule not in linter.sources and rule != "unused-suppression":
                    raise ReplylintError(f"unknown rule '{rule}' (see 'replylint rules')", config.path or None)
            if self.request.language not in (None, "auto"):
                linter.resolve_language("", self.request.language)
            self.linters[config.path] = linter
        return self.linters[config.path]

    def options_for(self, path: str, config: Config) -> Options:
        per_file = config.for_file(path)
        mode = self.request.mode or per_file.get("mode") or ("template" if is_template_path(path) else config.get("mode", "draft"))
        return Options(
            language=self.request.language or per_file.get("language") or config.get("language", "auto"),
            mode=mode,
            select=frozenset(self.request.select or per_file.get("select") or ()),
            ignore=frozenset(self.request.ignore | set(per_file.get("ignore") or ())),
            levels=dict(per_file.get("levels") or {}),
            collection_keys=per_file.get("collection_keys") or {},
        )


@dataclass
class FileOutcome:
    report: FileReport | None = None
    problem: str = ""
    input_error: bool = False
    diff: str = ""
    fixed_stdin: str | None = None


def check_one(checker: Checker, path: str) -> FileOutcome:
    """Read, lint and (when asked) fix one file. Nothing here writes unless --fix was given."""
    request = checker.request
    config = checker.config_for(path)
    try:
        source = inputs.read(path, config.get("max_file_bytes", inputs.MAX_BYTES))
    except inputs.BinaryFile as notice:
        return FileOutcome(problem=str(notice))
    except ReplylintError as error:
        return FileOutcome(problem=str(error), input_error=True)
    linter, options = checker.linter_for(config), checker.options_for(path, config)
    lint = lambda text: lint_file(linter, path, text, options, checker.customer_text, checker.customer_name)  # noqa: E731
    outcome = FileOutcome()
    try:
        outcome.report = lint(source.text)
        if request.fix or request.diff:
            fixed, fixed_report = fixes.fix_until_stable(source.text, outcome.report, lint)
            if request.diff and fixed != source.text:
                outcome.diff = fixes.diff(path, source.text, fixed)
            if request.fix and path == inputs.STDIN:
                outcome.fixed_stdin = fixed
            elif request.fix and fixed != source.text:
                fixes.write(path, fixed, source.encoding)
            if request.fix:
                outcome.report = fixed_report
    except ReplylintError as error:  # a file that cannot be read as its format says, or written
        return FileOutcome(problem=str(error), input_error=True)
    return outcome


_worker_checker: Checker | None = None


def _check_chunk(paths: list[str]) -> list[FileOutcome]:
    return [_check_and_settle(_worker_checker, path) for path in paths]


def _check_and_settle(checker: Checker, path: str) -> FileOutcome:
    outcome = check_one(checker, path)
    settle(checker.compiled_languages())
    return outcome


def _outcomes(checker: Checker, paths: list[str], jobs: int):
    """Each file's outcome, in order; with jobs > 1, chunks of files in worker processes that
    inherit the loaded rules (fork), so workers pay no start-up. Where processes cannot fork
    (Windows), files are checked in this process."""
    global _worker_checker
    import multiprocessing

    settle(checker.compiled_languages())  # workers inherit it
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if jobs <= 1 or len(paths) < PARALLEL_FROM or inputs.STDIN in paths or not can_fork:
        for path in paths:
            yield _check_and_settle(checker, path)
        return
    from concurrent.futures import ProcessPoolExecutor

    _worker_checker = checker
    context = multiprocessing.get_context("fork")
    size = max(1, min(CHUNK, len(paths) // (jobs * 4) or 1))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for results in pool.map(_check_chunk, chunks):
            yield from results


PARALLEL_FROM = 64  # fewer files are checked faster in one process
CHUNK = 200


@dataclass
class CheckRun:
    fail_level: str  # the configuration's, unless the command line says otherwise
    rule_dirs: list[Path]  # the rule packs besides the bundled one (for SARIF's rule list)
    outcomes: Iterator[FileOutcome]  # each file's, as it is ready


def start_check(request: CheckRequest, progress=None, jobs: int = 1) -> CheckRun:
    """Load the configuration and the rules (errors here come before any file is read); the
    files are checked as the outcomes are read."""
    checker = Checker(request)
    first = request.paths[0] if request.paths else inputs.STDIN
    first_config = checker.fixed_config or find_config(Path.cwd() if first == inputs.STDIN else Path(first))
    linter = checker.linter_for(first_config)
    paths = inputs.expand(request.paths, excluded=lambda p: checker.config_for(p).excluded(p))
    if jobs > 1 and len(paths) >= PARALLEL_FROM and request.language not in (None, "auto"):
        linter.checker(request.language)  # compile before forking, once for all workers
    return CheckRun(first_config.get("fail_level", "warning"), linter.settings.rule_dirs, _with_progress(_outcomes(checker, paths, jobs), progress, len(paths)))


def _with_progress(outcomes: Iterator[FileOutcome], progress, total: int) -> Iterator[FileOutcome]:
    bar = progress(total) if progress else None
    if bar is None:
        yield from outcomes
        return
    task = bar.add_task("checking", total=total)
    bar.start()
    try:
        for outcome in outcomes:
            yield outcome
            bar.advance(task)
    finally:
        bar.stop()


def _customer_message(path: Path) -> tuple[str, str]:
    """The customer's message: a text file, or an .eml message (its body, and the From: name)."""
    text = inputs.read(str(path)).text
    if path.suffix.lower() == ".eml":
        from .formats import email_message

        return email_message.body(text)[1], email_message.sender_name(text)
    return text, ""


class Tally:
    """What a run adds up to while its reports stream past to the formatter: problems (handed
    on at once), input errors, the levels found (for the exit code), diffs, fixed stdin."""

    def __init__(self, on_problem, known: set[str] | None = None, keep: bool = False):
        self.on_problem, self.known, self.keep = on_problem, known, keep
        self.input_error = False
        self.levels: set[str] = set()
        self.diffs: list[str] = []
        self.fixed_stdin: str | None = None
        self.kept: list[FileReport] = []  # only with keep (--write-baseline needs them all)

    def reports(self, outcomes: Iterator[FileOutcome]) -> Iterator[FileReport]:
        from .baseline import without_known

        for outcome in outcomes:
            if outcome.problem:
                self.on_problem(outcome.problem)
            self.input_error |= outcome.input_error
            if outcome.diff:
                self.diffs.append(outcome.diff)
            if outcome.fixed_stdin is not None:
                self.fixed_stdin = outcome.fixed_stdin
            report = outcome.report
            if report is None:
                continue
            if self.known is not None:
                without_known(report, self.known)
            self.levels.update(v.level for v in report.violations)
            if self.keep:
                self.kept.append(report)
            yield report
