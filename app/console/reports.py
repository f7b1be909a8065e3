"""Eval runs in the reports folder: each folder holding a results.json written by `tether eval run`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

MAX_DEPTH = 3  # reports/<run>/... is enough; a deeper tree is not a reports folder


class ReportRun(BaseModel):
    name: str = Field(..., description="The run's folder, relative to the reports folder.")
    suite: str | None
    started_at: str | None
    passed: bool | None
    questions: int | None
    has_html: bool


class ReportList(BaseModel):
    folder: str
    runs: list[ReportRun]


def _section(doc: dict[str, Any], key: str) -> dict[str, Any]:
    value = doc.get(key)
    return value if isinstance(value, dict) else {}


def _run(root: Path, results: Path) -> ReportRun:
    try:
        doc = json.loads(results.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        doc = {}
    doc = doc if isinstance(doc, dict) else {}
    config, gate, agg = (_section(doc, k) for k in ("config", "gate", "aggregate"))
    return ReportRun(
        name=results.parent.relative_to(root).as_posix() or ".",
        suite=config.get("suite"),
        started_at=config.get("started_at"),
        passed=gate.get("passed"),
        questions=agg.get("questions"),
        has_html=(results.parent / "report.html").is_file(),
    )


def list_runs(root: Path) -> list[ReportRun]:
    """Newest first; a missing folder is an empty list, not an error."""
    if not root.is_dir():
        return []
    found = [p for p in root.rglob("results.json") if len(p.relative_to(root).parts) <= MAX_DEPTH]
    runs = [_run(root, p) for p in found]
    return sorted(runs, key=lambda r: (r.started_at or "", r.name), reverse=True)


def report_html(root: Path, name: str) -> Path | None:
    """The report.html of a listed run, or None: only names the listing gives are served, so no path
    from a request reaches the file system unchecked."""
    listed = {r.name for r in list_runs(root) if r.has_html}
    return (root / name / "report.html") if name in listed else None
