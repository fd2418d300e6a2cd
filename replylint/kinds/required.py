"""required: wording that must appear somewhere in the scope (thanks in the first sentence ...).

When it is missing the violation points at the first unit of the scope (`anchor: start`) or
the last (`anchor: end`); when the scope is empty, at the reply's first or last line.
"""

from ..reply import end_of_line, start_of_line, strip_span
from ..rule import Rule


class Required(Rule):
    FIELDS = {"tokens": list, "patterns": list, "raw": list, "anchor": str}

    def compile(self, fields):
        self.keys = self.finder({key: fields[key] for key in ("tokens", "patterns", "raw") if key in fields}, "tokens")
        self.anchor = fields.get("anchor", "start")
        if self.anchor not in ("start", "end"):
            raise self.definition.error(f"unknown anchor '{self.anchor}' (expected start or end)", "anchor")

    def check(self, reply, matches):
        if reply.end <= reply.start:
            return
        units = self.units(reply)
        if self.found_in_any(matches, self.keys, units, reply):
            return
        # a missing word in the whole text belongs at its first or last line, not on all of it
        yield self.violation(reply, anchor_span(reply, [] if "text" in self.scopes else units, self.anchor))


def anchor_span(reply, units, anchor):
    """Where to report something missing: the unit where it belongs, or else the edge line."""
    text = reply.text
    if units:
        start, end = min(units) if anchor == "start" else max(units)
    elif anchor == "start":
        start, end = reply.start, end_of_line(text, reply.start, reply.end)
    else:
        start, end = start_of_line(text, reply.end, reply.start), reply.end
    return strip_span(text, start, end)
