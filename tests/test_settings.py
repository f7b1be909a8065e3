"""Settings are frozen once validated; every override (a CLI flag, a test) goes through one helper that
validates again, so no path skips a safety check such as open mode's loopback rule."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.settings import Settings
from cli.main import omp_wait_policy

TETHER = [sys.executable, "-c", "from cli import main; main()"]


def test_settings_are_frozen() -> None:
    s = Settings()
    with pytest.raises(ValidationError, match="frozen"):
        s.auth.mode = "open"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        s.json_logs = False  # type: ignore[misc]


def test_override_copies_and_validates_again(tmp_path: Path) -> None:
    s = Settings()
    o = s.override({"store.data_dir": tmp_path, "auth.mode": "open", "rate_limit": {"burst": 7}})
    assert (o.store.data_dir, o.auth.mode, o.rate_limit.burst) == (tmp_path, "open", 7)
    assert (s.store.data_dir, s.auth.mode) == (Path(".tether"), "keys")  # the original is untouched
    assert o.rate_limit.requests_per_minute == s.rate_limit.requests_per_minute
    with pytest.raises(ValidationError, match="TETHER_AUTH__MODE=open"):
        o.override({"server.host": "0.0.0.0"})
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        s.override({"server.port": 0})
    with pytest.raises(ValueError, match=r"no setting 'server\.colour'"):
        s.override({"server.colour": "red"})


@pytest.mark.parametrize("loopback", ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
def test_open_mode_allows_every_loopback_address(loopback: str) -> None:
    assert Settings().override({"auth.mode": "open", "server.host": loopback}).server.host == loopback


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("workers", [[], ["--workers", "2"]])
def test_serve_refuses_open_mode_on_every_interface(tmp_path: Path, workers: list[str]) -> None:
    env = {**os.environ, "TETHER_AUTH__MODE": "open", "TETHER_STORE__DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [*TETHER, "serve", "--host", "0.0.0.0", "--port", str(_free_port()), *workers],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"open mode served on 0.0.0.0: {err[-500:]}")
    assert proc.returncode == 2, err
    assert "TETHER_AUTH__MODE=open" in err and "0.0.0.0" in err


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"TETHER_SERVER__PORT": "0"}, "TETHER_SERVER__PORT"),
        ({"TETHER_AUTH__MODE": "closed"}, "TETHER_AUTH__MODE"),
        ({"TETHER_AUTH__MODE": "open", "TETHER_SERVER__HOST": "0.0.0.0"}, "TETHER_AUTH__MODE=open"),
    ],
)
def test_settings_errors_name_the_variable_without_boilerplate(tmp_path: Path, env: dict[str, str], named: str) -> None:
    run = subprocess.run(
        [*TETHER, "documents", "list"],
        env={**os.environ, "TETHER_STORE__DATA_DIR": str(tmp_path / "data"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert named in run.stderr and "errors.pydantic.dev" not in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.slow
def test_serve_logs_each_request_once(tmp_path: Path) -> None:
    import httpx

    port = _free_port()
    env = {**os.environ, "TETHER_AUTH__MODE": "open", "TETHER_STORE__DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [*TETHER, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        for _ in range(240):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz?probe=once", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            proc.poll()
            assert proc.returncode is None, proc.communicate()[1][-500:]
            time.sleep(0.25)
        httpx.get(f"http://127.0.0.1:{port}/v1/collections?marker=7f3a", timeout=10)
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    lines = [ln for ln in (out + err).splitlines() if "/v1/collections" in ln]
    assert len(lines) == 1, lines  # tether's own access line, with the trace id; not uvicorn's as well


def test_serve_with_workers_warns_that_memory_limits_multiply(tmp_path: Path) -> None:
    env = {**os.environ, "TETHER_AUTH__MODE": "open", "TETHER_STORE__DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [*TETHER, "serve", "--port", str(_free_port()), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # the warning comes before any worker starts
            seen.append(line)
            if "Tether serving" in line:
                break
    finally:
        proc.terminate()
        proc.communicate(timeout=60)
    said = " ".join(seen)
    assert "TETHER_RATE_LIMIT__REDIS_URL" in said and "2 workers" in said, said


@pytest.mark.parametrize("command", [["ask", "What does the Free plan include?"], ["documents", "list"]])
def test_read_commands_outside_a_data_folder_say_where_they_looked(tmp_path: Path, command: list[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TETHER_")}
    run = subprocess.run(
        [*TETHER, *command, "--json"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 2, run.stdout + run.stderr
    message = run.stdout + run.stderr
    assert str(elsewhere / ".tether") in message and "--data-dir" in message, message
    assert not (elsewhere / ".tether").exists()  # nothing created where nothing was ingested


@pytest.mark.parametrize("as_json", [True, False])
def test_a_store_that_is_down_is_one_clear_error(tmp_path: Path, as_json: bool) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "a.md").write_bytes(b"# A\n\nA note.\n")
    env = {**os.environ, "TETHER_STORE__DATABASE_URL": f"postgresql://nobody@127.0.0.1:{_free_port()}/none"}
    run = subprocess.run(
        [*TETHER, "ingest", str(tmp_path / "kb"), *(["--json"] if as_json else [])],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 3, run.stdout + run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "store is unavailable" in (run.stdout if as_json else run.stderr)
    if as_json:
        assert json.loads(run.stdout)["error"]["message"].startswith("the store is unavailable")


@pytest.mark.parametrize(
    ("argv", "env", "policy"),
    [
        (["tether", "serve"], {}, None),  # extractive: the encoder's threads may spin between operations
        (["tether", "--data-dir", "d", "serve", "--port", "1"], {"TETHER_LLM__BACKEND": "openai"}, None),
        (["tether", "demo"], {}, None),
        (["tether", "serve"], {"TETHER_LLM__BACKEND": "local"}, "PASSIVE"),  # llama.cpp beside torch
        (["tether", "eval", "run"], {}, "PASSIVE"),
        (["tether", "--data-dir", "serve", "ingest", "kb"], {}, "PASSIVE"),  # "serve" is the folder here
        (["tether"], {}, "PASSIVE"),
    ],
)
def test_openmp_threads_spin_only_where_no_llama_cpp_can_run(
    argv: list[str], env: dict[str, str], policy: str | None
) -> None:
    assert omp_wait_policy(argv, env) == policy
