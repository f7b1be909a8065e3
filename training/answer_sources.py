"""Question–passage examples for the answerability model, from public data with answer spans.

Each source gives, for a question, the passage that answers it (yes) and passages of the same article
or topic that do not (no), so that the model learns "this passage states the answer", not "this
passage is about the same thing":
- the answer's own passage with the sentences that hold the answer taken out (`kind="answer-removed"`):
  the rest shares the question's subject and words, and no longer answers it;
- the other passage of the article that shares the most words with the question (`kind="other"`), the
  one a lexical retriever would rank first among the wrong ones;
- SQuAD 2.0's unanswerable questions with the paragraph they were written against (`kind="impossible"`).

Splits: SQuAD by article (`public.squad_train_titles`), COVID-QA by article (`covidqa_train_articles`:
the held-out articles are those `tether eval answerability` and `tether eval retrieval` read), HaluEval
the first half of the lines (the second is the detector's test split).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from app.grounding.facts import analyze
from training.examples import Example
from training.public import _sentence_spans, _sentences, squad_articles, squad_train_titles

MIN_LEFT = 2  # an answer-removed passage keeps at least this many sentences, or it is not made
BLOCK_CHARS = 1500  # a COVID-QA passage: at most this much of a blank-line paragraph


def squad(root: Path) -> Iterator[Example]:
    articles = squad_articles(root)
    keep = squad_train_titles([a["title"] for a in articles])
    for art in articles:
        if art["title"] not in keep:
            continue
        contexts = [p["context"] for p in art["paragraphs"]]
        paragraphs = [tuple(_sentences(c)) for c in contexts]
        for k, para in enumerate(art["paragraphs"]):
            group, title = f"{art['title']}:{k}", art["title"]
            for qa in para["qas"]:
                q = qa["question"]
                if qa["is_impossible"]:
                    yield Example(q, paragraphs[k], 0, "squad2", group, heading=title, kind="impossible")
                    continue
                yield Example(q, paragraphs[k], 1, "squad2", group, heading=title)
                spans = [(a["answer_start"], a["text"]) for a in qa["answers"]]
                left = without_answer(contexts[k], spans)
                if left is not None:
                    yield Example(q, left, 0, "squad2", group, heading=title, kind="answer-removed")
                j = closest_other(q, contexts, [k], [t for _, t in spans])
                if j is not None:
                    yield Example(q, paragraphs[j], 0, "squad2", group, heading=title, kind="other")


def covidqa_train_articles(articles: Sequence[dict[str, Any]]) -> range:
    """Indices of the COVID-QA articles training may read: all but those holding the first half of the
    questions in file order (`evals.answerability.covidqa_heldout_articles`, the same rule)."""
    counts = [sum(len(p["qas"]) for p in art["paragraphs"]) for art in articles]
    half, seen = sum(counts) / 2, 0
    for i, n in enumerate(counts):
        seen += n
        if seen >= half:
            return range(i + 1, len(counts))
    return range(len(counts), len(counts))


def covidqa(root: Path) -> Iterator[Example]:
    data = json.loads((root / "covidqa/covidqa_dev.json").read_text(encoding="utf-8"))["data"]
    for i in covidqa_train_articles(data):
        for para in data[i]["paragraphs"]:
            context = para["context"]
            blocks = paragraph_blocks(context)
            for qa in para["qas"]:
                if not qa.get("answers"):
                    continue
                start, text = int(qa["answers"][0]["answer_start"]), qa["answers"][0]["text"]
                own = next((b for b in range(len(blocks)) if blocks[b][0] <= start < blocks[b][1]), None)
                if own is None:
                    continue
                lo, hi = blocks[own]
                q, group = qa["question"], f"covidqa:{i}"
                yield Example(q, tuple(_sentences(context[lo:hi])), 1, "covidqa", group)
                left = without_answer(context[lo:hi], [(start - lo, text)])
                if left is not None:
                    yield Example(q, left, 0, "covidqa", group, kind="answer-removed")
                texts = [context[a:b] for a, b in blocks]
                j = closest_other(q, texts, [own], [text])
                if j is not None:
                    yield Example(q, tuple(_sentences(texts[j])), 0, "covidqa", group, kind="other")


def halueval(root: Path) -> Iterator[Example]:
    """HaluEval-QA's question with its knowledge (yes), and with the knowledge less the sentences that
    hold the right answer (no) when something is left."""
    lines = (root / "halueval_qa/qa_one_turn.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines[: len(lines) // 2]):
        row = json.loads(line)
        knowledge = re.sub(r"\.(?=[A-Z])", ". ", row["knowledge"])  # the file glues its sentences
        group = f"h{i}"
        yield Example(row["question"], tuple(_sentences(knowledge)), 1, "halueval-questions", group)
        # A yes/no answer names no sentence; another must sit in the text as whole words.
        match = re.search(rf"\b{re.escape(row['right_answer'].lower())}\b", knowledge.lower())
        if match and row["right_answer"].lower().strip(". ") not in ("yes", "no"):
            found = match.start()
            left = without_answer(knowledge, [(found, row["right_answer"])], min_left=1)
            if left is not None:
                yield Example(row["question"], left, 0, "halueval-questions", group, kind="answer-removed")


def without_answer(text: str, answers: Sequence[tuple[int, str]], min_left: int = MIN_LEFT) -> tuple[str, ...] | None:
    """The sentences of `text` less every one that holds an answer (at its offset, or its words anywhere),
    or None when fewer than `min_left` would remain."""
    spans = _sentence_spans(text)
    needles = [_words(t) for _, t in answers if _words(t)]
    drop = set()
    for n, (s, e, sent) in enumerate(spans):
        words = f" {_words(sent)} "
        if any(s <= a < e or a <= s < a + len(t) for a, t in answers) or any(f" {w} " in words for w in needles):
            drop.add(n)
    left = tuple(t for n, (_, _, t) in enumerate(spans) if n not in drop)
    return left if drop and len(left) >= min_left else None


def closest_other(question: str, texts: Sequence[str], exclude: Sequence[int], answers: Sequence[str]) -> int | None:
    """The text sharing the most content words with the question, among those that are not excluded and
    do not hold an answer's words."""
    qbag = analyze(question).bag
    needles = [f" {_words(a)} " for a in answers if _words(a)]
    best, best_overlap = None, 0
    for j, t in enumerate(texts):
        if j in exclude or any(n in f" {_words(t)} " for n in needles):
            continue
        overlap = len(qbag & analyze(t).bag)
        if overlap > best_overlap:
            best, best_overlap = j, overlap
    return best


def paragraph_blocks(text: str, limit: int = BLOCK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of the blank-line paragraphs of `text`, each cut into pieces of at most `limit`
    characters at sentence ends (or hard, for a sentence longer than that)."""
    out: list[tuple[int, int]] = []
    starts = [0, *(m.end() for m in re.finditer(r"\n\s*\n", text))]
    ends = [m.start() for m in re.finditer(r"\n\s*\n", text)] + [len(text)]
    for lo, hi in zip(starts, ends, strict=True):
        if not text[lo:hi].strip():
            continue
        piece = lo
        for s, e, _ in _sentence_spans(text[lo:hi]):
            if lo + e - piece > limit and lo + s > piece:
                out.append((piece, lo + s))
                piece = lo + s
        while hi - piece > limit:
            out.append((piece, piece + limit))
            piece += limit
        out.append((piece, hi))
    return out


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
