"""Index segments: a change costs one segment and deletion markers, merges keep results, readers behind the
store catch up from its rows (real model, FAISS, bm25s and database)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from app.retrieval.hybrid import Retriever
from app.retrieval.view import StaleView
from app.settings import RetrievalSettings
from cli.main import app
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.manifests import collection_dir, read_manifest
from ingestion.merging import merge, plan_merges
from ingestion.pipeline import Ingestor
from ingestion.segments import segments_dir
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Store, open_store
from ingestion.writer import remove_documents

QUESTIONS = ["How much storage does the Business plan include?", "How do I reset my password?", "refund"]


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = open_store(database_url)
    yield s
    s.dispose()


def _rows(store: Store) -> set[int]:
    with store.session() as s:
        return set(s.scalars(select(Chunk.row)))


def _page(folder: Path, i: int, fact: str = "") -> None:
    (folder / f"page-{i}.md").write_text(f"# Page {i}\n\nPage {i} says the courier code is {i * 7}. {fact}\n")


def _ingested(
    store: Store,
    embedder: SentenceTransformerEmbedder,
    data: Path,
    corpus: Path,
    collection: str = "kb",
    settings: IndexSettings | None = None,
) -> Ingestor:
    """An ingestor over `data`, after a first ingestion of `corpus`."""
    ing = Ingestor(store, embedder, data, ChunkingSettings(), settings or IndexSettings(), IngestLimits())
    ing.ingest([corpus], collection)
    return ing


def _ranked(retriever: Retriever, data: Path) -> list[list[str]]:
    return [[p.chunk_id for p in retriever.retrieve(q, "kb", 5).passages] for q in QUESTIONS]


def test_replace_writes_one_segment_and_markers(
    store: Store, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    data = tmp_path / "data"
    ing = _ingested(store, embedder, data, small_corpus)
    first = read_manifest(data, "kb")
    assert first is not None and len(first.segments) == 1 and not len(first.deleted)
    old_rows = _rows(store)

    page = small_corpus / "account" / "reset-password.md"
    page.write_text(page.read_text() + "\n\n## Colour\n\nThe reset page is painted teal.\n")
    report = ing.ingest([small_corpus], "kb")
    m = read_manifest(data, "kb")
    assert m is not None and m.version == report.version == first.version + 1
    assert len(m.segments) == 2 and m.segments[0] == first.segments[0]  # the first segment is untouched
    rows = _rows(store)
    assert set(m.deleted.tolist()) == old_rows - rows  # exactly the replaced document's old chunks
    new = np.load(segments_dir(collection_dir(data, "kb")) / m.segments[1] / "lexical" / "rows.npy")
    assert set(new.tolist()) == rows - old_rows  # the new segment holds only what changed

    retriever = Retriever(store, embedder, data, IndexSettings(), RetrievalSettings())
    snap = retriever.view("kb").snapshot
    assert set(snap.live_rows().tolist()) == rows and snap.size == len(rows)
    hits = retriever.retrieve("What colour is the reset page painted?", "kb", 5).passages
    assert any("painted teal" in p.text for p in hits)


def test_merges_keep_results_and_drop_markers(
    store: Store, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    data = tmp_path / "data"
    settings = IndexSettings(merge_factor=3, purge_deleted=0.9)
    ing = _ingested(store, embedder, data, small_corpus, settings=settings)
    extra = small_corpus / "extra"
    extra.mkdir()
    for i in range(4):  # small segments: the tiered policy merges three of one tier into one
        _page(extra, i)
        ing.ingest([small_corpus], "kb", sync=True)
    m = read_manifest(data, "kb")
    # 1 large + 4 small: the first three small ones became one, the fourth waits for two more of its tier.
    assert m is not None and len(m.segments) == 3
    retriever = Retriever(store, embedder, data, settings, RetrievalSettings(), refresh_s=0)
    before = _ranked(retriever, data)
    (extra / "page-0.md").unlink()
    ing.ingest([small_corpus], "kb", sync=True)
    assert len(read_manifest(data, "kb").deleted)  # type: ignore[union-attr]
    before = _ranked(retriever, data)

    report = merge(store, data, "kb", settings, everything=True)
    after_m = read_manifest(data, "kb")
    assert after_m is not None and len(after_m.segments) == 1 and not len(after_m.deleted)
    assert report.rows_purged > 0 and report.rows_written == len(_rows(store))
    assert _ranked(retriever, data) == before  # a merge changes no content
    assert {p.name for p in segments_dir(collection_dir(data, "kb")).iterdir()} <= set(after_m.segments) | set(
        m.segments
    ) | set(read_manifest(data, "kb").segments)  # type: ignore[union-attr]


def test_plan_merges_tiers_and_purges() -> None:
    s = IndexSettings(merge_factor=3, purge_deleted=0.5)
    assert plan_merges({"a": (1000, 0), "b": (10, 0), "c": (12, 0)}, s) == []
    assert plan_merges({"a": (1000, 0), "b": (10, 0), "c": (12, 0), "d": (9, 0)}, s) == [["b", "c", "d"]]
    assert plan_merges({"a": (1000, 600), "b": (10, 0)}, s) == [["a"]]


def test_reader_with_own_data_dir_catches_up_from_the_store(
    store: Store, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    """A replica keeps no manifest of its own: it follows the store's rows, loading only what changed."""
    ing = _ingested(store, embedder, tmp_path / "writer", small_corpus)
    replica = Retriever(store, embedder, tmp_path / "replica", IndexSettings(), RetrievalSettings(), refresh_s=0)
    v1 = replica.view("kb")
    assert v1.version == 1 and set(v1.snapshot.live_rows().tolist()) == _rows(store)

    extra = small_corpus / "extra"
    extra.mkdir()
    _page(extra, 1, "The courier leaves at dawn.")
    (small_corpus / "account" / "reset-password.md").unlink()
    ing.ingest([small_corpus], "kb", sync=True)
    v2 = replica.view("kb")
    assert v2.version == 2 and set(v2.snapshot.live_rows().tolist()) == _rows(store)
    assert v2.snapshot.segments[0] is v1.snapshot.segments[0]  # the old segment is reused, not rebuilt
    assert len(v2.snapshot.segments) == 2 and len(v2.snapshot.manifest.deleted)
    assert "courier" in replica.retrieve("When does the courier leave?", "kb", 3).passages[0].text
    assert not (tmp_path / "replica" / "indexes").exists()  # nothing of the writer's disk was read or copied


