"""Errors in what the user gave us (files, rule packs, configuration).

They are values with a place, turned into one line at the edge (the CLI), never a traceback.
"""

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_USAGE = 2


class ReplylintError(Exception):
    """A problem with user input: `path:line: message`. Always exit code 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message
