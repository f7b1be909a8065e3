"""Detector metrics (pure), "hallucinated" (True) is the positive class."""

from __future__ import annotations

import pytest

from evals.detector.classification import (
    accuracy,
    auroc,
    balanced_accuracy,
    best_cut,
    confusion,
    f1,
    precision,
    recall,
    summarize,
)

T, F = True, False


@pytest.mark.parametrize(
    ("y_true", "y_pred", "tp_fp_tn_fn"),
    [
        ([T, T, F, F], [T, F, T, F], (1, 1, 1, 1)),
        ([T, T, T], [T, T, T], (3, 0, 0, 0)),
        ([F, F], [T, T], (0, 2, 0, 0)),
        ([], [], (0, 0, 0, 0)),
    ],
)
def test_confusion(y_true: list[bool], y_pred: list[bool], tp_fp_tn_fn: tuple[int, int, int, int]) -> None:
    assert confusion(y_true, y_pred) == tp_fp_tn_fn


@pytest.mark.parametrize(
    ("y_true", "y_pred", "acc", "bacc", "p", "r", "f"),
    [
        ([T, T, F, F], [T, F, T, F], 0.5, 0.5, 0.5, 0.5, 0.5),
        ([T, T, T, F], [T, T, F, F], 0.75, (2 / 3 + 1) / 2, 1.0, 2 / 3, 0.8),
        ([T, F, F, F], [T, T, T, T], 0.25, 0.5, 0.25, 1.0, 0.4),
        ([F, F, F], [F, F, F], 1.0, 1.0, 0.0, 0.0, 0.0),  # no positives at all: undefined ratios are 0
        ([T, T], [F, F], 0.0, 0.0, 0.0, 0.0, 0.0),
        ([], [], 0.0, 0.0, 0.0, 0.0, 0.0),
    ],
)
def test_threshold_metrics(
    y_true: list[bool], y_pred: list[bool], acc: float, bacc: float, p: float, r: float, f: float
) -> None:
    assert accuracy(y_true, y_pred) == pytest.approx(acc)
    assert balanced_accuracy(y_true, y_pred) == pytest.approx(bacc)
    assert precision(y_true, y_pred) == pytest.approx(p)
    assert recall(y_true, y_pred) == pytest.approx(r)
    assert f1(y_true, y_pred) == pytest.approx(f)


@pytest.mark.parametrize(
    ("y_true", "scores", "expected"),
    [
        ([T, T, F, F], [0.9, 0.8, 0.2, 0.1], 1.0),
        ([T, T, F, F], [0.1, 0.2, 0.8, 0.9], 0.0),
        ([T, F], [0.5, 0.5], 0.5),  # a tie counts half
        ([T, F, T, F], [0.9, 0.7, 0.6, 0.1], 0.75),
        ([T, T, F], [0.3, 0.3, 0.3], 0.5),
        ([T, T], [0.1, 0.9], None),  # one class only: undefined
        ([], [], None),
    ],
)
def test_auroc(y_true: list[bool], scores: list[float], expected: float | None) -> None:
    got = auroc(y_true, scores)
    assert got == (pytest.approx(expected) if expected is not None else None)


def test_auroc_matches_sklearn() -> None:
    import random

    from sklearn.metrics import roc_auc_score

    rng = random.Random(3)
    y = [rng.random() < 0.4 for _ in range(300)]
    s = [round(rng.random() + (0.3 if t else 0.0), 2) for t in y]  # rounding makes ties
    assert auroc(y, s) == pytest.approx(roc_auc_score(y, s))


@pytest.mark.parametrize("bad", [([T], [T, F]), ([T, F], [T])])
def test_length_mismatch_is_an_error(bad: tuple[list[bool], list[bool]]) -> None:
    with pytest.raises(ValueError, match="labels but"):
        accuracy(*bad)


def test_summarize_keys_and_rounding() -> None:
    out = summarize([T, F, T], [T, F, F], [0.9, 0.1, 0.4])
    assert out == {
        "accuracy": 0.6667,
        "balanced_accuracy": 0.75,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
        "auroc": 1.0,
        "false_alarm_rate": 0.0,
        "miss_rate": 0.5,
        "items": 3,
    }


@pytest.mark.parametrize(
    ("y_true", "support", "cut"),
    [
        # Separable: every cut between the classes is perfect; the one nearest 0.5 wins.
        ([T, T, F, F], [0.1, 0.2, 0.8, 0.9], 0.5),
        ([T, T, F, F], [0.1, 0.2, 0.3, 0.4], 0.3),  # answers below the cut are hallucinated
        ([T, F, F], [0.85, 0.9, 0.95], 0.86),  # a high cut when grounded answers score high
        ([T, T, F], [0.02, 0.05, 0.03], 0.03),  # not separable: the best is 0.75, at 0.02 < cut <= 0.03
        ([F, F], [0.2, 0.7], 0.2),  # one class: cuts up to 0.2 are perfect; 0.2 is nearest 0.5
    ],
)
def test_best_cut(y_true: list[bool], support: list[float], cut: float) -> None:
    assert best_cut(y_true, support) == cut


def test_best_cut_length_mismatch() -> None:
    with pytest.raises(ValueError):
        best_cut([T], [0.1, 0.2])