def test_a_view_whose_rows_are_gone_is_stale_and_retrieval_moves_on(
    store: Store, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    data = tmp_path / "data"
    _ingested(store, embedder, data, small_corpus)
    retriever = Retriever(store, embedder, data, IndexSettings(), RetrievalSettings(), refresh_s=3600)
    old = retriever.view("kb")
    remove_documents(store, data, IndexSettings(), "kb", ["account/reset-password.md"])
    with pytest.raises(StaleView):
        old.fetch(store, sorted(old.snapshot.live_rows().tolist()))
    # The cached view is an hour from its next poll, yet no passage of the removed document comes back.
    result = retriever.retrieve("How do I reset my password?", "kb", 5)
    assert result.collection_version == old.version + 1
    assert all(p.source != "account/reset-password.md" for p in result.passages)


def test_older_layout_is_rebuilt_from_the_store(
    store: Store, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    data = tmp_path / "data"
    ing = _ingested(store, embedder, data, small_corpus)
    cdir = collection_dir(data, "kb")
    (cdir / "v1").mkdir()
    (cdir / "CURRENT").write_text("1")  # what the single-snapshot layout wrote
    assert read_manifest(data, "kb") is None
    (small_corpus / "extra").mkdir()
    _page(small_corpus / "extra", 2)
    ing.ingest([small_corpus], "kb")
    m = read_manifest(data, "kb")
    assert m is not None and m.version == 2 and not (cdir / "v1").exists()
    retriever = Retriever(store, embedder, data, IndexSettings(), RetrievalSettings())
    assert set(retriever.view("kb").snapshot.live_rows().tolist()) == _rows(store)


def test_index_cli_status_and_merge(tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder) -> None:
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(f"sqlite:///{(data / 'tether.db').resolve()}")
    ing = _ingested(store, embedder, data, small_corpus, "default")
    (small_corpus / "account" / "reset-password.md").unlink()
    ing.ingest([small_corpus], "default", sync=True)
    store.dispose()
    runner = CliRunner()
    status = runner.invoke(app, ["--data-dir", str(data), "index", "status", "--json"])
    assert status.exit_code == 0, status.output
    out = json.loads(status.output)
    assert out["index_version"] == out["store_version"] == 2 and out["deleted"] > 0
    assert sum(s["rows"] for s in out["segments"]) - out["deleted"] == out["live_rows"]
    merged = runner.invoke(app, ["--data-dir", str(data), "index", "merge", "--all", "--json"])
    assert merged.exit_code == 0, merged.output
    after = json.loads(runner.invoke(app, ["--data-dir", str(data), "index", "status", "--json"]).output)
    assert len(after["segments"]) == 1 and after["deleted"] == 0 and after["live_rows"] == out["live_rows"]
    unknown = runner.invoke(app, ["--data-dir", str(data), "index", "status", "-c", "nope", "--json"])
    assert unknown.exit_code == 2 and "unknown collection" in unknown.output
