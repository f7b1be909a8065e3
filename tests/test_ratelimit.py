"""GCRA rate limits: the pure step, the in-process limiter, the Redis limiter shared by replicas."""

from __future__ import annotations

import os
import uuid

import pytest

from app.security.ratelimit import MemoryRateLimiter, RedisRateLimiter, gcra
from app.settings import RateLimitSettings
from tests.conftest import service_unavailable


@pytest.mark.parametrize(
    ("tat", "now", "interval", "burst", "expected"),
    [
        (0.0, 10.0, 1.0, 2, (True, 11.0, 0.0)),  # idle bucket: allowed
        (12.0, 10.0, 1.0, 2, (True, 13.0, 0.0)),  # within burst
        (13.0, 10.0, 1.0, 2, (False, 13.0, 1.0)),  # burst used up: retry in 1 s
        (13.5, 10.0, 1.0, 2, (False, 13.5, 1.5)),
    ],
)
def test_gcra_step(tat: float, now: float, interval: float, burst: int, expected: tuple[bool, float, float]) -> None:
    assert gcra(tat, now, interval, burst) == pytest.approx(expected)


def test_memory_limiter_allows_burst_then_refuses() -> None:
    lim = MemoryRateLimiter(RateLimitSettings(requests_per_minute=60, burst=5))
    results = [lim.hit("k")[0] for _ in range(10)]
    assert results[:6] == [True] * 6 and not any(results[7:])
    ok, retry = lim.hit("k")
    assert not ok and 0 < retry <= 6
    assert lim.hit("another-key")[0]


@pytest.mark.redis
def test_redis_limiter_is_shared_between_replicas() -> None:
    url = os.environ.get("TETHER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        service_unavailable(f"Redis not reachable at {url}: {exc}")
    cfg = RateLimitSettings(requests_per_minute=60, burst=3, redis_url=url)
    a, b = RedisRateLimiter(cfg), RedisRateLimiter(cfg)  # two replicas
    key = f"test-{uuid.uuid4().hex}"
    results = [(a if i % 2 else b).hit(key)[0] for i in range(8)]
    assert results[:4] == [True] * 4 and not any(results[5:])
    ok, retry = a.hit(key)
    assert not ok and retry > 0
    # Another deployment on the same Redis (another prefix) has its own budget for the same key id.
    other = RedisRateLimiter(RateLimitSettings(**cfg.model_dump() | {"redis_prefix": f"other-{uuid.uuid4().hex[:8]}:"}))
    assert other.hit(key)[0]
