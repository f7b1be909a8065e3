"""API keys: created once (the plaintext is shown only then), stored hashed, scoped to roles and collections."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select

from ingestion.store import ApiKey, Store
from ingestion.store.models import utcnow

Role = Literal["query", "ingest", "reviewer", "admin"]
ROLES: tuple[Role, ...] = ("query", "ingest", "reviewer", "admin")
KEY_PREFIX = "tth_"


@dataclass(frozen=True, slots=True)
class Principal:
    key_id: int | None  # None in open local mode
    name: str
    roles: frozenset[str]
    collections: frozenset[str]

    def has_role(self, role: Role) -> bool:
        # admin may do everything; ingest keys may also query what they ingest, and reviewers may ask
        # the questions whose answers they judge.
        if "admin" in self.roles or role in self.roles:
            return True
        return role == "query" and bool(self.roles & {"ingest", "reviewer"})

    def can_access(self, collection: str) -> bool:
        return "*" in self.collections or collection in self.collections


OPEN_PRINCIPAL = Principal(None, "open-local-mode", frozenset({"admin"}), frozenset({"*"}))


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(store: Store, name: str, roles: list[str], collections: list[str]) -> tuple[int, str]:
    """(id, plaintext key). The plaintext is not stored anywhere."""
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise ValueError(f"roles must be some of {', '.join(ROLES)}; got {roles}")
    if not collections:
        raise ValueError("give at least one collection, or '*' for all")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with store.session() as s:
        row = ApiKey(
            name=name,
            prefix=key[:12],
            key_hash=hash_key(key),
            roles=sorted(set(roles)),
            collections=sorted(set(collections)),
        )
        s.add(row)
        s.flush()
        return row.id, key


def list_keys(store: Store) -> list[dict[str, Any]]:
    with store.session() as s:
        return [
            {
                "id": k.id,
                "name": k.name,
                "prefix": k.prefix,
                "roles": k.roles,
                "collections": k.collections,
                "created_at": k.created_at.isoformat(),
                "revoked": k.revoked_at is not None,
            }
            for k in s.scalars(select(ApiKey).order_by(ApiKey.id))
        ]


def revoke_key(store: Store, key_id: int) -> bool:
    with store.session() as s:
        k = s.get(ApiKey, key_id)
        if k is None:
            return False
        if k.revoked_at is None:
            k.revoked_at = utcnow()
        return True


class KeyResolver:
    """Looks keys up by hash with a short cache, so a request costs no SQL in the common case."""

    def __init__(self, store: Store, cache_s: float) -> None:
        self.store, self.cache_s = store, cache_s
        self._cache: dict[str, tuple[float, Principal | None]] = {}
        self._lock = threading.Lock()

    def is_cached(self, key: str) -> bool:
        """True when `resolve(key)` would answer from the cache, without the store."""
        hit = self._cache.get(hash_key(key))
        return hit is not None and time.monotonic() - hit[0] < self.cache_s

    def resolve(self, key: str) -> Principal | None:
        h = hash_key(key)
        now = time.monotonic()
        hit = self._cache.get(h)
        if hit is not None and now - hit[0] < self.cache_s:
            return hit[1]
        with self.store.session() as s:
            k = s.scalar(select(ApiKey).where(ApiKey.key_hash == h))
            p = None
            if k is not None and k.revoked_at is None:
                p = Principal(k.id, k.name, frozenset(k.roles or ()), frozenset(k.collections or ()))
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[h] = (now, p)
        return p
