"""Lemma tables cut down to the words the rules need, cached on disk.

The full lookup tables take seconds to load; the rules need a few hundred lemmas. So the
first run reads the full table once, keeps every inflected form of the needed lemmas, and
caches that small table in the user's cache directory, keyed by the needed words and the
versions of everything that shaped it. A stale or corrupt cache is rebuilt silently.
"""

import gzip
import hashlib
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .cache import read_json, write_json
from .errors import ReplylintError
from .language import Language

CACHE_FORMAT = 4


def form_table(language: Language, words: set[str]) -> dict[str, str]:
    """Map every folded inflected form of `words`' lemmas (and the words) to the folded lemma."""
    if not words:
        return {}
    name = f"forms-{language.code}-{_cache_key(language, words)}.json"
    cached = read_json(name)
    if isinstance(cached, dict) and cached.get("format") == CACHE_FORMAT and isinstance(cached.get("forms"), dict):
        return cached["forms"]
    forms = _compile(language, words)
    write_json(name, {"format": CACHE_FORMAT, "forms": forms})
    return forms


def _compile(language: Language, words: set[str]) -> dict[str, str]:
    """Forms of each word's lemma, and of the word itself where it is a lemma too: the table
    says Russian 'день' is a form of 'деть' and Portuguese 'partido' one of 'partir'; written
    in a rule each should find both families ('дня', 'partida'), under one lemma."""
    table = _full_table(language)
    lemma_of = {word: table.get(word, word) for word in words}
    family: dict[str, str] = {}
    for word, lemma in lemma_of.items():
        family.setdefault(lemma, lemma)
        family.setdefault(word, lemma)
    forms = {form: family[lemma] for form, lemma in table.items() if lemma in family}
    forms.update(lemma_of)
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
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
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
    return digest.hexdigest()[:20]


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "-"
