"""`tether ingest` and `tether documents list|show|rm`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import func, select

from app.services import make_ingestor
from app.settings import Settings
from cli.common import err_console, fail, print_json, require_data, state
from ingestion.distributed import RayIngestError, RayIngestor, RayUnavailable, import_ray
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.locking import IngestionLocked
from ingestion.model_identity import ModelChanged
from ingestion.pipeline import Ingestor
from ingestion.store import Chunk, Collection, Document, Store, open_store
from ingestion.writer import remove_documents

documents_app = typer.Typer(help="Inspect and remove ingested documents.", no_args_is_help=True)
_STAGES = {
    "model": "Loading the embedding model",
    "read": "Reading and chunking",
    "cluster": "Parsing, chunking and embedding on Ray",
    "embed": "Embedding chunks",
    "index": "Writing the index",
}


def ingest_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders of the knowledge base."),
    collection: str | None = typer.Option(None, "--collection", "-c", help="Target collection."),
    sync: bool = typer.Option(False, "--sync", help="Remove documents whose files are no longer present."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a summary."),
    ray: str | None = typer.Option(
        None,
        "--ray",
        metavar="ADDRESS",
        help="Parse, chunk and embed on the Ray cluster at HOST:PORT (or auto) of which this machine is a node; "
        "needs the ray extra.",
    ),
) -> None:
    """Ingest a knowledge base: only new or changed documents are embedded."""
    settings = state(ctx).settings()
    name = collection or settings.default_collection
    if ray is not None:
        try:
            import_ray()
        except RayUnavailable as exc:
            raise fail(str(exc), 2, as_json) from None
    store = open_store(settings.store.resolved_database_url(), timeouts=settings.store.timeouts())
    try:
        ingestor = _ingestor(settings, store, ray)
        if as_json:
            report = ingestor.ingest(paths, name, sync=sync)
        else:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
            ) as bar:
                tasks: dict[str, TaskID] = {}

                def tick(stage: str, done: int, total: int) -> None:
                    if stage not in tasks:
                        tasks[stage] = bar.add_task(_STAGES.get(stage, stage), total=total)
                    bar.update(tasks[stage], completed=done, total=total)

                report = ingestor.ingest(paths, name, sync=sync, progress=tick)
    except IngestionLocked as exc:
        raise fail(str(exc), 3, as_json) from None
    except ModelChanged as exc:
        raise fail(str(exc), 2, as_json) from None
    except RayIngestError as exc:
        raise fail(str(exc), 1, as_json) from None
    finally:
        store.dispose()
    out = report.as_dict()
    if as_json:
        print_json(out)
    else:
        con = Console()
        t = Table(title=f"Ingested into collection '{name}' (version {report.version})", show_header=False)
        for key in (
            "documents_added",
            "documents_updated",
            "documents_unchanged",
            "documents_deleted",
            "documents_failed",
            "documents_reembedded",
            "chunks_embedded",
            "chunks_reused",
            "chunks_resumed",
            "chunks_written",
            "chunks_unchanged",
            "chunks_total",
            "seconds",
        ):
            t.add_row(key.replace("_", " "), str(out[key]))
        con.print(t)
        for e in report.errors:
            err_console.print(f"[red]failed:[/red] {e['path']}: {e['error']}")
    if report.errors:
        raise typer.Exit(1)


def _ingestor(settings: Settings, store: Store, ray_address: str | None) -> Ingestor:
    if ray_address is None:
        return make_ingestor(settings, store, SentenceTransformerEmbedder(settings.embedding))
    return RayIngestor(
        store,
        settings.store.data_dir,
        settings.chunking,
        settings.index,
        settings.ingest,
        settings.embedding,
        ray_address,
    )


def _open(ctx: typer.Context, as_json: bool) -> tuple[Settings, Store]:
    settings = state(ctx).settings()
    require_data(settings, as_json)
    return settings, open_store(settings.store.resolved_database_url(), timeouts=settings.store.timeouts())


@documents_app.command("list")
def list_documents_command(
    ctx: typer.Context,
    collection: str | None = typer.Option(None, "--collection", "-c"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List the documents of a collection."""
    settings, store = _open(ctx, as_json)
    name = collection or settings.default_collection
    with store.session() as s:
        col = s.scalar(select(Collection).where(Collection.name == name))
        if col is None:
            raise fail(f"unknown collection {name!r}", 2, as_json)
        counts = dict(
            s.execute(
                select(Chunk.doc_id, func.count()).where(Chunk.collection_id == col.id).group_by(Chunk.doc_id)
            ).all()
        )
        docs = [
            {
                "id": d.id,
                "source": d.source,
                "title": d.title,
                "format": d.format,
                "version": d.version,
                "revision": d.revision,
                "chunks": counts.get(d.id, 0),
                "updated_at": d.updated_at.isoformat(),
            }
            for d in s.scalars(select(Document).where(Document.collection_id == col.id).order_by(Document.source))
        ]
    if as_json:
        print_json({"collection": name, "version": col.version, "total": len(docs), "documents": docs})
        return
    t = Table(title=f"{len(docs)} documents in '{name}' (version {col.version})")
    for h in ("id", "source", "title", "chunks", "rev"):
        t.add_column(h)
    for d in docs:
        t.add_row(str(d["id"])[:12], str(d["source"]), str(d["title"])[:50], str(d["chunks"]), str(d["revision"]))
    Console().print(t)


