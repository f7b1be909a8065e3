"""Thin routes: validate, call one domain function, shape the response."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, StreamingResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from app.answering import AnswerQuery, Delta, PassagesUsed, effective_thresholds
from app.errors import BadRequest, LimitExceeded, NotFound, NotReady
from app.grounding.policy import apply_policy
from app.http.schemas import (
    AnswerRequest,
    AnswerResponse,
    ErrorResponse,
    RetrieveRequest,
    RetrieveResponse,
    VerifyRequest,
    VerifyResponse,
)
from app.http.security import AdminKey, QueryKey, ServicesDep, check_collection
from app.results import Answer, numbered
from app.retrieval.passages import Passage
from app.retrieval.view import UnknownCollection
from app.reviews.store import Window
from app.security.keys import Principal
from app.services import Services

router = APIRouter()
log = logging.getLogger("tether.http")
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorResponse} for c in (400, 401, 403, 404, 409, 413, 422, 429, 502, 503, 504)
}


def _query(svc: Services, req: RetrieveRequest, principal: Principal) -> tuple[str, str, int]:
    """The validated (question, collection, top_k) of a request, limits named in every error."""
    lim, ret = svc.settings.limits, svc.settings.retrieval
    question = req.question.strip()
    if not question:
        raise BadRequest("question: must contain non-whitespace text", code="invalid_request")
    if len(question) > lim.max_question_chars:
        raise LimitExceeded(
            f"question: {len(question)} characters, over the limit of {lim.max_question_chars} "
            "(TETHER_LIMITS__MAX_QUESTION_CHARS)"
        )
    top_k = req.top_k or ret.default_top_k
    if top_k > ret.max_top_k:
        raise BadRequest(
            f"top_k: {top_k} is over the limit of {ret.max_top_k} (TETHER_RETRIEVAL__MAX_TOP_K)", code="invalid_request"
        )
    collection = req.collection or svc.settings.default_collection
    check_collection(principal, collection)
    return question, collection, top_k


def _record(request: Request, svc: Services, question: str, result: Answer, principal: Principal) -> None:
    request.app.state.metrics.observe_answer(result)
    if svc.settings.audit.enabled:
        client_trace_id = getattr(request.state, "client_trace_id", None)
        svc.audit.record(question, result, principal.key_id, client_trace_id)


@router.get("/healthz", tags=["health"])
def healthz() -> dict[str, str]:
    """Alive (the process answers)."""
    return {"status": "ok"}


@router.get("/readyz", tags=["health"], responses={503: {"model": ErrorResponse}})
def readyz(request: Request, svc: ServicesDep) -> dict[str, Any]:
    """Ready: model loaded, store reachable, the default collection's index loaded when it exists (a fresh
    deployment has none until its first upload, and is ready for it). `dependencies` lists every
    configured one; Redis being down is reported but not unready (rate limits fall back to the process)."""
    deps = svc.dependencies()
    about = {"dependencies": deps, "precision": svc.embedder.precision.reason}
    if deps["store"] != "ok":
        raise NotReady(f"not ready: store {deps['store']}")
    name = svc.settings.default_collection
    try:
        view = svc.retriever.view(name)
    except UnknownCollection:
        return {"status": "ready", "collection": name, "collection_version": None, "chunks": 0, **about}
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


def trace_id(request: Request) -> str:
    return str(getattr(request.state, "trace_id", None) or uuid.uuid4().hex)


@router.get("/metrics", tags=["health"], response_class=PlainTextResponse, responses=ERRORS)
def metrics(request: Request, svc: ServicesDep, principal: AdminKey) -> PlainTextResponse:
    """Prometheus metrics (admin keys; a key scoped to some collections sees only their series)."""
    m = request.app.state.metrics
    for name, size in svc.retriever.index_sizes().items():
        m.index_chunks.labels(name).set(size)
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
    """Collections (those this key may read) and their current versions."""
    return {
        "collections": [
            {"name": n, "version": v} for n, v in svc.retriever.collections().items() if principal.can_access(n)
        ]
    }


@router.post("/v1/retrieve", response_model=RetrieveResponse, tags=["answers"], responses=ERRORS)
def retrieve(req: RetrieveRequest, svc: ServicesDep, principal: QueryKey) -> dict[str, Any]:
    """Ranked passages (hybrid dense + BM25, fused), above the relevance floor, near-duplicates collapsed."""
    question, collection, top_k = _query(svc, req, principal)
    r = svc.retriever.retrieve(question, collection, top_k, req.filters)
    return {
        "passages": numbered(r.passages),
        "collection": collection,
        "collection_version": r.collection_version,
        "timings": r.timings_ms,
    }


def _sse(events: Iterator[tuple[str, dict[str, Any]]]) -> Iterator[str]:
    try:
        for name, data in events:
            yield f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
    except Exception as exc:  # the status line is gone already: report the error as an event
        from app.errors import TetherError

        code = exc.code if isinstance(exc, TetherError) else "internal_error"
        msg = exc.message if isinstance(exc, TetherError) else "internal error"
        yield f"event: error\ndata: {json.dumps({'error': {'code': code, 'message': msg}})}\n\n"
    yield "event: done\ndata: {}\n\n"


@router.post(
    "/v1/answer",
    response_model=AnswerResponse,
    tags=["answers"],
    responses={**ERRORS, 200: {"content": {"text/event-stream": {}}}},
)
def answer(req: AnswerRequest, request: Request, svc: ServicesDep, principal: QueryKey) -> Any:
    """A grounded answer with citations and a verdict per claim. `stream: true` sends Server-Sent Events:
    `passages`, `delta` (text), `result` (the same object as the non-streaming response), `done`."""
    question, collection, top_k = _query(svc, req, principal)
    q = AnswerQuery(
        question,
        collection,
        top_k,
        req.filters,
        req.policy,
        req.verify,
        support_threshold=req.support_threshold,
        abstain_below=req.abstain_below,
        abstain_unanswerable=req.abstain_unanswerable,
        answerable_threshold=req.answerable_threshold,
        trace_id=trace_id(request),
    )
    if req.stream:
        svc.retriever.view(collection)  # an unknown collection is a 404 before the stream starts

        def events() -> Iterator[tuple[str, dict[str, Any]]]:
            for event in svc.answerer.stream(q):
                if isinstance(event, PassagesUsed):
                    yield "passages", {"passages": numbered(event.passages)}
                elif isinstance(event, Delta):
                    yield "delta", {"text": event.text}
                else:
                    _record(request, svc, question, event, principal)
                    yield "result", event.to_dict()

        return StreamingResponse(_sse(events()), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
    result = svc.answerer.answer(q)
    _record(request, svc, question, result, principal)
    return result.to_dict()


@router.post("/v1/verify", response_model=VerifyResponse, tags=["answers"], responses=ERRORS)
def verify(req: VerifyRequest, svc: ServicesDep, principal: QueryKey) -> dict[str, Any]:
    """Claim verdicts for an answer you generated yourself, against your passages or retrieved ones."""
    lim = svc.settings.limits
    t0 = time.perf_counter()
    if len(req.answer) > lim.max_answer_chars:
        raise LimitExceeded(
            f"answer: {len(req.answer)} characters, over the limit of {lim.max_answer_chars} "
            "(TETHER_LIMITS__MAX_ANSWER_CHARS)"
        )
    if req.passages is not None:
        if not req.passages:
            raise BadRequest(
                "passages: give at least one passage, or omit it and send a question", code="invalid_request"
            )
        if len(req.passages) > lim.max_verify_passages:
            raise LimitExceeded(
                f"passages: {len(req.passages)} given, over the limit of {lim.max_verify_passages} "
                "(TETHER_LIMITS__MAX_VERIFY_PASSAGES)"
            )
        for i, p in enumerate(req.passages):
            if len(p.text) > lim.max_passage_chars:
                raise LimitExceeded(
                    f"passages[{i}].text: {len(p.text)} characters, over the limit of "
                    f"{lim.max_passage_chars} (TETHER_LIMITS__MAX_PASSAGE_CHARS)"
                )
        total = sum(len(p.text) for p in req.passages)
        if total > lim.max_verify_chars:
            raise LimitExceeded(
                f"passages: {total} characters in all, over the limit of {lim.max_verify_chars} per call "
                "(TETHER_LIMITS__MAX_VERIFY_CHARS)"
            )
        passages = [
            Passage(
                chunk_id=f"input-{i + 1}",
                doc_id=p.doc_id or f"input-{i + 1}",
                collection="",
                title=p.title or "",
                uri=p.uri,
                version=None,
                source=p.doc_id or f"input-{i + 1}",
                start=0,
                end=len(p.text),
                text=p.text,
                score=1.0,
            )
            for i, p in enumerate(req.passages)
        ]
    elif req.question:
        question, collection, top_k = _query(
            svc,
            RetrieveRequest(question=req.question, collection=req.collection, top_k=req.top_k, filters=req.filters),
            principal,
        )
        passages = svc.retriever.retrieve(question, collection, top_k, req.filters).passages
    else:
        raise BadRequest("give passages, or a question to retrieve them", code="invalid_request")
    cuts = effective_thresholds(svc.settings, req.support_threshold, req.abstain_below)
    verification = svc.verifier.verify(req.answer, passages, req.question, cuts.support)
    result = apply_policy(
        req.answer, verification, req.policy, threshold=cuts.abstain_below, has_passages=bool(passages)
    )
    return {
        "answer": result.answer,
        "status": result.status,
        "reason": result.reason,
        "groundedness": verification.groundedness,
        "unsupported": verification.unsupported,
        "errors": verification.errors,
        "claims": [c.to_dict() for c in result.claims],
        "passages": numbered(passages),
        "thresholds": cuts.to_dict(),
        "timings": {"total_ms": round((time.perf_counter() - t0) * 1000, 2)},
    }
