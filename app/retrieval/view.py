"""An immutable, consistent view of one collection: its index snapshot plus chunk and document metadata
of the same store version. Requests hold a view for their whole life, so an ingestion that switches
the collection meanwhile never mixes two versions inside one answer."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from ingestion.settings import IndexSettings
from ingestion.snapshot import Snapshot, build_snapshot, read_snapshot
from ingestion.store import Chunk, Collection, Document, Store


@dataclass(frozen=True, slots=True)
class ChunkMeta:
    row: int
    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...]
    heading: str = ""


@dataclass(frozen=True, slots=True)
class DocMeta:
    id: str
    source: str
    title: str
    uri: str | None
    version: str | None
    revision: int
    format: str
    tags: tuple[str, ...]
    extra: dict[str, Any]


@dataclass
class CollectionView:
    name: str
    version: int
    snapshot: Snapshot
    chunks: dict[int, ChunkMeta]
    docs: dict[str, DocMeta]
    loaded_at: float

    def vectors(self, rows: list[int]) -> np.ndarray:
        """Stored vectors of the given rows, straight from the FAISS index (no re-embedding)."""
        index = self.snapshot.dense.index
        return np.vstack([index.reconstruct(int(r)) for r in rows]) if rows else np.zeros((0, 0), np.float32)


class UnknownCollection(LookupError):
    pass


def _repeatable_read(s: Session) -> None:
    # PostgreSQL reads each statement at its own moment by default; one snapshot for the whole load.
    if s.bind is not None and s.bind.dialect.name == "postgresql":
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _metadata(s: Session, col: Collection) -> tuple[dict[int, ChunkMeta], dict[str, DocMeta]]:
    docs = {
        d.id: DocMeta(
            d.id, d.source, d.title, d.uri, d.version, d.revision, d.format, tuple(d.tags or ()), d.extra or {}
        )
        for d in s.scalars(select(Document).where(Document.collection_id == col.id))
    }
    rows = s.execute(
        select(
            Chunk.row, Chunk.id, Chunk.doc_id, Chunk.start, Chunk.end, Chunk.text, Chunk.sentences, Chunk.heading
        ).where(Chunk.collection_id == col.id)
    )
    chunks = {
        r[0]: ChunkMeta(r[0], r[1], r[2], r[3], r[4], r[5], tuple((int(a), int(b)) for a, b in r[6] or ()), r[7] or "")
        for r in rows
    }
    return chunks, docs


def load_view(store: Store, data_dir: Path, name: str, settings: IndexSettings, retries: int = 5) -> CollectionView:
    """Snapshot and metadata of one and the same version. An ingestion commits the store a moment before
    it switches the snapshot; in that gap we wait briefly, and after a crash we rebuild from the store."""
    for attempt in range(retries + 1):
        snap = read_snapshot(data_dir, name, settings)
        with store.session() as s:
            _repeatable_read(s)
            col = s.scalar(select(Collection).where(Collection.name == name))
            if col is None:
                raise UnknownCollection(name)
            if snap is None or snap.version != col.version:
                if attempt < retries and snap is not None:
                    time.sleep(0.1 * (attempt + 1))
                    continue
                snap = build_snapshot(store, col, settings)
            chunks, docs = _metadata(s, col)
            inner = faiss.downcast_index(getattr(snap.dense.index, "index", snap.dense.index))
            if isinstance(inner, faiss.IndexIVF):
                inner.make_direct_map()  # reconstruct() needs it for IVF
            return CollectionView(name, col.version, snap, chunks, docs, time.time())
    raise AssertionError("unreachable")
