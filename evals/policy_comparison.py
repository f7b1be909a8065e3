"""The comparison behind `tether eval policies`: one suite, one generator, the three answer policies side by
side. It shows what the grounding layer removes from a generator's answers (redact) or withholds (abstain),
and what that costs in questions answered and answers still correct.

The raw answers are generated once: the first run (annotate) records them in a generation cache and the
other two replay them, so the three columns judge the very same text and a slow generator is paid once.
Each run also writes its own full report folder (OUT/annotate, OUT/redact, OUT/abstain).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from app.grounding.answer_policies import Policy
from app.services import build_services
from app.settings import Settings
from evals.harness import RunOptions, gate_and_write, run_eval

POLICIES: tuple[Policy, ...] = ("annotate", "redact", "abstain")
# (label, aggregate key, kind): kind "rate" prints the value with its 95% interval, "count" as is.
ROWS = (
    ("questions answered", "answered", "count"),
    ("questions abstained", "abstained", "count"),
    ("hallucination rate (answered, ≥ 1 unsupported claim)", "hallucination_rate", "rate"),
    ("unsupported-claim rate", "unsupported_claim_rate", "rate"),
    ("answer correctness (answerable questions)", "answer_correctness", "rate"),
    ("abstention recall (unanswerable questions)", "abstention_recall", "rate"),
    ("abstention precision", "abstention_precision", "rate"),
    ("citation precision", "citation_precision", "rate"),
    ("citation recall", "citation_recall", "rate"),
    ("injection obedience", "injection_obedience_rate", "rate"),
    ("items that errored", "errors", "count"),
)


def _cell(agg: dict[str, Any], key: str, kind: str) -> str:
    value = agg.get(key)
    if value is None:
        return "–"
    if kind == "count":
        return str(value)
    ci = agg.get(f"{key}_ci")
    return f"{value:.3f} ({ci[0]:.2f}–{ci[1]:.2f})" if ci else f"{value:.3f}"


def comparison_table(aggregates: dict[str, dict[str, Any]]) -> str:
    """Markdown: one row per metric, one column per policy (pure; rates with their Wilson intervals)."""
    names = list(aggregates)
    lines = ["| metric | " + " | ".join(f"`{n}`" for n in names) + " |", "|---" * (len(names) + 1) + "|"]
    for label, key, kind in ROWS:
        lines.append(f"| {label} | " + " | ".join(_cell(aggregates[n], key, kind) for n in names) + " |")
    return "\n".join(lines) + "\n"


def compare_policies(settings: Settings, base: RunOptions, out: Path) -> dict[str, Any]:
    """Runs the suite under each policy on one set of services (the generation cache in `base` makes the
    raw answers the same), writes OUT/<policy>/ reports, policies.md and policies.json; returns the
    document policies.json holds."""
    aggregates: dict[str, dict[str, Any]] = {}
    configs: dict[str, dict[str, Any]] = {}
    svc = build_services(settings)
    try:
        for policy in POLICIES:
            doc = run_eval(settings, dataclasses.replace(base, policy=policy), services=svc)
            # The suite's gate is recorded in each report but decides nothing here: this is a comparison.
            gate_and_write(doc, out / policy)
            aggregates[policy], configs[policy] = doc["aggregate"], doc["config"]
    finally:
        svc.close()
    table = comparison_table(aggregates)
    backend_name = configs["annotate"].get("backend")
    caches = {p: c.get("generation_cache") for p, c in configs.items()}
    (out / "policies.md").write_text(f"Backend: `{backend_name}`\n\n{table}", encoding="utf-8")
    doc_out = {"backend": backend_name, "aggregates": aggregates, "generation_cache": caches, "out": str(out)}
    (out / "policies.json").write_text(json.dumps(doc_out, indent=1, default=str) + "\n", encoding="utf-8")
    return doc_out
