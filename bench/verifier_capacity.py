"""What the support model's size buys: grouped cross-validation of smaller and larger models on the
verifier's own training data (the test splits of the public sets are never read).

    .venv/bin/python -m bench.verifier_capacity [--json]

Each variant is a logistic regression over a subset (or an expansion) of the grounding features,
trained exactly as `app.grounding.train` trains the shipped model (same pairs, same source weights,
C = the shipped model's). Reported per variant: the number of learned numbers, the size of its JSON
parameters, the source-weighted out-of-fold AUROC (the training script's selection score) and the
out-of-fold AUROC per source. Featurising the ~4,800 training claims takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable

import numpy as np

from app.grounding import train, trainset
from app.grounding.features import FEATURE_NAMES
from app.grounding.model import SupportModel
from app.grounding.verifier import LocalVerifier
from ingestion.embedder import SentenceTransformerEmbedder

Variant = Callable[[np.ndarray], np.ndarray]


def _columns(*names: str) -> Variant:
    idx = [FEATURE_NAMES.index(n) for n in names]
    return lambda x: x[:, idx]


def _pairwise(x: np.ndarray) -> np.ndarray:
    """The 15 features plus every product of two of them (105 more)."""
    n = x.shape[1]
    return np.hstack([x, *(x[:, [i]] * x[:, [j]] for i in range(n) for j in range(i + 1, n))])


VARIANTS: dict[str, Variant] = {
    "one feature (cov_sentence)": _columns("cov_sentence"),
    "coverage and similarity (7)": _columns(*FEATURE_NAMES[:7]),
    "all 15 features (shipped)": lambda x: x,
    "15 + pairwise products (120)": _pairwise,
}


def _json_bytes(n: int) -> int:
    """Size of the weights, means and scales of n features as the parameter file writes them."""
    numbers = [round(float(v), 6) for v in np.random.default_rng(0).normal(size=n)]
    return len(json.dumps({"mean": numbers, "scale": numbers, "coef": numbers}, indent=1).encode())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    from sklearn.metrics import roc_auc_score

    t0 = time.perf_counter()
    rng = random.Random(trainset.SEED)
    docs = trainset.read_documents(trainset.REPO / "corpus", trainset.DEFAULT_DATASETS, 20, rng)
    examples = trainset.synthetic_examples(docs, rng, 12) + trainset.public_examples(trainset.DEFAULT_DATASETS)
    verifier = LocalVerifier(SentenceTransformerEmbedder(), model_params=SupportModel.untrained())
    x, y, owner = train.featurize(verifier, examples)
    sources = [examples[i].source for i in owner]
    groups = [examples[i].group for i in owner]
    w = train.sample_weights(sources, y, frozenset(train.SOURCE_SHARE))
    c = float(SupportModel.load().meta.get("c", 1.0))
    src = np.asarray(sources)
    present = sorted(set(sources))
    total = sum(train.SOURCE_SHARE[s] for s in present)
    out: dict[str, dict[str, object]] = {}
    for name, make in VARIANTS.items():
        xv = make(x)
        oof = train.cross_validate(xv, y, w, groups, c)
        per = {s: round(float(roc_auc_score(y[src == s], oof[src == s])), 4) for s in present}
        out[name] = {
            "learned_numbers": xv.shape[1] + 1,
            "param_bytes": _json_bytes(xv.shape[1]),
            "weighted_auroc": round(sum(train.SOURCE_SHARE[s] / total * per[s] for s in present), 4),
            "auroc": per,
        }
    if args.json:
        print(json.dumps({"c": c, "claims": len(y), "variants": out}))
    else:
        print(f"{len(y)} training claims, C = {c}, grouped 5-fold out-of-fold AUROC ({time.perf_counter() - t0:.0f} s)")
        head = " ".join(f"{s:>10s}" for s in present)
        print(f"{'variant':32s} {'numbers':>7s} {'bytes':>6s} {'weighted':>8s}  {head}")
        for name, r in out.items():
            per = r["auroc"]
            assert isinstance(per, dict)
            cells = " ".join(f"{per[s]:10.4f}" for s in present)
            print(f"{name:32s} {r['learned_numbers']:7d} {r['param_bytes']:6d} {r['weighted_auroc']:8.4f}  {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
