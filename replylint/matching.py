"""Vocabulary: every phrase, token pattern and regex the rules of one language look for.

Rules register what they look for while they compile and get back a key. `finalize` then
lemmatizes all phrases at once (one cut-down lemma table per language) and puts them in one
trie of lemma ids, with the token patterns that only name words; the other token patterns go
to one TokenPatterns. Checking a reply runs the tokenizer, one trie walk, and the token
patterns and regexes only when a rule asks for them, whatever the number of rules.
"""

import itertools
import math
import re
from dataclasses import dataclass

from .errors import ReplylintError
from .language import Language
from .lemmas import form_table
from .regexes import Prefilter, known_good
from .token_patterns import TokenPatterns
from .tokens import MAX_REMEMBERED_WORDS, Tokens, Word, word_facts

PREFIX_MARK = "*"  # 'teşekkür*' matches every word that starts so
ANY_WORD = "*"  # alone, any one word
ANY = 0  # the lemma id that stands for ANY_WORD
SENTENCE_START = "^"  # as a phrase's first word: the phrase must start a sentence
SENTENCE_START_ID = 1
END = "$"  # in a trie node: the keys of the phrases that end there
NO_PREFIX = -1  # a word that starts with no registered prefix
EXACT_MARK = "="  # '=could' matches that form only, not every form of its lemma
MAX_RETRY_SPAN = 64
MAX_EXPANSION = 2000  # phrases one simple token pattern, or one phrase with braces, may become
_BRACES = re.compile(r"\{([^{}]*)\}")


class Where:
    """Where a piece of vocabulary was defined, for error messages. The line is looked up
    only when an error needs it: finding it means reading the file again."""

    def __init__(self, path: str, line: int | None = None, find_line=None):
        self.path, self._line, self._find_line = path, line, find_line

    @property
    def line(self) -> int | None:
        if self._line is None and self._find_line is not None:
            self._line = self._find_line()
        return self._line


@dataclass
class _Phrases:
    phrases: list[str]
    where: Where


@dataclass
class _Patterns:
    patterns: list
    where: Where


