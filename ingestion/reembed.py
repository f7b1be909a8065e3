"""The plan of a re-embedding run: every document the collection keeps, chunked and embedded afresh.

When the embedding model changed and TETHER_INGEST__ON_MODEL_CHANGE=reembed, a run cannot leave any
vector of the old model behind: documents the run did not touch (other uploads, files not passed this
time, files that failed to load and keep their previous version) are rebuilt from their stored text.
Chunks are cut again too, since the new model's tokenizer measures them. Every old chunk row is deleted
and a new one inserted (a row's vector never changes in place), all in the run's one transaction.
The index then gets one new segment of every row; the old segments hold only deleted rows (of another
width, when the model's differs), which searches skip until a merge drops them.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from ingestion.chunking import ChunkSpan
from ingestion.known import KnownDocument
from ingestion.loaders import LoadedDocument
from ingestion.store import Collection, Document, Store
from ingestion.writer import PlannedDocument


def stored_document(d: Document) -> LoadedDocument:
    """A stored document as the loader made it (the store keeps its normalised text and metadata)."""
    return LoadedDocument(
        source=d.source,
        title=d.title,
        text=d.text,
        format=d.format,
        uri=d.uri,
        version=d.version,
        verified_by=d.verified_by,
        verified_at=d.verified_at,
        tags=list(d.tags or ()),
        extra=dict(d.extra or {}),
    )


def reembed_plans(
    store: Store,
    col: Collection,
    plans: list[PlannedDocument],
    seen: set[str],
    sync: bool,
    chunk: Callable[[LoadedDocument], list[ChunkSpan]],
) -> list[PlannedDocument]:
    """`plans` with every document that stays in the collection after the run re-chunked: those the run
    changed keep their plan; the others (unchanged, or not part of this run) are rebuilt from the store."""
    changed = [p for p in plans if p.chunks]
    file_hash = {p.doc_id: p.file_hash for p in plans if not p.chunks}  # an unchanged file may be touched
    taken = {p.doc_id for p in changed}
    out = list(changed)
    with store.session() as s:
        stored = list(s.scalars(select(Document).where(Document.collection_id == col.id).order_by(Document.source)))
    for d in stored:
        if d.id in taken or (sync and d.source not in seen):  # replaced by this run, or deleted by it
            continue
        doc = stored_document(d)
        out.append(
            PlannedDocument(
                doc,
                d.id,
                d.file_path,
                file_hash.get(d.id, d.file_hash),
                d.content_hash,
                chunk(doc),
                KnownDocument(d.id, d.source, d.file_path, d.file_hash, d.content_hash),
                reembed=True,
            )
        )
    # Plans of new documents without chunks (empty text) write nothing either way; keep them as given.
    out.extend(p for p in plans if not p.chunks and p.existing is None)
    return out
