"""The review loop's pure rules: queue reasons, reviewer/verifier agreement, claim marks, export cases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.reviews.export import ExportedCase, Skipped, case_for, current_review, supporting_sources
from app.reviews.rules import agreement, bad_marks, queue_reasons
from app.reviews.types import AnswerRecord, ClaimMark, Review, ReviewedClaim
from evals.suite import parse_item

T0 = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "grounded", "labels", "rating", "expected"),
    [
        ("answered", 1.0, ["supported"], None, []),
        ("answered", 1.0, ["supported"], "up", []),
        ("partial", 0.5, ["supported", "unsupported"], None, ["flagged_claims"]),
        ("partial", 0.33, ["supported", "unsupported", "unsupported"], None, ["flagged_claims", "low_groundedness"]),
        ("abstained", None, [], None, ["abstained"]),
        ("abstained", 0.0, ["unsupported"], "down", ["flagged_claims", "abstained", "thumbs_down"]),
        ("answered", 1.0, ["supported"], "down", ["thumbs_down"]),
        ("answered", 0.4, ["supported", "error"], None, ["low_groundedness"]),
    ],
)
def test_queue_reasons(status: str, grounded: float | None, labels: list[str], rating: str | None,
                       expected: list[str]) -> None:  # fmt: skip
    assert queue_reasons(status, grounded, labels, rating) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pairs", "agree", "sup_wrong", "unsup_right", "n"),
    [
        ([], None, None, None, 0),
        ([("supported", "right"), ("unsupported", "wrong")], 1.0, 0.0, 0.0, 2),
        ([("supported", "wrong"), ("supported", "right")], 0.5, 0.5, None, 2),
        ([("unsupported", "right"), ("unsupported", "wrong"), ("unsupported", "right")], 0.3333, None, 0.6667, 3),
        ([("error", "right"), (None, "wrong"), ("supported", "right")], 1.0, 0.0, None, 1),  # no verdict: left out
    ],
)
def test_agreement(pairs: list[tuple[str | None, str]], agree: float | None, sup_wrong: float | None,
                   unsup_right: float | None, n: int) -> None:  # fmt: skip
    a = agreement(pairs)
    assert (a.claims, a.agreement_rate, a.supported_judged_wrong_rate, a.unsupported_judged_right_rate) == (
        n, agree, sup_wrong, unsup_right)  # fmt: skip


@pytest.mark.parametrize(
    ("marks", "claims", "errors"),
    [
        ([(0, "right"), (1, "wrong")], 2, []),
        ([(2, "right")], 2, ["claim_marks[0].claim: 2 is not a claim of this answer (it has 2)"]),
        ([(0, "right"), (0, "wrong")], 1, ["claim_marks[1].claim: claim 0 is marked twice"]),
    ],
)
def test_bad_marks(marks: list[tuple[int, str]], claims: int, errors: list[str]) -> None:
    assert bad_marks([ClaimMark(claim=c, mark=m) for c, m in marks], claims) == errors  # type: ignore[arg-type]


ANSWER = AnswerRecord(
    trace_id="t" * 32,
    created_at=T0,
    collection="default",
    question="How long is the Business trial?",
    answer="The trial lasts 14 days [1]. It needs a card [2].",
    status="partial",
    reason=None,
    groundedness=0.5,
    claims=[
        ReviewedClaim(text="The trial lasts 14 days [1].", label="supported", score=0.9, citations=[1]),
        ReviewedClaim(text="It needs a card [2].", label="unsupported", score=0.2, citations=[2]),
    ],
    citations=[{"n": 1, "source": "plans/business.md"}, {"n": 2, "source": "billing/payment-methods.html"}],
)


def _review(n: int = 1, by_reviewer: bool = True, **kw: object) -> Review:
    fields: dict[str, object] = dict(id=n, trace_id=ANSWER.trace_id, created_at=T0, reviewer="ana", key_id=1,
                                     by_reviewer=by_reviewer, rating=None, comment=None, claim_marks=[],
                                     corrected_answer=None, unanswerable=False, sources=[])  # fmt: skip
    return Review.model_validate(fields | kw)


RIGHT_WRONG = [ClaimMark(claim=0, mark="right"), ClaimMark(claim=1, mark="wrong")]


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (_review(corrected_answer="14 days, no card needed.", claim_marks=RIGHT_WRONG, rating="down"),
         ("14 days, no card needed.", ("plans/business.md",), True, ("review", "served-partial", "thumbs-down",
                                                                     "corrected"))),
        (_review(rating="up"),
         ("The trial lasts 14 days. It needs a card.", ("billing/payment-methods.html", "plans/business.md"), True,
          ("review", "served-partial", "thumbs-up"))),
        (_review(unanswerable=True), (None, (), False, ("review", "served-partial", "unanswerable"))),
        (_review(corrected_answer="14 days.", sources=["plans/free.md"]),
         ("14 days.", ("plans/free.md",), True, ("review", "served-partial", "corrected"))),
        (_review(rating="down"), "the review gives no correct answer"),
        (_review(rating="up", claim_marks=RIGHT_WRONG), "the review gives no correct answer"),
        (_review(corrected_answer="x", claim_marks=[ClaimMark(claim=0, mark="wrong")]), "no supporting document"),
    ],
)  # fmt: skip
def test_case_for(review: Review, expected: tuple[object, ...] | str) -> None:
    out = case_for(ANSWER, review)
    if isinstance(expected, str):
        assert isinstance(out, Skipped) and out.reason.startswith(expected)
        return
    assert isinstance(out, ExportedCase)
    assert (out.reference, out.sources, out.answerable, out.tags) == expected
    # every exported case is a valid line of an eval suite
    item = parse_item(out.to_json(), "export")
    assert item.id == f"review-{ANSWER.trace_id}" and item.question == ANSWER.question


def test_the_latest_reviewer_review_is_current_and_feedback_does_not_count() -> None:
    first, second = _review(1, rating="up"), _review(2, rating="down")
    feedback = _review(3, by_reviewer=False, rating="up")
    assert current_review([first, second, feedback]) == second
    assert current_review([feedback]) is None
    assert supporting_sources(ANSWER, _review(claim_marks=RIGHT_WRONG)) == ("plans/business.md",)


@pytest.mark.parametrize(
    ("roles", "role", "allowed"),
    [
        ({"reviewer"}, "reviewer", True),
        ({"reviewer"}, "query", True),  # a reviewer asks the questions whose answers it judges
        ({"reviewer"}, "ingest", False),
        ({"reviewer"}, "admin", False),
        ({"query"}, "reviewer", False),
        ({"ingest"}, "reviewer", False),
        ({"admin"}, "reviewer", True),
    ],
)
def test_reviewer_role(roles: set[str], role: str, allowed: bool) -> None:
    from app.security.keys import Principal

    assert Principal(1, "k", frozenset(roles), frozenset({"*"})).has_role(role) is allowed  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2026, 12, 1, 12), datetime(2026, 12, 1, 12, tzinfo=UTC)),  # naive: stored as UTC
        (datetime.fromisoformat("2026-12-01T13:00:00+01:00"), datetime(2026, 12, 1, 12, tzinfo=UTC)),
        (datetime.fromisoformat("0001-01-01T00:00:00+01:00"), datetime.min.replace(tzinfo=UTC)),
        (datetime.fromisoformat("9999-12-31T23:59:59-01:00"), datetime.max.replace(tzinfo=UTC)),
    ],
)
def test_times_are_utc(value: datetime, expected: datetime) -> None:
    from app.reviews.store import utc

    assert utc(value) == expected
