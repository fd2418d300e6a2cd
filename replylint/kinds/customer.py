"""customer: when the customer's message (--in-reply-to) says something, the reply must
answer it in kind: a complaint about something broken needs a remedy (missing-remedy).
Fields: `customer` (what to look for in their message) and tokens/patterns/raw (what the
reply must then contain somewhere in the scope)."""

from ..rule import Rule
from .required import anchor_span


class Customer(Rule):
    FIELDS = {"customer": (list, dict, str), "tokens": list, "patterns": list, "raw": list, "anchor": str}
    REQUIRED = ("customer",)

    def compile(self, fields):
        self.trigger = self.finder(fields["customer"], "customer")
        self.keys = self.finder({key: fields[key] for key in ("tokens", "patterns", "raw") if key in fields}, "tokens")
        self.anchor = fields.get("anchor", "start")

    def check(self, reply, matches):
        customer = reply.customer
        if customer is None or reply.end <= reply.start:
            return
        said = [span for key in self.trigger for span in customer.matches.get(key, ()) if not customer.reply.is_excluded(span)]
        if not said:
            return
        units = self.units(reply)
        if self.found_in_any(matches, self.keys, units, reply):
            return
        quoted = customer.text[said[0][0]:said[0][1]]
        yield self.violation(reply, anchor_span(reply, reply.units("first_paragraph") or units, self.anchor), quoted)
