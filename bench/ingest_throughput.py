"""Ingestion throughput beside raw `encode` throughput on the very same chunks, and the unchanged re-ingest.

    .venv/bin/python -m bench.ingest_throughput [--corpus corpus] [--covidqa ../shared/datasets/covidqa] [--json]

Each corpus is ingested into a fresh temporary data dir with the model already loaded (model load is a
one-off cost, reported apart). "raw encode" is SentenceTransformer.encode over the chunk texts the
pipeline produced, same batch size and precision: the ceiling the pipeline is measured against.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ingestion.chunking import chunk_document
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.pipeline import Ingestor
from ingestion.settings import ChunkingSettings, EmbeddingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Document, open_store

REPO = Path(__file__).resolve().parents[1]


def covidqa_as_files(path: Path, dest: Path) -> Path:
    """The 98 COVID-QA articles as text files (read from the shared datasets, written to a temp dir)."""
    data = json.loads((path / "covidqa_dev.json").read_text())
    dest.mkdir(parents=True, exist_ok=True)
    for i, art in enumerate(data["data"]):
        for j, para in enumerate(art["paragraphs"]):
            (dest / f"article-{i:03d}-{j}.txt").write_text(para["context"])
    return dest


def _ingest_fresh(corpus: Path, embedder: SentenceTransformerEmbedder, repeats: int) -> dict[str, Any]:
    """One ingestion into a new data dir, then `repeats` unchanged re-ingests; the chunk texts it made."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        store = open_store(f"sqlite:///{data / 'tether.db'}")
        ing = Ingestor(store, embedder, data, ChunkingSettings(), IndexSettings(), IngestLimits())
        first = ing.ingest([corpus], "bench")
        unchanged = [ing.ingest([corpus], "bench").seconds for _ in range(repeats)]
        with store.session() as s:
            docs = list(s.scalars(select(Document)))
            n_chunks = s.scalar(select(func.count()).select_from(Chunk)) or 0
            texts = [
                c.embed_text
                for d in docs
                for c in chunk_document(
                    d.text, d.title, embedder.count_tokens, ing.max_tokens(), ChunkingSettings().overlap_sentences
                )
            ]
            max_tokens = max(c.n_tokens for c in s.scalars(select(Chunk)))
        store.dispose()
    return {"report": first, "unchanged": unchanged, "chunks": n_chunks, "texts": texts, "max_tokens": max_tokens}


def measure_corpus(corpus: Path, embedder: SentenceTransformerEmbedder, repeats: int) -> dict[str, Any]:
    """Ingestion and raw encode alternate, each `repeats` times, and the medians are compared. The first
    ingestion is also reported alone: it is the one that meets every padded sequence length for the first
    time (oneDNN builds a kernel per shape), a cost raw encode measured afterwards would not pay."""
    runs, raw = [], []
    for _ in range(repeats):
        runs.append(_ingest_fresh(corpus, embedder, repeats))
        texts = runs[-1]["texts"]
        t0 = time.perf_counter()
        embedder.embed(texts)
        raw.append(time.perf_counter() - t0)
    first = runs[0]
    n_chunks = first["chunks"]
    ingest_s = statistics.median(r["report"].seconds for r in runs)
    raw_s = statistics.median(raw)
    unchanged_s = statistics.median(u for r in runs for u in r["unchanged"])
    over = sum(1 for n in embedder.count_tokens(texts) if n > embedder.max_tokens)
    return {
        "documents": first["report"].documents_added,
        "chunks": n_chunks,
        "max_chunk_tokens": first["max_tokens"],
        "chunks_over_model_limit": over,
        "ingest_seconds": round(ingest_s, 3),
        "ingest_seconds_first": first["report"].seconds,
        "ingest_chunks_per_s": round(n_chunks / ingest_s, 1),
        "raw_encode_chunks_per_s": round(len(texts) / raw_s, 1),
        "pipeline_vs_raw": round((n_chunks / ingest_s) / (len(texts) / raw_s), 3),
        "unchanged_reingest_seconds": round(unchanged_s, 3),
        "unchanged_speedup": round(ingest_s / unchanged_s, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--covidqa", type=Path, default=REPO.parent / "shared" / "datasets" / "covidqa")
    ap.add_argument("--dtype", choices=["bf16", "fp32"], default="bf16")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    embedder = SentenceTransformerEmbedder(EmbeddingSettings(dtype=args.dtype))
    embedder.embed(["warm up"])
    results: dict[str, object] = {"dtype": args.dtype, "model_load_seconds": round(time.perf_counter() - t0, 2)}
    results["corpus"] = measure_corpus(args.corpus, embedder, args.repeats)
    if args.covidqa.exists():
        with tempfile.TemporaryDirectory() as tmp:
            results["covidqa"] = measure_corpus(
                covidqa_as_files(args.covidqa, Path(tmp) / "covidqa"), embedder, args.repeats
            )
    if args.json:
        print(json.dumps(results))
        return
    print(f"model: all-MiniLM-L6-v2 {args.dtype}, loaded in {results['model_load_seconds']} s")
    for name in ("corpus", "covidqa"):
        r = results.get(name)
        if isinstance(r, dict):
            print(
                f"\n{name}: {r['documents']} documents -> {r['chunks']} chunks (max {r['max_chunk_tokens']} tokens, "
                f"{r['chunks_over_model_limit']} over the model limit)"
            )
            print(
                f"  ingest pipeline  {r['ingest_chunks_per_s']:>7} chunks/s  ({r['ingest_seconds']} s median; "
                f"first run {r['ingest_seconds_first']} s)"
            )
            print(
                f"  raw encode       {r['raw_encode_chunks_per_s']:>7} chunks/s  "
                f"(pipeline = {r['pipeline_vs_raw']:.0%} of raw)"
            )
            print(
                f"  unchanged re-ingest {r['unchanged_reingest_seconds']} s  "
                f"({r['unchanged_speedup']}x faster than the first)"
            )


if __name__ == "__main__":
    main()
