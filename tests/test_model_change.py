"""A collection's vectors belong to one model: ingestion with another is refused, or re-embeds every chunk
as new rows when asked; a server whose model differs answers 409 instead of searching. The real MiniLM, and
a second real model made from its files (max pooling instead of mean: tests/support/models.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from sqlalchemy import select

from app.errors import ModelMismatch
from app.retrieval.model_check import ModelCheckedRetriever, ModelGuard
from app.services import make_ingestor
from app.settings import RetrievalSettings
from ingestion import embed_cache
from ingestion.catchup import open_snapshot
from ingestion.chunking import chunk_document
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.model_identity import ModelChanged
from ingestion.pipeline import Ingestor
from ingestion.settings import ChunkingSettings, EmbeddingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Collection, Document, Store, open_store
from ingestion.writer import embed_hash
from tests.support.models import max_pooling_model, projected_model
from tests.support.stack import ingest, open_settings, serve


@pytest.fixture(scope="module")
def other_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return max_pooling_model(tmp_path_factory.mktemp("maxpool") / "minilm-max")


@pytest.fixture(scope="module")
def other(other_path: Path) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(EmbeddingSettings(model_path=str(other_path)))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = open_store(database_url)
    yield s
    s.dispose()


def _ingestor(store: Store, data: Path, embedder: SentenceTransformerEmbedder, **limits: Any) -> Ingestor:
    return Ingestor(store, embedder, data, ChunkingSettings(), IndexSettings(), IngestLimits(**limits))


def _state(store: Store) -> tuple[Collection, dict[int, tuple[str, bytes]], dict[str, int]]:
    with store.session() as s:
        col = s.scalar(select(Collection).where(Collection.name == "kb"))
        assert col is not None
        chunks = {c.row: (c.id, c.vector) for c in s.scalars(select(Chunk))}
        revisions = {d.source: d.revision for d in s.scalars(select(Document))}
    return col, chunks, revisions


def test_the_second_model_is_another_identity_with_other_vectors(
    embedder: SentenceTransformerEmbedder, other: SentenceTransformerEmbedder
) -> None:
    a, b = embedder.identity, other.identity
    assert b.name == "minilm-max" and b.dim == a.dim and b.fingerprint != a.fingerprint
    texts = ["How do I reset my password?", "Refunds arrive within 5 to 10 business days."]
    cosines = np.sum(embedder.embed(texts) * other.embed(texts), axis=1)
    assert float(cosines.max()) < 0.99  # not a relabelled copy: its vectors are not comparable


def test_a_changed_model_is_refused_and_the_collection_is_left_as_it_was(
    store: Store,
    tmp_path: Path,
    small_corpus: Path,
    embedder: SentenceTransformerEmbedder,
    other: SentenceTransformerEmbedder,
) -> None:
    data = tmp_path / "data"
    _ingestor(store, data, embedder).ingest([small_corpus], "kb")
    before = _state(store)
    assert before[0].embedding_fingerprint == embedder.identity.fingerprint
    assert before[0].embedding_precision == embedder.precision.dtype and before[0].embedding_model == "all-MiniLM-L6-v2"

    unchanged = _ingestor(store, data, other).ingest([small_corpus], "kb")  # writes no vector: nothing to mix
    assert unchanged.chunks_written == 0 and unchanged.version == before[0].version
    (small_corpus / "plans" / "new-page.md").write_text("# New page\n\nThe Team plan starts on 1 March 2027.\n")
    with pytest.raises(ModelChanged) as refused:
        _ingestor(store, data, other).ingest([small_corpus], "kb")
    message = str(refused.value)
    assert "TETHER_INGEST__ON_MODEL_CHANGE=reembed" in message and "TETHER_EMBEDDING__MODEL_PATH" in message
    assert "all-MiniLM-L6-v2" in message and "minilm-max" in message
    after = _state(store)
    assert (after[0].version, after[1], after[2]) == (before[0].version, before[1], before[2])
    assert embed_cache.count(store) == 0  # refused before anything was embedded


def test_reembed_replaces_every_chunk_with_the_new_models_vectors(
    store: Store,
    tmp_path: Path,
    small_corpus: Path,
    embedder: SentenceTransformerEmbedder,
    other: SentenceTransformerEmbedder,
) -> None:
    data = tmp_path / "data"
    _ingestor(store, data, embedder).ingest([small_corpus], "kb")
    col0, chunks0, revisions0 = _state(store)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new-page.md").write_text("# New page\n\nThe Team plan starts on 1 March 2027.\n")

    # Only the new file is passed: the documents it does not name are re-embedded from the store.
    report = _ingestor(store, data, other, on_model_change="reembed").ingest([extra], "kb")
    assert report.errors == [] and report.documents_added == 1 and report.documents_updated == 0
    assert report.documents_reembedded == len(revisions0)
    assert report.chunks_written == report.chunks_total and report.chunks_unchanged == 0
    col, chunks, revisions = _state(store)
    assert col.version == col0.version + 1 and col.embedding_fingerprint == other.identity.fingerprint
    assert col.embedding_model == "minilm-max" and col.embedding_precision == other.precision.dtype
    assert not set(chunks) & set(chunks0)  # every row new: no vector changed in place
    assert {k: v for k, v in revisions.items() if k in revisions0} == revisions0  # same content, same revision
    # Every stored vector is the new model's vector of the chunk's embedded text.
    with store.session() as s:
        docs = list(s.scalars(select(Document)))
        stored = {c.embed_hash: np.frombuffer(c.vector, dtype="<f4") for c in s.scalars(select(Chunk))}
    spans = [c for d in docs for c in chunk_document(d.text, d.title, other.count_tokens, 256, 1, other.token_spans)]
    expected = dict(zip((embed_hash(c) for c in spans), other.embed([c.embed_text for c in spans]), strict=True))
    assert set(expected) == set(stored)
    assert all(np.allclose(stored[h], expected[h], atol=1e-4) for h in stored)
    snap = open_snapshot(data, store, col, IndexSettings())
    assert snap.version == col.version and set(snap.live_rows().tolist()) == set(chunks)

    again = _ingestor(store, data, other).ingest([extra], "kb")  # now the collection's own model
    assert again.errors == [] and again.chunks_embedded == 0
    (extra / "new-page.md").write_text("# New page\n\nThe Team plan starts on 1 April 2027.\n")
    with pytest.raises(ModelChanged):  # and the first model is now the stranger
        _ingestor(store, data, embedder).ingest([extra], "kb")


def test_a_server_with_another_model_answers_409_until_the_collection_is_reembedded(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder, other_path: Path
) -> None:
    data = tmp_path / "data"
    ingest(open_settings(data), embedder, [small_corpus], "default")
    settings = open_settings(data).override({"embedding.model_path": str(other_path)})
    question = {"question": "How much storage does the Business plan include?"}
    with serve(settings) as (url, svc):
        for path in ("/v1/retrieve", "/v1/answer"):
            r = httpx.post(url + path, json=question, timeout=60)
            assert r.status_code == 409, r.text
            err = r.json()["error"]
            assert err["code"] == "model_mismatch" and "TETHER_INGEST__ON_MODEL_CHANGE=reembed" in err["message"]
            assert "all-MiniLM-L6-v2" in err["message"] and "minilm-max" in err["message"]
        listed = httpx.get(url + "/v1/collections", timeout=30).json()["collections"]
        assert [(c["name"], c["model_match"]) for c in listed] == [("default", False)]
        assert listed[0]["embedding_model"]["fingerprint"] == embedder.identity.fingerprint
        ready = httpx.get(url + "/readyz", timeout=30)
        assert ready.status_code == 200 and ready.json()["model_match"] is False
        assert ready.json()["model"] == str(svc.embedder.identity)
        upload = httpx.put(url + "/v1/collections/default/documents/new.md", content=b"# New\n\nA new page.\n")
        assert upload.status_code == 409 and upload.json()["error"]["code"] == "model_mismatch", upload.text

        # Re-embedding (here as `tether ingest` would, beside the running server) makes it searchable.
        reembed = settings.override({"ingest.on_model_change": "reembed"})
        report = make_ingestor(reembed, svc.store, svc.embedder).ingest([small_corpus], "default")
        assert report.documents_reembedded > 0 and report.errors == []
        deadline = time.monotonic() + 30  # the server notices a new version within its refresh interval
        while (r := httpx.post(url + "/v1/retrieve", json=question, timeout=60)).status_code == 409:
            assert time.monotonic() < deadline, r.text
            time.sleep(0.2)
        assert r.status_code == 200 and r.json()["passages"], r.text
        assert httpx.get(url + "/readyz", timeout=30).json()["model_match"] is True


def test_a_collection_from_before_fingerprints_is_adopted_or_reembedded_when_asked(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'tether.db'}")
    data = tmp_path / "data"

    def as_before_0005() -> None:
        with store.session() as s:
            col = s.scalar(select(Collection).where(Collection.name == "kb"))
            assert col is not None
            col.embedding_fingerprint = col.embedding_precision = None

    try:
        first = _ingestor(store, data, embedder).ingest([small_corpus], "kb")
        as_before_0005()
        (small_corpus / "plans" / "new-page.md").write_text("# New page\n\nThe Team plan starts on 1 March 2027.\n")
        adopted = _ingestor(store, data, embedder).ingest([small_corpus], "kb")  # same width: cannot tell, adopted
        assert adopted.documents_added == 1 and adopted.documents_reembedded == 0 and adopted.chunks_unchanged > 0
        col, _, _ = _state(store)
        assert col.embedding_fingerprint == embedder.identity.fingerprint and col.embedding_precision is None
        as_before_0005()
        redone = _ingestor(store, data, embedder, on_model_change="reembed").ingest([small_corpus], "kb")
        assert redone.documents_reembedded == first.documents_added + 1 and redone.chunks_unchanged == 0
        col, _, _ = _state(store)
        assert col.embedding_fingerprint == embedder.identity.fingerprint
        assert col.embedding_precision == embedder.precision.dtype  # every vector is this run's now
    finally:
        store.dispose()


@pytest.mark.slow
def test_a_replica_of_the_new_model_serves_a_collection_reembedded_into_another_width(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    """The replica (its own data dir, the new 128-d model) holds a view of the 384-d version, refusing it
    with 409; once the writer re-embeds, it catches up from the store and searches the new width only."""
    narrow = SentenceTransformerEmbedder(EmbeddingSettings(model_path=str(projected_model(tmp_path / "minilm-128"))))
    store = open_store(f"sqlite:///{tmp_path / 'tether.db'}")
    try:
        _ingestor(store, tmp_path / "writer", embedder).ingest([small_corpus], "kb")
        guard = ModelGuard(store, lambda: narrow.identity)
        replica = ModelCheckedRetriever(
            store, narrow, tmp_path / "replica", IndexSettings(), RetrievalSettings(), refresh_s=0, guard=guard
        )
        question = "How much storage does the Business plan include?"
        with pytest.raises(ModelMismatch):
            replica.retrieve(question, "kb", 3)
        report = _ingestor(store, tmp_path / "writer", narrow, on_model_change="reembed").ingest([small_corpus], "kb")
        assert report.errors == [] and report.documents_reembedded > 0
        col, chunks, _ = _state(store)
        assert col.dim == 128 and {len(v) for _, v in chunks.values()} == {128 * 4}
        found = replica.retrieve(question, "kb", 3)
        assert found.passages and found.query_vector.shape == (128,)
        assert set(replica.view("kb").snapshot.live_rows().tolist()) == set(chunks)
    finally:
        store.dispose()
