"""Typed records of the review loop. They are the API's response shapes too: field names are a contract."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Rating = Literal["up", "down"]
Mark = Literal["right", "wrong"]
QueueReason = Literal["flagged_claims", "abstained", "thumbs_down", "low_groundedness"]
QUEUE_REASONS: tuple[QueueReason, ...] = ("flagged_claims", "abstained", "thumbs_down", "low_groundedness")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClaimMark(_Frozen):
    claim: int = Field(..., ge=0, description="Index of the claim in the answer's `claims` list (from 0).")
    mark: Mark = Field(..., description="right: the claim is true and answers the question; wrong: it is not.")


class ReviewIn(_Frozen):
    """A thumbs up/down and comment (any key that may read the collection), or a reviewer's full judgement:
    per-claim marks, the correct answer, or `unanswerable` (reviewer or admin keys only)."""

    rating: Rating | None = Field(None, description="Thumbs up or down on the whole answer.")
    comment: str | None = Field(None, max_length=4000)
    claim_marks: list[ClaimMark] = Field(default_factory=list, max_length=200)
    corrected_answer: str | None = Field(None, max_length=20_000, description="What the answer should have said.")
    unanswerable: bool = Field(False, description="The corpus does not answer this: the right answer is to abstain.")
    sources: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="Documents (sources) that support the correct answer; default: those cited by right claims.",
    )

    @property
    def is_judgement(self) -> bool:
        """Carries more than feedback, so needs the reviewer role."""
        return bool(self.claim_marks or self.corrected_answer or self.unanswerable or self.sources)


class Review(_Frozen):
    id: int
    trace_id: str
    created_at: datetime
    reviewer: str = Field(..., description="The name of the key that wrote it.")
    key_id: int | None
    by_reviewer: bool = Field(..., description="Written by a reviewer or admin key (takes the answer off the queue).")
    rating: Rating | None
    comment: str | None
    claim_marks: list[ClaimMark]
    corrected_answer: str | None
    unanswerable: bool
    sources: list[str]


class ReviewedClaim(_Frozen):
    text: str
    label: str | None
    score: float | None
    citations: list[int] = Field(default_factory=list)


class AnswerRecord(_Frozen):
    """What a review is about: the audit row's question, answer and verdicts."""

    trace_id: str
    created_at: datetime
    collection: str
    question: str
    answer: str
    status: str
    reason: str | None
    groundedness: float | None
    claims: list[ReviewedClaim]
    citations: list[dict[str, Any]] = Field(..., description="As in the audit record: n, doc_id, source, start, end.")


class ReviewedAnswer(_Frozen):
    answer: AnswerRecord
    reviews: list[Review] = Field(..., description="Oldest first; the last one by a reviewer is the current review.")


class QueueItem(_Frozen):
    trace_id: str
    created_at: datetime
    collection: str
    question: str
    status: str
    groundedness: float | None
    flagged_claims: int
    reasons: list[QueueReason]
    reviewed: bool = Field(..., description="A reviewer has judged it (it leaves the default queue).")
    rating: Rating | None = Field(None, description="The latest thumbs given to it.")


class Queue(_Frozen):
    items: list[QueueItem]
    total: int = Field(..., description="Items matching the filters (items holds at most `limit` of them).")


class Agreement(_Frozen):
    """Reviewers' marks against the verifier's labels, claim by claim (latest review of each answer)."""

    claims: int
    supported_right: int
    supported_wrong: int
    unsupported_right: int
    unsupported_wrong: int
    agreement_rate: float | None = Field(..., description="(supported & right + unsupported & wrong) / claims.")
    supported_judged_wrong_rate: float | None = Field(..., description="Of claims the verifier passed, share wrong.")
    unsupported_judged_right_rate: float | None = Field(..., description="Of claims it flagged, share right.")


class DayCount(_Frozen):
    day: str
    status: str
    answers: int


class ReviewStats(_Frozen):
    since: datetime | None
    until: datetime | None
    answers: int
    answers_by_status: dict[str, int]
    answers_by_day: list[DayCount] = Field(..., description="Answers by status over time, one row per UTC day.")
    reviewed: int
    backlog: int = Field(..., description="Answers worth a look (see the queue) that no reviewer has judged yet.")
    ratings: dict[str, int]
    agreement: Agreement
