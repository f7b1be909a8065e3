"""Train the answerability model: `python -m training.answerability [--datasets DIR] [--out FILE]`.

The same cross-encoder recipe as the support model (`training.trainer`), over (question, passage window)
pairs: does this passage answer this question? Sources:
- SQuAD 2.0, the training half of the articles (`training.public.squad_train_titles`): each answerable
  question with its paragraph (yes), each unanswerable one with its paragraph (no: written to look
  answerable from it), and an answerable question with another paragraph of its article (no).
- The hand-written help centres (`training/data/helpcentre`): questions customers might ask, answered
  by the product's articles or near misses they do not answer (features, plans, conditions, figures
  never stated), each judged against the article nearest to it; and the help-centre claims written as
  answers (a supported answer means its question is answered; an "unstated" one that it is not).
COVID-QA questions are never read here: they measure retrieval and answerability.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.grounding.crossencoder import ANSWER_ADAPTER
from training.examples import Example, dedupe
from training.public import _sentence_spans, squad_articles, squad_train_titles
from training.synthetic import _article_sentences
from training.trainer import SEED, TrainConfig, add_arguments, from_arguments, train

HELPCENTRE = Path(__file__).resolve().parent / "data" / "helpcentre"
CAPS = {"squad2": 6000, "helpcentre-questions": 3000, "helpcentre-claims": 600}
CONFIG = TrainConfig(out=ANSWER_ADAPTER, caps=CAPS, epochs=2.0, budget=112, max_length=160)


def squad(root: Path, rng: random.Random) -> Iterator[Example]:
    articles = squad_articles(root)
    keep = squad_train_titles([a["title"] for a in articles])
    for art in articles:
        if art["title"] not in keep:
            continue
        paragraphs = [tuple(t for _, _, t in _sentence_spans(p["context"])) for p in art["paragraphs"]]
        for k, para in enumerate(art["paragraphs"]):
            group = f"{art['title']}:{k}"
            for qa in para["qas"]:
                label = 0 if qa["is_impossible"] else 1
                yield Example(qa["question"], paragraphs[k], label, "squad2", group, heading=art["title"])
                others = [j for j in range(len(paragraphs)) if j != k]
                if label and others and rng.random() < 0.5:
                    j = rng.choice(others)
                    yield Example(qa["question"], paragraphs[j], 0, "squad2", group, heading=art["title"], kind="other")


def helpcentre_questions(folder: Path) -> Iterator[Example]:
    """questions.jsonl: each question against its article (for a near miss: the closest article)."""
    file = folder / "questions.jsonl"
    if not file.is_file():
        return
    articles = _articles(folder)
    for line in file.open(encoding="utf-8"):
        q = json.loads(line)
        ids = [e["article_id"] for e in q.get("evidence") or []] or [q["article_id"]]
        for aid in dict.fromkeys(ids):
            title, sents = articles[aid]
            yield Example(
                q["question"], sents, int(q["label"]), "helpcentre-questions", aid, heading=title, kind=q["kind"]
            )


def helpcentre_claims(folder: Path) -> Iterator[Example]:
    """Claims written as answers: a supported one means the article answers its question; an unstated one
    means it does not (a wrong answer says nothing about whether the question is answerable)."""
    articles = _articles(folder)
    for line in (folder / "claims.jsonl").open(encoding="utf-8"):
        c = json.loads(line)
        if not c.get("question") or (c["label"] == 0 and c["kind"] != "unstated"):
            continue
        title, sents = articles[c["article_id"]]
        yield Example(c["question"], sents, int(c["label"]), "helpcentre-claims", c["article_id"], heading=title)


def _articles(folder: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    out = {}
    for line in (folder / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        out[a["article_id"]] = (a["title"], tuple(_article_sentences(a["text"])))
    return out


def load_examples(datasets: Path, helpcentre: Path, rng: random.Random) -> dict[str, list[Example]]:
    sources = {
        "squad2": list(squad(datasets, rng)),
        "helpcentre-questions": list(helpcentre_questions(helpcentre)),
        "helpcentre-claims": list(helpcentre_claims(helpcentre)),
    }
    return {k: dedupe(v) for k, v in sources.items() if v}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.answerability", description=__doc__.split("\n\n")[0])
    add_arguments(ap, CONFIG)
    ap.add_argument("--helpcentre", type=Path, default=HELPCENTRE)
    args = ap.parse_args(argv)
    rng = random.Random(SEED)
    examples = load_examples(args.datasets, args.helpcentre, rng)
    if args.limit:
        examples = {k: rng.sample(v, min(args.limit, len(v))) for k, v in examples.items()}
    train(examples, from_arguments(args, CONFIG), args.threads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
