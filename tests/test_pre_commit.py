"""The pre-commit hook, through the real pre-commit tool, on a temporary template repository."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Hi {{ customer.first_name }},\n\nThank you for contacting Acme support. We have received your request and refunded your order today.\n\nIs there anything else I can help you with?\n\nBest regards,\n{{ agent.name }}\nAcme Support, support@acme.example\n"
BAD = "Hi {{ customer.first_name }},\n\nCalm down. We will get back to you soon!!!\n"

pytestmark = pytest.mark.skipif(not shutil.which("git") or not (ROOT / ".git").exists(), reason="needs git and a git checkout of replylint")


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_fails_on_a_bad_template_and_passes_on_a_good_one(tmp_path):
    repo = tmp_path / "templates"
    repo.mkdir()
    (repo / "good.j2").write_text(GOOD, encoding="utf-8")
    (repo / "bad.j2").write_text(BAD, encoding="utf-8")
    (repo / ".replylint.yaml").write_text("language: en\n", encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".", cwd=repo)
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "templates", cwd=repo)
    env_home = tmp_path / "pre-commit-home"

    def try_repo(*files):
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "replylint", "--files", *files],
            cwd=repo, capture_output=True, text=True, timeout=1800, env={**__import__("os").environ, "PRE_COMMIT_HOME": str(env_home)},
        )

    bad = try_repo("bad.j2")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "vague-timeframe" in bad.stdout and "abrasive-language" in bad.stdout
    good = try_repo("good.j2")
    assert good.returncode == 0, good.stdout + good.stderr
