"""From a reviewed production answer to a CI gate: `tether review queue|stats|export` over the store a real
server wrote, and (slow) `tether eval run` on the exported suite, passing, then failing once the corpus
changes so the answer regresses."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve

QUESTION = "How long is the Business free trial, and for how many users?"
REFERENCE = "14 days, with up to 10 users."


@pytest.fixture(scope="module")
def reviewed(
    tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder
) -> Iterator[dict[str, Any]]:
    """Served answers (open mode: every caller is an admin, so a reviewer): one corrected, one marked
    unanswerable, one only thumbed down."""
    root = tmp_path_factory.mktemp("export")
    kb = root / "kb"
    (kb / "plans").mkdir(parents=True)
    shutil.copy(CORPUS / "plans" / "business.md", kb / "plans" / "business.md")
    settings = open_settings(root / "data")
    ingest(settings, embedder, [kb], "default")
    with serve(settings) as (url, _), httpx.Client(base_url=url, timeout=120) as http:
        answer = http.post("/v1/answer", json={"question": QUESTION}).json()
        marks = [{"claim": i, "mark": "right"} for i in range(len(answer["claims"]))]
        review = {"rating": "down", "claim_marks": marks, "corrected_answer": REFERENCE, "comment": "say the users"}
        assert http.post(f"/v1/reviews/{answer['trace_id']}", json=review).status_code == 201
        none = http.post("/v1/answer", json={"question": "Can I pay for the Business plan in bitcoin?"}).json()
        assert http.post(f"/v1/reviews/{none['trace_id']}", json={"unanswerable": True}).status_code == 201
        feedback = http.post("/v1/answer", json={"question": "Does the trial need a credit card?"}).json()
        assert http.post(f"/v1/reviews/{feedback['trace_id']}", json={"rating": "down"}).status_code == 201
    yield {"root": root, "kb": kb, "data": root / "data", "answer": answer, "none": none, "feedback": feedback}


def _tether(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def test_review_export_writes_valid_cases_and_thresholds(reviewed: dict[str, Any]) -> None:
    out = reviewed["root"] / "suite.jsonl"
    r = _tether("--data-dir", str(reviewed["data"]), "review", "export", "--out", str(out), "--json")
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert report["exported"] == 2
    no_answer = "the review gives no correct answer (write one, or mark it unanswerable)"
    assert report["skipped"] == [{"trace_id": reviewed["feedback"]["trace_id"], "reason": no_answer}]
    cases = {c["id"]: c for c in map(json.loads, out.read_text().splitlines())}
    corrected = cases[f"review-{reviewed['answer']['trace_id']}"]
    assert corrected == {
        "id": f"review-{reviewed['answer']['trace_id']}",
        "question": QUESTION,
        "reference": REFERENCE,
        "sources": ["plans/business.md"],
        "answerable": True,
        "tags": ["review", f"served-{reviewed['answer']['status']}", "thumbs-down", "corrected"],
    }
    assert cases[f"review-{reviewed['none']['trace_id']}"]["answerable"] is False
    thresholds = json.loads((reviewed["root"] / "suite.thresholds.json").read_text())
    assert thresholds["min_answer_correctness"] == 1.0 and thresholds["min_abstention_recall"] == 1.0
    # An empty selection writes nothing and says so.
    empty = _tether("--data-dir", str(reviewed["data"]), "review", "export", "--out", str(out), "-c", "nope")
    assert empty.exit_code == 1 and "nothing to export" in empty.output


def test_review_queue_and_stats_commands(reviewed: dict[str, Any]) -> None:
    data = str(reviewed["data"])
    r = _tether("--data-dir", data, "review", "queue", "--include-reviewed", "--json")
    assert r.exit_code == 0, r.output
    queued = {i["trace_id"]: i for i in json.loads(r.stdout)["items"]}
    assert "thumbs_down" in queued[reviewed["answer"]["trace_id"]]["reasons"]
    stats = json.loads(_tether("--data-dir", data, "review", "stats", "--json").stdout)
    assert stats["answers"] == 3 and stats["reviewed"] == 3 and stats["ratings"]["down"] == 2
    assert stats["agreement"]["claims"] == len(reviewed["answer"]["claims"])
    text = _tether("--data-dir", data, "review", "stats")
    assert text.exit_code == 0 and "backlog" in text.output
    assert _tether("--data-dir", data, "review", "queue", "--since", "yesterday").exit_code == 2


@pytest.mark.slow
def test_an_exported_case_fails_the_eval_gate_when_the_answer_regresses(reviewed: dict[str, Any]) -> None:
    root, kb = reviewed["root"], reviewed["kb"]
    suite = root / "gate.jsonl"
    assert _tether("--data-dir", str(reviewed["data"]), "review", "export", "--out", str(suite)).exit_code == 0

    def gate() -> tuple[int, dict[str, Any]]:
        r = _tether("--data-dir", str(root / "ci"), "eval", "run", "--suite", str(suite), "--corpus", str(kb),
                    "--out", str(root / "report"), "--json")  # fmt: skip
        return r.exit_code, json.loads(r.stdout.strip().splitlines()[-1])

    code, body = gate()
    assert code == 0 and body["passed"] is True, body
    # The knowledge base changes and the answer loses the reviewed facts: the gate fails, naming why.
    doc = kb / "plans" / "business.md"
    doc.write_text(doc.read_text().replace("14 days with up to 10 users", "7 days with up to 3 users")
                   .replace("14-day", "7-day"))  # fmt: skip
    code, body = gate()
    assert code == 1 and len(body["reasons"]) == 1, body
    assert body["reasons"][0].startswith("answer_correctness 0.000") and "below the minimum 1.000" in body["reasons"][0]
