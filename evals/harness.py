"""An eval run as a function: ingest the corpus, run the suite in-process or against a URL, aggregate,
gate and write the reports. `tether eval run` and `tether eval policies` (cli/eval_run.py) call it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.grounding.answer_policies import Policy
from app.llm.base import LLMBackend
from app.services import Services, build_services, make_ingestor
from app.settings import Settings
from evals import metrics
from evals.faults import FaultBackend, fault_detection, plan_faults
from evals.gate import GateResult, evaluate_gate
from evals.gencache import CachedBackend
from evals.report import write_reports
from evals.runner import EvalTargetError, HttpTarget, InProcessTarget, run_suite
from evals.suite import load_suite

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


def with_backend(settings: Settings, backend: str | None, base_url: str | None) -> Settings:
    if backend is None and base_url is None:
        return settings
    changes = {k: v for k, v in (("llm.backend", backend), ("llm.base_url", base_url)) if v}
    return settings.override(changes)  # validated as a whole: openai needs a base URL


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
