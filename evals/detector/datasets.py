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
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.grounding.verifier import passages_from_text
from app.retrieval.passages import Passage

Split = Literal["train", "test", "all"]
DATASETS = ("halueval-qa", "faithbench")


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


def load(dataset: str, path: Path, split: Split = "test") -> list[DetectorItem]:
    if dataset == "halueval-qa":
        return load_halueval_qa(path, split)
    if dataset == "faithbench":
        return load_faithbench(path, split)
    raise ValueError(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")


def _in_split(is_train: bool, split: Split) -> bool:
    return split == "all" or (split == "train") == is_train


def to_passages(text: str, doc_id: str | None = None, sentences_per_passage: int = 5) -> list[Passage]:
    """Cut a source text into passages of a few sentences, with document offsets, as retrieval would."""
    return passages_from_text(text, doc_id, sentences_per_passage)
