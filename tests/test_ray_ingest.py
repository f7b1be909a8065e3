"""`tether ingest --ray`: the same files ingested on a local Ray cluster and in one process end in the same
store (documents, chunk ids and texts; vectors within bf16 rounding) and the same retrievals, first and
incrementally, with a bad file reported by name. The cluster is a real one, started here on loopback with
two CPUs; the CLI runs as its own process and connects to it by address, as a user's would."""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from app.retrieval.hybrid import Retriever
from app.settings import RetrievalSettings
from cli.main import app as cli
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.manifests import current_version
from ingestion.settings import IndexSettings
from ingestion.store import Chunk, Document, open_store

# Loopback only (Ray otherwise binds the machine's address), and a token of this test's own rather
# than one written to ~/.ray.
RAY_ENV = {
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
    "RAY_AUTH_MODE": "token",
    "RAY_AUTH_TOKEN": secrets.token_hex(16),
}


@pytest.fixture(scope="module")
def ray_address() -> Iterator[str]:
    with pytest.MonkeyPatch.context() as mp:
        for k, v in RAY_ENV.items():  # before the import: Ray reads its configuration once
            mp.setenv(k, v)
        ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install -e '.[ray]'")
        # "local": a cluster of this test's own, even where another runs on the machine.
        ray.init(
            "local",
            num_cpus=2,
            include_dashboard=False,
            object_store_memory=200_000_000,
            logging_level=logging.WARNING,
        )
        try:
            yield str(ray.get_runtime_context().gcs_address)
        finally:
            ray.shutdown()


def _ingest(data_dir: Path, kb: Path, ray: str | None = None) -> dict[str, Any]:
    cmd = [sys.executable, "-c", "from cli import main; main()", "--data-dir", str(data_dir), "ingest", str(kb)]
    cmd += ["--json", *(["--ray", ray] if ray else [])]
    run = subprocess.run(cmd, env={**os.environ, **RAY_ENV}, capture_output=True, text=True, timeout=600)
    assert run.returncode in (0, 1), run.stderr[-3000:]  # 1: a file failed, reported in the JSON
    report: dict[str, Any] = json.loads(run.stdout)
    report.pop("seconds")
    return report


def _store_state(data_dir: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], dict[str, np.ndarray]]:
    store = open_store(f"sqlite:///{data_dir / 'tether.db'}")
    try:
        with store.session() as s:
            docs = sorted(s.execute(select(Document.id, Document.source, Document.text, Document.content_hash)).all())
            rows = s.execute(
                select(Chunk.id, Chunk.doc_id, Chunk.ord, Chunk.start, Chunk.end, Chunk.text, Chunk.embed_hash)
            ).all()
            vectors = {cid: np.frombuffer(v, dtype="<f4") for cid, v in s.execute(select(Chunk.id, Chunk.vector))}
    finally:
        store.dispose()
    return [tuple(d) for d in docs], sorted(tuple(r) for r in rows), vectors


def _assert_same(local: Path, on_ray: Path, embedder: SentenceTransformerEmbedder) -> None:
    docs_l, chunks_l, vec_l = _store_state(local)
    docs_r, chunks_r, vec_r = _store_state(on_ray)
    assert docs_r == docs_l
    assert chunks_r == chunks_l
    assert vec_r.keys() == vec_l.keys()
    for cid, v in vec_l.items():
        # The same model and precision; only the batches differ (bf16 rounding on this CPU).
        assert float(v @ vec_r[cid]) > 0.999, cid
        assert np.allclose(v, vec_r[cid], atol=1e-2), cid
    assert current_version(on_ray, "default") == current_version(local, "default") is not None
    # The indexes answer alike.
    for question in ("How much storage does the Pro plan include?", "How do I reset my password?"):
        found = []
        for d in (local, on_ray):
            store = open_store(f"sqlite:///{d / 'tether.db'}")
            try:
                r = Retriever(store, embedder, d, IndexSettings(), RetrievalSettings()).retrieve(question, "default", 5)
                found.append([p.chunk_id for p in r.passages])
            finally:
                store.dispose()
        assert found[0] == found[1] and found[0], question


@pytest.fixture
def kb(small_corpus: Path) -> Path:
    """The small corpus (one file per format) and two files that fail on the workers."""
    (small_corpus / "notes").mkdir()
    (small_corpus / "notes" / "blank.md").write_text("   \n\n")
    (small_corpus / "notes" / "broken.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(256))
    return small_corpus


@pytest.mark.slow
def test_ray_ingestion_ends_as_a_local_one(
    tmp_path: Path, kb: Path, ray_address: str, embedder: SentenceTransformerEmbedder
) -> None:
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    first_l, first_r = _ingest(local, kb), _ingest(on_ray, kb, ray_address)
    assert first_r == first_l
    assert first_r["documents_added"] > 3 and first_r["chunks_embedded"] > 0
    failed = sorted(Path(e["path"]).name for e in first_r["errors"])
    assert failed == ["blank.md", "broken.pdf"], first_r["errors"]
    _assert_same(local, on_ray, embedder)

    # One document edited: only it is rewritten, and the vectors of its unchanged chunks are reused.
    md = kb / "plans" / "storage-limits.md"
    md.write_text(md.read_text() + "\n\nArchived projects count towards the storage limit until deleted.\n")
    second_l, second_r = _ingest(local, kb), _ingest(on_ray, kb, ray_address)
    assert second_r == second_l
    assert second_r["documents_updated"] == 1 and second_r["documents_added"] == 0
    assert 0 < second_r["chunks_embedded"] < second_r["chunks_written"]
    _assert_same(local, on_ray, embedder)

    # Nothing changed: nothing is parsed, embedded or written, and the version stays.
    third = _ingest(on_ray, kb, ray_address)
    assert third["chunks_embedded"] == third["chunks_written"] == 0
    assert third["version"] == second_r["version"]


def test_ray_without_the_extra_is_a_clear_error(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError, as without the extra
    args = ["--data-dir", str(tmp_path / "d"), "ingest", str(small_corpus), "--ray", "auto", "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "ray extra" in result.output and "pip install" in result.output
    assert not (tmp_path / "d" / "tether.db").exists()  # refused before the store was opened


def test_serving_and_the_cli_never_import_ray() -> None:
    """Ray is imported only when an ingestion on it starts: the service and the default install never load it."""
    code = "import sys, app.http.app, app.services, cli.main; print(sorted(m for m in sys.modules if m[:3] == 'ray'))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"


def test_an_address_where_no_cluster_answers_is_refused_at_once(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for k, v in RAY_ENV.items():  # as the cluster fixture imports it, whichever test imports ray first
        monkeypatch.setenv(k, v)
    pytest.importorskip("ray", reason="the ray extra is not installed: pip install -e '.[ray]'")
    with socket.socket() as s:  # a port nothing listens on: Ray itself would retry it for minutes
        s.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{s.getsockname()[1]}"
    args = ["--data-dir", str(tmp_path / "d"), "ingest", str(small_corpus), "--ray", address, "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert f"no Ray cluster answers at '{address}'" in result.output
    assert current_version(tmp_path / "d", "default") is None
