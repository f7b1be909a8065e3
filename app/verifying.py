"""Checking an answer the caller wrote itself (`/v1/verify`): against the passages it brings, or against
passages retrieved for its question; a verdict per claim, then the policy. The same verifier and
policies as the answer pipeline (app/answering.py), so a verdict means the same thing on both routes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from app.errors import BadRequest
from app.grounding.answer_policies import apply_policy
from app.grounding.verifier import Verifier
from app.queries import GivenPassage, VerifyQuery, check_verify_sizes, checked_question, effective_thresholds
from app.results import VerifiedAnswer
from app.retrieval.hybrid import Retriever
from app.retrieval.passages import Passage
from app.settings import Settings


def _anyone(collection: str) -> None:
    """No restriction on the collections a verification may retrieve from (the CLI, tests)."""


def given_passages(passages: Sequence[GivenPassage]) -> list[Passage]:
    """The caller's passages as the verifier reads them: spans are offsets into the passage's own text,
    and a passage with no doc_id is known by its position (`input-1`, ...)."""
    return [
        Passage(
            chunk_id=f"input-{i}",
            doc_id=p.doc_id or f"input-{i}",
            collection="",
            title=p.title or "",
            uri=p.uri,
            version=None,
            source=p.doc_id or f"input-{i}",
            start=0,
            end=len(p.text),
            text=p.text,
            score=1.0,
        )
        for i, p in enumerate(passages, start=1)
    ]


def verify_answer(
    q: VerifyQuery,
    retriever: Retriever,
    verifier: Verifier,
    settings: Settings,
    authorize: Callable[[str], None] = _anyone,
) -> VerifiedAnswer:
    """The verdicts on `q.answer` and the answer the policy makes of them. `authorize(collection)` raises
    when the caller may not read the collection a question would retrieve from."""
    t0 = time.perf_counter()
    check_verify_sizes(q.answer, q.passages, settings.limits)
    if q.passages is not None:
        passages = given_passages(q.passages)
    elif q.question:
        question, collection, top_k = checked_question(settings, q.question, q.collection, q.top_k)
        authorize(collection)
        passages = retriever.retrieve(question, collection, top_k, q.filters).passages
    else:
        raise BadRequest("give passages, or a question to retrieve them", code="invalid_request")
    cuts = effective_thresholds(settings, q.support_threshold, q.abstain_below)
    verification = verifier.verify(q.answer, passages, q.question, cuts.support)
    result = apply_policy(q.answer, verification, q.policy, threshold=cuts.abstain_below, has_passages=bool(passages))
    return VerifiedAnswer(
        text=result.answer,
        status=result.status,
        reason=result.reason,
        groundedness=verification.groundedness,
        unsupported=verification.unsupported,
        errors=verification.errors,
        claims=tuple(result.claims),
        passages=tuple(passages),
        thresholds=cuts,
        timings={"total_ms": round((time.perf_counter() - t0) * 1000, 2)},
    )
