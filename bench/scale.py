"""Cost curves by collection size: replace and delete one document, open the collection in a fresh process,
hybrid retrieval p50/p95, the extractive answer p50, and the worker's RSS.

    .venv/bin/python -m bench.scale --sizes 10000,100000,1000000 [--data /tmp/tether-scale] [--json]

Each collection is written straight into a SQLite store (documents of 20 chunks, texts of realistic length
drawn from the demo corpus's words; vectors synthetic: random unit vectors, since embedding a million
chunks on 2 cores takes hours) and indexed through the real index code (`ingestion.catchup.advance`).
Then, through the real ingestion path, the demo corpus is added once (so the questions have answers
among the synthetic chunks), and a document file of 20 chunks is added, replaced twice and deleted; the
replace figure is end to end minus the time spent in the embedding model (timed apart). Finally a fresh
process opens the collection through the service's own parts (`build_services`), runs the queries (half
the demo's questions, half random words), answers the demo's questions (extractive backend,
answerability and verifier as configured) and reports its RSS. Built collections are kept in --data and
reused by size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import insert

from bench.load import QUESTIONS
from ingestion.catchup import advance
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.pipeline import Ingestor, doc_id_for
from ingestion.settings import ChunkingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Collection, Document, open_store
from ingestion.writer import remove_documents

REPO = Path(__file__).resolve().parents[1]
CHUNKS_PER_DOC = 20


def _words() -> list[str]:
    text = " ".join(p.read_text(errors="replace") for p in sorted((REPO / "corpus").rglob("*.md")))
    return re.findall(r"[A-Za-z][A-Za-z'-]+", text)


class TimedEmbedder:
    """The real embedder, with the seconds spent in it counted (so a figure can leave them out)."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner, self.seconds = inner, 0.0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        t = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.seconds += time.perf_counter() - t


def build(data: Path, n: int, dim: int = 384, seed: int = 0) -> float:
    """A collection of n chunks written to the store, then indexed; seconds spent indexing."""
    data.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{(data / 'tether.db').resolve()}")
    rng = np.random.default_rng(seed)
    words = np.array(_words())
    try:
        with store.session() as s:
            col = Collection(name="default", version=1, dim=dim, embedding_model="synthetic", chunk_count=n)
            s.add(col)
            s.flush()
            for first in range(0, n, 10_000):
                docs, chunks = [], []
                for c in range(first, min(n, first + 10_000)):
                    if c % CHUNKS_PER_DOC == 0:
                        source = f"synthetic/doc-{c // CHUNKS_PER_DOC:07d}.md"
                        docs.append(_doc(col.id, source))
                    length = int(rng.integers(90, 180))  # words: chunks of ~150-250 tokens, as the chunker makes
                    text = " ".join(words[rng.integers(0, len(words), length)])
                    v = rng.standard_normal(dim).astype("<f4")
                    v /= np.linalg.norm(v)
                    chunks.append(_chunk(col.id, docs[-1]["id"], c % CHUNKS_PER_DOC, text, v))
                if docs:
                    s.execute(insert(Document), docs)
                s.execute(insert(Chunk), chunks)
        t = time.perf_counter()
        advance(store, data, "default", IndexSettings())
        return time.perf_counter() - t
    finally:
        store.dispose()


def _doc(col_id: int, source: str) -> dict[str, Any]:
    h = hashlib.sha256(source.encode()).hexdigest()
    return {
        "id": doc_id_for("default", source),
        "collection_id": col_id,
        "source": source,
        "file_path": source,
        "file_hash": h,
        "content_hash": h,
        "format": "markdown",
        "title": source,
        "text": "",
        "tags": [],
        "extra": {},
    }


def _chunk(col_id: int, doc_id: str, ord_: int, text: str, v: np.ndarray) -> dict[str, Any]:
    cid = hashlib.sha256(f"{doc_id}\0{ord_}\0{text}".encode()).hexdigest()[:40]
    return {
        "id": cid,
        "doc_id": doc_id,
        "collection_id": col_id,
        "ord": ord_,
        "start": 0,
        "end": len(text),
        "text": text,
        "heading": "",
        "n_tokens": len(text) // 4,
        "sentences": [[0, len(text)]],
        "embed_hash": hashlib.sha256(text.encode()).hexdigest(),
        "vector": v.tobytes(),
    }


