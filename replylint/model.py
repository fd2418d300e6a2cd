"""The small types every rule returns and every formatter reads."""

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

LEVELS = ("suggestion", "warning", "error")  # in order of severity
MODES = ("draft", "template")  # a draft is about to be sent; a template is a canned response


def severity(level: str) -> int:
    return LEVELS.index(level)


def reduce_by_fields(self):
    """Pickle as the class and its field values: --jobs sends every report from a worker,
    and pickle's default for slotted dataclasses was a quarter of the time spent checking."""
    cls = type(self)
    fields = _field_getters.get(cls)
    if fields is None:
        fields = _field_getters[cls] = attrgetter(*cls.__dataclass_fields__, "__class__")  # always a tuple
    return cls, fields(self)[:-1]


_field_getters: dict[type, attrgetter] = {}


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    level: str
    message: str
    start: int  # character offsets into the checked text
    end: int
    suggestion: str = ""
    source: str = ""
    fix: str | None = None  # replacement text for [start, end) when the fix is safe
    item: str = ""  # the template's name when the file is a collection of templates

    __reduce__ = reduce_by_fields


@dataclass(slots=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True)
class FileReport:
    path: str
    language: str
    text: str
    violations: list[Violation] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    score: object = None  # a score.Score, 0-100 with its categories
    _line_starts: list[int] | None = None

    __reduce__ = reduce_by_fields

    def position(self, violation: Violation) -> Position:
        """1-based line and column, counting characters, of a violation's span."""
        line, column = self._line_column(violation.start)
        end_line, end_column = self._line_column(violation.end)
        return Position(line, column, end_line, end_column)

    def line_text(self, line: int) -> str:
        starts = self._starts()
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[starts[line - 1]:end].rstrip("\r\n")

    def _line_column(self, offset: int) -> tuple[int, int]:
        starts = self._starts()
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        return self._line_starts
