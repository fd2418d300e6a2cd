"""The structure of a reply: greeting, body (paragraphs, sentences), closing, signature.

Rules name the part they look at (`scope`); this module is the only place that knows where
the parts are. Quoted earlier messages are not part of the reply.
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

Span = tuple[int, int]

SCOPES = (
    "text", "greeting", "first_sentence", "first_paragraph", "body", "paragraph",
    "last_paragraph", "ending", "sentence", "closing", "signature",
)

_HANDLES = re.compile(r"\A\s*(?:[@＠]\w+[\s:,]*)+")
_INITIALS = re.compile(r"(?:^|\s)([\^~*\-–—]\s?[A-ZА-ЯЁЂЈЉЊЋЏŠĐČĆŽĀĒĪŪĶĻŅĢÇĞİÖŞÜ]{1,3}\d?)\s*\Z")
_SIGNATURE_DASHES = re.compile(r"^-- ?$", re.M)
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.M)
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\r?\n[ \t]*)+|\r[ \t]*(?:\r[ \t]*)+")
_GREETING_END = frozenset(",!:;.")
_PLACEHOLDER_START = re.compile(r"[\[{<%$]")
MAX_GREETING_TOKENS = 10
MAX_NAME_WORDS = 8
MAX_ADDRESS_WORDS = 3
MAX_SIGNATURE_LINES = 6
MAX_WORDS_BEFORE_WISH = 6  # 'Thanks, [and have a] great day', 'Спасибо [за ваше терпение и] хорошего вам дня'
MAX_BARE_SIGNATURE_LINES = 4
MAX_BARE_SIGNATURE_WORDS = 6
_NAME_WORD = re.compile(r"[^\W\d_][^\s,|/]*")
_ABBREVIATION_END = re.compile(r"(?:\b\w\.\w+\.|\b\w{1,3}\.)$")  # 'A.Ş.', 'd.o.o.', 'Ltd.', 'Inc.'
_LIST_MARKER = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[A-Za-z][.)]|[-*•–—·▪])[ \t]+")  # '1. ', 'b) ', '- ', '• ' before a list item
_ITEM_NUMBER = re.compile(r"\d{1,3}[.)]")  # '1.' or '2)' alone: a list item's number, no sentence
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit: str.isalnum
_SIGNOFF_PUNCTUATION = " \t,.!:;-–—"
_NAME_SEPARATORS = re.compile(r"\s*(?:[,|/–—]|\s-\s)\s*")
_OPENING_QUOTES = "\"'“‘«„("
_CLOSING_QUOTES = "\"'”’»)"
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'”’»)]*[ \t]+")
_CONTACT = re.compile(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}|\+?\d[\d()-]{5,}")  # e-mail, web address, domain, phone
MAX_COMPANY_WORDS = 5  # 'Ateliê Flor de Lis'
MAX_LEAD_CHARS = 200  # what may stand before a wish on its line, or after a sign-off: a few words
MAX_INDENT = 40  # spaces before a sign-off that opens its line ('    Best regards,')
_NON_BLANK_LINE = re.compile(r"[^\S\r\n]*[^\s][^\r\n]*")  # a line that holds more than whitespace


@dataclass
class Reply:
    text: str
    start: int
    end: int
    greeting: Span | None = None
    addressee: str = ""
    closing: Span | None = None
    signature: Span | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    excluded: list[Span] = field(default_factory=list)
    placeholders: list = field(default_factory=list)  # template placeholders (formats/template.py)
    customer: object = None  # the CustomerMessage this reply answers, when given
    tokens: object = None  # the Tokens of the text

    def units(self, scope: str) -> list[Span]:
        """The spans a rule with this scope looks at, one per unit (a sentence, a paragraph ...)."""
        if scope == "text":
            return [(self.start, self.end)] if self.end > self.start else []
        if scope in ("greeting", "closing", "signature"):
            part = getattr(self, scope)
            return [part] if part else []
        if scope == "body":
            return [(self.paragraphs[0][0], self.paragraphs[-1][1])] if self.paragraphs else []
        if scope == "paragraph":
            return list(self.paragraphs)
        if scope == "first_paragraph":
            return self.paragraphs[:1]
        if scope == "last_paragraph":
            return self.paragraphs[-1:]
        if scope == "ending":  # the last two paragraphs (an offer of help, then thanks), not the opening sentence
            ending = self.paragraphs[-2:]
            if ending and len(self.sentences) > 1 and ending[0][0] == self.sentences[0][0]:
                after_opening = strip_span(self.text, self.sentences[0][1], ending[0][1])
                ending = ([after_opening] if after_opening[1] > after_opening[0] else []) + ending[1:]
            return ending
        if scope == "sentence":
            return list(self.sentences)
        if scope == "first_sentence":
            return self.sentences[:1]
        raise ValueError(scope)

    def lead_in(self, sentence: Span) -> Span | None:
        """The line that introduces the list this sentence is an item of ('Please follow these
        steps:' above '1. Log in ...'), with the lines its sentence is wrapped over ('Please
        do\nthe following:'), or None when the sentence is not a list item."""
        text = self.text
        position = start_of_line(text, sentence[0], self.start)
        if not _LIST_MARKER.match(text, position):  # the marker opens the sentence or stands before it
            return None
        while position > self.start:
            line_start = start_of_line(text, position - 1, self.start)
            line = text[line_start:position].strip()
            if line and not _LIST_MARKER.match(line):  # not a blank line, not an earlier item
                if not line.endswith(":"):
                    return None
                while line_start > self.start:
                    above_start = start_of_line(text, line_start - 1, self.start)
                    above = text[above_start:line_start].strip()
                    if not above or above[-1] in ".!?:" or _LIST_MARKER.match(above):
                        break
                    earlier = max(text.rfind(". ", above_start, line_start), text.rfind("! ", above_start, line_start), text.rfind("? ", above_start, line_start))
                    if earlier >= 0:  # the line holds the end of an earlier sentence too
                        line_start = earlier + 2
                        break
                    line_start = above_start
                return strip_span(text, line_start, position)
            position = line_start
        return None

    def is_excluded(self, span: Span) -> bool:
        if span[0] < self.start or span[1] > self.end:
            return True
        if not self.excluded:
            return False
        index = bisect_right(self.excluded, (span[0], float("inf"))) - 1
        return index >= 0 and span[0] < self.excluded[index][1]


def read_reply(text: str, tokens, matches: dict[str, list[Span]], quote_header) -> Reply:
    found = quote_header.search(text) if quote_header else None
    end = found.start() if found else len(text)
    excluded = [m.span() for m in _QUOTED_LINE.finditer(text, 0, end)]
    handles = _HANDLES.match(text, 0, end)
    start = handles.end() if handles else 0
    start, end = strip_span(text, start, end)
    reply = Reply(text, start, end, excluded=excluded, tokens=tokens)
    if start >= end:
        return reply
    body_start = _read_greeting(reply, tokens, matches.get("@greetings", []), matches.get("@generic_addressees", []), matches.get("@titles", []))
    body_end = _read_closing(reply, body_start, matches.get("@signoffs", []), matches.get("@wishes", []))
    reply.paragraphs = _paragraphs(text, body_start, body_end, excluded)
    reply.sentences = _sentences(tokens, reply.paragraphs)
    return reply


def strip_span(text: str, start: int, end: int) -> Span:
    """The span without the whitespace at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def end_of_line(text: str, position: int, limit: int) -> int:
    """Where the line holding `position` ends (at `limit` at the latest)."""
    ends = [i for i in (text.find("\n", position, limit), text.find("\r", position, limit)) if i != -1]
    return min(ends) if ends else limit


def _read_greeting(reply: Reply, tokens, greetings: list[Span], generic: list[Span], titles: list[Span]) -> int:
    """Find 'Hi Jane,' at the start; return where the body starts."""
    text = reply.text
    line_end = end_of_line(text, reply.start, reply.end)
    openings = [g for g in greetings if g[0] == reply.start]
    name_first = ""
    if not openings:  # 'Анна, добрый день!', 'Ahmet Bey merhaba,': the name before the greeting
        for found in sorted(g for g in greetings if g[0] < line_end):
            prefix = text[reply.start:found[0]].strip(" \t,")
            if _looks_like_name(prefix) and not any(reply.start <= s < found[0] for s, _ in generic):
                openings, name_first = [found], prefix
            break
    if not openings:
        return _read_name_line(reply, tokens, line_end)
    opening = max(openings, key=lambda g: g[1])  # 'dobar dan' rather than 'dobar'
    greeting_end = line_end
    count = 0
    after_opening = _next_word(tokens, opening[1], line_end)
    if text[opening[1] - 1] in ",!:" and after_opening is not None and after_opening[0][:1].islower() and not _addresses(tokens, generic, opening[1], line_end):
        greeting_end = opening[1]  # 'Здравствуйте, спасибо за обращение': no name follows
    for i in range(bisect_left(tokens.start, opening[1]), len(tokens) if greeting_end == line_end else 0):
        if tokens.start[i] >= line_end:
            break
        piece = tokens.text(i)
        if piece.isspace():
            continue
        if piece == "." and tokens.end[i - 1] > opening[1] and (_abbreviation(tokens, i) or (tokens.start[i - 1], tokens.end[i - 1]) in titles):
            continue  # 'Poštovani g. Ristiću,', 'Prezada Dra. Helena,': the dot of an abbreviation ends nothing (but 'Добрый день.' ends)
        if piece == "," and count == 0 and _addresses(tokens, generic, tokens.end[i], line_end):
            continue  # 'Hello, Jane!', 'Merhaba, Ahmet Bey.': the name after the comma is the addressee
        ends = piece in _GREETING_END or _is_emoji(piece)  # 'Selam Ece 😊 Yazdığın için ...'
        if ends or count >= MAX_GREETING_TOKENS:
            greeting_end = tokens.end[i] if ends else opening[1]
            while greeting_end < line_end and text[greeting_end] in "!?.":  # 'Hi there!!!' ends after its last '!'
                greeting_end += 1
            break
        count += 1
    reply.greeting = (reply.start, greeting_end)
    addressee = text[opening[1]:greeting_end].strip(" \t,!:;.")
    while addressee and _is_emoji(addressee[-1]):
        addressee = addressee[:-1].rstrip(" \t,!:;.")
    is_name = addressee[:1].isalnum() and not any(opening[1] <= s < greeting_end for s, _ in generic)
    if not addressee and not name_first:
        # a greeting phrase that spans the name ('* , добрый день'): the name is what comes
        # before the first greeting word inside it
        inner = sorted(g[0] for g in greetings if reply.start < g[0] < opening[1])
        prefix = text[reply.start:inner[0]].strip(" \t,") if inner else ""
        generic_prefix = any(reply.start <= s < inner[0] for s, _ in generic) if inner else False
        name_first = prefix if _looks_like_name(prefix) and not generic_prefix and not _known_words(tokens, reply.start, inner[0]) else ""  # not 'Good' of 'Good morning'
    if _PLACEHOLDER_START.match(addressee) or is_name:
        reply.addressee = addressee
    elif name_first:
        reply.addressee = name_first
    start, _ = strip_span(text, greeting_end, reply.end)
    return start


def _read_name_line(reply: Reply, tokens, line_end: int) -> int:
    """'Helena,' or '{{ first_name }},' alone on the first line addresses the customer without a
    greeting word: the name is the addressee and the line is not the first sentence. A word the
    rules know ('Thanks,', 'Sorry!') is not taken for a name, nor a line that the next one goes
    on from ('Unfortunately,\nwe cannot ...'). Returns where the body starts."""
    text = reply.text
    line = text[reply.start:line_end].rstrip()
    name = line.rstrip(",!")
    body_start = strip_span(text, line_end, reply.end)[0]
    if name == line or body_start >= reply.end or text[body_start].islower() or _known_words(tokens, reply.start, line_end) or not _looks_like_name(name):
        return reply.start
    reply.addressee = name
    return body_start


def _known_words(tokens, start: int, end: int) -> bool:
    """Whether a word (not a comma) between the offsets is one the rules know: no name."""
    first, last = bisect_left(tokens.start, start), bisect_left(tokens.start, end)
    return any((word.keys or word.heads) and word.alnum for word in tokens.words[first:last])


def _looks_like_name(words: str) -> bool:
    """'Anna', 'Ahmet Bey', '{{ name }}': one to three capitalised words, or a placeholder."""
    if _PLACEHOLDER_START.match(words):
        return True
    parts = words.split()
    return 0 < len(parts) <= 3 and all(p[:1].isupper() and p.replace("-", "").replace(".", "").isalpha() for p in parts)


def _addresses(tokens, generic: list[Span], position: int, limit: int) -> bool:
    """Whether the words after a greeting's comma, up to the next punctuation, address the
    customer: a few words naming them ('dear Jane', 'уважаемый клиент', 'prezado cliente'),
    not a sentence ('благодарим вас за письмо', 'thanks for reaching out')."""
    words = []
    for i in range(bisect_left(tokens.start, position), len(tokens)):
        if tokens.start[i] >= limit:
            break
        piece = tokens.text(i)
        if piece in _GREETING_END or piece == "?":
            break
        if not piece.isspace():
            words.append(i)
            if len(words) > MAX_ADDRESS_WORDS:
                return False
    if not words:
        return False
    first, last = tokens.start[words[0]], tokens.end[words[-1]]
    named = tokens.text(words[-1])[:1].isupper() and not _known_words(tokens, tokens.start[words[-1]], last)  # 'Jane', not 'Thanks'
    return named or any(first <= s < last for s, _ in generic)


def _next_word(tokens, position: int, limit: int) -> tuple[str, int] | None:
    """The next token's text and start, if one starts before `limit`."""
    for i in range(bisect_left(tokens.start, position), len(tokens)):
        if tokens.start[i] >= limit:
            return None
        piece = tokens.text(i)
        if not piece.isspace():
            return piece, tokens.start[i]
    return None


def _abbreviation(tokens, dot: int) -> bool:
    """A dot after a short lower-case word ('g.', 'gosp.', 'sr.'), or a single letter."""
    if dot == 0:
        return False
    word = tokens.text(dot - 1)
    return tokens.end[dot - 1] == tokens.start[dot] and word.isalpha() and (len(word) == 1 or (word.islower() and len(word) <= 4))


def _read_closing(reply: Reply, body_start: int, signoffs: list[Span], wishes: list[Span]) -> int:
    """Find 'Best regards,' (or a wish: 'Have a great day!', or thanks and a wish: 'Thanks,
    and have a great day!') and the signature after it; return where the body ends. Some
    body comes first: 'Hvala na strpljenju!' right after the greeting opens a short reply.
    At the end of a chat reply's last paragraph a sign-off may follow a sentence on its line
    ('... Чем ещё могу помочь? Спасибо, хорошего дня!'); only a name may follow it there.
    Only the last few lines can hold a closing, and each candidate is judged on a few words
    around it: a megabyte line of 'Thanks. Thanks. ...' stays linear."""
    text = reply.text
    lines = _last_lines(text, reply.start, reply.end, MAX_SIGNATURE_LINES + 1)
    if not lines:
        return reply.end
    line_starts = [start for start, _ in lines]
    candidates = []  # (start, end of the sign-off or wish, its line, whether it starts mid-line)
    for start, end in _from(signoffs, lines[0][0]):
        line = lines[bisect_right(line_starts, start) - 1]
        if not reply.is_excluded((start, end)) and end <= line[1]:
            if start - line[0] <= MAX_INDENT and not text[line[0]:start].strip():
                candidates.append((start, end, line, False))
            elif _starts_sentence(text, line[0], start):
                candidates.append((start, end, line, True))
    for wish_start, wish_end in _from(wishes, lines[0][0]):  # a wish after a few words: 'Спасибо за покупку и хорошего дня!'
        line = lines[bisect_right(line_starts, wish_start) - 1]
        if reply.is_excluded((wish_start, wish_end)) or wish_end > line[1]:
            continue
        window = max(line[0], wish_start - MAX_LEAD_CHARS)
        breaks = list(_SENTENCE_BREAK.finditer(text, window, wish_start))
        if not breaks and window > line[0]:
            continue  # more than a few words before the wish
        start = strip_span(text, breaks[-1].end() if breaks else line[0], wish_end)[0]
        if len(text[start:wish_start].split()) <= MAX_WORDS_BEFORE_WISH:
            candidates.append((start, wish_end, line, bool(breaks)))
    for signoff_start, signoff_end, (_, line_end), mid_line in sorted(candidates, reverse=True):
        if signoff_start <= body_start or line_end - signoff_end > MAX_LEAD_CHARS:
            continue
        signature_start = _signature_start(text, signoff_end, line_end, reply.end, wishes, mid_line)
        if signature_start is not None:
            reply.closing = (signoff_start, reply.end)
            signature_start, signature_end = strip_span(text, signature_start, reply.end)
            if signature_end > signature_start:
                reply.signature = (signature_start, signature_end)
            return signoff_start
    dashes = [m for m in _SIGNATURE_DASHES.finditer(text, reply.start, reply.end)]
    if dashes:
        start, end = strip_span(text, dashes[-1].end(), reply.end)
        reply.signature = (start, end) if end > start else None
        return dashes[-1].start()
    initials = _INITIALS.search(text, reply.start, reply.end)
    if initials and initials.start(1) > reply.start:
        reply.signature = initials.span(1)
        return initials.start(1)
    bare = _bare_signature(text, reply.start, reply.end)
    if bare:
        reply.signature = bare
        return bare[0]
    return reply.end


def _bare_signature(text: str, start: int, end: int) -> Span | None:
    """A last paragraph of a few short lines that reads as a name and a company, with no
    sign-off above it: 'Kristīne Liepa\nCitadele banka', 'Milan Petrović | Air Serbia'. Its
    first line is capitalised words only, and no line ends a sentence."""
    gaps = list(_BLANK_LINES.finditer(text, start, end))
    if not gaps:
        return None
    block = strip_span(text, gaps[-1].end(), end)
    lines = [line.strip() for line in text[block[0]:block[1]].splitlines() if line.strip()]
    if not 0 < len(lines) <= MAX_BARE_SIGNATURE_LINES:
        return None
    for line in lines:
        if len(line.split()) > MAX_BARE_SIGNATURE_WORDS or line[-1] in "!?:;," or (line[-1] == "." and not _ABBREVIATION_END.search(line)):
            return None
    words = _NAME_WORD.findall(lines[0])
    named = words and all(word[0].isupper() for word in words) and not any(ch.isdigit() or ch == ":" for ch in lines[0])
    return block if named else None


def _is_emoji(piece: str) -> bool:
    return unicodedata.category(piece[0]) == "So"


def _last_lines(text: str, start: int, end: int, count: int) -> list[Span]:
    """The last `count` non-blank lines between the offsets, as (start, end), in order."""
    lines, position = [], end
    while position > start and len(lines) < count:
        line_start = start_of_line(text, position - 1, start)
        line_end = end_of_line(text, line_start, end)
        if text[line_start:line_end].strip():
            lines.append((line_start, line_end))
        position = line_start
    return lines[::-1]


def _from(spans: list[Span], position: int) -> list[Span]:
    """The spans (sorted) that start at `position` or later."""
    return spans[bisect_left(spans, (position, -1)):]


def _starts_sentence(text: str, line_start: int, position: int) -> bool:
    """Whether a sentence ends just before `position` on its line ('... help? Thanks,')."""
    before = text[max(line_start, position - MAX_LEAD_CHARS):position].rstrip(" \t").rstrip(_CLOSING_QUOTES)
    return before[-1:] in (".", "!", "?", "…")


def _signature_start(text: str, signoff_end: int, line_end: int, reply_end: int, wishes: list[Span], mid_line: bool) -> int | None:
    """Where the signature starts if what follows a sign-off on its line keeps it one, else
    None. It may be nothing, or a short name ('Thanks, Sam': the name is the signature); a
    few words and a comma, as a letter's last line before the name under it ('Thank you for
    your patience, and safe travels,'); or a few words and a wish that ends the line
    ('Спасибо за покупку и хорошего дня!'). After a sentence on the same line, only a name."""
    rest = text[signoff_end:line_end]
    if mid_line:  # and someone signs: on the line or below ('... Paldies.' alone stays a sentence)
        named = _names_someone(rest) and (rest.strip(_SIGNOFF_PUNCTUATION) or _NON_BLANK_LINE.search(text, line_end, reply_end))
        return _after_punctuation(text, signoff_end, line_end) if named else None
    if _is_signoff_line(rest):
        return _after_punctuation(text, signoff_end, line_end)
    if rest.rstrip().endswith(",") and len(rest.split()) <= MAX_NAME_WORDS:
        name_line = _NON_BLANK_LINE.search(text, line_end, reply_end)
        if name_line and (name_line.group().lstrip()[:1].isupper() or _PLACEHOLDER_START.match(name_line.group().lstrip())):
            return line_end
    for wish_start, wish_end in wishes[bisect_left(wishes, (signoff_end, -1)):]:
        if wish_start >= line_end:
            break
        if wish_end <= line_end and len(text[signoff_end:wish_start].split()) <= MAX_WORDS_BEFORE_WISH and _is_signoff_line(text[wish_end:line_end]):
            return _after_punctuation(text, wish_end, line_end)
    return None


def _after_punctuation(text: str, position: int, line_end: int) -> int:
    """The start of a name that follows on the line ('Thanks, Sam'), or the line's end."""
    while position < line_end and text[position] in _SIGNOFF_PUNCTUATION:
        position += 1
    return position


def _names_someone(rest: str) -> bool:
    """Nothing, or a name and a company: 'Marika, Omniva', 'Ana - Suporte SoftLar', 'Саша,
    поддержка «Дом.ру»': a few short parts that each read as a name (see _name_part)."""
    parts = [part for part in _NAME_SEPARATORS.split(rest.strip(_SIGNOFF_PUNCTUATION)) if part]
    return len(parts) <= MAX_SIGNATURE_LINES and all(_name_part(part.split()) for part in parts)


def _name_part(words: list[str]) -> bool:
    """'Елизавета', '«Эр-Телеком»', 'Ateliê Flor de Lis', 'поддержка «Дом.ру»' (a role and a
    company in quotes), 'sac@mundokids.com.br'; not 'par Jūsu atsauksmi', whose capital is
    the polite 'Your'."""
    if len(words) == 1 and _CONTACT.fullmatch(words[0]):
        return True
    if not words or len(words) > MAX_COMPANY_WORDS or any(word[-1:] in ".!?" and len(word) > 2 for word in words[:-1]):
        return False
    first, last = words[0].lstrip(_OPENING_QUOTES), words[-1]
    if _PLACEHOLDER_START.match(first):  # '{{ agent_name }}'
        return True
    capitals = [any(ch.isupper() for ch in word) or bool(_CONTACT.fullmatch(word.strip("()[]"))) for word in words]  # 'airBaltic' too
    if 2 * sum(capitals) < len(words):  # 'You for letting us': a sentence, not a name
        return False
    return capitals[0] or (last[:1] in _OPENING_QUOTES and last[1:2].isupper())


def _is_signoff_line(rest: str) -> bool:
    """After 'Best regards' a line holds nothing, or a short name: 'Thanks, Sam'."""
    rest = rest.strip(_SIGNOFF_PUNCTUATION)
    return not rest or (len(rest.split()) <= MAX_NAME_WORDS and (rest[0].isupper() or rest[0] in "{[%$<"))


def start_of_line(text: str, position: int, floor: int = 0) -> int:
    """Where the line holding `position` starts (at `floor` at the earliest)."""
    return max(text.rfind("\n", floor, position), text.rfind("\r", floor, position), floor - 1) + 1


def _paragraphs(text: str, start: int, end: int, excluded: list[Span]) -> list[Span]:
    paragraphs = []
    position = start
    for gap in [*_BLANK_LINES.finditer(text, start, end), None]:
        piece_end = gap.start() if gap else end
        for piece in _without(position, piece_end, excluded):
            s, e = strip_span(text, *piece)
            if e > s:
                paragraphs.append((s, e))
        if gap:
            position = gap.end()
    return paragraphs


def _without(start: int, end: int, excluded: list[Span]) -> list[Span]:
    pieces, position = [], start
    for s, e in excluded:
        if e <= position or s >= end:
            continue
        pieces.append((position, s))
        position = e
    pieces.append((position, end))
    return pieces


def _sentences(tokens, paragraphs: list[Span]) -> list[Span]:
    """Sentences from the tokens' sentence starts, cut at paragraph breaks."""
    text = tokens.text_all
    cuts = [tokens.start[i] for i in tokens.sentence_starts] + [len(text)]
    sentences, index = [], 0
    for p_start, p_end in paragraphs:
        while index + 1 < len(cuts) and cuts[index + 1] <= p_start:
            index += 1
        look = index
        while look + 1 < len(cuts) and cuts[look] < p_end:
            s, e = strip_span(text, max(cuts[look], p_start), min(cuts[look + 1], p_end))
            if e > s and _ALNUM.search(text, s, e) and not _ITEM_NUMBER.fullmatch(text, s, e):  # not an emoji or an item's number on its own
                sentences.append((s, e))
            look += 1
    return sentences
