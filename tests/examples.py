"""Every rule's own examples, read from the rule packs (the LanguageTool way)."""

import re

from replylint.catalogue import catalogue

MARK = re.compile(r"\[\[(.*)\]\]", re.S)


def unmark(example: str) -> tuple[str, tuple[int, int] | None]:
    """'Hi [[there]]' -> ('Hi there', (3, 8)): the span a failing example must report."""
    found = MARK.search(example)
    if not found:
        return example, None
    text = example[: found.start()] + found.group(1) + example[found.end():]
    return text, (found.start(), found.start() + len(found.group(1)))


def all_examples():
    for entry in catalogue(None):
        for language, examples in entry.examples.items():
            for verdict in ("pass", "fail"):
                for index, example in enumerate(examples.get(verdict) or []):
                    yield pytest_param(entry.id, language, verdict, example, index)


def pytest_param(rule, language, verdict, example, index):
    import pytest

    return pytest.param(rule, language, verdict, example, id=f"{rule}-{language}-{verdict}{index}")
