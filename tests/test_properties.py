"""Properties that hold for any text, in any supported language (hypothesis)."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replylint import fixes
from replylint.api import Options, default_linter, lint_file
from replylint.config import _validated
from replylint.errors import ReplylintError
from replylint.language import load_languages

LANGUAGES = sorted(load_languages())
WORDS = st.sampled_from([
    "Hi", "Jane", "thanks", "Спасибо", "Здравствуйте", "Хвала", "hvala", "obrigado", "Olá", "teşekkürler", "İyi",
    "paldies", "Labdien", "soon", "SORRY", "!!!", "?", ".", ",", "\n", "\r\n", "\r", "\n\n", "{{ name }}", "%{x}",
    "4111 1111 1111 1111", "CVV 123", "<p>", "</p>", "> quoted", "On Mon, Ann wrote:", "Best regards,", "@user",
    "^RR", "😀", "e\u0301", "\u200b", "\t", "  ", "ASAP", "будь ласка", "ı", "Č", "ā",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join), st.lists(WORDS, max_size=60).map("".join))
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text, language, mode="draft", path="draft.txt"):
    return lint_file(default_linter(), path, text, Options(language=language, mode=mode))


@FAST
@given(TEXTS, st.sampled_from(LANGUAGES + ["auto"]), st.sampled_from(["draft", "template"]), st.sampled_from(["d.txt", "d.md", "d.html", "d.j2"]))
def test_never_raises_and_spans_lie_inside_the_text(text, language, mode, path):
    report = check(text, language, mode, path)
    for violation in report.violations:
        assert 0 <= violation.start <= violation.end <= len(text)
        position = report.position(violation)
        assert position.line >= 1 and position.column >= 1
    assert 0 <= report.score.total <= 100


@FAST
@given(TEXTS, st.sampled_from(LANGUAGES))
def test_deterministic(text, language):
    first = [(v.rule, v.start, v.end, v.message) for v in check(text, language).violations]
    assert first == [(v.rule, v.start, v.end, v.message) for v in check(text, language).violations]


@FAST
@given(TEXTS, st.sampled_from(LANGUAGES))
def test_fixing_is_idempotent_and_touches_only_fixed_spans(text, language):
    lint = lambda t: check(t, language)  # noqa: E731
    report = lint(text)
    once, once_report = fixes.fix_until_stable(text, report, lint)
    assert fixes.fix_until_stable(once, once_report, lint)[0] == once
    if not any(v.fix is not None for v in report.violations):
        assert once == text


CONFIG_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10)),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)),
    max_leaves=8,
)
CONFIG_KEYS = st.sampled_from(["language", "mode", "select", "ignore", "levels", "rules", "variables", "response_hours", "fail_level", "exclude", "max_file_bytes", "collections", "overrides", "scoring", "typo"])


@FAST
@given(st.one_of(CONFIG_VALUES, st.dictionaries(CONFIG_KEYS, CONFIG_VALUES, max_size=4)))
def test_any_configuration_is_accepted_or_refused_with_a_message(data):
    try:
        _validated(data, "cfg.yaml", Path("."), lambda key: 1)
    except ReplylintError as error:
        assert str(error).startswith("cfg.yaml")


ORACLE_EXAMPLES = int(__import__("os").environ.get("REPLYLINT_ORACLE_EXAMPLES", "150"))
ORACLE_WORDS = ["we", "will", "refund", "it", "soon", "not", "very", ",", ".", "!"]
TOKEN_SPECS = st.one_of(
    st.builds(lambda w: {"LOWER": w}, st.sampled_from(ORACLE_WORDS)),
    st.builds(lambda ws: {"LOWER": {"IN": ws}}, st.lists(st.sampled_from(ORACLE_WORDS), min_size=1, max_size=3)),
    st.builds(lambda ws: {"LOWER": {"NOT_IN": ws}}, st.lists(st.sampled_from(ORACLE_WORDS), min_size=1, max_size=3)),
    st.just({"IS_PUNCT": True}),
    st.just({"IS_ALPHA": True}),
    st.just({"LOWER": {"REGEX": "^[rs]"}}),
    st.just({}),
)
ORACLE_TOKENS = st.builds(lambda spec, op: {**spec, "OP": op} if op else spec, TOKEN_SPECS, st.sampled_from([None, None, "?", "*", "+", "!"]))


@settings(max_examples=ORACLE_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ORACLE_TOKENS, min_size=1, max_size=4), st.lists(st.sampled_from(ORACLE_WORDS), min_size=1, max_size=12))
def test_token_patterns_find_what_spacys_matcher_finds(pattern, words):
    """replylint matches token patterns itself; spaCy's Matcher (greedy LONGEST) is the oracle."""
    from spacy.matcher import Matcher

    from replylint.matching import Where
    from replylint.token_patterns import TokenPatterns
    from replylint.tokens import Tokens

    if all(token.get("OP") in ("?", "*") for token in pattern):
        return  # replylint refuses a pattern that can match nothing; spaCy would accept it
    vocabulary = default_linter().checker("en").vocabulary
    text = " ".join(words)
    doc = vocabulary.tokenizer(text)
    matcher = Matcher(vocabulary.tokenizer.vocab)
    matcher.add("k", [pattern], greedy="LONGEST")
    expected = sorted((doc[s:e].start_char, doc[s:e].end_char) for _, s, e in matcher(doc))

    ours = TokenPatterns(vocabulary.tokenizer.vocab, vocabulary.lemma, vocabulary.language.fold)
    ours.add("k", pattern, Where("oracle"))
    found = ours.find(Tokens(doc, vocabulary.words, text))
    assert found.get("k", []) == expected
