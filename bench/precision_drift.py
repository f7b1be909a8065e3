"""How far bf16 vectors are from fp32 vectors of the same texts, and whether mixing them changes retrieval.

    .venv/bin/python -m bench.precision_drift [--corpus corpus] [--suite evals/suites/default.jsonl] [--json]

The question it answers: is a collection embedded in one precision still searchable by a server that
embeds its questions in the other (an ingestion machine with native bf16, a server without it, under
`auto`)? It chunks the corpus as ingestion does, embeds every chunk and every question of the suite in
fp32 and in bf16, and reports the cosine between the two vectors of each text, and how often the top-5
dense ranking of a bf16 question over fp32 chunks differs from the fp32 question's.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from ingestion import precision
from ingestion.chunking import chunk_document
from ingestion.discovery import discover
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.loaders import load_file
from ingestion.settings import ChunkingSettings, EmbeddingSettings

REPO = Path(__file__).resolve().parents[1]


def chunk_texts(corpus: Path, embedder: SentenceTransformerEmbedder) -> list[str]:
    files, _ = discover([corpus])
    settings = ChunkingSettings()
    max_tokens = min(settings.max_tokens, embedder.max_tokens)
    texts: list[str] = []
    for f in files:
        for doc in load_file(f.path, f.source, f.path.read_bytes()):
            for c in chunk_document(
                doc.text, doc.title, embedder.count_tokens, max_tokens, settings.overlap_sentences, embedder.token_spans
            ):
                texts.append(c.embed_text)
    return texts


def _quantiles(x: np.ndarray) -> dict[str, float]:
    return {
        "min": round(float(x.min()), 5),
        "p01": round(float(np.quantile(x, 0.01)), 5),
        "median": round(float(np.median(x)), 5),
        "mean": round(float(x.mean()), 5),
    }


def drift(chunks: list[str], questions: list[str], k: int = 5) -> dict[str, Any]:
    fp32 = SentenceTransformerEmbedder(EmbeddingSettings(dtype="fp32"))
    bf16 = SentenceTransformerEmbedder(EmbeddingSettings(dtype="bf16"))
    c32, c16 = fp32.embed(chunks), bf16.embed(chunks)
    q32, q16 = fp32.embed(questions), bf16.embed(questions)
    same = (q32 @ c32.T, q16 @ c32.T)  # an fp32 server, a bf16 server: both over fp32 chunk vectors
    top = [np.argsort(-s, axis=1)[:, :k] for s in same]
    overlap = np.array([len(set(a) & set(b)) / k for a, b in zip(top[0], top[1], strict=True)])
    return {
        "chunks": len(chunks),
        "questions": len(questions),
        "cosine_chunks": _quantiles(np.sum(c32 * c16, axis=1)),
        "cosine_questions": _quantiles(np.sum(q32 * q16, axis=1)),
        "max_abs_score_change": round(float(np.abs(same[0] - same[1]).max()), 5),
        f"top{k}_overlap_mean": round(float(overlap.mean()), 4),
        f"top{k}_identical_sets": int((overlap == 1.0).sum()),
        "top1_same": int((top[0][:, 0] == top[1][:, 0]).sum()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--suite", type=Path, default=REPO / "evals" / "suites" / "default.jsonl")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    chunks = chunk_texts(args.corpus, SentenceTransformerEmbedder(EmbeddingSettings(dtype="fp32")))
    questions = [json.loads(line)["question"] for line in args.suite.read_text().splitlines() if line.strip()]
    doc = {"cpu_auto": precision.resolve("auto").reason, **drift(chunks, questions)}
    print(json.dumps(doc, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
