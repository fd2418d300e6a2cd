"""Every rule's own examples, read from the rule packs (the LanguageTool way).

An example is a text, or a mapping with `text` and the circumstances it needs: `mode`
(draft or template) and `variables` (the placeholders a project declares)."""

import re

import pytest

from replylint.catalogue import catalogue

MARK = re.compile(r"\[\[(.*)\]\]", re.S)


def unmark(example: str) -> tuple[str, tuple[int, int] | None]:
    """'Hi [[there]]' -> ('Hi there', (3, 8)): the span a failing example must report."""
    found = MARK.search(example)
    if not found:
        return example, None
    text = example[: found.start()] + found.group(1) + example[found.end():]
    return text, (found.start(), found.start() + len(found.group(1)))


def as_mapping(example) -> dict:
    return example if isinstance(example, dict) else {"text": example}


def all_examples():
    for entry in catalogue(None):
        for language, examples in entry.examples.items():
            for verdict in ("pass", "fail"):
                for index, example in enumerate(examples.get(verdict) or []):
                    yield pytest.param(entry.id, language, verdict, as_mapping(example), id=f"{entry.id}-{language}-{verdict}{index}")
