"""Train the support model and write its JSON parameters (reproducible: fixed seeds, sorted inputs).

    .venv/bin/python -m app.grounding.train --out app/grounding/verifier_params.json

The training examples (generated pairs and the public train splits) come from `trainset`; this module
featurises them, weighs the sources, chooses the L2 strength by grouped cross-validation, fits the
logistic model, calibrates it per regime, and stores the benchmarks' operating points. The evals
(`tether eval detector`) report on the test splits only. Offline tool: the service never imports it.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from app.grounding.features import FEATURE_NAMES
from app.grounding.model import Regime, SupportModel, regime_of
from app.grounding.trainset import (
    DEFAULT_DATASETS,
    REPO,
    SEED,
    Example,
    public_examples,
    read_documents,
    synthetic_examples,
)
from app.grounding.verifier import LocalVerifier, similarity_text


# ---------------------------------------------------------------- fitting
def featurize(verifier: LocalVerifier, examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Claim rows, labels (1 = supported) and the example index of each row."""
    texts: list[str] = []
    for ex in examples:
        texts += [s for p in ex.passages for _, _, s in p.sentence_texts()]
        texts += [similarity_text(c, ex.question) for c, _ in ex.claim_labels()]
    verifier.warm(texts)
    rows, labels, owner = [], [], []
    for i, ex in enumerate(examples):
        pairs = list(ex.claim_labels())
        if not pairs:
            continue
        batch = verifier.featurize([c for c, _ in pairs], ex.passages, ex.question)
        rows.append(batch.rows)
        labels += [ok for _, ok in pairs]
        owner += [i] * len(pairs)
    return np.vstack(rows), np.asarray(labels, dtype=int), owner


SOURCE_SHARE = {"corpus": 0.45, "covidqa": 0.15, "halueval": 0.15, "faithbench": 0.25}
GENERATED = frozenset({"corpus", "covidqa"})


def sample_weights(sources: Sequence[str], labels: np.ndarray, balance: frozenset[str]) -> np.ndarray:
    """Each source gets its share of the total weight, so none dominates by sheer count; within the
    sources in `balance` the two classes weigh the same (generated pairs have an artificial ratio),
    the others keep their natural ratio (calibration needs it)."""
    w = np.zeros(len(labels))
    src = np.asarray(sources)
    present = sorted(set(sources))
    total = sum(SOURCE_SHARE[s] for s in present)
    for s in present:
        share = SOURCE_SHARE[s] / total
        if s in balance:
            for y in (0, 1):
                mask = (src == s) & (labels == y)
                w[mask] = share / 2 / max(mask.sum(), 1)
        else:
            mask = src == s
            w[mask] = share / mask.sum()
    return w * len(labels)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(mean, scale, coef, intercept) of an L2 logistic regression on standardised columns; any width."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    lr.fit((x - mean) / scale, y, sample_weight=w)
    return mean, scale, lr.coef_[0].astype(float), float(lr.intercept_[0])


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> SupportModel:
    return SupportModel(FEATURE_NAMES, *fit_logistic(x, y, w, c))


