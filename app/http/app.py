"""create_app(settings): the FastAPI application. Heavy parts load once, in the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from sqlalchemy.exc import SQLAlchemyError

from app.http.answers import router as answers_router
from app.http.console import mount_console
from app.http.console import router as console_router
from app.http.documents import router as documents_router
from app.http.errors import install_error_handlers
from app.http.limits import BodySizeLimit
from app.http.openai_compat import router as openai_router
from app.http.reviews import router as reviews_router
from app.http.routes import router
from app.observability import Metrics, ObservabilityMiddleware, configure_logging
from app.security.keys import list_keys
from app.services import Services, build_services
from app.settings import Settings

log = logging.getLogger("tether.app")

DESCRIPTION = """Grounded answers from a verified corpus. Every answer carries citations (passage, document,
character offsets) and a verdict for every claim; unsupported answers are flagged, redacted or replaced
by an abstention, as the caller asks. Errors are `{"error": {"code", "message"}}`."""


def create_app(settings: Settings, services: Services | None = None) -> FastAPI:
    """`services` lets a test or the evals hand in pre-built parts (e.g. a wrapped backend)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = services is None
        app.state.services = services or build_services(settings)
        log.info("model precision: %s", app.state.services.embedder.precision.reason)
        _announce_models(app.state.services)
        if settings.auth.mode == "open":
            log.warning("open local mode: no API keys are checked; bound to %s only", settings.server.host)
        else:
            _announce_keys(app.state.services)
        try:
            yield
        finally:
            if owned:
                app.state.services.close()

    configure_logging(settings.json_logs)
    # Everything else runs offline, so /docs does too: its assets come from an installed package.
    app = FastAPIOffline(title="Tether", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.metrics = Metrics()
    install_error_handlers(app)
    app.add_middleware(
        BodySizeLimit, max_bytes=settings.limits.max_body_bytes, max_upload_bytes=settings.limits.max_upload_bytes
    )
    app.add_middleware(ObservabilityMiddleware, metrics=app.state.metrics)
    app.include_router(router)
    app.include_router(answers_router)
    app.include_router(openai_router)
    app.include_router(documents_router)
    app.include_router(reviews_router)
    app.include_router(console_router)
    if settings.console.enabled:
        mount_console(app)
    return app


def _announce_models(svc: Services) -> None:
    """Say at start which model embeds questions, and which collections it cannot serve."""
    log.info("embedding model: %s", svc.models.identity)
    for m in svc.models.read():
        if svc.models.matches(m) is False:
            log.warning(
                "collection %r holds vectors of %s, not of this server's model: its queries answer 409 "
                "model_mismatch until it is re-embedded (TETHER_INGEST__ON_MODEL_CHANGE=reembed)",
                m.name,
                m.recorded.describe(),
            )


def _announce_keys(services: Services) -> None:
    """Keys mode, said at start-up: a fresh deployment answers every request with 401 until a key exists."""
    try:
        active = sum(1 for k in list_keys(services.store) if not k["revoked"])
    except SQLAlchemyError as exc:  # the store's outage is /readyz's to report; start-up goes on
        log.warning("keys mode: could not count the API keys: %s", exc)
        return
    if active:
        log.info("keys mode: every route but health and docs needs an API key (%d active)", active)
    else:
        log.warning(
            "keys mode: every route but health and docs needs an API key, and no API key exists yet: "
            "create one with `tether keys create --name NAME --role query`"
        )
