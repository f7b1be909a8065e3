"""Picks the LLM backend the settings name. Heavy backends import their dependencies here, lazily,
so the default (extractive) service never imports llama.cpp or touches the network."""

from __future__ import annotations

from app.llm.base import LLMBackend
from app.settings import LLMSettings
from ingestion.embedder import Embedder


def make_backend(settings: LLMSettings, embedder: Embedder) -> LLMBackend:
    """The configured backend. Raises ValueError for a missing base_url and
    LocalLLMUnavailable (a BackendError) when the local-llm extra is not installed."""
    if settings.backend == "extractive":
        from app.llm.extractive import ExtractiveBackend

        return ExtractiveBackend(embedder, max_sentences=settings.extractive_max_sentences)
    if settings.backend == "openai":
        from app.llm.openai_backend import OpenAIBackend

        return OpenAIBackend(settings)
    if settings.backend == "local":
        from app.llm.local_backend import LocalLlamaBackend

        return LocalLlamaBackend(settings)
    raise ValueError(f"unknown TETHER_LLM__BACKEND={settings.backend!r}")
