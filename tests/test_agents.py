"""Agents: the Python API, fixes, the score, and the MCP server through the SDK's own client."""

import asyncio
import json
import subprocess
import sys
import threading

from replylint import lint

CARD = "Hi Jo,\r\n\r\nThanks for writing. Your card 4111 1111 1111 1111 and CVV 123 are noted.\r\n"


def test_lint_returns_a_typed_report():
    report = lint("Hi Jane,\n\nWe will get back to you soon.", "en")
    assert report.language == "en"
    rules = [v.rule for v in report.violations]
    assert "vague-timeframe" in rules and "thank-first" in rules
    vague = next(v for v in report.violations if v.rule == "vague-timeframe")
    assert (report.position(vague).line, report.position(vague).column) == (3, 25)
    assert 0 <= report.score.total <= 100


def test_lint_with_the_customers_message():
    report = lint("Hi Ann,\n\nThanks for your feedback.", "en", in_reply_to="My blender arrived broken. When will you send a new one?")
    assert {"missing-remedy", "unanswered-question"} <= {v.rule for v in report.violations}


def test_lint_is_safe_from_several_threads():
    texts = [f"Hi Ann,\n\nWe will reply soon about order {i}." for i in range(40)]
    expected = [[(v.rule, v.start) for v in lint(t, "en").violations] for t in texts]
    results = [None] * len(texts)

    def work(index):
        results[index] = [(v.rule, v.start) for v in lint(texts[index], "en").violations]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


def test_score_by_category_and_critical_rules():
    clean = lint("Hi Jane,\n\nThank you for contacting Acme support. We have received your request and refunded it today.\n\nIs there anything else I can help you with?\n\nBest regards,\nSam, Acme Support, support@acme.example", "en")
    rude = lint("Hi Jane,\n\nThank you for writing. Calm down, as I already said, it is your fault.\n\nIs there anything else?\n\nBest regards,\nSam, Acme Support, support@acme.example", "en")
    card = lint(CARD, "en")
    assert clean.score.total > rude.score.total > 0
    assert rude.score.categories["tone"] < clean.score.categories["tone"]
    assert card.score.total == 0


def test_fix_masks_the_card_keeps_line_endings_and_is_idempotent(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(CARD.encode("utf-8"))
    path.chmod(0o640)

    def fix():
        return subprocess.run([sys.executable, "-P", "-m", "replylint", "check", "--lang", "en", "--fix", str(path)], capture_output=True, text=True)

    fix()
    once = path.read_bytes()
    assert once == CARD.replace("4111 1111 1111 1111", "**** **** **** 1111").replace("CVV 123", "CVV ***").encode("utf-8")
    assert path.stat().st_mode & 0o777 == 0o640
    fix()
    assert path.read_bytes() == once


def test_diff_shows_the_fix_and_changes_nothing(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(CARD, encoding="utf-8", newline="")
    result = subprocess.run([sys.executable, "-P", "-m", "replylint", "check", "--lang", "en", "--diff", str(path)], capture_output=True, text=True)
    assert "+Thanks for writing. Your card **** **** **** 1111 and CVV *** are noted." in result.stdout.replace("\r", "")
    assert path.read_bytes().decode("utf-8") == CARD


def test_fix_keeps_utf8_bom_and_utf16(tmp_path):
    for encoding in ("utf-8-sig", "utf-16"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(CARD.encode(encoding))
        subprocess.run([sys.executable, "-P", "-m", "replylint", "check", "--lang", "en", "--fix", str(path)], capture_output=True)
        assert path.read_bytes().decode(encoding) == CARD.replace("4111 1111 1111 1111", "**** **** **** 1111").replace("CVV 123", "CVV ***")


def test_fix_on_stdin_prints_the_fixed_text():
    result = subprocess.run([sys.executable, "-P", "-m", "replylint", "check", "--lang", "en", "--fix", "-"], input="Card 4111111111111111.", capture_output=True, text=True)
    assert result.stdout == "Card ************1111."


def test_mcp_round_trip_through_the_sdk_client():
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    async def session():
        server = StdioServerParameters(command=sys.executable, args=["-P", "-m", "replylint", "mcp"])
        async with stdio_client(server) as (read, write):
            async with ClientSession(read, write) as client:
                await client.initialize()
                tools = {tool.name for tool in (await client.list_tools()).tools}
                linted = await client.call_tool("lint_reply", {"text": "Hi Ann,\n\nWe will reply soon.", "language": "en"})
                rules = await client.call_tool("list_rules", {"language": "en"})
                return tools, linted, rules

    tools, linted, rules = asyncio.run(asyncio.wait_for(session(), 120))
    assert {"lint_reply", "list_rules"} <= tools
    report = json.loads(linted.content[0].text)
    assert report["version"] == 1
    assert "vague-timeframe" in {v["rule"] for v in report["files"][0]["violations"]}
    listed = [json.loads(block.text) for block in rules.content]
    entries = {r["id"]: r for r in (listed[0] if len(listed) == 1 and isinstance(listed[0], list) else listed)}
    assert entries["thank-first"]["kind"] == "required"
    cli_listed = {e["id"]: e for e in json.loads(subprocess.run([sys.executable, "-P", "-m", "replylint", "rules", "--lang", "en", "--format", "json"], capture_output=True, text=True).stdout)}
    assert entries == cli_listed  # the same catalogue, one shape
