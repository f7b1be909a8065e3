"""The VectorIndex seam and its FAISS implementation. Ids are chunk rows in the store.

Filters live inside the implementation: a caller passes the rows it allows (metadata filters) and the rows
it excludes (deletion markers of a segment), never a FAISS selector, so `app/` does not import faiss.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Protocol

import faiss
import numpy as np

from ingestion.settings import IndexSettings

# Batched queries: BLAS from the first query gives identical results ~9x faster (measured).
faiss.cvar.distance_compute_blas_threshold = 1
# One query is searched on the calling thread alone: on 2 cores an OpenMP team for it cost more than the
# search (IVF over 1M vectors: p50 23 ms with 2 threads against 1.7 ms with 1, measured under load), and
# a server runs queries of many requests side by side anyway. Batches keep every core.
_BATCH_THREADS = faiss.omp_get_max_threads()


class VectorIndex(Protocol):
    @property
    def size(self) -> int: ...

    def search(
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None, excluded: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids), each (n_queries, k), best first; missing hits have id -1 and score -inf. Only ids in
        `allowed` (when given) and not in `excluded` are returned."""
        ...

    def save(self, path: Path) -> None: ...


def choose_kind(settings: IndexSettings, n: int) -> str:
    """`auto`: exact (flat) search while it is cheap, IVF once a scan of every vector would cost more
    than the rest of a query (see `IndexSettings.auto_ivf_from`)."""
    if settings.kind != "auto":
        return settings.kind
    return "ivf" if n >= settings.auto_ivf_from else "flat"


class FaissIndex:
    """Inner product over L2-normalised vectors (cosine). Flat, HNSW or IVF by `IndexSettings.kind`."""

    def __init__(self, index: faiss.Index, settings: IndexSettings) -> None:
        self.index = index
        self.settings = settings
        self._tune()

    @classmethod
    def build(cls, dim: int, ids: np.ndarray, vectors: np.ndarray, settings: IndexSettings) -> FaissIndex:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(ids), dim)
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        n = len(ids)
        kind = choose_kind(settings, n)
        inner: faiss.Index
        if kind == "hnsw" and n > 0:
            inner = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = settings.hnsw_ef_construction
        elif kind == "ivf" and n >= 39:
            # FAISS wants ~39 training points per list; `auto` sizes the lists to ~4 sqrt(n).
            want = settings.ivf_nlist if settings.kind == "ivf" else int(4 * math.sqrt(n))
            nlist = max(1, min(want, n // 39))
            quantizer = faiss.IndexFlatIP(dim)
            inner = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
            # k-means on a sample: training on every vector of a large segment buys nothing measurable.
            sample = vectors if n <= 256 * nlist else vectors[np.random.default_rng(0).choice(n, 256 * nlist, False)]
            inner.train(sample)
        else:
            inner = faiss.IndexFlatIP(dim)
        index = faiss.IndexIDMap2(inner)
        if n:
            index.add_with_ids(vectors, ids)
        return cls(index, settings)

    def _tune(self) -> None:
        inner = faiss.downcast_index(self.index.index) if isinstance(self.index, faiss.IndexIDMap2) else None
        if isinstance(inner, faiss.IndexHNSWFlat):
            inner.hnsw.efSearch = self.settings.hnsw_ef_search
        elif isinstance(inner, faiss.IndexIVFFlat):
            inner.nprobe = self.settings.ivf_nprobe
            inner.make_direct_map()  # reconstruct() needs it for IVF

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))

    def search(
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None, excluded: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        q = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        k = max(1, min(k, self.size)) if self.size else 1
        if not self.size or (allowed is not None and not len(allowed)):
            return np.full((len(q), k), -np.inf, dtype=np.float32), np.full((len(q), k), -1, dtype=np.int64)
        # OpenMP's thread count is per calling thread (a server's request threads do not share it).
        faiss.omp_set_num_threads(1 if len(q) == 1 else _BATCH_THREADS)
        keep = _selectors(allowed, excluded)  # the SWIG objects must outlive the search
        if not keep:
            return self.index.search(q, k)
        params = _params_for(self.index, keep[-1])
        scores, ids = self.index.search(q, k, params=params)
        return scores, ids

    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        return np.vstack([self.index.reconstruct(int(i)) for i in ids]) if len(ids) else np.zeros((0, 0), np.float32)

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, settings: IndexSettings) -> FaissIndex:
        return cls(faiss.read_index(str(path)), settings)


def _selectors(allowed: np.ndarray | None, excluded: np.ndarray | None) -> list[faiss.IDSelector]:
    """The selector to search with last, preceded by any it wraps; empty when nothing is filtered."""
    has_excluded = excluded is not None and len(excluded) > 0
    if allowed is not None:
        ok = np.setdiff1d(allowed, excluded) if excluded is not None and has_excluded else allowed
        return [faiss.IDSelectorBatch(np.ascontiguousarray(ok, dtype=np.int64))]
    if has_excluded:
        batch = faiss.IDSelectorBatch(np.ascontiguousarray(excluded, dtype=np.int64))
        return [batch, faiss.IDSelectorNot(batch)]
    return []


def _params_for(index: faiss.Index, selector: faiss.IDSelector) -> faiss.SearchParameters:
    # IndexIDMap2 translates the selector to the inner index's positions; HNSW and IVF take their own
    # parameter types so that efSearch / nprobe stay as tuned.
    inner = faiss.downcast_index(index.index) if isinstance(index, faiss.IndexIDMap2) else index
    params: Any
    if isinstance(inner, faiss.IndexHNSWFlat):
        params = faiss.SearchParametersHNSW()  # type: ignore[attr-defined]  # missing from faiss's stubs
        params.efSearch = inner.hnsw.efSearch
    elif isinstance(inner, faiss.IndexIVFFlat):
        params = faiss.SearchParametersIVF()
        params.nprobe = inner.nprobe
    else:
        params = faiss.SearchParameters()
    params.sel = selector
    return params
