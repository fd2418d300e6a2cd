"""conditional: if the first wording appears in a unit, the second must appear there too
(a follow-up promise needs a concrete time; an apology needs an action). With `lead_in: true`,
a list item may have the second wording in the line that introduces the list ('Please follow
these steps:' covers '1. Log in ...'). `exceptions` excuses a match of `first` that it
overlaps ('we will look into it once you reply' promises nothing yet)."""

from ..rule import Rule


class Conditional(Rule):
    FIELDS = {"first": (str, list, dict), "second": (str, list, dict), "lead_in": bool, "exceptions": (list, dict)}
    REQUIRED = ("first", "second")

    def compile(self, fields):
        self.first = self.finder(fields["first"], "first")
        self.second = self.finder(fields["second"], "second")
        self.lead_in = fields.get("lead_in", False)
        self.exceptions = self.finder(fields["exceptions"], "exceptions") if "exceptions" in fields else ()

    def check(self, reply, matches):
        if not matches.union(self.first):
            return
        for unit in self.units(reply):
            found = self.spans(matches, self.first, unit, reply, self.exceptions)
            if found and not self.spans(matches, self.second, unit, reply) and not self._said_in_lead_in(matches, unit, reply):
                yield self.violation(reply, found[0])

    def _said_in_lead_in(self, matches, unit, reply) -> bool:
        lead_in = reply.lead_in(unit) if self.lead_in else None
        return lead_in is not None and bool(self.spans(matches, self.second, lead_in, reply))
