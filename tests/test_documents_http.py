"""Ingestion over HTTP: upload, replace, delete; per-file errors; the index switches atomically."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.services import Services
from app.settings import Settings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.hostile import deep_json, pdf_bomb
from tests.support.stack import ingest, serve


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder
) -> Iterator[tuple[str, Services]]:
    s = Settings().override(
        {"store.data_dir": tmp_path_factory.mktemp("docs-data"), "auth.mode": "open", "retrieval.min_dense_score": 0.2}
    )
    ingest(s, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(s) as (url, svc):
        svc.retriever.refresh_s = 0  # see each switch at once
        yield url, svc


def _ask(url: str, question: str) -> dict[str, object]:
    r = httpx.post(url + "/v1/retrieve", json={"question": question, "top_k": 3}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_upload_replace_delete(stack: tuple[str, Services]) -> None:
    url, _ = stack
    path = "/v1/collections/default/documents/notes/team-plan.md"
    v0 = _ask(url, "When does the Team plan launch?")["collection_version"]
    doc = b"---\ntitle: Team plan\n---\n# Team plan\n\nThe Larkbox Team plan launches on 3 March 2027.\n"
    r = httpx.put(url + path, content=doc, timeout=120)
    assert r.status_code == 200, r.text
    assert r.json()["documents_added"] == 1 and r.json()["chunks_embedded"] >= 1
    got = _ask(url, "When does the Team plan launch?")
    assert got["collection_version"] == v0 + 1  # type: ignore[operator]
    assert any("3 March 2027" in p["text"] for p in got["passages"])  # type: ignore[attr-defined]

    r = httpx.put(url + path, content=doc.replace(b"3 March", b"5 May"), timeout=120)
    assert r.json()["documents_updated"] == 1
    texts = [p["text"] for p in _ask(url, "When does the Team plan launch?")["passages"]]  # type: ignore[attr-defined]
    assert any("5 May 2027" in t for t in texts) and not any("3 March 2027" in t for t in texts)

    meta = httpx.get(url + path).json()
    assert meta["revision"] == 2 and "5 May 2027" in meta["text"]
    listing = httpx.get(url + "/v1/collections/default/documents").json()
    assert {"business.md", "notes/team-plan.md"} <= {d["source"] for d in listing["documents"]}

    assert httpx.delete(url + path).json() == {"removed": ["notes/team-plan.md"]}
    texts = [p["text"] for p in _ask(url, "When does the Team plan launch?")["passages"]]  # type: ignore[attr-defined]
    assert not any("Team plan launches" in t for t in texts)
    assert httpx.delete(url + path).status_code == 404


@pytest.mark.parametrize(
    ("source", "body", "status", "code"),
    [
        ("notes/bad.md", b"\xff\xfe\x00binary", 422, "ingest_failed"),
        ("notes/empty.md", b"", 422, "ingest_failed"),
        ("notes/image.png", b"\x89PNG", 400, "invalid_request"),
        ("../escape.md", b"# x\n\ny", 400, "invalid_request"),
        ("notes/.hidden.md", b"# x\n\ny", 400, "invalid_request"),
        ("notes/bomb.pdf", pdf_bomb(80_000_000), 422, "ingest_failed"),  # was a 500
        ("notes/deep.jsonl", deep_json(100_000), 422, "ingest_failed"),  # was a 500
        ("notes/nul%00byte.md", b"# x\n\ny", 400, "invalid_request"),  # was a 500
        ("notes/%E2%80%AEgnp.md", b"# x\n\ny", 400, "invalid_request"),  # a right-to-left override
        ("notes/" + "n" * 300 + ".md", b"# x\n\ny", 400, "invalid_request"),  # a component over 255 bytes
        ("notes/" + "é" * 200 + ".md", b"# x\n\ny", 400, "invalid_request"),  # 200 characters, 400 bytes
    ],
)
def test_bad_uploads(stack: tuple[str, Services], source: str, body: bytes, status: int, code: str) -> None:
    url, _ = stack
    r = httpx.put(f"{url}/v1/collections/default/documents/{source}", content=body, timeout=60)
    if source.startswith(".."):  # clients normalise '..' away; send it raw
        r = httpx.put(f"{url}/v1/collections/default/documents/notes%2F..%2F..%2Fescape.md", content=body)
    assert r.status_code in (status, 404) if source.startswith("..") else r.status_code == status, r.text
    if r.status_code == status:
        assert r.json()["error"]["code"] == code
    assert "error" in r.json()


def test_upload_over_limit(stack: tuple[str, Services]) -> None:
    url, svc = stack
    big = b"a" * (svc.settings.limits.max_upload_bytes + 1)
    r = httpx.put(url + "/v1/collections/default/documents/notes/big.txt", content=big, timeout=60)
    assert r.status_code == 413 and "MAX_UPLOAD_BYTES" in r.json()["error"]["message"]


def test_a_file_folder_clash_is_a_conflict_and_leaves_nothing(stack: tuple[str, Services]) -> None:
    url, svc = stack
    docs = f"{url}/v1/collections/default/documents"
    body = b"# Clash\n\nA short note about clashing names.\n"
    assert httpx.put(f"{docs}/clash/file.md", content=body, timeout=120).status_code == 200
    assert httpx.put(f"{docs}/clash/dir.md/inner.md", content=body, timeout=120).status_code == 200
    for source in ("clash/file.md/inner.md", "clash/dir.md"):  # under a file; over a folder
        r = httpx.put(f"{docs}/{source}", content=body, timeout=60)
        assert r.status_code == 409, r.text
        assert r.json()["error"]["code"] == "source_conflict" and "clash/" in r.json()["error"]["message"]
    uploads = svc.settings.store.data_dir / "uploads" / "default"
    assert not [p for p in uploads.rglob("*") if p.name.endswith(".part")]
    listing = {d["source"] for d in httpx.get(docs).json()["documents"]}
    assert {"clash/file.md", "clash/dir.md/inner.md"} <= listing
    assert not {"clash/file.md/inner.md", "clash/dir.md"} & listing


def test_a_busy_writer_is_a_409_that_discloses_no_path_or_pid(stack: tuple[str, Services]) -> None:
    import os

    from ingestion.locking import writer_lock

    url, svc = stack
    data_dir = svc.settings.store.data_dir
    with writer_lock(data_dir):  # another ingestion holds the lock
        for method in ("PUT", "DELETE"):
            r = httpx.request(method, f"{url}/v1/collections/default/documents/notes/busy.md", content=b"# B\n\nb.\n")
            assert r.status_code == 409, r.text
            message = r.json()["error"]["message"]
            assert r.json()["error"]["code"] == "ingestion_running" and "another ingestion" in message
            assert str(data_dir) not in message and data_dir.name not in message and str(os.getpid()) not in message


def test_a_refused_upload_leaves_the_kept_file_as_the_store_has_it(stack: tuple[str, Services]) -> None:
    """The file kept on disk is replaced only once the store has its new version: a 422 or a 409 leaves
    disk and store agreeing on the previous one."""
    from ingestion.locking import writer_lock

    url, svc = stack
    path = f"{url}/v1/collections/default/documents/notes/kept.md"
    kept = svc.settings.store.data_dir / "uploads" / "default" / "notes" / "kept.md"
    v1 = b"# Kept\n\nThe kept note says version one.\n"
    assert httpx.put(path, content=v1, timeout=120).status_code == 200
    assert httpx.put(path, content=b"caf\xe9, not UTF-8", timeout=60).status_code == 422
    with writer_lock(svc.settings.store.data_dir):
        assert httpx.put(path, content=v1.replace(b"one", b"two"), timeout=60).status_code == 409
    assert kept.read_bytes() == v1
    assert "version one" in httpx.get(path).json()["text"]
    assert not [p for p in kept.parent.iterdir() if p.name.endswith(".part")]
