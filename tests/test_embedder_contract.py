"""One contract over every Embedder implementation: the MiniLM model itself, the cache the service puts
in front of it (which must be indistinguishable from the model, only cheaper), and the vectors a Ray
ingestion's workers computed (`ingestion.distributed.PrecomputedEmbedder`), and the question encoder that
lets concurrent requests share a forward pass (`ingestion.coalescing.CoalescingEmbedder`). The service's embedder also
reports its precision (`ingestion.embedder.ModelEmbedder`)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from ingestion.coalescing import CoalescingEmbedder
from ingestion.distributed import PrecomputedEmbedder
from ingestion.embedder import CachedEmbedder, Embedder, ModelEmbedder, SentenceTransformerEmbedder

TEXTS = ["How do I reset my password?", "Refunds arrive within 5 to 10 business days.", "How do I reset my password?"]


@pytest.fixture(params=["model", "cached", "precomputed", "coalescing"])
def impl(request: pytest.FixtureRequest, embedder: SentenceTransformerEmbedder) -> Embedder:
    if request.param == "coalescing":
        return CoalescingEmbedder(embedder)
    if request.param == "precomputed":
        done = PrecomputedEmbedder(embedder)
        done.vectors[TEXTS[1]] = embedder.embed(TEXTS[1:2])[0]  # as a worker hands it over; the rest falls back
        return done
    return embedder if request.param == "model" else CachedEmbedder(embedder, maxsize=8)


def test_contract_one_unit_float32_row_per_text(impl: Embedder) -> None:
    vecs = impl.embed(TEXTS)
    assert vecs.shape == (3, impl.dim) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert np.allclose(vecs[0], vecs[2], atol=1e-6) and not np.allclose(vecs[0], vecs[1], atol=1e-2)
    assert impl.embed([]).shape == (0, impl.dim)


def test_contract_same_vectors_whatever_the_batch(impl: Embedder, embedder: SentenceTransformerEmbedder) -> None:
    alone = impl.embed(TEXTS[1:2])
    again = impl.embed(TEXTS)  # the cache serves the second from its store, the model embeds afresh
    assert np.allclose(alone[0], again[1], atol=1e-4)
    assert np.allclose(again, embedder.embed(TEXTS), atol=1e-4)


def test_contract_tokens_as_the_model_sees_them(impl: Embedder) -> None:
    assert impl.token_spans("Reset it.") == [(0, 5), (6, 8), (8, 9)]  # character spans of the word pieces
    counts = impl.count_tokens(TEXTS[:2])
    assert counts[0] == len(impl.token_spans(TEXTS[0]) or []) + 2  # with [CLS] and [SEP]
    assert counts[1] > counts[0] and impl.count_tokens([]) == []
    # Counted again, in another order, with a repeat (the cache answers from what it counted above).
    assert impl.count_tokens([TEXTS[1], TEXTS[0], TEXTS[1]]) == [counts[1], counts[0], counts[1]]
    assert impl.max_tokens == 256


def test_the_service_embedder_reports_its_precision(embedder: SentenceTransformerEmbedder) -> None:
    served: ModelEmbedder = embedder
    assert served.precision.dtype in ("fp32", "bf16") and served.precision.reason


def test_contract_counting_while_another_thread_embeds(impl: Embedder) -> None:
    """Requests count tokens (the verifier, the prompt budget) while others embed: neither may change
    how the other's text is cut (they once shared the tokenizer's truncation state: ragged batches, 500s)."""
    errors: list[str] = []
    done = threading.Event()

    def embed() -> None:
        try:
            for i in range(40):  # new texts each time, so the cache in front of the model misses too
                texts = [f"Question {i}: how long is the trial?", f"Which plans include SAML ({i})? " * 6]
                got = impl.embed(texts)
                if got.shape != (2, impl.dim) or not np.allclose(np.linalg.norm(got, axis=1), 1, atol=1e-3):
                    errors.append(f"bad vectors at {i}")
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            done.set()

    thread = threading.Thread(target=embed)
    thread.start()
    long_text = "word " * 400  # over the model's window: counted whole, never truncated
    while not done.is_set():
        assert impl.count_tokens([long_text])[0] > 400
        impl.token_spans(long_text)
    thread.join()
    assert errors == []
