"""Versioned, atomically switched index snapshots on disk.

Layout: DATA_DIR/indexes/<collection>/v<version>/{dense.faiss, lexical/, meta.json} and a CURRENT file
naming the live version. A new version is written into a temporary folder, fsynced, renamed into
place, and only then is CURRENT replaced (write, fsync, rename). A reader therefore sees the old
snapshot or the new one, never half of one. The SQL store is the source of truth (it holds every
vector); a snapshot whose version disagrees with the store is rebuilt from it without embedding.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import select

from ingestion.failpoints import failpoint
from ingestion.lexical import LexicalIndex
from ingestion.settings import IndexSettings
from ingestion.store import Chunk, Collection, Store
from ingestion.vector_index import FaissIndex


@dataclass
class Snapshot:
    collection: str
    version: int
    dense: FaissIndex
    lexical: LexicalIndex

    @property
    def size(self) -> int:
        return self.dense.size


def collection_dir(data_dir: Path, collection: str) -> Path:
    return data_dir / "indexes" / collection


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for p in sorted(path.rglob("*")):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
    for p in sorted({p.parent for p in path.rglob("*")} | {path}):
        _fsync_dir(p)


def current_version(data_dir: Path, collection: str) -> int | None:
    try:
        return int((collection_dir(data_dir, collection) / "CURRENT").read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def load_vectors(store: Store, collection_id: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(rows, vectors, texts) of every chunk of a collection, from the store."""
    with store.session() as s:
        result = s.execute(
            select(Chunk.row, Chunk.vector, Chunk.text).where(Chunk.collection_id == collection_id).order_by(Chunk.row)
        ).all()
    rows = np.fromiter((r[0] for r in result), dtype=np.int64, count=len(result))
    if result:
        vectors = np.frombuffer(b"".join(r[1] for r in result), dtype="<f4").reshape(len(result), -1)
    else:
        vectors = np.zeros((0, 0), dtype=np.float32)
    return rows, vectors, [r[2] for r in result]


def build_snapshot(store: Store, collection: Collection, settings: IndexSettings) -> Snapshot:
    rows, vectors, texts = load_vectors(store, collection.id)
    dim = collection.dim or (vectors.shape[1] if vectors.size else 384)
    dense = FaissIndex.build(dim, rows, vectors.reshape(len(rows), dim), settings)
    lexical = LexicalIndex.build(rows, texts)
    return Snapshot(collection.name, collection.version, dense, lexical)


def write_snapshot(data_dir: Path, snap: Snapshot) -> Path:
    base = collection_dir(data_dir, snap.collection)
    base.mkdir(parents=True, exist_ok=True)
    final = base / f"v{snap.version}"
    tmp = base / f".v{snap.version}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    snap.dense.save(tmp / "dense.faiss")
    snap.lexical.save(tmp / "lexical")
    (tmp / "meta.json").write_text(json.dumps({"version": snap.version, "chunks": snap.size}))
    _fsync_tree(tmp)
    if final.exists():  # a crash after rename but before CURRENT: replace it with this complete one
        shutil.rmtree(final)
    os.rename(tmp, final)
    failpoint("snapshot_renamed")
    pointer = base / f".CURRENT.tmp-{os.getpid()}"
    pointer.write_text(str(snap.version))
    with open(pointer, "rb") as f:
        os.fsync(f.fileno())
    os.replace(pointer, base / "CURRENT")
    _fsync_dir(base)
    _prune(base, keep={snap.version, snap.version - 1})
    return final


def _prune(base: Path, keep: set[int]) -> None:
    """Remove old versions and leftovers of crashed writers (keeps the previous one for open readers)."""
    for p in base.iterdir():
        if p.name.startswith(".v") or (
            p.name.startswith("v") and p.is_dir() and p.name[1:].isdigit() and int(p.name[1:]) not in keep
        ):
            shutil.rmtree(p, ignore_errors=True)


def read_snapshot(data_dir: Path, collection: str, settings: IndexSettings) -> Snapshot | None:
    version = current_version(data_dir, collection)
    if version is None:
        return None
    folder = collection_dir(data_dir, collection) / f"v{version}"
    try:
        dense = FaissIndex.load(folder / "dense.faiss", settings)
        lexical = LexicalIndex.load(folder / "lexical")
    except (OSError, RuntimeError, ValueError):
        return None
    return Snapshot(collection, version, dense, lexical)


def open_snapshot(data_dir: Path, store: Store, collection: Collection, settings: IndexSettings) -> Snapshot:
    """The snapshot that agrees with the store: from disk when it does, else rebuilt in memory."""
    snap = read_snapshot(data_dir, collection.name, settings)
    if snap is not None and snap.version == collection.version:
        return snap
    return build_snapshot(store, collection, settings)
