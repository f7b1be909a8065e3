"""Retrieval on a public dataset (COVID-QA, SQuAD format): the 98 articles are ingested as text documents
with the project's own Ingestor into a temporary data dir, then the first N dev questions are run through
dense-only (the snapshot's FAISS index), lexical-only (its BM25 index), hybrid (the project's
Retriever: fusion, relevance floor, de-duplication) and reranked (hybrid's best `rerank_depth` read by the
question–passage model, `app.retrieval.rerank`). A hit at k = one of the top-k chunks contains the
answer span's text (whitespace-insensitive). `answer_in_some_chunk` is the ceiling: the share of
questions whose answer span lies inside at least one chunk at all (a span cut by a chunk boundary can
never be hit, by any method).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.grounding.answerability import AnswerabilityJudge
from app.retrieval.hybrid import Retriever
from app.retrieval.rerank import rerank_passages
from app.settings import Settings
from evals.metrics import Rate, hit_at, reciprocal_rank
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from ingestion.loaders import normalise_text
from ingestion.pipeline import Ingestor
from ingestion.store import Chunk, open_store

DATASETS = {"covidqa": "covidqa_dev.json"}
COLLECTION = "covidqa"
KS = (1, 3, 5, 10)
RERANK_DEPTH = 20  # hybrid candidates the reranker reads (hybrid's hit@10 is the floor it starts from)


class DatasetError(ValueError):
    """The dataset is missing or not in the expected format; the message names the file."""


@dataclass(frozen=True, slots=True)
class QA:
    id: str
    question: str
    answers: tuple[str, ...]
    article: int


def _squash(text: str) -> str:
    return " ".join(normalise_text(text).split())


def load_squad(path: Path, dataset: str = "covidqa") -> tuple[list[str], list[QA]]:
    """(article texts, questions in file order). `path` is the dataset folder or its JSON file."""
    if dataset not in DATASETS:
        raise DatasetError(f"unknown dataset {dataset!r}; known: {', '.join(DATASETS)}")
    file = path / DATASETS[dataset] if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        articles, qas = [], []
        for i, article in enumerate(data["data"]):
            articles.append("\n\n".join(p["context"] for p in article["paragraphs"]))
            for p in article["paragraphs"]:
                for qa in p["qas"]:
                    answers = tuple(a["text"].strip() for a in qa["answers"] if a["text"].strip())
                    if answers:
                        qas.append(QA(str(qa["id"]), qa["question"], answers, i))
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise DatasetError(f"{file}: not a readable SQuAD-format file ({exc})") from exc
    return articles, qas


def first_hit(texts: Sequence[str], answers: Sequence[str]) -> int | None:
    """1-based rank of the first text containing any answer span (texts already squashed)."""
    wanted = [_squash(a) for a in answers]
    return next((i for i, t in enumerate(texts, start=1) if any(a in t for a in wanted)), None)


def _scores(ranks: list[int | None]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in KS:
        r = Rate(sum(1 for x in ranks if hit_at(x, k)), len(ranks))
        out[f"hit@{k}"], out[f"hit@{k}_ci"] = r.value, list(r.ci)
    out["mrr"] = round(sum(reciprocal_rank(x) for x in ranks) / len(ranks), 4) if ranks else None
    return out


def run_bench(
    path: Path,
    limit: int = 200,
    settings: Settings | None = None,
    data_dir: Path | None = None,
    tick: Callable[[str, int, int], None] | None = None,
    rerank_depth: int = RERANK_DEPTH,
) -> dict[str, Any]:
    """Ingest (into `data_dir`, or a temporary one) and score the retrievers side by side (`rerank_depth`
    0: no reranked row). A persistent `data_dir` makes a rerun with other retrieval settings skip the
    ingestion."""
    settings = settings or Settings()
    articles, qas = load_squad(path)
    qas = qas[:limit]
    with tempfile.TemporaryDirectory(prefix="tether-covidqa-") as tmp:
        root = Path(data_dir) if data_dir else Path(tmp)
        docs, data = root / "docs", root / "data"
        docs.mkdir(parents=True, exist_ok=True)
        data.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(articles):
            f = docs / f"article-{i:03d}.txt"
            if not f.exists() or f.read_text(encoding="utf-8") != text:
                f.write_text(text, encoding="utf-8")
        store = open_store(f"sqlite:///{(data / 'tether.db').resolve()}")
        try:
            embedder = SentenceTransformerEmbedder(settings.embedding)
            t0 = time.perf_counter()
            report = Ingestor(store, embedder, data, settings.chunking, settings.index, settings.ingest).ingest(
                [docs], COLLECTION, sync=True, progress=tick
            )
            ingest_s = time.perf_counter() - t0
            retriever = Retriever(store, embedder, data, settings.index, settings.retrieval)
            view = retriever.view(COLLECTION)
            with store.session() as s:
                found = s.execute(select(Chunk.row, Chunk.text).where(Chunk.collection_id == view.collection_id))
                chunk_text = {int(row): _squash(text) for row, text in found}
            all_chunks = list(chunk_text.values())
            k = max(KS)
            qvecs = embedder.embed([q.question for q in qas])
            methods = ["dense", "lexical", "hybrid"] + (["reranked"] if rerank_depth else [])
            ranks: dict[str, list[int | None]] = {m: [] for m in methods}
            timings = dict.fromkeys(methods, 0.0)
            judge = AnswerabilityJudge(CachedEmbedder(embedder), settings.answerability) if rerank_depth else None
            ceiling = 0
            for i, (qa, qv) in enumerate(zip(qas, qvecs, strict=True)):
                if tick:
                    tick("query", i, len(qas))
                ceiling += first_hit(all_chunks, qa.answers) is not None
                t = time.perf_counter()
                _, ids = view.snapshot.search_dense(qv, k)
                timings["dense"] += time.perf_counter() - t
                ranks["dense"].append(first_hit([chunk_text[int(r)] for r in ids], qa.answers))
                t = time.perf_counter()
                lexical = view.snapshot.search_lexical(qa.question, k)
                timings["lexical"] += time.perf_counter() - t
                ranks["lexical"].append(first_hit([chunk_text[r] for r, _ in lexical], qa.answers))
                t = time.perf_counter()
                passages = retriever.retrieve(qa.question, COLLECTION, k).passages
                timings["hybrid"] += time.perf_counter() - t
                ranks["hybrid"].append(first_hit([_squash(p.text) for p in passages], qa.answers))
                if judge is not None:
                    t = time.perf_counter()
                    deep = retriever.retrieve(qa.question, COLLECTION, max(k, rerank_depth)).passages
                    passages = rerank_passages(judge, qa.question, deep, k)
                    timings["reranked"] += time.perf_counter() - t
                    ranks["reranked"].append(first_hit([_squash(p.text) for p in passages], qa.answers))
        finally:
            store.dispose()
    n = max(1, len(qas))
    return {
        "dataset": "covidqa",
        "questions": len(qas),
        "articles": len(articles),
        "chunks": len(all_chunks),
        "answer_in_some_chunk": round(ceiling / n, 4),
        "methods": {m: _scores(r) for m, r in ranks.items()},
        "query_ms": {m: round(s * 1000 / n, 2) for m, s in timings.items()},
        "rerank_depth": rerank_depth,
        "ingest_seconds": round(ingest_s, 1),
        "chunks_embedded": report.chunks_embedded,
        "settings": {
            "chunking": settings.chunking.model_dump(),
            "retrieval": settings.retrieval.model_dump(),
            "index": settings.index.kind,
        },
    }


def format_table(result: dict[str, Any]) -> str:
    """Plain-text side-by-side table (hit@k and MRR per method)."""
    head = f"{'method':<8}" + "".join(f"{'hit@' + str(k):>8}" for k in KS) + f"{'MRR':>8}{'ms/q':>8}"
    lines = [
        f"COVID-QA: {result['questions']} questions, {result['articles']} articles, {result['chunks']} chunks; "
        f"answer inside some chunk: {result['answer_in_some_chunk']:.3f}",
        head,
    ]
    for method, s in result["methods"].items():
        cells = "".join(f"{s[f'hit@{k}']:>8.3f}" for k in KS)
        lines.append(f"{method:<8}{cells}{s['mrr']:>8.3f}{result['query_ms'][method]:>8.1f}")
    return "\n".join(lines)
