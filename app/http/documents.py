"""Documents over HTTP: list and read (query keys), upload/replace and delete (ingest or admin keys).

Uploads go through the same pipeline as `tether ingest`, under the same one-writer lock; queries keep
being served on the previous index version until the new one is switched in atomically."""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path, PurePosixPath
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import func, select

from app.errors import BadRequest, Conflict, LimitExceeded, ModelMismatch, NotFound, TetherError
from app.http.errors import ERRORS
from app.http.security import IngestKey, QueryKey, ServicesDep, check_collection
from app.services import make_ingestor
from ingestion.discovery import FoundFile, bad_source_char, source_name
from ingestion.loaders import supported_suffixes
from ingestion.locking import IngestionLocked
from ingestion.model_identity import ModelChanged
from ingestion.store import Chunk, Collection, Document
from ingestion.writer import IngestReport, remove_documents

router = APIRouter(tags=["documents"])
log = logging.getLogger("tether.documents")
_COLLECTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class IngestFailed(TetherError):
    status = 422
    code = "ingest_failed"


class SourceConflict(TetherError):
    status = 409
    code = "source_conflict"


def _busy(exc: IngestionLocked) -> Conflict:
    # The lock's own message names the data dir and the holder's PID: for the operator's log only.
    log.info("upload refused: %s", exc)
    return Conflict("another ingestion is writing to the store; retry when it has finished", code="ingestion_running")


def _collection_name(name: str) -> str:
    if not _COLLECTION.match(name):
        raise BadRequest(
            f"collection: {name!r} is not a valid name (letters, digits, '_', '.', '-'; at most 64)",
            code="invalid_request",
        )
    return name


# Uploads are kept on disk under their source, beside a ".NAME.part" temporary: each component must fit
# a file name (255 bytes on every common file system) with that affix.
MAX_COMPONENT_BYTES = 255 - len("..part")


def _safe_source(source: str) -> str:
    bad = bad_source_char(source)
    if bad is not None:
        raise BadRequest(
            f"source: control and format characters (NUL, newline, bidi overrides...) are not allowed; found {bad}",
            code="invalid_request",
        )
    p = PurePosixPath(source_name(source))
    for part in p.parts:
        if len(part.encode()) > MAX_COMPONENT_BYTES:
            raise BadRequest(
                f"source: the name {part[:32]!r}... is {len(part.encode())} bytes in UTF-8, over the limit of "
                f"{MAX_COMPONENT_BYTES} for one path component",
                code="invalid_request",
            )
    if p.is_absolute() or ".." in p.parts or not p.name or any(part.startswith((".", "_")) for part in p.parts):
        raise BadRequest(
            f"source: {source!r} must be a relative path without '..', hidden or '_' parts", code="invalid_request"
        )
    if p.suffix.lower() not in supported_suffixes():
        raise BadRequest(
            f"source: unsupported file type {p.suffix or '(none)'!r}; supported: {', '.join(supported_suffixes())}",
            code="invalid_request",
        )
    return p.as_posix()


def _doc_dict(d: Document, chunks: int) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "uri": d.uri,
        "version": d.version,
        "revision": d.revision,
        "format": d.format,
        "tags": d.tags,
        "verified_by": d.verified_by,
        "verified_at": d.verified_at,
        "chunks": chunks,
        "updated_at": d.updated_at.isoformat(),
    }


@router.get("/v1/collections/{collection}/documents", responses=ERRORS)
def list_documents(collection: str, svc: ServicesDep, principal: QueryKey) -> dict[str, Any]:
    check_collection(principal, collection)
    with svc.store.session() as s:
        col = s.scalar(select(Collection).where(Collection.name == collection))
        if col is None:
            raise NotFound(f"unknown collection {collection!r}", code="unknown_collection")
        counts = dict(
            s.execute(
                select(Chunk.doc_id, func.count()).where(Chunk.collection_id == col.id).group_by(Chunk.doc_id)
            ).all()
        )
        docs = [
            _doc_dict(d, counts.get(d.id, 0))
            for d in s.scalars(select(Document).where(Document.collection_id == col.id).order_by(Document.source))
        ]
    return {"collection": collection, "version": col.version, "total": len(docs), "documents": docs}


