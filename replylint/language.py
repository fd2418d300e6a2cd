"""Language definitions (data in rules/languages/*.yaml) and how each language folds text.

Folding makes matching case-insensitive and script-insensitive: Turkish dotted and dotless i,
and Serbian in Cyrillic or Latin script, compare equal after folding.
"""

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib.resources import files
from pathlib import Path

from .errors import ReplylintError
from .yamlfile import load_yaml


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    spacy: str
    lemma_source: dict
    turkic_case: bool
    transliterate: dict[str, str]
    letters: str  # letters that, among the supported languages, point to this one
    common_words: frozenset[str]
    structure: dict = field(hash=False)
    path: str = ""

    @cached_property
    def _table(self):
        return str.maketrans(self.transliterate) if self.transliterate else None

    @cached_property
    def _transliterated(self):
        """Letters the table changes: str.translate costs a dictionary lookup per character,
        so a text without them is not translated."""
        return re.compile("[" + re.escape("".join(self.transliterate)) + "]") if self.transliterate else None

    def fold(self, text: str) -> str:
        if self.turkic_case:
            text = text.replace("I", "ı").replace("İ", "i")  # str.translate is 300x slower
        text = text.lower()
        return text.translate(self._table) if self._table and self._transliterated.search(text) else text


def bundled_languages_dir() -> Path:
    return Path(str(files("replylint.rules") / "languages"))


def load_languages(directory: Path | None = None) -> dict[str, Language]:
    directory = directory or bundled_languages_dir()
    languages = {}
    for path in sorted(directory.glob("*.yaml")):
        data = load_yaml(path)
        missing = {"name", "spacy", "lemmas", "structure"} - data.keys()
        if missing:
            raise ReplylintError(f"missing field(s): {', '.join(sorted(missing))}", str(path), 1)
        detect = data.get("detect") or {}
        words = detect.get("words") or []
        if not isinstance(detect, dict) or not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ReplylintError("detect.words must be a list of words", str(path), data.line_of("detect"))
        transliterate = data.get("transliterate") or {}
        if not isinstance(transliterate, dict) or not all(isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in transliterate.items()):
            raise ReplylintError("transliterate must map single letters to strings", str(path), data.line_of("transliterate"))
        language = Language(
            code=path.stem,
            name=data["name"],
            spacy=data["spacy"],
            lemma_source=data["lemmas"],
            turkic_case=data.get("casing") == "turkic",
            transliterate=dict(transliterate),
            letters=detect.get("letters", ""),
            common_words=frozenset(),
            structure=data["structure"],
            path=str(path),
        )
        languages[path.stem] = replace(language, common_words=frozenset(language.fold(w) for w in words))
    return languages
