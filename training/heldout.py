"""Score a support model on the second stage's held-out pairs of some sources, at the service's cut:
`python -m training.heldout [--adapter FILE] [--int8] [--source helpcentre-edits ...]`.

The pairs are exactly those `python -m training.support --stage2` holds out (same seed, split and cap),
one reading each (the claim against its window), so a stage-2 file and the shipped one can be compared
on what the second stage was written for before either ships.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np


def main(argv: Sequence[str] | None = None) -> int:
    from app.grounding.crossencoder import SUPPORT_ADAPTER, CrossEncoder
    from ingestion.embedder import SentenceTransformerEmbedder
    from ingestion.settings import EmbeddingSettings
    from training.examples import split
    from training.pairs import to_pairs
    from training.support import HELPCENTRE, STAGE2, load_support_examples, stage2_examples
    from training.trainer import DEFAULT_DATASETS, SEED, evaluate

    ap = argparse.ArgumentParser(prog="python -m training.heldout", description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    ap.add_argument("--adapter", type=Path, default=SUPPORT_ADAPTER)
    ap.add_argument("--int8", action="store_true")
    ap.add_argument("--source", action="append", default=None, help="default: helpcentre-edits")
    args = ap.parse_args(argv)
    examples = load_support_examples(args.datasets, HELPCENTRE, random.Random(SEED))
    second = stage2_examples(examples, HELPCENTRE, random.Random(SEED + 1))
    embedder = SentenceTransformerEmbedder(EmbeddingSettings(batch_size=64))
    model = CrossEncoder(adapter_path=args.adapter, dtype="fp32", int8=args.int8)
    cal = {}
    for name in args.source or ["helpcentre-edits"]:
        held = split(second[name], STAGE2.held_out)[1]
        if STAGE2.held_out_cap and len(held) > STAGE2.held_out_cap:
            held = random.Random(SEED).sample(held, STAGE2.held_out_cap)
        cal[name] = to_pairs(held, embedder, STAGE2.budget, random.Random(SEED))

    def probability_logit(items: Sequence) -> np.ndarray:
        # evaluate() applies a Platt map to what it is given: hand it the calibrated log-odds
        p = model.probability(model.logits([(x.claim, x.evidence) for x in items]))
        return np.log(np.clip(p, 1e-9, 1 - 1e-9) / np.clip(1 - p, 1e-9, 1))

    report = evaluate(cal, probability_logit)
    for name, row in report.items():
        print(name, row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
