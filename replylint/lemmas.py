"""Lemma tables cut down to the words the rules need, cached on disk.

The full lookup tables take seconds to load; the rules need a few hundred lemmas. So the
first run reads the full table once, keeps every inflected form of the needed lemmas, and
caches that table in the user's cache directory, keyed by the needed words and the versions
of everything that shaped it. A stale or corrupt cache is rebuilt silently.

The cache is an SQLite file that is queried, not loaded: a Turkish verb such as 'et' has four
thousand forms, and reading 135,000 of them into a dict would cost every cold run 50 ms,
where a draft asks for a few dozen words (each asked once per process). A process that has
asked for many words (a server, a batch of files) loads the whole table once its queries have
cost what loading would (a query costs about as much as loading seven rows: 5 us): so it never
pays more than twice the cheaper of the two ways.
"""

import gzip
import hashlib
import json
import os
import sqlite3
import tempfile
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .cache import cache_dir, keep_newest, mark_used
from .errors import ReplylintError
from .language import Language

CACHE_FORMAT = 8
ROWS_PER_QUERY = 7  # loading this many rows costs about one query
KEY_LENGTH = 20  # hex digits of the cache key in a table's file name
TABLES_KEPT = 6  # per language: a few rule-pack versions or projects with packs of their own
LOOKUP_BATCH = 500  # forms per query (SQLite allows 999 parameters at least)


class FormTable:
    """folded form -> folded lemma: a dict, or the cache file read one word at a time."""

    def __init__(self, forms: dict[str, str] | None = None, connection=None, rows: int = 0):
        self._forms = forms  # in memory: just compiled, or loaded from the file
        self._lock = threading.Lock()
        self._connection = connection
        self._queries = 0
        self._load_after = rows // ROWS_PER_QUERY

    @classmethod
    def open(cls, path: Path) -> "FormTable | None":
        """The cache file, if it is there and of this format (one connection for both)."""
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error:
            return None
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta"))
        except sqlite3.Error:
            meta = {}
        if meta.get("format") != str(CACHE_FORMAT) or not str(meta.get("rows", "")).isdigit():
            connection.close()
            return None
        return cls(connection=connection, rows=int(meta["rows"]))

    def get(self, form: str, default=None):
        if self._forms is not None:
            return self._forms.get(form, default)
        if self._connection is None:
            return default
        with self._lock:
            if self._forms is not None:
                return self._forms.get(form, default)
            self._queries += 1
            if self._queries > self._load_after:
                self._forms = dict(self._connection.execute("SELECT form, lemma FROM forms"))
                return self._forms.get(form, default)
            row = self._connection.execute("SELECT lemma FROM forms WHERE form = ?", (form,)).fetchone()
        return row[0] if row else default

    def lookup(self, forms: set[str]) -> dict[str, str]:
        """The lemmas of many forms at once (the ones the table has): a query per batch,
        not per word, for the thousands of words a rule pack names."""
        if self._forms is not None or self._connection is None:
            table = self._forms or {}
            return {form: table[form] for form in forms if form in table}
        wanted, found = sorted(forms), {}
        with self._lock:
            for start in range(0, len(wanted), LOOKUP_BATCH):
                batch = wanted[start:start + LOOKUP_BATCH]
                found.update(self._connection.execute(f"SELECT form, lemma FROM forms WHERE form IN ({','.join('?' * len(batch))})", batch))
        return found


def form_table(language: Language, words: set[str]) -> FormTable:
    """Map every folded inflected form of `words`' lemmas (and the words) to the folded lemma."""
    if not words:
        return FormTable({})
    path = cache_dir() / f"forms-{language.code}-{_cache_key(language, words)}.sqlite"
    table = FormTable.open(path)
    if table is not None:
        mark_used(path)
        return table
    forms = _compile(language, words)
    _write_table(path, forms)
    keep_newest(f"forms-{language.code}-{'[0-9a-f]' * KEY_LENGTH}.*", TABLES_KEPT)
    return FormTable(forms)  # just compiled: at hand, no need to read it back


