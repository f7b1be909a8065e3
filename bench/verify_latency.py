"""Latency of the local verifier: a 5-claim paraphrased answer against 5 passages (~5 sentences each).

    .venv/bin/python -m bench.verify_latency [--rounds 50] [--json] [--readings N] [--window N] [--int8] [--threads N]

The verifier runs as configured (`VerifierSettings`: sentence readings, window tokens, int8), or as the
flags say, so that each stage's cost can be measured on its own. Besides wall time, the median CPU time of
the process per verification (`cpu_ms`, all threads) is reported: on a machine other jobs share, wall
time follows their load and CPU time much less.

Cases, reported separately (median and p95, ms), each with what its stages cost:
- cold:        empty caches; every passage sentence and claim is embedded, every (fact, window) pair is
               read by the entailment model.
- warm:        passages already cached (the common case: popular chunks recur); a new paraphrased answer,
               so its claims are embedded and read by the model.
- warm_repeat: the same answer and passages again: nothing is embedded or read.
- verbatim:    an answer that copies passage sentences (the extractive backend's): no model call.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from app.grounding.local import LocalVerifier
from app.grounding.verifier import passages_from_text
from app.settings import VerifierSettings
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder

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
# Paraphrases, as an LLM writes them: every claim needs the entailment model.
ANSWERS = [
    "Personal is $9.99 a month [2]. You get two terabytes of space with it [2]. "
    "Business runs $15 for each user monthly [3]. An annual plan can be refunded for a month after you buy it [4]. "
    "Free accounts may send 60 API calls a minute [5].",
    "A free account comes with 5 GB [1]. Personal holds on to old versions for 180 days [2]. "
    "Business keeps its audit logs for a year [3]. There are no refunds on monthly plans [4]. "
    "The v1 API goes away at the end of March 2027 [5].",
]
VERBATIM = (
    "The Personal plan costs $9.99 per month or $99 per year [2]. It includes 2 TB of storage [2]. "
    "Audit logs are kept for 1 year [3]. Monthly plans are not refunded [4]. "
    "The v1 API will be retired on 31 March 2027 [5]."
)
STAGES = ("parse_ms", "embed_ms", "windows_ms", "model_ms")


def _ms(samples: list[float], stages: list[dict[str, float]], cpu: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    out = {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "cpu_ms": round(statistics.median(cpu), 2),
    }
    for stage in STAGES:
        out[stage] = round(statistics.median(t.get(stage, 0.0) for t in stages), 2)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--readings", type=int, default=None, help="sentence readings per fact besides its window")
    ap.add_argument("--window", type=int, default=None, help="evidence window, word pieces")
    ap.add_argument("--int8", action="store_true", help="the model's Linear layers as dynamic int8")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (1: CPU time is one core's work)")
    args = ap.parse_args()
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    settings = VerifierSettings()
    update: dict[str, object] = {}
    if args.readings is not None:
        update["sentence_readings"] = args.readings
    if args.window is not None:
        update["window_tokens"] = args.window
    if args.int8:
        update["int8"] = True
    settings = VerifierSettings.model_validate({**settings.model_dump(), **update})

    embedder = SentenceTransformerEmbedder()
    embedder.embed(["warm up"])  # model load is start-up cost, not per-answer cost
    passages = [p for i, text in enumerate(PASSAGES) for p in passages_from_text(text, f"doc{i}", per_passage=5)]
    cached = CachedEmbedder(embedder)
    verifier = LocalVerifier(cached, settings)
    for answer in (*ANSWERS, VERBATIM):  # first-call code paths and the model's kernels for these shapes
        verifier.verify(answer, passages)

    cases: dict[str, tuple[list[float], list[dict[str, float]], list[float]]] = {
        k: ([], [], []) for k in ("cold", "warm", "warm_repeat", "verbatim")
    }

    def timed(case: str, answer: str) -> None:
        t, c = time.perf_counter(), time.process_time()
        v = verifier.verify(answer, passages)
        cases[case][0].append((time.perf_counter() - t) * 1000)
        cases[case][1].append(v.timings)
        cases[case][2].append((time.process_time() - c) * 1000)

    for r in range(args.rounds):
        cached.cache.clear()
        verifier.logit_cache.clear()
        timed("cold", ANSWERS[r % 2])
        # A new answer each time: vary a figure-free word so the claims miss the caches, the passages hit.
        fresh = ANSWERS[(r + 1) % 2].replace("[1]", f"(note {r}) [1]")
        timed("warm", fresh)
        timed("warm_repeat", fresh)
        timed("verbatim", VERBATIM)

    claims = len(verifier.verify(ANSWERS[0], passages).claims)
    report: dict[str, object] = {
        "claims": claims,
        "passages": len(passages),
        "sentences": sum(len(p.sentences) for p in passages),
        "rounds": args.rounds,
        "settings": {k: getattr(settings, k) for k in ("sentence_readings", "window_tokens", "int8", "dtype")},
        **{case: _ms(*samples) for case, samples in cases.items()},
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{claims} claims x {len(passages)} passages ({report['sentences']} sentences), {args.rounds} rounds")
        for case, samples in cases.items():
            row = _ms(*samples)
            stages = "  ".join(f"{name[:-3]} {row[name]:.1f}" for name in STAGES)
            print(
                f"  {case:12s} median {row['median_ms']:7.2f} ms   p95 {row['p95_ms']:7.2f} ms   "
                f"cpu {row['cpu_ms']:7.2f} ms   ({stages})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
