"""What the two pipelines are asked, and the limits a request must keep: `AnswerQuery` for the answer
pipeline (app/answering.py), `VerifyQuery` for checking a caller's own answer (app/verifying.py).

The limits are checked here, before any work, in the order a caller reads them back: each error names
the field, the limit and the setting that raises it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.errors import BadRequest, LimitExceeded
from app.grounding.answer_policies import Policy
from app.results import Thresholds
from app.retrieval.hybrid import Filters
from app.settings import LimitSettings, Settings


@dataclass
class AnswerQuery:
    question: str
    collection: str
    top_k: int
    filters: Filters | None = None
    policy: Policy = "annotate"
    verify: bool = True
    support_threshold: float | None = None  # None: the configured verifier threshold
    abstain_below: float | None = None  # None: the configured abstain_below
    abstain_unanswerable: bool | None = None  # None: the configured answerability.enabled
    answerable_threshold: float | None = None  # None: the configured answerability.threshold
    trace_id: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(frozen=True, slots=True)
class GivenPassage:
    """A passage the caller brings to /v1/verify (its own context, not the corpus)."""

    text: str
    title: str | None = None
    doc_id: str | None = None
    uri: str | None = None


@dataclass(frozen=True, slots=True)
class VerifyQuery:
    """Check `answer` against the caller's `passages`, or against passages retrieved for `question`."""

    answer: str
    passages: tuple[GivenPassage, ...] | None = None
    question: str | None = None
    collection: str | None = None
    top_k: int | None = None
    filters: Filters | None = None
    policy: Policy = "annotate"
    support_threshold: float | None = None
    abstain_below: float | None = None


def effective_thresholds(settings: Settings, support: float | None, abstain_below: float | None) -> Thresholds:
    """A request's strictness over the configured defaults, as every answer and verification reports it."""
    v = settings.verifier
    return Thresholds(
        support=v.threshold if support is None else support,
        abstain_below=v.abstain_below if abstain_below is None else abstain_below,
    )


def checked_question(
    settings: Settings, question: str, collection: str | None, top_k: int | None
) -> tuple[str, str, int]:
    """The (question, collection, top_k) to retrieve for: the question stripped and within its limit,
    top_k within the configured maximum, the defaults filled in."""
    lim, ret = settings.limits, settings.retrieval
    question = question.strip()
    if not question:
        raise BadRequest("question: must contain non-whitespace text", code="invalid_request")
    if len(question) > lim.max_question_chars:
        raise LimitExceeded(
            f"question: {len(question)} characters, over the limit of {lim.max_question_chars} "
            "(TETHER_LIMITS__MAX_QUESTION_CHARS)"
        )
    top_k = top_k or ret.default_top_k
    if top_k > ret.max_top_k:
        raise BadRequest(
            f"top_k: {top_k} is over the limit of {ret.max_top_k} (TETHER_RETRIEVAL__MAX_TOP_K)", code="invalid_request"
        )
    return question, collection or settings.default_collection, top_k


def check_verify_sizes(answer: str, passages: Sequence[GivenPassage] | None, lim: LimitSettings) -> None:
    """An answer to verify, and the passages the caller brings, within the limits: the verifier's cost
    grows with their text, while the rate limit counts calls."""
    if len(answer) > lim.max_answer_chars:
        raise LimitExceeded(
            f"answer: {len(answer)} characters, over the limit of {lim.max_answer_chars} "
            "(TETHER_LIMITS__MAX_ANSWER_CHARS)"
        )
    if passages is None:
        return
    if not passages:
        raise BadRequest("passages: give at least one passage, or omit it and send a question", code="invalid_request")
    if len(passages) > lim.max_verify_passages:
        raise LimitExceeded(
            f"passages: {len(passages)} given, over the limit of {lim.max_verify_passages} "
            "(TETHER_LIMITS__MAX_VERIFY_PASSAGES)"
        )
    for i, p in enumerate(passages):
        if len(p.text) > lim.max_passage_chars:
            raise LimitExceeded(
                f"passages[{i}].text: {len(p.text)} characters, over the limit of "
                f"{lim.max_passage_chars} (TETHER_LIMITS__MAX_PASSAGE_CHARS)"
            )
    total = sum(len(p.text) for p in passages)
    if total > lim.max_verify_chars:
        raise LimitExceeded(
            f"passages: {total} characters in all, over the limit of {lim.max_verify_chars} per call "
            "(TETHER_LIMITS__MAX_VERIFY_CHARS)"
        )
