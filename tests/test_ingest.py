"""Ingestion end to end with the real model, real FAISS and a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from ingestion.catchup import open_snapshot
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.locking import IngestionLocked, writer_lock
from ingestion.manifests import current_version
from ingestion.pipeline import Ingestor
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.snapshot import read_snapshot
from ingestion.store import Chunk, Collection, Document, Store, open_store
from ingestion.writer import IngestReport, remove_documents

_OPEN: list[Store] = []


@pytest.fixture(autouse=True)
def _dispose_stores() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().dispose()


def _ingestor(url: str, data_dir: Path, embedder: SentenceTransformerEmbedder, **limits: int) -> Ingestor:
    store = open_store(url)
    _OPEN.append(store)
    return Ingestor(store, embedder, data_dir, ChunkingSettings(), IndexSettings(), IngestLimits(**limits))


def _chunks(store: Store) -> list[Chunk]:
    with store.session() as s:
        return list(s.scalars(select(Chunk).order_by(Chunk.row)))


def _docs(store: Store) -> dict[str, Document]:
    with store.session() as s:
        return {d.source: d for d in s.scalars(select(Document))}


def test_spans_exact_and_tokens_within_limit(
    database_url: str, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    ing = _ingestor(database_url, tmp_path / "data", embedder)
    report = ing.ingest([small_corpus], "kb")
    assert report.errors == [] and report.documents_added >= 5
    docs = {d.id: d for d in _docs(ing.store).values()}
    chunks = _chunks(ing.store)
    assert report.chunks_embedded == len(chunks) > 0
    limit = embedder.max_tokens
    counts = embedder.count_tokens([c.text for c in chunks])
    for c, n in zip(chunks, counts, strict=True):
        text = docs[c.doc_id].text
        assert text[c.start : c.end] == c.text
        for s, e in c.sentences:
            assert c.start <= s < e <= c.end and text[s:e].strip() == text[s:e]
        assert c.n_tokens <= min(limit, ChunkingSettings().max_tokens) and n <= limit
    # Every FAISS row is a chunk row in the store, and vice versa.
    coll = _collection(ing.store, "kb")
    snap = open_snapshot(tmp_path / "data", ing.store, coll, IndexSettings())
    assert snap.version == coll.version == current_version(tmp_path / "data", "kb")
    stored_rows = sorted(c.row for c in chunks)
    assert snap.live_rows().tolist() == stored_rows


def _collection(store: Store, name: str) -> Collection:
    with store.session() as s:
        col = s.scalar(select(Collection).where(Collection.name == name))
        assert col is not None
        return col


def test_reingest_is_incremental(
    database_url: str, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    ing = _ingestor(database_url, tmp_path / "data", embedder)
    first = ing.ingest([small_corpus], "kb")
    ids_before = {s: d.id for s, d in _docs(ing.store).items()}

    again = ing.ingest([small_corpus], "kb")
    assert again.chunks_embedded == 0
    assert again.documents_unchanged == first.documents_added and again.documents_added == 0
    assert again.version == first.version  # nothing changed, no new snapshot

    md = small_corpus / "plans" / "storage-limits.md"
    text = md.read_text()
    md.write_text(text + "\n\nA brand new closing paragraph about quota alerts at 90 percent.\n")
    edited = ing.ingest([small_corpus], "kb")
    assert edited.documents_updated == 1 and edited.documents_added == 0
    n_doc_chunks = sum(1 for c in _chunks(ing.store) if c.doc_id == ids_before["plans/storage-limits.md"])
    # Only the chunks whose text changed are embedded again; the rest reuse stored vectors.
    assert 1 <= edited.chunks_embedded < n_doc_chunks
    assert edited.chunks_reused >= 1
    assert {s: d.id for s, d in _docs(ing.store).items()} == ids_before  # ids are stable
    assert _docs(ing.store)["plans/storage-limits.md"].revision == 2
    assert edited.version == first.version + 1


def test_sync_removes_deleted_files(
    database_url: str, tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    data = tmp_path / "data"
    ing = _ingestor(database_url, data, embedder)
    ing.ingest([small_corpus], "kb")
    gone = _docs(ing.store)["account/reset-password.md"]
    (small_corpus / "account" / "reset-password.md").unlink()

    no_sync = ing.ingest([small_corpus], "kb")
    assert no_sync.documents_deleted == 0 and "account/reset-password.md" in _docs(ing.store)

    synced = ing.ingest([small_corpus], "kb", sync=True)
    assert synced.documents_deleted == 1 and synced.chunks_embedded == 0
    assert "account/reset-password.md" not in _docs(ing.store)
    rows = {c.row for c in _chunks(ing.store)}
    snap = read_snapshot(data, "kb", IndexSettings())
    assert snap is not None and snap.size == len(rows)
    q = embedder.embed([gone.text[:500]])
    _, hits = snap.search_dense(q[0], 10)
    assert len(hits) and set(hits.tolist()) <= rows  # no row of the deleted document is left in the index
    assert not {r for r, _ in snap.search_lexical(gone.text[:300], 50)} - rows


def test_torture_folder_reports_each_bad_file(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    bad = small_corpus / "bad"
    bad.mkdir()
    (bad / "empty.md").write_bytes(b"")
    (bad / "binary.md").write_bytes(bytes(range(256)) * 4)
    pdf = next(small_corpus.rglob("*.pdf"), None)
    (bad / "truncated.pdf").write_bytes(pdf.read_bytes()[:400] if pdf else b"%PDF-1.4\n1 0 obj")
    (bad / "latin1.txt").write_bytes("Prix: 9,99 \xe9".encode("latin-1"))
    (bad / "huge.txt").write_bytes(b"big file line\n" * 100_000)
    (bad / "notes.docx").write_bytes(b"PK\x03\x04")
    ing = _ingestor(f"sqlite:///{tmp_path / 't.db'}", tmp_path / "data", embedder, max_file_bytes=1_000_000)
    report = ing.ingest([small_corpus], "kb")
    failed = {Path(e["path"]).name: e["error"] for e in report.errors}
    assert set(failed) == {"empty.md", "binary.md", "truncated.pdf", "latin1.txt", "huge.txt", "notes.docx"}
    assert "empty" in failed["empty.md"] and "over the limit" in failed["huge.txt"]
    assert "unsupported" in failed["notes.docx"] and "UTF-8" in failed["latin1.txt"]
    assert report.documents_failed == 6
    good = {s for s in _docs(ing.store) if not s.startswith("bad/")}
    assert len(good) == report.documents_added >= 5


def test_a_file_that_goes_bad_keeps_its_previous_version(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    ing = _ingestor(f"sqlite:///{tmp_path / 't.db'}", tmp_path / "data", embedder)
    ing.ingest([small_corpus], "kb")
    (small_corpus / "account" / "reset-password.md").write_bytes(b"\xff\xfe broken")
    report = ing.ingest([small_corpus], "kb", sync=True)
    assert report.documents_failed == 1 and report.documents_deleted == 0
    assert "account/reset-password.md" in _docs(ing.store)


def test_one_writer_at_a_time(tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder) -> None:
    data = tmp_path / "data"
    ing = _ingestor(f"sqlite:///{tmp_path / 't.db'}", data, embedder)
    with writer_lock(data), pytest.raises(IngestionLocked, match="another ingestion"):
        ing.ingest([small_corpus], "kb")


@pytest.mark.postgres
def test_one_writer_across_data_dirs_on_postgres(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder, postgres_server_url: str
) -> None:
    """Replicas on other hosts have data dirs of their own: the database itself lets one of them write."""
    from tests.conftest import _reset_postgres

    _reset_postgres(postgres_server_url)
    url = postgres_server_url.replace("postgresql://", "postgresql+psycopg://", 1)
    here, there = _ingestor(url, tmp_path / "here", embedder), _ingestor(url, tmp_path / "there", embedder)
    with writer_lock(there.data_dir, there.store):
        with pytest.raises(IngestionLocked, match="another ingestion is writing to the database"):
            here.ingest([small_corpus], "kb")
        with pytest.raises(IngestionLocked, match="another ingestion"):
            remove_documents(here.store, here.data_dir, IndexSettings(), "kb", ["faq/faq.csv"])
    assert here.ingest([small_corpus], "kb").documents_added > 0  # released, and no pooled connection kept it
    assert there.ingest([small_corpus], "kb").documents_unchanged > 0


@pytest.mark.postgres
def test_a_killed_writer_leaves_no_database_lock(tmp_path: Path, postgres_server_url: str) -> None:
    import signal
    import subprocess
    import sys
    import time

    url = postgres_server_url.replace("postgresql://", "postgresql+psycopg://", 1)
    holder = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from ingestion.locking import writer_lock\n"
        "from ingestion.store import open_store\n"
        "with writer_lock(Path(sys.argv[1]), open_store(sys.argv[2])):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(600)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder, str(tmp_path / "there"), url], stdout=subprocess.PIPE, text=True
    )
    store = open_store(url)
    _OPEN.append(store)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(IngestionLocked), writer_lock(tmp_path / "here", store):
            pass
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
    deadline = time.monotonic() + 30  # the server ends the dead client's session once it sees the socket close
    while True:
        try:
            with writer_lock(tmp_path / "here", store):
                break
        except IngestionLocked:
            assert time.monotonic() < deadline, "the killed writer's lock outlived it"
            time.sleep(0.2)


def test_remove_documents(tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder) -> None:
    data = tmp_path / "data"
    ing = _ingestor(f"sqlite:///{tmp_path / 't.db'}", data, embedder)
    ing.ingest([small_corpus], "kb")
    removed, missing = remove_documents(ing.store, data, IndexSettings(), "kb", ["account/reset-password.md", "nope"])
    assert removed == ["account/reset-password.md"] and missing == ["nope"]
    snap = read_snapshot(data, "kb", IndexSettings())
    assert snap is not None and snap.size == len(_chunks(ing.store))


def test_missing_path_is_reported(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    ing = _ingestor(f"sqlite:///{tmp_path / 't.db'}", tmp_path / "data", embedder)
    report = ing.ingest([tmp_path / "does-not-exist"], "kb")
    assert report.errors == [{"path": str(tmp_path / "does-not-exist"), "error": "no such file or directory"}]


def test_whole_demo_corpus_second_run_embeds_nothing(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    from tests.conftest import CORPUS

    shutil.copytree(CORPUS, tmp_path / "corpus")
    ing = _ingestor(f"sqlite:///{tmp_path / 't.db'}", tmp_path / "data", embedder)
    first = ing.ingest([tmp_path / "corpus"], "default")
    assert first.errors == [] and first.documents_added >= 40
    second = ing.ingest([tmp_path / "corpus"], "default")
    assert second.chunks_embedded == 0 and second.documents_unchanged == first.documents_added


def test_changing_chunk_size_rechunks(
    tmp_path: Path, small_corpus: Path, embedder: SentenceTransformerEmbedder
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 't.db'}")
    _OPEN.append(store)
    args = (store, embedder, tmp_path / "data")
    first = Ingestor(*args, ChunkingSettings(max_tokens=160), IndexSettings(), IngestLimits()).ingest(
        [small_corpus], "kb"
    )
    again = Ingestor(*args, ChunkingSettings(max_tokens=96), IndexSettings(), IngestLimits()).ingest(
        [small_corpus], "kb"
    )
    assert again.documents_updated == first.documents_added and again.chunks_embedded > 0
    assert max(c.n_tokens for c in _chunks(store)) <= 96


def test_the_summary_adds_up(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    """Two files with the same text embed it once: the counts must still add up to the chunks written,
    and with the chunks left as they were, to the collection's total."""
    kb = tmp_path / "kb"
    kb.mkdir()
    same = b"# Storage\n\nThe Free plan includes 5 GB of storage.\n"
    for name in ("a.md", "b.md"):
        (kb / name).write_bytes(same)
    (kb / "c.md").write_bytes(b"# Refunds\n\nAnnual plans are refunded within 30 days.\n")
    ing = _ingestor(f"sqlite:///{tmp_path / 't.db'}", tmp_path / "data", embedder)

    def adds_up(report: IngestReport) -> None:
        out = report.as_dict()
        assert out["chunks_embedded"] + out["chunks_reused"] == out["chunks_written"], out
        assert out["chunks_written"] + out["chunks_unchanged"] == out["chunks_total"], out

    first = ing.ingest([kb], "kb")
    adds_up(first)
    assert (first.chunks_embedded, first.chunks_reused, first.chunks_written) == (2, 1, 3)
    (kb / "c.md").write_bytes(b"# Refunds\n\nAnnual plans are refunded within 14 days.\n")
    second = ing.ingest([kb], "kb")
    adds_up(second)
    assert (second.chunks_written, second.chunks_unchanged, second.chunks_total) == (1, 2, 3)


