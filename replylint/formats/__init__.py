"""Reading a file into the items to lint: what is prose, what is markup, what is a placeholder.

Every reader keeps offsets: an item's text is either the file's text with non-prose masked by
spaces (same length, so offsets are file offsets), or a decoded string with a map from each of
its characters to a file offset. Violations are moved back to file offsets through that map.
"""

import os
from dataclasses import dataclass, field

from . import markup, template

TEMPLATE_SUFFIXES = {".j2", ".jinja", ".jinja2", ".liquid", ".hbs", ".handlebars", ".mustache", ".ftl", ".tmpl", ".tpl"}
COLLECTION_SUFFIXES = {".json", ".yaml", ".yml"}


@dataclass
class Item:
    name: str  # "" for a whole file; a template's title in a collection
    text: str  # what the rules read: prose, with markup masked and placeholders opaque
    offsets: list[int] | None = None  # file offset of each character of text; None: the same
    placeholders: list[template.Placeholder] = field(default_factory=list)

    def to_file(self, offset: int) -> int:
        if self.offsets is None:
            return offset
        if offset < len(self.offsets):
            return self.offsets[offset]
        return self.offsets[-1] + 1 if self.offsets else 0


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def is_template_path(path: str) -> bool:
    """Template files and collections of templates are checked as templates by default."""
    return _suffix(path) in TEMPLATE_SUFFIXES or _suffix(path) in COLLECTION_SUFFIXES


def read_items(path: str, text: str, mode: str, collection_keys: dict | None = None) -> list[Item]:
    """Split a file into items and mask what is not prose. `mode` is draft or template:
    in a template, placeholders read as opaque names; in a draft they stay as written."""
    suffix = _suffix(path)
    if suffix in COLLECTION_SUFFIXES:
        from . import (
            collection,  # imported when needed: a single draft need not pay for it
        )

        pieces = collection.items(path, text, suffix, collection_keys or {})
    elif suffix == ".eml":
        from . import email_message

        pieces = [email_message.body(text)]
    else:
        pieces = [("", text, None)]
    items = []
    for name, piece, offsets in pieces:
        if suffix in (".md", ".markdown"):
            piece = markup.mask_markdown(piece)
        if suffix in (".html", ".htm") or markup.looks_like_html(piece):
            piece = markup.mask_html(piece)
        piece, placeholders = template.mask(piece, opaque_values=mode == "template")
        items.append(Item(name, piece, offsets, placeholders))
    return items
