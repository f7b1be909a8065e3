"""The LLMBackend seam: a grounded prompt (and its structured parts) in, text out. Implementations:
`extractive.ExtractiveBackend` (the default, no LLM), `openai_backend.OpenAIBackend`,
`local_backend.LocalLlamaBackend`; app/components.py makes the one the settings name. `WrappedBackend`
is the base of a backend that wraps another (the evals' fault injection and generation cache)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from app.retrieval.passages import Passage


@dataclass(frozen=True, slots=True)
class Message:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    """What a backend needs. Generative backends read `messages`; the extractive backend composes its
    answer from `question` and `passages` (passage n is `passages[n-1]`)."""

    messages: Sequence[Message]
    question: str
    passages: Sequence[Passage] = ()
    max_tokens: int = 512
    temperature: float = 0.0


@dataclass(frozen=True, slots=True)
class Generation:
    text: str
    model: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    extra: dict[str, object] = field(default_factory=dict)


class LLMBackend(Protocol):
    """Errors surface as app.errors.BackendError (502) or BackendTimeout (504)."""

    name: str

    def generate(self, request: GenerationRequest) -> Generation: ...

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        """Yields text deltas; their concatenation equals generate()'s text."""
        ...

    def count_tokens(self, text: str) -> int:
        """Tokens `text` takes in this backend's context window: exact where the backend has its
        tokenizer, else an upper bound, so a prompt fitted with it never overflows the window."""
        ...

    def close(self) -> None:
        """Release what the backend holds (a connection pool, a loaded model). Safe to call twice."""
        ...


class WrappedBackend:
    """A backend around another: by default every call is the inner backend's, and closing it closes the
    inner one. A subclass overrides what it changes."""

    def __init__(self, inner: LLMBackend) -> None:
        self.inner = inner
        self.name = inner.name

    def generate(self, request: GenerationRequest) -> Generation:
        return self.inner.generate(request)

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        return self.inner.stream(request)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def close(self) -> None:
        self.inner.close()
