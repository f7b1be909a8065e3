"""`tether eval run`, `tether eval policies` and `tether eval retrieval`: the commands over evals/harness.py.

Exit codes: 0 the gate passed, 1 it failed (one short reason per line), 2 a usage error (bad suite, bad
baseline, unreachable --url, conflicting options).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import httpx
import typer
from pydantic import ValidationError
from rich.console import Console

from cli.common import fail, print_json, settings_from
from evals.gate import BaselineError, load_baseline
from evals.gencache import GenerationCacheError
from evals.harness import CORPUS, RunOptions, gate_and_write, run_eval, with_backend
from evals.policy_comparison import compare_policies, comparison_table
from evals.retrieval_bench import RERANK_DEPTH, DatasetError, format_table, run_bench
from evals.runner import EvalTargetError
from evals.suite import SuiteError

out = Console()
Backend = Literal["extractive", "openai", "local"]
PolicyName = Literal["annotate", "redact", "abstain"]
HEADLINE = (
    "hallucination_rate",
    "citation_precision",
    "citation_recall",
    "retrieval_hit_rate",
    "answer_correctness",
    "abstention_recall",
    "injection_obedience_rate",
)


def _reachable(url: str) -> str | None:
    try:
        r = httpx.get(url.rstrip("/") + "/healthz", timeout=10)
    except httpx.HTTPError as exc:
        return f"cannot reach the service at {url}: {exc}"
    return None if r.status_code == 200 else f"{url}/healthz answered HTTP {r.status_code}"


def run_command(
    ctx: typer.Context,
    suite: Path | None = typer.Option(None, "--suite", help="Suite JSONL; default evals/suites/default.jsonl."),
    out: Path = typer.Option(Path("reports/eval"), "--out", help="Report folder (results.json, summary.md, ...)."),
    url: str | None = typer.Option(None, "--url", help="Evaluate a running service (POST /v1/answer) instead."),
    api_key: str | None = typer.Option(None, "--api-key", envvar="TETHER_EVAL_API_KEY", help="Key for --url."),
    backend: Backend | None = typer.Option(None, "--backend", help="In-process LLM backend (default: settings)."),
    base_url: str | None = typer.Option(None, "--base-url", help="OpenAI-compatible base URL for --backend openai."),
    policy: PolicyName = typer.Option("annotate", "--policy"),
    top_k: int | None = typer.Option(None, "--top-k", min=1, max=50, help="Passages per question."),
    concurrency: int = typer.Option(1, "--concurrency", min=1, max=64),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N questions."),
    fault_rate: float = typer.Option(0.0, "--fault-rate", min=0.0, max=1.0, help="Share of answers to corrupt."),
    fault_seed: int = typer.Option(0, "--fault-seed"),
    generation_cache: Path | None = typer.Option(
        None, "--generation-cache", help="JSONL of raw generations: replayed when the request matches, else recorded."
    ),
    collection: str = typer.Option("eval", "--collection", help="In-process collection the corpus goes into."),
    corpus: Path | None = typer.Option(CORPUS, "--corpus", help="Folder ingested first (in-process)."),
    skip_ingest: bool = typer.Option(False, "--skip-ingest", help="Evaluate --collection as it is."),
    max_hallucination_rate: float | None = typer.Option(None, "--max-hallucination-rate", min=0, max=1),
    max_unsupported_claim_rate: float | None = typer.Option(None, "--max-unsupported-claim-rate", min=0, max=1),
    min_citation_precision: float | None = typer.Option(None, "--min-citation-precision", min=0, max=1),
    min_citation_recall: float | None = typer.Option(None, "--min-citation-recall", min=0, max=1),
    min_retrieval_hit_rate: float | None = typer.Option(None, "--min-retrieval-hit-rate", min=0, max=1),
    min_retrieval_mrr: float | None = typer.Option(None, "--min-retrieval-mrr", min=0, max=1),
    min_answer_correctness: float | None = typer.Option(None, "--min-answer-correctness", min=0, max=1),
    min_abstention_precision: float | None = typer.Option(None, "--min-abstention-precision", min=0, max=1),
    min_abstention_recall: float | None = typer.Option(None, "--min-abstention-recall", min=0, max=1),
    max_injection_obedience_rate: float | None = typer.Option(None, "--max-injection-obedience-rate", min=0, max=1),
    max_latency_p95_ms: float | None = typer.Option(None, "--max-latency-p95-ms", min=0),
    max_errors: int | None = typer.Option(None, "--max-errors", min=0, help="Errored items allowed (default 0)."),
    baseline: Path | None = typer.Option(None, "--baseline", help="A previous results.json: per-question diff."),
    fail_on_regression: bool = typer.Option(False, "--fail-on-regression", help="Any regression fails the gate."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (aggregate + gate) on stdout."),
) -> None:
    """Run an eval suite, write the report folder, and gate on the thresholds."""
    flags = {k: v for k, v in locals().items() if k.startswith(("max_", "min_")) and v is not None}
    if url and (backend or base_url or fault_rate or generation_cache):
        raise fail(
            "--backend, --base-url, --fault-rate and --generation-cache apply to in-process runs, not to --url",
            2,
            as_json,
        )
    if fail_on_regression and baseline is None:
        raise fail("--fail-on-regression needs --baseline", 2, as_json)
    try:
        settings = with_backend(settings_from(ctx), backend, base_url)
    except ValidationError as exc:
        raise fail(f"invalid backend settings: {exc.errors()[0]['msg']}", 2, as_json) from None
    if url and (problem := _reachable(url)):
        raise fail(problem, 2, as_json)
    base = None
    try:
        base = load_baseline(baseline) if baseline else None
        options = RunOptions(
            suite=suite,
            url=url,
            api_key=api_key,
            policy=policy,
            top_k=top_k,
            concurrency=concurrency,
            limit=limit,
            fault_rate=fault_rate,
            fault_seed=fault_seed,
            collection=collection,
            corpus=None if skip_ingest else corpus,
            progress=not as_json,
            generation_cache=generation_cache,
        )
        doc = run_eval(settings, options)
    # EvalTargetError here: --corpus did not ingest.
    except (SuiteError, BaselineError, EvalTargetError, GenerationCacheError) as exc:
        raise fail(str(exc), 2, as_json) from None
    name = str(baseline) if baseline else None
    gate, files = gate_and_write(doc, out, flags, base, name, fail_on_regression)
    _print_run(doc, files, as_json)
    if not gate.passed:
        raise typer.Exit(1)


def _print_run(doc: dict[str, Any], files: dict[str, Path], as_json: bool) -> None:
    agg, gate, cfg = doc["aggregate"], doc["gate"], doc["config"]
    if as_json:
        regressions = {k: len(v) for k, v in (gate["regressions"] or {}).items()}
        extra = {"passed": gate["passed"], "reasons": gate["reasons"], "regressions": regressions}
        print(json.dumps(agg | extra | {"faults": doc["faults"], "report": str(files["results"].parent)}))
        return
    lines = [
        f"eval {cfg['suite']}: {'PASSED' if gate['passed'] else 'FAILED'} ({agg['questions']} questions, "
        f"{agg['answered']} answered, {agg['abstained']} abstained, {agg['errors']} errored; {cfg['backend']})",
        *(f"  - {r}" for r in gate["reasons"]),
    ]
    for key in HEADLINE:
        value, ci = agg.get(key), agg.get(f"{key}_ci")
        lines.append(f"  {key:<26} " + ("n/a" if value is None else f"{value:.3f}  [{ci[0]:.3f}, {ci[1]:.3f}]"))
    lines.append(f"  {'latency p50 / p95 (ms)':<26} {agg['latency_p50_ms']} / {agg['latency_p95_ms']}")
    if gate["regressions"] is not None:
        counts = ", ".join(f"{k.replace('_', ' ')} {len(v)}" for k, v in gate["regressions"].items())
        lines.append(f"  against {gate['baseline']}: {counts}")
    if doc["faults"]:
        f = doc["faults"]
        lines.append(f"  faults: {f['corrupted']} corrupted, detection rate {f['detection_rate']}")
    lines.append(f"report: {files['html']}")
    out.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)


def retrieval_command(
    ctx: typer.Context,
    dataset: str = typer.Option("covidqa", "--dataset", help="Only covidqa for now."),
    path: Path = typer.Option(..., "--path", help="Dataset folder, e.g. ../shared/datasets/covidqa."),
    limit: int = typer.Option(200, "--limit", min=1, help="First N dev questions."),
    rerank_depth: int = typer.Option(
        RERANK_DEPTH, "--rerank-depth", min=0, max=100, help="Hybrid candidates the reranker reads; 0: no reranked row."
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Retrieval hit@1/3/5/10 and MRR on a public QA set: dense, lexical, hybrid and reranked side by side."""
    if dataset != "covidqa":
        raise fail(f"unknown dataset {dataset!r}; known: covidqa", 2, as_json)
    try:
        result = run_bench(path, limit, settings_from(ctx), rerank_depth=rerank_depth)
    except DatasetError as exc:
        raise fail(str(exc), 2, as_json) from None
    print(json.dumps(result) if as_json else format_table(result))


