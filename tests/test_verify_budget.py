"""/v1/verify near its limits: 24 passages of 20,000 characters each cost 5.9 s of CPU per call, so the
passages of one call share a budget of characters (a 413 naming the setting), checked before any work."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve

SENTENCE = "The Business plan includes 1 TB of storage per user and costs $15 per user per month. "


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder) -> Iterator[str]:
    settings = open_settings(Path(tmp_path_factory.mktemp("verify-data")))
    ingest(settings, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(settings) as (base, _):
        yield base


def test_passages_over_the_budget_are_refused_at_once(url: str) -> None:
    passage = (SENTENCE * 240)[:20_000]  # at the per-passage limit
    body = {"answer": "The Business plan costs $15 per user per month.", "passages": [{"text": passage}] * 24}
    t0 = time.monotonic()
    r = httpx.post(url + "/v1/verify", json=body, timeout=120)
    assert r.status_code == 413, r.text[:300]
    assert "MAX_VERIFY_CHARS" in r.json()["error"]["message"]
    assert time.monotonic() - t0 < 2  # refused before the verifier runs


def test_passages_within_the_budget_are_verified(url: str) -> None:
    body = {"answer": "The Business plan costs $15 per user per month.", "passages": [{"text": SENTENCE * 20}] * 3}
    r = httpx.post(url + "/v1/verify", json=body, timeout=120)
    assert r.status_code == 200, r.text[:300]
    assert r.json()["claims"][0]["label"] == "supported"
