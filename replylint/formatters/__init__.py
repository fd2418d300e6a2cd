"""Formatters: functions from file reports to text, one module each."""

from importlib import import_module

FORMATS = ("text", "json", "sarif", "github", "junit")


def formatter(name: str):
    return import_module(f"{__name__}.{name}").render
