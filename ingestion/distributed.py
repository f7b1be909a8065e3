"""Ingestion on a Ray cluster (`tether ingest --ray ADDRESS`, the `ray` extra).

The run is the pipeline's own (`Ingestor`): the same discovery, skip rules, owner checks, vector reuse, one
commit through `ingestion/writer.py` under the writer lock, and the same snapshot. Only the per-file work
moves: each changed file is parsed, checked, chunked and its new chunk texts embedded by a pool of Ray Data
actors, each of which loads the embedding model once. What runs where:

- here (the driver): reading and hashing the files (an unchanged file never leaves this process), the lock,
  which file owns a source, vector reuse from the store, the commit and the snapshot;
- on the cluster: `prepare_file` (load_file, check_document, chunk_document) and the embedding.

The driver sends each changed file's bytes with its task, so the workers need no access to the files; the
cluster must run this release (the workers check the chunker version) and have the model.

Ray is imported here only, and only when a run starts: serving and the default install never import it.
"""

from __future__ import annotations

import logging
import math
import pickle
import socket
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from sqlalchemy import select

from ingestion import precision
from ingestion.chunking import ChunkSpan, chunk_document
from ingestion.embedder import ModelEmbedder, ModelEmbedderFront, SentenceTransformerEmbedder
from ingestion.loaders import LoadedDocument
from ingestion.pipeline import CHUNKER_VERSION, Ingestor, Progress
from ingestion.preparing import FileWork, PreparedFile, prepare_file
from ingestion.settings import ChunkingSettings, EmbeddingSettings, IndexSettings, IngestLimits
from ingestion.store import Chunk, Collection, Document, Store
from ingestion.writer import embed_hash

Prepared = tuple[PreparedFile, dict[str, np.ndarray]]  # a file's documents and chunks, the new vectors by text
FILES_PER_BLOCK = 16  # a block is one actor call: its files' new chunks are embedded in one batch


class RayUnavailable(RuntimeError):
    """`--ray` was asked for, but the ray extra is not installed."""


class RayIngestError(RuntimeError):
    """The cluster could not be reached or failed the run; nothing was committed."""


def import_ray() -> ModuleType:
    try:
        import ray
        import ray.data  # the extra is ray[data]: without Ray Data the run cannot start
    except ImportError as exc:
        raise RayUnavailable(
            f"ingesting on Ray needs the ray extra ({exc}): pip install -e '.[ray]' (ray[data]==2.60.0)"
        ) from exc
    return ray


def check_reachable(address: str, timeout_s: float = 5.0) -> None:
    """Refuse an address where nothing listens: Ray itself retries a dead address for minutes."""
    host, _, port = address.rpartition(":")
    if address == "auto" or not host or not port.isdigit():
        return  # "auto" finds the local cluster itself, and fails at once without one
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s).close()
    except OSError as exc:
        raise RayIngestError(f"no Ray cluster answers at {address!r}: {exc}") from exc


class PrecomputedEmbedder(ModelEmbedderFront):
    """The embedder the pipeline's embed step sees in a Ray run: the vectors the workers computed, by text.
    A text they did not embed (none should be missing) goes to `fallback` (`inner`), which loads its model
    only then."""

    def __init__(self, fallback: ModelEmbedder) -> None:
        # The workers load the model of these same settings: its precision and identity are theirs (naming
        # it loads it here too, once a run writes vectors, which the pipeline records and checks).
        super().__init__(fallback)
        self.vectors: dict[str, np.ndarray] = {}

    @property
    def dim(self) -> int:
        first = next(iter(self.vectors.values()), None)
        return len(first) if first is not None else self.inner.dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.inner.embed(missing), strict=True))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vectors[t] for t in texts])


class FilePreparer:
    """A Ray Data actor: one embedding model, loaded once, for every block of files it is handed. A block's
    rows are pickled (FileWork, reusable embed hashes by source); each answer row is a pickled
    (PreparedFile, vectors by embed text) for the chunk texts the store has no vector for."""

    def __init__(
        self,
        embedding: EmbeddingSettings,
        chunking: ChunkingSettings,
        limits: IngestLimits,
        signature: str,
        chunker_version: str,
    ) -> None:
        if chunker_version != CHUNKER_VERSION:
            raise RayIngestError(
                f"this worker chunks as version {CHUNKER_VERSION} and the driver as {chunker_version}: "
                "run the same release of tether on the cluster and the ingesting machine"
            )
        self.embedder = SentenceTransformerEmbedder(embedding)
        self.chunking, self.limits, self.signature = chunking, limits, signature
        self.max_tokens = min(chunking.max_tokens, self.embedder.max_tokens)  # loads the model, once

    def _chunk(self, doc: LoadedDocument) -> list[ChunkSpan]:
        e = self.embedder
        return chunk_document(
            doc.text, doc.title, e.count_tokens, self.max_tokens, self.chunking.overlap_sentences, e.token_spans
        )

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        prepared: list[PreparedFile] = []
        todo: dict[str, None] = {}  # texts to embed, once each, in first-seen order
        for blob in batch["work"]:
            work, reusable = pickle.loads(blob)
            p = prepare_file(work, self.limits, self.signature, self._chunk)
            prepared.append(p)
            for d in p.docs:
                kept = reusable.get(d.doc.source, set())
                todo.update((c.embed_text, None) for c in d.chunks or [] if embed_hash(c) not in kept)
        texts = list(todo)
        vectors = dict(zip(texts, self.embedder.embed(texts), strict=True))
        out = []
        for p in prepared:
            mine = {c.embed_text for d in p.docs for c in d.chunks or []}
            out.append(pickle.dumps((p, {t: vectors[t] for t in mine if t in vectors})))
        return {"i": np.asarray(batch["i"]), "out": np.asarray(out, dtype=object)}


