"""Faithful paraphrases of the demo corpus's Business-plan page are supported and their minimal edits
are not: the corpus is never used for training, so this is the verifier on unseen help-centre text,
judged by the service's own labels (threshold 0.5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.grounding.local import LocalVerifier
from app.grounding.verifier import passages_from_text
from app.retrieval.passages import Passage
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder


# Known misses of the shipped adapter, kept visible: strict, so a model that gets them right fails here
# until the mark is removed (docs/verifier.md lists them).
def _known_miss(claim: str, why: str, strict: bool = True) -> object:
    return pytest.param(
        claim, marks=pytest.mark.xfail(strict=strict, reason=f"known miss of the shipped adapter: {why}")
    )


PAGE = Path(__file__).resolve().parents[1] / "corpus" / "plans" / "business.md"

PARAPHRASES = [
    "A Business team needs a minimum of three users and can't exceed 300.",
    "You can trial Business for two weeks with as many as ten users, and you don't need a credit card.",
    "SSO via SAML isn't part of Business; you need Enterprise for it.",
    _known_miss("Non-profits get 30% off Business when they pay annually.", "'30% off' vs '30% discount' at 0.48"),
    "Paid yearly, Business comes to $12.50 per user each month.",
    "Every Business user brings 5 TB to the team's shared storage pool.",
    "Business accounts can upload files of up to 100 GB each.",
    "Old file versions are kept for 180 days on Business.",
    "Business support answers standard requests within eight business hours.",
    "Seats removed in the middle of a term aren't refunded.",
]
MINIMAL_EDITS = [
    # The model reads it on the cut (caught in fp32, missed in bf16); the billing period is checked apart
    # (`alternatives.py`): the discount's own sentence says annually.
    "Non-profits get 30% off Business on monthly billing.",
    "A Business team needs a minimum of five users and can't exceed 300.",
    "You can trial Business for three weeks with as many as ten users.",
    "SAML single sign-on is included in the Business plan.",
    "Every Business user brings 2 TB to the team's shared storage pool.",
    "Business accounts can upload files of up to 10 GB each.",
    "Old file versions are kept for 30 days on Business.",
    "Seats removed in the middle of a term are refunded pro rata.",
    _known_miss(
        "Business support answers standard requests within four business hours.",
        "4 h is stated for Severity 1 in the same sentence, 0.53",
    ),
    "Business users get phone support around the clock.",
]


@pytest.fixture(scope="module")
def verifier(embedder: SentenceTransformerEmbedder) -> LocalVerifier:
    return LocalVerifier(CachedEmbedder(embedder))


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    text = PAGE.read_text(encoding="utf-8").split("---", 2)[2]  # front matter off
    return passages_from_text(text, "plans/business.md", per_passage=4)


@pytest.mark.parametrize("claim", PARAPHRASES)
def test_paraphrases_of_the_corpus_are_supported(verifier: LocalVerifier, passages: list[Passage], claim: str) -> None:
    c = verifier.verify(claim, passages).claims[0]
    assert c.label == "supported", (c.score, c.reason, [f.score for f in c.facts])


@pytest.mark.parametrize("claim", MINIMAL_EDITS)
def test_minimal_edits_of_the_corpus_are_not(verifier: LocalVerifier, passages: list[Passage], claim: str) -> None:
    c = verifier.verify(claim, passages).claims[0]
    assert c.label == "unsupported", (c.score, [e.text for e in c.evidence])
