"""Which supported language a reply is written in.

The letters often decide alone (ј љ њ ћ ђ џ are Serbian, ы э ъ ё Russian, ş ğ ı Turkish,
ā ē ī ū ķ ļ ņ Latvian, ã õ ê Portuguese), then common words; only when both are unsure does
lingua, restricted to the supported languages, decide. Latin-script Serbian is scored by its
words, so it is never taken for Croatian or Bosnian."""

import re
from collections import Counter
from dataclasses import dataclass

from .language import Language

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
MIN_LETTERS = 12
WORD_WEIGHT = 3
MIN_SCORE = 3
MAX_TABLES = 64


@dataclass(frozen=True)
class Detection:
    language: str
    notice: str = ""


def detect(text: str, languages: dict[str, Language], default: str) -> Detection:
    sample = text[:5000]
    words = " ".join(_WORD.findall(sample))  # each language folds this and splits it again
    letters = len(words) - words.count(" ")
    if letters < MIN_LETTERS:
        return Detection(default, f"too little text to detect its language; using '{default}'")
    plain = sample.isascii()  # then no Cyrillic, and no letter that marks a language
    cyrillic = not plain and sum(map(len, _CYRILLIC.findall(sample))) > letters / 3
    tables = _tables(languages, cyrillic)
    scores = _scores(sample, words, tables, plain)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if ranked and ranked[0][1] >= MIN_SCORE and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
        return Detection(ranked[0][0])
    guessed = _lingua(sample, tables.candidates)
    if guessed:
        return Detection(guessed)
    return Detection(default, f"could not tell the language; using '{default}'")


def _writes_cyrillic(language: Language) -> bool:
    return bool(_CYRILLIC.search(language.letters)) or any(_CYRILLIC.search(w) for w in language.common_words)


def _scores(sample: str, words: str, tables: "_Tables", plain: bool) -> dict[str, float]:
    """Letters that point to a language, and its common words (weighted): counted in C, then
    only what was found is looked at in Python."""
    scores = dict.fromkeys(tables.candidates, 0)
    if not plain or tables.ascii_marks:
        for letter, count in Counter(tables.marked_letters.findall(sample)).items():
            for code in tables.letter_owners[letter]:
                scores[code] += count
    lowered = words.lower()
    counts = Counter(lowered.split())
    for word in counts.keys() & tables.index.keys():
        for code in tables.index[word]:
            scores[code] += WORD_WEIGHT * counts[word]
    for code in tables.own_folding:
        language = tables.candidates[code]
        folded = language.fold(words)
        folded_counts = counts if folded == lowered else Counter(folded.split())
        scores[code] += WORD_WEIGHT * sum(folded_counts[word] for word in folded_counts.keys() & language.common_words)
    return scores


@dataclass(frozen=True)
class _Tables:
    """For one set of candidate languages, made once: which of them each marked letter points
    to, one pattern for all those letters, an index word -> languages for those that fold as
    plain lower case, and the languages that fold their own way."""

    languages: tuple[Language, ...]  # all of them, candidates or not: the key's check
    candidates: dict[str, Language]
    marked_letters: re.Pattern
    ascii_marks: bool  # whether an ASCII letter marks a language
    letter_owners: dict[str, tuple[str, ...]]
    index: dict[str, tuple[str, ...]]
    own_folding: tuple[str, ...]


_tables_of: dict[tuple, _Tables] = {}


def _tables(languages: dict[str, Language], cyrillic: bool) -> _Tables:
    key = (cyrillic, *languages)
    found = _tables_of.get(key)
    if found is None or found.languages != tuple(languages.values()):  # the same objects: compared by identity
        candidates = {code: lang for code, lang in languages.items() if not cyrillic or _writes_cyrillic(lang)}
        owners: dict[str, list[str]] = {}
        index: dict[str, list[str]] = {}
        for code, language in candidates.items():
            for letter in dict.fromkeys(language.letters):
                owners.setdefault(letter, []).append(code)
            if not _own_folding(language):
                for word in language.common_words:
                    index.setdefault(word, []).append(code)
        if len(_tables_of) > MAX_TABLES:
            _tables_of.clear()
        marked_letters = re.compile("[" + re.escape("".join(sorted(owners))) + "]" if owners else "(?!)")
        found = _tables_of[key] = _Tables(
            tuple(languages.values()), candidates, marked_letters, any(letter.isascii() for letter in owners), {letter: tuple(codes) for letter, codes in owners.items()},
            {word: tuple(codes) for word, codes in index.items()}, tuple(code for code, language in candidates.items() if _own_folding(language)),
        )
    return found


def _own_folding(language: Language) -> bool:
    return bool(language.turkic_case or language.transliterate)


_detectors: dict[frozenset, object] = {}


def _lingua(sample: str, candidates: dict[str, Language]) -> str | None:
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        return None
    by_iso = {}
    for code in candidates:
        try:
            by_iso[IsoCode639_1.from_str(code)] = code
        except ValueError:
            continue
    key = frozenset(by_iso)
    if len(key) < 2:
        return next(iter(by_iso.values()), None)
    if key not in _detectors:
        _detectors[key] = LanguageDetectorBuilder.from_iso_codes_639_1(*key).with_low_accuracy_mode().build()
    found = _detectors[key].detect_language_of(sample)
    return by_iso.get(found.iso_code_639_1) if found else None
