"""`tether index status|merge`: the segments that make up a collection's index, and merging them."""

from __future__ import annotations

from typing import Any

import numpy as np
import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from app.settings import Settings
from cli.common import fail, print_json, require_data, state
from ingestion.catchup import StoreMoved
from ingestion.locking import IngestionLocked, writer_lock
from ingestion.manifests import collection_dir, read_manifest
from ingestion.merging import merge
from ingestion.segments import segment_rows
from ingestion.store import Collection, open_store

index_app = typer.Typer(help="Inspect and merge a collection's index segments.", no_args_is_help=True)


def _status(settings: Settings, name: str, as_json: bool) -> dict[str, Any]:
    store = open_store(settings.store.resolved_database_url(), timeouts=settings.store.timeouts())
    try:
        with store.session() as s:
            version = s.scalar(select(Collection.version).where(Collection.name == name))
    finally:
        store.dispose()
    if version is None:
        raise fail(f"unknown collection {name!r}", 2, as_json)
    data_dir = settings.store.data_dir
    m = read_manifest(data_dir, name)
    out: dict[str, Any] = {"collection": name, "store_version": version, "index_version": None, "segments": []}
    if m is None:
        return out
    cdir = collection_dir(data_dir, name)
    for seg_id in m.segments:
        rows = segment_rows(cdir, seg_id)
        gone = len(np.intersect1d(rows, m.deleted, assume_unique=True))
        out["segments"].append({"id": seg_id, "rows": len(rows), "deleted": gone})
    out.update(index_version=m.version, generation=m.gen, deleted=len(m.deleted), max_row=m.max_row)
    out["live_rows"] = sum(s["rows"] for s in out["segments"]) - len(m.deleted)
    return out


@index_app.command("status")
def index_status_command(
    ctx: typer.Context,
    collection: str | None = typer.Option(None, "--collection", "-c"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Segments of the collection's current index version, with their rows and deletion markers."""
    settings = state(ctx).settings()
    require_data(settings, as_json)
    out = _status(settings, collection or settings.default_collection, as_json)
    if as_json:
        print_json(out)
        return
    behind = "" if out["index_version"] == out["store_version"] else " (behind the store: readers catch up)"
    t = Table(
        title=f"'{out['collection']}': index version {out['index_version']}, store {out['store_version']}{behind}"
    )
    for h in ("segment", "rows", "deleted"):
        t.add_column(h)
    for seg in out["segments"]:
        t.add_row(seg["id"], str(seg["rows"]), str(seg["deleted"]))
    Console().print(t)


@index_app.command("merge")
def index_merge_command(
    ctx: typer.Context,
    collection: str | None = typer.Option(None, "--collection", "-c"),
    everything: bool = typer.Option(False, "--all", help="Merge every segment into one, dropping deleted rows."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Run the merges the tiered policy asks for now (or, with --all, merge everything into one segment)."""
    settings = state(ctx).settings()
    require_data(settings, as_json)
    name = collection or settings.default_collection
    store = open_store(settings.store.resolved_database_url(), timeouts=settings.store.timeouts())
    try:
        with writer_lock(settings.store.data_dir):
            report = merge(store, settings.store.data_dir, name, settings.index, everything=everything)
    except IngestionLocked as exc:
        raise fail(str(exc), 3, as_json) from None
    except StoreMoved:
        raise fail(
            "the store moved on while merging: run `tether ingest` (it catches the index up) and retry", 3, as_json
        ) from None
    finally:
        store.dispose()
    out = {"collection": name, **report.__dict__}
    if as_json:
        print_json(out)
    else:
        Console().print(
            f"merged {report.merged_segments} segments ({report.rows_written} rows written, "
            f"{report.rows_purged} deleted rows dropped); {report.segments_after} segments now"
        )
