"""Rule packs are data: malformed ones fail with file:line, hostile ones cannot hang or run code."""

import time

import pytest

from replylint.errors import ReplylintError
from replylint.linter import Linter, Settings


def pack(tmp_path, files: dict[str, str]):
    root = tmp_path / "pack"
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def error_of(tmp_path, files, language="en"):
    with pytest.raises(ReplylintError) as caught:
        Linter(Settings(rule_dirs=[pack(tmp_path, files)])).check("Hi there, thanks.", language)
    return str(caught.value)


@pytest.mark.parametrize("content,expected", [
    ("extends: existence\ntokens: [a\n", "x.yaml:3: invalid YAML"),
    ("level: warning\n", "x.yaml:1: missing field 'extends'"),
    ("extends: nonsense\n", "x.yaml:1: unknown kind 'nonsense'"),
    ("extends: existence\nlevel: fatal\ntokens: [a]\n", "x.yaml:2: unknown level 'fatal'"),
    ("extends: existence\nscope: bodyy\ntokens: [a]\n", "x.yaml:2: unknown scope 'bodyy' (expected one of: text,"),
    ("extends: existence\n", "x.yaml:1: an existence rule needs tokens, patterns or raw"),
    ("extends: existence\ntokens: ['(unclosed']\n", "x.yaml:2: invalid or unsupported regex"),
    ("extends: existence\nraw: ['(a)\\1']\n", "x.yaml:2: invalid or unsupported regex"),
    ("extends: existence\nmatch: lemma\npatterns: [[{NOPE: 1}]]\n", "x.yaml:3: invalid token pattern"),
    ("extends: existence\nmatch: lemma\npatterns: [[{LOWER: {IN: x}}]]\n", "x.yaml:3: invalid token pattern: LOWER IN takes a list of strings"),
    ("extends: existence\nmatch: lemma\npatterns: [[{LOWER: a, OP: [1]}]]\n", "x.yaml:3: invalid token pattern: OP [1]"),
    ("extends: existence\nmatch: lemma\npatterns: [[{LOWER: a, OP: '{3,1}'}]]\n", "x.yaml:3: invalid token pattern: OP '{3,1}'"),
    ("extends: existence\nmatch: lemma\npatterns: [[{OP: '?'}]]\n", "x.yaml:3: a token pattern must have a token that is not optional"),
    ("extends: existence\nmatch: lemma\npatterns: [[{LENGTH: true}]]\n", "x.yaml:3: invalid token pattern: LENGTH takes a number"),
    ("extends: existence\ntokens: [a]\ncolour: red\n", "x.yaml:3: unknown field 'colour'"),
    ("extends: occurrence\ntokens: [a]\n", "x.yaml:1: an occurrence rule needs max or min"),
    ("extends: substitution\nswap: [a, b]\n", "x.yaml:2: field 'swap' has the wrong type"),
    ("extends: metric\nmeasure: syllables\nmax: 3\n", "x.yaml:2: unknown measure 'syllables'"),
    ("extends: existence\ntokens: !!python/object/apply:os.system ['true']\n", "x.yaml:2:"),
])
def test_malformed_rule_names_file_and_line(tmp_path, content, expected):
    assert expected in error_of(tmp_path, {"x.yaml": content})


def test_language_file_without_main_rule(tmp_path):
    message = error_of(tmp_path, {"en/orphan.yaml": "tokens: [a]\n"})
    assert "orphan.yaml" in message and "no rule 'orphan'" in message


def test_unknown_language_folder(tmp_path):
    message = error_of(tmp_path, {"x.yaml": "extends: existence\ntokens: [a]\n", "xx/x.yaml": "tokens: [b]\n"})
    assert "unknown language folder 'xx'" in message


def test_billion_laughs_is_refused(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        ref = chr(96 + i)
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{ref}"] * 9) + "]")
    content = "extends: existence\ntokens: [x]\n" + "\n".join(lines).replace("a: &a", "link: &a", 1) + "\n"
    started = time.monotonic()
    message = error_of(tmp_path, {"x.yaml": content})
    assert "alias" in message
    assert time.monotonic() - started < 5


def test_catastrophic_regex_runs_in_linear_time(tmp_path):
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"nested.yaml": "extends: existence\nnonword: true\nraw: ['(a+)+$']\nmessage: found\n"})]))
    text = "a" * 100_000 + "!"
    started = time.monotonic()
    result = linter.check(text, "en")
    assert time.monotonic() - started < 10
    assert [v for v in result.violations if v.rule == "nested"] == []


