"""POST /v1/chat/completions, OpenAI-compatible: a chatbot that speaks the OpenAI protocol points its base
URL at Tether and gets grounded answers. Citations, claim verdicts and status ride in the `tether`
extension field of the message (and of the last stream chunk)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from app.answering import AnswerQuery
from app.errors import BadRequest
from app.http.routes import ERRORS, _query, _record, trace_id
from app.http.schemas import RetrieveRequest
from app.http.security import QueryKey, ServicesDep
from app.retrieval.hybrid import Filters

router = APIRouter(tags=["openai-compatible"])


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None


class TetherOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    collection: str | None = None
    top_k: int | None = Field(None, ge=1)
    filters: Filters | None = None
    policy: Literal["annotate", "redact", "abstain"] = "annotate"


class ChatRequest(BaseModel):
    # OpenAI clients send many optional knobs (temperature, n, user, ...): accept and ignore them.
    model_config = ConfigDict(extra="allow")
    model: str = "tether"
    messages: list[ChatMessage] = Field(..., min_length=1)
    stream: bool = False
    tether: TetherOptions | None = Field(None, description="Tether's own options (extension field).")


def _text(msg: ChatMessage) -> str:
    if isinstance(msg.content, str):
        return msg.content
    if isinstance(msg.content, list):
        return " ".join(str(p.get("text", "")) for p in msg.content if p.get("type") == "text")
    return ""


def _extension(result: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "status",
        "reason",
        "groundedness",
        "claims",
        "citations",
        "invalid_citations",
        "raw_answer",
        "collection",
        "collection_version",
        "trace_id",
        "timings",
        "backend",
    )
    return {k: result.get(k) for k in keys} | {"answer": result["answer"]}


@router.post("/v1/chat/completions", responses=ERRORS)
def chat_completions(req: ChatRequest, request: Request, svc: ServicesDep, principal: QueryKey) -> Any:
    """The last user message is the question; the answer comes from the verified corpus only."""
    users = [m for m in req.messages if m.role == "user"]
    if not users:
        raise BadRequest("messages: no message with role 'user'", code="invalid_request")
    opts = req.tether or TetherOptions()
    question, collection, top_k = _query(
        svc,
        RetrieveRequest(question=_text(users[-1]) or " ", collection=opts.collection, top_k=opts.top_k),
        principal,
    )
    q = AnswerQuery(question, collection, top_k, opts.filters, opts.policy, trace_id=trace_id(request))
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    if not req.stream:
        result = svc.answerer.answer(q)
        _record(request, svc, question, result, principal)
        return {
            "id": cid,
            "object": "chat.completion",
            "created": created,
            "model": req.model,
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": result["answer"], "tether": _extension(result)},
                }
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            "tether": _extension(result),
        }
    svc.retriever.view(collection)  # unknown collection: a 404 before the stream starts

    def chunks() -> Iterator[str]:
        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
            body = {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": created,
                "model": req.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                **extra,
            }
            return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

        yield chunk({"role": "assistant", "content": ""})
        streamed = False
        for name, data in svc.answerer.stream(q):
            if name == "delta":
                streamed = True
                yield chunk({"content": data["text"]})
            elif name == "result":
                _record(request, svc, question, data, principal)
                if not streamed:  # early abstention: no backend call, send the text once
                    yield chunk({"content": data["answer"]})
                ext = _extension(data)
                yield chunk({"tether": ext}, "stop", tether=ext)
        yield "data: [DONE]\n\n"

    return StreamingResponse(chunks(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.get("/v1/models", responses=ERRORS)
def models(_: QueryKey) -> dict[str, Any]:
    """One model: Tether itself (what OpenAI clients list before they chat)."""
    return {"object": "list", "data": [{"id": "tether", "object": "model", "created": 0, "owned_by": "tether"}]}
