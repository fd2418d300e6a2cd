"""Formatters, one module each: `render(reports, **options)` takes file reports as they come
(an iterable) and yields the report's text in pieces, so a long run is written as it goes."""

from importlib import import_module

from ..model import LEVELS, FileReport

FORMATS = ("text", "json", "sarif", "github", "junit")


def formatter(name: str):
    return import_module(f"{__name__}.{name}").render


class Counts:
    """Files, and violations by level, counted as the reports stream past: the summary."""

    def __init__(self):
        self.files = 0
        self.levels = dict.fromkeys(LEVELS, 0)

    def add(self, report: FileReport) -> None:
        self.files += 1
        for violation in report.violations:
            self.levels[violation.level] += 1

    def sentence(self) -> str:
        return f"{self.files} file(s) checked: {self.levels['error']} error(s), {self.levels['warning']} warning(s), {self.levels['suggestion']} suggestion(s)"
