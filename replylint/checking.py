"""`replylint check` without the command line: find configuration, expand paths, read files,
lint each with the options that apply to it. Problems with one file do not stop the others."""

from dataclasses import dataclass, field
from pathlib import Path

from . import fixes, inputs
from .api import Options, lint_file
from .config import Config, find_config, load_config
from .errors import ReplylintError
from .formats import email_message, is_template_path
from .linter import Linter, Settings
from .model import FileReport


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


@dataclass
class Outcome:
    reports: list[FileReport]
    problems: list[str]  # one line each, for stderr
    input_error: bool
    fail_level: str
    diffs: list[str] = field(default_factory=list)
    fixed_stdin: str | None = None  # with --fix on standard input: the fixed text


class Checker:
    def __init__(self, request: CheckRequest):
        self.request = request
        self.fixed_config = load_config(request.config) if request.config else None
        if request.config is not None and not request.config.is_file():
            raise ReplylintError("configuration file not found", str(request.config))
        self.linters: dict[str, Linter] = {}
        self.customer_text, self.customer_name = _customer_message(request.in_reply_to) if request.in_reply_to else (None, "")

    def config_for(self, path: str) -> Config:
        if self.fixed_config:
            return self.fixed_config
        return find_config(Path.cwd() if path == inputs.STDIN else Path(path))

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


def run_check(request: CheckRequest, progress=None) -> Outcome:
    checker = Checker(request)
    first_config = checker.config_for(request.paths[0] if request.paths else inputs.STDIN)
    checker.linter_for(first_config)  # configuration errors first, before any file
    paths = inputs.expand(request.paths, excluded=lambda p: checker.config_for(p).excluded(p))
    reports, problems, input_error, diffs, fixed_stdin = [], [], False, [], None
    bar = progress(len(paths)) if progress else None
    task = bar.add_task("checking", total=len(paths)) if bar else None
    if bar:
        bar.start()
    try:
        for path in paths:
            config = checker.config_for(path)
            try:
                source = inputs.read(path, config.get("max_file_bytes", inputs.MAX_BYTES))
            except inputs.BinaryFile as notice:
                problems.append(str(notice))
                continue
            except ReplylintError as error:
                problems.append(str(error))
                input_error = True
                continue
            lint = lambda text: lint_file(checker.linter_for(config), path, text, checker.options_for(path, config), checker.customer_text, checker.customer_name)  # noqa: E731
            try:
                report = lint(source.text)
                if request.fix or request.diff:
                    fixed = fixes.apply(source.text, report.violations)
                    if request.diff and fixed != source.text:
                        diffs.append(fixes.diff(path, source.text, fixed))
                    if request.fix and path == inputs.STDIN:
                        fixed_stdin = fixed
                    elif request.fix and fixed != source.text:
                        fixes.write(path, fixed, source.encoding)
                    if request.fix:
                        report = lint(fixed)
            except ReplylintError as error:  # a file that cannot be read as its format says, or written
                problems.append(str(error))
                input_error = True
                continue
            reports.append(report)
            if bar:
                bar.advance(task)
    finally:
        if bar:
            bar.stop()
    return Outcome(reports, problems, input_error, first_config.get("fail_level", "warning"), diffs, fixed_stdin)


def _customer_message(path: Path) -> tuple[str, str]:
    """The customer's message: a text file, or an .eml message (its body, and the From: name)."""
    text = inputs.read(str(path)).text
    if path.suffix.lower() == ".eml":
        return email_message.body(text)[1], email_message.sender_name(text)
    return text, ""
