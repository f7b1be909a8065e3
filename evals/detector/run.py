"""Run a verifier over a public labelled set and report detector metrics (plus, for FaithBench, the
other detectors' scores on the very same items). Each item keeps its own row; the aggregate is
computed from the rows."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.grounding.verifier import Verification, Verifier
from evals.detector.classification import best_cut, summarize
from evals.detector.datasets import DetectorItem, Split, item_passages, load_detector_items

MAPPING = (
    "an answer is predicted hallucinated when the verifier labels any of its claims 'unsupported' "
    "(support probability below the verifier threshold) or 'error'; its score is 1 - the lowest claim "
    "support probability (1.0 for an error); an answer with no checkable claim counts as grounded"
)
TUNED_MAPPING = (
    "an answer is predicted hallucinated when its lowest claim support probability is below {t:.2f} "
    "(or a claim is 'error'): {how}; score = 1 - the lowest claim support probability; an answer with "
    "no checkable claim counts as grounded"
)
BASELINE_MAPPING = {
    "hhem-2.1": "hallucinated if metadata['hhem-2.1'] < 0.5; score 1 - hhem-2.1",
    "gpt_4o": "hallucinated if metadata['gpt_4o'] == 0; score 1 - gpt_4o",
}


@dataclass(frozen=True, slots=True)
class ItemResult:
    id: str
    hallucinated: bool
    predicted: bool  # at the report's operating point
    labelled: bool  # by the verifier's own labels (its configured threshold), what the service does
    score: float
    claims: int
    unsupported: int
    errors: int
    ms: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def judge(verification: Verification, threshold: float | None = None) -> tuple[bool, float]:
    """(predicted hallucinated, hallucination score) of one answer's verification: by the verifier's
    own labels, or by comparing the lowest claim support probability with `threshold`."""
    if not verification.claims:
        return False, 0.0
    support = [c.score if c.label != "error" and c.score is not None else 0.0 for c in verification.claims]
    if threshold is None:
        predicted = any(c.label != "supported" for c in verification.claims)
    else:
        predicted = min(support) < threshold
    return predicted, round(1.0 - min(support), 6)


def detect(items: list[DetectorItem], verifier: Verifier, threshold: float | None = None) -> Iterator[ItemResult]:
    if items:  # load the model and warm the code paths outside the timed loop
        verifier.verify(items[0].answer, item_passages(items[0]), items[0].question)
    for it in items:
        passages = item_passages(it)
        t0 = time.perf_counter()
        v = verifier.verify(it.answer, passages, it.question)
        ms = (time.perf_counter() - t0) * 1000
        labelled, score = judge(v)
        predicted = labelled if threshold is None else judge(v, threshold)[0]
        yield ItemResult(it.id, it.hallucinated, predicted, labelled, score, len(v.claims), v.unsupported, v.errors, ms)


def tune_threshold(dataset: str, path: Path, verifier: Verifier, limit: int | None = None) -> float:
    """The support cut that maximises balanced accuracy on the dataset's train split (ties: the
    cut nearest 0.5), for a detector benchmark whose operating point differs from the default."""
    items = load_detector_items(dataset, path, "train")[:limit]
    results = list(detect(items, verifier))
    return best_cut([r.hallucinated for r in results], [1.0 - r.score for r in results])


def run_detector(
    dataset: str,
    path: Path,
    verifier: Verifier,
    limit: int | None = None,
    split: Split = "test",
    rows: list[ItemResult] | None = None,
    threshold: float | None = None,
    threshold_note: str = "given on the command line",
    items: list[DetectorItem] | None = None,
) -> dict[str, Any]:
    """Metrics of `verifier` on `dataset` (halueval-qa | faithbench) from `path` at the answer-level
    support cut `threshold` (None: the verifier's own labels), plus, under `verifier_labels`, the same
    metrics by the verifier's own labels. Pass a list as `rows` to receive every item's own result."""
    if items is None:
        items = load_detector_items(dataset, path, split)
        if limit is not None:
            items = items[:limit]
    results = list(detect(items, verifier, threshold))
    if rows is not None:
        rows.extend(results)
    truth = [r.hallucinated for r in results]
    report: dict[str, Any] = summarize(truth, [r.predicted for r in results], [r.score for r in results])
    report["ms_per_item"] = round(sum(r.ms for r in results) / len(results), 2) if results else 0.0
    report["split"] = split
    report["threshold"] = threshold
    report["mapping"] = MAPPING if threshold is None else TUNED_MAPPING.format(t=threshold, how=threshold_note)
    if threshold is not None:
        labelled = summarize(truth, [r.labelled for r in results], [r.score for r in results])
        report["verifier_labels"] = {**labelled, "mapping": MAPPING}
    if dataset == "faithbench":
        report["baselines"] = baselines(items)
    return report


def baselines(items: list[DetectorItem]) -> dict[str, dict[str, Any]]:
    """HHEM-2.1 and GPT-4o, from the FaithBench metadata, on the same items (those that carry them)."""
    out: dict[str, dict[str, Any]] = {}
    for name in ("hhem-2.1", "gpt_4o"):
        have = [it for it in items if name in it.baselines]
        scores = [it.baselines[name] for it in have]
        pred = [s < 0.5 if name == "hhem-2.1" else s == 0 for s in scores]
        out[name] = summarize([it.hallucinated for it in have], pred, [1.0 - s for s in scores])
        out[name]["mapping"] = BASELINE_MAPPING[name]
    return out
