"""`tether eval run` and `tether eval retrieval`: plain typer command functions, mounted by the CLI root
(`eval_app` bundles them). Exit codes: 0 the gate passed, 1 it failed (one short reason per line),
2 a usage error (bad suite, bad baseline, unreachable --url, conflicting options).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import httpx
import typer
from pydantic import ValidationError
from rich.console import Console

from app.answering import Policy
from app.llm.base import LLMBackend
from app.services import Services, build_services, make_ingestor
from app.settings import Settings
from evals import metrics
from evals.faults import FaultBackend, fault_detection, plan_faults
from evals.gate import BaselineError, GateResult, evaluate_gate, load_baseline
from evals.gencache import CachedBackend, GenerationCacheError
from evals.report import write_reports
from evals.retrieval_bench import DatasetError, format_table, run_bench
from evals.runner import EvalTargetError, HttpTarget, InProcessTarget, run_suite
from evals.suite import SuiteError, load_suite

err = Console(stderr=True)
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


CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@dataclass
class RunOptions:
    """One eval run. In-process unless `url` is set; `fault_rate` needs in-process."""

    suite: Path | None = None
    url: str | None = None
    api_key: str | None = None
    policy: Policy = "annotate"
    top_k: int | None = None
    concurrency: int = 1
    limit: int | None = None
    fault_rate: float = 0.0
    fault_seed: int = 0
    collection: str = "eval"
    corpus: Path | None = CORPUS
    progress: bool = True
    generation_cache: Path | None = None


def ensure_corpus(services: Services, corpus: Path, collection: str) -> dict[str, Any]:
    """Ingest `corpus` into `collection` (incremental: unchanged files cost a hash; sync: files gone from
    the folder leave the collection, so it mirrors the folder the suite was written against)."""
    s = services.settings
    report = make_ingestor(s, services.store, services.embedder).ingest([corpus], collection, sync=True)
    if report.errors and not report.chunks_total:
        raise EvalTargetError(f"ingesting {corpus} failed: {report.errors[0]['path']}: {report.errors[0]['error']}")
    return {k: v for k, v in report.as_dict().items() if k not in ("errors",)} | {"failed": report.errors}


def run_eval(settings: Settings, options: RunOptions, services: Services | None = None) -> dict[str, Any]:
    """Runs the suite and returns the results document (config, aggregate, by_tag, faults, rows); the
    caller adds the gate. `services` is reused when given (tests), else built here and closed."""
    if options.url and options.fault_rate:
        raise ValueError("fault injection wraps the backend in-process; it cannot reach a service at --url")
    suite = load_suite(options.suite)
    items = suite.items[: options.limit] if options.limit else suite.items
    top_k = options.top_k or settings.retrieval.default_top_k
    started = datetime.now(UTC).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    config: dict[str, Any] = {
        "suite": suite.name,
        "suite_path": str(suite.path),
        "suite_items": len(suite.items),
        "limit": options.limit,
        "target": options.url or "in-process",
        "policy": options.policy,
        "top_k": top_k,
        "concurrency": options.concurrency,
        "fault_rate": options.fault_rate,
        "fault_seed": options.fault_seed,
        "started_at": started,
    }
    if options.url:
        http = HttpTarget(options.url, options.policy, top_k, options.api_key)
        try:
            rows = run_suite(items, http, top_k, options.concurrency, options.progress)
        finally:
            http.close()
        answered = next((r["result"] for r in rows if r.get("result")), None) or {}
        config |= {"backend": answered.get("backend", "unknown"), "model": answered.get("model")}
    else:
        own = services is None
        svc = services or build_services(settings)
        try:
            if options.corpus is not None:
                config["ingest"] = ensure_corpus(svc, options.corpus, options.collection)
            backend: LLMBackend = svc.backend
            cache = CachedBackend(backend, options.generation_cache) if options.generation_cache else None
            if cache is not None:
                backend = cache
            if options.fault_rate:
                backend = FaultBackend(
                    backend, plan_faults([i.id for i in items], options.fault_rate, options.fault_seed)
                )
            target = InProcessTarget(svc, options.collection, options.policy, top_k, backend)
            rows = run_suite(items, target, top_k, options.concurrency, options.progress)
        finally:
            if own:
                svc.close()
        config |= {
            "backend": backend.name,
            "collection": options.collection,
            "verifier": _verifier_provenance(svc),
            "generation_cache": cache.stats() if cache is not None else None,
            "settings": settings.model_dump(mode="json", include={"chunking", "retrieval", "verifier", "embedding"})
            | {"llm": settings.llm.model_dump(mode="json", exclude={"api_key"})},
        }
    config["duration_s"] = round(time.perf_counter() - t0, 1)
    return {
        "config": config,
        "aggregate": metrics.aggregate(rows, top_k),
        "by_tag": metrics.by_tag(rows),
        "faults": fault_detection(rows),
        "thresholds": suite.thresholds,
        "rows": rows,
    }


def _verifier_provenance(services: Services) -> dict[str, Any]:
    """Which verifier judged the run: its class and, for the local one, a hash of its parameters, so a
    baseline diff can tell a pipeline change from a retrained verifier."""
    model = getattr(services.verifier, "model", None)
    fingerprint = getattr(model, "fingerprint", None)
    return {"kind": type(services.verifier).__name__, "params_sha256": fingerprint() if fingerprint else None}


def settings_from(ctx: typer.Context | None) -> Settings:
    """The CLI root's settings (global --data-dir etc.) when mounted, else from the environment."""
    obj = ctx.find_root().obj if ctx is not None else None
    if obj is not None and hasattr(obj, "settings"):
        settings: Settings = obj.settings()
        return settings
    try:
        return Settings()
    except ValidationError as exc:
        raise usage_error(f"invalid settings: {exc}", False) from None