@router.get("/v1/collections/{collection}/documents/{ref:path}", responses=ERRORS)
def get_document(collection: str, ref: str, svc: ServicesDep, principal: QueryKey) -> dict[str, Any]:
    """One document by id or source, with its normalised text (the text citation offsets refer to)."""
    check_collection(principal, collection)
    with svc.store.session() as s:
        d = s.scalar(
            select(Document)
            .join(Collection)
            .where(Collection.name == collection, (Document.id == ref) | (Document.source == ref))
        )
        if d is None:
            raise NotFound(f"no document {ref!r} in collection {collection!r}")
        return _doc_dict(d, len(d.chunks)) | {"text": d.text, "extra": d.extra}


@router.put("/v1/collections/{collection}/documents/{source:path}", responses=ERRORS)
async def put_document(
    collection: str, source: str, request: Request, svc: ServicesDep, principal: IngestKey
) -> dict[str, Any]:
    """Upload or replace one document: the raw file is the body, its type comes from `source`'s suffix
    (e.g. `PUT .../documents/plans/team.md` with `--data-binary @team.md`)."""
    from starlette.concurrency import run_in_threadpool

    collection = _collection_name(collection)
    check_collection(principal, collection)
    source = _safe_source(source)
    limit = svc.settings.limits.max_upload_bytes
    data = await request.body()
    if len(data) > limit:
        raise LimitExceeded(f"upload: {len(data)} bytes, over the limit of {limit} (TETHER_LIMITS__MAX_UPLOAD_BYTES)")
    return await run_in_threadpool(_ingest_upload, svc, collection, source, data)


def _check_clash(root: Path, source: str) -> None:
    """Uploads live on disk under their source: `a.md/b.md` cannot sit under the file `a.md`, nor `a.md`
    over the folder holding `a.md/b.md`."""
    parts = PurePosixPath(source).parts
    for i in range(1, len(parts)):
        if (root.joinpath(*parts[:i])).is_file():
            raise SourceConflict(f"source: {source!r} would be inside the document {'/'.join(parts[:i])!r}")
    if (root / source).is_dir():
        raise SourceConflict(f"source: {source!r} is a folder of other documents ({source}/...)")


def _ingest_upload(svc: Any, collection: str, source: str, data: bytes) -> dict[str, Any]:
    settings = svc.settings
    # Uploads are kept (the store records the file each document came from), one folder per collection.
    root = Path(settings.store.data_dir) / "uploads" / collection
    dest = root / source
    _check_clash(root, source)
    dest.parent.mkdir(parents=True, exist_ok=True)
    # The upload is parsed from a temporary beside the kept file (hidden, same suffix, unique) and replaces
    # it only once the store holds it: a refused upload (409, 422) or a kill leaves disk and store agreeing.
    tmp = dest.with_name(f".{dest.stem}.{uuid.uuid4().hex[:12]}.part{dest.suffix}")

    def keep(report: IngestReport) -> None:
        if not report.errors:
            tmp.replace(dest)

    ingestor = make_ingestor(settings, svc.store, svc.embedder)
    try:
        tmp.write_bytes(data)
        report = ingestor.ingest_files([FoundFile(tmp, source)], collection, on_commit=keep)
    except IngestionLocked as exc:
        raise _busy(exc) from None
    except ModelChanged as exc:
        raise ModelMismatch(str(exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
    if report.errors:
        raise IngestFailed(f"{source}: {report.errors[0]['error']}")
    return report.as_dict()


@router.delete("/v1/collections/{collection}/documents/{ref:path}", responses=ERRORS)
def delete_document(collection: str, ref: str, svc: ServicesDep, principal: IngestKey) -> dict[str, Any]:
    """Remove a document (by id or source) from the store and the index."""
    check_collection(principal, collection)
    s = svc.settings
    try:
        removed, _ = remove_documents(svc.store, s.store.data_dir, s.index, collection, [ref])
    except IngestionLocked as exc:
        raise _busy(exc) from None
    if not removed:
        raise NotFound(f"no document {ref!r} in collection {collection!r}")
    return {"removed": removed}
