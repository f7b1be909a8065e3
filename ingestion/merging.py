"""Size-tiered merging of a collection's segments, as Lucene's tiered policy and Milvus's compaction do.

Each ingestion adds one small segment; searching many small segments costs a little per segment, and
deleted rows cost memory until their segment is rewritten. A tier holds segments of similar size (within
a factor of `merge_factor`); once it holds `merge_factor` segments they become one of the next tier, so a
row is rewritten about log(n) / log(factor) times in its life and a large segment is rarely touched. A
segment with `purge_deleted` of its rows deleted is rewritten without them. A merge changes no content: it
writes a new manifest (next generation) for the same version, and readers switch to it like to any other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import select

from ingestion.catchup import StoreMoved, consistent_read, fetch_rows
from ingestion.manifests import Manifest, collection_dir, read_manifest, write_manifest
from ingestion.segments import build_segment, new_segment_id, segment_rows, write_segment
from ingestion.settings import IndexSettings
from ingestion.store import Chunk, Collection, Store


@dataclass(frozen=True)
class MergeReport:
    merged_segments: int = 0  # segments rewritten
    rows_written: int = 0
    rows_purged: int = 0  # deleted rows dropped for good
    segments_after: int = 0


def tier(live: int, factor: int) -> int:
    return int(math.log(max(live, 1), factor))


def plan_merges(sizes: dict[str, tuple[int, int]], settings: IndexSettings) -> list[list[str]]:
    """Groups of segment ids to merge, from {id: (held rows, deleted rows)}, in manifest order."""
    groups: list[list[str]] = []
    by_tier: dict[int, list[str]] = {}
    for seg_id, (held, gone) in sizes.items():
        if held and gone / held >= settings.purge_deleted:
            groups.append([seg_id])  # rewritten alone, without its deleted rows
            continue
        by_tier.setdefault(tier(held - gone, settings.merge_factor), []).append(seg_id)
    for ids in by_tier.values():
        while len(ids) >= settings.merge_factor:
            groups.append(ids[: settings.merge_factor])
            ids = ids[settings.merge_factor :]
    return groups


def merge(store: Store, data_dir: Path, name: str, settings: IndexSettings, *, everything: bool = False) -> MergeReport:
    """Run the merges the policy asks for (all segments into one with `everything`); call under the writer
    lock. A merge reads the rows back from the store at the manifest's version: if the store has moved on
    meanwhile, nothing is written (the next ingestion merges)."""
    cdir = collection_dir(data_dir, name)
    m = read_manifest(data_dir, name)
    if m is None or not m.segments:
        return MergeReport()
    held = {i: segment_rows(cdir, i) for i in m.segments}
    gone = {i: np.intersect1d(r, m.deleted, assume_unique=True) for i, r in held.items()}
    if everything:
        groups = [list(m.segments)] if len(m.segments) > 1 or len(m.deleted) else []
    else:
        groups = plan_merges({i: (len(held[i]), len(gone[i])) for i in m.segments}, settings)
    if not groups:
        return MergeReport(segments_after=len(m.segments))
    segments = list(m.segments)
    deleted = m.deleted
    written = purged = 0
    for group in groups:
        live = np.setdiff1d(np.concatenate([held[i] for i in group]), m.deleted, assume_unique=True)
        with store.session() as s:
            consistent_read(s)
            col = s.scalar(select(Collection).where(Collection.name == name))
            if col is None or col.version != m.version:
                raise StoreMoved(name)
            lo, hi = (int(live[0]), int(live[-1])) if len(live) else (0, -1)
            rows, vectors, texts = fetch_rows(s, col.id, Chunk.row.between(lo, hi))
        pick = np.isin(rows, live)
        rows, vectors = rows[pick], vectors[pick]
        texts = [t for t, ok in zip(texts, pick, strict=True) if ok]
        if len(rows) != len(live):
            raise StoreMoved(name)  # a live row of this version is gone: the store is ahead of the manifest
        seg = build_segment(new_segment_id(m.version), rows, vectors, texts, m.dim, settings) if len(rows) else None
        if seg is not None:
            write_segment(cdir, seg)
        at = segments.index(group[0])
        segments = [i for i in segments if i not in group]
        if seg is not None:
            segments.insert(min(at, len(segments)), seg.id)
        dropped = np.concatenate([gone[i] for i in group])
        deleted = np.setdiff1d(deleted, dropped, assume_unique=True)
        written += len(rows)
        purged += len(dropped)
    write_manifest(data_dir, name, Manifest(m.version, tuple(segments), m.max_row, m.dim, deleted, m.gen + 1))
    return MergeReport(sum(len(g) for g in groups), written, purged, len(segments))
