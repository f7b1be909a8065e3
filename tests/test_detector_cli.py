"""`tether eval detector` on a small sample of the public data (../shared/datasets), and its usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import eval_app
from evals.detector.datasets import load_detector_items, to_passages

DATASETS = Path(__file__).parents[1].parent / "shared" / "datasets"
KEYS = {
    "accuracy",
    "balanced_accuracy",
    "precision",
    "recall",
    "f1",
    "auroc",
    "false_alarm_rate",
    "miss_rate",
    "items",
    "ms_per_item",
}

needs_data = pytest.mark.skipif(
    not (DATASETS / "halueval_qa").is_dir() or not (DATASETS / "faithbench").is_dir(),
    reason=f"public datasets not found at {DATASETS} (optional: detector benchmarks only)",
)


@pytest.mark.datasets
@needs_data
def test_halueval_sample_json() -> None:
    result = CliRunner().invoke(
        eval_app, ["detector", "--dataset", "halueval-qa", "--path", str(DATASETS), "--limit", "20", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # exactly one JSON object
    assert set(report) == KEYS | {"split", "mapping", "threshold"}
    assert report["items"] == 20 and report["split"] == "test"
    assert report["accuracy"] >= 0.75  # ten grounded and ten hallucinated answers
    # The headline is the verifier's own labels: the threshold the service uses.
    assert report["threshold"] is None and "verifier threshold" in report["mapping"]


@pytest.mark.datasets
@needs_data
@pytest.mark.parametrize("dataset", ["wice", "rte", "sick", "covidfact", "scifact"])
def test_claim_sets_report_the_same_keys(dataset: str) -> None:
    args = ["detector", "--dataset", dataset, "--path", str(DATASETS), "--limit", "6", "--json"]
    result = CliRunner().invoke(eval_app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == KEYS | {"split", "mapping", "threshold"} and report["items"] == 6


@pytest.mark.datasets
@needs_data
def test_another_operating_point_is_shown_beside_the_labels() -> None:
    args = ["detector", "--dataset", "halueval-qa", "--path", str(DATASETS), "--limit", "6", "--json"]
    result = CliRunner().invoke(eval_app, [*args, "--threshold", "0.9"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["threshold"] == 0.9 and set(report["verifier_labels"]) == (KEYS - {"ms_per_item"}) | {"mapping"}


@pytest.mark.datasets
@needs_data
def test_faithbench_sample_with_baselines(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    args = ["detector", "--dataset", "faithbench", "--path", str(DATASETS / "faithbench"), "--limit", "12"]
    result = CliRunner().invoke(eval_app, [*args, "--threshold", "0.4", "--rows", str(rows), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == KEYS | {"split", "mapping", "threshold", "verifier_labels", "baselines"}
    assert report["threshold"] == 0.4
    assert set(report["baselines"]) == {"hhem-2.1", "gpt_4o"}
    for baseline in report["baselines"].values():
        assert set(baseline) == (KEYS - {"ms_per_item"}) | {"mapping"} and baseline["items"] == 12
    assert "0.40" in report["mapping"]
    lines = [json.loads(x) for x in rows.read_text().splitlines()]
    assert len(lines) == 12 and {"id", "hallucinated", "predicted", "labelled", "score"} <= set(lines[0])
    # Each row's prediction is its score against the given cut.
    assert all(r["predicted"] == (1 - r["score"] < 0.4) for r in lines)


def test_splits_are_halves_of_any_file(tmp_path: Path) -> None:
    rows = [
        {"knowledge": f"Item {i} costs {i} dollars.", "question": f"What does item {i} cost?",
         "right_answer": f"{i} dollars", "hallucinated_answer": f"{i + 50} dollars"}
        for i in range(1, 8)
    ]  # fmt: skip
    (tmp_path / "qa_one_turn.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    train, test = (load_detector_items("halueval-qa", tmp_path, split) for split in ("train", "test"))
    assert [i.id for i in train[::2]] == ["halueval-1-r", "halueval-2-r", "halueval-3-r"]
    assert [i.id for i in test[::2]] == ["halueval-4-r", "halueval-5-r", "halueval-6-r", "halueval-7-r"]
    assert len(load_detector_items("halueval-qa", tmp_path, "all")) == 14


@pytest.mark.datasets
@needs_data
def test_table_output() -> None:
    result = CliRunner().invoke(
        eval_app, ["detector", "--dataset", "halueval-qa", "--path", str(DATASETS), "--limit", "4"]
    )
    assert result.exit_code == 0, result.output
    assert "bal acc" in result.stdout and "tether" in result.stdout


@pytest.mark.datasets
@needs_data
@pytest.mark.parametrize(("dataset", "split", "first"), [("halueval-qa", "train", 1), ("halueval-qa", "test", 251)])
def test_declared_splits(dataset: str, split: str, first: int) -> None:
    items = load_detector_items(dataset, DATASETS, split)  # type: ignore[arg-type]
    assert len(items) == 500 and items[0].id == f"halueval-{first}-r" and items[1].hallucinated
    passages = to_passages(items[0].source)
    for p in passages:  # passages carry sentence offsets into the source text
        assert items[0].source[p.start : p.end] == p.text
        assert all(items[0].source[s:e] == t for s, e, t in p.sentence_texts())


@pytest.mark.datasets
@needs_data
def test_faithbench_splits_and_labels() -> None:
    train, test = (load_detector_items("faithbench", DATASETS, split) for split in ("train", "test"))
    assert (len(train), len(test)) == (200, 200)
    assert {i.id.split("-")[1] for i in test} == {"5", "6", "7", "8"}
    assert all(i.hallucinated == bool(i.spans) for i in train if i.spans)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dataset", "halueval-qa", "--path", "/nonexistent/datasets"], "does not exist"),
        (["--dataset", "nope", "--path", "."], "unknown dataset"),
        (["--dataset", "halueval-qa", "--path", ".", "--split", "dev"], "--split"),
        (["--dataset", "halueval-qa", "--path", "."], "no qa_one_turn.jsonl"),
        (["--dataset", "halueval-qa", "--path", ".", "--threshold", "best"], "--threshold must be"),
        (["--dataset", "halueval-qa", "--path", ".", "--threshold", "1.5"], "--threshold must be in (0, 1)"),
        (["--dataset", "wice", "--path", ".", "--threshold", "train"], "declared train split"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(eval_app, ["detector", *args])
    assert result.exit_code == 2
    assert message in result.output
