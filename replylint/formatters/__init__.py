"""Formatters, one module each: `render(reports, **options)` takes file reports as they come
(an iterable) and yields the report's text in pieces, so a long run is written as it goes."""

from importlib import import_module

FORMATS = ("text", "json", "sarif", "github", "junit")


def formatter(name: str):
    return import_module(f"{__name__}.{name}").render
