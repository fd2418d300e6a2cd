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


class Prefilter:
    """Which of a language's regexes can match a text at all, in one pass (an RE2 set), so
    the others are not run. Built once the process has asked BUILD_AFTER times: compiling
    every regex of a language at once costs about 9 ms, which a one-draft run never earns
    back and a batch earns back within a hundred texts (a pass saves 10-15 us)."""

    BUILD_AFTER = 200

    def __init__(self, regexes: dict[str, LazyRegex]):
        self._regexes = regexes
        self._keys = list(regexes)
        self._asked = 0
        self._set = None

    def possible(self, text: str) -> set[str] | None:
        """The keys of the regexes that match somewhere in `text`; None: not known yet."""
        if self._set is None:
            self._asked += 1
            if self._asked <= self.BUILD_AFTER or not self._keys:
                return None
            self._set = self._build()
        found = self._set.Match(text)
        return {self._keys[i] for i in found} if found else set()

    def _build(self):
        return search_set(("(?i)" if regex.ignorecase else "") + regex.pattern for regex in self._regexes.values())


def search_set(patterns):
    """One RE2 set of patterns that have each been accepted already: Match(text) gives the
    indices of those found anywhere in the text (None when none is)."""
    options = re2.Options()
    options.log_errors = False
    regex_set = re2.Set.SearchSet(options)
    for pattern in patterns:
        regex_set.Add(pattern)
    regex_set.Compile()
    return regex_set
