"""One version of a collection's index as a reader holds it: the segments its manifest names, searched
together, with the rows deleted since each was written left out.

Readers keep loaded segments in a `SegmentCache`: segments never change, so switching to a new version
loads only the segments that version added (usually one, the size of the change). A reader whose data
dir holds no manifest of the store's version catches up from the store's rows (`ingestion/catchup.py`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingestion.lexical import lucene_idf, query_terms
from ingestion.manifests import Manifest, collection_dir, current_version, read_manifest
from ingestion.segments import Segment, load_segment
from ingestion.settings import IndexSettings

__all__ = ["SegmentCache", "Snapshot", "assemble", "current_version", "read_snapshot"]


@dataclass(frozen=True)
class Snapshot:
    collection: str
    manifest: Manifest
    segments: tuple[Segment, ...]
    excluded: tuple[np.ndarray, ...]  # per segment: the rows of it deleted since it was written

    @property
    def version(self) -> int:
        return self.manifest.version

    @property
    def size(self) -> int:
        """Live chunks: rows held by a segment and not deleted."""
        return sum(s.size for s in self.segments) - len(self.manifest.deleted)

    def live_rows(self) -> np.ndarray:
        held = [s.rows for s in self.segments]
        rows = np.concatenate(held) if held else np.zeros(0, np.int64)
        return np.setdiff1d(rows, self.manifest.deleted, assume_unique=True)

    def search_dense(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(scores, rows) of one query vector, best first, across segments (cosines are comparable)."""
        scores: list[np.ndarray] = []
        ids: list[np.ndarray] = []
        for seg, gone in zip(self.segments, self.excluded, strict=True):
            if len(gone) == seg.size:
                # Nothing live in it; and after a re-embed into another model its vectors are of another
                # width, until a merge drops it (ingestion/reembed.py): searching it would fail.
                continue
            s, i = seg.dense.search(query[None, :], k, allowed=allowed, excluded=gone)
            keep = i[0] >= 0
            scores.append(s[0][keep])
            ids.append(i[0][keep])
        if not ids:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        all_s, all_i = np.concatenate(scores), np.concatenate(ids)
        order = np.argsort(-all_s, kind="stable")[:k]
        return all_s[order], all_i[order]

    def unwritten(self, terms: Sequence[str]) -> frozenset[str]:
        """The lexical terms (as `query_terms` spells them) that no segment indexes: words the collection
        never writes. A term of a deleted chunk still counts as written (the error leans to "known")."""
        left = set(terms)
        for seg in self.segments:
            left -= set(seg.lexical.doc_freqs(list(left)))
            if not left:
                break
        return frozenset(left)

    def search_lexical(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """BM25 across segments, each term weighted by its IDF over all of them (see `ingestion.lexical`)."""
        terms = query_terms(query)
        idf = None
        if len(self.segments) > 1:
            df: dict[str, int] = {}
            for seg in self.segments:
                for t, n in seg.lexical.doc_freqs(terms).items():
                    df[t] = df.get(t, 0) + n
            total = sum(s.size for s in self.segments)
            idf = {t: lucene_idf(total, n) for t, n in df.items()}
        hits: list[tuple[int, float]] = []
        for seg, gone in zip(self.segments, self.excluded, strict=True):
            hits.extend(seg.lexical.search_terms(terms, k, idf, allowed=allowed, excluded=gone))
        hits.sort(key=lambda h: -h[1])
        return hits[:k]


def assemble(collection: str, manifest: Manifest, segments: list[Segment]) -> Snapshot:
    excluded = tuple(
        np.intersect1d(s.rows, manifest.deleted, assume_unique=True) if len(manifest.deleted) else manifest.deleted
        for s in segments
    )
    return Snapshot(collection, manifest, tuple(segments), excluded)


class SegmentCache:
    """Loaded segments by collection and id, shared by every version a process holds; segments that the
    newest manifest of a collection no longer names are dropped (views still holding them keep them)."""

    def __init__(self) -> None:
        self._segments: dict[tuple[str, str], Segment] = {}
        self._lock = threading.Lock()

    def get(self, collection: str, seg_id: str) -> Segment | None:
        return self._segments.get((collection, seg_id))

    def put(self, collection: str, seg: Segment) -> None:
        with self._lock:
            self._segments[(collection, seg.id)] = seg

    def open(self, data_dir: Path, collection: str, m: Manifest, settings: IndexSettings) -> Snapshot:
        cdir = collection_dir(data_dir, collection)
        segs = []
        for seg_id in m.segments:
            seg = self.get(collection, seg_id)
            if seg is None:
                seg = load_segment(cdir, seg_id, settings)
                self.put(collection, seg)
            segs.append(seg)
        self.retain(collection, set(m.segments))
        return assemble(collection, m, segs)

    def retain(self, collection: str, ids: set[str]) -> None:
        with self._lock:
            for key in [k for k in self._segments if k[0] == collection and k[1] not in ids]:
                del self._segments[key]


def read_snapshot(
    data_dir: Path, collection: str, settings: IndexSettings, cache: SegmentCache | None = None
) -> Snapshot | None:
    """The current version on disk, or None when there is none (or it cannot be read completely)."""
    m = read_manifest(data_dir, collection)
    if m is None:
        return None
    try:
        return (cache or SegmentCache()).open(data_dir, collection, m, settings)
    except (OSError, RuntimeError, ValueError):
        return None  # pruned under us by a newer version, or damaged: the caller re-reads or catches up
