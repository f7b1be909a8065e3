"""Real `tether` processes for the replica tests: a `tether serve` per replica (its own data folder, the
shared database and Redis) and `tether ingest` runs, all through the installed command line."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

TETHER = Path(sys.executable).with_name("tether")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Replica:
    """One `tether serve` process. Its stdout and stderr go to a log file, quoted when it misbehaves."""

    name: str
    data_dir: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.data_dir.parent / f"{self.name}.log"

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [str(TETHER), "--data-dir", str(self.data_dir), "serve", "--port", str(self.port)],
                env=os.environ | self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout_s: float = 240) -> dict[str, Any]:
        """/readyz's body once it answers 200 (the models load first)."""
        deadline = time.monotonic() + timeout_s
        while True:
            assert self.proc is not None and self.proc.poll() is None, f"{self.name} exited:\n{self.tail()}"
            try:
                r = httpx.get(self.url + "/readyz", timeout=5)
                if r.status_code == 200:
                    body: dict[str, Any] = r.json()
                    return body
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"{self.name} not ready in {timeout_s:.0f} s:\n{self.tail()}"
            time.sleep(0.5)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)

    def tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else "(no log)"


def run_ingest(env: dict[str, str], data_dir: Path, kb: Path) -> dict[str, Any]:
    """`tether ingest --sync --json` in a process of its own; its report."""
    run = subprocess.run(
        [str(TETHER), "--data-dir", str(data_dir), "ingest", str(kb), "--sync", "--json"],
        env=os.environ | env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    report: dict[str, Any] = json.loads(run.stdout)
    assert report["errors"] == [], report["errors"]
    return report
