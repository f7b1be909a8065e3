"""Manifests: which segments, minus which deleted rows, make up one version of a collection.

Layout: DATA_DIR/indexes/<collection>/{segments/<id>/, manifests/<name>.json + <name>.deleted.npy, CURRENT}.
A manifest is written (fsynced, renamed) before CURRENT is switched to name it (write, fsync, rename), so a
reader sees the old version or the new one, never half of one. Segments are immutable; a new version costs
one segment of what it added plus its deletion markers, and a merge writes a new manifest for the same
version. The SQL store stays the source of truth: a manifest behind the store is caught up from its rows.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ingestion.failpoints import failpoint
from ingestion.segments import fsync_dir, prune_segments


@dataclass(frozen=True)
class Manifest:
    version: int
    segments: tuple[str, ...]
    max_row: int  # rows above this were added after the manifest's segments were written
    dim: int
    deleted: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # ascending, held by a segment
    gen: int = 0  # a merge rewrites the segments of a version: same version, next generation

    @property
    def name(self) -> str:
        return f"m-{self.version:010d}-{self.gen:04d}"


def collection_dir(data_dir: Path, collection: str) -> Path:
    return data_dir / "indexes" / collection


def _manifests(cdir: Path) -> Path:
    return cdir / "manifests"


def read_manifest(data_dir: Path, collection: str) -> Manifest | None:
    """The manifest CURRENT names, or None (no index yet, or an older layout: rebuilt from the store)."""
    cdir = collection_dir(data_dir, collection)
    try:
        name = (cdir / "CURRENT").read_text().strip()
        meta = json.loads((_manifests(cdir) / f"{name}.json").read_text())
        deleted = np.load(_manifests(cdir) / f"{name}.deleted.npy")
    except (OSError, ValueError):
        return None
    return Manifest(
        int(meta["version"]),
        tuple(meta["segments"]),
        int(meta["max_row"]),
        int(meta["dim"]),
        np.asarray(deleted, dtype=np.int64),
        int(meta["gen"]),
    )


def current_version(data_dir: Path, collection: str) -> int | None:
    m = read_manifest(data_dir, collection)
    return None if m is None else m.version


def write_manifest(data_dir: Path, collection: str, m: Manifest) -> None:
    """Make `m` the collection's current manifest, atomically; keep the previous one for open readers."""
    cdir = collection_dir(data_dir, collection)
    folder = _manifests(cdir)
    folder.mkdir(parents=True, exist_ok=True)
    previous = read_manifest(data_dir, collection)
    body = {"version": m.version, "gen": m.gen, "segments": list(m.segments), "max_row": m.max_row, "dim": m.dim}
    tmp = f".tmp-{os.getpid()}"
    np.save(folder / f"{m.name}.deleted{tmp}.npy", m.deleted)
    (folder / f"{m.name}{tmp}.json").write_text(json.dumps(body))
    for p in (folder / f"{m.name}.deleted{tmp}.npy", folder / f"{m.name}{tmp}.json"):
        with open(p, "rb") as f:
            os.fsync(f.fileno())
    os.replace(folder / f"{m.name}.deleted{tmp}.npy", folder / f"{m.name}.deleted.npy")
    os.replace(folder / f"{m.name}{tmp}.json", folder / f"{m.name}.json")
    fsync_dir(folder)
    failpoint("snapshot_renamed")
    pointer = cdir / f".CURRENT{tmp}"
    pointer.write_text(m.name)
    with open(pointer, "rb") as f:
        os.fsync(f.fileno())
    os.replace(pointer, cdir / "CURRENT")
    fsync_dir(cdir)
    keep = [m] + ([previous] if previous is not None and previous.name != m.name else [])
    _prune(cdir, keep)


def _prune(cdir: Path, keep: list[Manifest]) -> None:
    """Drop manifests and segments that neither the new manifest nor the previous one names (a reader
    that loaded an older one holds its segments in memory already), and an older layout's folders."""
    names = {m.name for m in keep}
    for p in _manifests(cdir).iterdir():
        stem = p.name.split(".", 1)[0]
        if stem not in names:
            p.unlink(missing_ok=True)
    prune_segments(cdir, {s for m in keep for s in m.segments})
    for p in cdir.iterdir():  # v<N>/ folders of the single-snapshot layout
        if p.is_dir() and (p.name.startswith(".v") or (p.name.startswith("v") and p.name[1:].isdigit())):
            shutil.rmtree(p, ignore_errors=True)
