"""A process killed (SIGKILL) mid-ingestion leaves a consistent store and index; a rerun completes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from ingestion import embed_cache
from ingestion.catchup import open_snapshot
from ingestion.manifests import current_version
from ingestion.settings import IndexSettings
from ingestion.snapshot import read_snapshot
from ingestion.store import Chunk, Collection, Document, open_store

pytestmark = pytest.mark.slow


def _start(data: Path, *args: str, failpoint: str | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TETHER_STORE__DATA_DIR": str(data)}
    env.pop("TETHER_FAILPOINT", None)
    if failpoint:
        env["TETHER_FAILPOINT"] = failpoint
    return subprocess.Popen(
        [sys.executable, "-m", "cli.main", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _tether(data: Path, *args: str, failpoint: str | None = None) -> tuple[int, str]:
    proc = _start(data, *args, failpoint=failpoint)
    _, err = proc.communicate(timeout=300)
    return proc.returncode, err.decode(errors="replace")


def _assert_consistent(data: Path) -> tuple[int, set[str]]:
    """Store and the index a reader would use agree: every index id is a stored chunk row."""
    store = open_store(f"sqlite:///{(data / 'tether.db').resolve()}")
    try:
        with store.session() as s:
            col = s.scalar(select(Collection).where(Collection.name == "default"))
            assert col is not None
            rows = set(s.scalars(select(Chunk.row)))
            sources = set(s.scalars(select(Document.source)))
        snap = open_snapshot(data, store, col, IndexSettings())
        assert snap.version == col.version
        assert set(snap.live_rows().tolist()) == rows
        return col.version, sources
    finally:
        store.dispose()


@pytest.mark.parametrize("point", ["before_commit", "after_commit", "snapshot_renamed"])
def test_kill_at_failpoint_then_rerun_completes(tmp_path: Path, small_corpus: Path, point: str) -> None:
    data = tmp_path / "data"
    rc, err = _tether(data, "ingest", str(small_corpus), "--json")
    assert rc == 0, err
    v1, sources_before = _assert_consistent(data)

    (small_corpus / "account" / "reset-password.md").unlink()
    (small_corpus / "plans" / "new-page.md").write_text("# New page\n\nThe Team plan starts on 1 March 2027.\n")
    rc, err = _tether(data, "ingest", str(small_corpus), "--sync", "--json", failpoint=point)
    assert rc == -signal.SIGKILL, err

    version, sources = _assert_consistent(data)
    if point == "before_commit":
        assert version == v1 and sources == sources_before  # nothing of the dead run is visible
    else:
        assert version == v1 + 1 and "plans/new-page.md" in sources
        assert current_version(data, "default") in (v1, v1 + 1)

    rc, err = _tether(data, "ingest", str(small_corpus), "--sync", "--json")
    assert rc == 0, err
    version, sources = _assert_consistent(data)
    assert "plans/new-page.md" in sources and "account/reset-password.md" not in sources
    assert current_version(data, "default") == version  # the snapshot on disk caught up


def test_random_kill_never_corrupts(tmp_path: Path, small_corpus: Path) -> None:
    data = tmp_path / "data"
    for delay in (0.5, 2.0, 4.0, 6.0):
        proc = _start(data, "ingest", str(small_corpus), "--json")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        if (data / "tether.db").exists() and read_snapshot(data, "default", IndexSettings()) is not None:
            _assert_consistent(data)
    rc, err = _tether(data, "ingest", str(small_corpus), "--json")
    assert rc == 0, err
    _assert_consistent(data)


def _report(data: Path, *args: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-m", "cli.main", "ingest", *args, "--json"],
        env={**{k: v for k, v in os.environ.items() if k != "TETHER_FAILPOINT"}, "TETHER_STORE__DATA_DIR": str(data)},
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    report: dict[str, object] = json.loads(proc.stdout)
    return report


def _store_contents(data: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], np.ndarray, int]:
    store = open_store(f"sqlite:///{(data / 'tether.db').resolve()}")
    try:
        with store.session() as s:
            docs = [(d.source, d.content_hash, d.revision) for d in s.scalars(select(Document).order_by(Document.id))]
            chunks = list(s.scalars(select(Chunk).order_by(Chunk.row)))
        rows: list[tuple[object, ...]] = [(c.row, c.id, c.doc_id, c.ord, c.start, c.end, c.embed_hash) for c in chunks]
        vectors = np.vstack([np.frombuffer(c.vector, dtype="<f4") for c in chunks])
        return docs, rows, vectors, embed_cache.count(store)
    finally:
        store.dispose()


def test_kill_mid_embedding_then_rerun_embeds_only_the_rest(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGKILL after the first batch of vectors was committed: the previous version stays readable, and
    the rerun embeds only what was not committed, ending with the store an uninterrupted run makes."""
    batch = 4
    monkeypatch.setenv("TETHER_INGEST__EMBED_COMMIT_EVERY", str(batch))
    faq = small_corpus / "faq" / "faq.csv"  # the big file of the second run: many chunks to embed
    aside = faq.rename(tmp_path / "faq.csv")
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    for data in (whole, killed):
        _report(data, str(small_corpus))
    v1, sources_before = _assert_consistent(killed)
    aside.rename(faq)

    total = _report(whole, str(small_corpus))["chunks_embedded"]
    assert isinstance(total, int) and total > 2 * batch
    rc, err = _tether(killed, "ingest", str(small_corpus), "--json", failpoint="embed_batch_saved")
    assert rc == -signal.SIGKILL, err
    assert _assert_consistent(killed) == (v1, sources_before)  # the previous version, unchanged
    assert _store_contents(killed)[3] == batch  # but the first batch of vectors was kept

    rerun = _report(killed, str(small_corpus))
    assert (rerun["chunks_resumed"], rerun["chunks_embedded"]) == (batch, total - batch)
    docs, rows, vectors, cached = _store_contents(killed)
    docs_w, rows_w, vectors_w, _ = _store_contents(whole)
    assert (docs, rows, cached) == (docs_w, rows_w, 0)
    assert np.allclose(vectors, vectors_w, atol=1e-5)
    _assert_consistent(killed)
