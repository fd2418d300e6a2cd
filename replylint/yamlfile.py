"""Safe, bounded YAML loading that remembers the line of every mapping key.

Rule packs and configuration come from the repository being checked, so they are hostile
input: no Python tags, a size limit, and a limit on alias expansion (the "billion laughs").
"""

import re
from functools import lru_cache
from pathlib import Path

from .cache import FileCache
from .errors import ReplylintError

MAX_BYTES = 1_000_000
MAX_ALIASES = 100
PARSED_FORMAT = 1
SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}

def _yaml():
    import yaml

    return yaml


@lru_cache(maxsize=None)
def loader():
    """Safe loading with YAML 1.2 booleans: 'no', 'on', 'yes' are words (Latvian 'no' is
    'from', Turkish 'on' is 'ten'), only true and false are booleans. PyYAML is imported
    here, when a file is really parsed: a run served from the cache never needs it."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
    resolvers = {
        first: [(tag, regex) for tag, regex in found if tag != "tag:yaml.org,2002:bool"]
        for first, found in base.yaml_implicit_resolvers.items()
    }
    safe = type("Loader", (base,), {"yaml_implicit_resolvers": resolvers})
    safe.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return safe


class Mapping(dict):
    """A dict from YAML that knows the line (1-based) of each key and of itself."""

    line: int = 1
    key_lines: dict
    _source: "_Source | None" = None  # set when read by the fast path: lines found on demand
    _where: tuple = ()

    def line_of(self, key: str) -> int:
        if self._source is not None:
            found = self._source.mapping_at(self._where)
            return found.line_of(key) if found is not None else 1
        return self.key_lines.get(key, self.line)


class _Source:
    """A document read by libyaml alone (or from the cache); read again, keeping lines, only
    to name a line in an error message (most files never need it)."""

    def __init__(self, path: Path, text: str | None):
        self.path, self.text = path, text
        self._slow = None

    def mapping_at(self, where: tuple):
        if self._slow is None:
            text = self.text if self.text is not None else self.path.read_text(encoding="utf-8")
            self._slow = _Builder(self.path).build(_yaml().compose(text, Loader=loader()))
        node = self._slow
        for step in where:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return node if isinstance(node, Mapping) else None


_NEEDS_CARE = re.compile(r"(?:^|[\s\[{,:-])(?:[&*][\w-]|!!?[A-Za-z])")  # anchors, aliases, tags


def _plain_json(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain_json(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _wrap(value, source: _Source, where: tuple):
    if isinstance(value, dict):
        result = Mapping((str(k), _wrap(v, source, where + (str(k),))) for k, v in value.items())
        result._source, result._where = source, where
        return result
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return [_wrap(v, source, where + (i,)) for i, v in enumerate(value)]
    return value


_parsed: FileCache | None = None


def _parsed_files() -> FileCache:
    global _parsed
    if _parsed is None:
        _parsed = FileCache("parsed-yaml.json", PARSED_FORMAT)
    return _parsed


def save_cache() -> None:
    """Keep what this process parsed for the next one (rule packs rarely change)."""
    if _parsed is not None:
        _parsed.save()


def load_yaml(path: Path, text: str | None = None):
    """Parse one YAML document from `path`; errors name the file and line."""
    from_file = text is None
    if from_file:
        cached = _parsed_files().get(path)
        if cached is not None:
            return _wrap(cached, _Source(path, None), ())
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ReplylintError(f"file is larger than {MAX_BYTES} bytes", str(path))
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ReplylintError(f"cannot read: {_reason(error)}", str(path)) from None
    if not _NEEDS_CARE.search(text):
        try:  # the fast path: libyaml builds the data; no aliases to expand, no tags
            data = _yaml().load(text, Loader=loader())
            if data is None or isinstance(data, (dict, list)) and all(isinstance(k, str) for k in (data if isinstance(data, dict) else {})):
                if from_file and data is not None and _plain_json(data):
                    _parsed_files().put(path, data)
                return _wrap(data, _Source(path, text), ()) if data is not None else Mapping()
        except _yaml().YAMLError:
            pass  # the careful path below names the line
    try:
        node = _yaml().compose(text, Loader=loader())
    except _yaml().YAMLError as error:
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
        self.constructor = _yaml().constructor.SafeConstructor()

    def build(self, node):
        if node.tag not in SAFE_TAGS:
            raise ReplylintError(f"unsupported YAML tag {node.tag}", str(self.path), node.start_mark.line + 1)
        if isinstance(node, (_yaml().MappingNode, _yaml().SequenceNode)):
            if id(node) in self.visited:
                self.expansions += 1
                if self.expansions > MAX_ALIASES:
                    raise ReplylintError(f"more than {MAX_ALIASES} alias expansions", str(self.path), node.start_mark.line + 1)
            self.visited.add(id(node))
        if isinstance(node, _yaml().MappingNode):
            result = Mapping()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                result[key] = self.build(value_node)
                result.key_lines[key] = key_node.start_mark.line + 1
            return result
        if isinstance(node, _yaml().SequenceNode):
            return [self.build(item) for item in node.value]
        return self.scalar(node)

    def scalar(self, node):
        if not isinstance(node, _yaml().ScalarNode):
            raise ReplylintError("a mapping key must be a plain value", str(self.path), node.start_mark.line + 1)
        try:
            return self.constructor.construct_object(node)
        except _yaml().YAMLError as error:
            raise ReplylintError(f"invalid value: {str(error).splitlines()[0]}", str(self.path), node.start_mark.line + 1) from None


def _reason(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(error, "strerror", None) or str(error)
