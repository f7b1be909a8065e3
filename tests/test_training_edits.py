"""The rule-made training edits of the support model (pure): values traded inside a sentence or taken
from elsewhere in the passage keep every word in the evidence; distractor windows keep the label."""

from __future__ import annotations

import random

import pytest

from training.examples import Example
from training.perturb import swap_from_passage, swap_pair
from training.synthetic import with_distractors


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The limit is 60 requests on Free and 600 on Business.",
            {
                "The limit is 600 requests on Free and 60 on Business.",
                "The limit is 60 requests on Business and 600 on Free.",
            },
        ),
        ("The limit is 60 requests a minute, or 600 an hour.", {"The limit is 600 requests a minute, or 60 an hour."}),
        ("It costs 5 EUR.", set()),
    ],
)
def test_swap_pair_trades_two_values(sentence: str, expected: set[str]) -> None:
    for seed in range(5):
        out = swap_pair(sentence, random.Random(seed), [])
        assert (out[0] if out else None) in (expected or {None})


def test_swap_from_passage_uses_only_values_of_the_passage() -> None:
    pool = ["14", "30", "Business", "Pro"]
    for seed in range(20):
        out = swap_from_passage("The Pro trial lasts 14 days.", random.Random(seed), pool)
        assert out is not None
        words = set(out[0].rstrip(".").split())
        assert words - {"The", "trial", "lasts", "days"} <= {"30", "Business", "Pro", "14"}
        assert out[0] != "The Pro trial lasts 14 days."


def test_distractors_keep_the_evidence_and_the_label() -> None:
    exs = [Example(f"claim {i}", (f"evidence {i}.",), i % 2, "src", f"g{i}") for i in range(200)]
    out = with_distractors(exs, random.Random(1), share=0.5)
    widened = [(a, b) for a, b in zip(exs, out, strict=True) if a != b]
    assert 60 < len(widened) < 140
    for a, b in widened:
        assert a.evidence[0] in b.evidence and 2 <= len(b.evidence) <= 3
        assert b.label == a.label and b.kind.endswith("+distractors")
        assert not any(e.startswith(f"evidence {a.group[1:]}.") for e in b.evidence if e != a.evidence[0])
