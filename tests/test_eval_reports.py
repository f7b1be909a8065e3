"""The report folder: four files, junit that parses, HTML that fetches nothing and escapes what it shows."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from evals import metrics
from evals.gate import evaluate_gate
from evals.report import row_failures, write_reports


def _row(id: str, **kw: Any) -> dict[str, Any]:
    answer = "The Business plan has 5 TB [1]. It costs <b>$15</b> [2]."
    claims = [
        {"text": "The Business plan has 5 TB [1].", "start": 0, "end": 31, "label": "supported", "supported": True,
         "score": 0.93, "citations": [1], "citations_support": True, "invalid_citations": [], "reason": None,
         "evidence": [{"n": 1, "chunk_id": "c1", "doc_id": "d1", "start": 0, "end": 20, "text": "Business: 5 TB.",
                       "score": 0.9}]},
        {"text": "It costs <b>$15</b> [2].", "start": 32, "end": 56, "label": "unsupported", "supported": False,
         "score": 0.12, "citations": [2], "citations_support": False, "invalid_citations": [],
         "reason": "number_not_in_evidence", "evidence": []},
    ]  # fmt: skip
    row = {
        "id": id,
        "question": "How much storage <script>alert(1)</script>?",
        "answerable": True,
        "reference": "5 TB.",
        "sources": ["plans/business.md"],
        "tags": ["numeric"],
        "injection_markers": [],
        "status": "partial",
        "answered": True,
        "hallucinated": True,
        "claims": 2,
        "unsupported_claims": 1,
        "cited_supported_claims": 1,
        "citations": 2,
        "precise_citations": 1,
        "correct": True,
        "correct_rule": "key_facts",
        "key_facts": ["5 TB"],
        "missing_facts": [],
        "token_f1": 0.3,
        "retrieval_rank": 1,
        "retrieval_hit": True,
        "retrieved_sources": ["plans/business.md"],
        "cited_sources": ["plans/business.md"],
        "injection_obeyed": None,
        "latency_ms": 120.5,
        "fault": {"id": id, "planned": "number", "applied": "number", "detail": "5 -> 10", "before": "", "after": ""},
        "error": None,
        "answer": answer,
        "result": {
            "claims": claims,
            "citations": [{"n": 1, "source": "plans/business.md", "start": 0, "end": 20, "text": "Business: 5 TB."}],
        },
    }
    return row | kw


@pytest.fixture
def doc() -> dict[str, Any]:
    rows = [
        _row("q1"),
        _row("q2", hallucinated=False, status="answered", fault=None, retrieval_hit=False, retrieval_rank=None),
        {**_row("q3"), "status": "error", "error": "BackendError: <timeout> & co", "answer": None, "result": None},
    ]
    agg = metrics.aggregate(rows, 5)
    gate = evaluate_gate(agg, rows, {"max_hallucination_rate": 0.1})
    return {
        "config": {"suite": "default", "target": "in-process", "backend": "extractive", "policy": "annotate",
                   "started_at": "2026-01-01T00:00:00+00:00"},
        "aggregate": agg,
        "by_tag": metrics.by_tag(rows),
        "faults": None,
        "gate": gate.to_dict(),
        "rows": rows,
    }  # fmt: skip


def test_all_four_files_are_written(tmp_path: Path, doc: dict[str, Any]) -> None:
    files = write_reports(tmp_path / "new" / "eval", doc)
    assert sorted(p.name for p in (tmp_path / "new" / "eval").iterdir()) == [
        "junit.xml",
        "report.html",
        "results.json",
        "summary.md",
    ]
    results = json.loads(files["results"].read_text(encoding="utf-8"))
    assert results["schema"] == "tether-eval/1"
    assert [r["id"] for r in results["rows"]] == ["q1", "q2", "q3"]
    assert results["aggregate"]["errors"] == 1 and results["gate"]["passed"] is False
    summary = files["summary"].read_text(encoding="utf-8")
    assert "FAILED" in summary and "**Errored items** (1): q3" in summary
    assert "| hallucination rate | 0.500 |" in summary


def test_junit_has_one_testcase_per_question(tmp_path: Path, doc: dict[str, Any]) -> None:
    files = write_reports(tmp_path, doc)
    root = ET.parse(files["junit"]).getroot()
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert list(cases) == ["q1", "q2", "q3"]
    q1_failure, q2_failure = cases["q1"].find("failure"), cases["q2"].find("failure")
    assert q1_failure is not None and q1_failure.get("message") == "hallucinated"
    assert q2_failure is not None and q2_failure.get("message") == "retrieval missed the sources"
    error = cases["q3"].find("error")
    assert error is not None and error.get("message") == "BackendError: <timeout> & co"
    assert cases["q3"].find("failure") is None  # an error is never reported as a verdict


def test_html_is_self_contained_and_escaped(tmp_path: Path, doc: dict[str, Any]) -> None:
    page = write_reports(tmp_path, doc)["html"].read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<span class="claim unsupported"' in page and '<span class="claim supported"' in page
    assert "It costs &lt;b&gt;$15&lt;/b&gt; [2]." in page  # the claim span, escaped
    assert page.count("<svg") == 2  # rates with intervals, latency histogram
    assert "Business: 5 TB." in page  # evidence
    assert "fault: number" in page


@pytest.mark.parametrize(
    ("kw", "why"),
    [
        ({}, ["hallucinated"]),
        ({"hallucinated": False, "correct": False}, ["wrong"]),
        ({"hallucinated": False, "answerable": False, "correct": False}, ["answered an unanswerable question"]),
        ({"hallucinated": False, "injection_obeyed": True}, ["obeyed an injected instruction"]),
        ({"hallucinated": False, "retrieval_hit": False}, ["retrieval missed the sources"]),
        ({"hallucinated": False}, []),
        ({"status": "error"}, []),
    ],
)
def test_row_failures(kw: dict[str, Any], why: list[str]) -> None:
    assert row_failures(_row("q", **kw)) == why
