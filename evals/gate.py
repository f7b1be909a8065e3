"""The release gate: thresholds on the aggregate -> pass/fail with one short reason per failed check, and
per-question regressions against a baseline `results.json` (optionally failing the gate too).

Thresholds are `max_<metric>` (fail above) or `min_<metric>` (fail below) on the point estimate; the
interval is printed beside it. A threshold on a metric the run could not measure (no unanswerable
questions for `min_abstention_recall`) fails: a gate that silently skips a check passes nothing.
`max_errors` is always checked (0 unless set): an item that errored was not judged, so a run with errors
cannot pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from evals.suite import GATED_METRICS

DEFAULT_THRESHOLDS: dict[str, float] = {"max_errors": 0}


class BaselineError(ValueError):
    """The baseline file is missing or not a results.json written by this harness."""


@dataclass(frozen=True, slots=True)
class Check:
    threshold: str  # e.g. "max_hallucination_rate"
    metric: str
    bound: float
    value: float | None
    passed: bool
    reason: str | None


@dataclass
class GateResult:
    passed: bool
    checks: list[Check]
    reasons: list[str]
    regressions: dict[str, list[str]] | None = None
    baseline: str | None = None
    fail_on_regression: bool = False
    thresholds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _fmt(value: float, metric: str) -> str:
    if metric.endswith("_ms"):
        return f"{value:.0f} ms"
    if metric == "errors":
        return f"{value:.0f}"
    return f"{value:.3f}"


def check_thresholds(aggregate: Mapping[str, Any], thresholds: Mapping[str, float]) -> list[Check]:
    checks = []
    for key in sorted(thresholds):
        if key not in GATED_METRICS:
            raise ValueError(f"unknown threshold {key!r}; known: {', '.join(GATED_METRICS)}")
        metric, bound = GATED_METRICS[key], float(thresholds[key])
        value = aggregate.get(metric)
        if value is None:
            checks.append(Check(key, metric, bound, None, False, f"{metric}: not measured (no items to measure it on)"))
            continue
        ok = value <= bound if key.startswith("max_") else value >= bound
        reason = None
        if not ok:
            ci = aggregate.get(f"{metric}_ci")
            interval = f" (95% CI {ci[0]:.3f}-{ci[1]:.3f})" if ci else ""
            side = "above the maximum" if key.startswith("max_") else "below the minimum"
            reason = f"{metric} {_fmt(value, metric)}{interval} is {side} {_fmt(bound, metric)}"
        checks.append(Check(key, metric, bound, float(value), ok, reason))
    return checks


def _rows(doc: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {r["id"]: r for r in doc.get("rows", [])}


def regressions(rows: Sequence[Mapping[str, Any]], baseline_rows: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Question ids that got worse since the baseline. Questions new to the suite are listed apart, not
    as regressions; an item that errored in the baseline has no verdict to regress from."""
    before = {r["id"]: r for r in baseline_rows}
    out: dict[str, list[str]] = {
        "newly_hallucinated": [],
        "newly_wrong": [],
        "newly_failed_retrieval": [],
        "newly_errored": [],
        "new_questions": [],
    }
    for row in rows:
        old = before.get(row["id"])
        if old is None:
            out["new_questions"].append(row["id"])
            continue
        if row["status"] == "error":
            if old["status"] != "error":
                out["newly_errored"].append(row["id"])
            continue
        if old["status"] == "error":
            continue
        if row["hallucinated"] and not old["hallucinated"]:
            out["newly_hallucinated"].append(row["id"])
        if old["correct"] and not row["correct"]:
            out["newly_wrong"].append(row["id"])
        if old["retrieval_hit"] and row["retrieval_hit"] is False:
            out["newly_failed_retrieval"].append(row["id"])
    return out


def load_baseline(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BaselineError(f"baseline {path}: cannot read it ({exc})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("rows"), list) or not isinstance(doc.get("aggregate"), dict):
        raise BaselineError(f"baseline {path}: not a results.json of `tether eval run` (no 'rows'/'aggregate')")
    for i, row in enumerate(doc["rows"]):
        if not isinstance(row, dict) or "id" not in row or "status" not in row:
            raise BaselineError(f"baseline {path}: rows[{i}] has no 'id'/'status'")
    return doc


def evaluate_gate(
    aggregate: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]],
    thresholds: Mapping[str, float],
    baseline: Mapping[str, Any] | None = None,
    baseline_name: str | None = None,
    fail_on_regression: bool = False,
) -> GateResult:
    merged = {**DEFAULT_THRESHOLDS, **thresholds}
    checks = check_thresholds(aggregate, merged)
    reasons = [c.reason for c in checks if c.reason]
    if aggregate.get("errors"):
        ids = ", ".join(aggregate.get("error_ids", [])[:10])
        reasons = [r if not r.startswith("errors ") else f"{r} (errored: {ids})" for r in reasons]
    found = None
    if baseline is not None:
        found = regressions(rows, list(_rows(baseline).values()))
        if fail_on_regression:
            for kind in ("newly_hallucinated", "newly_wrong", "newly_failed_retrieval", "newly_errored"):
                if found[kind]:
                    shown = ", ".join(found[kind][:10]) + (" ..." if len(found[kind]) > 10 else "")
                    reasons.append(f"{len(found[kind])} {kind.replace('_', ' ')} since the baseline: {shown}")
    return GateResult(
        passed=not reasons,
        checks=checks,
        reasons=reasons,
        regressions=found,
        baseline=baseline_name,
        fail_on_regression=fail_on_regression,
        thresholds=merged,
    )