def test_plain_vale_rule_loads_unchanged(tmp_path):
    vale = (
        "extends: existence\n"
        "message: \"Consider removing '%s'.\"\n"
        "level: warning\n"
        "ignorecase: true\n"
        "link: https://example.com/style\n"
        "tokens:\n  - obviously\n  - of course\n  - very much\n"
    )
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"Hedging.yaml": vale})]))
    found = [v for v in linter.check("Of course we can help, obviously.", "en").violations if v.rule == "Hedging"]
    assert [v.message for v in found] == ["Consider removing 'Of course'.", "Consider removing 'obviously'."]


def test_vale_substitution_swap(tmp_path):
    vale = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: suggestion\nignorecase: true\nswap:\n  utilize: use\n  in order to: to\n"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"Wordy.yaml": vale})]))
    found = [v for v in linter.check("We utilize this in order to help.", "en").violations if v.rule == "Wordy"]
    assert [(v.message, v.fix) for v in found] == [("Use 'use' instead of 'utilize'.", "use"), ("Use 'to' instead of 'in order to'.", "to")]


def test_lemma_matching_finds_inflected_forms(tmp_path):
    rule = "extends: existence\nmatch: lemma\nmessage: \"'%s'\"\ntokens: [apologize profusely]\n"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"x.yaml": rule})]))
    found = [v.message for v in linter.check("We Apologized profusely and apologizing profusely helps.", "en").violations if v.rule == "x"]
    assert found == ["'Apologized profusely'", "'apologizing profusely'"]


def test_exceptions_excuse_the_matches_they_contain(tmp_path):
    existence = "extends: existence\nmatch: lemma\nmessage: \"'%s'\"\ntokens: [apologise]\nexceptions: [no need to apologise, nothing to apologise for]\n"
    occurrence = "extends: occurrence\nmatch: lemma\nmessage: found %s\nmax: 1\ntokens: [sorry, apologise]\nexceptions:\n  tokens: [no need to apologise, nothing to apologise for]\n"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"x.yaml": existence, "y.yaml": occurrence})]))
    text = "There is no need to apologise. We apologise for the delay. Nothing to apologise for, really."
    assert [v.message for v in linter.check(text, "en").violations if v.rule == "x"] == ["'apologise'"]
    assert [v.rule for v in linter.check(text, "en").violations if v.rule == "y"] == []  # one apology counts
    assert [v.message for v in linter.check("Sorry! No need to apologise. We apologise.", "en").violations if v.rule == "y"] == ["found 2"]


def test_a_conditional_rules_exceptions_excuse_its_first_wording(tmp_path):
    rule = "extends: conditional\nmatch: lemma\nmessage: no time\nscope: sentence\nfirst: [get back to you]\nsecond: [tomorrow]\nexceptions: [get back to you once you reply]\n"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"x.yaml": rule})]))
    found = lambda text: [text[v.start:v.end] for v in linter.check(text, "en").violations if v.rule == "x"]  # noqa: E731
    assert found("We will get back to you once you reply. We will get back to you soon.") == ["get back to you"]
    assert found("We will get back to you once you reply.") == []


def test_braces_in_a_phrase_give_alternatives(tmp_path):
    rule = "extends: existence\nmatch: lemma\nmessage: \"'%s'\"\ntokens: ['{sorry,apologies} for the {delay,wait,}']\n"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"x.yaml": rule})]))
    text = "Sorry for the wait. Apologies for the delay. Sorry for the noise."
    assert [v.message for v in linter.check(text, "en").violations if v.rule == "x"] == ["'Sorry for the wait'", "'Apologies for the delay'", "'Sorry for the'"]
    assert "x.yaml:3: unbalanced braces" in error_of(tmp_path, {"x.yaml": "extends: existence\nmatch: lemma\ntokens: ['{sorry,apologies for']\n"})


def test_a_word_matches_every_registered_prefix_it_starts_with(tmp_path):
    short = "extends: existence\nmatch: lemma\nmessage: short\ntokens: [refund*, we refund* it]\n"
    longer = "extends: existence\nmatch: lemma\nmessage: long\ntokens: [refunda*]\n"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"short.yaml": short, "longer.yaml": longer})]))
    found = [(v.rule, v.start, v.end) for v in linter.check("The fee is refundable. We refunded it.", "en").violations if v.rule in ("short", "longer")]
    assert sorted(found) == [("longer", 11, 21), ("short", 11, 21), ("short", 23, 37)]


