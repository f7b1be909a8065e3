"""Answer policies (pure): annotate, redact, abstain, on verdicts built from real claim spans."""

from __future__ import annotations

import pytest

from app.grounding.answer_policies import apply_policy, redact
from app.grounding.claims import parse_answer
from app.grounding.verifier import ClaimVerdict, Verification
from app.llm.prompt import ABSTENTION


def _verification(answer: str, labels: str) -> Verification:
    """Verdicts for the answer's claims in order: 's' supported, 'u' unsupported, 'e' error."""
    claims = parse_answer(answer, n_passages=5).claims
    assert len(claims) == len(labels)
    names = {"s": "supported", "u": "unsupported", "e": "error"}
    verdicts = [
        ClaimVerdict(
            text=c.text,
            start=c.start,
            end=c.end,
            label=names[k],  # type: ignore[arg-type]
            supported=None if k == "e" else k == "s",
            score=None if k == "e" else (0.9 if k == "s" else 0.1),
            citations=c.citations,
        )
        for c, k in zip(claims, labels, strict=True)
    ]
    return Verification.from_claims(verdicts)


@pytest.mark.parametrize(
    ("answer", "labels", "status", "reason"),
    [
        ("Pro costs $29 [1]. It has SSO [2].", "ss", "answered", None),
        ("Pro costs $29 [1]. It has SSO [2].", "su", "partial", "unsupported_claims"),
        ("Pro costs $29 [1]. It has SSO [2].", "se", "partial", "claims_not_judged"),
        ("Hi! How can I help?", "", "answered", "no_claims"),
        (ABSTENTION, "", "abstained", "model_abstained"),
    ],
)
def test_annotate_keeps_the_answer(answer: str, labels: str, status: str, reason: str | None) -> None:
    v = _verification(answer, labels)
    result = apply_policy(answer, v, "annotate")
    assert (result.answer, result.status, result.reason) == (answer, status, reason)
    assert result.claims == v.claims


@pytest.mark.parametrize(
    ("answer", "labels", "expected"),
    [
        ("Pro costs $29 [1]. It has SSO [2]. Refunds take 5 days [3].", "sus",
         "Pro costs $29 [1]. Refunds take 5 days [3]."),
        ("Pro costs $29 [1]. It has SSO [2].", "us", "It has SSO [2]."),
        ("Pro costs $29 [1]. It has SSO [2].", "su", "Pro costs $29 [1]."),
        ("Plans:\n- Pro costs $29 [1]\n- Team costs $99 [2]\n- Business costs $49 [3]", "sus",
         "Plans:\n- Pro costs $29 [1]\n- Business costs $49 [3]"),
        ("Hi! Pro costs $29 [1]. It has SSO [2][3]. Anything else?", "su", "Hi! Pro costs $29 [1]. Anything else?"),
        ("Pro costs $29 [1]. It has SSO [2].", "se", "Pro costs $29 [1]."),
    ],
)  # fmt: skip
def test_redact_drops_unsupported_claims_with_their_markers(answer: str, labels: str, expected: str) -> None:
    v = _verification(answer, labels)
    result = apply_policy(answer, v, "redact")
    assert (result.answer, result.status, result.reason) == (expected, "partial", "unsupported_claims_removed")
    assert all(c.label == "supported" for c in result.claims)
    for c in result.claims:  # the kept claims' spans point into the new answer
        assert result.answer[c.start : c.end] == c.text
    markers = [m.text for m in parse_answer(result.answer).markers]
    assert markers == [m for c in result.claims for m in (x.text for x in parse_answer(c.text).markers)]


def test_redact_with_leading_whitespace_keeps_spans_true() -> None:
    answer = "  Pro costs $29 [1]. It has SSO [2]."
    text, kept = redact(answer, _verification(answer, "us").claims)
    assert text == "It has SSO [2]." and text[kept[0].start : kept[0].end] == kept[0].text


def test_redact_everything_unsupported_abstains() -> None:
    answer = "Pro costs $29 [1]. It has SSO [2]."
    result = apply_policy(answer, _verification(answer, "uu"), "redact")
    assert (result.answer, result.status, result.reason) == (ABSTENTION, "abstained", "all_claims_unsupported")


def test_redact_with_nothing_to_drop_is_annotate() -> None:
    answer = "Pro costs $29 [1]."
    result = apply_policy(answer, _verification(answer, "s"), "redact")
    assert (result.answer, result.status, result.reason) == (answer, "answered", None)


@pytest.mark.parametrize(
    ("labels", "threshold", "status", "reason"),
    [
        ("ssu", 0.5, "partial", "unsupported_claims"),  # 0.67 >= 0.5: the answer stays, flagged
        ("suu", 0.5, "abstained", "low_groundedness"),
        ("sss", 1.0, "answered", None),
        ("ssu", 0.9, "abstained", "low_groundedness"),
    ],
)
def test_abstain_below_groundedness(labels: str, threshold: float, status: str, reason: str) -> None:
    answer = "Pro costs $29 [1]. It has SSO [2]. Refunds take 5 days [3]."
    result = apply_policy(answer, _verification(answer, labels), "abstain", threshold=threshold)
    assert (result.status, result.reason) == (status, reason)
    assert result.answer == (ABSTENTION if status == "abstained" else answer)


@pytest.mark.parametrize("policy", ["annotate", "redact", "abstain"])
def test_no_passages_abstains_under_every_policy(policy: str) -> None:
    answer = "Pro costs $29."
    result = apply_policy(answer, _verification(answer, "u"), policy, has_passages=False)  # type: ignore[arg-type]
    assert (result.answer, result.status, result.reason, result.claims) == (
        ABSTENTION,
        "abstained",
        "no_relevant_passages",
        [],
    )
