"""What a loaded document must satisfy before it enters the store: pure checks, each failure a
`LoadError` that names the field and the limit (the pipeline reports it against the file).

Metadata is bounded like text, field by field and in the document's total, because a loader copies
whatever a file declares (front matter, <meta> tags, FAQ columns) and every byte of it is stored,
returned by the API and hashed on each re-ingestion."""

from __future__ import annotations

import json

from ingestion.loaders import LoadedDocument, LoadError
from ingestion.settings import IngestLimits
from ingestion.store.models import Document

# Widths of the columns these fields land in: past them PostgreSQL refuses the whole transaction.
_COLUMN_CHARS: dict[str, int | None] = {
    name: getattr(Document.__table__.c[name].type, "length", None)
    for name in ("source", "version", "verified_by", "verified_at")
}


def document_chars(doc: LoadedDocument) -> int:
    """Characters a document stores: its text and every metadata value."""
    meta = [doc.title, doc.uri, doc.version, doc.verified_by, doc.verified_at, *doc.tags]
    extra = len(json.dumps(doc.extra, default=str)) if doc.extra else 0
    return len(doc.text) + sum(len(v) for v in meta if v) + extra


def check_document(doc: LoadedDocument, limits: IngestLimits) -> None:
    """Raise LoadError when `doc` exceeds a limit; the message names the field and the setting."""
    src = doc.source
    source_cap = _COLUMN_CHARS["source"] or 1024
    if len(src) > source_cap:
        raise LoadError(f"source name is {len(src)} characters, over the limit of {source_cap}")
    if len(doc.title) > limits.max_title_chars:
        raise LoadError(
            f"{src}: title is {len(doc.title)} characters, over the limit of {limits.max_title_chars} "
            "(TETHER_INGEST__MAX_TITLE_CHARS)"
        )
    for name in ("uri", "version", "verified_by", "verified_at"):
        value = getattr(doc, name)
        column = _COLUMN_CHARS.get(name)
        cap = min(limits.max_metadata_chars, column) if column else limits.max_metadata_chars
        if value is not None and len(value) > cap:
            raise LoadError(f"{src}: {name} is {len(value)} characters, over the limit of {cap}")
    if len(doc.tags) > limits.max_tags:
        raise LoadError(f"{src}: {len(doc.tags)} tags, over the limit of {limits.max_tags} (TETHER_INGEST__MAX_TAGS)")
    for tag in doc.tags:
        if len(tag) > limits.max_metadata_chars:
            raise LoadError(
                f"{src}: a tag of {len(tag)} characters, over the limit of {limits.max_metadata_chars} "
                "(TETHER_INGEST__MAX_METADATA_CHARS)"
            )
    total = document_chars(doc)
    if total > limits.max_document_chars:
        raise LoadError(
            f"{src}: {total} characters of text and metadata, over the limit of {limits.max_document_chars} "
            "(TETHER_INGEST__MAX_DOCUMENT_CHARS)"
        )
