"""Dependency outages: PostgreSQL down, unresponsive or locked is a 503 `dependency_unavailable` within
its timeouts (never a 500, never a hang), `/readyz` names every configured dependency, and a Redis
outage leaves the rate limits to the process instead of failing every request."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psycopg
import pytest

from app.settings import Settings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve
from tests.support.tcp_proxy import TcpProxy, closed_port

DOC = "/v1/collections/default/documents"


def _assert_unavailable(r: httpx.Response, port: int) -> None:
    assert r.status_code == 503, r.text
    err = r.json()["error"]
    assert err["code"] == "dependency_unavailable"
    assert str(port) not in err["message"] and "127.0.0.1" not in err["message"]  # no host in the message
    assert r.headers["retry-after"]


@pytest.mark.slow  # it waits out each timeout: about 7 s
@pytest.mark.postgres
def test_postgres_locked_unresponsive_and_down(
    postgres_server_url: str, tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    pg = urlsplit(postgres_server_url)
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    proxy = TcpProxy(pg.hostname or "127.0.0.1", pg.port or 5432)
    url = postgres_server_url.replace(pg.netloc, f"{pg.username}@127.0.0.1:{proxy.port}")
    settings = open_settings(tmp_path / "data").override(
        {"store": {"database_url": url, "connect_timeout_s": 2, "statement_timeout_s": 1, "pool_timeout_s": 2}}
    )
    ingest(settings, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(settings) as (base, _):
        assert httpx.get(base + "/readyz").json()["dependencies"] == {"store": "ok"}

        # A table locked by another client: the statement timeout ends the wait.
        with psycopg.connect(postgres_server_url) as locker:
            locker.execute("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE")
            t0 = time.monotonic()
            _assert_unavailable(httpx.get(base + DOC, timeout=30), proxy.port)
            assert time.monotonic() - t0 < 10
        assert httpx.get(base + DOC, timeout=30).status_code == 200

        # A server that accepts connections and never answers: the connect timeout ends the wait.
        proxy.blackhole()
        t0 = time.monotonic()
        _assert_unavailable(httpx.get(base + DOC, timeout=30), proxy.port)
        ready = httpx.get(base + "/readyz", timeout=30)
        assert ready.status_code == 503 and "store unavailable" in ready.json()["error"]["message"]
        assert time.monotonic() - t0 < 20

        proxy.down()  # refused outright
        _assert_unavailable(httpx.get(base + DOC, timeout=30), proxy.port)
        r = httpx.post(base + "/v1/retrieve", json={"question": "Business plan price?"}, timeout=30)
        _assert_unavailable(r, proxy.port)
        assert httpx.get(base + "/readyz", timeout=30).status_code == 503


def test_redis_down_leaves_limits_to_the_process(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    settings: Settings = open_settings(tmp_path / "data").override(
        {"rate_limit": {"redis_url": f"redis://127.0.0.1:{closed_port()}/0", "requests_per_minute": 6, "burst": 2}}
    )
    ingest(settings, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(settings) as (base, _):
        ready = httpx.get(base + "/readyz", timeout=30)
        assert ready.status_code == 200, ready.text
        assert ready.json()["dependencies"]["redis"].startswith("unavailable")
        codes = [httpx.get(base + DOC, timeout=30).status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[-1] == 429, codes  # still limited, per process
