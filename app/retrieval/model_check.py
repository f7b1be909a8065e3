"""A collection is searched only with the model its vectors came from.

A question embedded by one model and searched against chunks of another gets rankings that look
confident and are wrong. The store records, per collection, the model its vectors came from
(`ingestion/model_identity.py`); every retrieval's view passes `ModelGuard.check`, which compares it
with the server's embedder and answers 409 `model_mismatch` on a difference. Precision is not compared
(bf16 and fp32 vectors of one model agree to a cosine of 0.9999). A collection written before
fingerprints were recorded is served as before when its width agrees: it cannot be told apart.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, select

from app.errors import ModelMismatch
from app.retrieval.hybrid import Retriever
from app.retrieval.view import CollectionView
from ingestion.model_identity import ON_MODEL_CHANGE_SETTING, ModelIdentity, RecordedModel, is_model_change
from ingestion.store import Chunk, Collection, Store


@dataclass(frozen=True, slots=True)
class CollectionModel:
    name: str
    version: int
    recorded: RecordedModel
    has_vectors: bool


def read_models(store: Store, name: str | None = None) -> list[CollectionModel]:
    """Each collection's (or one's) recorded model, version and whether it holds any vector."""
    has_vectors = exists().where(Chunk.collection_id == Collection.id)
    stmt = select(
        Collection.name,
        Collection.version,
        Collection.embedding_model,
        Collection.embedding_fingerprint,
        Collection.dim,
        Collection.embedding_precision,
        has_vectors,
    ).order_by(Collection.name)
    if name is not None:
        stmt = stmt.where(Collection.name == name)
    with store.session() as s:
        rows = s.execute(stmt).all()
    return [CollectionModel(r[0], r[1], RecordedModel(r[2], r[3], r[4], r[5]), bool(r[6])) for r in rows]


class ModelGuard:
    """Compares collections' recorded models with the server's; remembers each (collection, version)."""

    def __init__(self, store: Store, identity: Callable[[], ModelIdentity]) -> None:
        self.store, self._identity = store, identity
        self._seen: dict[str, dict[int, CollectionModel]] = {}
        self._lock = threading.Lock()

    @property
    def identity(self) -> ModelIdentity:
        return self._identity()

    def read(self, name: str | None = None) -> list[CollectionModel]:
        return read_models(self.store, name)

    def matches(self, m: CollectionModel) -> bool | None:
        """True: the server's model; False: another; None: not recorded (written before fingerprints)."""
        changed = is_model_change(m.recorded, self.identity, m.has_vectors)
        return None if changed is None else not changed

    def describe(self, m: CollectionModel) -> dict[str, Any]:
        return {"embedding_model": m.recorded.as_dict(), "model_match": self.matches(m)}

    def check(self, name: str, version: int) -> None:
        """Raise ModelMismatch when the vectors of `name` at `version` are another model's."""
        m = self._seen.get(name, {}).get(version)
        if m is None:
            found = read_models(self.store, name)
            if not found:
                return  # dropped meanwhile: the view's own lookup reports an unknown collection
            m = found[0]
            with self._lock:
                versions = self._seen.setdefault(name, {})
                versions[m.version] = m
                for old in sorted(versions)[:-2]:  # the view's version and the newest suffice
                    del versions[old]
            # A row newer than the view (an ingestion committed a moment ago) is the best record at hand.
            m = versions.get(version, m)
        if self.matches(m) is False:
            raise ModelMismatch(
                f"collection {name!r} holds vectors of {m.recorded.describe()}, but this server embeds questions "
                f"with {self.identity}: its rankings would be wrong. Serve it with the collection's model "
                "(TETHER_EMBEDDING__MODEL_PATH), or re-embed the collection with this one "
                f"({ON_MODEL_CHANGE_SETTING}=reembed and ingest into it)"
            )


class ModelCheckedRetriever(Retriever):
    """The Retriever, refusing any collection whose vectors came from another model than its embedder's:
    every path to a collection's vectors (retrieve, answer, stream, chat, verify) takes a view first."""

    def __init__(self, *args: Any, guard: ModelGuard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guard = guard

    def view(self, name: str, *, fresh: bool = False) -> CollectionView:
        view = super().view(name, fresh=fresh)
        self.guard.check(name, view.version)
        return view
