"""Statements of a text, through the shared parse (the `nlp` fixture of tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotetrail.extract import extract_statements
from quotetrail.records import Article, Statement


@pytest.fixture(scope="session")
def statements_of(nlp) -> Callable[..., list[Statement]]:
    def run(text: str, published: str | None = "2021-08-23") -> list[Statement]:
        return extract_statements(Article(id="test", text=text, published=published), nlp(text))

    return run
