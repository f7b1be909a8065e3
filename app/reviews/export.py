"""Reviewed answers -> eval-suite cases (the line format of evals/suites/README.md), pure.

A case says what the answer should be, so only a review that settles it exports: a corrected answer
(the reference), `unanswerable` (the expected behaviour is to abstain), or a thumbs up with no claim
marked wrong (the answer as served is the reference, so a later change that loses its facts fails).
A thumbs down without a correction says only that something is wrong: it is skipped, with that reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.grounding.claims import strip_markup
from app.reviews.types import AnswerRecord, Review


@dataclass(frozen=True, slots=True)
class ExportedCase:
    id: str
    question: str
    reference: str | None
    sources: tuple[str, ...]
    answerable: bool
    tags: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The suite line, keys in the suite's own order."""
        return {
            "id": self.id,
            "question": self.question,
            "reference": self.reference,
            "sources": list(self.sources),
            "answerable": self.answerable,
            "tags": list(self.tags),
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    trace_id: str
    reason: str


def current_review(reviews: Sequence[Review]) -> Review | None:
    """The latest review by a reviewer (feedback alone does not settle a case), else None."""
    judged = [r for r in reviews if r.by_reviewer]
    return max(judged, key=lambda r: (r.created_at, r.id)) if judged else None


def supporting_sources(answer: AnswerRecord, review: Review) -> tuple[str, ...]:
    """The reviewer's sources if named; else the documents cited by claims marked right; else, when no
    claim is marked, every document the answer cited. Sorted, each once."""
    if review.sources:
        return tuple(sorted(set(review.sources)))
    by_n = {c.get("n"): c.get("source") for c in answer.citations}
    right = {m.claim for m in review.claim_marks if m.mark == "right"}
    if review.claim_marks:
        cited = [n for i, c in enumerate(answer.claims) if i in right for n in c.citations]
    else:
        cited = [n for c in answer.claims for n in c.citations]
    return tuple(sorted({str(by_n[n]) for n in cited if by_n.get(n)}))


def case_for(answer: AnswerRecord, review: Review) -> ExportedCase | Skipped:
    tags = ["review", f"served-{answer.status}"]
    if review.rating:
        tags.append(f"thumbs-{review.rating}")
    case_id = f"review-{answer.trace_id}"
    if review.unanswerable:
        return ExportedCase(case_id, answer.question, None, (), False, (*tags, "unanswerable"))
    if review.corrected_answer and review.corrected_answer.strip():
        reference, tags = review.corrected_answer.strip(), [*tags, "corrected"]
    elif (
        review.rating == "up"
        and answer.status != "abstained"
        and not any(m.mark == "wrong" for m in review.claim_marks)
    ):
        reference = strip_markup(answer.answer)
    else:
        return Skipped(answer.trace_id, "the review gives no correct answer (write one, or mark it unanswerable)")
    sources = supporting_sources(answer, review)
    if not sources:
        return Skipped(answer.trace_id, "no supporting document: no right claim cites one; name them in `sources`")
    return ExportedCase(case_id, answer.question, reference, sources, True, tuple(tags))