def policies_command(
    ctx: typer.Context,
    suite: Path | None = typer.Option(None, "--suite", help="Suite JSONL; default evals/suites/default.jsonl."),
    out: Path = typer.Option(Path("reports/policies"), "--out", help="Folder for the three reports and the table."),
    backend: Backend | None = typer.Option(None, "--backend", help="In-process LLM backend (default: settings)."),
    base_url: str | None = typer.Option(None, "--base-url", help="OpenAI-compatible base URL for --backend openai."),
    generation_cache: Path | None = typer.Option(
        None, "--generation-cache", help="Raw generations (JSONL); default OUT/generations.jsonl."
    ),
    top_k: int | None = typer.Option(None, "--top-k", min=1, max=50),
    concurrency: int = typer.Option(1, "--concurrency", min=1, max=64),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N questions."),
    collection: str = typer.Option("eval", "--collection"),
    corpus: Path = typer.Option(CORPUS, "--corpus", help="Folder ingested first."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: the three aggregates."),
) -> None:
    """Run a suite under annotate, redact and abstain on the same raw answers; print the comparison."""
    try:
        settings = with_backend(settings_from(ctx), backend, base_url)
    except ValidationError as exc:
        raise fail(f"invalid backend settings: {exc.errors()[0]['msg']}", 2, as_json) from None
    base = RunOptions(
        suite=suite,
        top_k=top_k,
        concurrency=concurrency,
        limit=limit,
        collection=collection,
        corpus=corpus,
        progress=not as_json,
        generation_cache=generation_cache or out / "generations.jsonl",
    )
    try:
        doc = compare_policies(settings, base, out)
    except (SuiteError, EvalTargetError, GenerationCacheError) as exc:
        raise fail(str(exc), 2, as_json) from None
    if as_json:
        print_json(doc)
    else:
        print(f"backend: {doc['backend']}; reports in {out}/{{annotate,redact,abstain}}\n")
        print(comparison_table(doc["aggregates"]))
