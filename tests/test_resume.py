"""A large ingestion that dies mid-way keeps the vectors it committed: the rerun embeds only the rest and
ends with the store an uninterrupted run makes. (A real SIGKILL: tests/test_crash_safety.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select

from ingestion import embed_cache
from ingestion.embedder import ModelEmbedder, ModelEmbedderFront, SentenceTransformerEmbedder
from ingestion.pipeline import Ingestor
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Collection, Document, EmbeddingCache, Store, open_store
from ingestion.writer import IngestReport

BATCH = 8


class DiesOnCall(ModelEmbedderFront):
    """The real embedder, but its `n`-th call raises (a crash the run cannot survive) after computing."""

    def __init__(self, inner: SentenceTransformerEmbedder, n: int) -> None:
        super().__init__(inner)
        self.n, self.calls = n, 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        vectors = self.inner.embed(texts)
        if self.calls == self.n:
            raise MemoryError("the run dies here")
        return vectors


def _run(store: Store, data: Path, embedder: ModelEmbedder, corpus: Path) -> IngestReport:
    limits = IngestLimits(embed_commit_every=BATCH)
    return Ingestor(store, embedder, data, ChunkingSettings(), IndexSettings(), limits).ingest(
        [corpus], "kb", sync=True
    )


def _contents(store: Store) -> tuple[list[Any], list[Any], list[np.ndarray]]:
    with store.session() as s:
        docs = [(d.source, d.content_hash, d.revision) for d in s.scalars(select(Document).order_by(Document.source))]
        chunks = list(s.scalars(select(Chunk).order_by(Chunk.row)))
    rows = [(c.row, c.id, c.doc_id, c.ord, c.start, c.end, c.text, c.embed_hash) for c in chunks]
    return docs, rows, [np.frombuffer(c.vector, dtype="<f4") for c in chunks]


def test_a_run_that_dies_mid_embedding_resumes_where_it_stopped(
    database_url: str, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    whole = open_store(f"sqlite:///{tmp_path / 'whole.db'}")
    store = open_store(database_url)
    try:
        full = _run(whole, tmp_path / "whole", embedder, small_corpus)
        total = full.chunks_embedded
        assert total > 3 * BATCH, "the corpus must span several batches"

        with pytest.raises(MemoryError):
            _run(store, tmp_path / "data", DiesOnCall(embedder, 3), small_corpus)
        with store.session() as s:  # nothing of the run is visible but the vectors it committed
            assert s.scalar(select(Collection.version).where(Collection.name == "kb")) == 0
            assert s.scalar(select(Chunk.row).limit(1)) is None
        assert embed_cache.count(store) == 2 * BATCH  # the third batch died before its commit

        again = _run(store, tmp_path / "data", embedder, small_corpus)
        assert again.errors == []
        assert (again.chunks_resumed, again.chunks_embedded) == (2 * BATCH, total - 2 * BATCH)
        assert embed_cache.count(store) == 0  # emptied once the run committed
        docs, rows, vectors = _contents(store)
        docs_w, rows_w, vectors_w = _contents(whole)
        assert docs == docs_w and rows == rows_w
        assert all(np.allclose(a, b, atol=1e-5) for a, b in zip(vectors, vectors_w, strict=True))
    finally:
        whole.dispose()
        store.dispose()


def test_saved_vectors_of_another_model_or_precision_are_not_taken(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'tether.db'}")
    try:
        with pytest.raises(MemoryError):
            _run(store, tmp_path / "data", DiesOnCall(embedder, 2), small_corpus)
        assert embed_cache.count(store) == BATCH
        with store.session() as s:  # as if the run had used another precision
            other = "bf16" if embedder.precision.dtype == "fp32" else "fp32"
            for row in s.scalars(select(EmbeddingCache)):
                row.model = embed_cache.model_key(embedder.identity, other)
        again = _run(store, tmp_path / "data", embedder, small_corpus)
        assert again.chunks_resumed == 0 and again.chunks_embedded == again.chunks_written
        assert embed_cache.count(store) == 0
    finally:
        store.dispose()
