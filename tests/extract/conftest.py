"""The parse every extraction test needs: the shared pipeline with line breaks as sentence starts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotetrail.extract import extract_statements
from quotetrail.extract.segment import with_line_breaks
from quotetrail.nlp import load_pipeline
from quotetrail.records import Article, Statement


@pytest.fixture(scope="session")
def nlp():
    return with_line_breaks(load_pipeline())


@pytest.fixture(scope="session")
def statements_of(nlp) -> Callable[..., list[Statement]]:
    def run(text: str, published: str | None = "2021-08-23") -> list[Statement]:
        return extract_statements(Article(id="test", text=text, published=published), nlp(text))

    return run
