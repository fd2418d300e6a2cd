"""Regexes of rule packs, all on RE2 (linear time: no pattern can hang a run), compiled on
first use. A pattern is compiled once at load time the first time it is ever seen, so an
invalid one is refused with its place; the ones RE2 accepted are remembered in the cache."""

import hashlib

import re2

from .cache import KnownGood
from .errors import ReplylintError


class LazyRegex:
    """An RE2 regex compiled when first used: Unicode classes cost milliseconds each to
    compile, and a one-draft run uses few of the pack's regexes."""

    def __init__(self, pattern: str, ignorecase: bool, whole_words: bool, where):
        self.pattern, self.ignorecase, self.whole_words, self.where = pattern, ignorecase, whole_words, where
        self._compiled = None
        self.groups: list[int] = []

    def compiled(self):
        if self._compiled is None:
            options = re2.Options()
            options.case_sensitive = not self.ignorecase
            options.log_errors = False
            try:
                compiled = re2.compile(self.pattern, options)
            except re2.error as error:
                raise ReplylintError(f"invalid or unsupported regex {self.pattern!r}: {error}", self.where.path, self.where.line) from None
            self.groups = sorted(compiled.groupindex.values())
            self._compiled = compiled
        return self._compiled


def known_good(pattern: str, ignorecase: bool, where, whole_words: bool = False) -> LazyRegex:
    regex = LazyRegex(pattern, ignorecase, whole_words, where)
    digest = hashlib.sha1(f"{ignorecase}:{pattern}".encode("utf-8")).hexdigest()[:20]
    if digest not in _known_regexes():
        regex.compiled()
        _known_regexes().add(digest)
    return regex


_known: KnownGood | None = None


def _known_regexes() -> KnownGood:
    global _known
    if _known is None:
        _known = KnownGood("known-regexes.json", f"re2-{_re2_version()}")
    return _known


def _re2_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("google-re2")
    except PackageNotFoundError:
        return "-"


def save_known_regexes() -> None:
    if _known is not None:
        _known.save()
