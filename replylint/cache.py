"""The user's cache directory, and small JSON caches kept there.

Everything cached here can be rebuilt from its sources: a cache that is missing, stale,
corrupt or unwritable only costs time, never correctness.
"""

import json
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    override = os.environ.get("REPLYLINT_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("replylint"))


def read_json(name: str):
    try:
        return json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, data) -> None:
    path = cache_dir() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False)
        os.replace(temporary, path)
    except (OSError, TypeError, ValueError):
        pass


class FileCache:
    """Values computed from files, kept while each file's size and modification time stay
    the same: parsed rule files (libyaml resolves every scalar in Python, slowly)."""

    def __init__(self, name: str, version: int):
        self.name, self.version = name, version
        stored = read_json(name)
        self.entries = stored.get("entries", {}) if isinstance(stored, dict) and stored.get("version") == version else {}
        self.changed = False

    @staticmethod
    def _stamp(path: Path) -> list | None:
        try:
            status = path.stat()
        except OSError:
            return None
        return [status.st_mtime_ns, status.st_size]

    def get(self, path: Path):
        entry = self.entries.get(str(path))
        if entry and entry.get("stamp") == self._stamp(path):
            return entry.get("value")
        return None

    def put(self, path: Path, value) -> None:
        stamp = self._stamp(path)
        if stamp is not None:
            self.entries[str(path)] = {"stamp": stamp, "value": value}
            self.changed = True

    def save(self) -> None:
        """Written when something was added; entries of files that are gone (a deleted
        worktree, a test's temporary rule pack) are dropped then, or the cache, read by every
        run, would only grow."""
        if self.changed:
            self.entries = {path: entry for path, entry in self.entries.items() if os.path.exists(path)}
            write_json(self.name, {"version": self.version, "entries": self.entries})
            self.changed = False


def keep_newest(pattern: str, count: int) -> None:
    """Delete all but the `count` most recently used cache files matching `pattern` (a glob):
    derived tables keyed by their inputs pile up as rule packs change."""
    files = []
    for path in cache_dir().glob(pattern):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(files, reverse=True)[count:]:
        try:
            path.unlink()
        except OSError:
            pass


def mark_used(path: Path) -> None:
    """Make a cache file the most recently used for `keep_newest`."""
    try:
        os.utime(path)
    except OSError:
        pass


class KnownGood:
    """Digests of things that passed an expensive check once (a regex RE2 compiled), so that
    next time the check can wait until the thing is used."""

    def __init__(self, name: str, version: str):
        self.name, self.version = name, version
        stored = read_json(name)
        self.known = set(stored.get("digests", [])) if isinstance(stored, dict) and stored.get("version") == version else set()
        self.added: set[str] = set()

    def __contains__(self, digest: str) -> bool:
        return digest in self.known

    def add(self, digest: str) -> None:
        if digest not in self.known:
            self.known.add(digest)
            self.added.add(digest)

    def save(self) -> None:
        if self.added:
            write_json(self.name, {"version": self.version, "digests": sorted(self.known)})
            self.added.clear()
