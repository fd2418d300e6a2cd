"""JUnit XML: a test suite per file, a failing test case per violation."""

from collections.abc import Iterable, Iterator
from xml.etree import ElementTree

from ..model import FileReport


def render(reports: Iterable[FileReport], **_) -> Iterator[str]:
    suites = ElementTree.Element("testsuites", name="replylint")
    total = failures = 0
    for report in reports:
        suite = ElementTree.SubElement(suites, "testsuite", name=report.path, tests=str(max(1, len(report.violations))), failures=str(len(report.violations)))
        if not report.violations:
            ElementTree.SubElement(suite, "testcase", name="replylint", classname=report.path)
        for violation in report.violations:
            position = report.position(violation)
            case = ElementTree.SubElement(suite, "testcase", name=f"{violation.rule} at {position.line}:{position.column}", classname=report.path)
            failure = ElementTree.SubElement(case, "failure", message=violation.message, type=violation.level)
            failure.text = f"{report.path}:{position.line}:{position.column}: {violation.level}: {violation.message} [{violation.rule}]\n{violation.suggestion}"
        total += max(1, len(report.violations))
        failures += len(report.violations)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
