"""Suppressions written in the checked file itself.

    replylint-disable-next-line rule-id[, rule-id]   the next line
    replylint-disable rule-id ... replylint-enable    a region (to the end without enable)
    replylint-disable-file rule-id                    the whole file

in any comment form (<!-- -->, {# #}, {% comment %}, {{! }}, <#-- -->) or on a line of its
own. No rule id means every rule. The directive's line is blanked so no rule reads it, and a
directive that suppresses nothing is reported as `unused-suppression`.
"""

import re
from dataclasses import dataclass, field

from .model import Violation

UNUSED = "unused-suppression"
_DIRECTIVE = re.compile(r"replylint-(disable-next-line|disable-file|disable|enable)\b([ \t,]*[a-z0-9][a-z0-9._\-]*(?:[ \t]*,?[ \t]*[a-z0-9][a-z0-9._\-]*)*)?")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_COMMENT_END_WORDS = {"endcomment"}


@dataclass
class Directive:
    kind: str
    rules: frozenset[str]  # empty: every rule
    line: int
    span: tuple[int, int]
    first_line: int
    last_line: int
    used: bool = False


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)

    def covers(self, rule: str, line: int) -> bool:
        hit = False
        for directive in self.directives:
            if directive.first_line <= line <= directive.last_line and (not directive.rules or rule in directive.rules):
                directive.used = hit = True
        return hit

    def unused(self) -> list[Violation]:
        return [
            Violation(UNUSED, "warning", f"This replylint-{d.kind} suppresses nothing.", d.span[0], d.span[1],
                      "Remove the suppression.", "")
            for d in self.directives if not d.used and d.kind != "enable"
        ]


def read_suppressions(text: str) -> tuple[str, Suppressions]:
    """Find the directives, and blank the lines that hold them."""
    if "replylint-" not in text:
        return text, Suppressions()
    lines = [m for m in _LINE.finditer(text) if m.end() > m.start()]
    directives, blanked, open_regions = [], [], {}
    for number, line in enumerate(lines, start=1):
        found = _DIRECTIVE.search(line.group())
        if not found:
            continue
        kind = found.group(1)
        rules = frozenset(r for r in re.split(r"[\s,]+", found.group(2) or "") if r and r not in _COMMENT_END_WORDS)
        span = (line.start() + found.start(), line.start() + found.end())
        blanked.append(line.span())
        if kind == "disable-next-line":
            directives.append(Directive(kind, rules, number, span, number + 1, number + 1))
        elif kind == "disable-file":
            directives.append(Directive(kind, rules, number, span, 1, len(lines)))
        elif kind == "disable":
            directive = Directive(kind, rules, number, span, number, len(lines))
            directives.append(directive)
            open_regions[rules] = directive
        else:
            region = open_regions.pop(rules, None) or (open_regions.pop(next(iter(open_regions)), None) if open_regions and not rules else None)
            if region:
                region.last_line = number
    for start, end in reversed(blanked):
        content = text[start:end]
        stripped = content.rstrip("\r\n")
        text = text[:start] + " " * len(stripped) + content[len(stripped):] + text[end:]
    return text, Suppressions(directives)
