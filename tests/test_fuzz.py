"""Fuzz the HTTP API from its own OpenAPI schema (schemathesis strategies driven by hypothesis): no input,
valid or not, may cause a 5xx, and every error is a JSON {"error": ...} body."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve

pytestmark = pytest.mark.slow
EXAMPLES = 30  # per operation


def _fuzz(op: Any, url: str, failures: list[str], calls: list[int]) -> Any:
    @given(case=op.as_strategy())
    @settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
    )
    def check(case: Any) -> None:
        response = case.call(base_url=url, timeout=60)
        calls.append(response.status_code)
        if response.status_code >= 500:
            failures.append(f"{op.label}: {response.status_code} {response.text[:200]} for {case.body!r}")
        elif response.status_code >= 400 and "error" not in response.json():
            failures.append(f"{op.label}: {response.status_code} without an error body")

    return check


def test_no_input_causes_a_server_error(tmp_path: Any, embedder: SentenceTransformerEmbedder) -> None:
    s = open_settings(tmp_path / "data")
    ingest(s, embedder, [CORPUS / "plans", CORPUS / "faq"], "default")
    failures: list[str] = []
    calls: list[int] = []
    with serve(s) as (url, _):
        schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
        operations = [r.ok() for r in schema.get_all_operations()]
        assert len(operations) >= 12
        for op in operations:
            _fuzz(op, url, failures, calls)()
    assert failures == []
    assert len(calls) >= 5 * len(operations)  # the fuzzer really exercised every operation
    assert any(400 <= c < 500 for c in calls) and any(c == 200 for c in calls)
