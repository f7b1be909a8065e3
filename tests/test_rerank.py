"""Reranking with the question–passage model: the order follows its scores (ties keep retrieval's), the
list is cut to top_k, each passage keeps its score; with the real model, the passage that answers comes
first wherever retrieval put it; in the service, a configured depth reranks before the answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from app.grounding.answerability import AnswerabilityJudge
from app.grounding.verifier import passages_from_text
from app.retrieval.hybrid import Retrieval
from app.retrieval.passages import Passage
from app.retrieval.rerank import rerank, rerank_passages
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder


class Fixed:
    def __init__(self, scores: list[float]) -> None:
        self.scores = scores

    def passage_scores(self, question: str, passages: Sequence[Passage]) -> np.ndarray:
        return np.array(self.scores[: len(passages)])


def _passages(n: int) -> list[Passage]:
    base = passages_from_text("One. Two. Three. Four. Five.", "d", per_passage=1)[0]
    return [replace(base, chunk_id=f"c{i}", metadata={"rrf": i}) for i in range(n)]


@pytest.mark.parametrize(
    ("scores", "top_k", "order"),
    [
        ([0.1, 0.9, 0.5], 3, ["c1", "c2", "c0"]),
        ([0.1, 0.9, 0.5], 1, ["c1"]),
        ([0.5, 0.5, 0.7], 3, ["c2", "c0", "c1"]),  # a tie keeps retrieval's order
        ([], 3, []),
    ],
)
def test_order_follows_the_scores(scores: list[float], top_k: int, order: list[str]) -> None:
    out = rerank_passages(Fixed(scores), "q", _passages(len(scores)), top_k)
    assert [p.chunk_id for p in out] == order
    assert all(p.metadata["rerank"] == scores[int(p.chunk_id[1:])] and "rrf" in p.metadata for p in out)


def test_rerank_keeps_the_retrieval_and_times_itself() -> None:
    found = Retrieval(_passages(3), np.zeros(3), 7, {"search_ms": 1.0}, 3)
    out = rerank(Fixed([0.2, 0.1, 0.3]), "q", found, 2)
    assert [p.chunk_id for p in out.passages] == ["c2", "c0"] and out.collection_version == 7
    assert out.timings_ms["search_ms"] == 1.0 and out.timings_ms["rerank_ms"] >= 0


DOC = """# Quillpad storage

Quillpad keeps every notebook in the cloud. Notebooks sync across your devices.

# Quillpad limits

Solo includes 20 GB of storage. Each Team member gets 100 GB.

# Quillpad history

Quillpad was founded in 2019 by two teachers. The first version ran only on tablets.
"""


def test_the_real_model_puts_the_answering_passage_first(embedder: SentenceTransformerEmbedder) -> None:
    judge = AnswerabilityJudge(CachedEmbedder(embedder))
    passages = passages_from_text(DOC, "d", per_passage=2)
    answering = next(p for p in passages if "100 GB" in p.text)
    ranked = rerank_passages(judge, "How much storage does a Team member get?", passages[::-1], len(passages))
    assert ranked[0].chunk_id == answering.chunk_id, [p.text for p in ranked]
