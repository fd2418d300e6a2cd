"""A reply's tokens as plain lists, read from the spaCy Doc once: text hashes, character
offsets, what the vocabulary knows of each word, and sentence starts. Everything downstream
works on these lists instead of spaCy Token objects, which are costly to create one by one."""

from typing import NamedTuple

from spacy.attrs import IDX, LENGTH, ORTH
from spacy.pipeline.sentencizer import Sentencizer

SENTENCE_END = frozenset(Sentencizer.default_punct_chars)
MAX_REMEMBERED_WORDS = 200_000  # per-word caches start again past this: memory stays bounded
CLOSERS = frozenset("\"'”’»)]}")


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
    final: bool  # sentence-final punctuation only ('.', '?!', ...)
    closer: bool  # starts with a closing quote or bracket
    upper: bool  # starts with a capital letter
    alnum: bool  # starts with a letter or digit


def word_facts(text: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """The Word fields that depend on the text alone, in order from `space`."""
    first = text[:1]
    return (text.isspace(), "\n" in text or "\r" in text, all(ch in SENTENCE_END for ch in text), first in CLOSERS, first.isupper(), first.isalnum())


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

    def text(self, i: int) -> str:
        return self.text_all[self.start[i]:self.end[i]]


def _sentence_starts(text: str, starts: list[int], ends: list[int], words: list[Word]) -> list[int]:
    """Token indices that start a sentence: after sentence-final punctuation (and closing
    quotes), and after a line break before a capitalised word or after punctuation."""
    found = []
    expect_start = True
    after_break = False
    last = len(words) - 1
    for i, word in enumerate(words):
        if word.space:
            after_break = after_break or word.line_break
            continue
        # after a line break: a capitalised word, or a bullet; not a line wrapped after a comma
        if (expect_start and not (word.closer and found)) or (after_break and (word.upper or not word.alnum)):
            if not found or found[-1] != i:
                found.append(i)
            expect_start = False
        if word.final:
            expect_start = True
        elif not word.closer:
            expect_start = False
        after_break = i < last and ends[i] != starts[i + 1] and "\n" in text[ends[i]:starts[i + 1]]
    return found
