"""An immutable, consistent view of one collection: its index version plus, read from the store by row for
the candidates of a query only, chunk text and document metadata of that same version. Requests hold a
view for their whole life, so an ingestion that switches the collection meanwhile never mixes two
versions inside one answer.

Chunk rows are immutable (a changed document gets new rows, a removed one loses its rows, in the same
transaction as its metadata), so a row the store still holds reads exactly as it did at the view's
version. A row gone from the store means a newer version removed it: `StaleView`, and the caller retries
on the newer view. Memory therefore grows with the index, not with Python objects per chunk.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select

from ingestion.catchup import catch_up, consistent_read
from ingestion.locking import writer_may_be_active
from ingestion.settings import IndexSettings
from ingestion.snapshot import SegmentCache, Snapshot, read_snapshot
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


@dataclass(frozen=True, slots=True)
class Candidate:
    chunk: ChunkMeta
    doc: DocMeta
    vector: np.ndarray


class UnknownCollection(LookupError):
    pass


class StaleView(RuntimeError):
    """A newer version removed rows this view still searches: retry on the newer view."""


@dataclass(frozen=True)
class CollectionView:
    name: str
    collection_id: int
    version: int
    snapshot: Snapshot
    loaded_at: float

    def fetch(self, store: Store, rows: list[int]) -> dict[int, Candidate]:
        """Chunk, document and stored vector of each row, in one statement (so one moment of the store)."""
        out: dict[int, Candidate] = {}
        with store.session() as s:
            for i in range(0, len(rows), 500):
                q = (
                    select(*_CHUNK_COLUMNS, *_DOC_COLUMNS, Chunk.vector)
                    .join(Document, Chunk.doc_id == Document.id)
                    .where(Chunk.row.in_(rows[i : i + 500]), Chunk.collection_id == self.collection_id)
                )
                for r in s.execute(q):
                    c, d = r[: len(_CHUNK_COLUMNS)], r[len(_CHUNK_COLUMNS) : -1]
                    chunk = ChunkMeta(c[0], c[1], c[2], c[3], c[4], c[5], _spans(c[6]), c[7] or "")
                    out[c[0]] = Candidate(chunk, _doc_meta(*d), np.frombuffer(r[-1], dtype="<f4"))
        if len(out) != len(set(rows)):
            raise StaleView(self.name)
        return out

    def allowed_rows(self, store: Store, doc_ids: set[str]) -> np.ndarray:
        """Rows of these documents (metadata filters), ascending."""
        ids = sorted(doc_ids)
        found: list[int] = []
        with store.session() as s:
            for i in range(0, len(ids), 500):
                found.extend(s.scalars(select(Chunk.row).where(Chunk.doc_id.in_(ids[i : i + 500]))))
        return np.asarray(sorted(found), dtype=np.int64)

    def documents(self, store: Store) -> list[DocMeta]:
        with store.session() as s:
            found = s.execute(select(*_DOC_COLUMNS).where(Document.collection_id == self.collection_id))
            return [_doc_meta(*d) for d in found]


_CHUNK_COLUMNS = (Chunk.row, Chunk.id, Chunk.doc_id, Chunk.start, Chunk.end, Chunk.text, Chunk.sentences, Chunk.heading)
# Not the document's text: a passage needs its metadata only.
_DOC_COLUMNS = (
    Document.id,
    Document.source,
    Document.title,
    Document.uri,
    Document.version,
    Document.revision,
    Document.format,
    Document.tags,
    Document.extra,
)


def _spans(raw: list[Any] | None) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in raw or ())


def _doc_meta(
    id_: str,
    source: str,
    title: str,
    uri: str | None,
    version: str | None,
    revision: int,
    fmt: str,
    tags: Any,
    extra: Any,
) -> DocMeta:
    return DocMeta(id_, source, title, uri, version, revision, fmt, tuple(tags or ()), extra or {})


def load_view(
    store: Store,
    data_dir: Path,
    name: str,
    settings: IndexSettings,
    cache: SegmentCache,
    current: CollectionView | None = None,
    retries: int = 5,
) -> CollectionView:
    """The index version that the store holds now. An ingestion commits the store a moment before it writes
    the new manifest; in that gap we wait briefly, then catch up from the store's rows ourselves (a replica
    with its own data dir, or a writer that died between its commit and its manifest)."""
    for attempt in range(retries + 1):
        with store.session() as s:
            consistent_read(s)
            col = s.scalar(select(Collection).where(Collection.name == name))
            if col is None:
                raise UnknownCollection(name)
            col_id, version = col.id, col.version
        snap = read_snapshot(data_dir, name, settings, cache)
        if snap is not None and snap.version == version:
            return CollectionView(name, col_id, version, snap, time.time())
        if attempt < retries and snap is not None and snap.version < version and writer_may_be_active(data_dir):
            time.sleep(0.1 * (attempt + 1))
            continue
        base = current.snapshot if current is not None and current.version <= version else snap
        if base is not None and base.version > version:
            base = None  # the disk is ahead of what we read (a commit landed between the two reads)
        snap = catch_up(store, name, base, settings, cache)
        return CollectionView(name, col_id, snap.version, snap, time.time())
    raise AssertionError("unreachable")
