"""The verifier's training examples (offline; the service never imports this module).

(a) Pairs made by perturbing grounded sentences of the demo knowledge base (`corpus/`, Markdown with
    front matter stripped, and HTML) and of COVID-QA articles, the FactCC recipe: the untouched
    sentence (and trimmed, merged or reworded variants) is supported; a swapped number, name, date or
    quantity word, an inserted negation, an added clause from another document, or a sentence whose
    passage was not retrieved is not.
(b) The declared *train* splits of the public sets: the first half of each (HaluEval-QA lines 1-250,
    FaithBench batches 1-4), claims labelled by the annotators' "Unwanted" spans. The test splits are
    never read here.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.grounding.claims import Segment, parse_answer
from app.grounding.facts import analyze
from app.grounding.perturb import PERTURBATIONS, paraphrase, supported_variant, value_pools
from app.grounding.verifier import passages_from_text
from app.retrieval.passages import Passage

SEED = 13
REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"
PER_PASSAGE = 4


@dataclass(frozen=True, slots=True)
class Example:
    answer: str
    passages: Sequence[Passage]
    hallucinated: bool
    source: str  # corpus | covidqa | halueval | faithbench
    group: str  # document or item id: cross-validation folds never split a group
    question: str | None = None
    bad_spans: tuple[tuple[int, int], ...] = ()  # answer spans known to be unsupported

    def claim_labels(self) -> Iterator[tuple[Segment, bool]]:
        """(claim, supported) per claim; with spans only the claims they touch are unsupported."""
        for c in parse_answer(self.answer, len(self.passages)).claims:
            bad = any(s < c.end and e > c.start for s, e in self.bad_spans) if self.bad_spans else self.hallucinated
            yield c, not bad


# ---------------------------------------------------------------- source documents
@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    sentences: list[str]
    asks: list[str | None]  # per sentence, a question it answers: a real one (COVID-QA) or its heading


def read_documents(corpus: Path, datasets: Path, covid_articles: int, rng: random.Random) -> list[Doc]:
    """The knowledge base's grounded sentences, then a sample of COVID-QA articles."""
    docs = []
    for path in sorted(corpus.rglob("*")) if corpus.is_dir() else []:
        if path.suffix not in (".md", ".html") or "_build" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".md":
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        else:
            from bs4 import BeautifulSoup

            text = BeautifulSoup(text, "html.parser").get_text("\n")
        docs.append(_doc(f"corpus:{path.relative_to(corpus)}", text, {}))
    covid = datasets / "covidqa" / "covidqa_dev.json"
    if covid.is_file() and covid_articles:
        articles = json.loads(covid.read_text(encoding="utf-8"))["data"]
        for art in rng.sample(articles, min(covid_articles, len(articles))):
            para = art["paragraphs"][0]
            context = para["context"]
            start = max(context.find("Abstract:"), 0)
            asks = {a["answer_start"] - start: q["question"] for q in para["qas"] for a in q["answers"]}
            doc = _doc(f"covidqa:{para.get('document_id', len(docs))}", context[start:], asks)
            docs.append(Doc(doc.id, doc.sentences[:40], doc.asks[:40]))
    return [d for d in docs if len(d.sentences) >= 4]


def _doc(doc_id: str, text: str, asks_at: dict[int, str]) -> Doc:
    sentences: list[str] = []
    asks: list[str | None] = []
    heading: str | None = None
    for seg in parse_answer(text).segments:
        if seg.kind == "heading":
            heading = seg.clean
        elif seg.is_claim and 5 <= len(seg.clean.split()) <= 60 and seg.clean[-1:] in ".!":
            sentences.append(seg.clean)
            asked = [q for at, q in asks_at.items() if seg.start <= at < seg.end]
            asks.append(asked[0] if asked else heading)
    return Doc(doc_id, sentences, asks)


def synthetic_examples(docs: list[Doc], rng: random.Random, per_doc: int) -> list[Example]:
    """For sampled sentences: the sentence and a grounded variant (supported), its perturbations
    (unsupported), and the sentence against passages that lack it. Half are judged with a question."""
    all_sents = [(d.id, s) for d in docs for s in d.sentences]
    out: list[Example] = []
    for doc in docs:
        sents, src = doc.sentences, _src(doc.id)
        spans, pos = [], 0
        for s in sents:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        passages = passages_from_text("\n".join(sents), doc.id, PER_PASSAGE, spans)
        pools = {
            **value_pools(sents),
            "clause": [s for d, s in rng.sample(all_sents, min(200, len(all_sents))) if d != doc.id],
        }
        for i in sorted(rng.sample(range(len(sents)), min(per_doc, len(sents)))):
            s, k = sents[i], i // PER_PASSAGE
            near = _nearby(passages, k, rng)
            q = doc.asks[i] if rng.random() < 0.5 else None
            nxt = sents[i + 1] if i + 1 < len(sents) and (i + 1) // PER_PASSAGE == k else None
            out.append(Example(s, near, False, src, doc.id, q))
            out.append(Example(supported_variant(s, rng, nxt), near, False, src, doc.id, q))
            reworded = paraphrase(s, rng)
            if reworded:
                out.append(Example(reworded, near, False, src, doc.id, q))
            for kind, perturb in PERTURBATIONS.items():
                # Perturb the reworded sentence half of the time, so rewording is no sign of support.
                base = reworded if reworded and rng.random() < 0.5 else s
                made = perturb(base, rng, pools.get(kind, [])) if rng.random() < 0.6 else None
                if made:
                    out.append(Example(made[0], near, True, src, doc.id, q, bad_spans=(made[1],)))
            others = [p for j, p in enumerate(passages) if j != k]
            if others and _unsupported_without(s, others):
                out.append(Example(s, rng.sample(others, min(3, len(others))), True, src, doc.id, q))
    return out


def _src(doc_id: str) -> str:
    return doc_id.split(":", 1)[0]


def _nearby(passages: list[Passage], k: int, rng: random.Random) -> list[Passage]:
    """The passage holding the sentence plus up to two others of the document, in shuffled order."""
    others = [p for j, p in enumerate(passages) if j != k]
    chosen = [passages[k], *rng.sample(others, min(2, len(others)))]
    rng.shuffle(chosen)
    return chosen


def _unsupported_without(s: str, passages: Sequence[Passage]) -> bool:
    """Is the sentence verifiably absent from these passages (a number or name of it missing)?"""
    f = analyze(s)
    ev = analyze(" ".join(p.text for p in passages))
    return bool(f.numbers - ev.numbers) or bool(f.entities - ev.bag)


# ---------------------------------------------------------------- public train splits
def public_examples(datasets: Path) -> list[Example]:
    from evals.detector.datasets import DatasetMissing, load, to_passages

    out: list[Example] = []
    for name, source in (("halueval-qa", "halueval"), ("faithbench", "faithbench")):
        try:
            items = load(name, datasets, "train")
        except DatasetMissing:
            continue
        for it in items:
            out.append(
                Example(
                    it.answer,
                    to_passages(it.source),
                    it.hallucinated,
                    source,
                    it.id.rsplit("-", 1)[0] if source == "halueval" else it.id,  # a line's two answers
                    it.question,
                    it.spans,
                )
            )
    return out
