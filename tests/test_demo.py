"""`make demo` runs `tether demo`: a fresh data folder, the whole corpus ingested, a real server, the
sample questions answered (two from the corpus, one it does not cover)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_demo_answers_its_samples_and_abstains_off_corpus(tmp_path: Path) -> None:
    env = {**os.environ, "TETHER_STORE__DATA_DIR": str(tmp_path / "data")}
    cmd = [sys.executable, "-c", "from cli import main; main()", "demo", "--once", "--port", str(_free_port())]
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    answers = run.stdout.split("\nQ: ")[1:]
    assert len(answers) == 3, run.stdout
    assert "status: answered" in answers[0] and "100 GB" in answers[0]
    assert "status: answered" in answers[1] and "\n   [" in answers[1]  # a citation line
    assert "status: abstained" in answers[2]
    # A second run embeds nothing: the ingestion is incremental.
    again = subprocess.run([*cmd[:-1], str(_free_port())], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert '"chunks_embedded": 0' in again.stdout
