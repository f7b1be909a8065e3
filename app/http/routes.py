"""The service's own routes: liveness, readiness, Prometheus metrics, an answer's audit record, the
collections. The routes that take a question or an answer are in answers.py."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from app.errors import ModelMismatch, NotFound, NotReady
from app.http.errors import ERRORS
from app.http.schemas import ErrorResponse
from app.http.security import AdminKey, QueryKey, ServicesDep
from app.retrieval.view import UnknownCollection
from app.reviews.store import Window
from app.security.keys import Principal

router = APIRouter()
log = logging.getLogger("tether.http")


@router.get("/healthz", tags=["health"])
def healthz() -> dict[str, str]:
    """Alive (the process answers)."""
    return {"status": "ok"}


@router.get("/readyz", tags=["health"], responses={503: {"model": ErrorResponse}})
def readyz(request: Request, svc: ServicesDep) -> dict[str, Any]:
    """Ready: model loaded, store reachable, the default collection's index loaded when it exists (a fresh
    deployment has none until its first upload, and is ready for it). `dependencies` lists every
    configured one; Redis being down is reported but not unready (rate limits fall back to the process).
    `model` is the embedding model questions are embedded with; a default collection whose vectors came
    from another (`model_match` false) answers 409 to queries but stays ready for its re-embedding upload."""
    deps = svc.dependencies()
    about: dict[str, Any] = {"dependencies": deps, "precision": svc.embedder.precision.reason}
    if deps["store"] != "ok":
        raise NotReady(f"not ready: store {deps['store']}")
    about["model"] = str(svc.models.identity)
    name = svc.settings.default_collection
    recorded = svc.models.read(name)
    if recorded:
        about.update(svc.models.describe(recorded[0]))
    try:
        view = svc.retriever.view(name)
    except UnknownCollection:
        return {"status": "ready", "collection": name, "collection_version": None, "chunks": 0, **about}
    except ModelMismatch as exc:
        log.warning("readiness: %s", exc.message)
        version = recorded[0].version if recorded else None
        return {"status": "ready", "collection": name, "collection_version": version, "chunks": None, **about}
    except Exception as exc:  # the details (paths of the index files) go to the log only
        log.warning("readiness: the default collection's index did not load: %s", exc)
        raise NotReady(f"not ready: the index of {name!r} did not load") from exc
    request.app.state.metrics.index_chunks.labels(view.name).set(view.snapshot.size)
    return {
        "status": "ready",
        "collection": view.name,
        "collection_version": view.version,
        "chunks": view.snapshot.size,
        **about,
    }


@router.get("/metrics", tags=["health"], response_class=PlainTextResponse, responses=ERRORS)
def metrics(request: Request, svc: ServicesDep, principal: AdminKey) -> PlainTextResponse:
    """Prometheus metrics (admin keys; a key scoped to some collections sees only their series)."""
    m = request.app.state.metrics
    for name, size in svc.retriever.index_sizes().items():
        m.index_chunks.labels(name).set(size)
    for model, shared in svc.coalescers().items():
        m.model_calls.labels(model).set(shared.calls)
        m.model_passes.labels(model).set(shared.batches)
    if svc.settings.audit.enabled:
        since = datetime.now(UTC) - timedelta(days=svc.settings.audit.retention_days)
        m.observe_reviews(svc.reviews.stats(Window(frozenset({"*"}), since=since)))
    text = scoped_metrics(generate_latest(m.registry).decode(), principal)
    return PlainTextResponse(text, media_type=CONTENT_TYPE_LATEST)


_COLLECTION_LABEL = re.compile(r'\bcollection="((?:[^"\\]|\\.)*)"')


def scoped_metrics(text: str, principal: Principal) -> str:
    """The exposition without the samples of collections `principal` may not see (pure)."""

    def visible(line: str) -> bool:
        found = _COLLECTION_LABEL.search(line)
        return line.startswith("#") or found is None or principal.can_access(found.group(1))

    return "".join(line for line in text.splitlines(keepends=True) if visible(line))


@router.get("/v1/answers/{trace_id}", tags=["answers"], responses=ERRORS)
def answer_audit(trace_id: str, svc: ServicesDep, principal: AdminKey) -> dict[str, Any]:
    """The audit record of one answer: question, passages cited, verdicts, backend, timings (admin keys,
    for the collections they are scoped to)."""
    found = svc.audit.get(trace_id)
    # Another collection's row reads as absent: a scoped key learns nothing of what it may not see.
    if found is None or not principal.can_access(found["collection"]):
        raise NotFound(f"no answer with trace id {trace_id!r} (not recorded, or past the retention period)")
    return found


@router.get("/v1/collections", tags=["documents"], responses=ERRORS)
def collections(svc: ServicesDep, principal: QueryKey) -> dict[str, Any]:
    """Collections (those this key may read), their current versions, the model their vectors came from,
    and whether it is this server's (`model_match`; null: not recorded, from before fingerprints)."""
    return {
        "collections": [
            {"name": m.name, "version": m.version, **svc.models.describe(m)}
            for m in svc.models.read()
            if principal.can_access(m.name)
        ]
    }
