"""`replylint mcp`: the Model Context Protocol over stdio (never a network port), with the
official SDK. Tools: lint_reply (the JSON report of one reply) and list_rules."""

from .api import Options, default_linter, lint_file
from .catalogue import catalogue
from .errors import ReplylintError
from .formatters.json import report_dict
from .model import MODES
from .process import settle


def lint_reply(text: str, language: str = "auto", customer_message: str | None = None, mode: str = "draft") -> dict:
    """Lint a draft customer-service reply. Returns replylint's JSON report (schema version 1):
    each violation with rule, level, message, line, column, the flagged text and a suggestion,
    plus a 0-100 score. Give the customer's message to check that every question is answered,
    the language matches and a complaint gets a remedy. mode: draft (about to be sent) or
    template (a canned response with placeholders)."""
    if mode not in MODES:
        return {"error": "mode must be draft or template"}
    linter = default_linter()
    try:
        report = lint_file(linter, "-", text, Options(language=language, mode=mode), customer_message)
    except ReplylintError as error:
        return {"error": str(error)}
    settle(linter.compiled_languages())
    return report_dict([report])


def list_rules(language: str | None = None) -> list[dict]:
    """The rules replylint checks: id, level, kind, languages, summary and the guideline behind it."""
    return [entry.listed() for entry in catalogue(language)]


def serve() -> None:
    from mcp.server.mcpserver import MCPServer

    from . import __version__

    server = MCPServer("replylint", version=__version__, instructions="Check a draft customer-service reply before sending it.")
    server.tool()(lint_reply)
    server.tool()(list_rules)
    settle(default_linter().compiled_languages())
    server.run("stdio")
