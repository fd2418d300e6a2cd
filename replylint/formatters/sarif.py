"""SARIF 2.1.0, for code-scanning dashboards. Columns count Unicode code points."""

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..catalogue import catalogue
from ..model import FileReport
from .json import dumps

SARIF_LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(reports: Iterable[FileReport], rule_dirs=(), **_) -> Iterator[str]:
    from .. import __version__

    entries = catalogue(None, rule_dirs)
    index = {entry.id: i for i, entry in enumerate(entries)}
    rules = [
        {
            "id": entry.id,
            "shortDescription": {"text": entry.message},
            "fullDescription": {"text": entry.description or entry.message},
            "help": {"text": f"{entry.description}\nGuideline: {entry.source}"},
            "defaultConfiguration": {"level": SARIF_LEVELS[entry.level]},
            "properties": {"languages": entry.languages, "source": entry.source},
        }
        for entry in entries
    ]
    results = []
    for report in reports:
        for violation in report.violations:
            position = report.position(violation)
            result = {
                "ruleId": violation.rule,
                "level": SARIF_LEVELS[violation.level],
                "message": {"text": violation.message + (f" Fix: {violation.suggestion}" if violation.suggestion else "")},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(report.path)},
                        "region": {
                            "startLine": position.line,
                            "startColumn": position.column,
                            "endLine": position.end_line,
                            "endColumn": position.end_column,
                            "snippet": {"text": report.text[violation.start:violation.end]},
                        },
                    }
                }],
            }
            if violation.rule in index:
                result["ruleIndex"] = index[violation.rule]
            if violation.item:
                result["properties"] = {"item": violation.item}
            results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "replylint", "version": __version__, "informationUri": "https://pypi.org/project/replylint/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    yield dumps(log)


def _uri(path: str) -> str:
    return "stdin" if path == "-" else Path(path).as_posix()
