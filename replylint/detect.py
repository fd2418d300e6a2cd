"""Which supported language a reply is written in.

The letters often decide alone (ј љ њ ћ ђ џ are Serbian, ы э ъ ё Russian, ş ğ ı Turkish,
ā ē ī ū ķ ļ ņ Latvian, ã õ ê Portuguese), then common words; only when both are unsure does
lingua, restricted to the supported languages, decide. Latin-script Serbian is scored by its
words, so it is never taken for Croatian or Bosnian."""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .language import Language

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIN_LETTERS = 12
WORD_WEIGHT = 3
MIN_SCORE = 3


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
    """Letters that point to a language, and its common words (weighted). Most languages fold
    the words alike: each folding is split once."""
    marked = Counter(_marked_letters(candidates).findall(sample))
    split_of: dict[str, list[str]] = {}
    scores = {}
    for code, language in candidates.items():
        folded = language.fold(words)
        split = split_of.get(folded)
        if split is None:
            split = split_of[folded] = folded.split()
        letters = sum(marked[ch] for ch in language.letters) if marked else 0
        scores[code] = letters + WORD_WEIGHT * sum(map(language.common_words.__contains__, split))
    return scores


@lru_cache(maxsize=16)
def _marked_letters_of(letters: tuple[str, ...]):
    joined = "".join(sorted(set("".join(letters))))
    return re.compile("[" + re.escape(joined) + "]" if joined else "(?!)")


def _marked_letters(candidates: dict[str, Language]):
    """One pattern for every letter that points to a candidate language."""
    return _marked_letters_of(tuple(language.letters for language in candidates.values()))


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
