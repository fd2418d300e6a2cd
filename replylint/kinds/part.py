"""part: a part of the reply must be there (a greeting, the customer's name in it, a closing,
a signature), or, where given, wording that stands in for it in the scope."""

from ..rule import Rule
from .required import anchor_span

PARTS = ("greeting", "addressee", "closing", "signature")


class Part(Rule):
    FIELDS = {"part": str, "tokens": list, "patterns": list, "raw": list}
    REQUIRED = ("part",)

    def compile(self, fields):
        self.part = fields["part"]
        if self.part not in PARTS:
            raise self.definition.error(f"unknown part '{self.part}' (expected one of: {', '.join(PARTS)})", "part")
        spec = {key: fields[key] for key in ("tokens", "patterns", "raw") if key in fields}
        self.keys = self.finder(spec, "tokens") if spec else ()

    def check(self, reply, matches):
        if reply.end <= reply.start:
            return
        if getattr(reply, self.part):
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


def _greets_someone_else(reply) -> bool:
    """The reply greets 'Mark' while the customer's message was signed 'John'."""
    customer = reply.customer
    if customer is None or not customer.name or not reply.addressee[:1].isalpha():
        return False
    greeted = {word.strip(".,").lower() for word in reply.addressee.split()}
    return not greeted & {word.strip(".,").lower() for word in customer.name.split()}
