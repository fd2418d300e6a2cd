"""Finding and reading the files to check. Nothing here ever writes to them."""

import codecs
import os
import stat
import sys
from dataclasses import dataclass

from .errors import ReplylintError

TEXT_SUFFIXES = {
    ".txt", ".text", ".md", ".markdown", ".eml", ".html", ".htm",
    ".j2", ".jinja", ".jinja2", ".liquid", ".hbs", ".handlebars", ".mustache", ".ftl", ".tmpl", ".tpl",
    ".json", ".yaml", ".yml",
}
MAX_BYTES = 10_000_000
STDIN = "-"


@dataclass
class Source:
    path: str
    text: str
    encoding: str = "utf-8"  # how to write it back: utf-8, utf-8-sig or utf-16


def expand(paths: list[str], excluded=lambda path: False) -> list[str]:
    """Files named, and text files below folders named (minus what .gitignore and the
    configuration exclude), each once, in a stable order."""
    found, seen = [], set()
    real_folders: dict[str, str] = {}
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            candidates = [p for p in _walk(path) if not excluded(p)]
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate if candidate == STDIN else _real_path(candidate, real_folders)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _real_path(path: str, real_folders: dict[str, str]) -> str:
    """os.path.realpath, with each folder resolved once: it checks every part of the path."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    if folder not in real_folders:
        real_folders[folder] = os.path.realpath(folder or ".")
    return os.path.join(real_folders[folder], name)


def _walk(root: str) -> list[str]:
    import pathspec

    files, visited, ignores = [], set(), {}
    for directory, subdirs, names in os.walk(root, followlinks=True):
        real = os.path.realpath(directory)
        if real in visited:  # a symlink loop
            subdirs[:] = []
            continue
        visited.add(real)
        if ".gitignore" in names:
            try:
                with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                    ignores[directory] = pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
            except OSError:
                pass

        def ignored(path: str, is_dir: bool) -> bool:
            for base, spec in ignores.items():
                relative = os.path.relpath(path, base)
                if not relative.startswith("..") and spec.match_file(relative + ("/" if is_dir else "")):
                    return True
            return False

        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and not ignored(os.path.join(directory, d), True))
        files.extend(
            os.path.join(directory, n) for n in sorted(names)
            if os.path.splitext(n)[1].lower() in TEXT_SUFFIXES and not n.startswith(".") and not ignored(os.path.join(directory, n), False)
        )
    return files


def read(path: str, max_bytes: int = MAX_BYTES) -> Source:
    if path == STDIN:
        stream = sys.stdin.buffer if sys.stdin else None
        data = stream.read(max_bytes + 1) if stream else b""
    else:
        try:
            with open(path, "rb") as handle:
                # read(n) allocates n bytes first: a 1 MB buffer per file cost more than the
                # read. A regular file is read at its size; anything else, bounded.
                info = os.fstat(handle.fileno())
                small = stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes
                data = handle.read() if small else handle.read(max_bytes + 1)
        except IsADirectoryError:
            raise ReplylintError("is a directory", path) from None
        except OSError as error:
            raise ReplylintError(f"cannot read: {error.strerror or error}", path) from None
    if len(data) > max_bytes:
        raise ReplylintError(f"larger than the limit of {max_bytes} bytes (set max_file_bytes to raise it)", path)
    text, encoding = decode(data, path)
    return Source(path, text, encoding)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and its encoding: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8):], "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ReplylintError("invalid UTF-16 text", path) from None
    if b"\x00" in data:
        raise BinaryFile(path)
    try:
        return data.decode("utf-8"), encoding
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReplylintError(f"not valid UTF-8 (byte 0x{data[error.start]:02x})", path, line) from None


class BinaryFile(ReplylintError):
    def __init__(self, path: str):
        super().__init__("binary file (NUL bytes), skipped", path)
