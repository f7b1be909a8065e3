"""The write side of an ingestion run: one transaction that puts the planned documents and their chunks in
the store (and, with sync, removes what vanished), and the removal of documents by reference. Nothing here
embeds or parses; the pipeline hands over finished plans and vectors.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ingestion.catchup import StoreMoved, advance
from ingestion.chunking import ChunkSpan
from ingestion.known import KnownDocument
from ingestion.loaders import LoadedDocument
from ingestion.locking import writer_lock
from ingestion.merging import merge
from ingestion.model_identity import ModelStamp, precision_after
from ingestion.settings import IndexSettings
from ingestion.store import Chunk, Collection, Document, IngestionRun, Store
from ingestion.store.models import utcnow


@dataclass
class IngestReport:
    collection: str
    documents_added: int = 0
    documents_updated: int = 0
    documents_unchanged: int = 0
    documents_deleted: int = 0
    documents_failed: int = 0
    documents_reembedded: int = 0  # unchanged documents whose chunks got the new model's vectors
    # chunks_embedded + chunks_reused == chunks_written; chunks_written + chunks_unchanged == chunks_total.
    chunks_embedded: int = 0  # texts the model embedded in this run (a text shared by chunks, once)
    chunks_reused: int = 0  # chunks written with a vector not computed for them (the store's, or a twin's)
    chunks_resumed: int = 0  # texts whose vectors an interrupted run had saved (counted in chunks_reused)
    chunks_total: int = 0  # chunks in the collection after the run
    chunks_written: int = 0  # chunks of the documents added or updated
    chunks_unchanged: int = 0  # chunks of the collection that the run left as they were
    version: int = 0
    seconds: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class PlannedDocument:
    doc: LoadedDocument
    doc_id: str
    file_path: str
    file_hash: str
    content_hash: str
    chunks: list[ChunkSpan]
    existing: KnownDocument | None
    reembed: bool = False  # same content, new model's vectors: not a new revision


def chunk_ids(doc_id: str, chunks: list[ChunkSpan]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for c in chunks:
        k = seen.get(c.text, 0)
        seen[c.text] = k + 1
        ids.append(hashlib.sha256(f"{doc_id}\0{k}\0{c.text}".encode()).hexdigest()[:40])
    return ids


def embed_hash(c: ChunkSpan) -> str:
    return hashlib.sha256(c.embed_text.encode()).hexdigest()


def _load_documents(s: Session, ids: list[str]) -> dict[str, Document]:
    docs: dict[str, Document] = {}
    for i in range(0, len(ids), 500):
        docs.update((d.id, d) for d in s.scalars(select(Document).where(Document.id.in_(ids[i : i + 500]))))
    return docs


def _rows_of(s: Session, doc_ids: list[str]) -> list[int]:
    """Chunk rows of these documents: the deletion markers of the next index version."""
    rows: list[int] = []
    for i in range(0, len(doc_ids), 500):
        rows.extend(s.scalars(select(Chunk.row).where(Chunk.doc_id.in_(doc_ids[i : i + 500]))))
    return rows


@dataclass(frozen=True)
class Committed:
    changed: bool  # the collection's version was bumped: a new index version is due
    deleted_rows: np.ndarray  # chunk rows the commit removed


def _chunk_rows(p: PlannedDocument, collection_id: int, vectors: dict[str, np.ndarray]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for ord_, (cid, ch) in enumerate(zip(chunk_ids(p.doc_id, p.chunks), p.chunks, strict=True)):
        h = embed_hash(ch)
        rows.append(
            {
                "id": cid,
                "doc_id": p.doc_id,
                "collection_id": collection_id,
                "ord": ord_,
                "start": ch.start,
                "end": ch.end,
                "text": ch.text,
                "heading": ch.heading,
                "n_tokens": ch.n_tokens,
                "sentences": [list(x) for x in ch.sentences],
                "embed_hash": h,
                "vector": np.asarray(vectors[h], dtype="<f4").tobytes(),
            }
        )
    return rows


def commit_plans(
    store: Store,
    col: Collection,
    plans: list[PlannedDocument],
    vectors: dict[str, np.ndarray],
    report: IngestReport,
    *,
    seen: set[str],
    sync: bool,
    dim: int,
    stamp: ModelStamp | None,
) -> Committed:
    """Write the plans (documents added or replaced with their chunks, file hashes refreshed) and, with
    `sync`, delete the collection's documents not in `seen`, in one transaction. `stamp`: the model of the
    vectors written (None when the run writes none)."""
    now = utcnow()
    with store.session() as s:
        c = s.get(Collection, col.id, with_for_update=True)
        assert c is not None
        changed = False
        docs = _load_documents(s, [p.doc_id for p in plans])
        rows: list[dict[str, object]] = []
        replaced: list[str] = []
        for p in plans:
            doc = docs.get(p.doc_id)
            if not p.chunks and p.existing is not None:  # unchanged content (file touched only)
                if doc is not None and doc.file_hash != p.file_hash:
                    doc.file_hash = p.file_hash
                continue
            changed = True
            if doc is None:
                doc = Document(id=p.doc_id, collection_id=c.id, source=p.doc.source, revision=1, created_at=now)
                s.add(doc)
                report.documents_added += 1
            else:
                if p.reembed:
                    report.documents_reembedded += 1
                else:
                    doc.revision += 1
                    report.documents_updated += 1
                replaced.append(doc.id)
            d = p.doc
            doc.file_path, doc.file_hash, doc.content_hash, doc.format = (
                p.file_path,
                p.file_hash,
                p.content_hash,
                d.format,
            )
            doc.title, doc.uri, doc.version, doc.text = d.title, d.uri, d.version, d.text
            doc.verified_by, doc.verified_at, doc.tags, doc.extra = d.verified_by, d.verified_at, d.tags, d.extra
            doc.updated_at = now
            rows.extend(_chunk_rows(p, c.id, vectors))
        # One statement per step, not one flush per document: the old chunks go first (their unchanged
        # twins reuse the same chunk ids), then the documents, then every new chunk in one executemany.
        deleted_rows = _rows_of(s, replaced)
        for i in range(0, len(replaced), 500):
            s.execute(delete(Chunk).where(Chunk.doc_id.in_(replaced[i : i + 500])))
        s.flush()
        if rows:
            s.execute(insert(Chunk), rows)
        if sync:
            gone = [
                d for d in s.scalars(select(Document).where(Document.collection_id == c.id)) if d.source not in seen
            ]
            deleted_rows += _rows_of(s, [d.id for d in gone])
            for doc in gone:
                s.delete(doc)
                report.documents_deleted += 1
                changed = True
        if changed:
            c.version += 1
            c.dim = c.dim or dim
        if changed and rows and stamp is not None:  # record the model of the vectors now in the collection
            model = stamp.identity
            c.dim, c.embedding_model, c.embedding_fingerprint = model.dim, model.name, model.fingerprint
            c.embedding_precision = precision_after(c.embedding_precision, stamp.precision, stamp.fresh)
        # Every chunk this commit deletes is in deleted_rows, and every one it adds in rows.
        c.chunk_count += len(rows) - len(deleted_rows)
        s.flush()
        report.chunks_total = c.chunk_count
        report.chunks_written = len(rows)
        report.chunks_unchanged = report.chunks_total - len(rows)
        report.chunks_reused = len(rows) - report.chunks_embedded
        s.add(
            IngestionRun(
                collection_id=c.id,
                started_at=now,
                finished_at=utcnow(),
                collection_version=c.version,
                stats={k: v for k, v in report.as_dict().items() if k != "errors"},
                errors=report.errors,
            )
        )
        col.version, col.dim = c.version, c.dim
    return Committed(changed, np.asarray(sorted(deleted_rows), dtype=np.int64))


def remove_documents(
    store: Store, data_dir: Path, index: IndexSettings, collection: str, refs: list[str]
) -> tuple[list[str], list[str]]:
    """Delete documents (by id or source) and switch to a snapshot without them: (removed, not_found)."""
    with writer_lock(data_dir, store):
        with store.session() as s:
            col = s.scalar(select(Collection).where(Collection.name == collection).with_for_update())
            if col is None:
                return [], refs
            removed, missing = [], []
            deleted_rows: list[int] = []
            for ref in refs:
                doc = s.scalar(
                    select(Document).where(
                        Document.collection_id == col.id, (Document.id == ref) | (Document.source == ref)
                    )
                )
                if doc is None:
                    missing.append(ref)
                else:
                    removed.append(doc.source)
                    deleted_rows += _rows_of(s, [doc.id])
                    s.delete(doc)
            if removed:
                col.version += 1
                col.chunk_count -= len(deleted_rows)
        if removed:
            advance(store, data_dir, collection, index, np.asarray(sorted(deleted_rows), dtype=np.int64))
            merge_quietly(store, data_dir, collection, index)
        return removed, missing


def merge_quietly(store: Store, data_dir: Path, collection: str, index: IndexSettings) -> None:
    """The merges the tiered policy asks for after a new version; a store that moved on meanwhile (another
    writer on the same database) only postpones them."""
    with contextlib.suppress(StoreMoved):
        merge(store, data_dir, collection, index)
