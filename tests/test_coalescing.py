"""Concurrent questions share one forward pass of the real model, each caller gets its own rows, and a
failure reaches every caller of the batch it was in."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest

from app.grounding.crossencoder import CrossEncoder
from ingestion.coalescing import CoalescingEmbedder
from ingestion.embedder import SentenceTransformerEmbedder

QUESTIONS = [f"How many users can a Business team of {n} add?" for n in range(12)] + [
    "Do you support WebDAV?",
    "What does error LB-403-QUOTA mean?",
    "How do I reset my password?",
    "Which regions can data be stored in? " * 3,
]


class HeldModel:
    """The real model, but its first encode waits until `waiting` more callers are queued behind it, so
    the test knows how the calls group instead of hoping the threads overlap."""

    def __init__(self, model: SentenceTransformerEmbedder, front: CoalescingEmbedder | None, waiting: int) -> None:
        self.model, self.front, self.waiting = model, front, waiting
        self.batches: list[list[str]] = []
        self.fail_first = False

    def __getattr__(self, name: str) -> object:
        return getattr(self.model, name)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not self.batches:
            assert self.front is not None
            while len(self.front.coalescer._queue) < self.waiting:
                threading.Event().wait(0.001)
        self.batches.append(list(texts))
        if self.fail_first and len(self.batches) == 1:
            raise RuntimeError("encoder failed")
        return self.model.embed(texts)


def _ask_all(front: CoalescingEmbedder, questions: list[str]) -> list[np.ndarray | BaseException]:
    out: list[np.ndarray | BaseException] = [np.zeros(0)] * len(questions)

    def ask(i: int) -> None:
        try:
            out[i] = front.embed([questions[i]])
        except BaseException as exc:  # the test inspects what each caller saw
            out[i] = exc

    threads = [threading.Thread(target=ask, args=(0,))]
    threads[0].start()
    while not front.coalescer._busy:
        threading.Event().wait(0.001)  # the first caller leads (and is held) before the others arrive
    threads += [threading.Thread(target=ask, args=(i,)) for i in range(1, len(questions))]
    for t in threads[1:]:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return out


def test_callers_queued_behind_an_encode_share_the_next_one(embedder: SentenceTransformerEmbedder) -> None:
    held = HeldModel(embedder, None, waiting=len(QUESTIONS) - 1)
    front = CoalescingEmbedder(held)  # type: ignore[arg-type]
    held.front = front
    got = _ask_all(front, QUESTIONS)
    assert [len(b) for b in held.batches] == [1, len(QUESTIONS) - 1]  # two forward passes for 16 questions
    assert (front.coalescer.batches, front.coalescer.calls) == (2, len(QUESTIONS))
    alone = embedder.embed(QUESTIONS)
    for i, vec in enumerate(got):
        assert isinstance(vec, np.ndarray) and vec.shape == (1, embedder.dim)
        assert float(vec[0] @ alone[i]) > 0.9999, QUESTIONS[i]  # its own question's vector, not a neighbour's


def test_a_batch_never_exceeds_max_texts_and_a_caller_is_never_split(embedder: SentenceTransformerEmbedder) -> None:
    held = HeldModel(embedder, None, waiting=len(QUESTIONS) - 1)
    front = CoalescingEmbedder(held, max_texts=5)  # type: ignore[arg-type]
    held.front = front
    got = _ask_all(front, QUESTIONS)
    assert all(isinstance(v, np.ndarray) for v in got)
    assert max(len(b) for b in held.batches) <= 5 and sum(len(b) for b in held.batches) == len(QUESTIONS)
    two = front.embed(QUESTIONS[:8])  # one caller over the limit is still encoded whole
    assert two.shape == (8, embedder.dim) and held.batches[-1] == QUESTIONS[:8]


def test_a_failed_encode_fails_each_of_its_callers_and_the_next_batch_works(
    embedder: SentenceTransformerEmbedder,
) -> None:
    held = HeldModel(embedder, None, waiting=3)
    held.fail_first = True
    front = CoalescingEmbedder(held)  # type: ignore[arg-type]
    held.front = front
    got = _ask_all(front, QUESTIONS[:4])
    assert isinstance(got[0], RuntimeError)  # the first caller's batch failed: it sees why
    assert all(isinstance(v, np.ndarray) for v in got[1:])  # the next batch was encoded
    assert np.allclose(front.embed(QUESTIONS[:1]), embedder.embed(QUESTIONS[:1]), atol=1e-4)


@pytest.mark.parametrize("texts", [[], ["one"], ["one", "two", "three"]])
def test_one_caller_alone_is_encoded_at_once(embedder: SentenceTransformerEmbedder, texts: list[str]) -> None:
    front = CoalescingEmbedder(embedder)
    assert front.embed(texts).shape == (len(texts), embedder.dim)
    assert front.coalescer.batches == (1 if texts else 0)


def test_the_same_text_asked_by_many_callers_is_encoded_once(embedder: SentenceTransformerEmbedder) -> None:
    held = HeldModel(embedder, None, waiting=7)
    front = CoalescingEmbedder(held)  # type: ignore[arg-type]
    held.front = front
    same = ["Is there a student discount?"] * 8
    got = _ask_all(front, same)
    assert held.batches == [same[:1], same[:1]]  # the leader's own, then one pass for the seven behind it
    assert all(isinstance(v, np.ndarray) and np.allclose(v, got[0], atol=1e-6) for v in got)


def test_cross_encoder_pairs_of_concurrent_requests_share_a_pass() -> None:
    """The verifier's and the answerability judge's model: the same grouping, over the real model."""
    model = CrossEncoder()
    pairs = [(f"The trial lasts {n} days.", "Try the Business plan free for 14 days.") for n in (7, 14, 30)]
    alone = model.logits(pairs)
    ran: list[int] = []
    real = model.coalescer.fn
    model.coalescer.fn = lambda items: (ran.append(len(items)), real(items))[1]
    results: list[np.ndarray] = [np.zeros(0)] * 12
    barrier = threading.Barrier(12)

    def ask(i: int) -> None:
        barrier.wait()
        results[i] = model.logits([pairs[i % 3]])

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sum(ran) < 12 and len(ran) == model.coalescer.batches - 1  # some requests shared a pass
    for i, got in enumerate(results):
        assert got.shape == (1,) and abs(float(got[0]) - float(alone[i % 3])) < 0.05