class RayIngestor(Ingestor):
    """An `Ingestor` whose per-file work runs on the Ray cluster at `address` ("HOST:PORT" or "auto"; this
    machine is one of its nodes)."""

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        chunking: ChunkingSettings,
        index: IndexSettings,
        limits: IngestLimits,
        embedding: EmbeddingSettings,
        address: str,
    ) -> None:
        import_ray()  # fail before the run starts, not after the files were read
        check_reachable(address)
        # One precision for the whole run, this machine's: an `auto` resolved on each worker could mix
        # bf16 and fp32 vectors in one collection on a cluster of unlike CPUs.
        resolved = precision.resolve(embedding.dtype).dtype
        self.embedding = EmbeddingSettings.model_validate({**embedding.model_dump(), "dtype": resolved})
        self.precomputed = PrecomputedEmbedder(SentenceTransformerEmbedder(self.embedding))
        super().__init__(store, self.precomputed, data_dir, chunking, index, limits)
        self.address = address

    def _prepare(
        self, changed: Iterable[FileWork], col: Collection, tick: Progress
    ) -> Iterator[tuple[FileWork, PreparedFile]]:
        items = list(changed)
        if not items:
            return
        reusable = self._reusable(col, items)
        rows = [{"i": i, "work": pickle.dumps((w, reusable.get(w.source, {})))} for i, w in enumerate(items)]
        results = self._run(rows, tick)
        for i, work in enumerate(items):
            prepared, vectors = results[i]
            self.precomputed.vectors.update(vectors)
            yield work, prepared

    def _reusable(self, col: Collection, items: list[FileWork]) -> dict[str, dict[str, set[str]]]:
        """Embed hashes the store holds, by file and source: a worker does not embed those texts again
        (the pipeline's embed step reuses the stored vectors, as in a local run)."""
        known = {src: w.source for w in items for src in w.known}
        out: dict[str, dict[str, set[str]]] = {}
        names = list(known)
        with self.store.session() as s:
            for i in range(0, len(names), 500):
                q = (
                    select(Document.source, Chunk.embed_hash)
                    .join(Chunk, Chunk.doc_id == Document.id)
                    .where(Document.collection_id == col.id, Document.source.in_(names[i : i + 500]))
                )
                for source, h in s.execute(q):
                    out.setdefault(known[source], {}).setdefault(source, set()).add(h)
        return out

    def _run(self, rows: list[dict[str, Any]], tick: Progress) -> dict[int, Prepared]:
        ray = import_ray()
        connected_here = not ray.is_initialized()
        try:
            if connected_here:
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False)
            ctx = ray.data.DataContext.get_current()
            ctx.enable_progress_bars = False  # the CLI draws its own
            ctx.print_on_execution_start = False
            logging.getLogger("ray.data").setLevel(logging.ERROR)  # its notices are for its own progress bars
            # One actor (one model) per CPU of the cluster, and at least a block for each actor.
            actors = max(1, int(ray.cluster_resources().get("CPU", 1)))
            blocks = max(math.ceil(len(rows) / FILES_PER_BLOCK), min(len(rows), actors))
            ds = ray.data.from_items(rows, override_num_blocks=blocks)
            ds = ds.map_batches(
                FilePreparer,
                fn_constructor_kwargs={
                    "embedding": self.embedding,
                    "chunking": self.chunking,
                    "limits": self.limits,
                    "signature": self._signature(),
                    "chunker_version": CHUNKER_VERSION,
                },
                batch_size=None,
                compute=ray.data.ActorPoolStrategy(size=actors),
                num_cpus=1,
            )
            results: dict[int, Prepared] = {}
            tick("cluster", 0, len(rows))
            for row in ds.iter_rows():
                results[int(row["i"])] = pickle.loads(row["out"])
                tick("cluster", len(results), len(rows))
        except (RayUnavailable, RayIngestError):
            raise
        except Exception as exc:  # connection refused, a worker's failure: the run stops before its commit
            raise RayIngestError(f"ingestion on the Ray cluster at {self.address!r} failed: {exc}") from exc
        finally:
            if connected_here and ray.is_initialized():
                ray.shutdown()
        return results
