"""Safe, bounded YAML loading that remembers the line of every mapping key.

Rule packs and configuration come from the repository being checked, so they are hostile
input: no Python tags, a size limit, and a limit on alias expansion (the "billion laughs").
"""

import re
from pathlib import Path

import yaml

from .errors import ReplylintError

MAX_BYTES = 1_000_000
MAX_ALIASES = 100
SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class Loader(_Base):
    """Safe loading with YAML 1.2 booleans: 'no', 'on', 'yes' are words (Latvian 'no' is
    'from', Turkish 'on' is 'ten'), only true and false are booleans."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader = Loader


class Mapping(dict):
    """A dict from YAML that knows the line (1-based) of each key and of itself."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def load_yaml(path: Path, text: str | None = None):
    """Parse one YAML document from `path`; errors name the file and line."""
    if text is None:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ReplylintError(f"file is larger than {MAX_BYTES} bytes", str(path))
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ReplylintError(f"cannot read: {_reason(error)}", str(path)) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ReplylintError(f"invalid YAML: {problem}", str(path), mark.line + 1 if mark else None) from None
    if node is None:
        return Mapping()
    return _Builder(path).build(node)


class _Builder:
    def __init__(self, path: Path):
        self.path = path
        self.visited: set[int] = set()
        self.expansions = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node):
        if node.tag not in SAFE_TAGS:
            raise ReplylintError(f"unsupported YAML tag {node.tag}", str(self.path), node.start_mark.line + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.visited:
                self.expansions += 1
                if self.expansions > MAX_ALIASES:
                    raise ReplylintError(f"more than {MAX_ALIASES} alias expansions", str(self.path), node.start_mark.line + 1)
            self.visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            result = Mapping()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                result[key] = self.build(value_node)
                result.key_lines[key] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value]
        return self.scalar(node)

    def scalar(self, node):
        if not isinstance(node, yaml.ScalarNode):
            raise ReplylintError("a mapping key must be a plain value", str(self.path), node.start_mark.line + 1)
        try:
            return self.constructor.construct_object(node)
        except yaml.YAMLError as error:
            raise ReplylintError(f"invalid value: {str(error).splitlines()[0]}", str(self.path), node.start_mark.line + 1) from None


def _reason(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(error, "strerror", None) or str(error)
