"""Formats: only prose is linted, placeholders are values, positions point into the file."""

import json

from replylint.api import Options, lint_file
from replylint.formats import read_items


def check(linter, path, text, mode="draft", language="en", **options):
    return lint_file(linter, path, text, Options(language=language, mode=mode, **options))


def rules_at(report):
    return {(v.rule, report.position(v).line, report.text[v.start:v.end]) for v in report.violations}


def test_markdown_code_and_quotes_are_not_prose(linter):
    text = "Hi Ann,\n\nThanks for writing.\n\n```\nYOU SHOULD HAVE READ THE MANUAL!!!\n```\n\n> calm down\n\nRun `DO NOT TOUCH` to see.\n"
    report = check(linter, "reply.md", text)
    assert not {"shouting", "abrasive-language", "blame-customer"} & {v.rule for v in report.violations}


def test_markdown_prose_is_still_checked_at_the_right_line(linter):
    text = "# Refund\n\nHi Ann,\n\n**Thanks** for writing. We will reply [soon](https://example.com).\n"
    report = check(linter, "reply.md", text)
    assert ("vague-timeframe", 5, "soon") in rules_at(report)


def test_html_tags_scripts_and_styles_are_not_prose(linter):
    text = "<html><head><style>p { COLOR: RED; }</style></head><body>\n<p>Hi Ann,</p>\n<p>Thanks for writing. We will fix it <b>shortly</b>.</p>\n<script>var DO_NOT = 'NOT NOW';</script>\n</body></html>\n"
    report = check(linter, "reply.html", text)
    assert ("vague-timeframe", 3, "shortly") in rules_at(report)
    assert "shouting" not in {v.rule for v in report.violations}
    greeting = [v for v in report.violations if v.rule in ("greeting", "thank-first")]
    assert greeting == []


def test_an_inline_tag_written_over_lines_breaks_no_sentence():
    from replylint.formats.markup import mask_html

    text = '<p>If you have questions, please <a\n  href="https://help.example.com"><span\n  style="color: red">log in</span></a> to the help centre.</p>'
    masked = mask_html(text)
    assert len(masked) == len(text)
    assert "please" in masked and "\n" not in masked.strip()


def test_html_entities_keep_offsets(linter):
    text = "<p>Hi Ann,</p><p>Thanks&nbsp;for writing &amp; we&#39;ll reply soon.</p>"
    report = check(linter, "reply.html", text)
    soon = next(v for v in report.violations if v.rule == "vague-timeframe")
    assert text[soon.start:soon.end] == "soon"


def test_template_tags_are_not_prose_and_placeholders_are_names(linter):
    text = "{% if vip %}Hi {{ customer.first_name }},{% endif %}\n\nThank you for contacting us about order {{ order.id }}.\n\n{# NOTE: DO NOT CHANGE #}\nBest regards,\n{{ agent.name }}\n"
    report = check(linter, "reply.j2", text, mode="template")
    rules = {v.rule for v in report.violations}
    assert "personal-address" not in rules and "greeting" not in rules and "thank-first" not in rules
    assert "shouting" not in rules and "unfilled-placeholder" not in rules


def test_placeholders_in_a_draft_are_unfilled(linter):
    text = "Hi {{ customer.first_name }},\n\nThanks for your order %{order.id}.\n"
    report = check(linter, "draft.txt", text, mode="draft")
    found = sorted((report.position(v).line, report.text[v.start:v.end]) for v in report.violations if v.rule == "unfilled-placeholder")
    assert found == [(1, "{{ customer.first_name }}"), (3, "%{order.id}")]


def test_handlebars_liquid_and_freemarker_forms(linter):
    for text in (
        "{{#if vip}}Hi {{name}},{{/if}}\n\nThanks for writing.\n{{! NEVER EDIT }}",
        "{% comment %}NEVER EDIT{% endcomment %}Hi {{ name }},\n\nThanks for writing.",
        "<#-- NEVER EDIT -->Dear ${order.recipient_name},\n\nThanks for writing.",
    ):
        report = check(linter, "t.hbs", text, mode="template")
        assert not {"shouting", "greeting", "personal-address"} & {v.rule for v in report.violations}, text


def test_eml_body_only_with_quoted_history_skipped(linter):
    text = (
        "From: Support <help@acme.example>\nTo: Ann <ann@example.com>\nSubject: URGENT!!! RE: refund\n\n"
        "Hi Ann,\n\nThanks for writing. We will reply soon.\n\n"
        "On Mon, Ann <ann@example.com> wrote:\n> YOU PEOPLE ARE USELESS!!!\n"
    )
    report = check(linter, "reply.eml", text)
    assert ("vague-timeframe", 7, "soon") in rules_at(report)
    assert "shouting" not in {v.rule for v in report.violations}


def test_json_collection_items_with_lines_in_the_file(linter):
    macros = [
        {"title": "Refund", "body": "Hi {{name}},\n\nThank you for writing. We will refund you soon."},
        {"title": "Angry", "body": "Hi {{name}},\n\nCalm down, please."},
    ]
    text = json.dumps(macros, indent=2)
    report = check(linter, "macros.json", text, mode="template")
    soon = next(v for v in report.violations if v.rule == "vague-timeframe")
    calm = next(v for v in report.violations if v.rule == "abrasive-language")
    assert (soon.item, report.text[soon.start:soon.end]) == ("Refund", "soon")
    assert (calm.item, report.text[calm.start:calm.end]) == ("Angry", "Calm down")
    assert report.position(calm).line == 8


def test_json_escapes_map_back_to_the_file():
    text = '{"Welcome": "Hi \\"Ann\\",\\n\\u00e9t\\u00e9 soon"}'
    item = read_items("m.json", text, "template")[0]
    soon = item.text.index("soon")
    assert text[item.to_file(soon):item.to_file(soon + 3) + 1] == "soon"


def test_yaml_block_body_maps_back_to_the_file(linter):
    text = "subject: |\n  Ticket opened\nbody: |\n  <p>Dear %{recipient.name},</p>\n  <p>Thank you for writing. A representative will follow up as soon as possible.</p>\n"
    report = check(linter, "ticket.yaml", text, mode="template")
    vague = next(v for v in report.violations if v.rule == "vague-timeframe")
    assert report.text[vague.start:vague.end] == "as soon as possible"
    assert report.position(vague).line == 5
    assert vague.item == "body"


def test_configured_key_path(linter):
    text = json.dumps({"export": {"macros": [{"name": "A", "reply": {"html": "We will reply shortly."}}]}})
    report = check(linter, "x.json", text, mode="template", collection_keys={"items": "export.macros", "text": "reply.html", "name": "name"})
    assert [(v.item, report.text[v.start:v.end]) for v in report.violations if v.rule == "vague-timeframe"] == [("A", "shortly")]


def test_other_json_is_not_a_collection(linter):
    report = check(linter, "package.json", json.dumps({"name": "x", "files": ["dist/"], "scripts": {"test": "pytest"}}), mode="template")
    assert report.violations == []
