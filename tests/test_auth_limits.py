"""Requests without a valid key are rate-limited too, per client address, before any key lookup: a flood
of made-up keys costs the store nothing past the budget, and a client with a good key keeps its own."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.security.keys import create_key
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder) -> Iterator[tuple[str, str]]:
    settings = open_settings(Path(tmp_path_factory.mktemp("limits-data"))).override(
        {"auth": {"mode": "keys", "key_cache_s": 300}, "rate_limit": {"requests_per_minute": 6, "burst": 3}}
    )
    ingest(settings, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(settings) as (url, svc):
        yield url, create_key(svc.store, "bot", ["query"], ["default"])[1]


def test_made_up_keys_are_rate_limited_and_a_good_key_is_not(stack: tuple[str, str]) -> None:
    url, key = stack
    good = {"Authorization": f"Bearer {key}"}
    assert httpx.get(url + "/v1/collections", headers=good).status_code == 200  # looked up once, then cached
    codes = [
        httpx.get(url + "/v1/collections", headers={"Authorization": f"Bearer tth_{uuid.uuid4().hex}"}).status_code
        for _ in range(8)
    ]
    assert codes[:3] == [401] * 3 and codes[-1] == 429, codes
    limited = httpx.get(url + "/v1/collections")  # no key at all: the same address budget
    assert limited.status_code == 429 and limited.headers["retry-after"]
    assert httpx.get(url + "/v1/collections", headers=good).status_code == 200
