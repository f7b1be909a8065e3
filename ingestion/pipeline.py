"""The ingestion pipeline: discover -> load -> chunk -> embed what changed -> one transaction -> snapshot.

Crash safety: nothing is written to the store until one final transaction, and the index snapshot is
written after it commits. A kill before the commit leaves the previous store and snapshot untouched;
a kill after it leaves a snapshot one version behind, which the next run (or a reader) rebuilds from
the store's vectors without embedding anything.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np
from sqlalchemy import select

from ingestion import embed_cache
from ingestion.catchup import advance
from ingestion.chunking import ChunkSpan, chunk_document
from ingestion.discovery import FoundFile, discover
from ingestion.embedder import ModelEmbedder
from ingestion.failpoints import failpoint
from ingestion.known import KnownDocument, SourceOwners, StoredDocuments
from ingestion.loaders import LoadedDocument, LoadError
from ingestion.locking import writer_lock
from ingestion.manifests import current_version
from ingestion.model_identity import ModelChanged, ModelStamp, RecordedModel, is_model_change
from ingestion.preparing import FileWork, PreparedFile, prepare_file
from ingestion.reembed import reembed_plans
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Collection, Store
from ingestion.writer import (
    IngestReport,
    PlannedDocument,
    commit_plans,
    embed_hash,
    merge_quietly,
)

Progress = Callable[[str, int, int], None]  # (stage, done, total)
CHUNKER_VERSION = "4"  # bump when chunking or normalisation changes what a document becomes (4: PDF lines reflowed)
# Part of every file and content hash. It once named the model; a model change is now caught for the
# whole collection (ingestion/model_identity.py), and the text stays so that stored hashes remain valid.
SIGNATURE_TAG = "all-MiniLM-L6-v2"


def doc_id_for(collection: str, source: str) -> str:
    return hashlib.sha256(f"{collection}\0{source}".encode()).hexdigest()[:32]


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
        embedder: ModelEmbedder,
        data_dir: Path,
        chunking: ChunkingSettings,
        index: IndexSettings,
        limits: IngestLimits,
    ) -> None:
        self.store, self.embedder, self.data_dir = store, embedder, data_dir
        self.chunking, self.index, self.limits = chunking, index, limits
        self._model_ready = False

    def _signature(self) -> str:
        c = self.chunking
        return f"{CHUNKER_VERSION}|{SIGNATURE_TAG}|{c.max_tokens}|{c.overlap_sentences}"

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
        on_commit: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Ingest files with the sources given (HTTP uploads name their own). `on_commit` runs once the
        store and the snapshot hold the run, still under the writer lock (an upload puts its file in
        place there, so that disk and store change together)."""
        t0 = time.perf_counter()
        report = IngestReport(collection=collection)
        tick = progress or (lambda _stage, _done, _total: None)
        with writer_lock(self.data_dir, self.store):
            col = ensure_collection(self.store, collection)
            self._repair(col)
            plans, seen_sources = self._plan(files, missing or [], col, report, tick, sync)
            reembed, stamp = self._check_model(col, plans)
            if reembed:
                plans = reembed_plans(self.store, col, plans, seen_sources, sync, self._chunk)
            vectors = self._embed(plans, report, tick, col.id, reuse_stored=not reembed)
            failpoint("before_commit")
            committed = commit_plans(
                self.store,
                col,
                plans,
                vectors,
                report,
                seen=seen_sources,
                sync=sync,
                # Asking the width loads the model: only a run that writes vectors (or starts a collection) needs it.
                dim=self.embedder.dim if any(p.chunks for p in plans) or not col.dim else col.dim,
                stamp=stamp,
            )
            embed_cache.clear(self.store, col.id)  # the run's vectors are in its chunks now
            failpoint("after_commit")
            if committed.changed:
                tick("index", 0, 1)
                advance(self.store, self.data_dir, col.name, self.index, committed.deleted_rows)
                merge_quietly(self.store, self.data_dir, col.name, self.index)
                tick("index", 1, 1)
            report.version = col.version
            if on_commit is not None:
                on_commit(report)
        report.seconds = round(time.perf_counter() - t0, 3)
        return report

    def _repair(self, col: Collection) -> None:
        """Complete a previous run that died between its commit and its snapshot."""
        if col.version and current_version(self.data_dir, col.name) != col.version:
            advance(self.store, self.data_dir, col.name, self.index)

    def _plan(
        self,
        files: list[FoundFile],
        missing: list[tuple[str, str]],
        col: Collection,
        report: IngestReport,
        tick: Progress,
        sync: bool,
    ) -> tuple[list[PlannedDocument], set[str]]:
        for p, err in missing:
            report.errors.append({"path": p, "error": err})
        # A sync must see every document (those not seen are deleted); otherwise only what these files touch.
        stored = StoredDocuments(self.store, col.id, None if sync else [f.source for f in files])
        owners = SourceOwners(stored)
        plans: list[PlannedDocument] = []
        seen: set[str] = set()
        changed = self._read(files, stored, report, seen, tick)
        # Files in the order given: which file owns a source is decided by who comes first.
        for work, prepared in self._prepare(changed, col, tick):
            old = stored.of_file(work.source)
            try:
                if prepared.error is not None:
                    raise LoadError(prepared.error)
                stored.read_keys(item.doc.source for item in prepared.docs)
                for item in prepared.docs:
                    owners.check(item.doc.source, work.source)
            except LoadError as exc:
                self._fail(report, work.path, exc, old, seen)
                continue
            for item in prepared.docs:
                doc = item.doc
                owners.claim(doc.source, work.source)
                seen.add(doc.source)
                prev = stored.get(doc.source)
                if item.chunks is None and prev is not None:  # the content the store holds: nothing to write
                    report.documents_unchanged += 1
                    doc_id, chunks = prev.id, []
                else:
                    doc_id, chunks = doc_id_for(col.name, doc.source), item.chunks or []
                plans.append(PlannedDocument(doc, doc_id, work.source, work.file_hash, item.content_hash, chunks, prev))
        return plans, seen

    def _read(
        self,
        files: list[FoundFile],
        stored: StoredDocuments,
        report: IngestReport,
        seen: set[str],
        tick: Progress,
    ) -> Iterator[FileWork]:
        """Each file whose bytes changed, read once; a file that cannot be read is reported here."""
        for i, f in enumerate(files):
            tick("read", i, len(files))
            old = stored.of_file(f.source)
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
            yield FileWork(f.path, f.source, data, file_hash, {d.source: d.content_hash for d in old})
        tick("read", len(files), len(files))

    def _prepare(
        self, changed: Iterable[FileWork], col: Collection, tick: Progress
    ) -> Iterator[tuple[FileWork, PreparedFile]]:
        """Parse, check and chunk each changed file, in order, one at a time (the Ray variant spreads this
        step over a cluster: `ingestion/distributed.py`)."""

        def chunk(doc: LoadedDocument) -> list[ChunkSpan]:
            if not self._model_ready:  # loading takes seconds: say so rather than sit on "0 of N"
                tick("model", 0, 1)
                self.max_tokens()  # loads the model: only a changed document is chunked
                self._model_ready = True
                tick("model", 1, 1)
            return self._chunk(doc)

        for work in changed:
            yield work, prepare_file(work, self.limits, self._signature(), chunk)

    def _chunk(self, doc: LoadedDocument) -> list[ChunkSpan]:
        return chunk_document(
            doc.text,
            doc.title,
            self.embedder.count_tokens,
            self.max_tokens(),
            self.chunking.overlap_sentences,
            self.embedder.token_spans,
        )

    def _check_model(self, col: Collection, plans: list[PlannedDocument]) -> tuple[bool, ModelStamp | None]:
        """(re-embed every chunk?, the stamp of the vectors this run writes). Raises ModelChanged when the
        collection holds another model's vectors and TETHER_INGEST__ON_MODEL_CHANGE is refuse."""
        reembed_asked = self.limits.on_model_change == "reembed"
        if not reembed_asked and not any(p.chunks for p in plans):
            return False, None  # no vector is written (and the model need not load): nothing to mix
        with self.store.session() as s:
            has_vectors = s.scalar(select(Chunk.row).where(Chunk.collection_id == col.id).limit(1)) is not None
        recorded = RecordedModel(col.embedding_model, col.embedding_fingerprint, col.dim, col.embedding_precision)
        identity = self.embedder.identity
        changed = is_model_change(recorded, identity, has_vectors)
        if changed is None:  # written before fingerprints were recorded: adopted, unless a re-embed is asked
            changed = reembed_asked
        if changed and not reembed_asked:
            raise ModelChanged(col.name, recorded, identity)
        return changed, ModelStamp(identity, self.embedder.precision.dtype, fresh=changed or not has_vectors)

    @staticmethod
    def _fail(report: IngestReport, path: Path, exc: Exception, old: list[KnownDocument], seen: set[str]) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        report.errors.append({"path": str(path), "error": reason})
        report.documents_failed += 1
        # The previous good version stays: a file that went bad is not a file that was removed.
        seen.update(d.source for d in old)

    def _embed(
        self, plans: list[PlannedDocument], report: IngestReport, tick: Progress, collection_id: int, reuse_stored: bool
    ) -> dict[str, np.ndarray]:
        """Vectors by embed-text hash: reused from the store where the same text was embedded before (unless
        the model changed), taken from the cache where an interrupted run computed them, else embedded in
        batches, each committed to the cache before the next (so a kill loses one batch at most)."""
        wanted: dict[str, ChunkSpan] = {}
        for p in plans:
            for c in p.chunks:
                wanted.setdefault(embed_hash(c), c)
        vectors: dict[str, np.ndarray] = {}
        if not wanted:
            return vectors
        old_ids = [p.existing.id for p in plans if p.existing is not None and p.chunks]
        if old_ids and reuse_stored:
            with self.store.session() as s:
                for h, blob in s.execute(select(Chunk.embed_hash, Chunk.vector).where(Chunk.doc_id.in_(old_ids))):
                    if h in wanted:
                        vectors[h] = np.frombuffer(blob, dtype="<f4")
        model = embed_cache.model_key(self.embedder.identity, self.embedder.precision.dtype)
        resumed = embed_cache.load(self.store, collection_id, model, (h for h in wanted if h not in vectors))
        vectors.update(resumed)
        report.chunks_resumed = len(resumed)
        # Longest first across the whole run: the embedder sorts within each call, but a call sees only
        # one slice, so slicing in document order would pad short chunks to long neighbours.
        todo = sorted((h for h in wanted if h not in vectors), key=lambda h: -wanted[h].n_tokens)
        step = self.limits.embed_commit_every  # also the progress granularity; the embedder batches internally
        for i in range(0, len(todo), step):
            tick("embed", i, len(todo))
            part = todo[i : i + step]
            batch = dict(zip(part, self.embedder.embed([wanted[h].embed_text for h in part]), strict=True))
            embed_cache.save(self.store, collection_id, model, batch)
            failpoint("embed_batch_saved")
            vectors.update(batch)
        tick("embed", len(todo), len(todo))
        report.chunks_embedded = len(todo)
        return vectors
