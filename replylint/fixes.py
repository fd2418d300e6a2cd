"""Applying safe fixes (a masked card number, a listed replacement) to a file.

Only spans are replaced, so line endings and everything else stay as they were. The file is
written through a temporary file in the same folder and an atomic rename, keeping its
permissions and encoding; if anything fails the original is left untouched.
"""

import difflib
import os
import stat
import tempfile

from .errors import ReplylintError
from .model import Violation


def apply(text: str, violations: list[Violation]) -> str:
    """The text with every fixable, non-overlapping violation replaced by its fix."""
    pieces, position = [], 0
    for violation in sorted((v for v in violations if v.fix is not None), key=lambda v: (v.start, v.end)):
        if violation.start < position:
            continue  # overlaps a fix already taken: the next run will see it
        pieces.append(text[position:violation.start])
        pieces.append(violation.fix)
        position = violation.end
    pieces.append(text[position:])
    return "".join(pieces)


MAX_PASSES = 10


def fix_until_stable(text: str, report, lint):
    """Apply fixes pass after pass until none is left (a fix can change how the text next to
    it reads), so that fixing the result again changes nothing. `report` is the lint of
    `text`; returns the fixed text and its report, each text linted once."""
    for _ in range(MAX_PASSES):
        fixed = apply(text, report.violations)
        if fixed == text:
            break
        text, report = fixed, lint(fixed)
    return text, report


def diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def write(path: str, text: str, encoding: str) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".replylint-", suffix=".tmp")
    except OSError as error:
        raise ReplylintError(f"cannot write the fix: {error.strerror or error}", path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode(encoding))
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except (OSError, UnicodeError) as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise ReplylintError(f"cannot write the fix, file left unchanged: {getattr(error, 'strerror', None) or error}", path) from None
