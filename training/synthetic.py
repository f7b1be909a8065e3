"""Generated training pairs in the service's own domain (the FactCC and MiniCheck recipes).

Two kinds of source text, neither of them the demo knowledge base (`corpus/`, which the eval suite is
written against) nor documentation shipped with installed tools:
- `helpcentre`: help centres of invented products written by hand for this project, each article with
  claims labelled against it (faithful paraphrases, inferences, claims needing the heading, and minimal
  edits: a number, plan, condition, relation, negation or quantifier changed, or a fact never stated).
- `covid-faq` / `covid-articles`: sentences of the COVID-QA FAQ answers and articles, perturbed by rule
  (`training.perturb`): the sentence itself, a reworded, trimmed, merged or respelled variant are
  supported; a swapped figure, name, date, quantity word or antonym, a flipped negation, an added clause
  from another document, or the sentence judged against a window that does not hold it, are not.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from training.examples import Example
from training.perturb import IN_PASSAGE, PERTURBATIONS, paraphrase, supported_variant, value_pools
from training.public import _sentences


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    sentences: list[str]
    heading: str | None
    source: str


def helpcentre(folder: Path, source: str = "helpcentre") -> Iterator[Example]:
    """The hand-written help centres: `articles.jsonl` + `claims.jsonl` (see that folder's README)."""
    articles = {}
    for line in (folder / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        articles[a["article_id"]] = a
    for line in (folder / "claims.jsonl").open(encoding="utf-8"):
        c = json.loads(line)
        art = articles[c["article_id"]]
        yield Example(
            claim=c["claim"],
            evidence=tuple(_article_sentences(art["text"])),
            label=int(c["label"]),
            source=source,
            group=c["article_id"],
            question=c.get("question") or None,
            heading=art["title"],
            kind=c.get("kind", ""),
        )


def evidence_removed(folder: Path, source: str = "helpcentre") -> Iterator[Example]:
    """Each supported help-centre claim judged against its article with the sentences that state it taken
    out: unsupported. The rest of the article shares the claim's product, plan and vocabulary, so this
    teaches that talking about the same thing is not saying the same thing. A claim whose evidence cannot
    be found among the article's sentences is skipped rather than guessed."""
    articles = {}
    for line in (folder / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        articles[a["article_id"]] = a
    for line in (folder / "claims.jsonl").open(encoding="utf-8"):
        c = json.loads(line)
        gold = [_norm(e) for e in c.get("evidence") or [] if e.strip()]
        if int(c["label"]) != 1 or not gold:
            continue
        art = articles[c["article_id"]]
        sentences = _article_sentences(art["text"])
        keep = [s for s in sentences if not any(g in _norm(s) or _norm(s) in g for g in gold)]
        if len(keep) == len(sentences) or len(keep) < 3:
            continue
        yield Example(
            claim=c["claim"],
            evidence=tuple(keep),
            label=0,
            source=source,
            group=c["article_id"],
            question=c.get("question") or None,
            heading=art["title"],
            kind="evidence_removed",
        )


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def multisentence(file: Path, rng: random.Random) -> Iterator[Example]:
    """Claims whose support is spread over two or three sentences (the MiniCheck recipe): supported by
    the whole passage; unsupported by the same passage with one needed sentence taken out; and a
    minimal edit of the claim, unsupported by the whole passage."""
    for line in file.open(encoding="utf-8"):
        item = json.loads(line)
        passage = tuple(item["passage"])
        for c in item["claims"]:
            yield Example(c["claim"], passage, 1, "multisentence", item["item_id"], kind="combine")
            gone = rng.choice(c["needs"])
            rest = tuple(s for i, s in enumerate(passage) if i != gone)
            yield Example(c["claim"], rest, 0, "multisentence", item["item_id"], kind="sentence-removed")
            yield Example(c["wrong"], passage, 0, "multisentence", item["item_id"], kind=c.get("edit", "edit"))


def covid_faq_claims(file: Path, root: Path) -> Iterator[Example]:
    """Hand-written claims about the COVID-QA FAQ answers, each judged against its answer alone."""
    with (root / "covidqa/faq_covidbert.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for line in file.open(encoding="utf-8"):
        c = json.loads(line)
        row = rows[c["faq_row"]]
        sents = tuple(_sentences(re.sub(r"\s+", " ", row["answer"])))
        yield Example(
            c["claim"],
            sents,
            int(c["label"]),
            "covid-faq-claims",
            f"faq{c['faq_row']}",
            question=c.get("question") or None,
            heading=row["question"],
            kind=c.get("kind", ""),
        )


def _article_sentences(markdown: str) -> list[str]:
    """An article's sentences, list items and table rows, Markdown marks dropped, each heading kept as a
    sentence of its own (the window selection decides what a claim is judged against)."""
    out: list[str] = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"\|?[\s:|-]+\|?", line):
            continue
        line = re.sub(r"^(#+|[-*+]|\d+[.)])\s+", "", line)
        line = line.strip("|").replace(" | ", ", ").replace("|", ", ")
        line = re.sub(r"[*_`]+", "", line).strip()
        out.extend(_sentences(line) if len(line) > 0 else [])
    return out


def covid_docs(root: Path, n_articles: int, rng: random.Random) -> list[Doc]:
    """FAQ answers (each under its question) and a sample of COVID-QA article paragraphs."""
    docs = []
    with (root / "covidqa/faq_covidbert.csv").open(encoding="utf-8") as f:
        for k, row in enumerate(csv.DictReader(f)):
            sents = [s for s in _sentences(re.sub(r"\s+", " ", row["answer"])) if 4 <= len(s.split()) <= 60]
            if sents:
                docs.append(Doc(f"faq{k}", sents, row["question"], "covid-faq"))
    data = json.loads((root / "covidqa/covidqa_dev.json").read_text(encoding="utf-8"))["data"]
    for art in rng.sample(data, min(n_articles, len(data))):
        text = art["paragraphs"][0]["context"]
        for p, para in enumerate(re.split(r"\n\s*\n", text)):
            sents = [s for s in _sentences(re.sub(r"\s+", " ", para)) if 5 <= len(s.split()) <= 60]
            if len(sents) >= 3:
                docs.append(
                    Doc(f"{(art['title'] or art['paragraphs'][0]['document_id'])}:{p}", sents, None, "covid-articles")
                )
    return docs


def _split(text: str) -> list[str]:
    return text.split()


_ANTONYMS = {
    pair.split(":")[0].replace("_", " "): pair.split(":")[1].replace("_", " ")
    for pair in _split(
        """increase:decrease increases:decreases increased:decreased higher:lower lower:higher more:fewer
        enable:disable enabled:disabled include:exclude includes:excludes included:excluded allow:block
        allowed:prohibited public:private before:after after:before early:late earlier:later first:last
        positive:negative automatically:manually available:unavailable required:optional optional:required
        monthly:annually annually:monthly daily:weekly weekly:monthly free:paid paid:free inside:outside
        upload:download download:upload approve:reject accepted:rejected start:stop add:remove added:removed
        safe:unsafe effective:ineffective common:rare likely:unlikely always:rarely reduce:raise"""
    )
}


def swap_antonym(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    hits = [(m, k) for k in _ANTONYMS for m in re.finditer(rf"\b{re.escape(k)}\b", s)]
    if not hits:
        return None
    m, k = rng.choice(hits)
    return s[: m.start()] + _ANTONYMS[k] + s[m.end() :], (m.start(), m.start() + len(_ANTONYMS[k]))


_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def respell(s: str, rng: random.Random) -> str | None:
    """The same facts in other spellings: small figures as words, days as weeks, hours as days."""
    options = []
    for m in re.finditer(r"\b(\d{1,2})\b(?![.,:]\d)", s):
        if int(m[1]) < len(_SMALL):
            options.append((m.start(), m.end(), _SMALL[int(m[1])]))
    for m in re.finditer(r"\b(\d+) days\b", s):
        if int(m[1]) % 7 == 0 and int(m[1]) <= 56:
            weeks = int(m[1]) // 7
            options.append((m.start(), m.end(), f"{_SMALL[weeks] if weeks < 13 else weeks} week{'s' * (weeks > 1)}"))
    for m in re.finditer(r"\b(\d+) hours\b", s):
        if int(m[1]) % 24 == 0:
            days = int(m[1]) // 24
            options.append((m.start(), m.end(), f"{days} day{'s' * (days > 1)}"))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return s[:start] + new + s[end:]


_NEGATIVES = {**PERTURBATIONS, "antonym": swap_antonym}
# Edits that keep every word inside the passage (values traded within a sentence or taken from another
# sentence of it, polarity, quantity words, conditions): the hardest negatives for a word-matching reader.
HARD_NEGATIVES = {**IN_PASSAGE, "antonym": swap_antonym}


def perturbed(
    docs: Sequence[Doc], rng: random.Random, per_doc: int, negatives: dict[str, Callable[..., Any]] | None = None
) -> Iterator[Example]:
    """Up to `per_doc` sentences of each document, each giving one supported and one unsupported pair
    (an edit drawn from `negatives`, by default every perturbation)."""
    edits: dict[str, Callable[..., Any]] = negatives or _NEGATIVES
    everything = [s for d in docs for s in d.sentences]
    for doc in docs:
        pools = value_pools(doc.sentences)
        picks = rng.sample(range(len(doc.sentences)), min(per_doc, len(doc.sentences)))
        for k in picks:
            s = doc.sentences[k]
            window = _window(doc.sentences, k, rng)
            nxt = doc.sentences[k + 1] if k + 1 < len(doc.sentences) else None
            kind, pos = _supported(s, nxt, rng)
            if kind == "merged" and nxt is not None and nxt not in window:
                window = (*window, nxt)
            yield Example(pos, window, 1, doc.source, doc.id, heading=doc.heading, kind=kind)
            neg = _unsupported(doc, k, pos if rng.random() < 0.4 else s, window, pools, everything, rng, edits)
            if neg is not None:
                yield neg


def _window(sentences: list[str], k: int, rng: random.Random) -> tuple[str, ...]:
    lo = max(0, k - rng.randint(0, 2))
    hi = min(len(sentences), k + 1 + rng.randint(0, 2))
    return tuple(sentences[lo:hi])


def _supported(s: str, nxt: str | None, rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    if r < 0.15:
        return "verbatim", s
    if r < 0.45:
        return "reworded", paraphrase(s, rng) or supported_variant(s, rng, nxt)
    if r < 0.6:
        return "respelled", respell(s, rng) or paraphrase(s, rng) or s
    variant = supported_variant(s, rng, nxt)
    return ("merged" if nxt and variant.endswith(nxt[1:]) else "trimmed"), variant


def _unsupported(
    doc: Doc,
    k: int,
    s: str,
    window: tuple[str, ...],
    pools: dict[str, list[str]],
    everything: list[str],
    rng: random.Random,
    negatives: dict[str, Callable[..., Any]],
) -> Example | None:
    if rng.random() < 0.2 and len(doc.sentences) >= 6:  # the sentence, where its own text is not
        far = [i for i in range(len(doc.sentences)) if abs(i - k) > 2]
        start = rng.choice(far)
        other = tuple(doc.sentences[i] for i in range(start, min(start + 3, len(doc.sentences))) if abs(i - k) > 1)
        if other:
            return Example(s, other, 0, doc.source, doc.id, heading=doc.heading, kind="elsewhere")
    for name in rng.sample(list(negatives), len(negatives)):
        if name == "from-passage":
            pool = pools["number"] + pools["name"]
        else:
            pool = pools.get(name, []) if name in ("number", "name") else [x for x in rng.sample(everything, 20)]
        out = negatives[name](s, rng, pool)
        if out is not None and out[0] != s and out[0] not in window:
            return Example(out[0], window, 0, doc.source, doc.id, heading=doc.heading, kind=name)
    return None


def helpcentre_docs(folder: Path, source: str = "helpcentre-edits") -> list[Doc]:
    """The hand-written help-centre articles as documents, one per section (a section's sentences are
    what a retrieved passage holds), for rule-made edits."""
    docs = []
    for line in (folder / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        for k, section in enumerate(re.split(r"\n(?=## )", a["text"])):
            title = re.match(r"#+\s+(.+)", section)
            sents = [x for x in _article_sentences(section) if len(x.split()) >= 4 and not x.startswith("#")]
            heading = f"{a['title']} > {title[1]}" if title and k else a["title"]
            if len(sents) >= 2:
                docs.append(Doc(f"{a['article_id']}:{k}", sents, heading, source))
    return docs


def with_distractors(examples: Sequence[Example], rng: random.Random, share: float) -> list[Example]:
    """A `share` of the one-sentence examples read inside a window: one or two sentences of other items
    of the same source around the evidence, as the verifier's windows put unrelated sentences next to
    the one that decides. The label stays: the added sentences are about something else."""
    pool: dict[str, list[tuple[str, str]]] = {}
    for ex in examples:
        pool.setdefault(ex.source, []).extend((ex.group, e) for e in ex.evidence)
    out = []
    for ex in examples:
        others = pool[ex.source]
        if len(ex.evidence) == 1 and len(others) > 50 and rng.random() < share:
            picks = [e for g, e in rng.sample(others, 6) if g != ex.group][: rng.randint(1, 2)]
            where = rng.randint(0, len(picks))
            if picks:
                evidence = (*picks[:where], ex.evidence[0], *picks[where:])
                ex = replace(ex, evidence=evidence, kind=ex.kind + "+distractors")
        out.append(ex)
    return out