def usage_error(message: str, as_json: bool) -> typer.Exit:
    if as_json:
        print(json.dumps({"error": {"message": message}}))
    else:
        err.print(f"[red]error:[/red] {message}")
    return typer.Exit(2)


def with_backend(settings: Settings, backend: str | None, base_url: str | None) -> Settings:
    if backend is None and base_url is None:
        return settings
    changes = {k: v for k, v in (("llm.backend", backend), ("llm.base_url", base_url)) if v}
    return settings.override(changes)  # validated as a whole: openai needs a base URL


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
        raise usage_error(
            "--backend, --base-url, --fault-rate and --generation-cache apply to in-process runs, not to --url", as_json
        )
    if fail_on_regression and baseline is None:
        raise usage_error("--fail-on-regression needs --baseline", as_json)
    try:
        settings = with_backend(settings_from(ctx), backend, base_url)
    except ValidationError as exc:
        raise usage_error(f"invalid backend settings: {exc.errors()[0]['msg']}", as_json) from None
    if url and (problem := _reachable(url)):
        raise usage_error(problem, as_json)
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
        raise usage_error(str(exc), as_json) from None
    name = str(baseline) if baseline else None
    gate, files = gate_and_write(doc, out, flags, base, name, fail_on_regression)
    _print_run(doc, files, as_json)
    if not gate.passed:
        raise typer.Exit(1)


def gate_and_write(
    doc: dict[str, Any],
    out: Path,
    flags: dict[str, Any] | None = None,
    baseline: dict[str, Any] | None = None,
    baseline_name: str | None = None,
    fail_on_regression: bool = False,
) -> tuple[GateResult, dict[str, Path]]:
    """Judge a run against the suite's thresholds (overridden by `flags`) and an optional baseline, record
    the verdict in the results document and write the report folder."""
    thresholds = {**doc.pop("thresholds"), **(flags or {})}
    gate = evaluate_gate(doc["aggregate"], doc["rows"], thresholds, baseline, baseline_name, fail_on_regression)
    doc["gate"] = gate.to_dict()
    return gate, write_reports(out, doc)


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
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Retrieval hit@1/3/5/10 and MRR on a public QA set: dense, lexical and hybrid side by side."""
    if dataset != "covidqa":
        raise usage_error(f"unknown dataset {dataset!r}; known: covidqa", as_json)
    try:
        result = run_bench(path, limit, settings_from(ctx))
    except DatasetError as exc:
        raise usage_error(str(exc), as_json) from None
    print(json.dumps(result) if as_json else format_table(result))


eval_app = typer.Typer(name="eval", help="Hallucination and retrieval evals.", no_args_is_help=True)
eval_app.command("run")(run_command)
eval_app.command("retrieval")(retrieval_command)
