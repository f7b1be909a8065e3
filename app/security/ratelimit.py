"""Per-key rate limits with GCRA (a token bucket kept as one timestamp per key): in-process, or in Redis
so that every replica shares the same budget. Each call answers (allowed, retry_after_seconds)."""

from __future__ import annotations

import logging
import threading
import time
from typing import Protocol

from app.settings import RateLimitSettings

log = logging.getLogger("tether.ratelimit")


class RateLimiter(Protocol):
    def hit(self, key: str) -> tuple[bool, float]: ...

    def health(self) -> str | None:
        """None when the limiter's backing service answers, else why not."""
        ...


def gcra(tat: float, now: float, interval: float, burst: int) -> tuple[bool, float, float]:
    """One GCRA step: (allowed, new theoretical arrival time, retry_after). Pure."""
    tat = max(tat, now)
    allow_at = tat - burst * interval
    if now < allow_at:
        return False, tat, allow_at - now
    return True, tat + interval, 0.0


class MemoryRateLimiter:
    def __init__(self, settings: RateLimitSettings) -> None:
        self.interval = 60.0 / settings.requests_per_minute
        self.burst = settings.burst
        self._tat: dict[str, float] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> tuple[bool, float]:
        now = time.monotonic()
        with self._lock:
            ok, tat, retry = gcra(self._tat.get(key, now), now, self.interval, self.burst)
            if ok:
                self._tat[key] = tat
            return ok, retry

    def health(self) -> str | None:
        return None


# The same GCRA step, atomically in Redis; the key expires once its bucket is full again.
_LUA = """
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local allow_at = tat - burst * interval
if now < allow_at then
  return {0, tostring(allow_at - now)}
end
tat = tat + interval
redis.call('SET', KEYS[1], tostring(tat), 'PX', math.ceil((tat - now + interval) * 1000))
return {1, '0'}
"""


class RedisRateLimiter:
    """Fails over to an in-process limiter while Redis is unreachable: every key keeps a budget (per
    replica rather than shared) and requests are still served. Failing closed would turn a Redis outage
    into an outage of the whole API; failing wide open would lift every limit exactly when it is least
    observed. Each call waits at most `socket_timeout` on a Redis that stopped answering."""

    def __init__(self, settings: RateLimitSettings) -> None:
        import redis

        assert settings.redis_url
        self.client = redis.Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
        self.script = self.client.register_script(_LUA)
        self.interval = 60.0 / settings.requests_per_minute
        self.burst = settings.burst
        self.prefix = settings.redis_prefix
        self.fallback = MemoryRateLimiter(settings)
        self._errors = redis.RedisError
        self._warned_at = -1e9

    def hit(self, key: str) -> tuple[bool, float]:
        try:
            # Redis server time, so replicas with skewed clocks still share one budget.
            sec, usec = self.client.time()
            ok, retry = self.script(keys=[self.prefix + key], args=[sec + usec / 1e6, self.interval, self.burst])
        except self._errors as exc:
            now = time.monotonic()
            if now - self._warned_at > 30:  # one line per half minute, not one per request
                self._warned_at = now
                log.warning("Redis unavailable (%s): rate limits are per process until it answers again", exc)
            return self.fallback.hit(key)
        return bool(int(ok)), float(retry)

    def health(self) -> str | None:
        try:
            self.client.ping()
        except self._errors as exc:
            return f"unavailable ({type(exc).__name__}); rate limits are per process until it answers"
        return None


def make_rate_limiter(settings: RateLimitSettings) -> RateLimiter:
    return RedisRateLimiter(settings) if settings.redis_url else MemoryRateLimiter(settings)
