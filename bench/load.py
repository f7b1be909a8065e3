"""HTTP latency and load on loopback: a real uvicorn server, N concurrent clients, bounded in time.

    .venv/bin/python -m bench.load                     # /v1/retrieve and /v1/answer at concurrency 1, 16, 32
    .venv/bin/python -m bench.load --ingest-while --concurrency 32 --seconds 30   # idle, then during re-ingestion

The server runs in a child process on a temporary data dir holding the demo corpus. "floor" is
encoding the question alone (the embedding model, in this process), the least any answer can cost.
Each row also gives the server's CPU time per request (user + system, from /proc): on a machine that
other jobs share, wall times swing with their load; the CPU a request costs much less.
With --ingest-while, the clients first ask the same mix of questions idle (the document written once),
then while one writer keeps replacing that document over HTTP; every citation of it must quote the text
of a revision that existed (checked against what was written). The p95 ratio of the two is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "What is the maximum file size on the Business plan?",
    "How long are deleted files kept on the Personal plan?",
    "How do I enable two-factor authentication?",
    "What does error LB-403-QUOTA mean?",
    "How much does the Enterprise plan cost?",
    "Which regions can data be stored in?",
    "How do I transfer ownership of a shared folder?",
    "What is the API rate limit on the Free plan?",
]
TARGET = "notes/load-target.md"


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    inconsistent: list[str] = field(default_factory=list)
    target_citations: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        n = len(self.latencies_ms)
        return {
            "requests": n + len(self.errors),
            "errors": len(self.errors),
            "inconsistent": len(self.inconsistent),
            "throughput_rps": round(n / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(_percentile(self.latencies_ms, 50), 1),
            "p95_ms": round(_percentile(self.latencies_ms, 95), 1),
            "p99_ms": round(_percentile(self.latencies_ms, 99), 1),
            "target_citations": self.target_citations,
        }


def revision_text(rev: int) -> str:
    return (
        f"---\ntitle: Load target\n---\n# Load target\n\nThe Larkbox load-test plan revision {rev} "
        f"allows exactly {rev * 7} uploads per day.\n"
    )


async def run_load(
    base: str,
    path: str,
    concurrency: int,
    seconds: float,
    requests: int | None = None,
    ingest_while: bool = False,
    headers: dict[str, str] | None = None,
    ask_target: bool | None = None,
) -> LoadResult:
    """Clients loop until `seconds` pass (or `requests` are done); returns latencies, errors, checks.
    With `ask_target` (default: `ingest_while`) every other question asks about the replaced document."""
    ask_target = ingest_while if ask_target is None else ask_target
    result = LoadResult()
    written: dict[int, str] = {}
    stop = time.monotonic() + seconds
    counter = iter(range(10**9))
    limits = httpx.Limits(max_connections=concurrency + 2, max_keepalive_connections=concurrency + 2)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits, headers=headers or {}) as client:

        async def writer() -> None:
            rev = 1
            while time.monotonic() < stop:
                body = revision_text(rev)
                r = await client.put(f"/v1/collections/default/documents/{TARGET}", content=body.encode())
                if r.status_code != 200:
                    result.errors.append(f"PUT {r.status_code}: {r.text[:200]}")
                else:
                    doc = (await client.get(f"/v1/collections/default/documents/{TARGET}")).json()
                    written[doc["revision"]] = doc["text"]
                rev += 1
                await asyncio.sleep(0.5)

        async def worker() -> None:
            while time.monotonic() < stop:
                i = next(counter)
                if requests is not None and i >= requests:
                    return
                q = (
                    "How many uploads per day does the load-test plan allow?"
                    if ask_target and i % 2
                    else QUESTIONS[i % len(QUESTIONS)]
                )
                t0 = time.perf_counter()
                try:
                    r = await client.post(path, json={"question": q})
                except httpx.HTTPError as exc:
                    result.errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                ms = (time.perf_counter() - t0) * 1000
                if r.status_code != 200:
                    result.errors.append(f"{r.status_code}: {r.text[:200]}")
                    continue
                result.latencies_ms.append(ms)
                body = r.json()
                for c in body.get("citations", body.get("passages", [])):
                    if c["source"] == TARGET:
                        result.target_citations += 1
                        result.inconsistent += _check(c, written)

        t0 = time.monotonic()
        tasks = [worker() for _ in range(concurrency)] + ([writer()] if ingest_while else [])
        await asyncio.gather(*tasks)
        result.seconds = time.monotonic() - t0
    return result


def _check(citation: dict[str, Any], written: dict[int, str]) -> list[str]:
    """A citation of the target must quote, at its offsets, the text of the revision it names."""
    text = written.get(citation.get("revision") or -1)
    if text is None:  # the writer had not read it back yet: wait for the next check
        return []
    if text[citation["start"] : citation["end"]] != citation["text"]:
        return [f"revision {citation['revision']} does not hold the cited text {citation['text'][:60]!r}"]
    return []


def start_server(data: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TETHER_STORE__DATA_DIR": str(data),
        "TETHER_AUTH__MODE": "open",
        "TETHER_JSON_LOGS": "false",
        "TETHER_RATE_LIMIT__REQUESTS_PER_MINUTE": "1000000",
        "TETHER_RATE_LIMIT__BURST": "100000",
    }
    subprocess.run(
        [sys.executable, "-m", "cli.main", "ingest", str(REPO / "corpus"), "--json"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("server did not become ready")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process `pid`, all its threads (Linux /proc); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def floor_ms(n: int = 50) -> float:
    from ingestion.embedder import SentenceTransformerEmbedder

    e = SentenceTransformerEmbedder()
    e.embed(["warm up"])
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        e.embed([QUESTIONS[i % len(QUESTIONS)]])
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--requests", type=int, default=200, help="requests per latency run")
    ap.add_argument("--ingest-while", action="store_true")
    ap.add_argument("--concurrency", type=int, default=32, help="clients with --ingest-while")
    ap.add_argument("--levels", default="1,16,32", help="concurrency levels of the latency table")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        proc = start_server(Path(tmp), args.port)
        base = f"http://127.0.0.1:{args.port}"
        try:
            if args.ingest_while:
                body = revision_text(0).encode()
                httpx.put(f"{base}/v1/collections/default/documents/{TARGET}", content=body, timeout=120)
                asyncio.run(run_load(base, "/v1/answer", args.concurrency, 60, requests=32, ask_target=True))  # warm
                idle = asyncio.run(run_load(base, "/v1/answer", args.concurrency, args.seconds, ask_target=True))
                r = asyncio.run(run_load(base, "/v1/answer", args.concurrency, args.seconds, ingest_while=True))
                out["idle"] = {"concurrency": args.concurrency, **idle.summary()}
                out["load_during_ingestion"] = {"concurrency": args.concurrency, **r.summary()}
                if idle.latencies_ms and r.latencies_ms:
                    out["p95_ratio_to_idle"] = round(out["load_during_ingestion"]["p95_ms"] / out["idle"]["p95_ms"], 2)
            else:
                out["floor_encode_question_ms"] = round(floor_ms(), 2)
                for path in ("/v1/retrieve", "/v1/answer"):
                    for c in (int(x) for x in args.levels.split(",")):
                        asyncio.run(run_load(base, path, c, 60, requests=10))  # warm
                        cpu0 = cpu_seconds(proc.pid)
                        r = asyncio.run(run_load(base, path, c, 600, requests=args.requests))
                        cpu1 = cpu_seconds(proc.pid)
                        row = r.summary()
                        if cpu0 is not None and cpu1 is not None and r.latencies_ms:
                            row["server_cpu_ms_per_request"] = round((cpu1 - cpu0) * 1000 / len(r.latencies_ms), 1)
                        out[f"{path} c={c}"] = row
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    if args.json:
        print(json.dumps(out))
        return
    for k, v in out.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