def cross_validate(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: Sequence[str], c: float, folds: int = 5
) -> np.ndarray:
    """Out-of-fold logits; folds split by document/item so no group is on both sides. Any number of
    columns (the capacity benchmark passes smaller and larger feature sets)."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=folds).split(x, y, groups):
        mean, scale, coef, intercept = fit_logistic(x[tr], y[tr], w[tr], c)
        oof[te] = (x[te] - mean) / scale @ coef + intercept
    return oof


C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)


def choose_c(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: Sequence[str], sources: Sequence[str]
) -> tuple[float, dict[str, float]]:
    """The regularisation strength with the best out-of-fold AUROC, averaged over the sources with their
    weight shares (so the 3,000 generated pairs do not drown the public train splits). Chosen on the
    training data alone; ties go to the stronger regularisation (the smaller C, listed first)."""
    from sklearn.metrics import roc_auc_score

    src = np.asarray(sources)
    present = sorted(set(sources))
    scores: dict[str, float] = {}
    for c in C_GRID:
        oof = cross_validate(x, y, w, groups, c)
        total = sum(SOURCE_SHARE[s] for s in present)
        scores[str(c)] = sum(SOURCE_SHARE[s] / total * roc_auc_score(y[src == s], oof[src == s]) for s in present)
    best = max(C_GRID, key=lambda c: (scores[str(c)], -c))
    return best, {k: round(v, 5) for k, v in scores.items()}


def platt(logits: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e4, max_iter=1000).fit(logits.reshape(-1, 1), y, sample_weight=w)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def calibrate(
    oof: np.ndarray, y: np.ndarray, sources: Sequence[str], qa: np.ndarray
) -> dict[Regime, tuple[float, float]]:
    """Platt (a, b) per regime on out-of-fold logits of the generated pairs only: the probability is
    calibrated for answers about a knowledge base like the service's own. The public train splits
    shape the scorer; a benchmark that needs another operating point picks it on its train split."""
    out: dict[Regime, tuple[float, float]] = {}
    generated = np.isin(np.asarray(sources), sorted(GENERATED))
    regimes: tuple[tuple[Regime, np.ndarray], ...] = (("qa", qa & generated), ("free", ~qa & generated))
    for regime, mask in regimes:
        if mask.any() and len(set(y[mask])) == 2:
            sub = [s for s, m in zip(sources, mask, strict=True) if m]
            out[regime] = platt(oof[mask], y[mask], sample_weights(sub, y[mask], GENERATED))
    return out


def cv_report(prob: np.ndarray, y: np.ndarray, sources: Sequence[str], qa: np.ndarray) -> dict[str, dict[str, float]]:
    """Out-of-fold claim-level AUROC and balanced accuracy per source and regime."""
    from sklearn.metrics import balanced_accuracy_score, roc_auc_score

    out = {}
    src = np.asarray(sources)
    for s in sorted(set(sources)):
        for regime, rmask in (("qa", qa), ("free", ~qa)):
            m = (src == s) & rmask
            if len(set(y[m])) == 2:
                out[f"{s}/{regime}"] = {
                    "claims": int(m.sum()),
                    "auroc": round(float(roc_auc_score(y[m], prob[m])), 4),
                    "balanced_accuracy": round(float(balanced_accuracy_score(y[m], prob[m] >= 0.5)), 4),
                }
    return out


BENCHMARKS = {"halueval": "halueval-qa", "faithbench": "faithbench"}


def operating_points(
    model: SupportModel, x: np.ndarray, qa: np.ndarray, owner: Sequence[int], examples: Sequence[Example]
) -> tuple[dict[str, float], dict[str, float]]:
    """Per public benchmark, the answer-level support cut that `tether eval detector` would choose on
    its train split (`--threshold train`): an answer's support is its lowest claim probability (1.0
    with no claim), and the cut maximises balanced accuracy. Also that balanced accuracy, on train."""
    from evals.detector.metrics import balanced_accuracy, best_cut

    probs = np.where(qa, model.predict(x, "qa"), model.predict(x, "free"))
    lowest: dict[int, float] = {}
    for i, p in zip(owner, probs, strict=True):
        lowest[i] = min(lowest.get(i, 1.0), float(p))
    cuts: dict[str, float] = {}
    scores: dict[str, float] = {}
    for source, dataset in BENCHMARKS.items():
        items = [i for i, ex in enumerate(examples) if ex.source == source]
        if not items:
            continue
        truth = [examples[i].hallucinated for i in items]
        support = [lowest.get(i, 1.0) for i in items]
        cuts[dataset] = best_cut(truth, support)
        scores[dataset] = round(balanced_accuracy(truth, [s < cuts[dataset] for s in support]), 4)
    return cuts, scores


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="where to write the JSON parameters")
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    ap.add_argument("--covid-articles", type=int, default=20)
    ap.add_argument("--per-doc", type=int, default=12, help="sentences perturbed per document")
    ap.add_argument("--no-public", action="store_true", help="train on generated pairs only")
    ap.add_argument(
        "--c", default="cv", help="inverse L2 strength, or 'cv' (default): the grid value with the best CV AUROC"
    )
    args = ap.parse_args(argv)

    from ingestion.embedder import SentenceTransformerEmbedder

    t0 = time.perf_counter()
    rng = random.Random(SEED)
    docs = read_documents(args.corpus, args.datasets, args.covid_articles, rng)
    examples = synthetic_examples(docs, rng, args.per_doc)
    if not args.no_public:
        examples += public_examples(args.datasets)
    verifier = LocalVerifier(SentenceTransformerEmbedder(), model_params=SupportModel.untrained())
    x, y, owner = featurize(verifier, examples)
    sources = [examples[i].source for i in owner]
    groups = [examples[i].group for i in owner]
    qa = np.array([regime_of(examples[i].question) == "qa" for i in owner])
    w = sample_weights(sources, y, frozenset(SOURCE_SHARE))

    c, grid = choose_c(x, y, w, groups, sources) if args.c == "cv" else (float(args.c), {})
    oof = cross_validate(x, y, w, groups, c)
    calibration = calibrate(oof, y, sources, qa)
    prob = np.zeros(len(y))
    regimes: tuple[tuple[Regime, np.ndarray], ...] = (("qa", qa), ("free", ~qa))
    for regime, mask in regimes:
        a, b = calibration.get(regime, (1.0, 0.0))
        prob[mask] = 1 / (1 + np.exp(-(a * oof[mask] + b)))
    cv = cv_report(prob, y, sources, qa)
    model = fit(x, y, w, c)
    counts: dict[str, dict[str, int]] = {}
    for s, lab in zip(sources, y, strict=True):
        counts.setdefault(s, {"supported": 0, "unsupported": 0})["supported" if lab else "unsupported"] += 1
    meta = {
        "seed": SEED,
        "trained_on": counts,
        "documents": len(docs),
        "splits": "HaluEval-QA lines 1-250, FaithBench batches 1-4 (test splits never read)",
        "cv_5fold_grouped": cv,
        "regimes": "qa: claims judged with a question; free: without one",
        "c": c,
        "c_grid_cv_auroc": grid,
    }
    final = SupportModel(FEATURE_NAMES, model.mean, model.scale, model.coef, model.intercept, calibration, meta)
    cuts, at_cut = operating_points(final, x, qa, owner, examples)
    meta["operating_points_train_balanced_accuracy"] = at_cut
    final = SupportModel(FEATURE_NAMES, model.mean, model.scale, model.coef, model.intercept, calibration, meta, cuts)
    size = final.save(args.out)
    print(json.dumps({"out": str(args.out), "bytes": size, "claims": len(y), **meta}, indent=1))
    print(f"trained in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
