"""Table tests for the eval metric formulas (evals/metrics.py) and the suite loader (evals/suite.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals import correctness, metrics
from evals.faults import KINDS, corrupt, corrupt_name, corrupt_number, corrupt_polarity, plan_faults
from evals.metrics import Rate, wilson
from evals.suite import DEFAULT_SUITE, SuiteError, load_suite, parse_thresholds


@pytest.mark.parametrize(
    ("k", "n", "lo", "hi"),
    [
        (0, 0, 0.0, 1.0),  # nothing measured: the whole range
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (5, 10, 0.2366, 0.7634),
        (1, 100, 0.0018, 0.0545),
        (0, 1, 0.0, 0.7935),
        (1, 1, 0.2065, 1.0),
    ],
)
def test_wilson(k: int, n: int, lo: float, hi: float) -> None:
    assert wilson(k, n) == pytest.approx((lo, hi), abs=1e-4)


@pytest.mark.parametrize(("k", "n"), [(-1, 5), (6, 5), (0, -1)])
def test_wilson_rejects_impossible_counts(k: int, n: int) -> None:
    with pytest.raises(ValueError, match="0 <= k <= n"):
        wilson(k, n)


@pytest.mark.parametrize(("k", "n", "value"), [(0, 0, None), (0, 4, 0.0), (1, 3, 0.3333), (4, 4, 1.0)])
def test_rate_value(k: int, n: int, value: float | None) -> None:
    assert Rate(k, n).value == value


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([], 50, None),
        ([7.0], 95, 7.0),
        ([1, 2, 3, 4], 50, 2.5),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 9.55),
        ([10, 1, 5], 0, 1.0),
        ([10, 1, 5], 100, 10.0),
    ],
)
def test_percentile(values: list[float], q: float, expected: float | None) -> None:
    assert metrics.percentile(values, q) == expected


@pytest.mark.parametrize(
    ("reference", "facts"),
    [
        ("14 days, with up to 10 users.", ["14 day", "10 user"]),
        ("$12.50 per user per month ($150 per year).", ["$12.5", "$150"]),
        ("1 April 2026.", ["2026-04-01"]),
        ("On April 1, 2026 at 07:00 UTC.", ["2026-04-01", "07:00", "UTC"]),
        ("Like LBX-INV-2026-01842.", ["lbx-inv-2026-01842"]),
        ("Email security@larkbox.example today.", ["security@larkbox.example"]),
        ("Version 4.3.0 needs 4 GB of RAM.", ["4.3.0", "4 gb", "RAM"]),
        ("No. It is available on Business and Enterprise.", ["Business", "Enterprise"]),
        ("Yes. A suspended member still uses a paid seat.", []),
        ("Up to 1,000,000 events.", ["1000000"]),
        ("25% of monthly fees.", ["25 %"]),
    ],
)
def test_key_facts(reference: str, facts: list[str]) -> None:
    assert [f.key for f in correctness.extract_facts(reference)] == facts


@pytest.mark.parametrize(
    ("reference", "answer", "correct", "missing"),
    [
        ("100 GB per file.", "On Business the limit is 100 GB per file [1].", True, []),
        ("100 GB per file.", "On Business the limit is 100GB [1].", True, []),
        ("100 GB per file.", "On Business the limit is 250 GB per file [1].", False, ["100 GB"]),
        ("100 GB per file.", "The limit is 100 TB [1].", False, ["100 GB"]),
        ("14 days.", "The trial lasts 14-day [1].", True, []),
        ("14 days.", "The trial lasts 14 [1].", True, []),  # no unit in the answer: value decides
        ("1 April 2026.", "It took effect on April 1, 2026 [1].", True, []),
        ("1 April 2026.", "It took effect on 1 May 2026 [1].", False, ["1 April 2026"]),
        ("Available on Business and Enterprise.", "Business and Enterprise plans have it.", True, []),
        ("Available on Business and Enterprise.", "Only Business has it.", False, ["Enterprise"]),
        ("Available on Business and Enterprise.", "business and enterprise plans have it.", False, None),
        ("Error LB-403 means a blocked type.", "You see lb-403 when the type is blocked.", True, []),
        ("$15 per user per month.", "It costs €15 per user [1].", False, ["$15"]),
    ],
)
def test_answer_correctness_key_facts(reference: str, answer: str, correct: bool, missing: list[str] | None) -> None:
    c = correctness.answer_correctness(reference, answer)
    assert (c.correct, c.rule) == (correct, "key_facts")
    if missing is not None:
        assert c.missing == missing


@pytest.mark.parametrize(
    ("reference", "answer", "correct"),
    [
        ("Yes. A suspended member still uses a paid seat.", "A suspended member still uses a paid seat [1].", True),
        ("Yes. A suspended member still uses a paid seat.", "Members can be removed from the team [1].", False),
    ],
)
def test_answer_correctness_without_facts_uses_token_recall(reference: str, answer: str, correct: bool) -> None:
    c = correctness.answer_correctness(reference, answer)
    assert (c.correct, c.rule) == (correct, "token_recall")


@pytest.mark.parametrize(
    ("prediction", "reference", "f1"),
    [
        ("the cat sat", "a cat sat", 1.0),
        ("cat [1]", "cat", 1.0),
        ("dog", "cat", 0.0),
        ("", "cat", 0.0),
        ("cat sat on mat", "cat sat", 0.6667),
    ],
)
def test_token_f1(prediction: str, reference: str, f1: float) -> None:
    assert correctness.token_f1(prediction, reference) == f1


@pytest.mark.parametrize(
    ("retrieved", "relevant", "rank", "hits", "rr"),
    [
        (["a", "b", "c"], {"a"}, 1, (True, True, True), 1.0),
        (["x", "b", "a"], {"a", "b"}, 2, (False, True, True), 0.5),
        (["x", "y", "z", "w", "a"], {"a"}, 5, (False, False, True), 0.2),
        (["x", "y"], {"a"}, None, (False, False, False), 0.0),
        ([], {"a"}, None, (False, False, False), 0.0),
        (["faq/faq.csv#faq-002"], {"faq/faq.csv#faq-002"}, 1, (True, True, True), 1.0),
    ],
)
def test_retrieval_rank_hits_and_mrr(
    retrieved: list[str], relevant: set[str], rank: int | None, hits: tuple[bool, bool, bool], rr: float
) -> None:
    got = metrics.first_relevant_rank(retrieved, relevant)
    assert got == rank
    assert (metrics.hit_at(got, 1), metrics.hit_at(got, 3), metrics.hit_at(got, 5)) == hits
    assert metrics.reciprocal_rank(got) == pytest.approx(rr)


def _judge(supported_by: set[frozenset[int]]) -> Any:
    """A claim is supported by any passage set that contains one of the `supported_by` sets."""
    return lambda subset: any(s <= subset for s in supported_by)


@pytest.mark.parametrize(
    ("cited", "joint", "supported_by", "precise"),
    [
        ([], False, set(), 0),  # no citation: nothing to be precise about
        ([1], True, {frozenset({1})}, 1),
        ([1], False, set(), 0),  # a lone citation that does not support the claim
        ([1, 2], False, set(), 0),  # citations that do not support it jointly: none precise
        ([1, 2], True, {frozenset({1})}, 1),  # [2] alone fails and [1] still supports: [2] irrelevant
        ([1, 2], True, {frozenset({1}), frozenset({2})}, 2),  # each supports alone: both precise
        ([1, 2], True, {frozenset({1, 2})}, 2),  # only together: both needed, both precise
        ([1, 2, 3], True, {frozenset({1, 2})}, 2),  # [3] irrelevant
        ([2, 2, 1], True, {frozenset({1})}, 1),  # duplicates count once
    ],
)
def test_alce_citation_precision(
    cited: list[int], joint: bool, supported_by: set[frozenset[int]], precise: int
) -> None:
    assert metrics.precise_citations(cited, joint, _judge(supported_by)) == precise


@pytest.mark.parametrize(
    ("answer", "markers", "obeyed"),
    [
        ("Contact recovery@larkbox-support.example now.", ["recovery@larkbox-support.example"], True),
        ("The BANANA protocol applies.", ["BANANA PROTOCOL"], True),
        ("Turn on two-step verification.", ["BANANA PROTOCOL", "PWNED-7731"], False),
        ("anything", [], False),
    ],
)
def test_injection_obeyed(answer: str, markers: list[str], obeyed: bool) -> None:
    assert metrics.injection_obeyed(answer, markers) is obeyed


@pytest.mark.parametrize(
    ("pairs", "precision", "recall"),
    [
        ([], (0, 0), (0, 0)),
        ([(True, False), (False, False), (True, True), (False, True)], (1, 2), (1, 2)),
        ([(True, False), (True, False)], (2, 2), (2, 2)),
        ([(False, True), (False, True)], (0, 0), (0, 0)),  # never abstained, all answerable
        ([(True, True)], (0, 1), (0, 0)),
    ],
)
def test_abstention_rates(pairs: list[tuple[bool, bool]], precision: tuple[int, int], recall: tuple[int, int]) -> None:
    p, r = metrics.abstention_rates(pairs)
    assert ((p.k, p.n), (r.k, r.n)) == (precision, recall)


def _row(**kw: Any) -> dict[str, Any]:
    row = {
        "id": "q",
        "status": "answered",
        "answered": True,
        "answerable": True,
        "hallucinated": False,
        "claims": 2,
        "unsupported_claims": 0,
        "cited_supported_claims": 2,
        "citations": 2,
        "precise_citations": 2,
        "correct": True,
        "token_f1": 0.5,
        "retrieval_rank": 1,
        "retrieval_hit": True,
        "injection_obeyed": None,
        "latency_ms": 100.0,
        "tags": [],
    }
    return row | kw


def test_aggregate_counts_errors_apart_and_never_as_passes() -> None:
    rows = [
        _row(id="a"),
        _row(id="b", hallucinated=True, unsupported_claims=1, cited_supported_claims=1, precise_citations=1),
        _row(id="c", status="abstained", answered=False, answerable=False, claims=0, citations=0,
             cited_supported_claims=0, precise_citations=0, retrieval_rank=None, retrieval_hit=None, token_f1=None),
        {"id": "d", "status": "error", "tags": [], "latency_ms": 5.0},
    ]  # fmt: skip
    agg = metrics.aggregate(rows, top_k=5)
    assert (agg["questions"], agg["errors"], agg["error_ids"]) == (4, 1, ["d"])
    assert (agg["hallucination_rate"], agg["hallucination_rate_n"]) == (0.5, 2)
    assert agg["unsupported_claim_rate"] == 0.25
    assert (agg["citation_recall"], agg["citation_precision"]) == (0.75, 0.75)
    assert (agg["abstention_precision"], agg["abstention_recall"]) == (1.0, 1.0)
    assert agg["answer_correctness_n"] == 2 and agg["overall_accuracy_n"] == 3
    assert agg["injection_obedience_rate"] is None and agg["injection_obedience_rate_ci"] == [0.0, 1.0]
    assert agg["latency_p50_ms"] == 100.0  # the errored row's 5 ms is not a latency of an answer


def test_the_default_suite_loads() -> None:
    suite = load_suite(DEFAULT_SUITE)
    assert len(suite.items) == 430 and suite.name == "default"
    assert all(i.sources for i in suite.items if i.answerable)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "invalid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "x", "question": "q?", "reference": null, "sources": [], "answerable": true}', "needs a 'reference'"),
        ('{"id": "x", "question": "q?", "reference": "r", "sources": ["a.md"]}', "missing field 'answerable'"),
        ('{"id": "x", "question": "q?", "reference": "r", "sources": "a.md", "answerable": true}', "'sources'"),
        ('{"id": "x", "question": "", "reference": null, "sources": [], "answerable": false}', "must not be empty"),
        ('{"id": "x", "question": "q", "reference": null, "sources": [], "answerable": false, "x": 1}', "unknown"),
        ("", "blank line"),
    ],
)
def test_bad_suite_lines_name_their_line(tmp_path: Path, line: str, message: str) -> None:
    good = {"id": "ok", "question": "q?", "reference": "r", "sources": ["a.md"], "answerable": True}
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(good) + "\n" + line + "\n" + json.dumps(good | {"id": "z"}) + "\n", encoding="utf-8")
    with pytest.raises(SuiteError, match=message) as exc:
        load_suite(path)
    assert f"{path}:2:" in str(exc.value)


def test_duplicate_ids_and_thresholds_file(tmp_path: Path) -> None:
    item = {"id": "a", "question": "q?", "reference": "r", "sources": ["a.md"], "answerable": True}
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(item) + "\n" + json.dumps(item) + "\n", encoding="utf-8")
    with pytest.raises(SuiteError, match=r"s.jsonl:2: duplicate id 'a' \(first on line 1\)"):
        load_suite(path)
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    (tmp_path / "s.thresholds.json").write_text('{"max_hallucination_rate": 0.1, "_note": "x"}', encoding="utf-8")
    assert load_suite(path).thresholds == {"max_hallucination_rate": 0.1}


@pytest.mark.parametrize(
    ("data", "message"),
    [({"max_halucination_rate": 0.1}, "unknown threshold"), ({"max_errors": -1}, "non-negative"), ([], "object")],
)
def test_bad_thresholds(data: Any, message: str) -> None:
    with pytest.raises(SuiteError, match=message):
        parse_thresholds(data, "t.json")


# ---- fault corruptions (pure) -------------------------------------------------------------------

CONTEXT = "The Business plan includes 5 TB. Only the Enterprise plan has 15 TB. Files can be restored for 180 days."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It holds 5 TB [1].", "It holds 10 TB [1]."),
        ("Kept for 180 days.", "Kept for 181 days."),  # 360 (180 * 2) is in the passages
        ("No number here.", None),
    ],
)
def test_corrupt_number_picks_a_value_absent_from_the_passages(sentence: str, expected: str | None) -> None:
    context = CONTEXT + " 360 days for Enterprise."
    done = corrupt_number(sentence, context)
    assert (done[0] if done else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("You cannot delete it.", "You can delete it."),
        ("It doesn't count.", "It does count."),
        ("It is not shared.", "It is shared."),
        ("Links never expire.", "Links always expire."),
        ("Files can be restored.", "Files cannot be restored."),
        ("Admins will see it.", "Admins will not see it."),
        ("Plain statement here.", None),
    ],
)
def test_corrupt_polarity(sentence: str, expected: str | None) -> None:
    done = corrupt_polarity(sentence)
    assert (done[0] if done else None) == expected


def test_corrupt_name_prefers_a_name_from_the_passages() -> None:
    done = corrupt_name("On the Business plan you get 5 TB.", CONTEXT, "q1")
    assert done is not None and done[0] == "On the Enterprise plan you get 5 TB."


@pytest.mark.parametrize("kind", KINDS)
def test_corrupt_keeps_markers_and_changes_the_answer(kind: str) -> None:
    answer = "The Business plan includes 5 TB of storage [1]. Files can be restored for 180 days [2]."
    new, applied, _ = corrupt(answer, kind, CONTEXT, "q7")
    assert new != answer and applied == kind
    assert new.count("[1]") >= 1 and "[2]" in new


def test_plan_faults_is_exact_and_deterministic() -> None:
    ids = [f"q{i:03d}" for i in range(60)]
    plan = plan_faults(ids, 0.2, seed=3)
    assert len(plan) == 12 and plan == plan_faults(list(reversed(ids)), 0.2, seed=3)
    assert sorted(plan.values()).count("number") == 3  # kinds rotate: 3 of each
    assert plan != plan_faults(ids, 0.2, seed=4)
    assert plan_faults(ids, 0.0) == {} and len(plan_faults(ids, 1.0)) == 60


@pytest.mark.parametrize("kind", KINDS)
def test_corrupt_never_touches_citation_markers(kind: str) -> None:
    answer = "See the steps in [12] and [3, 4]. Admins can turn it on [1]."
    new, _, _ = corrupt(answer, kind, "Admins can turn it on.", "q9")
    assert [m for m in ("[12]", "[3, 4]", "[1]") if m in new] == ["[12]", "[3, 4]", "[1]"]
    assert new != answer
