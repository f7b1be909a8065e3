"""Concurrent callers of a model share one forward pass (the question encoder, the cross-encoders).

Serving encodes one question per request. Alone, a question costs the model a few ms, most of it fixed
work per call (tokenizing, dispatching six layers of small matrix products); sixteen request threads
each encoding their own question at once also run sixteen sets of torch threads on two cores. Here
whoever calls while no encode is running encodes everything queued so far in one batch, its own text
included, and hands each caller its rows; callers that arrive meanwhile wait and form the next batch.
Nothing waits for company: a caller alone encodes at once, so latency at low load is unchanged. A text
(or pair) that several queued callers ask for is computed once: after a page changes, every request
about it misses the caches with the same sentences.

A batch pads its texts to the longest; the attention mask keeps that from changing a vector beyond
rounding (the Embedder contract holds every implementation to 1e-4 of the text encoded alone).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

from ingestion.embedder import ModelEmbedder, ModelEmbedderFront

T = TypeVar("T")


@dataclass(eq=False)
class _Call(Generic[T]):
    items: list[T]
    result: np.ndarray | None = None
    error: BaseException | None = None
    done: bool = field(default=False)


class Coalescer(Generic[T]):
    """`fn(items) -> array` (one row per item), shared by concurrent callers: whoever calls while `fn` is
    idle runs it once over every queued call's items, up to `max_items` (a call is never split), with
    items of equal `key` computed once; each caller gets its own rows, or the batch's exception."""

    def __init__(
        self, fn: Callable[[list[T]], np.ndarray], key: Callable[[T], Hashable] = lambda x: x, max_items: int = 64
    ) -> None:
        self.fn, self.key, self.max_items = fn, key, max_items
        self._cond = threading.Condition()
        self._queue: list[_Call[T]] = []
        self._busy = False
        # fn always runs on this one thread. torch's OpenMP keeps a team of threads per thread that calls
        # it: request threads calling the model each brought their own team, and teams idling on two
        # cores slowed every pass (a question's encode 10-14 ms from request threads, 7 ms from one).
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")
        self.batches = 0  # times fn ran (/metrics: tether_model_passes)
        self.calls = 0  # calls served (tether_model_calls)

    def __call__(self, items: Sequence[T]) -> np.ndarray:
        call = _Call(list(items))
        with self._cond:
            self._queue.append(call)
            while self._busy and not call.done:
                self._cond.wait()
            if not call.done:  # nobody is running fn and this call is still queued: run the queue
                batch = self._take(call)
                self._busy = True
        if not call.done:
            self._run(batch)
        if call.error is not None:
            raise call.error
        assert call.result is not None
        return call.result

    def _take(self, own: _Call[T]) -> list[_Call[T]]:
        """`own` and the calls queued before and after it, oldest first, while they fit `max_items`."""
        batch, n = [own], len(own.items)
        for c in self._queue:
            if c is not own and n + len(c.items) <= self.max_items:
                batch.append(c)
                n += len(c.items)
        taken = set(map(id, batch))
        self._queue = [c for c in self._queue if id(c) not in taken]
        return batch

    def _run(self, batch: list[_Call[T]]) -> None:
        try:
            row_of: dict[Hashable, int] = {}  # an item's key -> its row in fn's input
            items: list[T] = []
            rows: list[list[int]] = []  # each call's rows, in its own order
            for c in batch:
                rows.append([])
                for item in c.items:
                    if (k := self.key(item)) not in row_of:
                        row_of[k] = len(items)
                        items.append(item)
                    rows[-1].append(row_of[k])
            out = self._thread.submit(self.fn, items).result()
            for c, r in zip(batch, rows, strict=True):
                c.result = out[r]
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


class CoalescingEmbedder(ModelEmbedderFront):
    """A ModelEmbedder in front of another: concurrent `embed` calls are encoded together, up to
    `max_texts` texts per batch (a caller's own texts are never split), each distinct text once."""

    def __init__(self, inner: ModelEmbedder, max_texts: int = 64) -> None:
        super().__init__(inner)
        self.coalescer: Coalescer[str] = Coalescer(inner.embed, max_items=max_texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed([])
        return self.coalescer(texts)
