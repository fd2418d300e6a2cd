"""The command line as users and CI call it: exit codes, output formats, one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from replylint.api import lint
from replylint.formatters import json as json_report
from replylint.formatters import text as text_report

GOOD = "Hi Jane,\n\nThank you for contacting Acme support. We have received your request and refunded your order today.\n\nIs there anything else I can help you with? Have a great day!\n\nBest regards,\nSam\nAcme Support, support@acme.example\n"
BAD = "Hello,\n\nAs I already said, you should have read the manual. SORRY!!!\n"


def run(*args, stdin: str | None = None, cwd=None):
    return subprocess.run([sys.executable, "-P", "-m", "replylint", *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture()
def drafts(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_clean_draft_exits_0_and_json_is_schema_version_1(drafts):
    result = run("check", "--lang", "en", "--format", "json", str(drafts / "good.txt"))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["files"][0]["language"] == "en"
    assert set(report["summary"]) == {"files", "errors", "warnings", "suggestions"}
    assert all(v["level"] == "suggestion" for v in report["files"][0]["violations"])


def test_violations_exit_1_with_positions_in_characters(drafts):
    result = run("check", "--lang", "en", "--format", "json", str(drafts / "bad.txt"))
    assert result.returncode == 1
    violations = json.loads(result.stdout)["files"][0]["violations"]
    abrasive = next(v for v in violations if v["rule"] == "abrasive-language")
    assert (abrasive["line"], abrasive["column"], abrasive["end_line"], abrasive["end_column"]) == (3, 1, 3, 18)
    assert abrasive["text"] == "As I already said"
    assert set(abrasive) == {"rule", "level", "message", "line", "column", "end_line", "end_column", "text", "suggestion", "source"}


def test_stdin_path_is_dash():
    result = run("check", "--lang", "en", "--format", "json", "-", stdin=BAD)
    assert json.loads(result.stdout)["files"][0]["path"] == "-"
    assert result.returncode == 1


def test_columns_count_characters_not_bytes():
    result = run("check", "--lang", "en", "--format", "json", "--select", "shouting", "-", stdin="Привет ✓ — ok!!!\n")
    violation = json.loads(result.stdout)["files"][0]["violations"][0]
    assert (violation["column"], violation["end_column"]) == (14, 17)


def test_fail_level_and_select_ignore(drafts):
    bad = str(drafts / "bad.txt")
    assert run("check", "--lang", "en", "--fail-level", "error", bad).returncode == 0
    only = json.loads(run("check", "--lang", "en", "--format", "json", "--select", "shouting", bad).stdout)
    assert {v["rule"] for v in only["files"][0]["violations"]} == {"shouting"}
    rest = json.loads(run("check", "--lang", "en", "--format", "json", "--ignore", "shouting,abrasive-language", bad).stdout)
    assert not {"shouting", "abrasive-language"} & {v["rule"] for v in rest["files"][0]["violations"]}


def test_text_output_shows_rule_position_line_and_fix(drafts):
    result = run("check", "--lang", "en", str(drafts / "bad.txt"))
    assert "3:1" in result.stdout and "abrasive-language" in result.stdout
    assert "As I already said, you should have read the manual." in result.stdout
    assert "fix:" in result.stdout
    assert "error(s)" in result.stdout.splitlines()[-1]


def test_directory_is_walked(drafts):
    result = run("check", "--lang", "en", "--format", "json", str(drafts))
    assert sorted(Path(f["path"]).name for f in json.loads(result.stdout)["files"]) == ["bad.txt", "good.txt"]


@pytest.mark.parametrize("args,needle", [
    (["check", "--format", "xml", "-"], "unknown format 'xml'"),
    (["check", "--fail-level", "fatal", "-"], "unknown fail level 'fatal'"),
    (["check", "--lang", "xx", "-"], "unknown language 'xx'"),
    (["check", "--select", "no-such-rule", "-"], "unknown rule 'no-such-rule'"),
    (["explain", "no-such-rule"], "unknown rule 'no-such-rule'"),
    (["rules", "--lang", "xx"], "unknown language 'xx'"),
])
def test_usage_errors_exit_2_with_one_line(args, needle):
    result = run(*args, stdin="Hi")
    assert result.returncode == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_file_is_named_and_exits_2(tmp_path):
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_rules_lists_every_rule_with_languages():
    result = run("rules")
    assert result.returncode == 0
    for rule in ("thank-first", "vague-timeframe", "card-number", "unfilled-placeholder"):
        assert rule in result.stdout


def test_explain_prints_rationale_guideline_and_examples():
    result = run("explain", "thank-first")
    assert result.returncode == 0
    assert "000 Do 1" in result.stdout
    assert "[en] fail:" in result.stdout and "[en] pass:" in result.stdout


def test_explain_shows_examples_that_need_more_than_a_text():
    result = run("explain", "language-mismatch")
    assert result.returncode == 0, result.stderr
    assert "[en] pass: Hi, thanks for writing. Your parcel is at the depot.  (in reply to: 'Ok')" in result.stdout


def test_explain_shows_the_examples_of_a_rule_without_language_files(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "no-ticket-jargon.yaml").write_text("extends: existence\nmessage: x\nraw: ['TKT-\\d+']\nexamples:\n  pass: [Your request is open.]\n  fail: ['[[TKT-12]] is open.']\n", encoding="utf-8")
    result = run("explain", "no-ticket-jargon", "--rules", str(pack))
    assert result.returncode == 0, result.stderr
    assert "[all] pass: Your request is open." in result.stdout and "[all] fail: [[TKT-12]] is open." in result.stdout


def test_bad_rule_pack_names_file_and_line(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "my-rule.yaml").write_text("extends: existence\nlevel: warning\nmessage: x\nscope: bodyy\ntokens: [foo]\n", encoding="utf-8")
    result = run("check", "--rules", str(pack), "-", stdin="Hi")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("my-rule.yaml:4: unknown scope 'bodyy' (expected one of: text, greeting, first_sentence, first_paragraph, body, paragraph, last_paragraph, ending, sentence, closing, signature)")


def test_rule_packs_ship_inside_the_installed_package():
    from importlib.resources import files

    assert (files("replylint.rules") / "default" / "thank-first.yaml").is_file()
    assert (files("replylint.rules") / "languages" / "en.yaml").is_file()


def test_rule_tables_in_the_docs_are_current():
    from pathlib import Path

    table = run("rules", "--format", "markdown").stdout.strip()
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert table in readme, "README's rule table is stale: paste `replylint rules --format markdown`"
    assert table in (root / "docs" / "rule-table.md").read_text(encoding="utf-8"), "docs/rule-table.md is stale"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_report_is_written_a_file_at_a_time_as_json_would_indent_it(count):
    reports = [lint(text, "en", path=f"reply{i}.txt") for i, text in enumerate([BAD, "Thanks!\n", BAD][:count])]
    streamed = "".join(json_report.render(iter(reports)))
    assert streamed == json.dumps(json_report.report_dict(reports), ensure_ascii=False, indent=2) + "\n"


def test_text_report_counts_files_it_was_given_one_by_one():
    bad, good = lint(BAD, "en", path="bad.txt"), lint(GOOD, "en", path="good.txt")
    assert bad.violations and not good.violations
    text = "".join(text_report.render(iter([bad, good])))
    assert "bad.txt (en)" in text and "good.txt" not in text  # a clean file gets no heading
    levels = [v.level for v in bad.violations]
    assert text.endswith(f"2 file(s) checked: {levels.count('error')} error(s), {levels.count('warning')} warning(s), {levels.count('suggestion')} suggestion(s)\n")


def test_command_line_starts_without_spacys_command_line_and_spacy_still_works_whole():
    script = (
        "import sys\n"
        "from replylint.process import defer_spacy_init\n"
        "defer_spacy_init()\n"
        "from replylint.api import lint\n"
        "assert lint('Thank you for your message, we will reply within 24 hours.', 'en').violations is not None\n"
        "print('spacy.cli' in sys.modules)\n"
        "import spacy\n"
        "print(spacy.blank('en')('Hi there.').text, 'spacy.cli' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-P", "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["False", "Hi there. True"]


def test_rules_explain_and_sarif_know_the_packs_given_with_rules(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = "extends: existence\nlevel: error\nmessage: \"Don't promise '%s'.\"\nsummary: No refund promises\ntokens: [guaranteed refund]\nexamples:\n  en:\n    pass: [We will look into it.]\n    fail: [\"[[Guaranteed refund]] today.\"]\n"
    (pack / "no-refund-promise.yaml").write_text(rule, encoding="utf-8")
    listed = run("rules", "--rules", str(pack), "--format", "json")
    assert [e["summary"] for e in json.loads(listed.stdout) if e["id"] == "no-refund-promise"] == ["No refund promises"]
    explained = run("explain", "no-refund-promise", "--rules", str(pack))
    assert explained.returncode == 0 and explained.stdout.startswith("no-refund-promise (error, existence)\n\nNo refund promises")
    sarif = json.loads(run("check", "--lang", "en", "--format", "sarif", "--rules", str(pack), "-", stdin="A guaranteed refund.\n").stdout)
    driver_rules = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "no-refund-promise")
    assert driver_rules[result["ruleIndex"]] == "no-refund-promise"


def test_long_lived_objects_are_frozen_once_per_newly_compiled_language():
    script = (
        "import gc\n"
        "from replylint.process import settle\n"
        "settle(0); first = gc.get_freeze_count()\n"
        "kept = [[] for _ in range(1000)]\n"
        "settle(0); same = gc.get_freeze_count()\n"
        "settle(1); more = gc.get_freeze_count()\n"
        "print(first > 0, same == first, more >= first + 1000)\n"
    )
    result = subprocess.run([sys.executable, "-P", "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "True", "True"], result.stderr


def test_jobs_give_the_same_report_in_the_same_order(tmp_path):
    """Past PARALLEL_FROM files, worker processes check chunks; the report must not change."""
    from replylint.checking import PARALLEL_FROM

    texts = [GOOD, BAD, "Olá Ana,\n\nObrigado pela mensagem. Responderemos em 48 horas.\n", "Здравствуйте! Спасибо за обращение.\n"]
    for index in range(PARALLEL_FROM + 6):
        (tmp_path / f"reply{index:03d}.txt").write_text(texts[index % len(texts)], encoding="utf-8")
    one, two = (run("check", "--format", "json", "--jobs", jobs, str(tmp_path)) for jobs in ("1", "2"))
    assert one.returncode == two.returncode == 1
    assert json.loads(two.stdout) == json.loads(one.stdout)
    assert [Path(f["path"]).name for f in json.loads(two.stdout)["files"]] == [f"reply{i:03d}.txt" for i in range(PARALLEL_FROM + 6)]
