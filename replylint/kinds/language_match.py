"""language-match: the reply is written in the customer's language (when theirs is known)."""

from ..rule import Rule
from .required import anchor_span


class LanguageMatch(Rule):
    def check(self, reply, matches):
        customer = reply.customer
        if customer is None or not customer.language or reply.end <= reply.start:
            return
        if customer.language != self.vocabulary.language.code:
            yield self.violation(reply, anchor_span(reply, [], "start"), customer.language, self.vocabulary.language.code)
