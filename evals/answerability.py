"""The answerability decision measured on questions it never saw: `tether eval answerability`.

    tether eval answerability --dataset squad2 --path ../shared/datasets
    tether eval answerability --dataset covidqa --path ../shared/datasets --json

- `squad2`: the held-out half of the SQuAD 2.0 articles in `verification/answerability/` (the half of
  the titles, in sorted order, that training never reads): each question against its own paragraph,
  answerable or written to look answerable from it. Balanced accuracy and AUROC.
- `covidqa`: the COVID-QA dev questions of the held-out articles (those holding the first half of the
  questions in file order, which include every question `tether eval retrieval` reads; training reads
  only the other articles), each against the paragraph of its article that holds the answer span (every
  one is answerable): the share wrongly judged unanswerable.

Figures are at the service's cut (`TETHER_ANSWERABILITY__THRESHOLD`) unless `--threshold` gives one, for
the service's whole decision: the model's score and the names the question asks about that the knowledge
base never writes (`unknown_names`). The knowledge base is every text of the held-out set (SQuAD: its
paragraphs; COVID-QA: its articles whole), as a collection's index would hold them.
`model_balanced_accuracy` is the score's alone.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.grounding.answerability import AnswerabilityJudge
from app.grounding.verifier import passages_from_text
from app.retrieval.passages import Passage
from evals.detector.classification import auroc, balanced_accuracy
from ingestion.lexical import query_terms

DATASETS = ("squad2", "covidqa")


@dataclass(frozen=True, slots=True)
class AnswerItem:
    question: str
    passages: list[Passage]
    answerable: bool
    group: str
    unwritten: frozenset[str] | None = None  # the question's terms the knowledge base never writes


def squad_heldout(root: Path) -> list[AnswerItem]:
    data = json.loads((root / "verification/answerability/squad2/dev-v2.0-half.json").read_text(encoding="utf-8"))
    articles = data["data"]
    titles = sorted({a["title"] for a in articles})
    heldout = set(titles[len(titles) // 2 :])  # training reads the first half (training.public)
    items = []
    texts = []
    for art in articles:
        if art["title"] not in heldout:
            continue
        for k, para in enumerate(art["paragraphs"]):
            texts.append(para["context"])
            passages = _passages(para["context"], f"{art['title']}:{k}", art["title"])
            for qa in para["qas"]:
                items.append(AnswerItem(qa["question"], passages, not qa["is_impossible"], art["title"]))
    return _with_unwritten(items, texts)


def covidqa_heldout_articles(articles: Sequence[dict[str, Any]]) -> int:
    """How many articles, in file order, are held out: those holding the first half of the questions.
    `training.public.covidqa_train_articles` trains on the rest (the same rule, kept apart by layer)."""
    counts = [sum(len(p["qas"]) for p in art["paragraphs"]) for art in articles]
    half, seen = sum(counts) / 2, 0
    for i, n in enumerate(counts):
        seen += n
        if seen >= half:
            return i + 1
    return len(counts)


def covidqa_items(root: Path) -> list[AnswerItem]:
    data = json.loads((root / "covidqa/covidqa_dev.json").read_text(encoding="utf-8"))["data"]
    items = []
    texts = []
    for art in data[: covidqa_heldout_articles(data)]:
        for para in art["paragraphs"]:
            context = para["context"]
            texts.append(context)
            for qa in para["qas"]:
                if not qa.get("answers"):
                    continue
                start = int(qa["answers"][0]["answer_start"])
                block = _paragraph_at(context, start)
                items.append(AnswerItem(qa["question"], _passages(block, qa["id"], ""), True, str(art.get("title"))))
    return _with_unwritten(items, texts)


def _with_unwritten(items: list[AnswerItem], texts: Sequence[str]) -> list[AnswerItem]:
    """Each item with the terms of its question that none of `texts` (the knowledge base) holds."""
    vocabulary = {t for text in texts for t in query_terms(text)}
    return [replace(it, unwritten=frozenset(set(query_terms(it.question)) - vocabulary)) for it in items]


def _paragraph_at(text: str, offset: int) -> str:
    """The blank-line paragraph of `text` that holds `offset`, cut to at most ~1,500 characters around it."""
    starts = [0, *(m.end() for m in re.finditer(r"\n\s*\n", text))]
    begin = max(s for s in starts if s <= offset)
    end = min((m.start() for m in re.finditer(r"\n\s*\n", text) if m.start() > offset), default=len(text))
    lo = max(begin, offset - 750)
    return text[lo : min(end, lo + 1500)].strip()


def _passages(text: str, doc_id: str, title: str) -> list[Passage]:
    return [replace(p, title=title) for p in passages_from_text(text, doc_id, per_passage=5)][:3]


def load_answerability_items(dataset: str, root: Path) -> list[AnswerItem]:
    if dataset == "squad2":
        return squad_heldout(root)
    if dataset == "covidqa":
        return covidqa_items(root)
    raise ValueError(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")


def measure(items: Sequence[AnswerItem], judge: AnswerabilityJudge, threshold: float | None = None) -> dict[str, Any]:
    t = time.perf_counter()
    scores, labels, pred, named = [], [], [], 0
    cut = judge.settings.threshold if threshold is None else threshold
    for it in items:
        judged = judge.judge(it.question, it.passages, cut, it.unwritten)
        scores.append(judged.score)
        pred.append(judged.answerable)
        named += bool(judged.unknown_names)
        labels.append(it.answerable)
    ms = (time.perf_counter() - t) * 1000 / max(1, len(items))
    answerable = [p for p, y in zip(pred, labels, strict=True) if y]
    out: dict[str, Any] = {
        "items": len(items),
        "answerable": sum(labels),
        "threshold": cut,
        "wrongly_abstained": round(1 - sum(answerable) / len(answerable), 4) if answerable else None,
        "unknown_names": named,
        "ms_per_item": round(ms, 2),
    }
    if 0 < sum(labels) < len(labels):
        out["balanced_accuracy"] = round(balanced_accuracy(labels, pred), 4)
        out["model_balanced_accuracy"] = round(balanced_accuracy(labels, [s >= cut for s in scores]), 4)
        a = auroc(labels, scores)
        out["auroc"] = round(a, 4) if a is not None else None
    return out
