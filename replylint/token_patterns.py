"""Token patterns in spaCy's Matcher syntax, matched over a reply's token lists.

Every test a token pattern can make, except IS_SENT_START, depends on the word alone. So each
distinct word is tested once, against all patterns of the language together, and the answer
is kept as a bit mask (one bit per test): a value or IN list is one dictionary lookup, all
REGEXes on one attribute are one RE2 set search, a flag is read from spaCy's lexeme. Matching a
reply is then integer arithmetic per token, and a pattern is only tried where a word that can
start it occurs. spaCy's own Matcher tests every predicate of every pattern at every token.

What a pattern may use: ORTH/TEXT (the text), LOWER (the folded text: lower case, Turkish
casing, Serbian in Latin script), LEMMA (lemmatised like phrases), NORM, SHAPE, PREFIX, SUFFIX,
LENGTH, the lexical flags (IS_ALPHA, LIKE_NUM, ...), IS_SENT_START; values as a string, IN,
NOT_IN, REGEX (on RE2), and for LENGTH the comparisons; OP as in spaCy (!, ?, *, +, {n,m}).
Attributes that need a trained pipeline (POS, TAG, DEP, MORPH, ENT_TYPE, ...) are refused.
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import NamedTuple

from .errors import ReplylintError
from .regexes import known_good, search_set
from .tokens import MAX_REMEMBERED_WORDS

MAX_QUANTIFIER = 8
UNBOUNDED = 1 << 30

TEXT_ATTRIBUTES = ("ORTH", "TEXT", "LOWER", "LEMMA", "NORM", "SHAPE", "PREFIX", "SUFFIX")
FLAGS = (
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
    "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
)
COMPARISONS = {"==": int.__eq__, "!=": int.__ne__, ">=": int.__ge__, "<=": int.__le__, ">": int.__gt__, "<": int.__lt__}
OPERATORS = {None: (1, 1), "!": (1, 1), "?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED)}


@dataclass(frozen=True)
class WordAttributes:
    """What the tests of a word may read."""

    text: str
    lower: str
    lemma: str
    lexeme: object

    def attribute(self, name: str) -> str:
        if name in ("ORTH", "TEXT"):
            return self.text
        if name == "LOWER":
            return self.lower
        if name == "LEMMA":
            return self.lemma
        return getattr(self.lexeme, name.lower() + "_")


class Step(NamedTuple):
    """One token of a pattern. A tuple: matching unpacks it in its innermost loop."""

    required: int  # bits the word must have
    forbidden: int  # bits it must not have
    sentence_start: bool | None
    negated: bool  # OP '!'
    least: int
    most: int

    def accepts(self, mask: int, starts_sentence: bool) -> bool:
        ok = mask & self.required == self.required and not mask & self.forbidden and (self.sentence_start is None or self.sentence_start == starts_sentence)
        return ok != self.negated

    def may_accept(self, mask: int) -> bool:
        """Whether some sentence position lets the word through."""
        return self.accepts(mask, True) or self.accepts(mask, False)


class TokenPatterns:
    """All token patterns of one language; `add` them, then `find` them in a reply."""

    def __init__(self, vocab, lemma_of, fold):
        self.vocab, self.lemma_of, self.fold = vocab, lemma_of, fold
        self._bits: dict[tuple, int] = {}
        self._members: dict[str, dict[str, int]] = {}  # attribute -> value -> bits
        self._regexes: dict[str, list[tuple[str, int]]] = {}  # attribute -> [(pattern, bit)]
        self._regex_sets: dict[str, tuple[object, list[int]]] = {}  # attribute -> (RE2 set, bit of each regex)
        self._flags: list[tuple[str, int]] = []
        self._lengths: list[tuple[object, int, int]] = []  # (comparison, value, bit)
        self._patterns: list[tuple[str, tuple[Step, ...], int, int]] = []  # key, steps, bits needed, anchor step
        self._masks: dict[int, int] = {}  # word (text hash) -> bits
        self._starters: dict[int, tuple] = {}  # bits -> the patterns a word with them can anchor
        self._idle_masks: set[int] = set()  # bits that anchor no pattern
        self._word_tests = 0  # the bits of value and REGEX tests: rarer than a flag such as IS_ALPHA

    def add(self, key: str, pattern: list, where) -> None:
        if not isinstance(pattern, list) or not pattern:
            raise ReplylintError("a token pattern must be a non-empty list of token dicts", where.path, where.line)
        steps = tuple(self._step(token, where) for token in pattern)
        if all(step.least == 0 for step in steps):
            raise ReplylintError("a token pattern must have a token that is not optional", where.path, where.line)
        needs = 0  # bits some token of the text must have for the pattern to match anywhere
        for step in steps:
            if step.least and not step.negated:
                needs |= step.required
        self._patterns.append((key, steps, needs, _anchor(steps, self._word_tests)))
        self._starters.clear()
        self._idle_masks.clear()

    def find(self, tokens) -> dict[str, list[tuple[int, int]]]:
        """{key: [(start, end) in characters]}, the longest of overlapping matches kept.
        Spaces and single line breaks between words are not tokens here, so a pattern goes on
        across a hard-wrapped line as phrases do (a blank line still stops it)."""
        masks = self._word_masks(tokens)
        starters = self._live_starters(set(masks))
        if not starters:
            return {}
        kept = [i for i, word in enumerate(tokens.words) if not word.wrap]
        if len(kept) < len(masks):
            masks = [masks[i] for i in kept]
            position = {i: at for at, i in enumerate(kept)}
            sentence_starts = {position[i] for i in tokens.sentence_start_set if i in position}
            first_chars, last_chars = [tokens.start[i] for i in kept], [tokens.end[i] for i in kept]
        else:
            sentence_starts, first_chars, last_chars = tokens.sentence_start_set, tokens.start, tokens.end
        count = len(masks)
        candidates: dict[str, list[tuple[int, int]]] = {}
        for at, mask in enumerate(masks):
            for key, steps, anchor in starters.get(mask, ()):
                start = at - anchor
                if start < 0:
                    continue
                ends = _ends(steps, masks, sentence_starts, start, count)
                if ends:
                    candidates.setdefault(key, []).extend((start, end) for end in ends)
        return {key: sorted((first_chars[s], last_chars[e - 1]) for s, e in _longest(spans)) for key, spans in candidates.items()}

    def _live_starters(self, distinct_masks: set[int]) -> dict[int, list[tuple[str, tuple, int]]]:
        """For each distinct word mask of a text, the patterns a word with it can anchor (start,
        or be the first word with a test after fixed guard words: 'not X, then Y' is looked
        for at each Y) and whose required words all occur in the text."""
        absent = ~reduce(or_, distinct_masks, 0)
        remembered = self._starters
        if len(remembered) + len(self._idle_masks) > MAX_REMEMBERED_WORDS:
            remembered.clear()
            self._idle_masks.clear()
        live = {}
        for mask in distinct_masks - self._idle_masks:  # most words anchor nothing: set difference in C
            starters = remembered.get(mask)
            if starters is None:
                starters = remembered[mask] = tuple(pattern for pattern in self._patterns if _may_anchor(pattern[1], pattern[3], mask))
                if not starters:
                    self._idle_masks.add(mask)
                    continue
            found = [(key, steps, anchor) for key, steps, needs, anchor in starters if not needs & absent]
            if found:
                live[mask] = found
        return live

    def _word_masks(self, tokens) -> list[int]:
        remembered = self._masks
        masks = list(map(remembered.get, tokens.orth))
        if None in masks:
            if len(remembered) > MAX_REMEMBERED_WORDS:
                remembered.clear()
            strings = self.vocab.strings
            for i, mask in enumerate(masks):
                if mask is None:  # a word new to this process; it may occur again in this text
                    orth, known = tokens.orth[i], tokens.words[i]
                    mask = remembered.get(orth)
                    if mask is None:
                        mask = remembered[orth] = self._test(WordAttributes(strings[orth], strings[known.form], strings[known.lemma], self.vocab[orth]))
                    masks[i] = mask
        return masks

    def _test(self, word: WordAttributes) -> int:
        mask = 0
        for attribute, values in self._members.items():
            mask |= values.get(word.attribute(attribute), 0)
        for attribute, (regex_set, bits) in self._regex_sets_by_attribute().items():
            for index in regex_set.Match(word.attribute(attribute)) or ():
                mask |= bits[index]
        for flag, bit in self._flags:
            if getattr(word.lexeme, flag.lower()):
                mask |= bit
        for compare, value, bit in self._lengths:
            if compare(len(word.text), value):
                mask |= bit
        return mask

    def _regex_sets_by_attribute(self) -> dict[str, tuple[object, list[int]]]:
        """One RE2 set per attribute, compiled when a word is first tested."""
        for attribute, regexes in self._regexes.items():
            if attribute not in self._regex_sets:
                self._regex_sets[attribute] = (search_set(pattern for pattern, _ in regexes), [bit for _, bit in regexes])
        return self._regex_sets

    def _step(self, token, where) -> Step:
        if not isinstance(token, dict):
            raise ReplylintError(f"a token in a token pattern must be a mapping, not {token!r}", where.path, where.line)
        required = forbidden = 0
        sentence_start = None
        least, most, negated = _operator(token.get("OP"), where)
        for attribute, value in token.items():
            if attribute == "OP":
                continue
            if attribute == "IS_SENT_START":
                sentence_start = _boolean(attribute, value, where)
            elif attribute in FLAGS:
                bit = self._bit(("flag", attribute))
                if _boolean(attribute, value, where):
                    required |= bit
                else:
                    forbidden |= bit
            elif attribute == "LENGTH":
                for compare, number in _length_tests(value, where):
                    required |= self._bit(("length", compare, number))
            elif attribute in TEXT_ATTRIBUTES:
                more_required, more_forbidden = self._text_tests(attribute, value, where)
                required, forbidden = required | more_required, forbidden | more_forbidden
            else:
                raise ReplylintError(f"invalid token pattern: {attribute!r} is not an attribute replylint can test (POS, TAG, DEP, MORPH need a trained pipeline; see docs/rules.md)", where.path, where.line)
        return Step(required, forbidden, sentence_start, negated, least, most)

    def _text_tests(self, attribute: str, value, where) -> tuple[int, int]:
        if isinstance(value, str):
            value = {"IN": [value]}
        if not isinstance(value, dict) or not value:
            raise ReplylintError(f"invalid token pattern: {attribute} takes a string or a mapping of IN, NOT_IN, REGEX", where.path, where.line)
        required = forbidden = 0
        for operator, argument in value.items():
            if operator in ("IN", "NOT_IN"):
                if not isinstance(argument, list) or not all(isinstance(v, str) for v in argument):
                    raise ReplylintError(f"invalid token pattern: {attribute} {operator} takes a list of strings", where.path, where.line)
                spaced = next((v for v in argument if v.strip() != v or " " in v), None)
                if spaced is not None and attribute in ("ORTH", "TEXT", "LOWER", "LEMMA", "NORM"):
                    raise ReplylintError(f"invalid token pattern: {attribute} {operator} value {spaced!r} is not one token (a phrase goes in tokens, or a token per word)", where.path, where.line)
                words = frozenset(self._normal(attribute, v) for v in argument)
                bit = self._bit(("members", attribute, words))
                if operator == "IN":
                    required |= bit
                else:
                    forbidden |= bit
            elif operator == "REGEX":
                if not isinstance(argument, str):
                    raise ReplylintError("REGEX in a token pattern must be a string", where.path, where.line)
                pattern = _checked_regex(re.sub(r"\\u([0-9a-fA-F]{4})", r"\\x{\1}", argument), where)
                required |= self._bit(("regex", attribute, pattern))
            else:
                raise ReplylintError(f"invalid token pattern: {attribute} does not take {operator!r} (IN, NOT_IN, REGEX)", where.path, where.line)
        return required, forbidden

    def _normal(self, attribute: str, value: str) -> str:
        if attribute == "LOWER":
            return self.fold(value)
        if attribute == "LEMMA":
            return self.lemma_of(self.fold(value))
        return value

    def _add_members(self, attribute: str, words: frozenset, bit: int) -> None:
        values = self._members.setdefault(attribute, {})
        for word in words:
            values[word] = values.get(word, 0) | bit

    def _bit(self, test: tuple) -> int:
        """The bit of a test, ("flag", attribute), ("length", comparison, number), ("members",
        attribute, words) or ("regex", attribute, pattern): a new test gets the next bit."""
        bit = self._bits.get(test)
        if bit is None:
            bit = self._bits[test] = 1 << len(self._bits)
            kind, *arguments = test
            if kind == "flag":
                self._flags.append((arguments[0], bit))
            elif kind == "length":
                self._lengths.append((*arguments, bit))
            elif kind == "members":
                self._add_members(*arguments, bit)
                self._word_tests |= bit
            else:
                self._regexes.setdefault(arguments[0], []).append((arguments[1], bit))
                self._word_tests |= bit
                self._regex_sets.pop(arguments[0], None)
            self._masks.clear()
        return bit


def _operator(op, where) -> tuple[int, int, bool]:
    if (op is None or isinstance(op, str)) and op in OPERATORS:
        least, most = OPERATORS[op]
        return least, most, op == "!"
    found = re.fullmatch(r"\{\s*(\d*)\s*(,?)\s*(\d*)\s*\}", op) if isinstance(op, str) else None
    if not found or not (found.group(1) or found.group(3)):
        raise ReplylintError(f"invalid token pattern: OP {op!r} (one of !, ?, *, +, {{n}}, {{n,m}}, {{n,}}, {{,m}})", where.path, where.line)
    least = int(found.group(1) or 0)
    most = least if not found.group(2) else int(found.group(3)) if found.group(3) else UNBOUNDED
    if max(least, most if most != UNBOUNDED else 0) > MAX_QUANTIFIER:
        raise ReplylintError(f"quantifier {op!r} is too large (at most {{0,{MAX_QUANTIFIER}}})", where.path, where.line)
    if most < least:
        raise ReplylintError(f"invalid token pattern: OP {op!r} has its bounds the wrong way round", where.path, where.line)
    return least, most, False


def _boolean(attribute: str, value, where) -> bool:
    if not isinstance(value, bool):
        raise ReplylintError(f"invalid token pattern: {attribute} takes true or false", where.path, where.line)
    return value


def _length_tests(value, where) -> list[tuple[object, int]]:
    if isinstance(value, int) and not isinstance(value, bool):
        return [(int.__eq__, value)]
    if isinstance(value, dict) and value and all(op in COMPARISONS and isinstance(n, int) and not isinstance(n, bool) for op, n in value.items()):
        return [(COMPARISONS[op], n) for op, n in value.items()]
    raise ReplylintError(f"invalid token pattern: LENGTH takes a number or comparisons ({', '.join(COMPARISONS)})", where.path, where.line)


def _checked_regex(pattern: str, where) -> str:
    known_good(pattern, False, where)
    return pattern


def _anchor(steps: tuple[Step, ...], word_tests: int) -> int:
    """The index of the step a pattern is looked for by, among those whose place fixes the
    start (only single words come before them): the first that tests the word's value or a
    REGEX, else the first that requires anything (a flag), else 0, the pattern's start."""
    first_required = None
    for index, step in enumerate(steps):
        if step.required and not step.negated and step.least >= 1:
            if step.required & word_tests:
                return index
            if first_required is None:
                first_required = index
        if not (step.least == step.most == 1):
            break
    return first_required or 0


