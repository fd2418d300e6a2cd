"""occurrence: how many times wording may appear in each unit of the scope (min and max).
A match inside `exceptions` wording does not count ('no need to apologise')."""

from ..rule import Rule


class Occurrence(Rule):
    FIELDS = {"tokens": list, "patterns": list, "raw": list, "max": int, "min": int, "exceptions": (list, dict)}

    def compile(self, fields):
        if "max" not in fields and "min" not in fields:
            raise self.definition.error("an occurrence rule needs max or min")
        self.max = fields.get("max")
        self.min = fields.get("min")
        self.keys = self.finder({key: fields[key] for key in ("tokens", "patterns", "raw") if key in fields}, "tokens")
        self.exceptions = self.finder(fields["exceptions"], "exceptions") if "exceptions" in fields else ()

    def check(self, reply, matches):
        for unit in self.units(reply):
            found = self.spans(matches, self.keys, unit, reply, self.exceptions)
            if self.max is not None and len(found) > self.max:
                yield self.violation(reply, found[self.max], str(len(found)), str(self.max))
            elif self.min is not None and len(found) < self.min:
                yield self.violation(reply, unit, str(len(found)), str(self.min))
