"""One changed file's own work, apart from the rest of the run: parse it, check each document against the
limits, and chunk the documents whose content changed. Pure but for the chunker it is handed, so the same
steps run in the ingesting process or in a worker of a cluster (`ingestion/distributed.py`); what depends
on the other files of the run (which file owns a source) stays with the pipeline.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingestion.admission import check_document
from ingestion.chunking import ChunkSpan
from ingestion.loaders import LoadedDocument, LoadError, PdfBudget, load_file
from ingestion.settings import IngestLimits

Chunker = Callable[[LoadedDocument], list[ChunkSpan]]


@dataclass(frozen=True)
class FileWork:
    """A file whose bytes changed: the bytes as read once, and the content hash of each of the documents
    the store holds from it (by source)."""

    path: Path
    source: str
    data: bytes
    file_hash: str
    known: dict[str, str]


@dataclass(frozen=True)
class PreparedDocument:
    doc: LoadedDocument
    content_hash: str
    chunks: list[ChunkSpan] | None  # None: the store already holds this content, nothing was chunked


@dataclass(frozen=True)
class PreparedFile:
    docs: list[PreparedDocument]
    error: str | None = None  # why the file could not be loaded; its documents are then empty


def content_hash(doc: LoadedDocument, signature: str) -> str:
    meta = [doc.title, doc.uri, doc.version, doc.verified_by, doc.verified_at, doc.tags, doc.extra, doc.format]
    return hashlib.sha256(json.dumps([doc.text, meta, signature], sort_keys=True, default=str).encode()).hexdigest()


def load_checked(work: FileWork, limits: IngestLimits) -> list[LoadedDocument] | str:
    """The file's documents, or the reason it failed (a string, so that it travels between processes)."""
    budget = PdfBudget(limits.max_pdf_content_bytes, limits.max_pdf_seconds)
    try:
        docs = load_file(work.path, work.source, work.data, budget)
        for doc in docs:
            check_document(doc, limits)
    except LoadError as exc:
        return str(exc)
    except Exception as exc:
        # A parser's own limit or bug (pypdf's LimitReachedError, a RecursionError...) fails this file,
        # never the batch: only a failure of the store aborts a run.
        return f"could not be parsed: {type(exc).__name__}: {exc}"
    return docs


def prepare_file(work: FileWork, limits: IngestLimits, signature: str, chunk: Chunker) -> PreparedFile:
    """Load and check the file, then chunk each document whose content hash is not the stored one."""
    loaded = load_checked(work, limits)
    if isinstance(loaded, str):
        return PreparedFile([], loaded)
    out = []
    for doc in loaded:
        chash = content_hash(doc, signature)
        out.append(PreparedDocument(doc, chash, None if work.known.get(doc.source) == chash else chunk(doc)))
    return PreparedFile(out)
