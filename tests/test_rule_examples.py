"""Each rule's examples, in every language it supports, run through the full linter."""

import pytest

from replylint.catalogue import catalogue
from replylint.language import load_languages
from examples import all_examples, unmark


@pytest.mark.parametrize("rule,language,verdict,example", list(all_examples()))
def test_example(linter, rule, language, verdict, example):
    text, span = unmark(example)
    found = [v for v in linter.check(text, language).violations if v.rule == rule]
    if verdict == "pass":
        assert found == [], f"{rule} fired on a passing example: {[text[v.start:v.end] for v in found]}"
    else:
        assert span is not None, "a failing example must mark the expected span with [[ ]]"
        reported = [(v.start, v.end, text[v.start:v.end]) for v in found]
        assert reported == [(span[0], span[1], text[span[0]:span[1]])]


@pytest.mark.parametrize("entry", catalogue(None), ids=lambda e: e.id)
def test_every_rule_has_examples_in_every_language_it_supports(entry):
    assert entry.examples, f"{entry.id} has no examples"
    for language in entry.languages:
        examples = entry.examples.get(language) or {}
        assert examples.get("pass"), f"{entry.id} has no passing example in {language}"
        assert examples.get("fail"), f"{entry.id} has no failing example in {language}"


def test_every_rule_supports_every_language():
    languages = sorted(load_languages())
    for entry in catalogue(None):
        assert entry.languages == languages, f"{entry.id} supports only {entry.languages}"
