"""The one-way flow: text -> tokens and matches -> reply structure -> rules -> violations.

A Linter loads rule packs once and compiles each language's rules on first use, so a
long-running process pays for loading once and checks a reply in about a millisecond.
"""

import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

import re2

from .detect import detect
from .errors import ReplylintError
from .language import Language, load_languages
from .matching import Vocabulary, Where
from .model import Violation
from .regexes import save_known_regexes
from .reply import Reply, read_reply
from .rulepack import bundled_pack, compile_rules, discover
from .score import load_scoring
from .tokenizer import build_tokenizer
from .yamlfile import save_cache

STRUCTURE_VOCABULARY = ("greetings", "signoffs", "wishes", "generic_addressees", "titles")


@dataclass
class Settings:
    """What changes how rules compile; which rules are reported is decided later (api.py)."""

    rule_dirs: list[Path] = field(default_factory=list)
    overrides: dict[str, dict] = field(default_factory=dict)  # rule id -> fields to override
    default_language: str = "en"
    scoring: dict = field(default_factory=dict)  # overrides of the pack's _scoring.yaml


@dataclass
class Result:
    language: str
    violations: list[Violation]
    reply: Reply
    notices: list[str]


class LanguageChecker:
    """Everything one language needs, compiled once: tokenizer, vocabulary, rules."""

    def __init__(self, language: Language, sources, overrides):
        self.language = language
        self.tokenizer = build_tokenizer(language.spacy)
        self.vocabulary = Vocabulary(language, self.tokenizer)
        structure = language.structure
        self.structure_keys = {}
        for name in STRUCTURE_VOCABULARY:
            where = Where(language.path)
            self.structure_keys[name] = self.vocabulary.phrases(structure.get(name) or [], where) if structure.get(name) else None
        self.quote_header = _quote_header(structure.get("quote_headers") or [], language.path)
        self.rules = compile_rules(sources, language.code, self.vocabulary, overrides)
        self.vocabulary.finalize()
        save_known_regexes()
        save_cache()

    def analyze(self, text: str) -> tuple[Reply, dict]:
        tokens = self.vocabulary.tokens(text)
        matches = self.vocabulary.match(tokens)
        for name, key in self.structure_keys.items():
            if key in matches.found:  # structure vocabulary is phrases: found already
                matches.found["@" + name] = matches.found[key]
        reply = read_reply(text, tokens, matches, self.quote_header)
        if reply.paragraphs:  # the body's first word starts a sentence: after 'Hi Sam,' on its line, after '@handle'
            first = bisect_left(tokens.start, reply.paragraphs[0][0])
            if first < len(tokens) and first not in tokens.sentence_start_set:
                self.vocabulary.match_sentence_start(matches, first)
        return reply, matches

    def check(self, text: str, mode: str, placeholders=(), customer: "CustomerMessage | None" = None) -> tuple[list[Violation], Reply]:
        reply, matches = self.analyze(text)
        reply.placeholders = list(placeholders)
        reply.customer = customer
        violations = [v for rule in self.rules if mode in rule.modes for v in rule.check(reply, matches)]
        violations.sort(key=lambda v: (v.start, v.end, v.rule))
        return violations, reply


@dataclass
class CustomerMessage:
    """The message a reply answers (--in-reply-to), read with the reply's vocabulary."""

    text: str
    language: str  # detected; "" when detection could not tell
    name: str  # the customer's name: the From: header, or how they signed
    reply: Reply  # the message's structure: sentences, signature
    matches: dict


class Linter:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.languages = load_languages()
        if self.settings.default_language not in self.languages:
            raise ReplylintError(f"unknown language '{self.settings.default_language}' (expected one of: {', '.join(sorted(self.languages))})")
        self.sources = discover([bundled_pack(), *self.settings.rule_dirs], set(self.languages))
        for rule_id in self.settings.overrides:
            if rule_id not in self.sources:
                raise ReplylintError(f"unknown rule '{rule_id}'")
        self.scoring = load_scoring(bundled_pack() / "_scoring.yaml", self.sources, self.settings.scoring)
        self._checkers: dict[str, LanguageChecker] = {}
        self._lock = threading.Lock()

    def checker(self, code: str) -> LanguageChecker:
        checker = self._checkers.get(code)
        if checker is None:
            with self._lock:
                checker = self._checkers.get(code)
                if checker is None:
                    checker = LanguageChecker(self.languages[code], self.sources, self.settings.overrides)
                    self._checkers[code] = checker
        return checker

    def compiled_languages(self) -> int:
        return len(self._checkers)

    def resolve_language(self, text: str, language: str) -> tuple[str, list[str]]:
        if language == "auto":
            found = detect(text, self.languages, self.settings.default_language)
            return found.language, [found.notice] if found.notice else []
        if language not in self.languages:
            raise ReplylintError(f"unknown language '{language}' (expected auto or one of: {', '.join(sorted(self.languages))})")
        return language, []

    def check(self, text: str, language: str = "auto", mode: str = "draft", placeholders=(), in_reply_to: str | None = None, customer_name: str = "") -> Result:
        code, notices = self.resolve_language(text, language)
        checker = self.checker(code)
        customer = self.customer_message(checker, in_reply_to, customer_name) if in_reply_to is not None else None
        violations, reply = checker.check(text, mode, placeholders, customer)
        return Result(code, violations, reply, notices)

    def customer_message(self, checker: LanguageChecker, text: str, name: str) -> CustomerMessage:
        found = detect(text, self.languages, self.settings.default_language)
        reply, matches = checker.analyze(text)
        return CustomerMessage(text, "" if found.notice else found.language, name or _signed_name(reply), reply, matches)


def _signed_name(reply: Reply) -> str:
    """'Thanks,\nJohn Smith' -> 'John Smith': a short first signature line that looks like a name."""
    if not reply.signature:
        return ""
    first_line = reply.text[reply.signature[0]:reply.signature[1]].splitlines()[0].strip(" ,.-")
    words = first_line.split()
    return " ".join(words) if 0 < len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) else ""


def _quote_header(patterns, origin: str):
    """One regex for all the lines that start a quoted earlier message: the first match of
    the alternation is the first match of any of them."""
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ReplylintError("quote_headers must be a list of regexes", origin)
    options = re2.Options()
    options.log_errors = False
    options.never_nl = False
    for pattern in patterns:
        try:
            re2.compile(f"(?m){pattern}", options)
        except re2.error as error:
            raise ReplylintError(f"invalid quote header regex {pattern!r}: {error}", origin) from None
    return re2.compile("(?m)" + "|".join(f"(?:{p})" for p in patterns), options) if patterns else None
