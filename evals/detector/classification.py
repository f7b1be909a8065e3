"""Pure binary-classification metrics for hallucination detectors; "hallucinated" is the positive class.

`y_true[i]` / `y_pred[i]` are True when item i is (predicted) hallucinated; `scores[i]` is higher for
"more likely hallucinated". Undefined ratios (no positives predicted, one class only) are 0.0 for
precision/recall/F1 and None for AUROC, never a division error.
"""

from __future__ import annotations

from collections.abc import Sequence


def confusion(y_true: Sequence[bool], y_pred: Sequence[bool]) -> tuple[int, int, int, int]:
    """(tp, fp, tn, fn)."""
    if len(y_true) != len(y_pred):
        raise ValueError(f"{len(y_true)} labels but {len(y_pred)} predictions")
    tp = sum(1 for t, p in zip(y_true, y_pred, strict=True) if t and p)
    fp = sum(1 for t, p in zip(y_true, y_pred, strict=True) if not t and p)
    tn = sum(1 for t, p in zip(y_true, y_pred, strict=True) if not t and not p)
    return tp, fp, tn, len(y_true) - tp - fp - tn


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def accuracy(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float:
    tp, fp, tn, fn = confusion(y_true, y_pred)
    return _ratio(tp + tn, tp + fp + tn + fn)


def precision(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float:
    tp, fp, _, _ = confusion(y_true, y_pred)
    return _ratio(tp, tp + fp)


def recall(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float:
    tp, _, _, fn = confusion(y_true, y_pred)
    return _ratio(tp, tp + fn)


def f1(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float:
    p, r = precision(y_true, y_pred), recall(y_true, y_pred)
    return 2 * p * r / (p + r) if p + r else 0.0


def false_alarm_rate(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float:
    """Grounded items flagged, of all grounded items ("hallucinated" is the positive class)."""
    _, fp, tn, _ = confusion(y_true, y_pred)
    return _ratio(fp, fp + tn)


def miss_rate(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float:
    """Hallucinated items passed, of all hallucinated items."""
    tp, _, _, fn = confusion(y_true, y_pred)
    return _ratio(fn, tp + fn)


def balanced_accuracy(y_true: Sequence[bool], y_pred: Sequence[bool]) -> float:
    """Mean of recall on each class; with one class present, that class's recall."""
    tp, fp, tn, fn = confusion(y_true, y_pred)
    rates = [_ratio(tp, tp + fn)] if tp + fn else []
    rates += [_ratio(tn, tn + fp)] if tn + fp else []
    return sum(rates) / len(rates) if rates else 0.0


def auroc(y_true: Sequence[bool], scores: Sequence[float]) -> float | None:
    """Probability that a random hallucinated item scores above a random grounded one (ties count
    half): the Mann-Whitney U statistic over average ranks. None when only one class is present."""
    if len(y_true) != len(scores):
        raise ValueError(f"{len(y_true)} labels but {len(scores)} scores")
    n_pos = sum(1 for t in y_true if t)
    n_neg = len(y_true) - n_pos
    if not n_pos or not n_neg:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1  # average rank of a tie group, 1-based
        i = j + 1
    pos_rank_sum = sum(r for r, t in zip(ranks, y_true, strict=True) if t)
    return (pos_rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def summarize(
    y_true: Sequence[bool], y_pred: Sequence[bool], scores: Sequence[float] | None = None
) -> dict[str, float | int | None]:
    """The standard report: accuracy, balanced accuracy, precision, recall, F1, AUROC, false alarm and
    miss rates, item count."""
    auc = auroc(y_true, scores) if scores is not None else None
    return {
        "accuracy": round(accuracy(y_true, y_pred), 4),
        "balanced_accuracy": round(balanced_accuracy(y_true, y_pred), 4),
        "precision": round(precision(y_true, y_pred), 4),
        "recall": round(recall(y_true, y_pred), 4),
        "f1": round(f1(y_true, y_pred), 4),
        "auroc": round(auc, 4) if auc is not None else None,
        "false_alarm_rate": round(false_alarm_rate(y_true, y_pred), 4),
        "miss_rate": round(miss_rate(y_true, y_pred), 4),
        "items": len(y_true),
    }


CUTS = tuple(k / 100 for k in range(1, 100))


def best_cut(y_true: Sequence[bool], support: Sequence[float]) -> float:
    """The support cut (0.01 … 0.99) that maximises balanced accuracy when an answer whose support is
    below it is called hallucinated; ties go to the cut nearest 0.5, then to the higher one."""
    if len(y_true) != len(support):
        raise ValueError(f"{len(y_true)} labels but {len(support)} scores")
    scored = ((balanced_accuracy(y_true, [s < t for s in support]), -abs(t - 0.5), t) for t in CUTS)
    return max(scored)[2]
