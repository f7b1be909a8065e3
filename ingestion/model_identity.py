"""Which model a collection's vectors came from, and what an ingestion does when the model changed.

A vector is only comparable with vectors of the same model: a question embedded by one model and
searched against chunks embedded by another gives confident, wrong rankings. So the embedder names
its model by what shapes the vectors: a fingerprint of the model folder's files (weights, configs,
tokenizer) and the width. The folder's name is shown, never compared: the same files under another
name are the same model.

Precision is recorded but is not part of the identity. Measured on this project's corpus (427 chunks,
430 suite questions; `python -m bench.precision_drift` on an AMD EPYC with AVX-512-BF16): the cosine
between the bf16 and the fp32 vector of the same text is at least 0.99992 (median 0.99996), a question's
cosine to a chunk moves by at most 0.003, and a bf16 question over fp32 chunks ranks the same top 1 as
an fp32 question for 429 of 430 questions (the same top-5 set for 426). Under `auto` the precision follows
the CPU, so an ingestion machine and a server may differ; that is not worth a re-embed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

OnModelChange = Literal["refuse", "reembed"]
ON_MODEL_CHANGE_SETTING = "TETHER_INGEST__ON_MODEL_CHANGE"


@dataclass(frozen=True, slots=True)
class ModelIdentity:
    name: str  # shown to people: the model folder's name
    fingerprint: str  # hash of the files that shape the vectors (16 hex digits)
    dim: int

    def same_model(self, fingerprint: str | None, dim: int | None) -> bool:
        return fingerprint == self.fingerprint and dim == self.dim

    def __str__(self) -> str:
        return f"{self.name} ({self.fingerprint}, {self.dim}-d)"


@dataclass(frozen=True, slots=True)
class RecordedModel:
    """What a collection records of the model its vectors came from (all None before any was recorded)."""

    name: str | None
    fingerprint: str | None
    dim: int | None
    precision: str | None  # fp32, bf16, or mixed once runs of both wrote vectors that remain

    def describe(self) -> str:
        if self.fingerprint is None:
            return f"{self.name or 'an unrecorded model'} ({self.dim}-d, fingerprint not recorded)"
        return f"{self.name} ({self.fingerprint}, {self.dim}-d)"

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "fingerprint": self.fingerprint, "dim": self.dim, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class ModelStamp:
    """What a run that writes vectors records on its collection."""

    identity: ModelIdentity
    precision: str  # the run's: fp32 or bf16
    fresh: bool  # no vector written before the run remains (a re-embed, or a collection that held none)


def fingerprint_folder(folder: Path) -> str:
    """Hash of every file under `folder` (relative path and content), in path order, but the model card
    (*.md) and hidden files (.gitattributes, .cache/): those never change a vector."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel.lower().endswith(".md") or any(part.startswith(".") for part in rel.split("/")):
            continue
        with open(path, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
        h.update(f"{rel}\0{digest}\n".encode())
    return h.hexdigest()[:16]


def fingerprint_model(location: str) -> str:
    """A model folder's fingerprint; a name that is not a folder (a hub id) is identified by the name."""
    folder = Path(location)
    if folder.is_dir():
        return fingerprint_folder(folder)
    return hashlib.sha256(f"name:{location}".encode()).hexdigest()[:16]


def is_model_change(recorded: RecordedModel, identity: ModelIdentity, has_vectors: bool) -> bool | None:
    """True when the collection holds vectors of another model; False when they are this model's, or there
    are none; None when it cannot tell (vectors written before fingerprints were recorded, same width)."""
    if not has_vectors:
        return False
    if recorded.fingerprint is None:
        return True if recorded.dim is not None and recorded.dim != identity.dim else None
    return not identity.same_model(recorded.fingerprint, recorded.dim)


def precision_after(previous: str | None, run: str, fresh: bool) -> str | None:
    """The precision a collection records after a run wrote vectors in `run` precision; `fresh` when no
    vector written before the run remains (a re-embed, or a collection that held none)."""
    if fresh or previous == run:
        return run
    return None if previous is None else "mixed"


class ModelChanged(Exception):
    """Ingestion into a collection whose vectors came from another model, without leave to re-embed."""

    def __init__(self, collection: str, recorded: RecordedModel, identity: ModelIdentity) -> None:
        self.collection, self.recorded, self.identity = collection, recorded, identity
        super().__init__(
            f"collection {collection!r} holds vectors of {recorded.describe()}, but the embedding model is now "
            f"{identity}: new vectors would not be comparable with them. Set {ON_MODEL_CHANGE_SETTING}=reembed "
            "to re-embed every chunk of the collection with the new model, or set TETHER_EMBEDDING__MODEL_PATH "
            "back to the collection's model"
        )
