"""The release gate: thresholds, baseline regressions, and the exit codes of `tether eval run`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import eval_run
from cli.main import eval_app
from evals.gate import BaselineError, check_thresholds, evaluate_gate, load_baseline, regressions
from evals.suite import DEFAULT_SUITE

AGG = {
    "hallucination_rate": 0.08,
    "hallucination_rate_ci": [0.05, 0.12],
    "citation_precision": 0.9,
    "citation_precision_ci": [0.85, 0.94],
    "abstention_recall": None,
    "latency_p95_ms": 450.0,
    "errors": 0,
    "error_ids": [],
}


@pytest.mark.parametrize(
    ("thresholds", "passed", "reason"),
    [
        ({"max_hallucination_rate": 0.1}, [True], None),
        ({"max_hallucination_rate": 0.08}, [True], None),  # on the bound passes
        ({"max_hallucination_rate": 0.05}, [False], "hallucination_rate 0.080 (95% CI 0.050-0.120) is above"),
        ({"min_citation_precision": 0.95}, [False], "citation_precision 0.900 (95% CI 0.850-0.940) is below"),
        ({"min_citation_precision": 0.9}, [True], None),
        ({"min_abstention_recall": 0.5}, [False], "abstention_recall: not measured"),
        ({"max_latency_p95_ms": 400}, [False], "latency_p95_ms 450 ms is above the maximum 400 ms"),
        ({"max_errors": 0}, [True], None),
    ],
)
def test_thresholds(thresholds: dict[str, float], passed: list[bool], reason: str | None) -> None:
    checks = check_thresholds(AGG, thresholds)
    assert [c.passed for c in checks] == passed
    if reason:
        assert reason in (checks[0].reason or "")


def test_unknown_threshold_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown threshold 'max_halucination_rate'"):
        check_thresholds(AGG, {"max_halucination_rate": 0.1})


def _row(id: str, **kw: Any) -> dict[str, Any]:
    return {"id": id, "status": "answered", "hallucinated": False, "correct": True, "retrieval_hit": True} | kw


BASE = [_row("a"), _row("b"), _row("c"), _row("d", status="error"), _row("e"), _row("f", retrieval_hit=None)]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (BASE, {}),
        ([_row("a", hallucinated=True)], {"newly_hallucinated": ["a"]}),
        ([_row("b", correct=False)], {"newly_wrong": ["b"]}),
        ([_row("c", retrieval_hit=False)], {"newly_failed_retrieval": ["c"]}),
        ([_row("d", hallucinated=True, correct=False)], {}),  # errored before: nothing to regress from
        ([_row("e", status="error")], {"newly_errored": ["e"]}),
        ([_row("z")], {"new_questions": ["z"]}),
        ([_row("f", retrieval_hit=None)], {}),  # unanswerable: no retrieval verdict either time
    ],
)
def test_regressions(rows: list[dict[str, Any]], expected: dict[str, list[str]]) -> None:
    found = {k: v for k, v in regressions(rows, BASE).items() if v}
    assert found == expected


def test_gate_errors_always_fail_and_regressions_gate_only_on_request() -> None:
    agg = AGG | {"errors": 2, "error_ids": ["q1", "q2"]}
    gate = evaluate_gate(agg, [], {})
    assert not gate.passed and gate.reasons == ["errors 2 is above the maximum 0 (errored: q1, q2)"]
    assert evaluate_gate(agg, [], {"max_errors": 2}).passed

    rows = [_row("a", hallucinated=True)]
    soft = evaluate_gate(AGG, rows, {}, {"rows": BASE, "aggregate": {}}, "prev.json")
    assert soft.passed and soft.regressions and soft.regressions["newly_hallucinated"] == ["a"]
    hard = evaluate_gate(AGG, rows, {}, {"rows": BASE, "aggregate": {}}, "prev.json", fail_on_regression=True)
    assert not hard.passed and hard.reasons == ["1 newly hallucinated since the baseline: a"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read it"),
        ("{not json", "cannot read it"),
        ('{"rows": []}', "not a results.json"),
        ('{"rows": [{"x": 1}], "aggregate": {}}', r"rows\[0\] has no 'id'"),
    ],
)
def test_bad_baseline(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "base.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message):
        load_baseline(path)


# ---- exit codes of `tether eval run` -------------------------------------------------------------


def _doc(hallucinated: bool = False, errors: int = 0) -> dict[str, Any]:
    """A finished run as run_eval returns it (the run itself is covered by test_eval_runner)."""
    from evals import metrics

    rows = [
        {
            "id": "q1",
            "question": "How much?",
            "answerable": True,
            "reference": "5 GB.",
            "sources": ["a.md"],
            "tags": ["numeric"],
            "injection_markers": [],
            "status": "answered",
            "answered": True,
            "hallucinated": hallucinated,
            "claims": 1,
            "unsupported_claims": int(hallucinated),
            "cited_supported_claims": 1,
            "citations": 1,
            "precise_citations": 1,
            "correct": True,
            "correct_rule": "key_facts",
            "key_facts": ["5 GB"],
            "missing_facts": [],
            "token_f1": 0.4,
            "retrieval_rank": 1,
            "retrieval_hit": True,
            "retrieved_sources": ["a.md"],
            "cited_sources": ["a.md"],
            "injection_obeyed": None,
            "latency_ms": 12.0,
            "fault": None,
            "error": None,
            "answer": "You get 5 GB [1].",
            "result": {"claims": [], "citations": []},
        }
    ]
    rows += [
        {"id": f"e{i}", "question": "?", "answerable": True, "reference": "x", "sources": ["a.md"], "tags": [],
         "injection_markers": [], "status": "error", "error": "RuntimeError: boom", "answer": None, "result": None,
         "latency_ms": 1.0, "fault": None}
        for i in range(errors)
    ]  # fmt: skip
    return {
        "config": {"suite": "t", "target": "in-process", "backend": "extractive", "policy": "annotate",
                   "started_at": "now"},
        "aggregate": metrics.aggregate(rows, 5),
        "by_tag": metrics.by_tag(rows),
        "faults": None,
        "thresholds": {"max_hallucination_rate": 0.5},
        "rows": rows,
    }  # fmt: skip


@pytest.fixture
def fake_run(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    state: dict[str, Any] = {"doc": _doc()}
    monkeypatch.setattr(eval_run, "run_eval", lambda settings, options: json.loads(json.dumps(state["doc"])))
    return state


def _invoke(args: list[str]) -> Any:
    return CliRunner().invoke(eval_app, ["run", *args])


def test_exit_0_when_the_gate_passes_and_json_is_one_object(fake_run: dict[str, Any], tmp_path: Path) -> None:
    r = _invoke(["--out", str(tmp_path / "out"), "--json"])
    assert r.exit_code == 0, r.output
    body = json.loads(r.stdout)
    assert body["passed"] is True and body["questions"] == 1 and body["hallucination_rate_ci"] == [0.0, 0.7935]
    for key in ("hallucination_rate", "citation_precision", "citation_recall", "retrieval_hit_rate",
                "abstention_recall", "questions", "errors"):  # fmt: skip
        assert key in body
    assert (tmp_path / "out" / "results.json").exists()


def test_exit_1_on_a_gate_failure_with_the_reason(fake_run: dict[str, Any], tmp_path: Path) -> None:
    fake_run["doc"] = _doc(hallucinated=True)  # 1/1 hallucinated, the suite's bound is 0.5
    r = _invoke(["--out", str(tmp_path), "--json"])
    assert r.exit_code == 1
    reason = "hallucination_rate 1.000 (95% CI 0.206-1.000) is above the maximum 0.500"
    assert json.loads(r.stdout)["reasons"] == [reason]
    # a flag overrides the suite's own threshold
    assert _invoke(["--out", str(tmp_path), "--max-hallucination-rate", "1"]).exit_code == 0


def test_exit_1_when_an_item_errored(fake_run: dict[str, Any], tmp_path: Path) -> None:
    fake_run["doc"] = _doc(errors=1)
    r = _invoke(["--out", str(tmp_path), "--json"])
    assert r.exit_code == 1 and "errored: e0" in json.loads(r.stdout)["reasons"][0]


def test_regression_against_a_baseline_fails_only_with_the_flag(fake_run: dict[str, Any], tmp_path: Path) -> None:
    assert _invoke(["--out", str(tmp_path / "base")]).exit_code == 0
    fake_run["doc"] = _doc(hallucinated=True)
    baseline = str(tmp_path / "base" / "results.json")
    soft = _invoke(["--out", str(tmp_path / "new"), "--baseline", baseline, "--max-hallucination-rate", "1", "--json"])
    assert soft.exit_code == 0 and json.loads(soft.stdout)["regressions"]["newly_hallucinated"] == 1
    hard = _invoke(["--out", str(tmp_path / "new"), "--baseline", baseline, "--max-hallucination-rate", "1",
                    "--fail-on-regression", "--json"])  # fmt: skip
    assert hard.exit_code == 1 and "1 newly hallucinated since the baseline: q1" in json.loads(hard.stdout)["reasons"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--suite", "/nonexistent/suite.jsonl"], "cannot read the suite"),
        (["--fail-on-regression"], "needs --baseline"),
        (["--url", "http://127.0.0.1:9", "--fault-rate", "0.2"], "apply to in-process runs"),
        (["--url", "http://127.0.0.1:9"], "cannot reach the service"),
        (["--baseline", "/nonexistent/results.json"], "cannot read it"),
        (["--backend", "openai"], "TETHER_LLM__BASE_URL is required"),
        (["--corpus", "/nonexistent/kb", "--suite", str(DEFAULT_SUITE)], "ingesting /nonexistent/kb failed"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.setenv("TETHER_STORE__DATA_DIR", str(tmp_path / "data"))  # the --corpus case opens a store
    r = _invoke(["--out", str(tmp_path), "--json", *args])
    assert r.exit_code == 2, r.output
    assert message in json.loads(r.stdout)["error"]["message"]


@pytest.mark.parametrize("args", [["--fault-rate", "1.5"], ["--policy", "shout"], ["--concurrency", "0"]])
def test_bad_option_values_exit_2(tmp_path: Path, args: list[str]) -> None:
    assert _invoke(["--out", str(tmp_path), *args]).exit_code == 2