def test_an_unchanged_reingest_never_loads_the_model(tmp_path: Path, small_corpus: Path) -> None:
    """A no-op `tether ingest` took 6-9 s: the model was loaded to learn its window and width."""
    url, data = f"sqlite:///{tmp_path / 't.db'}", tmp_path / "data"
    first = _ingestor(url, data, SentenceTransformerEmbedder()).ingest([small_corpus], "kb")
    assert first.errors == [] and first.documents_added >= 5
    fresh = SentenceTransformerEmbedder()
    again = _ingestor(url, data, fresh).ingest([small_corpus], "kb")
    assert again.documents_unchanged == first.documents_added and again.chunks_written == 0
    assert fresh._model is None


def test_progress_names_the_model_load(tmp_path: Path, small_corpus: Path) -> None:
    """The first ingestion spends seconds loading the model before any chunk: the progress says so,
    where it used to sit silent on "Reading and chunking 0/N"."""
    url, data = f"sqlite:///{tmp_path / 't.db'}", tmp_path / "data"
    stages: list[tuple[str, int, int]] = []
    _ingestor(url, data, SentenceTransformerEmbedder()).ingest(
        [small_corpus], "kb", progress=lambda stage, done, total: stages.append((stage, done, total))
    )
    names = [s for s, _, _ in stages]
    assert ("model", 0, 1) in stages and ("model", 1, 1) in stages
    assert names.index("model") < names.index("embed")
    again: list[str] = []
    _ingestor(url, data, SentenceTransformerEmbedder()).ingest(
        [small_corpus], "kb", progress=lambda s, d, t: again.append(s)
    )
    assert "model" not in again  # nothing changed: nothing to load
