"""question: every question the customer asked (a sentence ending in '?', or a request such
as "can you ...", "please let me know ...") must be addressed: the reply must share some of
its content words. Words are compared by their first letters, which copes with inflection
in every language without a full lemma table; stop words do not count."""

import math
from bisect import bisect_left
from functools import lru_cache

import spacy

from ..rule import Rule
from .required import anchor_span

STEM = 5
MIN_WORD = 4
SHARE = 0.34  # of a question's content words that the reply must mention


class Question(Rule):
    FIELDS = {"requests": (list, dict, str)}

    def compile(self, fields):
        self.requests = self.finder(fields["requests"], "requests") if fields.get("requests") else ()

    def check(self, reply, matches):
        customer = reply.customer
        if customer is None or reply.end <= reply.start:
            return
        fold = self.vocabulary.language.fold
        answered_words = _stems(reply.tokens, reply.start, reply.end, fold)
        requests = [span for key in self.requests for span in customer.matches.get(key, ())]
        anchor = anchor_span(reply, reply.units("first_paragraph") or reply.units("text"), "start")
        for start, end in _questions(customer, requests):
            asked = _stems(customer.reply.tokens, start, end, fold)
            if asked and len(asked & answered_words) < math.ceil(SHARE * len(asked)):
                question = " ".join(customer.text[start:end].split())
                yield self.violation(reply, anchor, question)


def _questions(customer, requests):
    text = customer.text
    for start, end in customer.reply.units("sentence") + customer.reply.units("greeting"):
        if text[start:end].rstrip().endswith("?") or any(start <= s < end for s, _ in requests):
            yield start, end


def _stems(tokens, start, end, fold) -> set[str]:
    """Content words' first letters, folded (so Cyrillic and Latin Serbian compare equal)."""
    stop_words = _stop_words(tokens.doc.lang_, fold)
    first, last = bisect_left(tokens.start, start), bisect_left(tokens.start, end)
    words = (fold(tokens.text(i)) for i in range(first, last))
    return {word[:STEM] for word in words if word.isalpha() and len(word) >= MIN_WORD and word not in stop_words}


@lru_cache(maxsize=None)
def _stop_words(language: str, fold) -> frozenset[str]:
    return frozenset(fold(word) for word in spacy.util.get_lang_class(language).Defaults.stop_words)
