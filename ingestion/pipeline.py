"""The ingestion pipeline: discover -> load -> chunk -> embed what changed -> one transaction -> snapshot.

Crash safety: nothing is written to the store until one final transaction, and the index snapshot is
written after it commits. A kill before the commit leaves the previous store and snapshot untouched;
a kill after it leaves a snapshot one version behind, which the next run (or a reader) rebuilds from
the store's vectors without embedding anything.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ingestion.chunking import ChunkSpan, chunk_document
from ingestion.discovery import FoundFile, discover
from ingestion.embedder import Embedder
from ingestion.failpoints import failpoint
from ingestion.loaders import LoadedDocument, LoadError, load_file
from ingestion.locking import writer_lock
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.snapshot import build_snapshot, current_version, write_snapshot
from ingestion.store import Chunk, Collection, Document, IngestionRun, Store
from ingestion.store.models import utcnow

Progress = Callable[[str, int, int], None]  # (stage, done, total)
CHUNKER_VERSION = "1"  # bump when chunking or normalisation changes what a document becomes


@dataclass
class IngestReport:
    collection: str
    documents_added: int = 0
    documents_updated: int = 0
    documents_unchanged: int = 0
    documents_deleted: int = 0
    documents_failed: int = 0
    chunks_embedded: int = 0
    chunks_reused: int = 0
    chunks_total: int = 0
    version: int = 0
    seconds: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class _Planned:
    doc: LoadedDocument
    doc_id: str
    file_path: str
    file_hash: str
    content_hash: str
    chunks: list[ChunkSpan]
    existing: Document | None


def doc_id_for(collection: str, source: str) -> str:
    return hashlib.sha256(f"{collection}\0{source}".encode()).hexdigest()[:32]


def _content_hash(doc: LoadedDocument, signature: str) -> str:
    meta = [doc.title, doc.uri, doc.version, doc.verified_by, doc.verified_at, doc.tags, doc.extra, doc.format]
    return hashlib.sha256(json.dumps([doc.text, meta, signature], sort_keys=True, default=str).encode()).hexdigest()


def _chunk_ids(doc_id: str, chunks: list[ChunkSpan]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for c in chunks:
        k = seen.get(c.text, 0)
        seen[c.text] = k + 1
        ids.append(hashlib.sha256(f"{doc_id}\0{k}\0{c.text}".encode()).hexdigest()[:40])
    return ids


def _embed_hash(c: ChunkSpan) -> str:
    return hashlib.sha256(c.embed_text.encode()).hexdigest()


def _load_documents(s: Session, ids: list[str]) -> dict[str, Document]:
    docs: dict[str, Document] = {}
    for i in range(0, len(ids), 500):
        docs.update((d.id, d) for d in s.scalars(select(Document).where(Document.id.in_(ids[i : i + 500]))))
    return docs


def _chunk_rows(p: _Planned, collection_id: int, vectors: dict[str, np.ndarray]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for ord_, (cid, ch) in enumerate(zip(_chunk_ids(p.doc_id, p.chunks), p.chunks, strict=True)):
        h = _embed_hash(ch)
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


def ensure_collection(store: Store, name: str) -> Collection:
    with store.session() as s:
        col = s.scalar(select(Collection).where(Collection.name == name))
        if col is None:
            col = Collection(name=name, version=0)
            s.add(col)
            s.flush()
        return col


class Ingestor:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        data_dir: Path,
        chunking: ChunkingSettings,
        index: IndexSettings,
        limits: IngestLimits,
        model_name: str = "all-MiniLM-L6-v2",
    ) -> None:
        self.store, self.embedder, self.data_dir = store, embedder, data_dir
        self.chunking, self.index, self.limits, self.model_name = chunking, index, limits, model_name

    def _signature(self) -> str:
        c = self.chunking
        return f"{CHUNKER_VERSION}|{self.model_name}|{c.max_tokens}|{c.overlap_sentences}"

    def max_tokens(self) -> int:
        # Never above what the model reads: anything longer would be truncated silently by the model.
        return min(self.chunking.max_tokens, self.embedder.max_tokens)

    def ingest(
        self, paths: list[Path], collection: str, *, sync: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Ingest files and folders; a folder's files get sources relative to it."""
        files, missing = discover(paths)
        return self.ingest_files(files, collection, sync=sync, progress=progress, missing=missing)

    def ingest_files(
        self,
        files: list[FoundFile],
        collection: str,
        *,
        sync: bool = False,
        progress: Progress | None = None,
        missing: list[tuple[str, str]] | None = None,
    ) -> IngestReport:
        """Ingest files with the sources given (HTTP uploads name their own)."""
        t0 = time.perf_counter()
        report = IngestReport(collection=collection)
        tick = progress or (lambda _stage, _done, _total: None)
        with writer_lock(self.data_dir):
            col = ensure_collection(self.store, collection)
            self._repair(col)
            plans, seen_sources = self._plan(files, missing or [], col, report, tick)
            vectors = self._embed(plans, report, tick)
            failpoint("before_commit")
            changed = self._commit(col, plans, vectors, seen_sources, sync, report)
            failpoint("after_commit")
            if changed:
                tick("index", 0, 1)
                write_snapshot(self.data_dir, build_snapshot(self.store, col, self.index))
                tick("index", 1, 1)
            report.version = col.version
        report.seconds = round(time.perf_counter() - t0, 3)
        return report

    def _repair(self, col: Collection) -> None:
        """Complete a previous run that died between its commit and its snapshot."""
        if col.version and current_version(self.data_dir, col.name) != col.version:
            write_snapshot(self.data_dir, build_snapshot(self.store, col, self.index))

    def _plan(
        self,
        files: list[FoundFile],
        missing: list[tuple[str, str]],
        col: Collection,
        report: IngestReport,
        tick: Progress,
    ) -> tuple[list[_Planned], set[str]]:
        for p, err in missing:
            report.errors.append({"path": p, "error": err})
        with self.store.session() as s:
            existing = {d.source: d for d in s.scalars(select(Document).where(Document.collection_id == col.id))}
        by_file: dict[str, list[Document]] = {}
        for d in existing.values():
            by_file.setdefault(d.file_path, []).append(d)
        plans: list[_Planned] = []
        seen: set[str] = set()
        max_tokens = self.max_tokens()
        for i, f in enumerate(files):
            tick("read", i, len(files))
            old = by_file.get(f.source, [])
            try:
                size = f.path.stat().st_size
                if size > self.limits.max_file_bytes:
                    raise LoadError(f"file is {size} bytes, over the limit of {self.limits.max_file_bytes}")
                data = f.path.read_bytes()
            except (OSError, LoadError) as exc:
                self._fail(report, f.path, exc, old, seen)
                continue
            # The chunking configuration is part of both hashes: changing it re-chunks every document
            # (chunks whose embedded text stays the same still reuse their vectors).
            file_hash = hashlib.sha256(self._signature().encode() + b"\0" + data).hexdigest()
            if old and all(d.file_hash == file_hash for d in old):
                report.documents_unchanged += len(old)
                seen.update(d.source for d in old)
                continue
            try:
                docs = load_file(f.path, f.source, data)
                for doc in docs:
                    if len(doc.text) > self.limits.max_document_chars:
                        raise LoadError(
                            f"{doc.source}: {len(doc.text)} characters of text, over the limit of "
                            f"{self.limits.max_document_chars}"
                        )
            except LoadError as exc:
                self._fail(report, f.path, exc, old, seen)
                continue
            for doc in docs:
                seen.add(doc.source)
                prev = existing.get(doc.source)
                chash = _content_hash(doc, self._signature())
                if prev is not None and prev.content_hash == chash:
                    report.documents_unchanged += 1
                    plans.append(_Planned(doc, prev.id, f.source, file_hash, chash, [], prev))
                    continue
                chunks = chunk_document(
                    doc.text, doc.title, self.embedder.count_tokens, max_tokens, self.chunking.overlap_sentences
                )
                plans.append(_Planned(doc, doc_id_for(col.name, doc.source), f.source, file_hash, chash, chunks, prev))
        tick("read", len(files), len(files))
        return plans, seen

    @staticmethod
    def _fail(report: IngestReport, path: Path, exc: Exception, old: list[Document], seen: set[str]) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        report.errors.append({"path": str(path), "error": reason})
        report.documents_failed += 1
        # The previous good version stays: a file that went bad is not a file that was removed.
        seen.update(d.source for d in old)

    def _embed(self, plans: list[_Planned], report: IngestReport, tick: Progress) -> dict[str, np.ndarray]:
        """Vectors by embed-text hash: reused from the store where the same text was embedded before."""
        wanted: dict[str, str] = {}
        n_tokens: dict[str, int] = {}
        for p in plans:
            for c in p.chunks:
                h = _embed_hash(c)
                wanted.setdefault(h, c.embed_text)
                n_tokens[h] = c.n_tokens
        vectors: dict[str, np.ndarray] = {}
        old_ids = [p.existing.id for p in plans if p.existing is not None and p.chunks]
        if old_ids and wanted:
            with self.store.session() as s:
                for h, blob in s.execute(select(Chunk.embed_hash, Chunk.vector).where(Chunk.doc_id.in_(old_ids))):
                    if h in wanted:
                        vectors[h] = np.frombuffer(blob, dtype="<f4")
        todo = [(h, t) for h, t in wanted.items() if h not in vectors]
        # Longest first across the whole run: the embedder sorts within each call, but a call sees only
        # one slice, so slicing in document order would pad short chunks to long neighbours.
        todo.sort(key=lambda ht: -n_tokens[ht[0]])
        report.chunks_reused = len(wanted) - len(todo)
        step = 256  # progress granularity; the embedder batches internally
        for i in range(0, len(todo), step):
            tick("embed", i, len(todo))
            part = todo[i : i + step]
            for (h, _), v in zip(part, self.embedder.embed([t for _, t in part]), strict=True):
                vectors[h] = v
        tick("embed", len(todo), len(todo))
        report.chunks_embedded = len(todo)
        return vectors

    def _commit(
        self,
        col: Collection,
        plans: list[_Planned],
        vectors: dict[str, np.ndarray],
        seen: set[str],
        sync: bool,
        report: IngestReport,
    ) -> bool:
        now = utcnow()
        with self.store.session() as s:
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
            for i in range(0, len(replaced), 500):
                s.execute(delete(Chunk).where(Chunk.doc_id.in_(replaced[i : i + 500])))
            s.flush()
            if rows:
                s.execute(insert(Chunk), rows)
            if sync:
                for doc in s.scalars(select(Document).where(Document.collection_id == c.id)):
                    if doc.source not in seen:
                        s.delete(doc)
                        report.documents_deleted += 1
                        changed = True
            if changed:
                c.version += 1
                c.dim = c.dim or self.embedder.dim
                c.embedding_model = self.model_name
            s.flush()
            report.chunks_total = s.query(Chunk).filter(Chunk.collection_id == c.id).count()
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
        return changed


def remove_documents(
    store: Store, data_dir: Path, index: IndexSettings, collection: str, refs: list[str]
) -> tuple[list[str], list[str]]:
    """Delete documents (by id or source) and switch to a snapshot without them: (removed, not_found)."""
    with writer_lock(data_dir):
        with store.session() as s:
            col = s.scalar(select(Collection).where(Collection.name == collection).with_for_update())
            if col is None:
                return [], refs
            removed, missing = [], []
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
                    s.delete(doc)
            if removed:
                col.version += 1
        if removed:
            write_snapshot(data_dir, build_snapshot(store, col, index))
        return removed, missing
