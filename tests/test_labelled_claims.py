"""Hand-labelled claims as a detector benchmark: drawing a sheet from a run, reading it back, the shipped
SmolLM2 labels, and `tether eval detector --dataset smollm2-claims` on the real verifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.retrieval.passages import Passage
from cli.main import eval_app
from evals.detector.labelled_claims import (
    SMOLLM2_CLAIMS,
    LabelsInvalid,
    load_labelled_claims,
    passage_from_record,
    passage_record,
    sample_sheet,
)

TEXT = "The Business trial lasts 14 days. No credit card is needed."
PASSAGE = Passage(
    chunk_id="c1",
    doc_id="d1",
    collection="labels",
    title="Business plan",
    uri=None,
    version=None,
    source="plans/business.md",
    start=100,
    end=100 + len(TEXT),
    text=TEXT,
    score=0.0,
    sentences=((100, 133), (134, 100 + len(TEXT))),
    heading="Business plan > Trial",
)


def _row(qid: str, claims: list[str], answered: bool = True) -> dict[str, Any]:
    return {
        "id": qid,
        "question": f"question {qid}?",
        "answered": answered,
        "result": {"claims": [{"text": c, "label": "supported", "score": 0.9} for c in claims]},
    }


ROWS = [_row(f"q{i:02d}", [f"claim {i}a.", f"claim {i}b."]) for i in range(10)] + [
    _row("q90", ["never answered."], answered=False),
    _row("q91", []),
]


def test_a_passage_survives_the_file() -> None:
    assert passage_from_record(json.loads(json.dumps(passage_record(PASSAGE)))) == PASSAGE
    assert [t for _, _, t in PASSAGE.sentence_texts()] == [
        "The Business trial lasts 14 days.",
        "No credit card is needed.",
    ]


def test_sheet_draws_one_unlabelled_claim_per_answered_question() -> None:
    sheet = sample_sheet(ROWS, lambda q: [PASSAGE], 6, seed=3)
    assert len(sheet) == 6
    qids = [r["question_id"] for r in sheet]
    assert len(set(qids)) == 6 and "q90" not in qids and "q91" not in qids
    for r in sheet:
        n = r["question_id"][1:].lstrip("0") or "0"
        assert r["claim"] in (f"claim {n}a.", f"claim {n}b.")
        assert r["label"] is None and r["passages"] == [passage_record(PASSAGE)]
        assert "score" not in json.dumps(r)  # the labeller does not see the verifier's verdict
    assert [r["id"] for r in sheet] == [f"c{k:03d}" for k in range(1, 7)]


def test_sheet_depends_on_the_seed_not_on_row_order() -> None:
    first = sample_sheet(ROWS, lambda q: [PASSAGE], 5, seed=3)
    assert sample_sheet(list(reversed(ROWS)), lambda q: [PASSAGE], 5, seed=3) == first
    others = [sample_sheet(ROWS, lambda q: [PASSAGE], 5, seed=s) for s in range(4, 9)]
    assert any(o != first for o in others)
    assert len(sample_sheet(ROWS, lambda q: [PASSAGE], 50, seed=3)) == 10  # no more than there are


def _write(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_labels_read_back_as_detector_items(tmp_path: Path) -> None:
    sheet = sample_sheet(ROWS, lambda q: [PASSAGE], 2, seed=1)
    sheet[0]["label"], sheet[1]["label"] = "supported", "unsupported"
    items = load_labelled_claims(_write(tmp_path, sheet))
    assert [i.hallucinated for i in items] == [False, True]
    assert items[0].answer == sheet[0]["claim"] and items[0].question == sheet[0]["question"]
    assert items[0].passages == (PASSAGE,)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": None}, "labels.jsonl:2: label None is not one of supported, unsupported"),
        ({"label": "mostly"}, "labels.jsonl:2: label 'mostly'"),
        ({"claim": None, "passages": "x"}, "labels.jsonl:2: not a labelled claim"),
    ],
)
def test_an_unlabelled_or_broken_row_is_an_error_naming_its_line(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    sheet = sample_sheet(ROWS, lambda q: [PASSAGE], 2, seed=1)
    sheet[0]["label"], sheet[1]["label"] = "supported", "supported"
    sheet[1].update(change)
    with pytest.raises(LabelsInvalid, match=message.replace("(", r"\(")):
        load_labelled_claims(_write(tmp_path, sheet))


def test_the_shipped_smollm2_labels_are_complete_and_consistent() -> None:
    items = load_labelled_claims(SMOLLM2_CLAIMS)
    assert len(items) == 100
    assert len({i.id for i in items}) == 100
    assert 10 <= sum(i.hallucinated for i in items) <= 90  # both kinds, in numbers that say something
    for item in items:
        assert item.passages, item.id
        for p in item.passages:
            assert len(p.text) == p.end - p.start, item.id
            assert all(p.start <= s < e <= p.end for s, e in p.sentences), item.id


def test_detector_reports_the_labelled_claims_with_the_usual_keys(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    result = CliRunner().invoke(
        eval_app, ["detector", "--dataset", "smollm2-claims", "--limit", "6", "--rows", str(rows), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["items"] == 6 and report["threshold"] is None
    assert {"balanced_accuracy", "precision", "recall", "auroc"} <= set(report)
    labelled = load_labelled_claims()[:6]
    judged = [json.loads(line) for line in rows.read_text().splitlines()]
    assert [(r["id"], r["hallucinated"]) for r in judged] == [(i.id, i.hallucinated) for i in labelled]
    assert all(r["claims"] >= 1 for r in judged)  # each claim was verified, not skipped


def test_another_labels_file_is_read_from_path_and_a_broken_one_is_a_usage_error(tmp_path: Path) -> None:
    sheet = sample_sheet(ROWS, lambda q: [PASSAGE], 2, seed=1)
    sheet[0]["label"] = "supported"
    result = CliRunner().invoke(
        eval_app, ["detector", "--dataset", "smollm2-claims", "--path", str(_write(tmp_path, sheet)), "--json"]
    )
    assert result.exit_code == 2
    assert "labels.jsonl:2: label None" in result.output


def _run_with_verdicts(labels: list[dict[str, Any]], flip: int | None = None) -> dict[str, Any]:
    """A results.json whose answers hold each labelled claim with the verdict its label gives (one flipped)."""
    rows = []
    for k, r in enumerate(labels):
        supported = (r["label"] == "supported") != (k == flip)
        verdict = {
            "text": r["claim"],
            "label": "supported" if supported else "unsupported",
            "score": 0.9 if supported else 0.1,
        }
        rows.append(
            {
                "id": r["question_id"],
                "result": {"claims": [{"text": "Another claim.", "label": "supported", "score": 0.99}, verdict]},
            }
        )
    return {"rows": rows}


def test_verdicts_inside_answers_are_scored_against_the_labels(tmp_path: Path) -> None:
    labels = [json.loads(line) for line in SMOLLM2_CLAIMS.read_text().splitlines()]
    run = tmp_path / "results.json"
    run.write_text(json.dumps(_run_with_verdicts(labels)))
    args = ["detector", "--dataset", "smollm2-claims", "--answers", str(run), "--json"]
    result = CliRunner().invoke(eval_app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["accuracy"], report["items"], report["auroc"]) == (1.0, 100, 1.0)
    flipped = next(k for k, r in enumerate(labels) if r["label"] == "supported")
    run.write_text(json.dumps(_run_with_verdicts(labels, flip=flipped)))
    report = json.loads(CliRunner().invoke(eval_app, args).stdout)
    assert report["accuracy"] == 0.99 and report["precision"] < 1.0 and report["recall"] == 1.0


def test_a_run_without_the_labelled_claims_is_a_usage_error(tmp_path: Path) -> None:
    run = tmp_path / "results.json"
    run.write_text(json.dumps({"rows": [{"id": "q016", "result": {"claims": []}}]}))
    result = CliRunner().invoke(eval_app, ["detector", "--dataset", "smollm2-claims", "--answers", str(run)])
    assert result.exit_code == 2 and "c001: the run has no claim" in " ".join(result.output.split())
    result = CliRunner().invoke(eval_app, ["detector", "--dataset", "suite-answers", "--answers", str(run)])
    assert result.exit_code == 2 and "use it with --dataset smollm2-claims" in " ".join(result.output.split())


def test_the_detector_gates_on_its_false_alarm_and_miss_rates(tmp_path: Path) -> None:
    labels = [json.loads(line) for line in SMOLLM2_CLAIMS.read_text().splitlines()]
    flipped = next(k for k, r in enumerate(labels) if r["label"] == "supported")
    run = tmp_path / "results.json"
    run.write_text(json.dumps(_run_with_verdicts(labels, flip=flipped)))  # one supported claim flagged
    args = ["detector", "--dataset", "smollm2-claims", "--answers", str(run), "--json"]
    supported = sum(r["label"] == "supported" for r in labels)
    report = json.loads(CliRunner().invoke(eval_app, args).stdout)
    assert (report["false_alarm_rate"], report["miss_rate"]) == (round(1 / supported, 4), 0.0)
    passed = CliRunner().invoke(eval_app, [*args, "--max-false-alarm-rate", "0.06", "--max-miss-rate", "0"])
    assert passed.exit_code == 0, passed.output
    failed = CliRunner().invoke(eval_app, [*args, "--max-false-alarm-rate", "0.05", "--max-miss-rate", "0"])
    assert failed.exit_code == 1
    assert "gate FAILED: false_alarm_rate 0.056 (grounded items flagged) is above the maximum 0.050" in failed.output
    assert failed.output.count("gate FAILED") == 1  # the miss rate is within its bound
