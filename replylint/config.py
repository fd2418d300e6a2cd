"""Configuration: `.replylint.yaml` (or `[tool.replylint]` in pyproject.toml), found by walking
up from each checked file. Validated up front: an unknown key or a wrong type is an error
naming the file and the key."""

import os
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import ReplylintError
from .model import LEVELS, MODES
from .yamlfile import load_yaml

CONFIG_NAMES = (".replylint.yaml", ".replylint.yml")

# key -> (type, description of the type)
KEYS = {
    "language": (str, "a language code or auto"),
    "default_language": (str, "a language code"),
    "mode": (str, "draft or template"),
    "select": (list, "a list of rule ids"),
    "ignore": (list, "a list of rule ids"),
    "levels": (dict, "a mapping of rule id to level"),
    "rules": (list, "a list of rule pack folders"),
    "variables": (list, "a list of placeholder names"),
    "response_hours": ((int, float), "a number of hours"),
    "fail_level": (str, "error, warning or suggestion"),
    "exclude": (list, "a list of globs"),
    "max_file_bytes": (int, "a number of bytes"),
    "collections": (dict, "a mapping of glob to {items, text, name}"),
    "overrides": (list, "a list of {files, ...}"),
    "scoring": (dict, "a mapping with weights, deductions and critical"),
}
OVERRIDE_KEYS = {"files", "language", "mode", "select", "ignore", "levels", "collections"}


@dataclass
class Config:
    path: str = ""
    root: Path = field(default_factory=Path.cwd)
    values: dict = field(default_factory=dict)

    def get(self, key, default=None):
        return self.values.get(key, default)

    @cached_property
    def resolved_root(self) -> str:
        return str(self.root.resolve())

    @cached_property
    def _top_level(self) -> dict:
        return {k: v for k, v in self.values.items() if k in OVERRIDE_KEYS}

    def for_file(self, path: str) -> dict:
        """The settings for one file: the top level, then every override whose globs match."""
        if not self.values.get("overrides") and not self.values.get("collections"):
            return {**self._top_level, "collection_keys": {}}
        relative = _relative(path, self.resolved_root)
        result = dict(self._top_level)
        for override in self.values.get("overrides", []):
            if _matches(override.get("files", []), relative):
                result.update({k: v for k, v in override.items() if k != "files"})
        collections = result.get("collections") or {}
        result["collection_keys"] = next((keys for glob, keys in collections.items() if _matches([glob], relative)), {})
        return result

    def excluded(self, path: str) -> bool:
        globs = self.values.get("exclude", [])
        return bool(globs) and _matches(globs, _relative(path, self.resolved_root))


def _relative(path: str, root: str) -> str:
    """The path below the configuration's folder, with forward slashes, as globs read it."""
    absolute = os.path.abspath(path)
    prefix = root.rstrip(os.sep) + os.sep
    return (absolute[len(prefix):] if absolute.startswith(prefix) else os.path.normpath(path)).replace(os.sep, "/")


def _matches(globs: list[str], relative: str) -> bool:
    return bool(globs) and _spec(tuple(globs)).match_file(relative)


@lru_cache(maxsize=256)
def _spec(globs: tuple[str, ...]):
    import pathspec  # only configurations with globs need it

    return pathspec.GitIgnoreSpec.from_lines(globs)


_found: dict[Path, Config] = {}


def find_config(start: Path) -> Config:
    """The nearest configuration above `start` (a file or folder), or an empty one."""
    directory = (start if start.is_dir() else start.parent).resolve()
    chain = []
    for candidate in [directory, *directory.parents]:
        if candidate in _found:
            config = _found[candidate]
            break
        chain.append(candidate)
        config = _config_in(candidate)
        if config is not None:
            break
    else:
        config = Config()
    for visited in chain:
        _found[visited] = config
    return config


def _config_in(directory: Path) -> Config | None:
    for name in CONFIG_NAMES:
        if (directory / name).is_file():
            return load_config(directory / name)
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ReplylintError(f"invalid TOML: {error}", str(pyproject)) from None
        section = data.get("tool", {}).get("replylint")
        if section is not None:
            return _validated(section, str(pyproject), directory, lambda key: None)
    return None


def load_config(path: Path) -> Config:
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("replylint", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ReplylintError(f"invalid configuration: {error}", str(path)) from None
        return _validated(data, str(path), path.parent.resolve(), lambda key: None)
    data = load_yaml(path)
    line_of = getattr(data, "line_of", lambda key: None)
    return _validated(data, str(path), path.parent.resolve(), line_of)


def _validated(data, path: str, root: Path, line_of) -> Config:
    if not isinstance(data, dict):
        raise ReplylintError("the configuration must be a mapping of keys", path, 1)

    def fail(message: str, key: str):
        raise ReplylintError(message, path, line_of(key))

    for key, value in data.items():
        if key not in KEYS:
            fail(f"unknown key '{key}' (expected one of: {', '.join(KEYS)})", key)
        expected, described = KEYS[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            fail(f"'{key}' must be {described}", key)
    for key in ("select", "ignore", "rules", "variables", "exclude"):
        if not all(isinstance(v, str) for v in data.get(key, [])):
            fail(f"'{key}' must be a list of strings", key)
    if data.get("mode", "draft") not in MODES:
        fail("'mode' must be draft or template", "mode")
    if data.get("fail_level", "warning") not in LEVELS:
        fail(f"'fail_level' must be one of: {', '.join(LEVELS)}", "fail_level")
    _check_levels(data.get("levels", {}), fail)
    scoring = data.get("scoring", {})
    if set(scoring) - {"weights", "deductions", "critical"} or not isinstance(scoring.get("weights", {}), dict) or not isinstance(scoring.get("deductions", {}), dict) or not isinstance(scoring.get("critical", []), list):
        fail("'scoring' takes weights (category: number), deductions (level: number) and critical (rule ids)", "scoring")
    for glob, keys in data.get("collections", {}).items():
        if not isinstance(keys, dict) or set(keys) - {"items", "text", "name"} or not all(isinstance(v, str) for v in keys.values()):
            fail(f"collections['{glob}'] must be a mapping with items, text and name (strings)", "collections")
    for override in data.get("overrides", []):
        if not isinstance(override, dict) or not isinstance(override.get("files"), list):
            fail("each override needs 'files': a list of globs", "overrides")
        unknown = set(override) - OVERRIDE_KEYS
        if unknown:
            fail(f"unknown key(s) in an override: {', '.join(sorted(unknown))} (expected: {', '.join(sorted(OVERRIDE_KEYS))})", "overrides")
        if override.get("mode", "draft") not in MODES:
            fail("'mode' must be draft or template", "overrides")
        _check_levels(override.get("levels", {}), fail)
    values = dict(data)
    values["rules"] = [str((root / p).resolve()) for p in data.get("rules", [])]
    return Config(path, root, values)


def _check_levels(levels, fail) -> None:
    if not isinstance(levels, dict):
        fail("'levels' must be a mapping of rule id to level", "levels")
    for rule, level in levels.items():
        if level not in LEVELS:
            fail(f"level of '{rule}' must be one of: {', '.join(LEVELS)}", "levels")
