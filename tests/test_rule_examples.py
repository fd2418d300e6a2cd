"""Each rule's examples, in every language it supports, run through the full linter."""

import pytest

from examples import all_examples, unmark
from replylint.api import Options, default_linter, lint_file
from replylint.catalogue import catalogue
from replylint.language import load_languages
from replylint.linter import Settings


def run(rule: str, language: str, example: dict, text: str):
    variables = example.get("variables")
    settings = Settings(overrides={"unknown-placeholder": {"variables": variables}}) if variables else None
    options = Options(language=language, mode=example.get("mode", "draft"))
    report = lint_file(default_linter(settings), "example.txt", text, options, in_reply_to=example.get("in_reply_to"))
    return [v for v in report.violations if v.rule == rule]


@pytest.mark.parametrize("rule,language,verdict,example", list(all_examples()))
def test_example(rule, language, verdict, example):
    text, span = unmark(example["text"])
    found = run(rule, language, example, text)
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
        assert len(examples.get("pass") or []) >= 2, f"{entry.id} has too few passing examples in {language}"
        assert len(examples.get("fail") or []) >= 2, f"{entry.id} has too few failing examples in {language}"


def test_every_rule_supports_every_language():
    languages = sorted(load_languages())
    for entry in catalogue(None):
        assert entry.languages == languages, f"{entry.id} supports only {entry.languages}"
