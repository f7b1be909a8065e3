"""The /v1/verify pipeline in process (app/verifying.py) and the checks every request meets first
(app/queries.py): limits in the order a caller reads them back, each naming its setting; a veto on the
collection before any retrieval; the real local verifier on the caller's passages."""

from __future__ import annotations

from typing import Any

import pytest

from app.errors import BadRequest, Forbidden, LimitExceeded
from app.grounding.local import LocalVerifier
from app.queries import GivenPassage, VerifyQuery, check_verify_sizes, checked_question
from app.settings import Settings
from app.verifying import given_passages, verify_answer
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder

SETTINGS = Settings()
LIM = SETTINGS.limits
TEXT = "On the Business plan, the maximum upload size is 100 GB per file. It costs $15 per user per month."


@pytest.mark.parametrize(
    ("question", "top_k", "error", "names"),
    [
        ("   ", None, BadRequest, "non-whitespace"),
        ("q" * (LIM.max_question_chars + 1), None, LimitExceeded, "TETHER_LIMITS__MAX_QUESTION_CHARS"),
        ("refund?", SETTINGS.retrieval.max_top_k + 1, BadRequest, "TETHER_RETRIEVAL__MAX_TOP_K"),
        # The first limit crossed is the one reported: the question's before top_k's.
        ("q" * (LIM.max_question_chars + 1), 10_000, LimitExceeded, "MAX_QUESTION_CHARS"),
    ],
)
def test_a_question_over_a_limit_is_refused(question: str, top_k: int | None, error: type, names: str) -> None:
    with pytest.raises(error, match=names):
        checked_question(SETTINGS, question, None, top_k)


def test_a_question_gets_the_defaults() -> None:
    assert checked_question(SETTINGS, "  refund?\n", None, None) == (
        "refund?",
        SETTINGS.default_collection,
        SETTINGS.retrieval.default_top_k,
    )
    assert checked_question(SETTINGS, "refund?", "kb", 3) == ("refund?", "kb", 3)


def _p(n: int) -> GivenPassage:
    return GivenPassage("y" * n)


@pytest.mark.parametrize(
    ("answer", "passages", "error", "names"),
    [
        ("x" * (LIM.max_answer_chars + 1), [_p(LIM.max_passage_chars + 1)], LimitExceeded, "MAX_ANSWER_CHARS"),
        ("ok", [], BadRequest, "at least one passage"),
        ("ok", [_p(1)] * (LIM.max_verify_passages + 1), LimitExceeded, "MAX_VERIFY_PASSAGES"),
        ("ok", [_p(1), _p(LIM.max_passage_chars + 1)], LimitExceeded, r"passages\[1\]\.text.*MAX_PASSAGE_CHARS"),
        ("ok", [_p(LIM.max_passage_chars)] * 4, LimitExceeded, "TETHER_LIMITS__MAX_VERIFY_CHARS"),
    ],
)
def test_verify_sizes_are_checked_in_order(answer: str, passages: list[Any], error: type, names: str) -> None:
    with pytest.raises(error, match=names):
        check_verify_sizes(answer, passages, LIM)


def test_sizes_within_the_limits_pass() -> None:
    check_verify_sizes("ok", None, LIM)
    check_verify_sizes("x" * LIM.max_answer_chars, [_p(LIM.max_passage_chars)] * 3, LIM)


def test_given_passages_are_known_by_position_or_doc_id() -> None:
    a, b = given_passages([GivenPassage("one."), GivenPassage("two.", "T", "doc-2", "https://x")])
    assert (a.chunk_id, a.doc_id, a.source, a.title, a.start, a.end) == ("input-1", "input-1", "input-1", "", 0, 4)
    assert (b.chunk_id, b.doc_id, b.source, b.title, b.uri) == ("input-2", "doc-2", "doc-2", "T", "https://x")


class NoRetrieval:
    """A retriever the test must never reach."""

    def retrieve(self, *args: object) -> Any:
        raise AssertionError("retrieved although the collection was vetoed")


def _veto(collection: str) -> None:
    raise Forbidden(f"this key is not scoped to collection {collection!r}")


@pytest.fixture(scope="module")
def verifier(embedder: SentenceTransformerEmbedder) -> LocalVerifier:
    return LocalVerifier(CachedEmbedder(embedder))


def test_a_vetoed_collection_is_never_retrieved_from(verifier: LocalVerifier) -> None:
    q = VerifyQuery("It costs $15.", question="What does it cost?", collection="secret")
    with pytest.raises(Forbidden, match="'secret'"):
        verify_answer(q, NoRetrieval(), verifier, SETTINGS, _veto)  # type: ignore[arg-type]
    with pytest.raises(BadRequest, match="give passages, or a question"):
        verify_answer(VerifyQuery("It costs $15."), NoRetrieval(), verifier, SETTINGS)  # type: ignore[arg-type]


def test_verdicts_and_policy_on_the_callers_passages(verifier: LocalVerifier) -> None:
    answer = "The Business plan allows files up to 100 GB [1]. It costs $25 per user per month [1]."
    q = VerifyQuery(answer, passages=(GivenPassage(TEXT),), policy="redact")
    r = verify_answer(q, NoRetrieval(), verifier, SETTINGS)  # type: ignore[arg-type]
    assert [c.label for c in r.claims] == ["supported"] and (r.unsupported, r.groundedness) == (1, 0.5)
    assert (r.status, r.reason, r.text) == ("partial", "unsupported_claims_removed", answer.split(" It")[0])
    assert r.passages[0].text == TEXT and r.thresholds.to_dict() == {"support": 0.5, "abstain_below": 0.5}
    assert set(r.timings) == {"total_ms"}
