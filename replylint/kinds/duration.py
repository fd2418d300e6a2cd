"""duration: a promised time ("we will reply within 48 hours") must not exceed the team's
response standard. Units, number words and the words that make a time a promise of a reply
("get back to you", "respond", "allow") are language data; the time and the promise must be
in the same unit (a sentence), in either order. The standard comes from `max_hours`, which configuration overrides
(`response_hours`)."""

import re

from ..rule import Rule

_NUMBER_BEFORE = re.compile(r"(\d+(?:[.,]\d+)?)(?:\s*(?:[-–]|to|до|do|ile|līdz|a)\s*(\d+(?:[.,]\d+)?))?[\s\-]*(?:\w+[\s\-]+)?$")
WINDOW = 40
_GLUED_HOURS = re.compile(r"(?<![\w.,])(\d{1,4})(?:\s?[-–]\s?(\d{1,4}))?\s?(?:h|hrs?)(?![\w])")


class Duration(Rule):
    FIELDS = {"units": dict, "numbers": dict, "promise": list, "max_hours": (int, float)}
    REQUIRED = ("units", "promise")

    def compile(self, fields):
        self.max_hours = float(fields.get("max_hours", 24))
        self.time_units = [(self.finder([str(p)], "units"), _number(self, p, h, "units")) for p, h in fields["units"].items()]
        self.number_words = [(self.finder([str(p)], "numbers"), _number(self, p, v, "numbers")) for p, v in (fields.get("numbers") or {}).items()]
        self.promise = self.finder(fields["promise"], "promise")
        # every unit (and number word) under one key too: one lookup tells whether any occurs
        self.any_unit = self.finder([str(p) for p in fields["units"]], "units")
        self.any_number_word = self.finder([str(p) for p in fields.get("numbers") or {}], "numbers") if fields.get("numbers") else ()

    def check(self, reply, matches):
        text = reply.text
        if not matches.union(self.promise):
            return
        time_units = [(keys, hours) for keys, hours in self.time_units if matches.union(keys)] if matches.union(self.any_unit) else []
        number_words = [(keys, value) for keys, value in self.number_words if matches.union(keys)] if time_units and matches.union(self.any_number_word) else []
        for unit in self.units(reply):
            promises = self.spans(matches, self.promise, unit, reply)
            if not promises:
                continue
            words = [(span, value) for keys, value in number_words for span in self.spans(matches, keys, unit, reply)]
            for (unit_start, unit_end), hours in self._time_units(matches, unit, reply, time_units):
                    window_start = max(unit[0], unit_start - WINDOW)
                    amount, amount_start = self._amount(text, window_start, unit_start, words)
                    if amount is None:
                        continue
                    if amount * hours > self.max_hours:
                        yield self.violation(reply, (amount_start, unit_end), _hours(amount * hours), _hours(self.max_hours))
            for glued in _GLUED_HOURS.finditer(text, *unit):  # '72h', '48 h': one token in most languages
                hours = max(float(v) for v in glued.groups() if v)
                if hours > self.max_hours and not reply.is_excluded(glued.span()):
                    yield self.violation(reply, glued.span(), _hours(hours), _hours(self.max_hours))

    def _time_units(self, matches, unit, reply, time_units):
        """Each time unit once, the longest reading winning ('business day' over 'day')."""
        found = sorted(((span, hours) for keys, hours in time_units for span in self.spans(matches, keys, unit, reply)), key=lambda f: (f[0][1], f[0][0]))
        kept = []
        for span, hours in found:
            if kept and kept[-1][0][1] == span[1]:
                continue
            kept.append((span, hours))
        return kept

    @staticmethod
    def _amount(text, window_start, unit_start, words):
        found = _NUMBER_BEFORE.search(text, window_start, unit_start)
        if found:
            values = [float(v.replace(",", ".")) for v in found.groups() if v]
            return max(values), found.start()
        for (start, end), value in words:
            if window_start <= start and end <= unit_start and not text[end:unit_start].strip(" -"):
                return value, start
        return None, None


def _number(rule, phrase, value, field):
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise rule.definition.error(f"the value of '{phrase}' in '{field}' must be a number", field)
    return float(value)


def _hours(hours: float) -> str:
    return f"{hours:g} hours"
