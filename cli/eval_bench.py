"""`tether eval detector` and `tether eval answerability`: the grounding models alone on labelled data.

    tether eval detector --dataset halueval-qa --path ../shared/datasets --json
    tether eval detector --dataset wice --path ../shared/datasets
    tether eval detector --dataset suite-answers
    tether eval detector --dataset smollm2-claims

The headline is always at the verifier's own labels (the threshold the service uses); `--threshold
train` or a number shows another operating point, with the labels' figures beside it under
`verifier_labels`.

`--max-false-alarm-rate` and `--max-miss-rate` make it a gate (`.ci/run` holds the verifier to its
figures on the suite's labelled answers): a rate above its bound exits 1, saying which.

Exit codes: 0 done, 1 a gate bound crossed, 2 a usage error (unknown dataset, data not at --path, bad
--threshold).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import typer
from rich.console import Console
from rich.table import Table

from app.grounding.verifier import Verifier
from app.settings import Settings
from cli.common import fail, settings_from
from evals.detector.datasets import DATASETS, LOCAL_SETS, DatasetMissing, DetectorItem, Split
from evals.detector.labelled_claims import SMOLLM2_CLAIMS, LabelsInvalid, judged_in_answers, load_labelled_claims
from evals.detector.run import ItemResult, run_detector, tune_threshold

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


def _verifier(kind: str, settings: Settings) -> Verifier:
    from app.components import make_verifier
    from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder

    if kind == "llm":
        settings = settings.override({"verifier.kind": "llm"})
    return make_verifier(settings, CachedEmbedder(SentenceTransformerEmbedder(settings.embedding)))


def detector_command(
    ctx: typer.Context,
    dataset: str = typer.Option(..., "--dataset", help=f"One of: {', '.join(DATASETS)}."),
    path: Path | None = typer.Option(
        None,
        "--path",
        help="The datasets folder (or the dataset's own folder); suite-answers needs none; for smollm2-claims, "
        "another labels file of its shape (default evals/labels/smollm2-claims.jsonl).",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="First N items of the split."),
    split: str = typer.Option("test", "--split", help="test | train | all (declared splits, see docs)."),
    threshold: str = typer.Option(
        "labels",
        "--threshold",
        help="Answer-level support cut. labels (or auto): the verifier's own labels, at the threshold the "
        "service uses (TETHER_VERIFIER__THRESHOLD); train: the best cut on the dataset's train split under "
        "--path (halueval-qa, faithbench), shown for comparison; or a number in (0, 1).",
    ),
    verifier_kind: str = typer.Option("local", "--verifier", help="local | llm (the configured judge)."),
    rows_path: Path | None = typer.Option(None, "--rows", help="Also write every item's result (JSONL)."),
    answers: Path | None = typer.Option(
        None,
        "--answers",
        help="smollm2-claims only: an eval run's results.json; score the verdict each claim got inside its "
        "answer there (as /v1/answer gave it) instead of verifying it alone.",
    ),
    max_false_alarm_rate: float | None = typer.Option(
        None, "--max-false-alarm-rate", min=0.0, max=1.0, help="Gate: exit 1 when more grounded items are flagged."
    ),
    max_miss_rate: float | None = typer.Option(
        None, "--max-miss-rate", min=0.0, max=1.0, help="Gate: exit 1 when more hallucinated items pass."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print exactly one JSON object."),
) -> None:
    """Accuracy, balanced accuracy, P/R/F1 ("hallucinated" positive), AUROC, false alarm and miss rates
    and ms/item, plus the baselines' figures on the same items for FaithBench."""
    if dataset not in DATASETS:
        raise fail(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")
    if split not in ("test", "train", "all"):
        raise fail(f"--split must be test, train or all, not {split!r}")
    if dataset not in LOCAL_SETS and (path is None or not path.exists()):
        raise fail(f"--path {path} does not exist (the public datasets live in ../shared/datasets)")
    if verifier_kind not in ("local", "llm"):
        raise fail(f"--verifier must be local or llm, not {verifier_kind!r}")
    if answers is not None:
        _gate(_in_answers(dataset, path, answers, as_json), max_false_alarm_rate, max_miss_rate)
        return
    settings = settings_from(ctx)
    rows: list[ItemResult] = []
    try:
        items = _local_set(dataset, path, settings, verifier_kind, limit) if dataset in LOCAL_SETS else None
        verifier = items[1] if items else _verifier(verifier_kind, settings)
        cut, note = _threshold(threshold, dataset, path, verifier, limit)
        report = run_detector(
            dataset,
            path or Path("."),
            verifier,
            limit,
            cast(Split, split),
            rows,
            cut,
            note,
            items[0] if items else None,
        )
    except (DatasetMissing, LabelsInvalid) as exc:
        raise fail(str(exc)) from None
    if rows_path:
        rows_path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in rows), encoding="utf-8")
    _show(dataset, report, as_json)
    _gate(report, max_false_alarm_rate, max_miss_rate)


def _show(dataset: str, report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(report))
    else:
        Console().print(table(dataset, report))
        print(f"false alarm rate {report['false_alarm_rate']:.3f}, miss rate {report['miss_rate']:.3f}")


