"""The pipelines' typed results: immutable, and their wire shape is the API schema's, read back losslessly."""

from __future__ import annotations

import dataclasses

import pytest

from app.grounding.answerability import Answerability
from app.grounding.verifier import ClaimVerdict, Evidence, FactVerdict
from app.http.schemas import AnswerResponse, VerifyResponse
from app.results import Answer, Thresholds, VerifiedAnswer
from tests.support.answers import make_answer


def _rich() -> Answer:
    """An answer using every optional part: a claim with evidence and facts, answerability, revision."""
    base = make_answer("t" * 32, labels=("supported", "unsupported"))
    ev = Evidence(1, "c1", "d1", 4, 20, "Business plan", 0.97)
    fact = FactVerdict("files up to 100 GB", "supported", True, 0.97, [ev])
    claim = dataclasses.replace(base.claims[0], evidence=[ev], facts=[fact], invalid_citations=[4])
    cited = dataclasses.replace(base.citations[0].passage, metadata={"revision": 2, "pages": [1, 2]})
    return dataclasses.replace(
        base,
        claims=(claim, base.claims[1]),
        citations=(dataclasses.replace(base.citations[0], passage=cited),),
        invalid_citations=(4,),
        answerability=Answerability(0.8123, 0.5, 1),
        thresholds=Thresholds(0.5, 0.4, 0.5),
        timings={"retrieve_ms": 1.5, "total_ms": 9.0},
        raw_text="The raw text [1] [4].",
        model="m",
    )


def test_an_answer_cannot_be_changed() -> None:
    a = _rich()
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.status = "abstained"  # type: ignore[misc]
    with pytest.raises(TypeError):
        a.timings["total_ms"] = 0.0  # type: ignore[index]


def test_the_wire_shape_is_the_schemas_and_reads_back() -> None:
    a = _rich()
    wire = a.to_dict()
    assert set(wire) == set(AnswerResponse.model_fields)
    assert AnswerResponse.model_validate(wire).model_dump() == wire
    back = Answer.from_dict(wire)
    assert back.to_dict() == wire
    # What the wire does not carry: the collection of each cited passage comes from the answer's, and
    # only the cited passages travel.
    assert back.citations[0].passage.metadata == {"revision": 2, "pages": [1, 2]} and back.passages == ()
    assert back.claims[0].facts[0].evidence[0] == a.claims[0].evidence[0]


def test_thresholds_say_answerable_only_when_judged() -> None:
    assert Thresholds(0.5, 0.4).to_dict() == {"support": 0.5, "abstain_below": 0.4}
    assert list(Thresholds(0.5, 0.4, 0.7).to_dict()) == ["support", "abstain_below", "answerable"]


def test_a_verified_answer_has_the_verify_schema() -> None:
    a = make_answer("t" * 32, labels=("supported", "unsupported"))
    v = VerifiedAnswer(
        text=a.text,
        status="partial",
        reason="unsupported_claims",
        groundedness=0.5,
        unsupported=1,
        errors=0,
        claims=a.claims,
        passages=a.passages,
        thresholds=Thresholds(0.5, 0.5),
        timings={"total_ms": 3.0},
    )
    wire = v.to_dict()
    assert list(wire) == list(VerifyResponse.model_fields)
    assert VerifyResponse.model_validate(wire).model_dump() == wire
    assert [p["n"] for p in wire["passages"]] == [1]


def test_claims_read_back_from_their_wire_shape() -> None:
    claim = ClaimVerdict("x", 0, 1, "error", None, None, reason="judge_gave_no_verdict")
    assert ClaimVerdict.from_dict(claim.to_dict()) == claim
