"""Formatters: functions from file reports to text. One module each; the registry is below."""

from importlib import import_module

FORMATS = {"text": "text", "json": "json"}


def formatter(name: str):
    return import_module(f"{__name__}.{FORMATS[name]}").render
