"""metric: a measure of each unit (words per sentence ...) must stay within bounds."""

from ..rule import Rule

MEASURES = ("words", "characters")


class Metric(Rule):
    FIELDS = {"measure": str, "max": int}
    REQUIRED = ("measure", "max")

    def compile(self, fields):
        self.measure = fields["measure"]
        if self.measure not in MEASURES:
            raise self.definition.error(f"unknown measure '{self.measure}' (expected one of: {', '.join(MEASURES)})", "measure")
        self.max = fields["max"]

    def check(self, reply, matches):
        for unit in self.units(reply):
            piece = reply.text[unit[0]:unit[1]]
            value = len(piece.split()) if self.measure == "words" else len(piece)
            if value > self.max:
                yield self.violation(reply, unit, str(value), str(self.max))
