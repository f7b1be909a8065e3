"""The local verifier with the real MiniLM encoder and the shipped parameters: untouched sentences pass,
each perturbation type is caught, evidence points at the document sentence, citations are checked."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from app.grounding.model import SupportModel
from app.grounding.verifier import LocalVerifier, Verification, passages_from_text
from app.retrieval.passages import Passage
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder

DOC = (
    "The Free plan includes 5 GB of storage for one user. "
    "On the Free plan, the API rate limit is 60 requests per minute. "
    "Shared links on the Free plan cannot be protected with a password. "
    "Deleted files stay in Deleted files for 30 days before they are permanently removed. "
    "The Business plan costs $15 per user per month, billed annually. "
    "Larkbox Support replies to Business customers within 4 business hours. "
    "The v1 API will be retired on 31 March 2027. "
    "Priya Natarajan leads the Larkbox security team in Dublin. "
    "Rewind is not available on the Free plan."
)
UNTOUCHED = [
    "The Free plan includes 5 GB of storage for one user.",
    "On the Free plan, the API rate limit is 60 requests per minute.",
    "Shared links on the Free plan cannot be protected with a password.",
    "The Business plan costs $15 per user per month, billed annually.",
    "The v1 API will be retired on 31 March 2027.",
    "Priya Natarajan leads the Larkbox security team in Dublin.",
]
PERTURBED = [
    ("number", "The Free plan includes 50 GB of storage for one user."),
    ("number", "On the Free plan, the API rate limit is 600 requests per minute."),
    ("price", "The Business plan costs $25 per user per month, billed annually."),
    ("entity", "Priya Natarajan leads the Larkbox security team in Berlin."),
    ("entity", "Marcus Webb leads the Larkbox security team in Dublin."),
    ("negation", "Shared links on the Free plan can be protected with a password."),
    ("negation", "Rewind is available on the Free plan."),
    ("clause", "The Free plan includes 5 GB of storage for one user, and it comes with 24/7 phone support."),
    ("date", "The v1 API will be retired on 31 May 2027."),
    ("date", "The v1 API will be retired on 31 March 2029."),
]


class CountingEmbedder:
    """The real embedder, counting calls and texts (the verifier must batch and cache)."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self.dim = inner.dim
        self.max_tokens = inner.max_tokens
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        return self.inner.embed(texts)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)


@pytest.fixture(scope="module")
def verifier(embedder: SentenceTransformerEmbedder) -> LocalVerifier:
    return LocalVerifier(CountingEmbedder(embedder))


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return passages_from_text(DOC, "doc-free-plan", per_passage=3)


def _only(v: Verification):  # type: ignore[no-untyped-def]
    assert len(v.claims) == 1
    return v.claims[0]


@pytest.mark.parametrize("question", [None, "What does the Free plan include and cost?"])
@pytest.mark.parametrize("sentence", UNTOUCHED)
def test_untouched_sentences_pass(
    verifier: LocalVerifier, passages: list[Passage], sentence: str, question: str | None
) -> None:
    claim = _only(verifier.verify(sentence, passages, question))
    assert claim.label == "supported", (claim.score, claim.reason)
    assert claim.evidence[0].text == sentence  # the best evidence is the very sentence


@pytest.mark.parametrize(("kind", "sentence"), PERTURBED)
def test_each_perturbation_is_caught(
    verifier: LocalVerifier, passages: list[Passage], kind: str, sentence: str
) -> None:
    claim = _only(verifier.verify(sentence, passages))
    assert claim.label == "unsupported", (kind, claim.score)
    assert claim.supported is False and claim.reason


def test_short_answer_is_judged_with_its_question(verifier: LocalVerifier, passages: list[Passage]) -> None:
    q = "Who leads the Larkbox security team?"
    assert _only(verifier.verify("Priya Natarajan", passages, q)).label == "supported"
    assert _only(verifier.verify("Marcus Webb", passages, q)).label == "unsupported"


def test_evidence_offsets_point_into_the_document(verifier: LocalVerifier, passages: list[Passage]) -> None:
    claim = _only(verifier.verify("Deleted files are kept for 30 days [2].", passages))
    best = claim.evidence[0]
    assert DOC[best.start : best.end] == best.text
    assert best.n == 2 and best.doc_id == "doc-free-plan" and best.chunk_id == passages[1].chunk_id
    assert [e.score for e in claim.evidence] == sorted((e.score for e in claim.evidence), reverse=True)


