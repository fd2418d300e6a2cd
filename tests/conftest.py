import pytest

from replylint.linter import Linter


@pytest.fixture(scope="session")
def linter():
    return Linter()
