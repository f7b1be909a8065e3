"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidates, fused by reciprocal rank, filtered by
metadata, floored by relevance, near-duplicates collapsed. Only the fused candidates are read from the
store (text, document, vector); the indexes hold rows, not Python objects per chunk."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from app.retrieval.passages import Passage
from app.retrieval.view import Candidate, ChunkMeta, CollectionView, StaleView, UnknownCollection, load_view
from app.settings import RetrievalSettings
from ingestion.embedder import Embedder
from ingestion.lexical import query_terms
from ingestion.settings import IndexSettings
from ingestion.snapshot import SegmentCache
from ingestion.store import Collection, Store


class Filters(BaseModel):
    """Metadata filters; a passage must match every filter given (values within one filter are OR)."""

    model_config = ConfigDict(extra="forbid")
    tags: list[str] | None = Field(None, max_length=50, description="Documents carrying any of these tags.")
    sources: list[str] | None = Field(
        None, max_length=50, description="Source path prefixes, e.g. 'plans/' or 'faq/faq.csv'."
    )
    doc_ids: list[str] | None = Field(None, max_length=500, description="Only these documents.")
    formats: list[str] | None = Field(None, max_length=10, description="markdown, html, pdf, text, faq-csv, faq-jsonl.")


@dataclass
class Retrieval:
    passages: list[Passage]
    query_vector: np.ndarray
    collection_version: int
    timings_ms: dict[str, float] = field(default_factory=dict)
    candidates: int = 0
    # The question's lexical terms that no chunk of the collection holds (None: not looked up). A name
    # the knowledge base never writes is one no passage can answer about (app/grounding/answerability.py).
    unwritten: frozenset[str] | None = None


def rrf(rankings: Sequence[Sequence[int]], k: int) -> dict[int, float]:
    """Reciprocal rank fusion: sum over rankings of 1 / (k + rank), ranks from 1."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, row in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + 1.0 / (k + rank)
    return fused


def _allowed_rows(store: Store, view: CollectionView, f: Filters) -> np.ndarray | None:
    """Rows of the documents matching the filters; None when no filter is given. Costs a read of the
    collection's documents (not its chunks) and the rows of the matching ones."""
    if not (f.tags or f.sources or f.doc_ids or f.formats):
        return None
    tags, ids, formats = set(f.tags or ()), set(f.doc_ids or ()), set(f.formats or ())
    ok_docs = {
        d.id
        for d in view.documents(store)
        if (not tags or tags & set(d.tags))
        and (not f.sources or any(d.source.startswith(p) for p in f.sources))
        and (not ids or d.id in ids)
        and (not formats or d.format in formats)
    }
    return view.allowed_rows(store, ok_docs)