def changes(data: Path, embedder: TimedEmbedder) -> dict[str, float]:
    """Add, replace (twice) and delete one document of 20 chunks through the real ingestion path."""
    store = open_store(f"sqlite:///{(data / 'tether.db').resolve()}")
    kb = data / "kb"
    kb.mkdir(exist_ok=True)
    page = kb / "bench-page.md"
    ing = Ingestor(store, embedder, data, ChunkingSettings(), IndexSettings(), IngestLimits())
    words = _words()
    out: dict[str, float] = {}
    try:
        # The demo corpus goes in beside the synthetic chunks (once; later runs skip it unchanged), so
        # the questions below have real answers to find among the rest.
        ing.ingest([REPO / "corpus"], "default")
        for step in ("add", "replace", "replace_again"):
            sections = [
                f"## Section {i}\n\n" + " ".join(words[(i * 997 + len(step) * 31 + k) % len(words)] for k in range(150))
                for i in range(CHUNKS_PER_DOC)
            ]
            page.write_text(f"# Bench page ({step})\n\n" + "\n\n".join(sections) + "\n")
            embedder.seconds = 0.0
            report = ing.ingest([page], "default")
            out[f"{step}_s"] = round(report.seconds - embedder.seconds, 3)
            out[f"{step}_embed_s"] = round(embedder.seconds, 3)
        t = time.perf_counter()
        remove_documents(store, data, IndexSettings(), "default", ["bench-page.md"])
        out["delete_s"] = round(time.perf_counter() - t, 3)
    finally:
        store.dispose()
    return out


def worker(data: Path, queries: int) -> dict[str, Any]:
    """In a fresh process: open the collection, then retrieval and answer latencies, and the RSS."""
    from app.queries import AnswerQuery
    from app.services import build_services
    from app.settings import Settings

    settings = Settings().override({"store.data_dir": data})
    svc = build_services(settings)
    t = time.perf_counter()
    view = svc.retriever.view("default")
    open_s = time.perf_counter() - t
    rng = np.random.default_rng(1)
    words = _words()
    qs = [QUESTIONS[i % len(QUESTIONS)] if i % 2 else " ".join(rng.choice(words, 6)) + "?" for i in range(queries)]
    svc.retriever.retrieve(qs[0], "default", 5)  # first-query costs (BLAS, tokenizer) are not per-query costs
    lat = []
    for q in qs:
        t = time.perf_counter()
        svc.retriever.retrieve(q, "default", 5)
        lat.append((time.perf_counter() - t) * 1000)
    ans = []
    for q in [QUESTIONS[i % len(QUESTIONS)] for i in range(max(16, queries // 5))]:
        t = time.perf_counter()
        svc.answerer.answer(AnswerQuery(q, "default", 5))
        ans.append((time.perf_counter() - t) * 1000)
    rss = _rss_mb()
    svc.close()
    lat.sort()
    return {
        "chunks": view.snapshot.size,
        "segments": len(view.snapshot.segments),
        "open_s": round(open_s, 2),
        "retrieve_p50_ms": round(statistics.median(lat), 1),
        "retrieve_p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1),
        "answer_p50_ms": round(statistics.median(ans), 1),
        "rss_mb": rss,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _rss_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--data", type=Path, default=Path("/tmp/tether-scale"))
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.queries)))
        return
    embedder = TimedEmbedder(SentenceTransformerEmbedder())
    embedder.embed(["warm up"])
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        data = args.data / f"n{n}"
        built = None if (data / "tether.db").exists() else round(build(data, n), 1)
        row: dict[str, Any] = {"size": n, "index_build_s": built, **changes(data, embedder)}
        proc = subprocess.run(
            [sys.executable, "-m", "bench.scale", "--worker", str(data), "--queries", str(args.queries)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        row.update(json.loads(proc.stdout.strip().splitlines()[-1]))
        rows.append(row)
        if not args.json:
            print(json.dumps(row), flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
