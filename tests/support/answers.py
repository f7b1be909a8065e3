"""Answers built by hand, for tests of what reads them (the audit, the review store) and not of how
the pipeline makes them."""

from __future__ import annotations

from collections.abc import Sequence

from app.grounding.answer_policies import Status
from app.grounding.verifier import ClaimVerdict
from app.results import Answer, NumberedPassage, Thresholds
from app.retrieval.passages import Passage

TEXT = "The Business plan allows files of up to 100 GB."


def make_answer(
    trace_id: str,
    collection: str = "default",
    status: Status = "answered",
    labels: Sequence[str] = ("supported",),
    text: str = "A.",
) -> Answer:
    """An answer with one claim per label, each citing passage 1 (plans/business.md)."""
    claims = tuple(
        ClaimVerdict(
            text=f"Claim {i}.",
            start=0,
            end=len(text),
            label="supported" if label == "supported" else "unsupported",
            supported=label == "supported",
            score=0.9 if label == "supported" else 0.1,
            citations=[1],
            citations_support=label == "supported",
        )
        for i, label in enumerate(labels)
    )
    passage = Passage("c1", "d1", collection, "Business", None, "3", "plans/business.md", 0, len(TEXT), TEXT, 1.0)
    supported = sum(1 for x in labels if x == "supported")
    return Answer(
        text=text,
        status=status,
        reason=None,
        groundedness=supported / len(labels) if labels else None,
        claims=claims,
        citations=(NumberedPassage(1, passage),),
        invalid_citations=(),
        raw_text=None,
        model=None,
        passages_considered=1,
        answerability=None,
        policy="annotate",
        thresholds=Thresholds(0.5, 0.5),
        backend="extractive",
        collection=collection,
        collection_version=1,
        timings={},
        trace_id=trace_id,
        passages=(passage,),
    )
