"""An Embedder that lets concurrent callers share one forward pass.

Serving encodes one question per request. Alone, a question costs the model a few ms, most of it fixed
work per call (tokenizing, dispatching six layers of small matrix products); sixteen request threads
each encoding their own question at once also run sixteen sets of torch threads on two cores. Here
whoever calls while no encode is running encodes everything queued so far in one batch, its own text
included, and hands each caller its rows; callers that arrive meanwhile wait and form the next batch.
Nothing waits for company: a caller alone encodes at once, so latency at low load is unchanged.

A batch pads its texts to the longest; the attention mask keeps that from changing a vector beyond
rounding (the Embedder contract holds every implementation to 1e-4 of the text encoded alone).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ingestion.embedder import ModelEmbedder
from ingestion.model_identity import ModelIdentity
from ingestion.precision import Precision


@dataclass(eq=False)
class _Call:
    texts: list[str]
    vectors: np.ndarray | None = None
    error: BaseException | None = None
    done: bool = field(default=False)


class CoalescingEmbedder:
    """A ModelEmbedder in front of another: concurrent `embed` calls are encoded together, up to
    `max_texts` texts per batch (a caller's own texts are never split)."""

    def __init__(self, inner: ModelEmbedder, max_texts: int = 64) -> None:
        self.inner = inner
        self.max_texts = max_texts
        self._cond = threading.Condition()
        self._queue: list[_Call] = []
        self._busy = False
        self.batches = 0  # forward passes run (for tests and metrics)
        self.calls = 0  # embed() calls served

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def max_tokens(self) -> int:
        return self.inner.max_tokens

    @property
    def precision(self) -> Precision:
        return self.inner.precision

    @property
    def identity(self) -> ModelIdentity:
        return self.inner.identity

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def token_spans(self, text: str) -> list[tuple[int, int]] | None:
        return self.inner.token_spans(text)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed([])
        call = _Call(list(texts))
        with self._cond:
            self._queue.append(call)
            while self._busy and not call.done:
                self._cond.wait()
            if not call.done:  # nobody is encoding and this call is still queued: encode the queue
                batch = self._take(call)
                self._busy = True
        if not call.done:
            self._run(batch)
        if call.error is not None:
            raise call.error
        assert call.vectors is not None
        return call.vectors

    def _take(self, own: _Call) -> list[_Call]:
        """`own` and the calls queued before and after it, oldest first, while they fit `max_texts`."""
        batch, n = [own], len(own.texts)
        for c in self._queue:
            if c is not own and n + len(c.texts) <= self.max_texts:
                batch.append(c)
                n += len(c.texts)
        taken = set(map(id, batch))
        self._queue = [c for c in self._queue if id(c) not in taken]
        return batch

    def _run(self, batch: list[_Call]) -> None:
        try:
            vectors = self.inner.embed([t for c in batch for t in c.texts])
            at = 0
            for c in batch:
                c.vectors, at = vectors[at : at + len(c.texts)].copy(), at + len(c.texts)
        except BaseException as exc:  # every caller of the batch sees the failure, not only the leader
            for c in batch:
                c.error = exc
        finally:
            with self._cond:
                for c in batch:
                    c.done = True
                self._busy = False
                self.batches += 1
                self.calls += len(batch)
                self._cond.notify_all()