class Vocabulary:
    def __init__(self, language: Language, tokenizer):
        self.language = language
        self.tokenizer = tokenizer
        self.strings = tokenizer.vocab.strings
        self._entries: dict[str, _Phrases | _Patterns] = {}
        self._regexes: dict[str, object] = {}
        self.forms = None  # a lemmas.FormTable, once finalize() has built it
        self._vocabulary_lemmas: dict[str, str] = {}  # the rules' own words, looked up at once
        self.prefixes: dict[int, set[str]] = {}
        self.trie: dict = {}  # lemma id (or -form id, or ANY) -> child node; END -> keys ending here
        self.anchored_trie: dict = {}  # phrases that must start a sentence
        self.pattern_keys: set[str] = set()
        self.lazy_keys: frozenset[str] = frozenset()  # pattern and regex keys: run when asked for
        self.regex_prefilter: Prefilter | None = None  # built by finalize()
        self.token_patterns = TokenPatterns(tokenizer.vocab, self.lemma, language.fold)  # run once, when a rule first asks
        self._words: dict[int, Word] = {}
        self._prefix_lengths: list[int] = []

    def phrases(self, phrases: list[str], where: Where) -> str:
        """Word sequences matched by lemma: 'thank you' also finds 'Thanking you'. Braces
        give alternatives: '{good,nice} {day,weekend}' is four phrases, '{you,}' optional."""
        _require_strings(phrases, where)
        return self._add(_Phrases([alternative for phrase in phrases for alternative in _alternatives(phrase, where)], where))

    def patterns(self, patterns: list, where: Where) -> str:
        """Token patterns in spaCy's Matcher syntax (see token_patterns.py)."""
        if not isinstance(patterns, list) or not all(isinstance(p, list) and p for p in patterns):
            raise ReplylintError("patterns must be a list of token patterns (lists of token dicts)", where.path, where.line)
        return self._add(_Patterns(patterns, where))

    def regex(self, pattern: str, ignorecase: bool, where: Where, whole_words: bool = False) -> str:
        """A regex run on a linear-time engine, so that no pattern can hang a run."""
        if whole_words:
            pattern = f"(?:{pattern})"  # word boundaries are checked after matching (see _run_regex)
        key = f"re{len(self._regexes)}"
        self._regexes[key] = known_good(pattern, ignorecase, where, whole_words)
        return key

    def _add(self, entry) -> str:
        key = f"v{len(self._entries)}"
        self._entries[key] = entry
        return key

    def finalize(self) -> None:
        tokenized = {key: [self._split(p) for p in e.phrases] for key, e in self._entries.items() if isinstance(e, _Phrases)}
        words = {w for phrases in tokenized.values() for phrase in phrases for w in phrase if not w.endswith(PREFIX_MARK) and w != SENTENCE_START and not w.startswith(EXACT_MARK)}
        words |= {w for e in self._entries.values() if isinstance(e, _Patterns) for w in _pattern_lemmas(e.patterns, self.language.fold)}
        self.forms = form_table(self.language, words)
        self._vocabulary_lemmas = {word: word for word in words} | self.forms.lookup(words)
        for phrases in tokenized.values():
            for phrase in phrases:
                for word in phrase:
                    if word.endswith(PREFIX_MARK) and len(word) > 1:
                        self.prefixes.setdefault(len(word) - 1, set()).add(word[:-1])
        self._prefix_lengths = sorted(self.prefixes, reverse=True)
        for key, phrases in tokenized.items():
            for phrase in phrases:
                while phrase and phrase[0] == ANY_WORD:  # a leading or trailing '*' adds nothing
                    phrase = phrase[1:]
                while phrase and phrase[-1] == ANY_WORD:
                    phrase = phrase[:-1]
                if phrase:
                    self._insert([self._word_id(w) for w in phrase], key)
        for key, entry in self._entries.items():
            if not isinstance(entry, _Patterns):
                continue
            for pattern in entry.patterns:
                phrases = self._as_phrases(pattern)
                if phrases is None:
                    self.token_patterns.add(key, pattern, entry.where)
                    self.pattern_keys.add(key)
                for ids in phrases or ():
                    self._insert(ids, key)
        self._share_shorter_prefixes()
        self.lazy_keys = frozenset(self.pattern_keys | set(self._regexes))
        self.regex_prefilter = Prefilter(self._regexes)

    def _share_shorter_prefixes(self) -> None:
        """A word is looked up by the longest registered prefix it starts with; so what follows
        a shorter prefix in the tries ('piegādā*' in one rule) is copied under each longer one
        ('piegādāt*' in another), or the longer would take 'piegādāta' from the shorter."""
        registered = sorted(prefix for prefixes in self.prefixes.values() for prefix in prefixes)
        longer = {}
        for prefix in registered:
            extensions = [self.strings[other + PREFIX_MARK] for other in registered if len(other) > len(prefix) and other.startswith(prefix)]
            if extensions:
                longer[self.strings[prefix + PREFIX_MARK]] = extensions
        if not longer:
            return
        for trie in (self.trie, self.anchored_trie):
            stack = [trie]
            while stack:
                node = stack.pop()
                for shorter in [key for key in node if key in longer]:
                    for extension in longer[shorter]:
                        _merge_into(node.setdefault(extension, {}), node[shorter])
                stack.extend(child for key, child in node.items() if key != END)

    def _insert(self, ids: list[int], key: str) -> None:
        node = self.anchored_trie if ids[0] == SENTENCE_START_ID else self.trie
        for word in ids[1:] if ids[0] == SENTENCE_START_ID else ids:
            node = node.setdefault(word, {})
        node.setdefault(END, []).append(key)

    def _as_phrases(self, pattern: list) -> list[list[int]] | None:
        """A token pattern that only names words (LOWER or LEMMA, a value or an IN list,
        optionally '?', IS_SENT_START first) becomes trie phrases: spaCy's Matcher would test
        it at every token. Anything else (REGEX, flags, '*', ...) returns None."""
        choices = []
        for index, token in enumerate(pattern):
            if not isinstance(token, dict):
                return None
            token = dict(token)
            optional = token.pop("OP", None) == "?" if token.get("OP") in (None, "?") else None
            if optional is None:
                return None
            if token.pop("IS_SENT_START", None) is True:
                if index != 0 or optional:
                    return None
                choices.append([[SENTENCE_START_ID]])
            if len(token) != 1 or next(iter(token)) not in ("LOWER", "LEMMA"):
                return None
            attribute, value = next(iter(token.items()))
            values = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
            if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() and " " not in v.strip() for v in values):
                return None
            words = [self._word_id(EXACT_MARK + self.language.fold(v)) if attribute == "LOWER" else self._word_id(self.language.fold(v)) for v in values]
            choices.append([[w] for w in words] + ([[]] if optional else []))
        count = 1
        for options in choices:
            count *= len(options)
        if count > MAX_EXPANSION:
            return None
        phrases = [[w for part in combination for w in part] for combination in itertools.product(*choices)]
        return [p for p in phrases if p and p != [SENTENCE_START_ID]]

    def _word_id(self, word: str) -> int:
        """A lemma's hash; an exact form's hash negated, so the two never compare equal."""
        if word == ANY_WORD:
            return ANY
        if word == SENTENCE_START:
            return SENTENCE_START_ID
        if word.startswith(EXACT_MARK) and len(word) > 1:
            return -self.strings.add(word[1:])
        if word.endswith(PREFIX_MARK):
            return self.strings.add(word)
        return self.strings.add(self.lemma(word))

    def _split(self, phrase: str) -> list[str]:
        words = []
        special_cases = self.tokenizer.rules
        for chunk in _split_prefix_words(phrase):
            if chunk.endswith(PREFIX_MARK) or chunk == SENTENCE_START or (chunk.startswith(EXACT_MARK) and len(chunk) > 1) or (chunk.isalpha() and chunk not in special_cases):
                words.append(self.language.fold(chunk))  # what the tokenizer would give, only faster
            else:
                words.extend(self.language.fold(t.text) for t in self.tokenizer(chunk))
        return words

    def lemma(self, folded: str) -> str:
        known = self._vocabulary_lemmas.get(folded)
        return known if known is not None else self.forms.get(folded, folded)

    def prefix(self, folded: str) -> str | None:
        """The longest registered prefix that starts the word, as 'prefix*'."""
        for length in self._prefix_lengths:
            if folded[:length] in self.prefixes[length]:
                return folded[:length] + PREFIX_MARK
        return None

    def words(self, orths: list[int]) -> list[Word]:
        """What is known of each word, remembered: each distinct word is folded, lemmatized
        and looked up in the tries once."""
        remembered = self._words
        found = [remembered.get(orth) for orth in orths]
        if None in found:
            if len(remembered) > MAX_REMEMBERED_WORDS:
                remembered.clear()
            for i, word in enumerate(found):
                if word is None:  # a word new to this process; it may occur again in this text
                    word = remembered.get(orths[i])
                    found[i] = word if word is not None else remembered.setdefault(orths[i], self._word(orths[i]))
        return found

    def _word(self, orth: int) -> Word:
        strings = self.strings
        text = strings[orth]
        folded = self.language.fold(text)
        prefix = self.prefix(folded)
        lemma, form, prefix = strings.add(self.lemma(folded)), strings.add(folded), strings.add(prefix) if prefix else NO_PREFIX
        return Word(lemma, form, prefix, *_first_steps(self.trie, lemma, form, prefix), *_first_steps(self.anchored_trie, lemma, form, prefix), *word_facts(text))

    def tokens(self, text: str) -> Tokens:
        return Tokens(self.tokenizer(text), self.words, text)

    def match(self, tokens: Tokens) -> "Matches":
        """Phrases are found at once (one look at each word's trie heads); token patterns and
        regexes only when a rule asks for them."""
        found: dict[str, list[tuple[int, int]]] = {}
        leads = [(i, word.keys, word.heads) for i, word in enumerate(tokens.words) if word.keys or word.heads]
        self._walk(tokens, leads + _anchored_leads(tokens, tokens.sentence_starts), found)
        for spans in found.values():
            spans.sort()
        return Matches(self, tokens, found)

    def match_sentence_start(self, matches: "Matches", index: int) -> None:
        """A token that the reply's structure shows to start a sentence (the body after a
        greeting on the same line, or after chat handles): the phrases that must start one."""
        tokens = matches.tokens
        tokens.add_sentence_start(index)
        found: dict[str, list[tuple[int, int]]] = {}
        self._walk(tokens, _anchored_leads(tokens, [index]), found)
        for key, spans in found.items():
            matches.found[key] = sorted(matches.found.get(key, []) + spans)

    @staticmethod
    def _walk(tokens: Tokens, leads: list, found: dict) -> None:
        """From each lead word, down the trie as far as the next words go."""
        words, starts, ends = tokens.words, tokens.start, tokens.end
        count = len(words)
        for i, keys, heads in leads:
            if keys:
                span = (starts[i], ends[i])
                for key in keys:
                    found.setdefault(key, []).append(span)
            stack = [(node, i + 1) for node in heads]
            while stack:
                node, at = stack.pop()
                keys = node.get(END) if at > i + 1 else None  # the one-word phrases are done
                if keys:
                    span = (starts[i], ends[at - 1])
                    for key in keys:
                        found.setdefault(key, []).append(span)
                    if len(node) == 1:
                        continue  # a leaf: no longer phrase goes on from here
                if at < count and words[at].wrap:  # 'as soon as\npossible' in a wrapped line
                    at += 1
                if at < count:
                    lemma, form, prefix = words[at][:3]
                    for child in (node.get(lemma), node.get(-form), node.get(prefix), node.get(ANY)):
                        if child:
                            stack.append((child, at + 1))

    def _run_regex(self, key: str, text: str) -> list[tuple[int, int]]:
        """Matches of a regex. Where it has named groups, the span is the first named group
        that took part: so `(?:^|[^\\pL])(?P<word>...)` reports the word without its boundary.
        Whole-word patterns are checked for boundaries here, in Python: RE2's \\b knows only
        ASCII, and Unicode classes in the pattern cost milliseconds to compile."""
        regex = self._regexes[key]
        compiled, groups, whole_words = regex.compiled(), regex.groups, regex.whole_words
        spans, position = [], 0
        while position <= len(text):
            found = compiled.search(text, position)
            if found is None:
                break
            span = next((found.span(g) for g in groups if found.start(g) != -1), found.span())
            if whole_words and not _word_bounded(text, *span):
                # a longer word hid it: look again just after (or past a long match: stays linear)
                position = found.start() + 1 if found.end() - found.start() < MAX_RETRY_SPAN else found.end()
                continue
            if span[1] > span[0]:
                spans.append(span)
            position = max(span[1], found.start() + 1)  # a boundary matched after the span may start the next
        return spans


