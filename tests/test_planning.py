"""A run that names some files reads only what they touch, and still refuses twins against the whole
store; the collection's chunk count, kept by each commit, stays exact (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.known import StoredDocuments
from ingestion.pipeline import Ingestor
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Collection, Document, Store, open_store
from ingestion.writer import IngestReport, remove_documents

BODY = b"# Note\n\nA note about storage on the Free plan.\n"


@pytest.fixture
def ingestor(database_url: str, tmp_path: Path, embedder: SentenceTransformerEmbedder) -> Iterator[Ingestor]:
    store = open_store(database_url)
    yield Ingestor(store, embedder, tmp_path / "data", ChunkingSettings(), IndexSettings(), IngestLimits())
    store.dispose()


def _write(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def _collection_id(store: Store, name: str) -> int:
    with store.session() as s:
        col_id = s.scalar(select(Collection.id).where(Collection.name == name))
    assert col_id is not None
    return col_id


def test_one_file_reads_its_own_documents_and_the_names_it_could_clash_with(ingestor: Ingestor, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    faq = b"question,answer\nRefunds?,Within 30 days.\nStorage?,5 GB on the Free plan.\n"
    _write(kb, {"faq.csv": faq, "Notes.md": BODY} | {f"other-{i}.md": BODY for i in range(6)})
    assert ingestor.ingest([kb], "kb").errors == []
    stored = StoredDocuments(ingestor.store, _collection_id(ingestor.store, "kb"), ["faq.csv"])
    records = stored.of_file("faq.csv")
    assert len(records) == 2 and {d.file_path for d in records} == {"faq.csv"}
    assert len(stored) == 2  # not the other seven
    assert stored.twin("NOTES.md") == "Notes.md" and stored.get("Notes.md") is not None
    assert len(stored) == 3
    assert stored.twin("nothing-like-it.md") is None and len(stored) == 3
    everything = StoredDocuments(ingestor.store, _collection_id(ingestor.store, "kb"), None)
    assert len(everything) == 9


@pytest.mark.parametrize("twin", ["notes.md", "NOTES.md", "NOT\u00c9S.md", "NOTE\u0301S.md"])
def test_a_twin_ingested_alone_is_refused_by_the_stored_key(ingestor: Ingestor, tmp_path: Path, twin: str) -> None:
    """The collection holds "Notes.md" and "Notés.md"; a run given only a twin's file (in another case, and
    in NFD) must find it in the store, though it no longer reads the collection's other documents."""
    kb, lone = tmp_path / "kb", tmp_path / "lone"
    _write(kb, {"Notes.md": BODY, "Not\u00e9s.md": BODY} | {f"other-{i}.md": BODY for i in range(4)})
    assert ingestor.ingest([kb], "kb").errors == []
    _write(lone, {twin: BODY + b"\nA second line.\n"})
    report = ingestor.ingest([lone / twin], "kb")
    assert report.documents_failed == 1 and report.documents_added == 0, report
    assert "only in case or Unicode form" in report.errors[0]["error"]
    with ingestor.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 6


def test_the_stored_source_itself_is_no_twin(ingestor: Ingestor, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    _write(kb, {"Notes.md": BODY, "other.md": BODY})
    ingestor.ingest([kb], "kb")
    (kb / "Notes.md").write_bytes(BODY + b"\nChanged.\n")
    report = ingestor.ingest([kb / "Notes.md"], "kb")
    assert report.errors == [] and report.documents_updated == 1


def _counted(store: Store, report: IngestReport | None = None) -> int:
    """The stored chunk count, after checking it against a count of the rows (and the report's total)."""
    with store.session() as s:
        rows = s.scalar(select(func.count()).select_from(Chunk))
        kept = s.scalar(select(Collection.chunk_count).where(Collection.name == "kb"))
    assert kept == rows
    if report is not None:
        assert report.chunks_total == rows and report.chunks_written + report.chunks_unchanged == rows
    assert rows is not None
    return rows


def _sections(n: int) -> bytes:
    words = ["storage", "plan", "refund", "invoice", "team", "seat", "export", "archive"]
    parts = [f"## Part {i}\n\n" + " ".join(words[(i + k) % len(words)] for k in range(180)) for i in range(n)]
    return ("# Long\n\n" + "\n\n".join(parts) + "\n").encode()


def test_the_chunk_count_stays_exact_through_add_replace_and_delete(ingestor: Ingestor, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    _write(kb, {"long.md": _sections(6), "a.md": BODY, "b.md": b"# B\n\nRefunds within 30 days.\n"})
    store = ingestor.store
    first = _counted(store, ingestor.ingest([kb], "kb"))
    assert first > 3
    (kb / "long.md").write_bytes(_sections(2))  # replaced by fewer chunks
    fewer = _counted(store, ingestor.ingest([kb / "long.md"], "kb"))
    assert 3 <= fewer < first
    (kb / "long.md").write_bytes(_sections(9))  # and by more
    more = _counted(store, ingestor.ingest([kb / "long.md"], "kb"))
    assert more > first
    assert _counted(store, ingestor.ingest([kb], "kb")) == more  # nothing changed
    _write(kb, {"c.md": b"# C\n\nSeats are billed monthly.\n"})
    assert _counted(store, ingestor.ingest([kb / "c.md"], "kb")) == more + 1
    removed, _ = remove_documents(store, ingestor.data_dir, IndexSettings(), "kb", ["a.md"])
    assert removed == ["a.md"] and _counted(store) == more
    (kb / "long.md").unlink()
    synced = ingestor.ingest([kb], "kb", sync=True)  # long.md goes, a.md (still on disk) comes back
    assert (synced.documents_deleted, synced.documents_added) == (1, 1) and _counted(store, synced) == 3
