"""Immutable index segments: the dense and lexical index of the chunks one ingestion added (or one merge
combined), written once and never changed. A collection's version is a manifest naming its segments
plus the rows deleted since they were written (`ingestion/manifests.py`)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingestion.lexical import LexicalIndex
from ingestion.settings import IndexSettings
from ingestion.vector_index import FaissIndex


@dataclass(frozen=True)
class Segment:
    id: str
    rows: np.ndarray  # ascending store rows held
    dense: FaissIndex
    lexical: LexicalIndex

    @property
    def size(self) -> int:
        return len(self.rows)


def segments_dir(collection_dir: Path) -> Path:
    return collection_dir / "segments"


def new_segment_id(version: int) -> str:
    return f"{version:010d}-{secrets.token_hex(4)}"


def build_segment(
    seg_id: str, rows: np.ndarray, vectors: np.ndarray, texts: Sequence[str], dim: int, settings: IndexSettings
) -> Segment:
    order = np.argsort(rows, kind="stable")
    rows = np.asarray(rows, dtype=np.int64)[order]
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(order), dim)[order]
    dense = FaissIndex.build(dim, rows, vectors, settings)
    lexical = LexicalIndex.build(rows, [texts[i] for i in order])
    return Segment(seg_id, rows, dense, lexical)


def fsync_tree(path: Path) -> None:
    for p in sorted(path.rglob("*")):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
    for p in sorted({p.parent for p in path.rglob("*")} | {path}):
        fsync_dir(p)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_segment(collection_dir: Path, seg: Segment) -> None:
    """Written into a temporary folder, fsynced, then renamed: a segment folder is complete or absent."""
    base = segments_dir(collection_dir)
    base.mkdir(parents=True, exist_ok=True)
    tmp = base / f".{seg.id}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    seg.dense.save(tmp / "dense.faiss")
    seg.lexical.save(tmp / "lexical")
    (tmp / "meta.json").write_text(json.dumps({"id": seg.id, "rows": seg.size}))
    fsync_tree(tmp)
    os.rename(tmp, base / seg.id)
    fsync_dir(base)


def segment_rows(collection_dir: Path, seg_id: str) -> np.ndarray:
    """The rows a segment holds, without loading its indexes (merge planning, catch-up)."""
    return np.load(segments_dir(collection_dir) / seg_id / "lexical" / "rows.npy")


def load_segment(collection_dir: Path, seg_id: str, settings: IndexSettings) -> Segment:
    folder = segments_dir(collection_dir) / seg_id
    dense = FaissIndex.load(folder / "dense.faiss", settings)
    lexical = LexicalIndex.load(folder / "lexical")
    return Segment(seg_id, lexical.rows, dense, lexical)


def prune_segments(collection_dir: Path, keep: set[str]) -> None:
    """Remove segments no kept manifest names, and leftovers of crashed writers."""
    base = segments_dir(collection_dir)
    if not base.is_dir():
        return
    for p in base.iterdir():
        if p.name.startswith(".") or p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)
