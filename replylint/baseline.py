"""Baselines: record today's violations, then fail only on new ones.

A fingerprint is the file, the rule, the template's name and the flagged text (with spacing
normalised), numbered when the same text is flagged more than once: so it survives edits
elsewhere in the file and lines moving up or down.
"""

import hashlib
import json
from collections import Counter
from pathlib import Path

from .errors import ReplylintError
from .model import FileReport

VERSION = 1


def fingerprints(report: FileReport) -> list[str]:
    seen: Counter = Counter()
    prints = []
    for violation in report.violations:
        flagged = " ".join(report.text[violation.start:violation.end].split()).lower()
        key = (Path(report.path).as_posix(), violation.rule, violation.item, flagged)
        seen[key] += 1
        digest = hashlib.sha256(json.dumps([*key, seen[key]], ensure_ascii=False).encode("utf-8")).hexdigest()[:24]
        prints.append(digest)
    return prints


def write(path: Path, reports: list[FileReport]) -> None:
    prints = sorted(p for report in reports for p in fingerprints(report))
    data = {"version": VERSION, "tool": "replylint", "fingerprints": prints}
    try:
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise ReplylintError(f"cannot write the baseline: {error.strerror or error}", str(path)) from None


def read(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ReplylintError(f"cannot read the baseline: {error.strerror or error}", str(path)) from None
    except ValueError as error:
        raise ReplylintError(f"the baseline is not valid JSON: {error}", str(path)) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("fingerprints"), list):
        raise ReplylintError("not a replylint baseline (expected version 1 and a list of fingerprints)", str(path))
    return set(map(str, data["fingerprints"]))


def without_known(report: FileReport, known: set[str]) -> None:
    report.violations = [v for v, p in zip(report.violations, fingerprints(report)) if p not in known]
