"""Evidence windows: the best sentences within a token budget, back in document order (pure)."""

from __future__ import annotations

import numpy as np
import pytest

from app.grounding.windows import choose_window, sentence_scores


@pytest.mark.parametrize(
    ("scores", "tokens", "budget", "previous", "expected"),
    [
        ([0.1, 0.9, 0.5, 0.2], [10, 10, 10, 10], 25, None, [1, 2]),  # two best fit, document order
        ([0.1, 0.9, 0.5, 0.2], [10, 10, 10, 10], 100, None, [0, 1, 2, 3]),
        ([0.9, 0.5], [500, 10], 100, None, [0]),  # the best always, even over budget
        ([0.2, 0.9, 0.1], [10, 10, 10], 20, [None, 0, 1], [0, 1]),  # its predecessor joins when room
        ([0.2, 0.9, 0.1], [10, 10, 10], 20, [None, None, 1], [0, 1]),  # at a passage start, no predecessor
        ([0.3, 0.2, 0.9, 0.8, 0.7, 0.6], [1] * 6, 100, None, [2, 3, 4, 5]),  # at most four sentences
        ([], [], 10, None, []),
    ],
)
def test_choose_window(
    scores: list[float], tokens: list[int], budget: int, previous: list[int | None] | None, expected: list[int]
) -> None:
    assert choose_window(np.array(scores), tokens, budget, previous=previous) == expected


def test_scores_add_word_overlap_to_cosine() -> None:
    vecs = np.array([[1.0, 0.0], [0.0, 1.0]])
    got = sentence_scores(np.array([1.0, 0.0]), frozenset({"trial", "day"}), vecs, [frozenset(), frozenset({"trial"})])
    assert got[0] == pytest.approx(1.0)
    assert got[1] == pytest.approx(0.15)
