"""The routes that take a question or an answer: /v1/retrieve, /v1/answer (JSON or Server-Sent Events)
and /v1/verify. Each validates, calls one pipeline, shapes the response; `record_answer` and
`request_trace_id` are shared with the chat route (openai_compat.py)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from app.answering import PassagesUsed, TextDelta
from app.errors import TetherError
from app.http.errors import ERRORS
from app.http.schemas import (
    AnswerRequest,
    AnswerResponse,
    RetrieveRequest,
    RetrieveResponse,
    VerifyRequest,
    VerifyResponse,
)
from app.http.security import QueryKey, ServicesDep, check_collection
from app.queries import AnswerQuery, GivenPassage, VerifyQuery, checked_question
from app.results import Answer, numbered
from app.security.keys import Principal
from app.services import Services
from app.verifying import verify_answer

router = APIRouter()


def request_trace_id(request: Request) -> str:
    """The server's trace id of this request (ObservabilityMiddleware's), which keys the audit row."""
    return str(getattr(request.state, "trace_id", None) or uuid.uuid4().hex)


def record_answer(request: Request, svc: Services, question: str, answer: Answer, principal: Principal) -> None:
    """Every answer served counts in the metrics and gets its audit row."""
    request.app.state.metrics.observe_answer(answer)
    if svc.settings.audit.enabled:
        client_trace_id = getattr(request.state, "client_trace_id", None)
        svc.audit.record(question, answer, principal.key_id, client_trace_id)


def _asked(svc: Services, principal: Principal, req: RetrieveRequest) -> tuple[str, str, int]:
    question, collection, top_k = checked_question(svc.settings, req.question, req.collection, req.top_k)
    check_collection(principal, collection)
    return question, collection, top_k


@router.post("/v1/retrieve", response_model=RetrieveResponse, tags=["answers"], responses=ERRORS)
def retrieve(req: RetrieveRequest, svc: ServicesDep, principal: QueryKey) -> dict[str, Any]:
    """Ranked passages (hybrid dense + BM25, fused), above the relevance floor, near-duplicates collapsed."""
    question, collection, top_k = _asked(svc, principal, req)
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
    question, collection, top_k = _asked(svc, principal, req)
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
        trace_id=request_trace_id(request),
    )
    if not req.stream:
        result = svc.answerer.answer(q)
        record_answer(request, svc, question, result, principal)
        return result.to_dict()
    svc.retriever.view(collection)  # an unknown collection is a 404 before the stream starts

    def events() -> Iterator[tuple[str, dict[str, Any]]]:
        for event in svc.answerer.stream(q):
            if isinstance(event, PassagesUsed):
                yield "passages", {"passages": numbered(event.passages)}
            elif isinstance(event, TextDelta):
                yield "delta", {"text": event.text}
            else:
                record_answer(request, svc, question, event, principal)
                yield "result", event.to_dict()

    return StreamingResponse(_sse(events()), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.post("/v1/verify", response_model=VerifyResponse, tags=["answers"], responses=ERRORS)
def verify(req: VerifyRequest, svc: ServicesDep, principal: QueryKey) -> dict[str, Any]:
    """Claim verdicts for an answer you generated yourself, against your passages or retrieved ones."""
    given: tuple[GivenPassage, ...] | None = None
    if req.passages is not None:
        given = tuple(GivenPassage(p.text, p.title, p.doc_id, p.uri) for p in req.passages)
    q = VerifyQuery(
        req.answer,
        given,
        req.question,
        req.collection,
        req.top_k,
        req.filters,
        req.policy,
        support_threshold=req.support_threshold,
        abstain_below=req.abstain_below,
    )
    result = verify_answer(q, svc.retriever, svc.verifier, svc.settings, lambda c: check_collection(principal, c))
    return result.to_dict()
