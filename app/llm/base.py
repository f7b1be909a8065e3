"""The LLMBackend seam: a grounded prompt (and its structured parts) in, text out."""

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
