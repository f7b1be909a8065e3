"""Loaders for the public hallucination-detection sets, with declared train/test splits, and the
conversion of their knowledge/source texts into sentence-bearing `Passage` records.

Splits (declared, so that training never sees a reported item of the shipped files):
- HaluEval-QA: the first half of the file's lines is `train`, the second half `test` (for the
  500-line file: lines 1-250 and 251-500); each line gives a grounded item (right_answer) and a
  hallucinated one (hallucinated_answer).
- FaithBench: the first half of the batch files, by number, is `train`, the rest `test` (for the
  eight batches: 1-4 and 5-8); hallucinated = any annotation label starting with "Unwanted"
  ("Questionable" and "Benign" count as consistent).
Halves rather than fixed counts, so that a file of another size still has a test split. The shipped
verifier was trained on the train halves of the shipped files (HaluEval-QA lines 1-250, FaithBench
batches 1-4): a different file that repeats those items in its second half would report them.

The sets under `verification/` (a claim against its evidence) are read at their held-out split only,
the one training never reads: WiCE dev (supported vs partially or not supported), RTE dev, SICK test
(entailment vs neutral or contradiction), COVID-Fact dev, SciFact dev. `suite-answers` is the default
suite's labelled answers (`evals/suites/default.answers.jsonl`): for every answerable question a
faithful paraphrase and a minimally wrong answer, judged against the passages retrieval gives for the
question (see `evals.detector.suite_answers`). `smollm2-claims` is 100 claims of SmolLM2's answers to
the suite, labelled by hand against the passages they were verified against (`evals/labels/`, see
`evals.detector.labelled_claims`).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.grounding.verifier import passages_from_text
from app.retrieval.passages import Passage

Split = Literal["train", "test", "all"]
DATASETS = (
    "halueval-qa",
    "faithbench",
    "wice",
    "rte",
    "sick",
    "covidfact",
    "scifact",
    "suite-answers",
    "smollm2-claims",
)
# Sets kept in this repository (evals/), read without --path.
LOCAL_SETS = ("suite-answers", "smollm2-claims")
# Sets whose items are one claim against its evidence (no train split of theirs is declared here).
CLAIM_SETS = ("wice", "rte", "sick", "covidfact", "scifact")


class DatasetMissing(FileNotFoundError):
    """The dataset files are not where the caller said."""


@dataclass(frozen=True, slots=True)
class DetectorItem:
    id: str
    source: str
    answer: str
    hallucinated: bool
    question: str | None = None
    # Answer spans that annotators marked "Unwanted*" (FaithBench); used to label claims for training.
    spans: tuple[tuple[int, int], ...] = ()
    # Other detectors' scores on the same item (FaithBench metadata), higher = consistent.
    baselines: dict[str, float] = field(default_factory=dict)
    # The evidence as the dataset cuts it into sentences (WiCE); empty: split `source` here.
    sentences: tuple[str, ...] = ()
    # Retrieved passages to verify against (suite-answers); empty: cut `source` into passages.
    passages: tuple[Passage, ...] = ()


def halueval_file(path: Path) -> Path:
    for candidate in (path, path / "qa_one_turn.jsonl", path / "halueval_qa" / "qa_one_turn.jsonl"):
        if candidate.is_file():
            return candidate
    raise DatasetMissing(f"HaluEval-QA: no qa_one_turn.jsonl at or under {path}")


def faithbench_files(path: Path) -> list[tuple[int, Path]]:
    for folder in (path, path / "faithbench"):
        files = sorted(folder.glob("batch_*.json")) if folder.is_dir() else []
        if files:
            return sorted((int(re.sub(r"\D", "", f.stem)), f) for f in files)
    raise DatasetMissing(f"FaithBench: no batch_*.json in {path} or {path / 'faithbench'}")


def load_halueval_qa(path: Path, split: Split = "test") -> list[DetectorItem]:
    items = []
    lines = halueval_file(path).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not line.strip() or not _in_split(i < len(lines) // 2, split):
            continue
        row = json.loads(line)
        for kind, hallucinated in (("right_answer", False), ("hallucinated_answer", True)):
            items.append(
                DetectorItem(
                    id=f"halueval-{i + 1}-{'h' if hallucinated else 'r'}",
                    source=row["knowledge"],
                    answer=row[kind],
                    question=row["question"],
                    hallucinated=hallucinated,
                )
            )
    return items


def load_faithbench(path: Path, split: Split = "test") -> list[DetectorItem]:
    items = []
    files = faithbench_files(path)
    for k, (batch, file) in enumerate(files):
        if not _in_split(k < len(files) // 2, split):
            continue
        for sample in json.loads(file.read_text(encoding="utf-8"))["samples"]:
            unwanted = [
                a for a in sample.get("annotations", []) if any(lab.startswith("Unwanted") for lab in a["label"])
            ]
            spans = tuple(
                (a["summary_start"], a["summary_end"]) for a in unwanted if a.get("summary_start") is not None
            )
            meta = sample.get("metadata", {})
            baselines = {k: float(meta[k]) for k in ("hhem-2.1", "gpt_4o") if meta.get(k) is not None}
            items.append(
                DetectorItem(
                    id=f"faithbench-{batch}-{sample['sample_id']}",
                    source=sample["source"],
                    answer=sample["summary"],
                    hallucinated=bool(unwanted),
                    spans=spans,
                    baselines=baselines,
                )
            )
    return items


def verification_root(path: Path) -> Path:
    for candidate in (path, path / "verification", path.parent):
        if (candidate / "nli").is_dir() or (candidate / "evidence").is_dir():
            return candidate
    raise DatasetMissing(f"no verification/ datasets (nli/, evidence/) at or under {path}")


def _tsv_rows(file: Path) -> list[list[str]]:
    if not file.is_file():
        raise DatasetMissing(f"{file} not found")
    with file.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_claim_set(dataset: str, path: Path) -> list[DetectorItem]:
    """The held-out split of a claim-vs-evidence set; `hallucinated` = the evidence does not support it."""
    root = verification_root(path)
    items: list[DetectorItem] = []
    if dataset == "wice":
        file = root / "evidence/wice/claim_dev.jsonl"
        if not file.is_file():
            raise DatasetMissing(f"{file} not found")
        for k, line in enumerate(file.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            sents = tuple(s for s in row["evidence"] if s.strip())
            items.append(
                DetectorItem(f"wice-{k}", "\n".join(sents), row["claim"], row["label"] != "supported", sentences=sents)
            )
        return items
    if dataset == "sick":
        rows = _tsv_rows(root / "nli/sick/SICK_test_annotated.txt")
        head = rows[0]
        a, b, lab = head.index("sentence_A"), head.index("sentence_B"), head.index("entailment_judgment")
        return [DetectorItem(f"sick-{r[0]}", r[a], r[b], r[lab] != "ENTAILMENT") for r in rows[1:] if len(r) > lab]
    files = {
        "rte": "nli/rte/dev.tsv",
        "covidfact": "evidence/covidfact/rte-covidfact-dev.tsv",
        "scifact": "evidence/scifact/rte-scifact-dev.tsv",
    }
    rows = _tsv_rows(root / files[dataset])
    for r in rows[1:]:
        if len(r) >= 4:
            items.append(DetectorItem(f"{dataset}-{r[0]}", r[1], r[2], r[3] != "entailment"))
    return items


def load_detector_items(dataset: str, path: Path, split: Split = "test") -> list[DetectorItem]:
    if dataset == "halueval-qa":
        return load_halueval_qa(path, split)
    if dataset == "faithbench":
        return load_faithbench(path, split)
    if dataset in CLAIM_SETS:
        if split == "train":
            raise DatasetMissing(f"{dataset}: only its held-out split is read here (training reads its own)")
        return load_claim_set(dataset, path)
    raise ValueError(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")


def _in_split(is_train: bool, split: Split) -> bool:
    return split == "all" or (split == "train") == is_train


def to_passages(text: str, doc_id: str | None = None, sentences_per_passage: int = 5) -> list[Passage]:
    """Cut a source text into passages of a few sentences, with document offsets, as retrieval would.
    The public sources often join sentences without a space ("century.First"): those are cut too."""
    return passages_from_text(text, doc_id, sentences_per_passage, glued=True)


def item_passages(item: DetectorItem) -> list[Passage]:
    """An item's evidence as passages: the retrieved ones, or the dataset's own sentences when it gives them."""
    if item.passages:
        return list(item.passages)
    if not item.sentences:
        return to_passages(item.source)
    spans, pos = [], 0
    for sent in item.sentences:
        start = item.source.index(sent, pos)
        spans.append((start, start + len(sent)))
        pos = start + len(sent)
    return passages_from_text(item.source, None, 5, spans)
