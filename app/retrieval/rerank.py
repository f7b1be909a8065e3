"""Reranking retrieval's candidates with the question–passage (answerability) model.

Fusion ranks a passage by how many of the question's words and how much of its meaning it shares; the
answerability cross-encoder reads the question with the passage and asks whether it states the answer.
On research articles, where every passage of the right article shares the question's vocabulary, that is
what separates the paragraph holding the answer from its neighbours (`tether eval retrieval` reports
dense / lexical / hybrid / reranked side by side).

It costs one MiniLM pass per candidate, so only the best `depth` fused candidates are read, and the
service reranks only when `TETHER_ANSWERABILITY__RERANK` names a depth (0, the default, is off). The
answerability decision then reads the reranked top passages, whose scores are already cached.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

import numpy as np

from app.retrieval.hybrid import Retrieval
from app.retrieval.passages import Passage


class PassageScorer(Protocol):
    def passage_scores(self, question: str, passages: Sequence[Passage]) -> np.ndarray:
        """One score per passage, higher = more likely to answer the question."""
        ...


def rerank_passages(scorer: PassageScorer, question: str, passages: Sequence[Passage], top_k: int) -> list[Passage]:
    """The `top_k` passages with the highest scores; ties keep retrieval's order. Each passage's score
    rides in its metadata (`rerank`) beside the fusion score."""
    if not passages:
        return []
    scores = scorer.passage_scores(question, passages)
    order = sorted(range(len(passages)), key=lambda i: (-float(scores[i]), i))[:top_k]
    return [
        replace(passages[i], metadata={**passages[i].metadata, "rerank": round(float(scores[i]), 4)}) for i in order
    ]


def rerank(scorer: PassageScorer, question: str, retrieval: Retrieval, top_k: int) -> Retrieval:
    """`retrieval` with its passages reranked and cut to `top_k`; the time it took in `rerank_ms`."""
    t = time.perf_counter()
    passages = rerank_passages(scorer, question, retrieval.passages, top_k)
    timings = {**retrieval.timings_ms, "rerank_ms": round((time.perf_counter() - t) * 1000, 2)}
    return replace(retrieval, passages=passages, timings_ms=timings)