class Retriever:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        data_dir: Path,
        index_settings: IndexSettings,
        settings: RetrievalSettings,
        refresh_s: float = 1.0,
    ) -> None:
        self.store, self.embedder, self.data_dir = store, embedder, data_dir
        self.index_settings, self.settings, self.refresh_s = index_settings, settings, refresh_s
        self._views: dict[str, CollectionView] = {}
        self._checked: dict[str, float] = {}
        self._lock = threading.Lock()
        self._segments = SegmentCache()

    def collections(self) -> dict[str, int]:
        with self.store.session() as s:
            return {c.name: c.version for c in s.scalars(select(Collection).order_by(Collection.name))}

    def index_sizes(self) -> dict[str, int]:
        """Chunks in each loaded view (for the metrics endpoint)."""
        return {name: v.snapshot.size for name, v in list(self._views.items())}

    def view(self, name: str, *, fresh: bool = False) -> CollectionView:
        """The newest consistent view; the store's version is polled at most every `refresh_s` (at once
        with `fresh`: a view that turned out stale)."""
        now = time.monotonic()
        view = self._views.get(name)
        if view is not None and not fresh and now - self._checked.get(name, 0.0) < self.refresh_s:
            return view
        with self.store.session() as s:
            version = s.scalar(select(Collection.version).where(Collection.name == name))
        if version is None:
            raise UnknownCollection(name)
        if view is None or view.version != version:
            # One loader per switch. Others keep serving the old view meanwhile, unless they have none or
            # found theirs stale (then they wait for the new one).
            if not self._lock.acquire(blocking=view is None or fresh):
                assert view is not None  # a blocking acquire never fails
                return view
            try:
                view = self._views.get(name)
                if view is None or view.version != version:
                    view = load_view(self.store, self.data_dir, name, self.index_settings, self._segments, current=view)
                    self._views[name] = view
            finally:
                self._lock.release()
        self._checked[name] = now
        return view

    def retrieve(self, question: str, collection: str, top_k: int, filters: Filters | None = None) -> Retrieval:
        t0 = time.perf_counter()
        view = self.view(collection)
        t_view = time.perf_counter()
        qv = self.embedder.embed([question])[0]
        t_embed = time.perf_counter()
        for attempt in range(3):
            try:
                passages, n_cand = self._search(view, question, qv, top_k, filters or Filters())
                break
            except StaleView:
                if attempt == 2:
                    raise
                view = self.view(collection, fresh=True)  # a newer version removed a candidate: use it whole
        t_search = time.perf_counter()
        timings = {
            "load_ms": (t_view - t0) * 1000,
            "embed_ms": (t_embed - t_view) * 1000,
            "search_ms": (t_search - t_embed) * 1000,
        }
        unwritten = view.snapshot.unwritten(query_terms(question))
        return Retrieval(passages, qv, view.version, {k: round(v, 2) for k, v in timings.items()}, n_cand, unwritten)

    def _search(
        self, view: CollectionView, question: str, qv: np.ndarray, top_k: int, filters: Filters
    ) -> tuple[list[Passage], int]:
        cfg = self.settings
        n = max(cfg.candidates, top_k)  # never fewer candidates than the passages asked for
        allowed = _allowed_rows(self.store, view, filters)
        if allowed is not None and not len(allowed):
            return [], 0
        snap = view.snapshot
        _, dense_ids = snap.search_dense(qv, n, allowed=allowed)
        dense = [int(i) for i in dense_ids]
        lexical = [row for row, _ in snap.search_lexical(question, n, allowed=allowed)]
        fused = rrf([dense, lexical], cfg.rrf_k)
        rows = sorted(fused, key=lambda r: -fused[r])
        if not rows:
            return [], 0
        found = view.fetch(self.store, rows)
        vecs = np.vstack([found[r].vector for r in rows])
        cos = vecs @ qv
        keep: list[int] = []
        kept_vecs: list[np.ndarray] = []
        for i, row in enumerate(rows):
            if cos[i] < cfg.min_dense_score:
                continue  # below the relevance floor, whatever its lexical rank
            c = found[row].chunk
            if any(float(vecs[i] @ kv) >= cfg.dedup_similarity for kv in kept_vecs) or any(
                _overlaps(c, found[k].chunk) for k in keep
            ):
                continue
            keep.append(row)
            kept_vecs.append(vecs[i])
            if len(keep) == top_k:
                break
        score_of = {r: float(cos[i]) for i, r in enumerate(rows)}
        return [self._passage(view.name, found[r], score_of[r], fused[r]) for r in keep], len(rows)

    @staticmethod
    def _passage(collection: str, cand: Candidate, cosine: float, fused: float) -> Passage:
        c, d = cand.chunk, cand.doc
        return Passage(
            chunk_id=c.chunk_id,
            doc_id=c.doc_id,
            collection=collection,
            title=d.title,
            uri=d.uri,
            version=d.version,
            source=d.source,
            start=c.start,
            end=c.end,
            text=c.text,
            score=round(cosine, 4),
            sentences=c.sentences,
            heading=c.heading,
            metadata={
                "rrf": round(fused, 5),
                "revision": d.revision,
                "tags": list(d.tags),
                "format": d.format,
                "pages": _pages(d.extra, c.start, c.end),
            },
        )


def _overlaps(a: ChunkMeta, b: ChunkMeta) -> bool:
    """Same document and more than half of the shorter span shared (overlapping neighbour chunks)."""
    if a.doc_id != b.doc_id:
        return False
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0.5 * min(a.end - a.start, b.end - b.start)


def _pages(extra: dict[str, object], start: int, end: int) -> list[int] | None:
    pages = extra.get("pages")
    if not isinstance(pages, list):
        return None
    return [int(p[0]) for p in pages if p[1] < end and p[2] > start] or None


__all__ = ["Filters", "Retrieval", "Retriever", "StaleView", "UnknownCollection", "rrf"]
