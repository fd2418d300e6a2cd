"""part: a part of the reply must be there (a greeting, the customer's name in it, a closing,
a signature), or, where given, wording that stands in for it in the scope. With `anonymous`,
a signature made only of such words ('Customer Support Team') names no one and does not count."""

import re

from ..rule import Rule
from .required import anchor_span

_WORD = re.compile(r"[^\W\d_]+")
_PIECES = re.compile(r"[^\n\r,|/–—]+")  # a signature's lines, and the parts of a line
_QUOTED_OR_ADDRESS = re.compile(r"[«“\"][^«»“”\"]+[»”\"]|\S+@\S+\.\w+|(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|co|ru|rs|lv|tr|pt|br|eu|uk)\b")

PARTS = ("greeting", "addressee", "closing", "signature")


class Part(Rule):
    FIELDS = {"part": str, "tokens": list, "patterns": list, "raw": list, "anonymous": list, "companies": list}
    REQUIRED = ("part",)

    def compile(self, fields):
        self.part = fields["part"]
        if self.part not in PARTS:
            raise self.definition.error(f"unknown part '{self.part}' (expected one of: {', '.join(PARTS)})", "part")
        spec = {key: fields[key] for key in ("tokens", "patterns", "raw") if key in fields}
        self.keys = self.finder(spec, "tokens") if spec else ()
        self.anonymous = self.finder(fields["anonymous"], "anonymous") if fields.get("anonymous") else ()
        self.companies = self.finder(fields["companies"], "companies") if fields.get("companies") else ()
        if self.anonymous and self.part == "addressee":
            raise self.definition.error("'anonymous' applies to a part of the text: greeting, closing or signature", "anonymous")

    def check(self, reply, matches):
        if reply.end <= reply.start:
            return
        if getattr(reply, self.part) and not (self.anonymous and self._names_no_one(reply, matches)):
            if self.part == "addressee" and _greets_someone_else(reply):
                name = reply.customer.name
                yield self.violation(reply, reply.greeting, message=f"The reply greets '{reply.addressee}', but the customer's name is '{name}'.", suggestion=f"Greet the customer as {name}.")
            return
        units = self.units(reply)
        if self.found_in_any(matches, self.keys, units, reply):
            return
        if self.part == "addressee" and reply.greeting:
            yield self.violation(reply, reply.greeting)
        else:
            anchor = "end" if self.part in ("closing", "signature") else "start"
            yield self.violation(reply, anchor_span(reply, [], anchor))

    def _names_no_one(self, reply, matches) -> bool:
        """Whether each piece of the part is made of `anonymous` words ('Support Team') or
        names a company ('ByteWorks Ltd', 'Команда «Озон»')."""
        start, end = getattr(reply, self.part)
        text = reply.text
        generic = [span for span in matches.union(self.anonymous) if start <= span[0] and span[1] <= end]
        companies = [span for span in matches.union(self.companies) if start <= span[0] and span[1] <= end] if self.companies else []
        for piece in _PIECES.finditer(text, start, end):
            if any(piece.start() <= s and e <= piece.end() for s, e in companies) or _QUOTED_OR_ADDRESS.search(piece.group()):
                continue
            if not all(any(s <= word.start() and word.end() <= e for s, e in generic) for word in _WORD.finditer(text, piece.start(), piece.end())):
                return False
        return True


def _greets_someone_else(reply) -> bool:
    """The reply greets 'Mark' while the customer's message was signed 'John'."""
    customer = reply.customer
    if customer is None or not customer.name or not reply.addressee[:1].isalpha():
        return False
    greeted = {word.strip(".,").lower() for word in reply.addressee.split()}
    return not greeted & {word.strip(".,").lower() for word in customer.name.split()}
