"""The next version of a collection's index from the store's rows, at the cost of the change.

Chunk rows are never reused and only grow within a collection (commits on a collection are serialised by
its row lock), so the chunks a version added are the rows above the previous manifest's `max_row`, and
the ones it deleted are the previous live rows the store no longer holds. The writer names the rows it
deleted; a reader catching up (a replica, or a snapshot left behind by a crash) finds them by difference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ingestion.manifests import Manifest, collection_dir, read_manifest, write_manifest
from ingestion.segments import Segment, build_segment, new_segment_id, segment_rows, write_segment
from ingestion.settings import IndexSettings
from ingestion.snapshot import SegmentCache, Snapshot, assemble, read_snapshot
from ingestion.store import Chunk, Collection, Store

DEFAULT_DIM = 384


class StoreMoved(RuntimeError):
    """The store's version changed while a merge read it; the merge is retried later."""


@dataclass(frozen=True)
class Delta:
    manifest: Manifest
    segment: Segment | None  # what the version added, not yet on disk


def consistent_read(s: Session) -> None:
    # PostgreSQL reads each statement at its own moment by default; one snapshot for the whole read.
    if s.bind is not None and s.bind.dialect.name == "postgresql":
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def fetch_rows(s: Session, collection_id: int, where: ColumnElement[bool]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(rows, vectors, texts) of the collection's chunks matching `where`, ascending by row."""
    result = s.execute(
        select(Chunk.row, Chunk.vector, Chunk.text)
        .where(Chunk.collection_id == collection_id, where)
        .order_by(Chunk.row)
    ).all()
    rows = np.fromiter((r[0] for r in result), dtype=np.int64, count=len(result))
    vectors = (
        np.frombuffer(b"".join(r[1] for r in result), dtype="<f4").reshape(len(result), -1)
        if result
        else np.zeros((0, 0), np.float32)
    )
    return rows, vectors, [r[2] for r in result]


def next_delta(
    store: Store,
    name: str,
    base: Manifest | None,
    held: Callable[[str], np.ndarray],
    settings: IndexSettings,
    deleted: np.ndarray | None = None,
) -> Delta:
    """The store's current version as `base` plus one segment and deletion markers. `held(seg_id)` gives a
    segment's rows; `deleted` (the rows the writer removed going from base.version to base.version + 1)
    spares the scan of every row id, and is ignored when the store is not exactly one version ahead."""
    with store.session() as s:
        consistent_read(s)
        col = s.scalar(select(Collection).where(Collection.name == name))
        if col is None:
            raise LookupError(name)
        floor = base.max_row if base is not None else 0  # rows start at 1
        rows, vectors, texts = fetch_rows(s, col.id, Chunk.row > floor)
        dim = col.dim or (vectors.shape[1] if len(rows) else DEFAULT_DIM)
        gone = np.zeros(0, np.int64)
        if base is not None:
            if deleted is not None and col.version == base.version + 1:
                gone = np.asarray(deleted, dtype=np.int64)
            else:
                kept = np.fromiter(
                    s.scalars(select(Chunk.row).where(Chunk.collection_id == col.id, Chunk.row <= floor)), np.int64
                )
                held_rows = [held(i) for i in base.segments]
                live = np.setdiff1d(np.concatenate(held_rows) if held_rows else kept[:0], base.deleted)
                gone = np.setdiff1d(live, kept)
        version = col.version
    seg = build_segment(new_segment_id(version), rows, vectors, texts, dim, settings) if len(rows) else None
    segments = (base.segments if base is not None else ()) + ((seg.id,) if seg is not None else ())
    all_deleted = np.union1d(base.deleted, gone).astype(np.int64) if base is not None else gone
    max_row = int(rows[-1]) if len(rows) else floor
    return Delta(Manifest(version, segments, max_row, dim, all_deleted), seg)


def advance(
    store: Store, data_dir: Path, name: str, settings: IndexSettings, deleted: np.ndarray | None = None
) -> Manifest:
    """Write the store's current version of a collection as a new manifest (the writer's step, under the
    writer lock): one new segment of what was added, deletion markers for what was removed."""
    cdir = collection_dir(data_dir, name)
    base = read_manifest(data_dir, name)
    delta = next_delta(store, name, base, lambda i: segment_rows(cdir, i), settings, deleted)
    if delta.segment is not None:
        write_segment(cdir, delta.segment)
    write_manifest(data_dir, name, delta.manifest)
    return delta.manifest


def catch_up(store: Store, name: str, base: Snapshot | None, settings: IndexSettings, cache: SegmentCache) -> Snapshot:
    """In memory, the store's current version from a reader's older snapshot (or from nothing): what a
    replica does when its data dir is behind the store, without any other replica's disk."""
    delta = next_delta(store, name, base.manifest if base is not None else None, _held_by(base), settings)
    segs = list(base.segments) if base is not None else []
    if delta.segment is not None:
        cache.put(name, delta.segment)
        segs.append(delta.segment)
    return assemble(name, delta.manifest, segs)


def _held_by(base: Snapshot | None) -> Callable[[str], np.ndarray]:
    rows = {s.id: s.rows for s in base.segments} if base is not None else {}
    return lambda seg_id: rows[seg_id]


def open_snapshot(data_dir: Path, store: Store, collection: Collection, settings: IndexSettings) -> Snapshot:
    """The snapshot that agrees with the store: from disk when it does, else caught up in memory."""
    cache = SegmentCache()
    snap = read_snapshot(data_dir, collection.name, settings, cache)
    if snap is not None and snap.version == collection.version:
        return snap
    return catch_up(store, collection.name, snap, settings, cache)
