"""The review store against SQLite and PostgreSQL: reviews kept against their audit rows, read within a
window of collections and time, the queue and the numbers, and gone with their audit row at purge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.audit import AuditLog
from app.reviews.store import ReviewBook, Window
from app.reviews.types import ClaimMark, ReviewIn
from ingestion.store import AnswerAudit, AnswerReview, open_store
from tests.support.answers import make_answer

ALL = frozenset({"*"})


def test_reviews_queue_stats_and_purge(database_url: str) -> None:
    store = open_store(database_url)
    try:
        audit, book = AuditLog(store, retention_days=30), ReviewBook(store)
        audit.record("q1?", make_answer("t1", "a", "answered", ["supported", "supported"]), None)
        audit.record("q2?", make_answer("t2", "a", "partial", ["supported", "unsupported"]), None)
        audit.record("q3?", make_answer("t3", "b", "abstained", []), None)
        assert book.answer("t3", Window(frozenset({"a"}))) is None  # another collection reads as absent
        assert book.answer("t3", Window(ALL)) is not None

        book.add("t1", ReviewIn(rating="down", comment="meh"), "bot", 2, by_reviewer=False)
        marks = [ClaimMark(claim=0, mark="right"), ClaimMark(claim=1, mark="right")]
        review = book.add("t2", ReviewIn(claim_marks=marks, corrected_answer="B."), "ana", 3, by_reviewer=True)
        assert review.created_at.tzinfo is not None and review.claim_marks == marks

        queue = book.queue(Window(ALL))
        assert [(i.trace_id, i.reasons) for i in queue.items] == [("t3", ["abstained"]), ("t1", ["thumbs_down"])]
        assert [i.trace_id for i in book.queue(Window(ALL), include_reviewed=True).items] == ["t3", "t2", "t1"]
        assert [i.trace_id for i in book.queue(Window(frozenset({"a"}))).items] == ["t1"]
        assert book.queue(Window(ALL, collection="b"), reasons=["thumbs_down"]).total == 0
        later = datetime.now(UTC) + timedelta(minutes=1)
        assert book.queue(Window(ALL, since=later)).total == 0 and book.queue(Window(ALL, until=later)).total == 2

        stats = book.stats(Window(ALL))
        assert (stats.answers, stats.reviewed, stats.backlog) == (3, 1, 2)
        assert stats.answers_by_status == {"abstained": 1, "answered": 1, "partial": 1}
        assert (stats.agreement.supported_right, stats.agreement.unsupported_right) == (1, 1)
        assert stats.agreement.unsupported_judged_right_rate == 1.0 and stats.ratings == {"up": 0, "down": 1}
        assert [r.answer.trace_id for r in book.all_reviewed(Window(ALL))] == ["t1", "t2"]

        # Retention takes the reviews with the audit rows they judge.
        with store.session() as s:
            s.query(AnswerAudit).filter(AnswerAudit.trace_id == "t2").update(
                {"created_at": datetime.now(UTC) - timedelta(days=31)}
            )
        assert audit.purge() == 1
        with store.session() as s:
            assert [r.trace_id for r in s.query(AnswerReview)] == ["t1"]
    finally:
        store.dispose()
