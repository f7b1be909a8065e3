"""Chunking cost on text without sentence boundaries, with the embedding model's own tokenizer.

    .venv/bin/python -m bench.chunking [--sizes 36000,144000,288000,1000000] [--json]

A sentence longer than a chunk is the one thing chunking must cut, at word boundaries, and a runaway
export (a log, a CSV pasted into a page) is one such sentence from end to end. Each size is a single
paragraph of words and no sentence end; the time is `chunk_document` alone (the model is loaded
before, once), one run per size. The figure to watch is the ratio between sizes: linear chunking
keeps ms per KB flat as the text grows.
"""

from __future__ import annotations

import argparse
import json
import random
import time

from ingestion.chunking import chunk_document
from ingestion.embedder import SentenceTransformerEmbedder

VOCAB = ["storage", "plan", "upload", "limit", "device", "version", "share", "folder", "sync", "link", "admin"]
VOCAB += ["billing", "refund", "quota"]


def boundaryless(n_chars: int, seed: int = 0) -> str:
    """About `n_chars` of lower-case words and commas: no '.', '!' or '?' anywhere."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        w = rng.choice(VOCAB) + ("," if rng.random() < 0.1 else "")
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n_chars].rstrip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="36000,144000,288000,1000000", help="Text sizes in characters.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    embedder = SentenceTransformerEmbedder()
    t0 = time.perf_counter()
    limit = embedder.max_tokens
    load_s = time.perf_counter() - t0
    rows = []
    for size in (int(x) for x in args.sizes.split(",")):
        text = boundaryless(size)
        t1 = time.perf_counter()
        chunks = chunk_document(text, "Runaway export", embedder.count_tokens, limit, 1, embedder.token_spans)
        seconds = time.perf_counter() - t1
        rows.append(
            {
                "chars": len(text),
                "chunks": len(chunks),
                "max_tokens": max(c.n_tokens for c in chunks),
                "seconds": round(seconds, 3),
                "ms_per_kb": round(seconds * 1000 / (len(text) / 1000), 2),
            }
        )
        if not args.json:
            r = rows[-1]
            print(
                f"{r['chars']:>9} chars  {r['chunks']:>5} chunks  largest {r['max_tokens']} tokens  "
                f"{r['seconds']:>8.3f} s  {r['ms_per_kb']:>7.2f} ms/KB",
                flush=True,
            )
    if args.json:
        print(json.dumps({"model_load_s": round(load_s, 2), "token_limit": limit, "rows": rows}))


if __name__ == "__main__":
    main()
