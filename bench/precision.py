"""bf16 against fp32 on this machine's CPU, side by side, and what `auto` picks here.

    .venv/bin/python -m bench.precision [--rounds 20] [--json]

For each precision: the MiniLM embedding model encoding ~180-token passages (batch 16) and one short
question, and the entailment cross-encoder reading 16 (claim, evidence) pairs. The two precisions run in
one process, alternately, so a busy machine slows both alike; compare the ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

from app.grounding.crossencoder import CrossEncoder
from ingestion import precision
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.settings import EmbeddingSettings

PASSAGE = (
    "The Business plan costs $15 per user per month, billed annually, with a minimum of 3 users. Each user "
    "gets 5 TB of pooled storage. Admins can enforce two-factor authentication for every member of the team. "
    "Audit logs are kept for one year and can be exported as CSV from the admin console at any time. "
    "Support replies within four business hours on weekdays, and Severity 1 incidents are answered within "
    "one hour, around the clock. Seats removed in the middle of a term are not refunded."
)
QUESTION = "How long are audit logs kept on the Business plan?"
PAIRS = [("Audit logs are retained for twelve months.", PASSAGE)] * 16


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    fn()  # first call builds the kernels for these shapes
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    models = {
        d: (SentenceTransformerEmbedder(EmbeddingSettings(dtype=d)), CrossEncoder(dtype=d)) for d in ("fp32", "bf16")
    }
    rows: dict[str, dict[str, float]] = {d: {} for d in models}
    for _ in range(2):  # alternate, so drift in the machine's speed hits both
        for d, (emb, ce) in models.items():
            rows[d]["passages_per_s"] = round(16 / (_median_ms(lambda e=emb: e.embed([PASSAGE] * 16), 3) / 1000), 1)
            rows[d]["question_ms"] = _median_ms(lambda e=emb: e.embed([QUESTION]), args.rounds)
            rows[d]["pairs_per_s"] = round(16 / (_median_ms(lambda c=ce: c.logits(PAIRS), 3) / 1000), 1)
    cpu = precision.cpu_flags() or frozenset()
    doc = {
        "auto": precision.resolve("auto").reason,
        "native_bf16_flags": sorted(f for f in precision.NATIVE_BF16_FLAGS if f in cpu),
        "fp32": rows["fp32"],
        "bf16": rows["bf16"],
        "bf16_speedup": {k: round(rows["bf16"][k] / rows["fp32"][k], 2) for k in ("passages_per_s", "pairs_per_s")},
    }
    if args.json:
        print(json.dumps(doc))
        return
    print(f"auto picks: {doc['auto']}")
    print(f"{'':6} {'passages/s':>11} {'question ms':>12} {'pairs/s':>9}")
    for d in ("fp32", "bf16"):
        r = rows[d]
        print(f"{d:6} {r['passages_per_s']:>11} {r['question_ms']:>12} {r['pairs_per_s']:>9}")
    print(f"bf16 / fp32 throughput: {doc['bf16_speedup']}")


if __name__ == "__main__":
    main()
