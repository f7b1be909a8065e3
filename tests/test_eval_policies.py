"""`tether eval policies`: three policies judged on the same raw answers, generated once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from evals.policy_comparison import comparison_table
from tests.conftest import CORPUS


def test_comparison_table_has_one_column_per_policy_and_intervals() -> None:
    agg = {
        "answered": 10,
        "abstained": 2,
        "errors": 0,
        "hallucination_rate": 0.2,
        "hallucination_rate_ci": [0.057, 0.51],
        "abstention_recall": None,
    }
    table = comparison_table({"annotate": agg, "redact": agg | {"hallucination_rate": 0.0}})
    lines = table.splitlines()
    assert lines[0] == "| metric | `annotate` | `redact` |"
    row = next(line for line in lines if line.startswith("| hallucination rate"))
    assert "0.200 (0.06–0.51)" in row and "| 0.000 (0.06–0.51) |" in row
    assert "| questions answered | 10 | 10 |" in lines
    assert next(line for line in lines if line.startswith("| abstention recall")).endswith("| – | – |")


@pytest.mark.slow
def test_policies_command_generates_once_and_writes_three_reports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    suite = tmp_path / "suite.jsonl"
    default = (Path(__file__).resolve().parents[1] / "evals" / "suites" / "default.jsonl").read_text().splitlines()
    unanswerable = next(line for line in default if '"answerable": false' in line)
    # Three questions the answerability decision sends to the backend (q003 it abstains on before generation).
    suite.write_text("\n".join([default[0], default[1], default[3], unanswerable]) + "\n")
    result = CliRunner().invoke(
        app,
        ["eval", "policies", "--suite", str(suite), "--out", str(out), "--corpus", str(CORPUS), "--json"],
        env={"TETHER_STORE__DATA_DIR": str(tmp_path / "data")},
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc["aggregates"]) == {"annotate", "redact", "abstain"}
    caches = doc["generation_cache"]
    # The first policy generated every answer it needed; the other two replayed all of them.
    assert caches["annotate"]["misses"] >= 3 and caches["annotate"]["hits"] == 0
    assert caches["redact"]["misses"] == 0 and caches["redact"]["hits"] == caches["annotate"]["misses"]
    assert caches["abstain"]["misses"] == 0
    for policy in ("annotate", "redact", "abstain"):
        results = json.loads((out / policy / "results.json").read_text())
        assert results["config"]["policy"] == policy and results["aggregate"]["questions"] == 4
    assert "`abstain`" in (out / "policies.md").read_text()
