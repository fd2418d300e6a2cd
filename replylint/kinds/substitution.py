"""substitution: wording with a better replacement to suggest (and to apply with --fix)."""

from ..rule import Rule


class Substitution(Rule):
    FIELDS = {"swap": dict}
    REQUIRED = ("swap",)

    def compile(self, fields):
        self.replacements = []  # (keys, replacement)
        for phrase, replacement in fields["swap"].items():
            if not isinstance(replacement, str):
                raise self.definition.error(f"the replacement for '{phrase}' must be text", "swap")
            self.replacements.append((self.finder([str(phrase)], "swap"), replacement))

    def check(self, reply, matches):
        present = [(keys, replacement) for keys, replacement in self.replacements if matches.union(keys)]
        for unit in self.units(reply) if present else ():
            for keys, replacement in present:
                for span in self.spans(matches, keys, unit, reply):
                    matched = reply.text[span[0]:span[1]]
                    fixed = _same_case(matched, replacement)
                    yield self.violation(reply, span, fixed, matched, suggestion=fixed, fix=fixed)


def _same_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
