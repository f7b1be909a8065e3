"""The swappable parts, made from the settings: the LLM backend (extractive, openai, local) and the
verifier (the local entailment model, or the LLM judge with the backend it asks). The one place that
knows every implementation; each heavy one is imported here, lazily, so the default service never
imports llama.cpp or touches the network."""

from __future__ import annotations

from app.grounding.verifier import Verifier
from app.llm.base import LLMBackend
from app.settings import LLMSettings, Settings
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


def make_judge_backend(settings: LLMSettings) -> LLMBackend:
    """The backend the LLM judge asks: the OpenAI-protocol server at TETHER_LLM__BASE_URL, whichever
    backend writes the answers (an extractive service may still be checked by a judge)."""
    if not settings.base_url:
        raise ValueError("TETHER_LLM__BASE_URL is required when TETHER_VERIFIER__KIND=llm")
    from app.llm.openai_backend import OpenAIBackend

    return OpenAIBackend(settings)


def make_verifier(settings: Settings, embedder: Embedder, judge: LLMBackend | None = None) -> Verifier:
    """The configured verifier. The LLM judge asks `judge` (its owner closes it; `Services` does), else
    a backend of its own from make_judge_backend, which lives as long as the process."""
    if settings.verifier.kind == "llm":
        from app.grounding.llm_judge import LLMJudgeVerifier

        return LLMJudgeVerifier(judge or make_judge_backend(settings.llm), settings.verifier)
    from app.grounding.local import LocalVerifier

    return LocalVerifier(embedder, settings.verifier)
