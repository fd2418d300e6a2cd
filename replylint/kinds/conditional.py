"""conditional: if the first wording appears in a unit, the second must appear there too
(a follow-up promise needs a concrete time; an apology needs an action)."""

from ..rule import Rule


class Conditional(Rule):
    FIELDS = {"first": (str, list, dict), "second": (str, list, dict)}
    REQUIRED = ("first", "second")

    def compile(self, fields):
        self.first = self.finder(fields["first"], "first")
        self.second = self.finder(fields["second"], "second")

    def check(self, reply, matches):
        if not matches.union(self.first):
            return
        for unit in self.units(reply):
            found = self.spans(matches, self.first, unit, reply)
            if found and not self.spans(matches, self.second, unit, reply):
                yield self.violation(reply, found[0])