def test_citations_are_checked(verifier: LocalVerifier, passages: list[Passage]) -> None:
    answer = "The Free plan includes 5 GB of storage [1]. The v1 API will be retired on 31 March 2027 [1]."
    v = verifier.verify(answer + " Rewind is not on the Free plan [9].", passages)
    assert [c.label for c in v.claims] == ["supported", "supported", "supported"]
    assert [c.citations_support for c in v.claims] == [True, False, None]  # the date is in passage 3
    assert v.claims[2].invalid_citations == [9] and v.claims[2].citations == []


def test_aggregate_and_json(verifier: LocalVerifier, passages: list[Passage]) -> None:
    v = verifier.verify("Hi! The Free plan includes 5 GB. It includes 900 GB of backups. Anything else?", passages)
    assert (len(v.claims), v.unsupported, v.errors, v.groundedness) == (2, 1, 0, 0.5)
    d = v.to_dict()
    assert set(d["claims"][0]) == {
        "text", "start", "end", "label", "supported", "score", "citations", "citations_support",
        "invalid_citations", "evidence", "reason",
    }  # fmt: skip
    assert set(d["claims"][0]["evidence"][0]) == {"n", "chunk_id", "doc_id", "start", "end", "text", "score"}


def test_no_claims_and_no_passages(verifier: LocalVerifier, passages: list[Passage]) -> None:
    assert verifier.verify("I could not find this in the knowledge base.", passages).groundedness is None
    claim = _only(verifier.verify("The Free plan includes 5 GB.", []))
    assert (claim.label, claim.reason, claim.evidence) == ("unsupported", "no_passages", [])


def test_passages_without_sentence_offsets_are_split(verifier: LocalVerifier) -> None:
    text = "Refunds take 5 business days. Annual plans can be refunded within 30 days."
    bare = Passage("c1", "d1", "default", "t", None, None, "md", 100, 100 + len(text), text, 1.0)
    claim = _only(verifier.verify("Annual plans can be refunded within 30 days.", [bare]))
    assert claim.label == "supported"
    assert (claim.evidence[0].start, claim.evidence[0].end) == (130, 100 + len(text))


def test_one_embedding_call_and_a_warm_cache(embedder: SentenceTransformerEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    v = LocalVerifier(counting, model_params=SupportModel.load())
    ps = passages_from_text(DOC, "d")
    v.verify("The Free plan includes 5 GB. Rewind is not on the Free plan.", ps)
    assert counting.calls == [9 + 2]  # nine sentences and two claims, together
    v.verify("The Business plan costs $15 per user.", ps)
    assert counting.calls[-1] == 1  # sentences come from the cache
    v.verify("The Business plan costs $15 per user.", ps)
    assert len(counting.calls) == 2


def test_cached_embedder_embeds_each_text_once(embedder: SentenceTransformerEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    cached = CachedEmbedder(counting, maxsize=3)
    first = cached.embed(["a plan", "a device", "a plan"])
    assert counting.calls == [2] and first.shape == (3, embedder.dim)
    assert np.array_equal(first[0], first[2]) and np.allclose(first[0], embedder.embed(["a plan"])[0], atol=1e-2)
    again = cached.embed(["a device", "a link"])
    assert counting.calls == [2, 1] and np.array_equal(again[0], first[1])  # only "a link" is new
    cached.embed(["a folder"])  # four texts seen, three kept: the least recently used ("a plan") goes
    assert len(cached) == 3
    cached.embed(["a plan"])
    assert counting.calls[-1] == 1
    assert cached.embed([]).shape == (0, embedder.dim)


def test_backend_and_verifier_share_sentence_vectors(embedder: SentenceTransformerEmbedder) -> None:
    """The extractive backend embeds the passage sentences to pick them; the verifier then finds
    them cached and embeds only the answer's claims."""
    from app.llm.base import GenerationRequest
    from app.llm.extractive import ExtractiveBackend

    counting = CountingEmbedder(embedder)
    shared = CachedEmbedder(counting)
    backend, v = ExtractiveBackend(shared), LocalVerifier(shared, model_params=SupportModel.load())
    ps = passages_from_text(DOC, "d")
    question = "How much storage does the Free plan include?"
    answer = backend.generate(GenerationRequest(question=question, passages=ps, messages=[])).text
    picked = counting.calls[-1]
    result = v.verify(answer, ps, question)
    assert result.claims and result.claims[0].label == "supported"
    assert counting.calls[1:] == [len(result.claims)]  # claims only: every sentence was cached
    assert picked >= 9


def test_cache_is_bounded(embedder: SentenceTransformerEmbedder) -> None:
    v = LocalVerifier(embedder, cache_size=5)
    v.verify("The Free plan includes 5 GB.", passages_from_text(DOC, "d"))
    assert len(v.cache) == 5
