"""existence: wording that must not appear (Vale's kind of the same name)."""

from ..rule import Rule


class Existence(Rule):
    FIELDS = {"tokens": list, "patterns": list, "raw": list}

    def compile(self, fields):
        spec = {key: fields[key] for key in self.FIELDS if key in fields}
        if not spec:
            raise self.definition.error("an existence rule needs tokens, patterns or raw")
        self.keys = self.finder(spec, "tokens")

    def check(self, reply, matches):
        if not matches.union(self.keys):
            return
        for unit in self.units(reply):
            for span in self.spans(matches, self.keys, unit, reply):
                yield self.violation(reply, span)
