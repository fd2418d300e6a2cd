"""replylint: a linter for customer-service replies.

    from replylint import lint
    report = lint("Hi Jane,\\n\\nThanks for writing ...")
"""

__version__ = "0.1.0"


def lint(text: str, language: str = "auto", **options):
    """Lint one reply; see replylint.api.lint. Imported lazily to keep `import replylint` light."""
    from .api import lint as _lint

    return _lint(text, language, **options)


__all__ = ["lint", "__version__"]
