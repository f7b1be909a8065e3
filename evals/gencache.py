"""A record-and-replay wrapper for any LLMBackend, so one suite can be judged several ways (policies,
verifier versions) from the same raw answers without paying for generation again. A slow generator
(SmolLM2 on two cores: seconds per answer) makes this the difference between one run and three.

The key is the exact request: backend, model, every message, the question, the passages (ids and text)
and the sampling parameters. A changed prompt, retrieval or model is a miss and is generated afresh;
nothing is ever replayed for a request it was not recorded for. The file is JSONL, appended one line per
new generation and flushed, so an interrupted run keeps what it paid for.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.llm.base import Generation, GenerationRequest, LLMBackend, WrappedBackend


class GenerationCacheError(ValueError):
    """The cache file exists but is not one this wrapper wrote."""


def request_key(backend: str, model: str | None, request: GenerationRequest) -> str:
    payload = {
        "backend": backend,
        "model": model,
        "messages": [[m.role, m.content] for m in request.messages],
        "question": request.question,
        "passages": [[p.chunk_id, p.text] for p in request.passages],
        "max_tokens": request.max_tokens,
        "temperature": request.temperature,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class CachedBackend(WrappedBackend):
    """Replays recorded generations; generates, records and returns the rest. Thread-safe."""

    def __init__(self, inner: LLMBackend, path: Path) -> None:
        super().__init__(inner)
        self.path = path
        self.model: str | None = getattr(inner, "model", None)
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        self._entries: dict[str, Generation] = _read(path) if path.exists() else {}

    def generate(self, request: GenerationRequest) -> Generation:
        key = request_key(self.name, self.model, request)
        with self._lock:
            cached = self._entries.get(key)
            if cached is not None:
                self.hits += 1
                return cached
        gen = self.inner.generate(request)  # errors are not recorded: the next run tries again
        with self._lock:
            self.misses += 1
            self._entries[key] = gen
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"key": key, **_as_dict(gen)}, ensure_ascii=False) + "\n")
        return gen

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        yield self.generate(request).text

    def stats(self) -> dict[str, Any]:
        return {"path": str(self.path), "hits": self.hits, "misses": self.misses}


def _as_dict(gen: Generation) -> dict[str, Any]:
    return {
        "text": gen.text,
        "model": gen.model,
        "prompt_tokens": gen.prompt_tokens,
        "completion_tokens": gen.completion_tokens,
        "extra": gen.extra,
    }


def _read(path: Path) -> dict[str, Generation]:
    entries: dict[str, Generation] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            entries[row["key"]] = Generation(
                text=row["text"],
                model=row["model"],
                prompt_tokens=row.get("prompt_tokens"),
                completion_tokens=row.get("completion_tokens"),
                extra=dict(row.get("extra") or {}),
            )
        except (ValueError, KeyError, TypeError) as exc:
            if n == len(lines):  # a run killed mid-write leaves a partial last line: drop it, keep the rest
                break
            raise GenerationCacheError(f"{path}:{n}: not a generation cache line ({exc})") from None
    return entries
