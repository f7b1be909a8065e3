"""Latency of the local verifier: a 5-claim answer against 5 passages (~5 sentences each).

    .venv/bin/python -m bench.verify_latency [--rounds 50] [--json]

Three cases, reported separately (median and p95, ms):
- cold:       empty cache; every passage sentence and claim is embedded (one call).
- warm:       passages already cached (the common case: popular chunks recur); a new answer, so its
              five claims are embedded.
- warm_repeat: the same answer and passages again; nothing is embedded (extractive answers, whose
              claims are passage sentences, cost about this).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from app.grounding.verifier import LocalVerifier, passages_from_text
from ingestion.embedder import SentenceTransformerEmbedder

PASSAGES = [
    "The Free plan includes 5 GB of storage for one user. The maximum upload size is 2 GB per file. "
    "You can link at most 3 devices at the same time. Up to 10 shared links can be active at a time. "
    "Earlier versions of a file are kept for 30 days.",
    "The Personal plan costs $9.99 per month or $99 per year. It includes 2 TB of storage. "
    "Version history is kept for 180 days. Shared links can have a password and an expiry date. "
    "Personal accounts can link up to 10 devices.",
    "The Business plan costs $15 per user per month, billed annually, with a minimum of 3 users. "
    "Each user gets 5 TB of pooled storage. Admins can enforce two-factor authentication. "
    "Audit logs are kept for 1 year. Support replies within 4 business hours.",
    "Refunds for annual plans are available within 30 days of purchase. Monthly plans are not refunded. "
    "Refunds go back to the original payment method within 5 to 10 business days. "
    "Downgrading takes effect at the end of the billing period. Unused time is not credited.",
    "The API rate limit is 60 requests per minute on Free and 600 on Business. "
    "Requests over the limit get HTTP 429 with a Retry-After header. Webhooks retry 5 times over 24 hours. "
    "The v1 API will be retired on 31 March 2027. Use v2 for new integrations.",
]
ANSWERS = [
    "The Personal plan costs $9.99 per month [2]. It includes 2 TB of storage [2]. "
    "Business costs $15 per user per month [3]. Annual plans can be refunded within 30 days [4]. "
    "The Free API limit is 60 requests per minute [5].",
    "Free accounts get 5 GB [1]. Personal keeps versions for 180 days [2]. "
    "Business audit logs are kept for 1 year [3]. Monthly plans are not refunded [4]. "
    "The v1 API will be retired on 31 March 2027 [5].",
]


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    embedder = SentenceTransformerEmbedder()
    embedder.embed(["warm up"])  # model load is start-up cost, not per-answer cost
    passages = [p for i, text in enumerate(PASSAGES) for p in passages_from_text(text, f"doc{i}", per_passage=5)]
    verifier = LocalVerifier(embedder)
    verifier.verify(ANSWERS[0], passages)  # first-call code paths

    cold, warm, repeat = [], [], []
    for r in range(args.rounds):
        verifier.cache.clear()
        t = time.perf_counter()
        verifier.verify(ANSWERS[r % 2], passages)
        cold.append((time.perf_counter() - t) * 1000)
        # A new answer each time: vary a figure so the claims miss the cache, the passages hit it.
        fresh = ANSWERS[(r + 1) % 2].replace("[1]", f"and {r} more [1]")
        t = time.perf_counter()
        verifier.verify(fresh, passages)
        warm.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        verifier.verify(fresh, passages)
        repeat.append((time.perf_counter() - t) * 1000)

    claims = len(verifier.verify(ANSWERS[0], passages).claims)
    report = {
        "claims": claims,
        "passages": len(passages),
        "sentences": sum(len(p.sentences) for p in passages),
        "rounds": args.rounds,
        "cold": _ms(cold),
        "warm": _ms(warm),
        "warm_repeat": _ms(repeat),
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{claims} claims x {len(passages)} passages ({report['sentences']} sentences), {args.rounds} rounds")
        for case in ("cold", "warm", "warm_repeat"):
            print(f"  {case:12s} median {report[case]['median_ms']:7.2f} ms   p95 {report[case]['p95_ms']:7.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
