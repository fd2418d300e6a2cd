"""Masking Markdown and HTML: markup becomes spaces, so that offsets do not move.

Block-level HTML tags become line breaks, so that paragraphs and sign-off lines written in
HTML are found as they are in plain text.
"""

import html
import re

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "section", "article", "header", "footer", "pre"}
_HIDDEN_ELEMENT = re.compile(r"<(style|script|head|title)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>", re.S)
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_QUOTED = re.compile(r"<blockquote\b.*?</blockquote\s*>", re.S | re.I)

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.S)
_INLINE_CODE = re.compile(r"``[^\n]{1,1000}?``|`[^`\n]{1,1000}`")
_BLOCK_QUOTE = re.compile(r"^[ \t]{0,3}>.*$", re.M)
_HEADING_MARK = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)", re.M)
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*_])")


def blank(text: str) -> str:
    """Spaces for every character but line breaks."""
    return re.sub(r"[^\r\n]", " ", text)


def _mask(text: str, pattern: re.Pattern, keep_group: int | None = None) -> str:
    def replace(found: re.Match) -> str:
        if keep_group is None:
            return blank(found.group())
        start, end = found.span(keep_group)
        s0 = found.start()
        whole = found.group()
        return blank(whole[: start - s0]) + whole[start - s0 : end - s0] + blank(whole[end - s0 :])

    return pattern.sub(replace, text)


def looks_like_html(text: str) -> bool:
    return "<" in text and len(_TAG.findall(text, 0, 20000)) >= 2


def mask_html(text: str) -> str:
    text = _mask(text, _HIDDEN_ELEMENT)
    text = _mask(text, _COMMENT)
    text = _mask(text, _QUOTED)

    def tag(found: re.Match) -> str:
        name = found.group(1).lower()
        if name not in _BLOCK_TAGS:  # an inline tag breaks no line, even one written over several
            return " " * len(found.group())
        masked = blank(found.group())
        if "\n" not in found.group():
            return "\n" + masked[1:] if name in ("br", "li", "tr") else "\n\n" + masked[2:] if len(masked) > 1 else "\n"
        return masked

    text = _TAG.sub(tag, text)

    def entity(found: re.Match) -> str:
        value = html.unescape(found.group())
        if len(value) != 1:
            return blank(found.group())
        value = " " if value == "\u00a0" else value
        return value + " " * (len(found.group()) - 1)

    return _ENTITY.sub(entity, text)


def mask_markdown(text: str) -> str:
    text = _mask(text, _FRONT_MATTER)
    text = _mask(text, _FENCE)
    text = _mask(text, _INLINE_CODE)
    text = _mask(text, _BLOCK_QUOTE)
    text = _mask(text, _COMMENT)
    text = _mask(text, _IMAGE)
    text = _mask(text, _LINK, keep_group=1)
    text = _mask(text, _HEADING_MARK)
    text = _mask(text, _LIST_MARK)
    return _mask(text, _EMPHASIS)
