"""`tether eval detector`: the grounding verifier as a hallucination detector on public labelled data.

    tether eval detector --dataset halueval-qa --path ../shared/datasets --json
    tether eval detector --dataset faithbench --path ../shared/datasets --threshold labels

The default operating point is the answer-level cut stored in the verifier params for the dataset,
chosen on its declared train split when the model was trained; the JSON also carries the metrics by
the verifier's own labels under `verifier_labels`.

Exit codes: 0 done, 2 a usage error (unknown dataset, data not at --path, bad --threshold).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import typer
from rich.console import Console
from rich.table import Table

from app.grounding.verifier import LocalVerifier, Verifier
from app.settings import Settings
from evals.detector.datasets import DATASETS, DatasetMissing, Split
from evals.detector.run import ItemResult, run_detector, tune_threshold

err = Console(stderr=True)
METRICS = {
    "accuracy": "acc",
    "balanced_accuracy": "bal acc",
    "precision": "P",
    "recall": "R",
    "f1": "F1",
    "auroc": "AUROC",
    "items": "n",
    "ms_per_item": "ms/item",
}


def make_verifier(kind: str, settings: Settings) -> Verifier:
    if kind == "llm":
        from app.grounding.llm_judge import LLMJudgeVerifier

        return LLMJudgeVerifier(settings.llm, settings.verifier)
    from ingestion.embedder import SentenceTransformerEmbedder

    return LocalVerifier(SentenceTransformerEmbedder(settings.embedding), settings.verifier)


def _usage(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(2)


def detector_command(
    dataset: str = typer.Option(..., "--dataset", help=f"One of: {', '.join(DATASETS)}."),
    path: Path = typer.Option(..., "--path", help="The datasets folder (or the dataset's own folder)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="First N items of the split."),
    split: str = typer.Option("test", "--split", help="test | train | all (declared splits, see docs)."),
    threshold: str = typer.Option(
        "auto",
        "--threshold",
        help="Answer-level support cut. auto: the cut stored in the verifier params for this dataset, chosen "
        "on its train split when the model was trained (the verifier's own labels if it has none); labels: "
        "the verifier's own labels (TETHER_VERIFIER__THRESHOLD); train: the best cut on the train split "
        "under --path; or a number in (0, 1).",
    ),
    verifier_kind: str = typer.Option("local", "--verifier", help="local | llm (the configured judge)."),
    rows_path: Path | None = typer.Option(None, "--rows", help="Also write every item's result (JSONL)."),
    as_json: bool = typer.Option(False, "--json", help="Print exactly one JSON object."),
) -> None:
    """Accuracy, balanced accuracy, P/R/F1 ("hallucinated" positive), AUROC and ms/item, plus the
    baselines' figures on the same items for FaithBench."""
    if dataset not in DATASETS:
        raise _usage(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")
    if split not in ("test", "train", "all"):
        raise _usage(f"--split must be test, train or all, not {split!r}")
    if not path.exists():
        raise _usage(f"--path {path} does not exist (the public datasets live in ../shared/datasets)")
    if verifier_kind not in ("local", "llm"):
        raise _usage(f"--verifier must be local or llm, not {verifier_kind!r}")
    verifier = make_verifier(verifier_kind, Settings())
    rows: list[ItemResult] = []
    try:
        cut, note = _threshold(threshold, dataset, path, verifier, limit)
        report = run_detector(dataset, path, verifier, limit, cast(Split, split), rows, cut, note)
    except DatasetMissing as exc:
        raise _usage(str(exc)) from None
    if rows_path:
        rows_path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in rows), encoding="utf-8")
    if as_json:
        print(json.dumps(report))
    else:
        Console().print(table(dataset, report))


def _threshold(value: str, dataset: str, path: Path, verifier: Verifier, limit: int | None) -> tuple[float | None, str]:
    if value == "labels":
        return None, ""
    if value == "auto":
        stored = verifier.model.operating_points if isinstance(verifier, LocalVerifier) else {}
        if dataset not in stored:
            return None, ""
        how = f"the cut chosen on the {dataset} train split when the verifier was trained (its params)"
        return stored[dataset], how
    if value == "train":
        cut = tune_threshold(dataset, path, verifier, limit)
        return cut, f"the cut that maximises balanced accuracy on the {dataset} train split under --path"
    try:
        cut = float(value)
    except ValueError:
        raise _usage(f"--threshold must be auto, labels, train or a number in (0, 1), not {value!r}") from None
    if not 0.0 < cut < 1.0:
        raise _usage(f"--threshold must be in (0, 1), not {cut}")
    return cut, "given on the command line"


def table(dataset: str, report: dict[str, Any]) -> Table:
    t = Table(title=f"{dataset} ({report['split']} split)", caption=report["mapping"], caption_justify="left")
    t.add_column("detector")
    for header in METRICS.values():
        t.add_column(header, justify="right")
    rows = [("tether", report)]
    if "verifier_labels" in report:
        rows.append(("tether labels", report["verifier_labels"]))
    rows += report.get("baselines", {}).items()
    for name, r in rows:
        t.add_row(name, *(_cell(r.get(m)) for m in METRICS))
    return t


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


eval_app = typer.Typer(name="eval", help="Hallucination-detector benchmarks.", no_args_is_help=True)


@eval_app.callback()
def _group() -> None:
    """Keeps `detector` a subcommand (a one-command Typer app would run it bare)."""


eval_app.command("detector")(detector_command)
