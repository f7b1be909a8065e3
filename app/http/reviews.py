"""The review loop over HTTP: thumbs and comments on an answer (any key that may read its collection),
per-claim marks and corrected answers, the review queue and the agreement numbers (reviewer or admin keys).
Every read stays within the key's collections: another collection's answer reads as absent."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from app.errors import BadRequest, Forbidden, NotFound
from app.http.errors import ERRORS
from app.http.security import QueryKey, ReviewerKey, ServicesDep, check_collection
from app.reviews.rules import LOW_GROUNDEDNESS, bad_marks
from app.reviews.store import Window
from app.reviews.types import Queue, QueueReason, Review, ReviewedAnswer, ReviewIn, ReviewStats
from app.security.keys import Principal

router = APIRouter(tags=["reviews"])


def _window(
    principal: Principal, collection: str | None, since: datetime | None = None, until: datetime | None = None
) -> Window:
    if collection is not None:
        check_collection(principal, collection)
    return Window(principal.collections, collection, since, until)


def _absent(trace_id: str) -> NotFound:
    return NotFound(f"no answer with trace id {trace_id!r} (not recorded, or past the retention period)")


CollectionQuery = Annotated[str | None, Query(description="Only answers from this collection.")]
SinceQuery = Annotated[datetime | None, Query(description="Only answers served at or after this time (ISO 8601).")]
UntilQuery = Annotated[datetime | None, Query(description="Only answers served before this time (ISO 8601).")]
Low = Annotated[float, Query(ge=0, le=1, description="Groundedness below which an answer is worth a look.")]


@router.get("/v1/reviews/queue", response_model=Queue, responses=ERRORS)
def review_queue(
    svc: ServicesDep,
    principal: ReviewerKey,
    collection: CollectionQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
    reason: Annotated[list[QueueReason] | None, Query(description="Only items with one of these reasons.")] = None,
    include_reviewed: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    low_groundedness: Low = LOW_GROUNDEDNESS,
) -> Queue:
    """Answers worth a look, newest first: flagged claims, abstentions, thumbs down, low groundedness.
    Answers a reviewer has judged leave the queue unless `include_reviewed`."""
    window = _window(principal, collection, since, until)
    return svc.reviews.queue(window, reason or (), include_reviewed, limit, low_groundedness)


@router.get("/v1/reviews/stats", response_model=ReviewStats, responses=ERRORS)
def review_stats(
    svc: ServicesDep,
    principal: ReviewerKey,
    collection: CollectionQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
    low_groundedness: Low = LOW_GROUNDEDNESS,
) -> ReviewStats:
    """Reviewer-verifier agreement per claim, the review backlog, ratings, and answers by status per day."""
    return svc.reviews.stats(_window(principal, collection, since, until), low_groundedness)


@router.get("/v1/reviews/{trace_id}", response_model=ReviewedAnswer, responses=ERRORS)
def get_review(trace_id: str, svc: ServicesDep, principal: ReviewerKey) -> ReviewedAnswer:
    """An answer (from its audit record) with every review of it, oldest first."""
    found = svc.reviews.reviewed(trace_id, _window(principal, None))
    if found is None:
        raise _absent(trace_id)
    return found


@router.post("/v1/reviews/{trace_id}", response_model=Review, status_code=201, responses=ERRORS)
def post_review(trace_id: str, body: ReviewIn, svc: ServicesDep, principal: QueryKey) -> Review:
    """Review an answer by its trace id. A thumbs up/down and a comment are open to any key that may read
    the answer's collection; claim marks, a corrected answer, `unanswerable` and `sources` need the
    reviewer (or admin) role. Each post is kept; the latest by a reviewer is the answer's review."""
    reviewer = principal.has_role("reviewer")
    if body.is_judgement and not reviewer:
        raise Forbidden("claim marks, corrected answers, unanswerable and sources need the 'reviewer' role")
    if not (body.is_judgement or body.rating or (body.comment and body.comment.strip())):
        raise BadRequest("an empty review: give a rating, a comment, claim marks or a corrected answer",
                         code="invalid_request")  # fmt: skip
    answer = svc.reviews.answer(trace_id, _window(principal, None))
    if answer is None and not svc.settings.audit.enabled:
        raise NotFound("answers are not recorded here (TETHER_AUDIT__ENABLED=false), so none can be reviewed")
    if answer is None:
        raise _absent(trace_id)
    if errors := bad_marks(body.claim_marks, len(answer.claims)):
        raise BadRequest(errors[0], code="invalid_request")
    review = svc.reviews.add(trace_id, body, principal.name, principal.key_id, reviewer)
    return review
