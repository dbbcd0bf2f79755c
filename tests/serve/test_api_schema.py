"""The API against its own OpenAPI schema, over the seed corpus: schemathesis makes requests
from the schema, valid and invalid, and every answer must be no server error and one the schema
documents (status, content type, headers, body). In-process, no network; short in `make test`
(QUOTETRAIL_FUZZ_EXAMPLES per operation and generation mode, default 10), longer with a larger
number."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from quotetrail.serve.api import create_app
from quotetrail.serve.dependencies import API

EXAMPLES = int(os.environ.get("QUOTETRAIL_FUZZ_EXAMPLES", "10"))
OPERATIONS = [
    (method.upper(), path)
    for path, methods in create_app(Path("schema-only.duckdb")).openapi()["paths"].items()
    for method in methods
]


@pytest.fixture(scope="module")
def schema(seed_db: Path) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi(f"{API}/openapi.json", create_app(seed_db))


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_api_answers_as_its_schema_documents(
    schema: schemathesis.BaseSchema, method: str, path: str
) -> None:
    operation = schema[path][method]
    cases = st.one_of(operation.as_strategy(generation_mode=mode) for mode in GenerationMode)

    @given(cases)
    @settings(
        max_examples=EXAMPLES * len(GenerationMode),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def answered_as_documented(case: schemathesis.Case) -> None:
        case.call_and_validate()

    answered_as_documented()
