"""The default suite's labelled answers (`evals/suites/default.answers.jsonl`) stay a fair benchmark:
every answerable question has a row, each row has the documented keys and edit kind, and every
evidence string is text its source document really holds, as ingestion reads it (so a corpus edit that
removes a fact shows up here, not as a silent change in the detector's figures)."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import pytest

from ingestion.loaders import load_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SUITES = ROOT / "evals" / "suites"
KEYS = {"id", "faithful", "wrong", "edit", "changed", "evidence", "evidence_sources"}
EDITS = {"number", "entity", "negation", "condition", "relation"}


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in (SUITES / "default.answers.jsonl").read_text(encoding="utf-8").splitlines()]


def _plain(text: str) -> str:
    """Markup, emphasis, link targets, curly quotes, case and spacing aside."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("`", "")
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", " ", text).strip().lower()


@cache
def _document_text(source: str) -> str:
    path = CORPUS / source.split("#")[0]
    docs = load_file(path, source.split("#")[0], path.read_bytes())
    return _plain(" ".join(d.text for d in docs))


def test_every_answerable_question_has_one_labelled_row() -> None:
    suite = [json.loads(line) for line in (SUITES / "default.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in _rows()]
    assert len(ids) == len(set(ids))
    assert set(ids) == {q["id"] for q in suite if q["answerable"]}


@pytest.mark.parametrize("row", _rows(), ids=lambda r: str(r["id"]))
def test_row_is_well_formed_and_its_evidence_is_in_its_sources(row: dict[str, object]) -> None:
    assert set(row) == KEYS
    assert row["edit"] in EDITS
    assert row["faithful"] != row["wrong"]
    evidence, sources = row["evidence"], row["evidence_sources"]
    assert isinstance(evidence, list) and isinstance(sources, list)
    assert evidence and len(evidence) == len(sources)
    for sentence, source in zip(evidence, sources, strict=True):
        assert _plain(str(sentence)) in _document_text(str(source)), f"{source} does not hold {sentence!r}"
