"""One corpus ingested in one process and on a local Ray cluster, timed end to end (`tether ingest` as a
user runs it, into a fresh data dir each time), with a check that both stores hold the same chunks.

    .venv/bin/python -m bench.ray_ingest [--corpus corpus] [--covidqa ../shared/datasets/covidqa] [--cpus 2]

Needs the ray extra. The cluster is started here on loopback with `--cpus` CPUs; on one machine Ray only
adds work (a process per actor, each loading the model, and the bytes and vectors crossing processes):
the figure says what that costs, not how a cluster of several machines scales.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.ingest_throughput import REPO, covidqa_as_files
from ingestion.store import Chunk, open_store

RAY_ENV = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(16)}


def ingest(kb: Path, data_dir: Path, ray: str | None) -> dict[str, Any]:
    cmd = [sys.executable, "-c", "from cli import main; main()", "--data-dir", str(data_dir), "ingest", str(kb)]
    cmd += ["--json", *(["--ray", ray] if ray else [])]
    t0 = time.perf_counter()
    run = subprocess.run(cmd, env={**os.environ, **RAY_ENV}, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if run.returncode not in (0, 1):
        raise SystemExit(f"tether ingest failed:\n{run.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(run.stdout)
    return {"wall_s": round(wall, 1), "run_s": report["seconds"], "chunks": report["chunks_written"]}


def stored_chunks(data_dir: Path) -> list[tuple[str, str]]:
    store = open_store(f"sqlite:///{data_dir / 'tether.db'}")
    try:
        with store.session() as s:
            return sorted((str(i), str(t)) for i, t in s.execute(select(Chunk.id, Chunk.text)))
    finally:
        store.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--covidqa", type=Path, default=REPO.parent / "shared" / "datasets" / "covidqa")
    ap.add_argument("--cpus", type=int, default=2)
    args = ap.parse_args()
    os.environ.update(RAY_ENV)  # before the import: Ray reads its configuration once
    import ray

    ray.init("local", num_cpus=args.cpus, include_dashboard=False, logging_level=logging.WARNING)
    address = str(ray.get_runtime_context().gcs_address)
    cpu = next(
        (ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines() if "model name" in ln),
        "?",
    )
    print(json.dumps({"cpu": cpu, "cores": os.cpu_count(), "ray_cpus": args.cpus}), flush=True)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            corpora = {"corpus/": args.corpus}
            if (args.covidqa / "covidqa_dev.json").exists():
                corpora["COVID-QA"] = covidqa_as_files(args.covidqa, Path(tmp) / "covidqa")
            else:
                print(f"COVID-QA skipped: no {args.covidqa / 'covidqa_dev.json'}", file=sys.stderr)
            for name, kb in corpora.items():
                local = ingest(kb, Path(tmp) / f"{name}-local", None)
                on_ray = ingest(kb, Path(tmp) / f"{name}-ray", address)
                same = stored_chunks(Path(tmp) / f"{name}-local") == stored_chunks(Path(tmp) / f"{name}-ray")
                rows.append({"corpus": name, "local": local, "ray": on_ray, "same_chunks": same})
                print(json.dumps(rows[-1]), flush=True)
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
