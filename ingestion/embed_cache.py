"""Vectors committed as they are computed, so that a large ingestion killed mid-way resumes.

The documents and chunks of a run still switch in one final transaction (a kill leaves the previous
version readable and unchanged); only the costly part, the vectors, is saved on the way, batch by batch,
keyed by (collection, model, embed_hash). A rerun takes what is there and embeds the rest. The model
key holds the model's identity and precision, so a rerun with another model or precision starts afresh.
The collection's next successful ingestion empties its rows: the cache never holds more than the
unfinished runs since the last success.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from sqlalchemy import delete, func, insert, select

from ingestion.model_identity import ModelIdentity
from ingestion.store import EmbeddingCache, Store
from ingestion.store.models import utcnow

_IN_BATCH = 500  # bound on the hashes of one IN (...) list


def model_key(identity: ModelIdentity, dtype: str) -> str:
    return f"{identity.fingerprint}/{identity.dim}/{dtype}"


def load(store: Store, collection_id: int, model: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
    """The saved vectors among `hashes`."""
    wanted = list(hashes)
    found: dict[str, np.ndarray] = {}
    with store.session() as s:
        for i in range(0, len(wanted), _IN_BATCH):
            rows = s.execute(
                select(EmbeddingCache.embed_hash, EmbeddingCache.vector).where(
                    EmbeddingCache.collection_id == collection_id,
                    EmbeddingCache.model == model,
                    EmbeddingCache.embed_hash.in_(wanted[i : i + _IN_BATCH]),
                )
            )
            found.update((h, np.frombuffer(blob, dtype="<f4")) for h, blob in rows)
    return found


def save(store: Store, collection_id: int, model: str, vectors: Mapping[str, np.ndarray]) -> None:
    """Commit one batch (hashes not yet saved: the caller embeds only what `load` did not find)."""
    if not vectors:
        return
    now = utcnow()
    rows = [
        {
            "collection_id": collection_id,
            "model": model,
            "embed_hash": h,
            "vector": np.asarray(v, dtype="<f4").tobytes(),
            "created_at": now,
        }
        for h, v in vectors.items()
    ]
    with store.session() as s:
        s.execute(insert(EmbeddingCache), rows)


def clear(store: Store, collection_id: int) -> None:
    """Remove every saved vector of the collection (after its run committed)."""
    with store.session() as s:
        s.execute(delete(EmbeddingCache).where(EmbeddingCache.collection_id == collection_id))


def count(store: Store, collection_id: int | None = None) -> int:
    """Saved vectors (of one collection, or all): what an interrupted run left for its rerun."""
    stmt = select(func.count()).select_from(EmbeddingCache)
    if collection_id is not None:
        stmt = stmt.where(EmbeddingCache.collection_id == collection_id)
    with store.session() as s:
        return int(s.scalar(stmt) or 0)