def _write_table(path: Path, forms: dict[str, str]) -> None:
    """Best effort, atomically: a cache that cannot be written only costs time."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".forms-", suffix=".tmp")
        os.close(fd)
        with sqlite3.connect(temporary) as connection:
            connection.execute("CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT) WITHOUT ROWID")
            connection.executemany("INSERT INTO forms VALUES (?, ?)", forms.items())
            connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (str(CACHE_FORMAT),))
            connection.execute("INSERT INTO meta VALUES ('rows', ?)", (str(len(forms)),))
        connection.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error):
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)


def _compile(language: Language, words: set[str]) -> dict[str, str]:
    """Forms of each word's lemma, and of the word itself where it is a lemma too: the table
    says Russian 'день' is a form of 'деть' and Portuguese 'partido' one of 'partir'; written
    in a rule each should find both families ('дня', 'partida'), under one lemma. The families
    are joined as a union-find, so the lemma is the same whichever of the rule words comes
    first ('дня' and 'день' in two rules named two lemmas, and 'хороший день' missed 'дня')."""
    table = _full_table(language)
    family: dict[str, str] = {}  # each name -> a name of the same family; a root names itself

    def root(word: str) -> str:
        family.setdefault(word, word)
        while family[word] != word:
            family[word] = family[family[word]]
            word = family[word]
        return word

    for word in sorted(words):
        family[root(word)] = root(table.get(word, word))
    forms = {form: root(lemma) for form, lemma in table.items() if lemma in family}
    forms.update({word: root(word) for word in words})
    return forms


def _full_table(language: Language) -> dict[str, str]:
    source = language.lemma_source.get("source")
    if source == "spacy-lookups-data":
        raw = _spacy_lookups_table(language.lemma_source["table"], language.path)
    elif source == "simplemma":
        raw = _simplemma_table(language.lemma_source["language"], language.path)
    elif source == "none":
        raw = {}
    else:
        raise ReplylintError(f"unknown lemma source {source!r} (expected spacy-lookups-data, simplemma or none)", language.path)
    fold = language.fold
    table: dict[str, str] = {}
    # lower-case entries first: after folding, 'Rodas' (a name) must not override 'rodas'
    entries = [(f, l) for f, l in raw.items() if isinstance(f, str) and isinstance(l, str)]
    for form, lemma in sorted(entries, key=lambda entry: entry[0] != entry[0].lower()):
        table.setdefault(fold(form), fold(lemma))
    return table


def _spacy_lookups_table(name: str, origin: str) -> dict:
    try:
        import spacy_lookups_data
    except ImportError:
        raise ReplylintError("the lemma source needs the spacy-lookups-data package", origin) from None
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{name}.json.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            return json.load(stream)
    except OSError:
        raise ReplylintError(f"spacy-lookups-data has no table {name!r}", origin) from None


def _simplemma_table(code: str, origin: str) -> dict:
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
        )
    except ImportError:
        raise ReplylintError("the lemma source needs the simplemma package", origin) from None
    try:
        return DefaultDictionaryFactory().get_dictionary(code)
    except (ValueError, KeyError, OSError):
        raise ReplylintError(f"simplemma has no dictionary for {code!r}", origin) from None


def _cache_key(language: Language, words: set[str]) -> str:
    digest = hashlib.sha256()
    parts = [
        str(CACHE_FORMAT),
        _version("replylint"),
        _version("spacy-lookups-data"),
        _version("simplemma"),
        json.dumps(language.lemma_source, sort_keys=True),
        json.dumps(language.transliterate, sort_keys=True, ensure_ascii=False),
        str(language.turkic_case),
        *sorted(words),
    ]
    digest.update("\n".join(parts).encode("utf-8"))
    return digest.hexdigest()[:KEY_LENGTH]


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "-"
