"""POST /v1/chat/completions, OpenAI-compatible: a chatbot that speaks the OpenAI protocol points its base
URL at Tether and gets grounded answers. Citations, claim verdicts and status ride in the `tether`
extension field of the message (and of the last stream chunk)."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.answering import TextDelta
from app.errors import BadRequest
from app.http.answers import record_answer, request_trace_id
from app.http.errors import ERRORS
from app.http.schemas import Answerable, Strictness, unencodable_text
from app.http.security import QueryKey, ServicesDep, check_collection
from app.llm.candidates import keywords
from app.queries import AnswerQuery, checked_question
from app.results import Answer
from app.retrieval.hybrid import Filters

router = APIRouter(tags=["openai-compatible"])


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None


class TetherOptions(Strictness, Answerable):
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

    @model_validator(mode="before")
    @classmethod
    def _encodable(cls, data: Any) -> Any:
        # Free-form parts (content lists, ignored knobs) are not validated as str: check every string here.
        where = unencodable_text(data, "")
        if where is not None:
            raise ValueError(f"{where.lstrip('.') or 'body'}: a lone surrogate (e.g. \\ud800) is not text")
        return data


def _text(msg: ChatMessage) -> str:
    if isinstance(msg.content, str):
        return msg.content
    if isinstance(msg.content, list):
        return " ".join(str(p.get("text", "")) for p in msg.content if p.get("type") == "text")
    return ""


_FOLLOW_UP_CUE = re.compile(
    r"^\s*(?:and|also|plus|then|what about|how about|what if|same for|is that|does that|does it|is it|can it)\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"\b(?:it|its|that|this|those|these|they|them|their|there|one|ones)\b", re.IGNORECASE)


def follow_up_question(turns: Sequence[str]) -> str:
    """The question to retrieve and answer for the last user turn of a conversation (pure). A follow-up
    ("And the Personal plan?", "Does it work offline?") means nothing alone: it is read together with
    the user's previous turn. A turn that stands on its own is asked as it is."""
    last = turns[-1].strip() if turns else ""
    if len(turns) < 2 or not last:
        return last
    content = keywords(last)
    follows = (
        bool(_FOLLOW_UP_CUE.match(last)) or len(content) <= 2 or (bool(_REFERENCE.search(last)) and len(content) <= 5)
    )
    previous = turns[-2].strip()
    return f"{previous} {last}" if follows and previous else last


def _extension(result: Answer, question: str) -> dict[str, Any]:
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
        "thresholds",
        "answerability",
    )
    wire = result.to_dict()
    # `question`: what was retrieved and answered, so a client sees how a follow-up was read.
    return {k: wire[k] for k in keys} | {"answer": result.text, "question": question}


@router.post("/v1/chat/completions", responses=ERRORS)
def chat_completions(req: ChatRequest, request: Request, svc: ServicesDep, principal: QueryKey) -> Any:
    """The last user message is the question (read with the previous one when it is a follow-up); the
    answer comes from the verified corpus only."""
    users = [m for m in req.messages if m.role == "user"]
    if not users:
        raise BadRequest("messages: no message with role 'user'", code="invalid_request")
    opts = req.tether or TetherOptions()
    asked = follow_up_question([_text(m) for m in users[-2:]])
    question, collection, top_k = checked_question(svc.settings, asked, opts.collection, opts.top_k)
    check_collection(principal, collection)
    q = AnswerQuery(
        question,
        collection,
        top_k,
        opts.filters,
        opts.policy,
        support_threshold=opts.support_threshold,
        abstain_below=opts.abstain_below,
        abstain_unanswerable=opts.abstain_unanswerable,
        answerable_threshold=opts.answerable_threshold,
        trace_id=request_trace_id(request),
    )
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    if not req.stream:
        result = svc.answerer.answer(q)
        record_answer(request, svc, question, result, principal)
        ext = _extension(result, question)
        return {
            "id": cid,
            "object": "chat.completion",
            "created": created,
            "model": req.model,
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": result.text, "tether": ext},
                }
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            "tether": ext,
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
        for event in svc.answerer.stream(q):
            if isinstance(event, TextDelta):
                streamed = True
                yield chunk({"content": event.text})
            elif isinstance(event, Answer):
                record_answer(request, svc, question, event, principal)
                if not streamed:  # early abstention: no backend call, send the text once
                    yield chunk({"content": event.text})
                ext = _extension(event, question)
                yield chunk({"tether": ext}, "stop", tether=ext)
        yield "data: [DONE]\n\n"

    return StreamingResponse(chunks(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.get("/v1/models", responses=ERRORS)
def models(_: QueryKey) -> dict[str, Any]:
    """One model: Tether itself (what OpenAI clients list before they chat)."""
    return {"object": "list", "data": [{"id": "tether", "object": "model", "created": 0, "owned_by": "tether"}]}
