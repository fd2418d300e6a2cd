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
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
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
    cyrillic = len(_CYRILLIC.findall(sample)) > letters / 3
    candidates = {code: lang for code, lang in languages.items() if not cyrillic or _writes_cyrillic(lang)}
    scores = _scores(sample, words, candidates)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if ranked and ranked[0][1] >= MIN_SCORE and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
        return Detection(ranked[0][0])
    guessed = _lingua(sample, candidates)
    if guessed:
        return Detection(guessed)
    return Detection(default, f"could not tell the language; using '{default}'")


def _writes_cyrillic(language: Language) -> bool:
    return bool(_CYRILLIC.search(language.letters)) or any(_CYRILLIC.search(w) for w in language.common_words)


def _scores(sample: str, words: str, candidates: dict[str, Language]) -> dict[str, float]:
    """Letters that point to a language, and its common words (weighted)."""
    marked_letters, index, own_folding = _tables(candidates)
    marked = Counter(marked_letters.findall(sample))
    scores = {code: sum(marked[ch] for ch in language.letters) if marked else 0 for code, language in candidates.items()}
    for word in words.lower().split():
        for code in index.get(word, ()):
            scores[code] += WORD_WEIGHT
    for code in own_folding:
        language = candidates[code]
        scores[code] += WORD_WEIGHT * sum(map(language.common_words.__contains__, language.fold(words).split()))
    return scores


_tables_of: dict[tuple, tuple] = {}


def _tables(candidates: dict[str, Language]) -> tuple:
    """For a set of candidate languages, made once: one pattern for every letter that points
    to one of them; one index, word -> languages, for those that fold as plain lower case (a
    lookup per word for all of them); and the languages that fold their own way."""
    key = tuple((code, language.letters, language.common_words, _own_folding(language)) for code, language in candidates.items())
    found = _tables_of.get(key)
    if found is None:
        letters = "".join(sorted({ch for language in candidates.values() for ch in language.letters}))
        index: dict[str, list[str]] = {}
        own_folding = []
        for code, language in candidates.items():
            if _own_folding(language):
                own_folding.append(code)
                continue
            for word in language.common_words:
                index.setdefault(word, []).append(code)
        if len(_tables_of) > MAX_TABLES:
            _tables_of.clear()
        marked_letters = re.compile("[" + re.escape(letters) + "]" if letters else "(?!)")
        found = _tables_of[key] = (marked_letters, {word: tuple(codes) for word, codes in index.items()}, own_folding)
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
