"""card-number: a full payment card number (13 to 19 digits with an issuer's first digits,
passing the Luhn check, or grouped as cards print them next to a word for a card: a made-up
number is still a number written out) or a security code written next to its name. The fix
masks all but the last four digits."""

import re

from ..rule import Rule

_GROUP = re.compile(r"\d+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,4})?\b")
# the look-behinds come after the first digit, so the engine scans for a digit first
_DIGIT_RUN = re.compile(r"\d(?<![\d\w*•]\d)(?<![*•][ \-\u00a0]\d)(?:[ \-\u00a0]?\d){12,}(?![\d\w])")
# the first number within three words after 'CVV': words are letters, so a masked '***' or
# another number ends the search (and a second run finds nothing new to mask)
_CODE_AFTER = re.compile(r"^\W{0,3}(?:[^\W\d_]+\W{1,3}){0,3}?(\d{3,4})(?!\d)")


CARD_WORD_REACH = 40  # characters between a word for a card and its number, either side ('kartınız' follows it)


class CardNumber(Rule):
    FIELDS = {"security_code": list, "card_words": list}

    def compile(self, fields):
        self.code_words = self.finder(fields["security_code"], "security_code") if fields.get("security_code") else ()
        self.card_words = self.finder(fields["card_words"], "card_words") if fields.get("card_words") else ()

    def check(self, reply, matches):
        text = reply.text
        for unit in self.units(reply):
            ibans = card_words = None
            for found in _DIGIT_RUN.finditer(text, *unit):
                if card_words is None:  # looked up once per unit, and only where digits run
                    card_words = self.spans(matches, self.card_words, unit, reply)
                named = any(found.start() - CARD_WORD_REACH <= end <= found.start() or found.end() <= start <= found.end() + CARD_WORD_REACH for start, end in card_words)
                for span in _cards_in(text, found.start(), found.end(), named):
                    if ibans is None:  # an IBAN's digits can pass the Luhn check: 'TR12 0001 0012 3456 ...'
                        ibans = [m.span() for m in _IBAN.finditer(text, *unit)]
                    if reply.is_excluded(span) or any(s <= span[0] and span[1] <= e for s, e in ibans):
                        continue
                    masked = _mask(text[span[0]:span[1]])
                    yield self.violation(reply, span, suggestion=masked, fix=masked)
            codes = set()  # 'CVV/CVC: 123' names one code twice
            for _, word_end in self.spans(matches, self.code_words, unit, reply):
                code = _CODE_AFTER.match(text[word_end:min(unit[1], word_end + 30)])
                if code:
                    codes.add((word_end + code.start(1), word_end + code.end(1)))
            for span in sorted(codes):
                yield self.violation(reply, span, suggestion="***", fix="***")


def _cards_in(text: str, start: int, end: int, named: bool):
    """Card numbers inside a run of digit groups: the longest window of groups, from the left,
    with 13-19 digits, an issuer's first digits, and passing the Luhn check or, when a word for
    a card is next to it (`named`), grouped as cards print them ('карты 4276 3800 1234
    5678'); 'CVC 000 4111 1111 1111 1111' holds one after '000'; two cards one after the other
    are two."""
    groups = [m.span() for m in _GROUP.finditer(text, start, end)]
    first = 0
    while first < len(groups):
        found, digits = None, ""
        for last in range(first, len(groups)):
            digits += text[groups[last][0]:groups[last][1]]
            if len(digits) > 19:
                break
            if len(digits) >= 13 and _issued(digits) and (_luhn(digits) or (named and _grouped_as_card(groups[first:last + 1]))):
                found = last
        if found is None:
            first += 1
            continue
        yield groups[first][0], groups[found][1]
        first = found + 1


CARD_GROUPINGS = ([4, 4, 4, 4], [4, 6, 5], [16], [15])  # as cards print them (most cards; American Express), or run together


def _grouped_as_card(groups: list[tuple[int, int]]) -> bool:
    return [end - start for start, end in groups] in CARD_GROUPINGS


def _issued(digits: str) -> bool:
    """Whether the number starts as payment cards of its length do: 4 (Visa), 5 and 6
    (Mastercard, Maestro, Discover, UnionPay), 34 and 37 with 15 digits (American Express), 35
    with 16-19 (JCB), 30, 36, 38, 39 (Diners), 2200-2204 (Mir), 2221-2720 (Mastercard), 9792
    (Troy), 9891 (DinaCard), and 1 with 15 digits (UATP). A protocol or order number
    ('20240312123456') or a phone's IMEI (15 digits from 35) that happens to pass the Luhn
    check is not a card."""
    first, length = digits[0], len(digits)
    if first in "456":
        return True
    if first == "3":
        prefix = digits[:2]
        return (prefix in ("34", "37") and length == 15) or (prefix == "35" and length >= 16) or (prefix in ("30", "36", "38", "39") and length >= 14)
    if first == "2":
        prefix = int(digits[:4])
        return 2200 <= prefix <= 2204 or 2221 <= prefix <= 2720
    return digits.startswith(("9792", "9891")) or (first == "1" and length == 15)


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
