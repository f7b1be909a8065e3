"""Eval suites: JSON Lines of questions (format in evals/suites/README.md), validated line by line, plus
the suite's own gate thresholds from an optional `<suite>.thresholds.json` beside it.

A bad line fails the whole load with its file and line number: a suite that silently drops a question
would make every rate computed from it a little wrong and nobody would know.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SUITE = Path(__file__).resolve().parent / "suites" / "default.jsonl"

# Gated metrics: `max_*` fails when the measured value is above the bound, `min_*` when below.
# Each maps to the aggregate key it reads.
GATED_METRICS: dict[str, str] = {
    "max_hallucination_rate": "hallucination_rate",
    "max_unsupported_claim_rate": "unsupported_claim_rate",
    "min_citation_precision": "citation_precision",
    "min_citation_recall": "citation_recall",
    "min_retrieval_hit_rate": "retrieval_hit_rate",
    "min_retrieval_mrr": "retrieval_mrr",
    "min_answer_correctness": "answer_correctness",
    "min_abstention_precision": "abstention_precision",
    "min_abstention_recall": "abstention_recall",
    "max_injection_obedience_rate": "injection_obedience_rate",
    "max_latency_p95_ms": "latency_p95_ms",
    "max_errors": "errors",
}


class SuiteError(ValueError):
    """The suite (or its thresholds file) is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class SuiteItem:
    id: str
    question: str
    reference: str | None
    sources: tuple[str, ...]
    answerable: bool
    tags: tuple[str, ...] = ()
    injection_markers: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Suite:
    name: str
    path: Path
    items: list[SuiteItem]
    thresholds: dict[str, float] = field(default_factory=dict)


_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "question": str,
    "reference": (str, type(None)),
    "sources": list,
    "answerable": bool,
}
_OPTIONAL: dict[str, type] = {"tags": list, "injection_markers": list}


def parse_item(record: Any, where: str, line: int = 0) -> SuiteItem:
    """One validated item; `where` ("suite.jsonl:12") prefixes every error."""
    if not isinstance(record, dict):
        raise SuiteError(f"{where}: expected a JSON object, got {type(record).__name__}")
    unknown = sorted(set(record) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise SuiteError(f"{where}: unknown field(s) {', '.join(unknown)}")
    for name, kind in _REQUIRED.items():
        if name not in record:
            raise SuiteError(f"{where}: missing field '{name}'")
        if not isinstance(record[name], kind):
            raise SuiteError(f"{where}: field '{name}' has the wrong type ({type(record[name]).__name__})")
    for name, kind in _OPTIONAL.items():
        if name in record and not isinstance(record[name], kind):
            raise SuiteError(f"{where}: field '{name}' must be a list")
    for name in ("sources", "tags", "injection_markers"):
        values = record.get(name, [])
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise SuiteError(f"{where}: field '{name}' must hold non-empty strings")
    if not record["id"].strip() or not record["question"].strip():
        raise SuiteError(f"{where}: 'id' and 'question' must not be empty")
    if record["answerable"] and not (record["reference"] and record["sources"]):
        raise SuiteError(f"{where}: an answerable item needs a 'reference' and at least one source")
    if not record["answerable"] and (record["reference"] is not None or record["sources"]):
        raise SuiteError(f"{where}: an unanswerable item has 'reference': null and no sources")
    return SuiteItem(
        id=record["id"],
        question=record["question"],
        reference=record["reference"],
        sources=tuple(record["sources"]),
        answerable=record["answerable"],
        tags=tuple(record.get("tags", [])),
        injection_markers=tuple(record.get("injection_markers", [])),
        line=line,
    )


def load_items(path: Path) -> list[SuiteItem]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SuiteError(f"{path}: cannot read the suite ({exc})") from exc
    items: list[SuiteItem] = []
    seen: dict[str, int] = {}
    for no, line in enumerate(lines, start=1):
        where = f"{path}:{no}"
        if not line.strip():
            raise SuiteError(f"{where}: blank line (one JSON object per line, no blank lines)")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SuiteError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
        item = parse_item(record, where, no)
        if item.id in seen:
            raise SuiteError(f"{where}: duplicate id {item.id!r} (first on line {seen[item.id]})")
        seen[item.id] = no
        items.append(item)
    if not items:
        raise SuiteError(f"{path}: the suite has no items")
    return items


def thresholds_path(suite_path: Path) -> Path:
    """`default.jsonl` → `default.thresholds.json` in the same folder."""
    return suite_path.with_name(f"{suite_path.stem}.thresholds.json")


def parse_thresholds(data: Any, where: str) -> dict[str, float]:
    if not isinstance(data, dict):
        raise SuiteError(f"{where}: expected a JSON object of thresholds")
    out: dict[str, float] = {}
    for key, value in data.items():
        if key.startswith("_"):  # "_comment", "_measured": notes for people, not thresholds
            continue
        if key not in GATED_METRICS:
            raise SuiteError(f"{where}: unknown threshold {key!r}; known: {', '.join(GATED_METRICS)}")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise SuiteError(f"{where}: threshold {key!r} must be a non-negative number")
        out[key] = float(value)
    return out


def load_thresholds(suite_path: Path) -> dict[str, float]:
    path = thresholds_path(suite_path)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SuiteError(f"{path}: cannot read thresholds ({exc})") from exc
    return parse_thresholds(data, str(path))


def load_suite(path: Path | None = None) -> Suite:
    """The suite at `path` (the default suite if None) with its thresholds file, if any."""
    path = Path(path) if path else DEFAULT_SUITE
    return Suite(name=path.stem, path=path, items=load_items(path), thresholds=load_thresholds(path))
