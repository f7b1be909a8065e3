"""Table tests for the pure feature extraction: negation scope, numbers, names, and the negation check."""

from __future__ import annotations

import numpy as np
import pytest

from app.grounding.facts import analyze, negation_mismatch, stem
from app.grounding.features import FEATURE_NAMES, EvidencePool, claim_features


def _stems(text: str) -> set[str]:
    return {stem(w) for w in text.split()}


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Rewind is not available on the Free plan.", "available free plan"),
        ("Exports never include deleted files.", "include deleted files"),
        ("You can't share folders, but you can share files.", "share folders"),
        ("It is NOT included in the Personal plan.", "included personal plan"),
        ("Not every plan includes Rewind.", "plan includes rewind"),
        # A capitalised negation word inside a sentence belongs to a name, not to the sentence.
        ('He was a member of the "Not Ready for Prime Time Players" on "Saturday Night Live".', ""),
        ("The bands on the cover were Never Shout Never and Hey Monday.", ""),
        # ... but one that is not beside another capitalised word, or opens a cell or an item, negates.
        ("| Rewind | Not included |", "included"),
        ("| Rewind | Not Included |", "included"),
        ("Rewind:\n- Not available on the Free plan", "available free plan"),
        ("Export (Not available on the Free plan)", "available free plan"),
        ("Rewind — Not available on the Free plan.", "available free plan"),
        ("It works on Pro, Not on Free.", "free"),
        # A leading "No," answers a question; it negates nothing.
        ("No, Pam Veasey is Canadian.", ""),
        ("The No. 1 seed won.", ""),
    ],
)
def test_negation_scope(text: str, negated: str) -> None:
    assert set(analyze(text).negated) == {stem(w) for w in negated.split()}


@pytest.mark.parametrize(
    ("text", "figures", "entities"),
    [
        ("The Pro plan costs $9.99 a month.", {"9.99"}, {"pro"}),
        ("Uploads are limited to 1,000 files.", {"1000"}, set()),
        ("Storage grows to 2.5k files.", {"2.5", "2500"}, set()),
        ("Support answers within ten hours.", set(), set()),
        ("Additionally, Dropbox syncs at 9:00.", {"9:00", "9"}, {"dropbox"}),
    ],
)
def test_numbers_and_names(text: str, figures: set[str], entities: set[str]) -> None:
    facts = analyze(text)
    assert set(facts.figures) == figures
    assert set(facts.entities) == {stem(e) for e in entities}


@pytest.mark.parametrize(
    ("claim", "evidence", "mismatch"),
    [
        ("Rewind is available on the Free plan.", "Rewind is not available on the Free plan.", True),
        ("Rewind is not available on the Free plan.", "Rewind is available on the Free plan.", True),
        ("Rewind is not available on the Free plan.", "Rewind is not available on the Free plan.", False),
        ("Rewind is available on the Pro plan.", "Rewind is available on the Pro plan.", False),
        ("Saturday Night Live", 'He joined the "Not Ready for Prime Time Players" on "Saturday Night Live".', False),
    ],
)
def test_negation_mismatch(claim: str, evidence: str, mismatch: bool) -> None:
    assert negation_mismatch(analyze(claim), analyze(evidence)) is mismatch


def _neg(claim: str, sentences: list[str]) -> float:
    facts = [analyze(s) for s in sentences]
    vectors = np.eye(len(sentences), 4, dtype=np.float32)  # similarity plays no part in this check
    row, _, _ = claim_features(analyze(claim), np.zeros(4, dtype=np.float32), EvidencePool.build(facts, vectors))
    return float(row[FEATURE_NAMES.index("neg_mismatch")])


@pytest.mark.parametrize(
    ("claim", "sentences", "mismatch"),
    [
        # One sentence that states the claim plainly is enough, even if another negates its words.
        (
            "Cataloochee",
            [
                "This barn should not be confused with the Messer Barn in Cataloochee.",
                "Cataloochee is a valley in the Great Smoky Mountains.",
            ],
            0.0,
        ),
        # When the only sentence that covers the claim negates it, the claim is contradicted.
        (
            "Rewind is available on the Free plan.",
            ["Rewind is not available on the Free plan.", "The Pro plan costs $9.99 a month."],
            1.0,
        ),
        ("Rewind is not available on the Free plan.", ["Rewind is available on the Free plan."], 1.0),
        ("Rewind is available on the Free plan.", [], 0.0),
        ("Rewind is not available on the Free plan.", [], 1.0),
    ],
)
def test_negation_feature_uses_the_best_covering_sentence(claim: str, sentences: list[str], mismatch: float) -> None:
    assert _neg(claim, sentences) == mismatch
