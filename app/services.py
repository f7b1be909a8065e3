"""The parts a running Tether needs, built once from Settings (the app's lifespan, the CLI, the evals)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.answering import Answerer
from app.audit import AuditLog
from app.components import make_backend, make_judge_backend, make_verifier
from app.grounding.answerability import AnswerabilityJudge
from app.grounding.verifier import Verifier
from app.llm.base import LLMBackend
from app.retrieval.hybrid import Retriever
from app.retrieval.model_check import ModelCheckedRetriever, ModelGuard
from app.reviews.store import ReviewBook
from app.security.keys import KeyResolver
from app.security.ratelimit import RateLimiter, make_rate_limiter
from app.settings import Settings
from ingestion.coalescing import Coalescer, CoalescingEmbedder
from ingestion.embedder import CachedEmbedder, ModelEmbedder, SentenceTransformerEmbedder
from ingestion.pipeline import Ingestor
from ingestion.store import Store, open_store


@dataclass
class Services:
    settings: Settings
    store: Store
    embedder: ModelEmbedder
    retriever: Retriever
    backend: LLMBackend
    verifier: Verifier
    answerer: Answerer
    keys: KeyResolver
    limiter: RateLimiter
    audit: AuditLog
    reviews: ReviewBook
    models: ModelGuard  # the model each collection's vectors came from, against the embedder's
    judge: LLMBackend | None = None  # the LLM judge's backend, when the verifier is the judge

    def coalescers(self) -> dict[str, Coalescer[Any]]:
        """Each model the server runs, by name, as requests share it (for the metrics): the requests' encoder
        (questions, and passage sentences the cache lacks), the uploads', the two cross-encoders."""
        found: dict[str, object] = {
            "request_encoder": getattr(self.retriever.embedder, "coalescer", None),
            "upload_encoder": getattr(self.embedder, "coalescer", None),
            "verifier": getattr(getattr(self.verifier, "model", None), "coalescer", None),
            "answerability": getattr(getattr(self.answerer.answerability, "model", None), "coalescer", None),
        }
        return {name: c for name, c in found.items() if isinstance(c, Coalescer)}

    def close(self) -> None:
        """Release what the parts hold: the backends' connections or models, the store's pool."""
        self.backend.close()
        if self.judge is not None:
            self.judge.close()
        self.store.dispose()

    def dependencies(self) -> dict[str, str]:
        """Each configured dependency: "ok", or why not (the type of the error only: the details, such
        as a database host, belong in the log)."""
        from sqlalchemy.exc import SQLAlchemyError

        deps = {"store": "ok"}
        try:
            self.store.ping()  # bounded by the store's connect and statement timeouts
        except SQLAlchemyError as exc:
            deps["store"] = f"unavailable ({type(exc).__name__})"
        if self.settings.rate_limit.redis_url:
            deps["redis"] = self.limiter.health() or "ok"
        return deps


def make_ingestor(settings: Settings, store: Store, embedder: ModelEmbedder) -> Ingestor:
    """The ingestion pipeline as these settings configure it (CLI, HTTP uploads, demo, evals)."""
    return Ingestor(store, embedder, settings.store.data_dir, settings.chunking, settings.index, settings.ingest)


def build_services(settings: Settings, warm: bool = True) -> Services:
    """Every part, as the settings name them (app/components.py makes the swappable ones)."""
    store = open_store(settings.store.resolved_database_url(), timeouts=settings.store.timeouts())
    embedder = SentenceTransformerEmbedder(settings.embedding)
    # Requests' encodes that arrive together share one forward pass (ingestion keeps the model itself).
    shared = CoalescingEmbedder(embedder)
    if warm:
        shared.embed(["warm up"])  # load the model now, not on the first request
    models = ModelGuard(store, lambda: embedder.identity)
    retriever = ModelCheckedRetriever(
        store, shared, settings.store.data_dir, settings.index, settings.retrieval, guard=models
    )
    # The extractive backend and the verifier embed the same passage sentences: one cache for both.
    sentences = CachedEmbedder(shared)
    backend = make_backend(settings.llm, sentences)
    judge = make_judge_backend(settings.llm) if settings.verifier.kind == "llm" else None
    verifier = make_verifier(settings, sentences, judge)
    answerer = Answerer(retriever, backend, verifier, settings, AnswerabilityJudge(sentences, settings.answerability))
    return Services(
        settings,
        store,
        # Uploads embed on a model thread of their own: beside the requests' (a large upload does not hold
        # up every question), and not on each request thread (see ingestion/coalescing.py).
        CoalescingEmbedder(embedder),
        retriever,
        backend,
        verifier,
        answerer,
        keys=KeyResolver(store, settings.auth.key_cache_s),
        limiter=make_rate_limiter(settings.rate_limit),
        audit=AuditLog(store, settings.audit.retention_days),
        reviews=ReviewBook(store),
        models=models,
        judge=judge,
    )
