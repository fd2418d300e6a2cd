"""Bad input: a defined behaviour, a message naming the file, the documented exit code, no
traceback, nothing modified, nothing slow."""

import os
import subprocess
import sys
import time

import pytest

SOON = "We will reply soon."


def run(*args, stdin=None, cwd=None, close_stdin=False):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-P", "-m", "replylint", "check", "--lang", "en", "--select", "vague-timeframe", "--format", "json", *args],
        input=stdin, stdin=subprocess.DEVNULL if close_stdin else None, capture_output=True, cwd=cwd, timeout=60,
    )
    assert time.monotonic() - started < 30
    assert b"Traceback" not in result.stderr
    return result


def positions(result):
    import json

    report = json.loads(result.stdout)
    return [(v["line"], v["column"]) for f in report["files"] for v in f["violations"]]


@pytest.mark.parametrize("name,content,code,found", [
    ("empty.txt", b"", 0, []),
    ("blank.txt", b"  \n\t\n", 0, []),
    ("bom.txt", b"\xef\xbb\xbf" + SOON.encode(), 1, [(1, 15)]),
    ("utf16.txt", (SOON + "\r\n").encode("utf-16"), 1, [(1, 15)]),
    ("crlf.txt", b"Hi,\r\n\r\n" + SOON.encode() + b"\r\n", 1, [(3, 15)]),
    ("cr.txt", b"Hi,\r\r" + SOON.encode() + b"\r", 1, [(3, 15)]),
])
def test_text_encodings_and_line_endings(tmp_path, name, content, code, found):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(str(path))
    assert result.returncode == code
    assert positions(result) == found
    assert path.read_bytes() == content


def test_binary_file_is_skipped_with_a_notice(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"GIF89a\x00\x01\x02")
    result = run(str(tmp_path / "image.txt"))
    assert result.returncode == 0
    assert b"image.txt: binary file (NUL bytes), skipped" in result.stderr


def test_invalid_utf8_names_file_and_line(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(b"Hi,\ncaf\xe9\n")
    result = run(str(tmp_path / "latin1.txt"))
    assert result.returncode == 2
    assert b"latin1.txt:2: not valid UTF-8" in result.stderr


def test_one_megabyte_line_is_linear_and_positions_hold(tmp_path):
    (tmp_path / "long.txt").write_text("Thanks. " * 131072 + SOON, encoding="utf-8")
    result = run(str(tmp_path / "long.txt"))
    assert positions(result) == [(1, 8 * 131072 + 15)]


def test_file_over_the_size_limit(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"a" * 10_000_001)
    result = run(str(tmp_path / "big.txt"))
    assert result.returncode == 2
    assert b"big.txt: larger than the limit of 10000000 bytes" in result.stderr


def test_size_limit_is_configurable(tmp_path):
    (tmp_path / ".replylint.yaml").write_text("max_file_bytes: 10\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(SOON, encoding="utf-8")
    assert b"larger than the limit of 10 bytes" in run("a.txt", cwd=tmp_path).stderr


def test_missing_file_and_the_others_still_checked(tmp_path):
    (tmp_path / "ok.txt").write_text(SOON, encoding="utf-8")
    result = run(str(tmp_path / "missing.txt"), str(tmp_path / "ok.txt"))
    assert result.returncode == 2
    assert b"missing.txt: cannot read: No such file or directory" in result.stderr
    assert positions(result) == [(1, 15)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SOON, encoding="utf-8")
    path.chmod(0)
    result = run(str(path))
    assert result.returncode == 2 and b"secret.txt: cannot read" in result.stderr


def test_symlink_loop_terminates(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "reply.txt").write_text(SOON, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    result = run(str(tmp_path / "a"))
    assert positions(result) == [(1, 15)]


def test_path_given_twice_is_checked_once(tmp_path):
    (tmp_path / "r.txt").write_text(SOON, encoding="utf-8")
    result = run("r.txt", "./r.txt", str(tmp_path / "r.txt"), cwd=tmp_path)
    assert positions(result) == [(1, 15)]


def test_empty_and_closed_stdin():
    assert run("-", stdin=b"").returncode == 0
    assert run("-", close_stdin=True).returncode == 0
