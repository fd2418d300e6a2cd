"""A reply's tokens as plain lists, read from the spaCy Doc once: text hashes, character
offsets, what the vocabulary knows of each word, and sentence starts. Everything downstream
works on these lists instead of spaCy Token objects, which are costly to create one by one."""

import re
from bisect import insort
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH, ORTH
from spacy.pipeline.sentencizer import Sentencizer

SENTENCE_END = frozenset(Sentencizer.default_punct_chars)
MAX_REMEMBERED_WORDS = 200_000  # per-word caches start again past this: memory stays bounded
CLOSERS = frozenset("\"'”’»)]}")
_LIST_NUMBER = re.compile(r"\d{1,3}[.)]?")  # '1', '1.' or '2)': some tokenizers keep the dot
ITEM_PUNCTUATION = frozenset(".)")
BULLETS = frozenset("-*•–—·▪◦‣")
MAX_ABBREVIATION = 5  # 'plkst', 'tālr', 'tel', 'nr': a short lower-case word before a dot and a number


class Word(NamedTuple):
    """What is known of a distinct word (a token text), worked out once and remembered."""

    lemma: int  # lemma hash
    form: int  # folded text hash: lower case, one script
    prefix: int  # hash of the registered 'prefix*' the word starts with, or NO_PREFIX
    keys: tuple  # the keys of the one-word phrases that this word is
    heads: tuple  # the phrase trie's nodes after this word that longer phrases go on from
    anchored_keys: tuple  # the same two in the trie of phrases that start a sentence
    anchored_heads: tuple
    space: bool
    line_break: bool
    wrap: bool  # spaces or one line break inside a sentence: phrases go on across it
    final: bool  # sentence-final punctuation only ('.', '?!', ...)
    closer: bool  # starts with a closing quote or bracket
    upper: bool  # starts with a capital letter
    alnum: bool  # starts with a letter or digit
    list_number: bool  # '1', '1.', '2)': a list item's number when it opens a line


def word_facts(text: str) -> tuple[bool, bool, bool, bool, bool, bool, bool, bool]:
    """The Word fields that depend on the text alone, in order from `space`."""
    first = text[:1]
    space = text.isspace()
    line_breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    return (space, line_breaks > 0, space and line_breaks < 2, all(ch in SENTENCE_END for ch in text), first in CLOSERS, first.isupper(), first.isalnum(), _LIST_NUMBER.fullmatch(text) is not None)


class Tokens:
    def __init__(self, doc, words_of, text: str):
        columns = doc.to_array([ORTH, IDX, LENGTH])
        self.doc = doc
        self.text_all = text  # the Doc's own .text is rebuilt token by token on each access
        self.orth = columns[:, 0].tolist()
        self.start = columns[:, 1].tolist()
        self.end = (columns[:, 1] + columns[:, 2]).tolist()
        self.words: list[Word] = words_of(self.orth)
        self.sentence_starts = _sentence_starts(self.text_all, self.start, self.end, self.words)
        self.sentence_start_set = set(self.sentence_starts)

    def __len__(self):
        return len(self.orth)

    def add_sentence_start(self, index: int) -> None:
        insort(self.sentence_starts, index)
        self.sentence_start_set.add(index)

    def text(self, i: int) -> str:
        return self.text_all[self.start[i]:self.end[i]]


def _sentence_starts(text: str, starts: list[int], ends: list[int], words: list[Word]) -> list[int]:
    """Token indices that start a sentence: after sentence-final punctuation (and closing
    quotes), after a blank line, and after a line break before a capitalised word or after
    punctuation. A list item's marker ('- ', '1. ', '2) ') at the start of a line starts one,
    and so does the item's first word: a request there opens its sentence."""
    found = []
    expect_start = True
    after_break = False
    line_start = True
    marker_end = -1  # the token holding a list number's '.' or ')'
    last = len(words) - 1
    paragraph_start = False
    after_number_dot = False  # '1. janvārī', '2023. gada', 'līguma 7.3. punktu': an ordinal, a year, a section, unless a capital follows
    after_short_dot = False  # 'plkst. 12', 'tel. 555', 'nr. 5': an abbreviation before a number
    for i, word in enumerate(words):
        if word.space:
            after_break = after_break or word.line_break
            paragraph_start = paragraph_start or not word.wrap  # a blank line
            continue
        line_start = line_start or after_break
        item = line_start and _opens_item(word, text, starts[i], ends[i], i < last and starts[i + 1] == ends[i] and text[ends[i]] in ITEM_PUNCTUATION)
        # after a line break: a capitalised word, or a bullet; not a line wrapped after a comma
        if expect_start and not after_break and word.alnum and ((after_number_dot and not word.upper) or (after_short_dot and text[starts[i]].isdigit())):
            expect_start = False
        if i != marker_end and (item or paragraph_start or (expect_start and not (word.closer and found)) or (after_break and (word.upper or not word.alnum))):
            if not found or found[-1] != i:
                found.append(i)
            expect_start = False
        bare_number = item and word.alnum and text[ends[i] - 1] not in ITEM_PUNCTUATION  # '1' of '1', '.'
        if bare_number:
            marker_end = i + 1
        if word.final or item or i == marker_end:
            expect_start = not bare_number  # the next word starts a sentence, or after the number's '.'
        elif not word.closer:
            expect_start = False
        line_start = paragraph_start = False
        after_number_dot = after_short_dot = False
        if word.final and i != marker_end and i > 0 and text[starts[i]:ends[i]] == "." and ends[i - 1] == starts[i]:
            before = text[starts[i - 1]:ends[i - 1]]
            after_number_dot = before.replace(".", "").isdigit() and before[0].isdigit()  # '1.', '7.3.' (a section), '12.03.2026.'
            after_short_dot = before.isalpha() and before.islower() and len(before) <= MAX_ABBREVIATION
        after_break = i < last and ends[i] != starts[i + 1] and "\n" in text[ends[i]:starts[i + 1]]
    return found


def _opens_item(word: Word, text: str, start: int, end: int, punctuation_follows: bool) -> bool:
    """A bullet, or a number with its '.' or ')' (in the token or just after it), opening a line."""
    if end - start == 1 and text[start] in BULLETS:
        return True
    return word.list_number and (text[end - 1] in ITEM_PUNCTUATION or punctuation_follows)
