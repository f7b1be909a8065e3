"""Reviews in the SQL store, read and written against the answers' audit rows, always within the
collections a key may see (a row of another collection reads as absent)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, select

from app.reviews.rules import LOW_GROUNDEDNESS, agreement, marked_pairs, queue_reasons
from app.reviews.types import (
    AnswerRecord,
    ClaimMark,
    DayCount,
    Queue,
    QueueItem,
    QueueReason,
    Review,
    ReviewedAnswer,
    ReviewedClaim,
    ReviewIn,
    ReviewStats,
)
from ingestion.store import AnswerAudit, AnswerReview, Store


def utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones. A bound at the edge of
    the calendar ("0001-01-01T00:00+01:00") has no UTC form: it stands for the earliest or latest time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        return (datetime.min if value.year == 1 else datetime.max).replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Window:
    """Which answers a read covers: the key's collections ('*' = all), one collection, a time range."""

    collections: frozenset[str]
    collection: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def allows(self, collection: str) -> bool:
        return ("*" in self.collections or collection in self.collections) and self.collection in (None, collection)

    def apply(self, q: Select[Any]) -> Select[Any]:
        if "*" not in self.collections:
            q = q.where(AnswerAudit.collection.in_(sorted(self.collections)))
        if self.collection is not None:
            q = q.where(AnswerAudit.collection == self.collection)
        if self.since is not None:
            q = q.where(AnswerAudit.created_at >= utc(self.since))
        if self.until is not None:
            q = q.where(AnswerAudit.created_at < utc(self.until))
        return q


def _record(a: AnswerAudit) -> AnswerRecord:
    return AnswerRecord(
        trace_id=a.trace_id,
        created_at=utc(a.created_at),
        collection=a.collection,
        question=a.question,
        answer=a.answer,
        status=a.status,
        reason=a.reason,
        groundedness=a.groundedness,
        claims=[
            ReviewedClaim(
                text=c.get("text") or "",
                label=c.get("label"),
                score=c.get("score"),
                citations=list(c.get("citations") or []),
            )
            for c in a.claims or []
        ],
        citations=list(a.citations or []),
    )


def _review(r: AnswerReview) -> Review:
    return Review(
        id=r.id,
        trace_id=r.trace_id,
        created_at=utc(r.created_at),
        reviewer=r.reviewer,
        key_id=r.key_id,
        by_reviewer=r.by_reviewer,
        rating=r.rating,
        comment=r.comment,
        claim_marks=[ClaimMark.model_validate(m) for m in r.claim_marks or []],
        corrected_answer=r.corrected_answer,
        unanswerable=r.unanswerable,
        sources=list(r.sources or []),
    )