def _may_anchor(steps: tuple[Step, ...], anchor: int, mask: int) -> bool:
    return steps[anchor].may_accept(mask) if anchor else _may_start(steps, mask)


def _may_start(steps: tuple[Step, ...], mask: int) -> bool:
    for step in steps:
        if step.may_accept(mask):
            return True
        if step.least > 0:
            return False
    return False


def _ends(steps: tuple[Step, ...], masks: list[int], sentence_starts, start: int, count: int) -> list[int]:
    """Every token index where a match of the pattern that begins at `start` can end: the
    positions reachable after each step, step by step (most patterns die at the second)."""
    positions = [start]
    for required, forbidden, sentence_start, negated, least, most in steps:
        reached = list(positions) if least == 0 else []
        frontier, taken = positions, 0
        while frontier and taken < most:
            advanced = []
            for at in frontier:
                if at < count:
                    mask = masks[at]
                    # Step.accepts, written out: this is the innermost loop
                    ok = mask & required == required and not mask & forbidden and (sentence_start is None or sentence_start == (at in sentence_starts))
                    if ok != negated:
                        advanced.append(at + 1)
            frontier = advanced
            taken += 1
            if taken >= least:
                reached.extend(frontier)
        if not reached:
            return []
        positions = reached if len(reached) == 1 else sorted(set(reached))
    return [at for at in positions if at != start]


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's greedy='LONGEST': longest first, then earliest; overlapping ones dropped."""
    if len(spans) == 1:
        return spans
    kept, taken = [], set()
    for start, end in sorted(set(spans), key=lambda span: (span[0] - span[1], span[0])):
        if not taken.intersection(range(start, end)):
            kept.append((start, end))
            taken.update(range(start, end))
    return kept
