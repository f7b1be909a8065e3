"""Load on loopback while an ingestion keeps replacing a document: no errors, and every citation of that
document quotes the text of a revision that existed (the index switch is atomic)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bench.load import run_load
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve

pytestmark = pytest.mark.slow


def test_answers_stay_consistent_during_ingestion(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    s = open_settings(tmp_path / "data")
    ingest(s, embedder, [CORPUS / "plans", CORPUS / "account"], "default")
    with serve(s) as (url, svc):
        svc.retriever.refresh_s = 0.2
        result = asyncio.run(run_load(url, "/v1/answer", concurrency=32, seconds=20, ingest_while=True))
    summary = result.summary()
    print(summary)  # the figures, for the record (not asserted: machines are noisy)
    assert result.errors == []
    assert result.inconsistent == []
    assert result.target_citations > 0, "the load never reached the document being replaced"
