"""The built-in rule kinds, one module each (registered as entry points in pyproject.toml)."""
