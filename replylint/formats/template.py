"""Template syntax: Jinja2, Liquid, Handlebars, Mustache, FreeMarker, %{var}, ${var}, [NAME].

Tags ({% if %}, {{#each}}, <#if>) are not prose: they become spaces. Placeholders are values:
in a template they read as an opaque name ("Hi {{ customer.first_name }}," greets the
customer by name), in a draft they stay as written, for `unfilled-placeholder` to find.
"""

import re
from dataclasses import dataclass

from .markup import blank

_TAG = re.compile(
    r"\{%-?\s*comment\s*-?%\}.{0,5000}?\{%-?\s*endcomment\s*-?%\}"  # Liquid comment blocks
    r"|\{%.{0,2000}?%\}"              # Jinja2 / Liquid tags
    r"|\{#.{0,2000}?#\}"                 # Jinja2 comments
    r"|\{\{!--.{0,2000}?--\}\}|\{\{![^}]*\}\}"  # Handlebars / Mustache comments
    r"|\{\{~?[#/^>&=][^{}]*\}\}"    # Handlebars / Mustache sections, partials
    r"|\{\{~?\s*else\s*~?\}\}"
    r"|<#--.{0,2000}?-->|</?#[^>]*>|\[#[^\]]*\]",  # FreeMarker
    re.S,
)
_VALUE = re.compile(
    r"\{\{\{[^{}\n]{1,200}\}\}\}"
    r"|\{\{[^{}\n]{1,200}\}\}"
    r"|[%$]\{[^{}\n]{1,200}\}"
    r"|\{[A-Za-z_][\w.]{0,40}\}"
    r"|\[\[[A-Za-z_][\w. ]{0,60}\]\]"
    r"|\[[A-ZА-ЯЁ][A-ZА-ЯЁ0-9_]*(?: [A-ZА-ЯЁ0-9_]+)*\]"
    r"|<<[A-Za-z_][\w. ]{0,60}>>"
    r"|<[A-Z][A-Z0-9_]{2,60}>"
)
_NAME = re.compile(r"[A-Za-z_][\w.]*")


@dataclass(frozen=True)
class Placeholder:
    start: int
    end: int
    name: str  # the variable: customer.first_name


def has_template_syntax(text: str) -> bool:
    return bool(_TAG.search(text) or _VALUE.search(text))


def mask(text: str, opaque_values: bool) -> tuple[str, list[Placeholder]]:
    if "{" not in text and "<" not in text and "[" not in text:  # no tag or placeholder starts: most drafts
        return text, []
    text = _TAG.sub(lambda found: blank(found.group()), text)
    placeholders = []
    for found in _VALUE.finditer(text):
        inner = found.group().strip("{}%$[]<> \t")
        name = _NAME.search(inner)
        placeholders.append(Placeholder(found.start(), found.end(), name.group() if name else inner))
    if opaque_values and placeholders:
        pieces, position = [], 0
        for placeholder in placeholders:
            pieces.append(text[position:placeholder.start])
            pieces.append(_opaque(placeholder.end - placeholder.start))
            position = placeholder.end
        pieces.append(text[position:])
        text = "".join(pieces)
    return text, placeholders


def _opaque(length: int) -> str:
    """A word that reads as a name and matches no vocabulary: 'Xxxxx'."""
    return "X" + "x" * (length - 1)
