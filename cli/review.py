"""`tether review queue|stats|export`: the review loop from the command line, read from the store.

    tether review export --out suite.jsonl     # reviewed answers -> eval-suite cases (+ thresholds)
    tether eval run --suite suite.jsonl        # ... which gate CI: a reviewed failure is now a regression

Exit codes: 0 done, 1 nothing to export, 2 a usage error."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from app.reviews.export import ExportedCase, Skipped, case_for, current_review
from app.reviews.store import ReviewBook, Window
from app.reviews.types import QUEUE_REASONS
from cli.common import fail, print_json, state
from evals.suite import SuiteError, parse_item, thresholds_path
from ingestion.store import Store, open_store

review_app = typer.Typer(help="The review queue, agreement numbers, and reviewed answers as eval cases.",
                         no_args_is_help=True)  # fmt: skip
ALL = frozenset({"*"})


def _store(ctx: typer.Context) -> Store:
    return open_store(state(ctx).settings().store.resolved_database_url())


def _when(value: str | None, flag: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise fail(f"{flag}: {value!r} is not an ISO 8601 time (e.g. 2026-12-01 or 2026-12-01T12:00Z)") from None


Coll = typer.Option(None, "--collection", "-c", help="Only answers from this collection.")
SINCE = typer.Option(None, "--since", help="Only answers served at or after this time (ISO 8601).")
UNTIL = typer.Option(None, "--until", help="Only answers served before this time (ISO 8601).")


@review_app.command("queue")
def queue(
    ctx: typer.Context,
    collection: str | None = Coll,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    include_reviewed: bool = typer.Option(False, "--include-reviewed", help="Also answers a reviewer judged."),
    limit: int = typer.Option(50, "--limit", min=1, max=10_000),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Answers worth a look, newest first: flagged claims, abstentions, thumbs down, low groundedness."""
    store = _store(ctx)
    try:
        window = Window(ALL, collection, _when(since, "--since"), _when(until, "--until"))
        q = ReviewBook(store).queue(window, include_reviewed=include_reviewed, limit=limit)
    finally:
        store.dispose()
    if as_json:
        print_json(q.model_dump(mode="json"))
        return
    t = Table(title=f"review queue: {q.total} answers ({', '.join(QUEUE_REASONS)})")
    for h in ("trace id", "served", "collection", "status", "grounded", "reasons", "question"):
        t.add_column(h)
    for i in q.items:
        grounded = "-" if i.groundedness is None else f"{i.groundedness:.2f}"
        t.add_row(i.trace_id, i.created_at.strftime("%Y-%m-%d %H:%M"), i.collection, i.status, grounded,
                  ", ".join(i.reasons), i.question[:80])  # fmt: skip
    Console().print(t)


@review_app.command("stats")
def stats(
    ctx: typer.Context,
    collection: str | None = Coll,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Reviewer-verifier agreement, the backlog, ratings and answers by status."""
    store = _store(ctx)
    try:
        s = ReviewBook(store).stats(Window(ALL, collection, _when(since, "--since"), _when(until, "--until")))
    finally:
        store.dispose()
    if as_json:
        print_json(s.model_dump(mode="json"))
        return
    a = s.agreement
    status = ", ".join(f"{k} {v}" for k, v in s.answers_by_status.items()) or "none"
    Console().print(
        f"answers {s.answers} ({status}); reviewed {s.reviewed}; backlog {s.backlog}; "
        f"thumbs up {s.ratings['up']}, down {s.ratings['down']}\n"
        f"claims reviewed {a.claims}: verifier supported & reviewer wrong {a.supported_wrong}, "
        f"verifier unsupported & reviewer right {a.unsupported_right}; agreement {_pct(a.agreement_rate)}",
        highlight=False,
    )


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def export_cases(store: Store, window: Window) -> tuple[list[ExportedCase], list[Skipped]]:
    cases: list[ExportedCase] = []
    skipped: list[Skipped] = []
    for reviewed in ReviewBook(store).all_reviewed(window):
        review = current_review(reviewed.reviews)
        if review is None:
            skipped.append(Skipped(reviewed.answer.trace_id, "feedback only: no reviewer has judged it"))
            continue
        out = case_for(reviewed.answer, review)
        if isinstance(out, ExportedCase):
            cases.append(out)
        else:
            skipped.append(out)
    return cases, skipped


def suite_thresholds(cases: list[ExportedCase]) -> dict[str, object]:
    """Every reviewed case must hold: each answerable one answered correctly, each unanswerable abstained."""
    out: dict[str, object] = {"_comment": "written by `tether review export`: every reviewed case must pass"}
    if any(c.answerable for c in cases):
        out["min_answer_correctness"] = 1.0
    if any(not c.answerable for c in cases):
        out["min_abstention_recall"] = 1.0
    out["max_errors"] = 0
    return out


@review_app.command("export")
def export_command(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--out", help="Suite file to write (JSONL); thresholds are written beside it."),
    collection: str | None = Coll,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Reviewed answers -> eval-suite cases (question, reference answer, supporting documents, tags), plus
    `<suite>.thresholds.json` so that `tether eval run --suite <out>` fails when one of them regresses."""
    store = _store(ctx)
    try:
        window = Window(ALL, collection, _when(since, "--since"), _when(until, "--until"))
        cases, skipped = export_cases(store, window)
    finally:
        store.dispose()
    lines = [json.dumps(c.to_json(), ensure_ascii=False) for c in cases]
    try:  # the eval harness's own validation, so a written suite always loads
        for no, line in enumerate(lines, 1):
            parse_item(json.loads(line), f"{out}:{no}", no)
    except SuiteError as exc:
        raise fail(f"an exported case is not a valid suite line: {exc}", 2, as_json) from None
    if not cases:
        if as_json:
            print_json({"exported": 0, "skipped": [asdict(s) for s in skipped]})
        else:
            Console(stderr=True).print(f"nothing to export ({len(skipped)} reviewed answers skipped)")
        raise typer.Exit(1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    thresholds = thresholds_path(out)
    thresholds.write_text(json.dumps(suite_thresholds(cases), indent=1) + "\n", encoding="utf-8")
    if as_json:
        print_json({"exported": len(cases), "suite": str(out), "thresholds": str(thresholds),
                    "skipped": [asdict(s) for s in skipped]})  # fmt: skip
        return
    Console().print(f"{len(cases)} cases -> {out} (thresholds: {thresholds})", highlight=False)
    for s in skipped:
        Console().print(f"  skipped {s.trace_id}: {s.reason}", highlight=False)