def test_token_pattern_regex_runs_on_a_linear_engine(tmp_path):
    rule = "extends: existence\nmatch: lemma\nmessage: found\npatterns:\n  - [{TEXT: {REGEX: '(a+)+$'}}]\n  - [{LOWER: {REGEX: '^refund'}}]\n"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"nested-token.yaml": rule})]))
    started = time.monotonic()
    found = [v for v in linter.check("a" * 50_000 + "! We will Refunded it.", "en").violations if v.rule == "nested-token"]
    assert time.monotonic() - started < 10
    assert [(v.start, v.end) for v in found] == [(0, 50_000), (50_010, 50_018)]


def test_token_pattern_regex_with_backreference_is_refused(tmp_path):
    message = error_of(tmp_path, {"x.yaml": "extends: existence\nmatch: lemma\npatterns:\n  - [{TEXT: {REGEX: '(a)\\1'}}]\n"})
    assert "x.yaml:3: invalid or unsupported regex" in message


def test_regex_prefilter_changes_no_result(tmp_path, monkeypatch):
    """Once a process has checked enough texts, one RE2 set pass picks the regexes worth
    running: what they find must not change, case-insensitive ones included."""
    from replylint.regexes import Prefilter

    rules = {
        "case.yaml": "extends: existence\nmatch: regex\nignorecase: true\nmessage: found\ntokens: [refund\\w*]\n",
        "exact.yaml": "extends: existence\nmessage: found\nraw: ['(?:^|\\s)(?P<code>[A-Z]{3}-\\d{3})']\n",
    }
    texts = ["REFUNDED as code ABC-123 says.", "No match here.", "abc-123 refund", "Code XYZ-999\nrefunding"]

    def found(build_after):
        monkeypatch.setattr(Prefilter, "BUILD_AFTER", build_after)
        linter = Linter(Settings(rule_dirs=[pack(tmp_path, rules)]))
        return [[(v.rule, v.start, v.end) for v in linter.check(t, "en").violations if v.rule in ("case", "exact")] for t in texts]

    without_prefilter, with_prefilter = found(10**9), found(0)
    assert with_prefilter == without_prefilter
    assert without_prefilter[0] == [("case", 0, 8), ("exact", 17, 24)] and without_prefilter[1] == []


def spans_of(tmp_path, patterns: str, text: str, language="en"):
    rule = f"extends: existence\nmatch: lemma\nmessage: found\npatterns:\n{patterns}"
    linter = Linter(Settings(rule_dirs=[pack(tmp_path, {"tp.yaml": rule})]))
    return [text[v.start:v.end] for v in linter.check(text, language).violations if v.rule == "tp"]


def test_token_patterns_negation_length_and_sentence_start(tmp_path):
    assert spans_of(tmp_path, "  - [{LOWER: refund}, {LOWER: not, OP: '!'}]\n", "A refund now. A refund not yet.") == ["refund now"]
    assert spans_of(tmp_path, "  - [{LENGTH: {'>=': 7}, IS_ALPHA: true}]\n", "We are processing it quickly.") == ["processing", "quickly"]
    assert spans_of(tmp_path, "  - [{IS_SENT_START: true, LOWER: {NOT_IN: [we]}}]\n", "We wait. Others go.") == ["Others"]


def test_token_patterns_keep_the_longest_of_overlapping_matches(tmp_path):
    patterns = "  - [{LOWER: very, OP: '+'}, {LOWER: sorry}]\n"
    assert spans_of(tmp_path, patterns, "We are very very sorry, very sorry.") == ["very very sorry", "very sorry"]


def test_token_pattern_lower_is_the_folded_text(tmp_path):
    # a Latin value matches Serbian in either script; Turkish İ folds to i
    assert spans_of(tmp_path, "  - [{LOWER: hvala}, {LOWER: vam}]\n", "Хвала вам. Hvala vam.", "sr") == ["Хвала вам", "Hvala vam"]
    assert spans_of(tmp_path, "  - [{LOWER: {REGEX: '^iade'}}]\n", "İADE edildi.", "tr") == ["İADE"]


def test_token_pattern_attributes_of_a_trained_pipeline_are_refused(tmp_path):
    message = error_of(tmp_path, {"x.yaml": "extends: existence\nmatch: lemma\npatterns:\n  - [{POS: NOUN}]\n"})
    assert "x.yaml:3: invalid token pattern: 'POS' is not an attribute replylint can test" in message


def test_a_token_pattern_value_of_two_words_is_refused(tmp_path):
    """A value in IN is one token: 'as soon' would never match, silently."""
    message = error_of(tmp_path, {"x.yaml": "extends: existence\nmatch: lemma\npatterns:\n  - [{LOWER: {IN: [soon, as soon]}}]\n"})
    assert "x.yaml:3: invalid token pattern: LOWER IN value 'as soon' is not one token" in message
