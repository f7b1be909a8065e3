"""The review loop's rules, as pure functions: why an answer is worth a look, how reviewers' marks
agree with the verifier's labels, and whether a claim mark may be written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.reviews.types import Agreement, ClaimMark, QueueReason, Rating, ReviewedClaim

LOW_GROUNDEDNESS = 0.5  # below this share of supported claims an answer is worth a look


def queue_reasons(
    status: str,
    groundedness: float | None,
    labels: Sequence[str | None],
    rating: Rating | None,
    low: float = LOW_GROUNDEDNESS,
) -> list[QueueReason]:
    """Every reason an answer belongs on the review queue, in a fixed order; [] if none."""
    reasons: list[QueueReason] = []
    if any(label == "unsupported" for label in labels):
        reasons.append("flagged_claims")
    if status == "abstained":
        reasons.append("abstained")
    if rating == "down":
        reasons.append("thumbs_down")
    # An abstention has no groundedness to speak of; a partial or flagged answer with one does.
    if groundedness is not None and status != "abstained" and groundedness < low:
        reasons.append("low_groundedness")
    return reasons


def bad_marks(marks: Sequence[ClaimMark], claims: int) -> list[str]:
    """Why these marks cannot be stored against an answer with `claims` claims ([] when they can)."""
    errors = [f"claim_marks[{i}].claim: {m.claim} is not a claim of this answer (it has {claims})"
              for i, m in enumerate(marks) if m.claim >= claims]  # fmt: skip
    seen: set[int] = set()
    for i, m in enumerate(marks):
        if m.claim in seen:
            errors.append(f"claim_marks[{i}].claim: claim {m.claim} is marked twice")
        seen.add(m.claim)
    return errors


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def agreement(pairs: Iterable[tuple[str | None, str]]) -> Agreement:
    """(verifier label, reviewer mark) per marked claim -> the agreement table. Claims the verifier could
    not judge (label error or none) are left out: there is no verdict to agree with."""
    counts = {("supported", "right"): 0, ("supported", "wrong"): 0, ("unsupported", "right"): 0,
              ("unsupported", "wrong"): 0}  # fmt: skip
    for label, mark in pairs:
        if (label, mark) in counts:
            counts[(label, mark)] += 1  # type: ignore[index]
    sr, sw = counts[("supported", "right")], counts[("supported", "wrong")]
    ur, uw = counts[("unsupported", "right")], counts[("unsupported", "wrong")]
    total = sr + sw + ur + uw
    return Agreement(
        claims=total,
        supported_right=sr,
        supported_wrong=sw,
        unsupported_right=ur,
        unsupported_wrong=uw,
        agreement_rate=_rate(sr + uw, total),
        supported_judged_wrong_rate=_rate(sw, sr + sw),
        unsupported_judged_right_rate=_rate(ur, ur + uw),
    )


def marked_pairs(claims: Sequence[ReviewedClaim], marks: Sequence[ClaimMark]) -> list[tuple[str | None, str]]:
    return [(claims[m.claim].label, m.mark) for m in marks if m.claim < len(claims)]
