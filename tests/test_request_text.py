"""Text no UTF-8 can carry: a lone surrogate (`\\ud800`, legal in JSON's escapes) anywhere in a request is
a 422 naming the field, on every route that takes text, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve

LONE = "\\ud800"  # as a JSON escape: json.loads gives a str that cannot be encoded


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder) -> Iterator[str]:
    settings = open_settings(Path(tmp_path_factory.mktemp("text-data")))
    ingest(settings, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(settings) as (base, _):
        yield base


CASES = [
    ("/v1/chat/completions", '{"messages": [{"role": "user", "content": "Price? %s"}]}'),
    ("/v1/chat/completions", '{"messages": [{"role": "user", "content": [{"type": "text", "text": "Hi %s"}]}]}'),
    ("/v1/chat/completions", '{"messages": [{"role": "user", "content": "Price?", "name": "%s"}]}'),
    ("/v1/chat/completions", '{"model": "%s", "messages": [{"role": "user", "content": "Price?"}]}'),
    ("/v1/chat/completions", '{"messages": [{"role": "user", "content": "Price?"}], "user": "%s"}'),
    ("/v1/chat/completions", '{"messages": [{"role": "user", "content": "Price?"}], "stream": true, "x": ["%s"]}'),
    ("/v1/answer", '{"question": "Price? %s"}'),
    ("/v1/verify", '{"answer": "It costs $15.", "passages": [{"text": "It costs %s $15."}]}'),
]


@pytest.mark.parametrize(("path", "body"), CASES)
def test_a_lone_surrogate_is_a_422(url: str, path: str, body: str) -> None:
    r = httpx.post(url + path, content=(body % LONE).encode(), headers={"content-type": "application/json"}, timeout=60)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_request"
    if path == "/v1/chat/completions":
        assert "surrogate" in r.json()["error"]["message"], r.text
