"""existence: wording that must not appear (Vale's kind of the same name). `exceptions`, as
in Vale, is wording that contains a match and makes it fine ('no need to apologise')."""

from ..rule import Rule


class Existence(Rule):
    FIELDS = {"tokens": list, "patterns": list, "raw": list, "exceptions": (list, dict)}

    def compile(self, fields):
        spec = {key: fields[key] for key in ("tokens", "patterns", "raw") if key in fields}
        if not spec:
            raise self.definition.error("an existence rule needs tokens, patterns or raw")
        self.keys = self.finder(spec, "tokens")
        self.exceptions = self.finder(fields["exceptions"], "exceptions") if "exceptions" in fields else ()

    def check(self, reply, matches):
        if not matches.union(self.keys):
            return
        for unit in self.units(reply):
            for span in self.spans(matches, self.keys, unit, reply, self.exceptions):
                yield self.violation(reply, span)
