"""Replicas on PostgreSQL, where the store is the log: two `tether serve` processes, each with its own empty
data folder, share one database and one Redis, while a third process ingests successive editions of a
small handbook (every document of edition e says "edition e", and the Orbit plan costs 10e + 7 dollars).

- Both replicas converge on each new version, and answer with that edition's price.
- No response mixes editions: every passage and citation belongs to the version the response reports,
  while requests run continuously against both replicas during the ingestions.
- A replica that was down for two editions (its data folder kept), and one started after several editions
  from an empty data folder, answer with the newest from their first answer: they catch up from the
  store's rows, not from another replica's disk.
- A key's rate limit is one budget across both replicas (kept in Redis), not one per replica."""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.security.keys import create_key
from ingestion.store import open_store
from tests.conftest import service_unavailable
from tests.support.replicas import Replica, run_ingest

QUESTION = "How much does the Orbit plan cost per month?"
# A key may make BURST + 1 requests at once, and one more a minute. So does every client address, for a
# key not yet known to a replica (each new key, and each known one when its cache entry expires).
BURST = 150
EDITION = re.compile(r"\bedition (\d+)\b")
PRICE = re.compile(r"\$(\d+)")


def price(edition: int) -> int:
    return 10 * edition + 7


def write_edition(kb: Path, e: int) -> None:
    """Every document changes in every edition, so each version of the collection holds only its own."""
    kb.mkdir(parents=True, exist_ok=True)
    intro = f"This is edition {e} of the Orbit handbook."
    docs = {
        "pricing.md": f"# Orbit plan pricing\n\n{intro} The Orbit plan costs ${price(e)} per month for each seat.",
        "storage.md": f"# Orbit storage\n\n{intro} Each Orbit seat includes {5 * e} GB of file storage.",
        "support.md": f"# Orbit support\n\n{intro} Orbit support answers a ticket within {e + 1} business days.",
    }
    for name, text in docs.items():
        (kb / name).write_text(text + "\n")


@dataclass(frozen=True)
class Shared:
    database_url: str  # a fresh schema
    redis_url: str
    redis_prefix: str  # this run's own: key ids restart at 1 in every fresh database, and Redis outlives us


