"""Rule packs: folders of YAML rules. A rule is one file `ID.yaml` with its meaning (kind,
level, scope, message, source); its vocabulary and examples for a language live in
`LANG/ID.yaml` beside it, merged over the main file. A rule with no language files is
language-neutral (as a plain Vale rule is)."""

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from .errors import ReplylintError
from .rule import Definition, kinds
from .yamlfile import Mapping, load_yaml

ID_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


@dataclass
class RuleSource:
    id: str
    path: Path
    main: Mapping
    language_files: dict[str, Path] = field(default_factory=dict)

    @property
    def language_neutral(self) -> bool:
        return not self.language_files

    def languages(self, known: list[str]) -> list[str]:
        return known if self.language_neutral else sorted(self.language_files)

    def definition(self, language: str, overrides: dict | None = None) -> Definition:
        fields, origins = {}, {}
        layers = [(self.main, self.path)]
        if language in self.language_files:
            path = self.language_files[language]
            layers.append((load_yaml(path), path))
        for data, path in layers:
            if not isinstance(data, dict):
                raise ReplylintError("a rule file must be a mapping of fields", str(path), 1)
            for key, value in data.items():
                fields[key] = value
                origins[key] = (data, str(path))
        for key, value in (overrides or {}).items():
            fields[key] = value
        return Definition(self.id, fields, origins)

    def examples(self, language: str) -> dict:
        definition = self.definition(language)
        return definition.fields.get("examples") or {}


def bundled_pack() -> Path:
    return Path(str(files("replylint.rules") / "default"))


def discover(pack_dirs: list[Path], language_codes: set[str]) -> dict[str, RuleSource]:
    """Read every rule's main file; language files are only located, and read when needed."""
    sources: dict[str, RuleSource] = {}
    for directory in pack_dirs:
        if not directory.is_dir():
            raise ReplylintError("rule pack is not a folder", str(directory))
        pack: dict[str, RuleSource] = {}
        for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
            if path.name.startswith("_"):  # pack settings such as _scoring.yaml, not rules
                continue
            rule_id = path.stem
            if not set(rule_id) <= ID_CHARS:
                raise ReplylintError(f"rule id '{rule_id}' may use only letters a-z, digits, '-', '_' and '.'", str(path))
            main = load_yaml(path)
            if not isinstance(main, dict) or "extends" not in main:
                raise ReplylintError("missing field 'extends' (the rule's kind)", str(path), 1)
            if main["extends"] not in kinds():
                raise ReplylintError(f"unknown kind '{main['extends']}' (expected one of: {', '.join(sorted(kinds()))})", str(path), main.line_of("extends"))
            pack[rule_id] = RuleSource(rule_id, path, main)
        for sub in sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            if sub.name not in language_codes:
                raise ReplylintError(f"unknown language folder '{sub.name}' (expected one of: {', '.join(sorted(language_codes))})", str(sub))
            for path in sorted(sub.glob("*.yaml")):
                if path.stem not in pack:
                    raise ReplylintError(f"no rule '{path.stem}' in this pack for this language file", str(path))
                pack[path.stem].language_files[sub.name] = path
        sources.update(pack)
    return sources


def compile_rules(sources: dict[str, RuleSource], language: str, vocabulary, overrides: dict[str, dict]) -> list:
    compiled = []
    for source in sources.values():
        if source.language_neutral or language in source.language_files:
            definition = source.definition(language, overrides.get(source.id))
            compiled.append(kinds()[definition.fields["extends"]](definition, vocabulary))
    return compiled
