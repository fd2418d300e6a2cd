"""Template repositories: configuration, suppressions, CI report formats, baselines."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
GOOD = "Hi {{ name }},\n\nThank you for contacting Acme support. We received your request and fixed it today.\n\nIs there anything else I can help you with?\n\nBest regards,\nSam, Acme Support, support@acme.example\n"
BAD = "Hi {{ name }},\n\nThank you for writing. Calm down, we will fix it soon.\n\nBest regards,\nSam, Acme Support, support@acme.example\n"


def run(*args, cwd):
    return subprocess.run([sys.executable, "-P", "-m", "replylint", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture()
def repo(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "good.j2").write_text(GOOD, encoding="utf-8")
    (tmp_path / "templates" / "bad.j2").write_text(BAD, encoding="utf-8")
    return tmp_path


def violations(result):
    report = json.loads(result.stdout)
    return [(Path(f["path"]).name, v["rule"], v["line"]) for f in report["files"] for v in f["violations"]]


def test_config_is_found_by_walking_up_and_applies(repo):
    (repo / ".replylint.yaml").write_text("language: en\nignore: [vague-timeframe]\nlevels: {abrasive-language: error}\n", encoding="utf-8")
    result = run("check", "--format", "json", "templates", cwd=repo)
    found = json.loads(result.stdout)["files"]
    rules = {v["rule"]: v["level"] for f in found for v in f["violations"]}
    assert "vague-timeframe" not in rules
    assert rules["abrasive-language"] == "error"


def test_pyproject_section_is_read(repo):
    (repo / "pyproject.toml").write_text("[tool.replylint]\nlanguage = 'en'\nselect = ['abrasive-language']\n", encoding="utf-8")
    assert {rule for _, rule, _ in violations(run("check", "--format", "json", "templates", cwd=repo))} == {"abrasive-language"}


@pytest.mark.parametrize("content,needle", [
    ("langauge: en\n", ".replylint.yaml:1: unknown key 'langauge'"),
    ("language: en\nignore: thank-first\n", ".replylint.yaml:2: 'ignore' must be a list of rule ids"),
    ("levels: {thank-first: fatal}\n", ".replylint.yaml:1: level of 'thank-first' must be one of"),
    ("response_hours: soon\n", ".replylint.yaml:1: 'response_hours' must be a number of hours"),
    ("overrides:\n  - mode: template\n", ".replylint.yaml:1: each override needs 'files'"),
    ("ignore: [no-such-rule]\n", "unknown rule 'no-such-rule'"),
])
def test_invalid_configuration_is_exit_2_naming_file_and_key(repo, content, needle):
    (repo / ".replylint.yaml").write_text(content, encoding="utf-8")
    result = run("check", "templates", cwd=repo)
    assert result.returncode == 2
    assert needle in result.stderr and "Traceback" not in result.stderr


def test_per_glob_override_and_exclude(repo):
    (repo / "drafts").mkdir()
    (repo / "drafts" / "d.txt").write_text("Hi {{ name }}, we will reply soon.", encoding="utf-8")
    (repo / "old").mkdir()
    (repo / "old" / "x.txt").write_text("CALM DOWN!!!", encoding="utf-8")
    (repo / ".replylint.yaml").write_text("language: en\nexclude: ['old/**']\noverrides:\n  - files: ['drafts/**']\n    ignore: [vague-timeframe]\n", encoding="utf-8")
    found = violations(run("check", "--format", "json", ".", cwd=repo))
    assert not any(name == "x.txt" for name, _, _ in found)
    assert ("d.txt", "unfilled-placeholder", 1) in found
    assert not any(name == "d.txt" and rule == "vague-timeframe" for name, rule, _ in found)


def test_gitignore_is_respected(repo):
    (repo / ".gitignore").write_text("templates/bad.j2\n", encoding="utf-8")
    names = {name for name, _, _ in violations(run("check", "--lang", "en", "--format", "json", ".", cwd=repo))}
    assert "bad.j2" not in names


def test_declared_variables_and_response_hours(repo):
    (repo / ".replylint.yaml").write_text("language: en\nvariables: [customer]\nresponse_hours: 72\n", encoding="utf-8")
    (repo / "templates" / "t.j2").write_text("Hi {{ name }},\n\nThanks for writing. We will get back to you within 48 hours.\n", encoding="utf-8")
    found = violations(run("check", "--format", "json", "templates/t.j2", cwd=repo))
    assert ("t.j2", "unknown-placeholder", 1) in found
    assert not any(rule == "sla-exceeded" for _, rule, _ in found)


@pytest.mark.parametrize("directive", [
    "{# replylint-disable-next-line abrasive-language #}",
    "replylint-disable-next-line abrasive-language",
    "<!-- replylint-disable-next-line abrasive-language -->",
    "{{! replylint-disable-next-line abrasive-language }}",
])
def test_suppression_next_line(repo, directive):
    text = BAD.replace("Thank you for writing.", directive + "\nThank you for writing.")
    (repo / "templates" / "bad.j2").write_text(text, encoding="utf-8")
    found = violations(run("check", "--lang", "en", "--format", "json", "templates/bad.j2", cwd=repo))
    assert not any(rule == "abrasive-language" for _, rule, _ in found)
    assert any(rule == "vague-timeframe" for _, rule, _ in found)
    assert not any(rule == "unused-suppression" for _, rule, _ in found)


def test_suppression_region_and_file(repo):
    region = "{# replylint-disable vague-timeframe #}\nWe will reply soon.\n{# replylint-enable vague-timeframe #}\nAnd soon again.\n"
    (repo / "templates" / "r.j2").write_text(region, encoding="utf-8")
    found = violations(run("check", "--lang", "en", "--format", "json", "--select", "vague-timeframe", "templates/r.j2", cwd=repo))
    assert found == [("r.j2", "vague-timeframe", 4)]
    (repo / "templates" / "f.j2").write_text("Soon.\n{# replylint-disable-file #}\nSoon.\n", encoding="utf-8")
    assert violations(run("check", "--lang", "en", "--format", "json", "--select", "vague-timeframe", "templates/f.j2", cwd=repo)) == []


def test_unused_suppression_is_reported(repo):
    (repo / "templates" / "u.j2").write_text("{# replylint-disable-next-line profanity #}\nThank you.\n", encoding="utf-8")
    found = violations(run("check", "--lang", "en", "--format", "json", "templates/u.j2", cwd=repo))
    assert ("u.j2", "unused-suppression", 1) in found


def test_sarif_validates_against_the_official_schema(repo):
    result = run("check", "--lang", "en", "--format", "sarif", "templates", cwd=repo)
    log = json.loads(result.stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"thank-first", "abrasive-language"}
    results = [r for r in run_["results"] if r["ruleId"] == "abrasive-language"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_github_annotations(repo):
    result = run("check", "--lang", "en", "--format", "github", "templates/bad.j2", cwd=repo)
    lines = result.stdout.splitlines()
    assert any(line.startswith("::warning file=templates/bad.j2,line=3,col=") and "abrasive-language" in line for line in lines)
    assert lines[-1].startswith("replylint: 1 file(s) checked")


def test_junit_xml(repo):
    from xml.etree import ElementTree

    result = run("check", "--lang", "en", "--format", "junit", "--output", "report.xml", "templates", cwd=repo)
    assert result.returncode == 1 and result.stdout == ""
    root = ElementTree.parse(repo / "report.xml").getroot()
    assert root.tag == "testsuites" and int(root.get("failures")) >= 2
    assert any("abrasive-language" in case.get("name") for case in root.iter("testcase"))


def test_baseline_passes_then_a_new_violation_fails(repo):
    written = run("check", "--lang", "en", "--write-baseline", "baseline.json", "templates", cwd=repo)
    assert written.returncode == 0
    assert run("check", "--lang", "en", "--baseline", "baseline.json", "templates", cwd=repo).returncode == 0
    bad = repo / "templates" / "bad.j2"
    bad.write_text("\n\n" + bad.read_text(encoding="utf-8"), encoding="utf-8")  # lines move: still known
    assert run("check", "--lang", "en", "--baseline", "baseline.json", "templates", cwd=repo).returncode == 0
    bad.write_text(bad.read_text(encoding="utf-8").replace("Thank you for writing.", "Thank you for writing. As I already said, read it."), encoding="utf-8")
    result = run("check", "--lang", "en", "--format", "json", "--baseline", "baseline.json", "templates", cwd=repo)
    assert result.returncode == 1
    assert [rule for _, rule, _ in violations(result)] == ["abrasive-language"]


def test_checked_files_are_never_modified(repo):
    before = {p: p.read_bytes() for p in (repo / "templates").iterdir()}
    run("check", "--lang", "en", "templates", cwd=repo)
    assert before == {p: p.read_bytes() for p in (repo / "templates").iterdir()}
