"""Readers for the public, human-labelled training sources (../shared/datasets), each turned into
`Example`s with the label "does the evidence support the claim?".

Only training splits are read here. Held out, never read by training: SICK test, RTE dev, WiCE dev,
COVID-Fact dev, SciFact dev, MRPC test, STS-B dev/test, the second halves of HaluEval-QA and FaithBench,
and the SQuAD 2.0 articles of the test half (see `squad_train_titles`). `tether eval detector` reports on
those. Licences are recorded in docs/verifier.md.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from training.examples import Example

csv.field_size_limit(10_000_000)


def _tsv(path: Path, header: bool = True) -> Iterator[dict[str, str] | list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = (
            csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            if header
            else csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        )
        yield from reader


def sick(root: Path) -> Iterator[Example]:
    """SICK train + trial: ENTAILMENT is support; NEUTRAL and CONTRADICTION are not."""
    for name in ("SICK_train.txt", "SICK_trial.txt"):
        for row in _tsv(root / "verification/nli/sick" / name):
            assert isinstance(row, dict)
            yield Example(
                claim=row["sentence_B"],
                evidence=(row["sentence_A"],),
                label=int(row["entailment_judgment"] == "ENTAILMENT"),
                source="sick",
                group=row["sentence_A"][:40],
                kind=row["entailment_judgment"].lower(),
            )


def med(root: Path) -> Iterator[Example]:
    """MED: monotonicity entailment (downward contexts, negation, quantifiers)."""
    for row in _tsv(root / "verification/nli/med/MED.tsv"):
        assert isinstance(row, dict)
        if row["gold_label"] not in ("entailment", "neutral"):
            continue
        yield Example(
            claim=row["sentence2"],
            evidence=(row["sentence1"],),
            label=int(row["gold_label"] == "entailment"),
            source="med",
            group=row["sentence1"][:40],
            kind=row["genre"].split(":")[-1],
        )


def breaking_nli(root: Path) -> Iterator[Example]:
    """Breaking NLI: one-word swaps (antonyms, numbers, nationalities...); mostly contradictions."""
    with zipfile.ZipFile(root / "verification/nli/breaking_nli/breaking_nli_dataset.zip") as z:
        text = z.read("data/dataset.jsonl").decode("utf-8")
    for line in text.splitlines():
        row = json.loads(line)
        yield Example(
            claim=row["sentence2"],
            evidence=(row["sentence1"],),
            label=int(row["gold_label"] == "entailment"),
            source="breaking-nli",
            group=row["sentence1"][:40],
            kind=row["category"],
        )


def rte(root: Path) -> Iterator[Example]:
    """GLUE RTE train (train.tsv + val.tsv, the official train set); dev.tsv is held out."""
    for k, row in enumerate(_tsv(root / "verification/nli/rte/train.tsv")):
        assert isinstance(row, dict)
        yield _rte_example(row["sentence1"], row["sentence2"], row["label"], f"t{k}")
    for row in _tsv(root / "verification/nli/rte/val.tsv", header=False):
        assert isinstance(row, list)
        if len(row) >= 4:
            yield _rte_example(row[1], row[2], row[3], f"v{row[0]}")


def _rte_example(premise: str, hypothesis: str, label: str, group: str) -> Example:
    return Example(hypothesis, (premise,), int(label == "entailment"), "rte", group)


def climate_fever(root: Path) -> Iterator[Example]:
    """Climate-FEVER evidence sentences the annotators agreed on (entropy 0): SUPPORTS vs REFUTES and
    NOT_ENOUGH_INFO, each sentence judged alone, grouped by claim."""
    for line in (root / "verification/evidence/climate_fever/climate-fever.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        for ev in row["evidences"]:
            if ev["entropy"] != 0:
                continue
            yield Example(
                claim=row["claim"],
                evidence=(ev["evidence"],),
                label=int(ev["evidence_label"] == "SUPPORTS"),
                source="climate-fever",
                group=row["claim_id"],
                heading=ev["article"],
                kind=ev["evidence_label"].lower(),
            )


def healthver(root: Path) -> Iterator[Example]:
    for row in csv.DictReader((root / "verification/evidence/healthver/healthver_dev.csv").open(encoding="utf-8")):
        yield Example(
            claim=row["claim"],
            evidence=tuple(_sentences(row["evidence"])),
            label=int(row["label"] == "Supports"),
            source="healthver",
            group=row["topic_ip"] or row["id"],
            kind=row["label"].lower(),
        )


def rte_style(root: Path, name: str, file: str) -> Iterator[Example]:
    """COVID-Fact and SciFact in RTE form (train files; the dev files are held out)."""
    for k, row in enumerate(_tsv(root / "verification/evidence" / name / file)):
        assert isinstance(row, dict)
        values = list(row.values())
        premise, hypothesis, label = values[1], values[2], values[3]
        yield Example(
            claim=hypothesis,
            evidence=tuple(_sentences(premise)),
            label=int(label == "entailment"),
            source=name,
            group=premise[:60] if name == "covidfact" else f"{k // 4}",
        )


def fool_me_twice(root: Path) -> Iterator[Example]:
    """Fool Me Twice: adversarial claims with their gold evidence (SUPPORTS / REFUTES), plus the same
    claim against retrieved sentences that are not its evidence (does not say: unsupported)."""
    for line in (root / "verification/evidence/fool_me_twice/dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        gold = tuple(e["text"] for e in row["gold_evidence"] if e.get("text"))
        if not gold:
            continue
        page = (row["gold_evidence"][0].get("section_header") or "").split(" | ")[0]
        yield Example(row["text"], gold, int(row["label"] == "SUPPORTS"), "fool-me-twice", row["id"], heading=page)
        others = [e["text"] for e in row.get("retrieved_evidence", []) if e.get("text") and e["text"] not in gold]
        if others:
            yield Example(row["text"], tuple(others[:3]), 0, "fool-me-twice", row["id"], kind="not-evidence")


_FEVER_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":", "``": '"', "''": '"'}


def _fever_text(text: str) -> str:
    for k, v in _FEVER_TOKENS.items():
        text = text.replace(k, v)
    text = re.sub(r"\s+([.,;:!?)\]'])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def fever_symmetric(root: Path) -> Iterator[Example]:
    for name in ("fever_symmetric_full.jsonl", "fever_symmetric_generated.jsonl"):
        for line in (root / "verification/evidence/fever_symmetric" / name).open(encoding="utf-8"):
            row = json.loads(line)
            yield Example(
                claim=_fever_text(row["claim"]),
                evidence=(_fever_text(row["evidence_sentence"]),),
                label=int(row["label"] == "SUPPORTS"),
                source="fever-symmetric",
                group=str(row["id"])[:6],
            )


def begin(root: Path) -> Iterator[Example]:
    """BEGIN: is a dialogue response attributable to its knowledge snippet? (Generic replies skipped.)"""
    for row in _tsv(root / "verification/evidence/begin/begin_wow.tsv"):
        assert isinstance(row, dict)
        if row["begin_label"] == "Generic":
            continue
        yield Example(
            claim=row["response"],
            evidence=(row["knowledge"],),
            label=int(row["begin_label"] == "Fully attributable"),
            source="begin",
            group=row["knowledge"][:60],
        )


def mrpc(root: Path) -> Iterator[Example]:
    """MRPC train + val paraphrase pairs, both directions: a paraphrase supports its twin; a
    non-paraphrase (one side adds or changes a fact) does not."""
    for name in ("msr-para-train.tsv", "msr-para-val.tsv"):
        for row in _tsv(root / "verification/paraphrase/mrpc" / name):
            assert isinstance(row, dict)
            a, b, q = row["#1 String"], row["#2 String"], row["Quality"]
            for claim, ev in ((a, b), (b, a)):
                yield Example(claim, (ev,), int(q == "1"), "mrpc", row["#1 ID"])


def stsb(root: Path) -> Iterator[Example]:
    """STS-B train: near-paraphrases (score >= 4.6) support each other; unrelated pairs (<= 1.0) do not."""
    with (root / "verification/paraphrase/stsb/sts-train.csv").open(encoding="utf-8") as f:
        for k, line in enumerate(f):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            score = float(cols[4])
            if 1.0 < score < 4.6:
                continue
            for claim, ev in ((cols[5], cols[6]), (cols[6], cols[5])):
                yield Example(claim, (ev,), int(score >= 4.6), "stsb", f"{cols[1]}:{k}")


def halueval_train(root: Path) -> Iterator[Example]:
    """HaluEval-QA, the first half of the file's lines (the second half is the reported test split)."""
    lines = (root / "halueval_qa/qa_one_turn.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines[: len(lines) // 2]):
        row = json.loads(line)
        knowledge = tuple(_sentences(row["knowledge"]))
        for key, label in (("right_answer", 1), ("hallucinated_answer", 0)):
            yield Example(row[key], knowledge, label, "halueval", f"h{i}", question=row["question"])


def faithbench_train(root: Path) -> Iterator[Example]:
    """FaithBench, the first half of the batches: each summary sentence is a claim, unsupported where an
    annotator marked an `Unwanted*` span inside it, against its source article."""
    files = sorted((root / "faithbench").glob("batch_*.json"), key=lambda p: int(re.sub(r"\D", "", p.stem)))
    for file in files[: len(files) // 2]:
        for sample in json.loads(file.read_text(encoding="utf-8"))["samples"]:
            spans = [
                (a["summary_start"], a["summary_end"])
                for a in sample.get("annotations", [])
                if any(lab.startswith("Unwanted") for lab in a["label"]) and a.get("summary_start") is not None
            ]
            source = tuple(_sentences(sample["source"]))
            summary = sample["summary"]
            for start, end, text in _sentence_spans(summary):
                bad = any(s < end and e > start for s, e in spans)
                yield Example(text, source, int(not bad), "faithbench", f"{file.stem}:{sample['sample_id']}")


def squad_train_titles(titles: list[str]) -> set[str]:
    """SQuAD 2.0 articles used for training: the first half of the titles in sorted order. The other
    half is held out for measurement (the same rule in evals)."""
    ordered = sorted(set(titles))
    return set(ordered[: len(ordered) // 2])


def squad_articles(root: Path) -> list[dict]:
    data = json.loads((root / "verification/answerability/squad2/dev-v2.0-half.json").read_text(encoding="utf-8"))
    return list(data["data"])


def squad_qa(root: Path) -> Iterator[Example]:
    """Question + answer claims from the training half of SQuAD 2.0, against the paragraph sentences
    (the one holding the answer and its neighbours): the gold answer is supported; a plausible answer to
    an unanswerable question, and another span of the paragraph given as the answer, are not."""
    articles = squad_articles(root)
    keep = squad_train_titles([a["title"] for a in articles])
    for art in articles:
        if art["title"] not in keep:
            continue
        for p_idx, para in enumerate(art["paragraphs"]):
            context = para["context"]
            spans = _sentence_spans(context)
            group = f"{art['title']}:{p_idx}"
            gold = [(qa, qa["answers"][0]) for qa in para["qas"] if not qa["is_impossible"] and qa["answers"]]
            for qa in para["qas"]:
                answers = qa.get("plausible_answers" if qa["is_impossible"] else "answers") or []
                if not answers:
                    continue
                ans = answers[0]
                window = _window_around(spans, ans["answer_start"])
                label = 0 if qa["is_impossible"] else 1
                yield Example(
                    ans["text"], window, label, "squad2-qa", group, question=qa["question"], heading=art["title"]
                )
                if label:  # another question's answer, given as this one's, judged where that answer sits
                    own = {a["text"].lower() for a in qa["answers"]}
                    other = next((a for q, a in gold if q is not qa and a["text"].lower() not in own), None)
                    if other is not None:
                        window = _window_around(spans, other["answer_start"])
                        yield Example(
                            other["text"], window, 0, "squad2-qa", group, qa["question"], art["title"], "other-span"
                        )


def _window_around(spans: list[tuple[int, int, str]], pos: int, radius: int = 1) -> tuple[str, ...]:
    k = next((i for i, (s, e, _) in enumerate(spans) if s <= pos < e), 0)
    return tuple(t for _, _, t in spans[max(0, k - radius) : k + radius + 1])


_SENT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def _sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """Sentences of a plain text with offsets (a light splitter: public data is plain prose)."""
    out = []
    start = 0
    for m in _SENT.finditer(text):
        piece = text[start : m.start()].strip()
        if piece:
            s = text.index(piece, start)
            out.append((s, s + len(piece), piece))
        start = m.end()
    tail = text[start:].strip()
    if tail:
        s = text.index(tail, start)
        out.append((s, s + len(tail), tail))
    return out


def _sentences(text: str) -> list[str]:
    return [t for _, _, t in _sentence_spans(text)]


# Each source's licence, as its distribution states it. "permissive" sources allow commercial use (with
# attribution or share-alike for the texts); the others are non-commercial, research-only or unstated.
LICENCES: dict[str, tuple[str, bool]] = {
    "sick": ("CC BY-NC-SA 3.0", False),
    "med": ("CC BY-SA 4.0", True),
    "breaking-nli": ("CC BY-SA 4.0", True),
    "rte": ("GLUE research terms", False),
    "climate-fever": ("none stated (cite the paper)", False),
    "healthver": ("none stated", False),
    "covidfact": ("none stated", False),
    "scifact": ("CC BY-NC 2.0", False),
    "fool-me-twice": ("Apache-2.0, Wikipedia text CC BY-SA", True),
    "fever-symmetric": ("CC BY-SA 3.0", True),
    "begin": ("CC BY 4.0", True),
    "mrpc": ("Microsoft Research terms", False),
    "stsb": ("per source, see stsb/LICENSE.txt", False),
    "halueval": ("MIT", True),
    "faithbench": ("CC BY-NC-SA 4.0", False),
    "squad2-qa": ("CC BY-SA 4.0", True),
}


def read_all(root: Path, permissive_only: bool = False) -> dict[str, list[Example]]:
    """Every public training source, by name (only those whose licence allows commercial use, if asked)."""
    readers = {
        "sick": sick,
        "med": med,
        "breaking-nli": breaking_nli,
        "rte": rte,
        "climate-fever": climate_fever,
        "healthver": healthver,
        "covidfact": lambda r: rte_style(r, "covidfact", "rte-covidfact-train.tsv"),
        "scifact": lambda r: rte_style(r, "scifact", "rte-scifact-train.tsv"),
        "fool-me-twice": fool_me_twice,
        "fever-symmetric": fever_symmetric,
        "begin": begin,
        "mrpc": mrpc,
        "stsb": stsb,
        "halueval": halueval_train,
        "faithbench": faithbench_train,
        "squad2-qa": squad_qa,
    }
    return {name: list(read(root)) for name, read in readers.items() if LICENCES[name][1] or not permissive_only}