def _gate(report: dict[str, Any], max_false_alarm_rate: float | None, max_miss_rate: float | None) -> None:
    crossed = gate_reasons(report, max_false_alarm_rate, max_miss_rate)
    for reason in crossed:
        typer.echo(f"gate FAILED: {reason}", err=True)
    if crossed:
        raise typer.Exit(1)


def gate_reasons(report: dict[str, Any], max_false_alarm_rate: float | None, max_miss_rate: float | None) -> list[str]:
    """One reason per bound the report's rates (at the headline labels) cross (pure)."""
    out = []
    for key, bound, what in (
        ("false_alarm_rate", max_false_alarm_rate, "grounded items flagged"),
        ("miss_rate", max_miss_rate, "hallucinated items passed"),
    ):
        if bound is not None and report[key] > bound:
            out.append(f"{key} {report[key]:.3f} ({what}) is above the maximum {bound:.3f}")
    return out


def _in_answers(dataset: str, path: Path | None, answers: Path, as_json: bool) -> dict[str, Any]:
    if dataset != "smollm2-claims":
        raise fail("--answers reads a run's verdicts for hand-labelled claims: use it with --dataset smollm2-claims")
    try:
        report = judged_in_answers(json.loads(answers.read_text(encoding="utf-8")), path or SMOLLM2_CLAIMS)
    except (OSError, ValueError) as exc:  # LabelsInvalid and DatasetMissing among them
        raise fail(f"--answers {answers}: {exc}") from None
    _show(dataset, report, as_json)
    return report


def _local_set(
    dataset: str, path: Path | None, settings: Settings, kind: str, limit: int | None
) -> tuple[list[DetectorItem], Verifier]:
    """A labelled set kept in this repository, and the verifier to judge it with. suite-answers: the
    suite's labelled answers with the passages retrieval gives over corpus/ (ingested first, incrementally,
    into the eval collection), judged by the verifier those services carry. smollm2-claims: hand-labelled
    claims, each with the passages it was labelled against (no retrieval), from `path` when given."""
    if dataset == "smollm2-claims":
        claims = load_labelled_claims(path or SMOLLM2_CLAIMS)
        return claims[:limit] if limit else claims, _verifier(kind, settings)
    from app.services import build_services
    from evals.detector.suite_answers import load_suite_answers
    from evals.harness import CORPUS, ensure_corpus

    if kind == "llm":
        settings = settings.override({"verifier.kind": "llm"})
    services = build_services(settings)
    ensure_corpus(services, CORPUS, "eval")
    items = load_suite_answers(services, "eval")
    return items[: limit * 2] if limit else items, services.verifier


def _threshold(
    value: str, dataset: str, path: Path | None, verifier: Verifier, limit: int | None
) -> tuple[float | None, str]:
    if value in ("labels", "auto"):
        return None, ""
    if value == "train":
        if dataset not in ("halueval-qa", "faithbench") or path is None:
            raise fail("--threshold train needs a dataset with a declared train split: halueval-qa, faithbench")
        cut = tune_threshold(dataset, path, verifier, limit)
        return cut, f"the cut that maximises balanced accuracy on the {dataset} train split under --path"
    try:
        cut = float(value)
    except ValueError:
        raise fail(f"--threshold must be labels, train or a number in (0, 1), not {value!r}") from None
    if not 0.0 < cut < 1.0:
        raise fail(f"--threshold must be in (0, 1), not {cut}")
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


def answerability_command(
    ctx: typer.Context,
    dataset: str = typer.Option(
        ..., "--dataset", help="squad2 | covidqa (held-out articles; covidqa: answerable only)."
    ),
    path: Path = typer.Option(..., "--path", help="The datasets folder (../shared/datasets)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="First N items."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.0, max=1.0, help="Default: the service's."),
    as_json: bool = typer.Option(False, "--json", help="Print exactly one JSON object."),
) -> None:
    """The pre-generation answerability decision on held-out questions: balanced accuracy, AUROC, the
    share of answerable questions wrongly abstained, ms/item."""
    from app.grounding.answerability import AnswerabilityJudge
    from evals.answerability import DATASETS as ANSWER_SETS
    from evals.answerability import load_answerability_items, measure
    from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder

    if dataset not in ANSWER_SETS:
        raise fail(f"unknown dataset {dataset!r}; expected one of {', '.join(ANSWER_SETS)}")
    if not path.exists():
        raise fail(f"--path {path} does not exist (the public datasets live in ../shared/datasets)")
    settings = settings_from(ctx)
    try:
        items = load_answerability_items(dataset, path)
    except FileNotFoundError as exc:
        raise fail(f"{dataset} is not under --path {path}: {exc.filename}") from None
    judge = AnswerabilityJudge(CachedEmbedder(SentenceTransformerEmbedder(settings.embedding)), settings.answerability)
    report = {"dataset": dataset, **measure(items[:limit] if limit else items, judge, threshold)}
    if as_json:
        print(json.dumps(report))
        return
    t = Table(title=f"answerability: {dataset}")
    for k in report:
        t.add_column(k)
    t.add_row(*(_cell(v) for v in report.values()))
    Console().print(t)