def _merge_into(target: dict, source: dict) -> None:
    """Add the phrases of trie node `source` to `target` (copied: the two stay apart)."""
    for key, value in source.items():
        if key == END:
            target[END] = list(dict.fromkeys(target.get(END, []) + value))
        else:
            _merge_into(target.setdefault(key, {}), value)


def _anchored_leads(tokens: Tokens, indices) -> list:
    words = tokens.words
    return [(i, words[i].anchored_keys, words[i].anchored_heads) for i in indices if words[i].anchored_keys or words[i].anchored_heads]


def _first_steps(trie: dict, lemma: int, form: int, prefix: int) -> tuple[tuple, tuple]:
    """A word's one-word phrase keys, and the trie nodes that longer phrases go on from."""
    nodes = [node for node in (trie.get(lemma), trie.get(-form), trie.get(prefix), trie.get(ANY)) if node]
    keys = tuple(key for node in nodes for key in node.get(END, ()))
    return keys, tuple(node for node in nodes if len(node) > (END in node))


def _word_bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not _is_word_char(text[start - 1])) and (end >= len(text) or not _is_word_char(text[end]))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _split_prefix_words(phrase: str) -> list[str]:
    """'pateic*, ka' -> ['pateic*', ',', 'ka']: a prefix word ends at its star."""
    chunks = []
    for chunk in phrase.split():
        star = chunk.find(PREFIX_MARK)
        if 0 < star < len(chunk) - 1:
            chunks.extend([chunk[: star + 1], chunk[star + 1:]])
        else:
            chunks.append(chunk)
    return chunks


