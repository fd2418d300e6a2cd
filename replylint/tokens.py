"""A reply's tokens as plain lists, read from the spaCy Doc once: text hashes, character
offsets, lemmas and sentence starts. Everything downstream works on these lists instead of
spaCy Token objects, which are costly to create one by one."""

from spacy.attrs import IDX, LENGTH, ORTH
from spacy.pipeline.sentencizer import Sentencizer

SENTENCE_END = frozenset(Sentencizer.default_punct_chars)
CLOSERS = frozenset("\"'”’»)]}")


class Tokens:
    def __init__(self, doc, word_ids, text: str):
        columns = doc.to_array([ORTH, IDX, LENGTH])
        self.doc = doc
        self.text_all = text  # the Doc's own .text is rebuilt token by token on each access
        self.orth = columns[:, 0].tolist()
        self.start = columns[:, 1].tolist()
        self.end = [s + n for s, n in zip(self.start, columns[:, 2].tolist())]
        ids = [word_ids(o) for o in self.orth]
        self.lemma = [i[0] for i in ids]
        self.form = [i[1] for i in ids]  # the folded text: lower case, one script
        self.prefix = [i[2] for i in ids]  # the registered 'prefix*' the word starts with
        self.sentence_starts = _sentence_starts(self.text_all, self.start, self.end)
        self.sentence_start_set = set(self.sentence_starts)


    def __len__(self):
        return len(self.orth)

    def text(self, i: int) -> str:
        return self.text_all[self.start[i]:self.end[i]]


def _sentence_starts(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """Token indices that start a sentence: after sentence-final punctuation (and closing
    quotes), and after a line break before a capitalised word or after punctuation."""
    found = []
    expect_start = True
    after_break = False
    for i, (start, end) in enumerate(zip(starts, ends)):
        piece = text[start:end]
        if piece.isspace():
            after_break = after_break or "\n" in piece or "\r" in piece
            continue
        # after a line break: a capitalised word, or a bullet; not a line wrapped after a comma
        if (expect_start and not (piece[0] in CLOSERS and found)) or (after_break and (piece[:1].isupper() or not piece[0].isalnum())):
            if not found or found[-1] != i:
                found.append(i)
            expect_start = False
        is_final = all(ch in SENTENCE_END for ch in piece)
        if is_final:
            expect_start = True
        elif piece[0] not in CLOSERS:
            expect_start = False
        after_break = "\n" in text[end:starts[i + 1]] if i + 1 < len(starts) else False
    return found
