"""Vocabulary: every phrase, token pattern and regex the rules of one language look for.

Rules register what they look for while they compile and get back a key. `finalize` then
lemmatizes all phrases at once (one cut-down lemma table per language) and builds one spaCy
Matcher, so checking a reply runs the tokenizer, one lemma lookup per token, and one Matcher
pass, whatever the number of rules.
"""

from dataclasses import dataclass, field

import re2
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .errors import ReplylintError
from .language import Language
from .lemmas import form_table

PREFIX_MARK = "*"  # 'teşekkür*' matches every word that starts so
ANY_WORD = "*"  # alone, any one word


@dataclass
class Where:
    """Where a piece of vocabulary was defined, for error messages."""

    path: str
    line: int | None = None


@dataclass
class _Phrases:
    phrases: list[str]
    where: Where


@dataclass
class _Patterns:
    patterns: list
    where: Where


class Vocabulary:
    def __init__(self, language: Language, nlp):
        self.language = language
        self.nlp = nlp
        self._entries: dict[str, _Phrases | _Patterns] = {}
        self._regexes: dict[str, object] = {}
        self.forms: dict[str, str] = {}
        self.prefixes: dict[int, set[str]] = {}
        self.matcher: Matcher | None = None

    def phrases(self, phrases: list[str], where: Where) -> str:
        """Word sequences matched by lemma: 'thank you' also finds 'Thanking you'."""
        _require_strings(phrases, where)
        return self._add(_Phrases(phrases, where))

    def patterns(self, patterns: list, where: Where) -> str:
        """spaCy Matcher token patterns; LEMMA values are lemmatized like phrases."""
        if not isinstance(patterns, list) or not all(isinstance(p, list) and p for p in patterns):
            raise ReplylintError("patterns must be a list of token patterns (lists of token dicts)", where.path, where.line)
        return self._add(_Patterns(patterns, where))

    def regex(self, pattern: str, ignorecase: bool, where: Where, whole_words: bool = False) -> str:
        """A regex run on a linear-time engine, so that no pattern can hang a run."""
        if whole_words:  # RE2's \b only knows ASCII letters
            pattern = rf"(?:^|[^\pL\pN_])({pattern})(?:$|[^\pL\pN_])"
        options = re2.Options()
        options.case_sensitive = not ignorecase
        options.log_errors = False
        try:
            compiled = re2.compile(pattern, options)
        except re2.error as error:
            raise ReplylintError(f"invalid or unsupported regex {pattern!r}: {error}", where.path, where.line) from None
        key = f"re{len(self._regexes)}"
        self._regexes[key] = (compiled, 1 if whole_words else 0)
        return key

    def _add(self, entry) -> str:
        key = f"v{len(self._entries)}"
        self._entries[key] = entry
        return key

    def finalize(self) -> None:
        tokenized = {key: [self._split(p) for p in e.phrases] for key, e in self._entries.items() if isinstance(e, _Phrases)}
        words = {w for phrases in tokenized.values() for phrase in phrases for w in phrase if not w.endswith(PREFIX_MARK)}
        words |= {w for e in self._entries.values() if isinstance(e, _Patterns) for w in _pattern_lemmas(e.patterns, self.language.fold)}
        self.forms = form_table(self.language, words)
        for phrases in tokenized.values():
            for phrase in phrases:
                for word in phrase:
                    if word.endswith(PREFIX_MARK) and len(word) > 1:
                        self.prefixes.setdefault(len(word) - 1, set()).add(word[:-1])
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        for key, entry in self._entries.items():
            if isinstance(entry, _Phrases):
                patterns = [[{} if w == ANY_WORD else {"LEMMA": self.lemma(w)} for w in phrase] for phrase in tokenized[key] if phrase]
            else:
                patterns = [[_lemmatize_pattern(t, self) for t in p] for p in entry.patterns]
            try:
                self.matcher.add(key, patterns, greedy="LONGEST")
            except (ValueError, TypeError, KeyError) as error:
                message = " ".join(str(error).split())[:300]
                raise ReplylintError(f"invalid token pattern: {message}", entry.where.path, entry.where.line) from None

    def _split(self, phrase: str) -> list[str]:
        words = []
        special_cases = self.nlp.tokenizer.rules
        for chunk in phrase.split():
            if chunk.endswith(PREFIX_MARK) or (chunk.isalpha() and chunk not in special_cases):
                words.append(self.language.fold(chunk))  # what the tokenizer would give, only faster
            else:
                words.extend(self.language.fold(t.text) for t in self.nlp.tokenizer(chunk))
        return words

    def lemma(self, folded: str) -> str:
        found = self.forms.get(folded)
        if found is not None:
            return found
        if folded.endswith(PREFIX_MARK):
            return folded
        for length, prefixes in self.prefixes.items():
            if folded[:length] in prefixes:
                return folded[:length] + PREFIX_MARK
        return folded

    def match(self, doc: Doc, text: str) -> dict[str, list[tuple[int, int]]]:
        fold, lemma = self.language.fold, self.lemma
        for token in doc:
            token.lemma_ = lemma(fold(token.text))
        found: dict[str, list[tuple[int, int]]] = {}
        strings = self.nlp.vocab.strings
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            found.setdefault(strings[match_id], []).append((span.start_char, span.end_char))
        for key, (compiled, group) in self._regexes.items():
            spans = [m.span(group) for m in compiled.finditer(text) if m.end(group) > m.start(group)]
            if spans:
                found[key] = spans
        return found


def _require_strings(values, where: Where) -> None:
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ReplylintError("expected a list of non-empty strings", where.path, where.line)


def _pattern_lemmas(patterns: list, fold) -> set[str]:
    words = set()
    for pattern in patterns:
        for token in pattern:
            value = token.get("LEMMA") if isinstance(token, dict) else None
            if isinstance(value, str):
                words.add(fold(value))
            elif isinstance(value, dict):
                for listed in (value.get("IN") or []) + (value.get("NOT_IN") or []):
                    if isinstance(listed, str):
                        words.add(fold(listed))
    return words


def _lemmatize_pattern(token, vocabulary: Vocabulary):
    if not isinstance(token, dict) or "LEMMA" not in token:
        return token
    value = token["LEMMA"]
    convert = lambda word: vocabulary.lemma(vocabulary.language.fold(word)) if isinstance(word, str) else word  # noqa: E731
    if isinstance(value, str):
        value = convert(value)
    elif isinstance(value, dict):
        value = {op: [convert(w) for w in v] if op in ("IN", "NOT_IN") and isinstance(v, list) else v for op, v in value.items()}
    return {**token, "LEMMA": value}