def _alternatives(phrase: str, where: Where) -> list[str]:
    """'{хороший,приятный} {вам,} день' -> every phrase it stands for."""
    if "{" not in phrase and "}" not in phrase:
        return [phrase]
    pieces = _BRACES.split(phrase)  # text, group, text, group, ..., text
    if any("{" in piece or "}" in piece for piece in pieces[::2]):
        raise ReplylintError(f"unbalanced braces in {phrase!r} (alternatives are written {{a,b}})", where.path, where.line)
    choices = [[piece] if index % 2 == 0 else piece.split(",") for index, piece in enumerate(pieces)]
    if math.prod(len(choice) for choice in choices) > MAX_EXPANSION:
        raise ReplylintError(f"{phrase!r} stands for more than {MAX_EXPANSION} phrases", where.path, where.line)
    expanded = [" ".join("".join(parts).split()) for parts in itertools.product(*choices)]
    if not all(expanded):
        raise ReplylintError(f"{phrase!r} can stand for an empty phrase", where.path, where.line)
    return expanded


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


class Matches:
    """Where each piece of vocabulary occurs in one text: {key: [(start, end), ...]}.
    Token patterns and regexes run the first time a rule asks for them, so a conditional
    rule whose first part is absent never pays for its second."""

    def __init__(self, vocabulary: Vocabulary, tokens: Tokens, phrases: dict):
        self.vocabulary = vocabulary
        self.tokens = tokens
        self.found = phrases
        self.patterns_run = False
        self._possible_regexes: set[str] | frozenset[str] | None = None  # what may match: all until known
        self._lazy_keys = vocabulary.lazy_keys
        self._unions: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def union(self, keys: tuple[str, ...]):
        """The spans of any of `keys`, sorted: rules ask for the same keys once per unit, so
        the answer is kept (rules' key tuples are made once: hashing one is cheap)."""
        found = self._unions.get(keys)
        if found is None:
            if len(keys) == 1:
                found = self.get(keys[0])
            else:
                found = []
                for key in keys:
                    found.extend(self.get(key))
                found.sort()
            self._unions[keys] = found
        return found

    def get(self, key: str, default=()):
        """The spans of one piece of vocabulary, sorted by position."""
        if key in self._lazy_keys:
            return self._run(key) or default
        return self.found.get(key) or default

    def _run(self, key: str):
        vocabulary = self.vocabulary
        if key in vocabulary.pattern_keys:
            if not self.patterns_run:
                self.patterns_run = True  # token patterns add to what the phrases of the same key found
                for pattern_key, spans in vocabulary.token_patterns.find(self.tokens).items():
                    self.found[pattern_key] = sorted(self.found.get(pattern_key, []) + spans)
            return self.found.get(key)
        found = self.found.get(key)
        if found is None:
            if self._possible_regexes is None:
                possible = vocabulary.regex_prefilter.possible(self.tokens.text_all)
                self._possible_regexes = vocabulary.lazy_keys if possible is None else possible
            runs = key in self._possible_regexes
            found = self.found[key] = sorted(vocabulary._run_regex(key, self.tokens.text_all)) if runs else []
        return found
