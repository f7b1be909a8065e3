"""API schemas (kept apart from the ORM models). Field names here are a public contract."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.retrieval.hybrid import Filters

_SURROGATE = re.compile("[\ud800-\udfff]")


def unencodable_text(data: Any, path: str = "body") -> str | None:
    """The path of the first string in `data` (JSON values, keys included) holding a lone surrogate:
    JSON may escape one (`\\ud800`), but no UTF-8 text can carry it, so it fails wherever it is
    encoded (the response, a hash, the log). None when every string is sound."""
    if isinstance(data, str):
        return path if _SURROGATE.search(data) else None
    if isinstance(data, dict):
        for k, v in data.items():
            found = unencodable_text(k, path) or unencodable_text(v, f"{path}.{k}")
            if found:
                return found
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found = unencodable_text(v, f"{path}.{i}")
            if found:
                return found
    return None


class _Req(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RetrieveRequest(_Req):
    question: str = Field(
        ...,
        min_length=1,
        description="The user's question.",
        examples=["What is the maximum file size on the Business plan?"],
    )
    collection: str | None = Field(None, description="Collection to search; the default collection if empty.")
    top_k: int | None = Field(None, ge=1, description="Passages to return (bounded by the server's max_top_k).")
    filters: Filters | None = None


class Strictness(_Req):
    """Per-request strictness; the server's configured values when absent."""

    support_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Support probability at or above which a claim counts as supported (server default: "
        "TETHER_VERIFIER__THRESHOLD). Raise it for one-line answers to questions, which the verifier scores high.",
    )
    abstain_below: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="abstain policy: an answer whose share of supported claims is below this is replaced by an "
        "abstention (server default: TETHER_VERIFIER__ABSTAIN_BELOW).",
    )


class Answerable(_Req):
    """Per-request answerability control; the server's configured values when absent."""

    abstain_unanswerable: bool | None = Field(
        None,
        description="Abstain (reason not_answered_by_passages, no LLM call) when no retrieved passage answers "
        "the question (server default: TETHER_ANSWERABILITY__ENABLED, on).",
    )
    answerable_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Answerability probability a question needs (server default: TETHER_ANSWERABILITY__THRESHOLD).",
    )


class AnswerRequest(RetrieveRequest, Strictness, Answerable):
    stream: bool = Field(False, description="Server-Sent Events: passages, text deltas, then the final result.")
    policy: Literal["annotate", "redact", "abstain"] = Field(
        "annotate",
        description="annotate: return verdicts; redact: drop unsupported claims; abstain: replace a poorly "
        "grounded answer by an abstention.",
    )
    verify: bool = Field(True, description="Run the grounding verifier on the answer.")


class PassageIn(_Req):
    text: str = Field(..., min_length=1)
    title: str | None = None
    doc_id: str | None = None
    uri: str | None = None


class VerifyRequest(Strictness):
    answer: str = Field(..., min_length=1, description="The answer to check, with [n] markers if it has them.")
    passages: list[PassageIn] | None = Field(None, description="The passages the answer was written from.")
    question: str | None = Field(None, description="Context for short answers; retrieves passages if none given.")
    collection: str | None = None
    top_k: int | None = Field(None, ge=1)
    filters: Filters | None = None
    policy: Literal["annotate", "redact", "abstain"] = "annotate"


class PassageOut(BaseModel):
    n: int | None = None
    chunk_id: str
    doc_id: str
    title: str
    uri: str | None
    source: str
    version: str | None
    revision: int | None = None
    start: int = Field(..., description="Offset of the passage in the document's normalised text.")
    end: int
    text: str
    score: float
    pages: list[int] | None = None


class RetrieveResponse(BaseModel):
    passages: list[PassageOut]
    collection: str
    collection_version: int
    timings: dict[str, float]


class EvidenceOut(BaseModel):
    n: int
    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    score: float


class FactOut(BaseModel):
    text: str
    label: Literal["supported", "unsupported", "error"]
    supported: bool | None
    score: float | None
    evidence: list[EvidenceOut]
    reason: str | None


class ClaimOut(BaseModel):
    text: str
    start: int
    end: int
    label: Literal["supported", "unsupported", "error"]
    supported: bool | None
    score: float | None
    citations: list[int]
    citations_support: bool | None
    invalid_citations: list[int]
    evidence: list[EvidenceOut]
    reason: str | None
    facts: list[FactOut] = Field(
        default_factory=list,
        description="The claim's atomic facts, each with its own verdict and evidence, when it states several "
        "(the claim's verdict is its weakest fact's); empty otherwise.",
    )


class AnswerabilityOut(BaseModel):
    score: float = Field(..., description="The best passage's probability of answering the question.")
    threshold: float = Field(..., description="The cut it was judged by.")
    answerable: bool
    passage: int | None = Field(None, description="The best passage's rank among those retrieved (1-based).")
    unknown_names: list[str] = Field(
        default_factory=list,
        description="Plans, tiers or editions the question names that no passage names, and names or codes "
        "the knowledge base never writes: the question is then not answerable from them, whatever the score.",
    )


class ConflictOut(BaseModel):
    passages: list[int] = Field(..., description="The cited passage and the one that disagrees (citation numbers).")
    sentences: list[str] = Field(..., description="What each says.")
    authoritative: int | None = Field(
        None,
        description="The passage whose document outranks the other's (tags, verified_by, verified_at), if one does.",
    )


class AnswerResponse(BaseModel):
    answer: str
    status: Literal["answered", "partial", "abstained"]
    reason: str | None
    groundedness: float | None
    claims: list[ClaimOut]
    citations: list[PassageOut]
    invalid_citations: list[int]
    raw_answer: str | None = Field(None, description="The backend's answer when the policy changed it.")
    policy: str
    thresholds: dict[str, float] = Field(
        ..., description="The cuts this answer was judged by: `support` and `abstain_below` (request or default)."
    )
    backend: str
    model: str | None
    collection: str
    collection_version: int
    passages_considered: int
    answerability: AnswerabilityOut | None = Field(
        None, description="Whether the retrieved passages answer the question (null: not judged)."
    )
    conflicts: list[ConflictOut] = Field(
        default_factory=list,
        description="Sources that disagree with what the answer states (reason conflicting_sources).",
    )
    timings: dict[str, float]
    trace_id: str


class VerifyResponse(BaseModel):
    answer: str
    status: Literal["answered", "partial", "abstained"]
    reason: str | None
    groundedness: float | None
    unsupported: int
    errors: int
    claims: list[ClaimOut]
    passages: list[PassageOut]
    thresholds: dict[str, float] = Field(..., description="The cuts this verification was judged by.")
    timings: dict[str, float]


class ErrorBody(BaseModel):
    code: str
    message: str
    details: Any | None = None
    trace_id: str | None = Field(None, description="On a 500: the id the server logged the failure under.")


class ErrorResponse(BaseModel):
    error: ErrorBody
