"""Collections of templates in one JSON or YAML file (helpdesk macro exports, saved replies).

Each template is an item: its text, its name, and a map from each character of the decoded
text back to the file, so that a violation points at the right line of the file. Without a
configured key path the layout is recognised: a list of objects with a body and a title, a
mapping of titles to bodies, or one template with a `body` key.
"""

import json
import re

import yaml

from ..errors import ReplylintError
from ..yamlfile import loader

TEXT_KEYS = ("body", "content", "text", "message", "response", "reply", "template", "html", "answer")
NAME_KEYS = ("title", "name", "subject", "id", "key", "slug")
MAX_DEPTH = 100
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


class Located(str):
    """A string value that remembers where its literal is in the file."""

    start: int
    end: int
    style: str  # '"', "'", '|', '>', or '' (plain)


def items(path: str, text: str, suffix: str, keys: dict) -> list[tuple[str, str, list[int]]]:
    tree = _parse_json(path, text) if suffix == ".json" else _parse_yaml(path, text)
    found = []
    for name, value in _select(tree, keys):
        if isinstance(value, Located) and value.strip():
            found.append((name, str(value), _offsets(text, value)))
    return found


def _select(tree, keys: dict):
    if keys:
        container = _walk(tree, keys.get("items", ""))
        elements = [v for _, v in container] if isinstance(container, _Pairs) else container if isinstance(container, list) else []
        for index, element in enumerate(elements):
            text = _walk(element, keys.get("text", "")) if isinstance(element, _Pairs) or keys.get("text") else element
            name = _walk(element, keys["name"]) if keys.get("name") and isinstance(element, _Pairs) else None
            yield (str(name) if name is not None else f"#{index + 1}"), text
        return
    yield from _recognise(tree)


def _recognise(tree, root=True):
    if isinstance(tree, list):
        for index, element in enumerate(tree):
            if isinstance(element, Located) and root:
                yield f"#{index + 1}", element
            elif isinstance(element, _Pairs):
                text = next((element.get(k) for k in TEXT_KEYS if isinstance(element.get(k), Located)), None)
                name = next((element.get(k) for k in NAME_KEYS if element.get(k) is not None), None)
                if text is not None:
                    yield (str(name) if name is not None else f"#{index + 1}"), text
    elif isinstance(tree, _Pairs):
        single = next((k for k in TEXT_KEYS if isinstance(tree.get(k), Located)), None)
        if single:
            yield single, tree.get(single)
        elif tree and all(isinstance(v, Located) for _, v in tree):
            yield from ((str(k), v) for k, v in tree)
        else:
            for _, value in tree:
                if isinstance(value, list):
                    yield from _recognise(value, root=False)


def _walk(node, dotted: str):
    for part in [p for p in dotted.split(".") if p]:
        if isinstance(node, _Pairs):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


class _Pairs:
    """A mapping kept as its (key, value) pairs in file order (JSON may repeat keys)."""

    def __init__(self, pairs=()):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self):
        return len(self.pairs)

    def get(self, key, default=None):
        for k, v in self.pairs:
            if k == key:
                return v
        return default


def _parse_json(path: str, text: str):
    try:
        tree = json.loads(text, object_pairs_hook=_Pairs)
    except json.JSONDecodeError as error:
        raise ReplylintError(f"invalid JSON: {error.msg}", path, error.lineno) from None
    except RecursionError:
        raise ReplylintError("JSON nested too deeply", path) from None
    literals = iter(_JSON_STRING.finditer(text))

    def locate(node, depth=0):
        if depth > MAX_DEPTH:
            raise ReplylintError("JSON nested too deeply", path)
        if isinstance(node, _Pairs):
            pairs = []
            for key, value in node:
                next(literals)
                pairs.append((key, locate(value, depth + 1)))
            return _Pairs(pairs)
        if isinstance(node, list):
            return [locate(v, depth + 1) for v in node]
        if isinstance(node, str):
            literal = next(literals)
            return _located(node, literal.start() + 1, literal.end() - 1, '"')
        return node

    return locate(tree)


def _parse_yaml(path: str, text: str):
    try:
        documents = list(yaml.compose_all(text, Loader=loader()))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ReplylintError(f"invalid YAML: {getattr(error, 'problem', None) or error}", path, mark.line + 1 if mark else None) from None
    constructor = yaml.constructor.SafeConstructor()
    budget = [10_000]  # nodes visited: aliases cannot blow it up

    def build(node, depth=0):
        budget[0] -= 1
        if depth > MAX_DEPTH or budget[0] < 0:
            raise ReplylintError("YAML too deep or too large (aliases?)", path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return _Pairs((str(constructor.construct_object(k)) if isinstance(k, yaml.ScalarNode) else "?", build(v, depth + 1)) for k, v in node.value)
        if isinstance(node, yaml.SequenceNode):
            return [build(v, depth + 1) for v in node.value]
        if node.tag == "tag:yaml.org,2002:str":
            return _located(node.value, node.start_mark.index, node.end_mark.index, node.style or "")
        return node.value

    trees = [build(d) for d in documents if d is not None]
    return trees[0] if len(trees) == 1 else trees


def _located(value: str, start: int, end: int, style: str) -> Located:
    located = Located(value)
    located.start, located.end, located.style = start, end, style
    return located


def _offsets(text: str, value: Located) -> list[int]:
    """Align each decoded character with the character of the file it came from."""
    offsets = []
    raw, position, limit = text, value.start, value.end
    escapes = value.style == '"'
    for char in value:
        while position < limit:
            current = raw[position]
            if escapes and current == "\\":
                break
            if current == char or (char.isspace() and current in " \t\r\n"):
                break
            position += 1
        offsets.append(min(position, max(limit - 1, value.start)))
        if position < limit and escapes and raw[position] == "\\":
            position += _escape_length(raw, position)
        else:
            position += 1
    return offsets


def _escape_length(raw: str, position: int) -> int:
    following = raw[position + 1 : position + 2]
    if following == "u":
        return 12 if raw[position + 6 : position + 8] == "\\u" and 0xD800 <= int(raw[position + 2 : position + 6] or "0", 16) < 0xDC00 else 6
    if following == "x":
        return 4
    if following == "U":
        return 10
    return 2