class ReviewBook:
    def __init__(self, store: Store) -> None:
        self.store = store

    def answer(self, trace_id: str, window: Window) -> AnswerRecord | None:
        with self.store.session() as s:
            a = s.get(AnswerAudit, trace_id)
            return _record(a) if a is not None and window.allows(a.collection) else None

    def add(self, trace_id: str, review: ReviewIn, reviewer: str, key_id: int | None, by_reviewer: bool) -> Review:
        with self.store.session() as s:
            row = AnswerReview(
                trace_id=trace_id,
                key_id=key_id,
                reviewer=reviewer,
                by_reviewer=by_reviewer,
                rating=review.rating,
                comment=review.comment,
                claim_marks=[m.model_dump() for m in review.claim_marks],
                corrected_answer=review.corrected_answer,
                unanswerable=review.unanswerable,
                sources=list(review.sources),
            )
            s.add(row)
            s.flush()
            return _review(row)

    def reviewed(self, trace_id: str, window: Window) -> ReviewedAnswer | None:
        with self.store.session() as s:
            a = s.get(AnswerAudit, trace_id)
            if a is None or not window.allows(a.collection):
                return None
            rows = s.scalars(
                select(AnswerReview).where(AnswerReview.trace_id == trace_id).order_by(AnswerReview.id)
            ).all()
            return ReviewedAnswer(answer=_record(a), reviews=[_review(r) for r in rows])

    def all_reviewed(self, window: Window) -> list[ReviewedAnswer]:
        """Every answer in the window with at least one review, oldest first (for export)."""
        with self.store.session() as s:
            ids = select(AnswerReview.trace_id).distinct()
            audits = s.scalars(window.apply(select(AnswerAudit).where(AnswerAudit.trace_id.in_(ids)))).all()
            by_trace = self._reviews(s, [a.trace_id for a in audits])
            out = [ReviewedAnswer(answer=_record(a), reviews=by_trace.get(a.trace_id, [])) for a in audits]
        return sorted(out, key=lambda r: (r.answer.created_at, r.answer.trace_id))

    @staticmethod
    def _reviews(s: Any, trace_ids: Sequence[str]) -> dict[str, list[Review]]:
        out: dict[str, list[Review]] = defaultdict(list)
        for chunk in range(0, len(trace_ids), 500):  # bounded IN lists
            part = trace_ids[chunk : chunk + 500]
            for r in s.scalars(select(AnswerReview).where(AnswerReview.trace_id.in_(part)).order_by(AnswerReview.id)):
                out[r.trace_id].append(_review(r))
        return out

    def _scan(self, window: Window) -> list[tuple[AnswerRecord, list[Review]]]:
        with self.store.session() as s:
            audits = s.scalars(window.apply(select(AnswerAudit)).order_by(AnswerAudit.created_at.desc())).all()
            by_trace = self._reviews(s, [a.trace_id for a in audits])
            return [(_record(a), by_trace.get(a.trace_id, [])) for a in audits]

    def queue(
        self,
        window: Window,
        reasons: Collection[QueueReason] = (),
        include_reviewed: bool = False,
        limit: int = 50,
        low: float = LOW_GROUNDEDNESS,
    ) -> Queue:
        """Answers worth a look, newest first. The window bounds the scan (audit retention bounds it too)."""
        items = [item for a, rs in self._scan(window) if (item := queue_item(a, rs, low)) is not None]
        wanted = set(reasons)
        items = [i for i in items if (include_reviewed or not i.reviewed) and (not wanted or wanted & set(i.reasons))]
        return Queue(items=items[:limit], total=len(items))

    def stats(self, window: Window, low: float = LOW_GROUNDEDNESS) -> ReviewStats:
        scanned = self._scan(window)
        by_day: Counter[tuple[str, str]] = Counter()
        ratings: Counter[str] = Counter()
        pairs: list[tuple[str | None, str]] = []
        reviewed = backlog = 0
        for a, rs in scanned:
            by_day[(a.created_at.date().isoformat(), a.status)] += 1
            item = queue_item(a, rs, low)
            judged = [r for r in rs if r.by_reviewer]
            reviewed += bool(judged)
            backlog += item is not None and not item.reviewed
            for r in rs:
                if r.rating:
                    ratings[r.rating] += 1
            if judged:
                pairs += marked_pairs(a.claims, judged[-1].claim_marks)
        statuses: Counter[str] = Counter(a.status for a, _ in scanned)
        return ReviewStats(
            since=window.since,
            until=window.until,
            answers=len(scanned),
            answers_by_status=dict(sorted(statuses.items())),
            answers_by_day=[DayCount(day=d, status=st, answers=n) for (d, st), n in sorted(by_day.items())],
            reviewed=reviewed,
            backlog=backlog,
            ratings={"up": ratings["up"], "down": ratings["down"]},
            agreement=agreement(pairs),
        )


def queue_item(a: AnswerRecord, reviews: Sequence[Review], low: float = LOW_GROUNDEDNESS) -> QueueItem | None:
    rating = next((r.rating for r in reversed(reviews) if r.rating), None)
    reasons = queue_reasons(a.status, a.groundedness, [c.label for c in a.claims], rating, low)
    if not reasons:
        return None
    return QueueItem(
        trace_id=a.trace_id,
        created_at=a.created_at,
        collection=a.collection,
        question=a.question,
        status=a.status,
        groundedness=a.groundedness,
        flagged_claims=sum(1 for c in a.claims if c.label == "unsupported"),
        reasons=reasons,
        reviewed=any(r.by_reviewer for r in reviews),
        rating=rating,
    )