@documents_app.command("show")
def show_document(
    ctx: typer.Context,
    ref: str = typer.Argument(..., help="Document id or source."),
    collection: str | None = typer.Option(None, "--collection", "-c"),
    chunks: bool = typer.Option(False, "--chunks", help="Include the chunks with their spans."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show one document's metadata (and chunks)."""
    settings, store = _open(ctx, as_json)
    name = collection or settings.default_collection
    with store.session() as s:
        doc = s.scalar(
            select(Document)
            .join(Collection)
            .where(Collection.name == name, (Document.id == ref) | (Document.source == ref))
        )
        if doc is None:
            raise fail(f"no document {ref!r} in collection {name!r}", 2, as_json)
        out: dict[str, Any] = {
            "id": doc.id,
            "source": doc.source,
            "title": doc.title,
            "uri": doc.uri,
            "version": doc.version,
            "verified_by": doc.verified_by,
            "verified_at": doc.verified_at,
            "tags": doc.tags,
            "format": doc.format,
            "revision": doc.revision,
            "content_hash": doc.content_hash,
            "characters": len(doc.text),
            "chunks": len(doc.chunks),
            "extra": doc.extra,
            "updated_at": doc.updated_at.isoformat(),
        }
        if chunks:
            out["chunk_list"] = [
                {"id": c.id, "start": c.start, "end": c.end, "tokens": c.n_tokens, "heading": c.heading, "text": c.text}
                for c in doc.chunks
            ]
    if as_json:
        print_json(out)
        return
    con = Console()
    for k, v in out.items():
        if k != "chunk_list":
            con.print(f"[bold]{k}[/bold]: {v}")
    for c in out.get("chunk_list", []):
        con.print(f"\n[cyan][{c['start']}:{c['end']}] {c['tokens']} tokens[/cyan] {c['heading']}\n{c['text']}")


@documents_app.command("rm")
def remove_document(
    ctx: typer.Context,
    refs: list[str] = typer.Argument(..., help="Document ids or sources."),
    collection: str | None = typer.Option(None, "--collection", "-c"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Remove documents from the store and the index."""
    settings, store = _open(ctx, as_json)
    name = collection or settings.default_collection
    try:
        removed, missing = remove_documents(store, settings.store.data_dir, settings.index, name, refs)
    except IngestionLocked as exc:
        raise fail(str(exc), 3, as_json) from None
    if as_json:
        print_json({"removed": removed, "not_found": missing})
    else:
        for r in removed:
            Console().print(f"removed {r}")
        for m in missing:
            err_console.print(f"[red]not found:[/red] {m}")
    if missing:
        raise typer.Exit(1)
