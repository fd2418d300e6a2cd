"""card-number: a full payment card number (13 to 19 digits passing the Luhn check) or a
security code written next to its name. The fix masks all but the last four digits."""

import re

from ..rule import Rule

_DIGIT_RUN = re.compile(r"(?<![\d\w])\d(?:[ \-\u00a0]?\d){12,18}(?![\d\w])")
_CODE_AFTER = re.compile(r"^\W{0,3}(?:\w+\W{1,3}){0,3}?(\d{3,4})(?!\d)")


class CardNumber(Rule):
    FIELDS = {"security_code": list}

    def compile(self, fields):
        self.code_words = self.finder(fields["security_code"], "security_code") if fields.get("security_code") else []

    def check(self, reply, matches):
        text = reply.text
        for unit in self.units(reply):
            for found in _DIGIT_RUN.finditer(text, *unit):
                digits = re.sub(r"\D", "", found.group())
                if _luhn(digits) and not reply.is_excluded(found.span()):
                    masked = _mask(found.group())
                    yield self.violation(reply, found.span(), suggestion=masked, fix=masked)
            for word_start, word_end in self.spans(matches, self.code_words, unit, reply):
                code = _CODE_AFTER.match(text[word_end:min(unit[1], word_end + 30)])
                if code:
                    span = (word_end + code.start(1), word_end + code.end(1))
                    yield self.violation(reply, span, suggestion="***", fix="***")


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0 and len(set(digits)) > 1


def _mask(number: str) -> str:
    keep = 4
    masked = []
    for char in reversed(number):
        if char.isdigit():
            masked.append(char if keep > 0 else "*")
            keep -= 1
        else:
            masked.append(char)
    return "".join(reversed(masked))