@pytest.fixture
def shared(postgres_server_url: str) -> Iterator[Shared]:
    """What the replicas share; skipped (failed in CI) with the reason where PostgreSQL or Redis is missing."""
    import psycopg
    import redis

    redis_url = os.environ.get("TETHER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    client = redis.Redis.from_url(redis_url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        service_unavailable(f"Redis not reachable at {redis_url}: {exc}")
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    prefix = f"test-replicas-{uuid.uuid4().hex[:12]}:"
    try:
        yield Shared(postgres_server_url, redis_url, prefix)
    finally:
        stale = list(client.scan_iter(match=prefix + "*"))
        if stale:
            client.delete(*stale)
        client.close()


@dataclass
class Keys:
    """Query keys made on demand in the shared store. The readers change key before their budget runs
    out, since the replicas run with a budget small enough for the rate-limit check to count."""

    database_url: str
    made: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def new(self) -> str:
        with self._lock:
            self.made += 1
            store = open_store(self.database_url.replace("postgresql://", "postgresql+psycopg://", 1))
            try:
                return create_key(store, f"reader-{self.made}", ["query"], ["*"])[1]
            finally:
                store.dispose()


class Reader:
    """Asks one replica, over and over until finished, in a thread: an answer, then a retrieval."""

    def __init__(self, replica: Replica, keys: Keys) -> None:
        self.replica, self.keys, self.stop = replica, keys, threading.Event()
        self.seen: list[tuple[str, int, dict[str, Any]]] = []  # (route, status, body)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        key, used = self.keys.new(), 0
        with httpx.Client(base_url=self.replica.url, timeout=120) as client:
            while not self.stop.is_set():
                for route in ("/v1/answer", "/v1/retrieve"):
                    if used == BURST // 2:  # well within one key's budget
                        key, used = self.keys.new(), 0
                    r = client.post(route, json={"question": QUESTION}, headers={"X-API-Key": key})
                    used += 1
                    self.seen.append((route, r.status_code, r.json()))

    def finish(self, after_version: int, timeout_s: float = 120) -> None:
        """Stops once a response of `after_version` came back, so every switch happened under load."""
        deadline = time.monotonic() + timeout_s
        while not any(body.get("collection_version") == after_version for _, _, body in list(self.seen)):
            assert self.thread.is_alive() and time.monotonic() < deadline, f"{self.replica.name}: {self.seen[-1:]}"
            time.sleep(0.1)
        self.stop.set()
        self.thread.join(timeout=180)
        assert not self.thread.is_alive()

    def check(self, edition_of: dict[int, int]) -> None:
        name = self.replica.name
        failed = [(route, status, body) for route, status, body in self.seen if status != 200]
        assert failed == [], failed[:3]
        versions: list[int] = [body["collection_version"] for _, _, body in self.seen]
        print(name, len(self.seen), "responses, versions", sorted(set(versions)))  # for the record
        mixed = [why for route, _, body in self.seen if (why := check_response(route, body, edition_of))]
        assert mixed == [], mixed[:5]
        assert versions == sorted(versions), f"{name} went back a version"
        assert len(set(versions)) > 1, f"{name} saw one version only: the load missed the switches"


def editions_in(texts: list[str]) -> set[int]:
    return {int(m) for t in texts for m in EDITION.findall(t)}


def check_response(route: str, body: dict[str, Any], edition_of: dict[int, int]) -> str | None:
    """Why `body` is not wholly of the version it reports (None when it is)."""
    version = body["collection_version"]
    if version not in edition_of:
        return f"version {version} was never written by an ingestion"
    e = edition_of[version]
    items = body["citations"] if route == "/v1/answer" else body["passages"]
    found = editions_in([p["text"] for p in items])
    if found - {e}:
        return f"version {version} (edition {e}) but passages of editions {sorted(found)}"
    if route == "/v1/answer":
        prices = {int(p) for p in PRICE.findall(body["answer"])}
        if body["status"] != "answered" or prices != {price(e)}:
            return f"version {version} (edition {e}, ${price(e)}): {body['status']} {body['answer']!r}"
    elif not any("Orbit plan costs" in p["text"] for p in items):
        return f"version {version}: the pricing passage is missing"
    return None


def _answer(version: int, text: str, *cited: str, status: str = "answered") -> dict[str, Any]:
    return {"collection_version": version, "status": status, "answer": text, "citations": [{"text": t} for t in cited]}


@pytest.mark.parametrize(
    ("route", "body", "wrong"),
    [
        ("/v1/answer", _answer(7, "It costs $27 [1].", "edition 2: costs $27"), None),
        ("/v1/answer", _answer(7, "It costs $27 [1].", "edition 2: costs $27", "edition 3 of it"), "editions [2, 3]"),
        ("/v1/answer", _answer(7, "It costs $37 [1].", "edition 2: costs $27"), "$27"),
        ("/v1/answer", _answer(7, "No answer.", status="abstained"), "abstained"),
        ("/v1/answer", _answer(9, "It costs $27 [1].", "edition 2"), "never written"),
        (
            "/v1/retrieve",
            {"collection_version": 7, "passages": [{"text": "edition 2. The Orbit plan costs $27"}]},
            None,
        ),
        ("/v1/retrieve", {"collection_version": 7, "passages": [{"text": "edition 2, storage"}]}, "pricing"),
    ],
)
def test_the_mixing_check_catches_what_it_should(route: str, body: dict[str, Any], wrong: str | None) -> None:
    why = check_response(route, body, {7: 2})
    assert why is None if wrong is None else wrong in (why or ""), why


def converge(replica: Replica, key: str, version: int, edition: int, timeout_s: float = 120) -> None:
    """Waits until `replica` answers at `version`, then checks that answer is wholly that edition's."""
    deadline = time.monotonic() + timeout_s
    while True:
        r = httpx.post(replica.url + "/v1/answer", json={"question": QUESTION}, headers={"X-API-Key": key}, timeout=120)
        assert r.status_code == 200, f"{replica.name}: {r.status_code} {r.text}\n{replica.tail()}"
        body = r.json()
        assert body["collection_version"] <= version, f"{replica.name} is ahead of the store: {body}"
        if body["collection_version"] == version:
            assert check_response("/v1/answer", body, {version: edition}) is None, body
            return
        assert time.monotonic() < deadline, f"{replica.name} stuck at {body['collection_version']}, not {version}"
        time.sleep(0.2)


@pytest.mark.slow  # three `tether serve` and five `tether ingest` processes: about 3 minutes on 2 cores
@pytest.mark.postgres
@pytest.mark.redis
def test_replicas_share_the_store_and_the_rate_limits(shared: Shared, tmp_path: Path) -> None:
    env = {
        "TETHER_STORE__DATABASE_URL": shared.database_url,
        "TETHER_AUTH__MODE": "keys",
        "TETHER_JSON_LOGS": "false",
        "TETHER_RATE_LIMIT__REDIS_URL": shared.redis_url,
        "TETHER_RATE_LIMIT__REDIS_PREFIX": shared.redis_prefix,
        "TETHER_RATE_LIMIT__REQUESTS_PER_MINUTE": "1",
        "TETHER_RATE_LIMIT__BURST": str(BURST),
        "TETHER_AUTH__KEY_CACHE_S": "300",
    }
    kb = tmp_path / "kb"
    a = Replica("tether-a", tmp_path / "a" / "data", env)
    b = Replica("tether-b", tmp_path / "b" / "data", env)
    late = Replica("tether-late", tmp_path / "late" / "data", env)
    for r in (a, b, late):
        r.data_dir.parent.mkdir(parents=True)
    try:
        a.start()
        b.start()  # at once, on an empty database: both migrate it
        for r in (a, b):
            assert r.wait_ready()["collection_version"] is None  # nothing ingested yet
        keys = Keys(shared.database_url)

        # (d) One key, alternately on each replica: BURST + 1 requests pass in all, not per replica.
        limited = keys.new()
        t0 = time.monotonic()
        codes = [
            httpx.get(r.url + "/v1/collections", headers={"X-API-Key": limited}, timeout=60)
            for _ in range(BURST + 3)
            for r in (a, b)
        ]
        refilled = int((time.monotonic() - t0) // 60)  # one request comes back a minute
        assert {c.status_code for c in codes} == {200, 429}, [c.text for c in codes if c.status_code not in (200, 429)]
        passed = sum(c.status_code == 200 for c in codes)
        assert BURST + 1 <= passed <= BURST + 1 + refilled, [c.status_code for c in codes]
        assert all(c.headers.get("retry-after") for c in codes if c.status_code == 429)

        # (a, b) Editions ingested by a third process while the replicas are asked continuously.
        edition_of: dict[int, int] = {}

        def publish(e: int, replicas: tuple[Replica, ...]) -> int:
            write_edition(kb, e)
            version: int = run_ingest(env, tmp_path / "ingest" / "data", kb)["version"]
            assert version not in edition_of
            edition_of[version] = e
            for r in replicas:
                converge(r, keys.new(), version, e)
            return version

        publish(1, (a, b))  # the collection exists from here on
        reader_a, reader_b = Reader(a, keys), Reader(b, keys)
        reader_b.finish(after_version=publish(2, (a, b)))

        # (c) b falls behind: stopped, its data folder kept, while two more editions go in.
        b.stop()
        publish(3, (a,))
        newest = publish(4, (a,))
        # It restarts on its own folder, and a new replica on an empty one: both serve the newest version
        # from their first answer, having read the store and no other replica's disk.
        assert not late.data_dir.exists()
        b.start()
        late.start()
        for r in (b, late):
            assert r.wait_ready()["collection_version"] == newest
            converge(r, keys.new(), newest, edition_of[newest], timeout_s=0)
        # And all three follow the next edition.
        reader_a.finish(after_version=publish(5, (a, b, late)))
        for reader in (reader_a, reader_b):
            reader.check(edition_of)
    finally:
        for r in (a, b, late):
            r.stop()
