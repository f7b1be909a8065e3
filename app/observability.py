"""Prometheus metrics, trace ids and structured JSON logs."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.results import Answer
from app.reviews.types import ReviewStats

trace_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("trace_id", default=None)
_TRACE_OK = re.compile(r"^[A-Za-z0-9_.-]{8,64}$")
_LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


class Metrics:
    """One registry per app, so several apps in one process (tests) never share counters."""

    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.requests = Counter(
            "tether_http_requests_total", "HTTP requests", ["route", "method", "status"], registry=r
        )
        self.latency = Histogram("tether_http_request_seconds", "HTTP latency", ["route"], buckets=_LATENCY, registry=r)
        self.answers = Counter("tether_answers_total", "Answers by status", ["status"], registry=r)
        self.claims = Counter("tether_claims_total", "Claims verified", registry=r)
        self.unsupported = Counter("tether_unsupported_claims_total", "Claims judged unsupported", registry=r)
        self.retrieval = Histogram("tether_retrieval_seconds", "Retrieval latency", buckets=_LATENCY, registry=r)
        self.generation = Histogram("tether_generation_seconds", "Backend latency", buckets=_LATENCY, registry=r)
        self.verification = Histogram("tether_verify_seconds", "Verifier latency", buckets=_LATENCY, registry=r)
        self.index_chunks = Gauge("tether_index_chunks", "Chunks in the served index", ["collection"], registry=r)
        # Counts since start, read from the models' coalescers at each scrape: calls / passes is how many
        # requests a forward pass served on average (ingestion/coalescing.py).
        self.model_calls = Gauge("tether_model_calls", "Calls to a model since start", ["model"], registry=r)
        self.model_passes = Gauge("tether_model_passes", "Passes a model ran since start", ["model"], registry=r)
        self.rate_limited = Counter("tether_rate_limited_total", "Requests refused by rate limits", registry=r)
        # Read from the store at each scrape, so every replica reports the same numbers.
        self.stored_answers = Gauge(
            "tether_audit_answers", "Answers in the audit trail by status", ["status"], registry=r
        )
        self.review_backlog = Gauge("tether_review_backlog", "Answers worth a look that no reviewer judged", registry=r)
        self.review_ratings = Gauge("tether_review_ratings", "Thumbs given to answers", ["rating"], registry=r)
        self.review_claims = Gauge(
            "tether_review_claims",
            "Reviewed claims by the verifier's label and the reviewer's mark (latest review of each answer)",
            ["verifier", "reviewer"],
            registry=r,
        )
        self.review_agreement = Gauge(
            "tether_review_agreement_ratio", "Share of reviewed claims where reviewer and verifier agree", registry=r
        )

    def observe_answer(self, result: Answer) -> None:
        self.answers.labels(result.status).inc()
        self.claims.inc(len(result.claims))
        self.unsupported.inc(sum(1 for c in result.claims if c.label == "unsupported"))
        t = result.timings
        if "retrieve_ms" in t:
            self.retrieval.observe(t["retrieve_ms"] / 1000)
        if "generate_ms" in t:
            self.generation.observe(t["generate_ms"] / 1000)
        if "verify_ms" in t:
            self.verification.observe(t["verify_ms"] / 1000)

    def observe_reviews(self, stats: ReviewStats) -> None:
        self.stored_answers.clear()
        for status, n in stats.answers_by_status.items():
            self.stored_answers.labels(status).set(n)
        self.review_backlog.set(stats.backlog)
        for rating, n in stats.ratings.items():
            self.review_ratings.labels(rating).set(n)
        a = stats.agreement
        for (label, mark), n in {
            ("supported", "right"): a.supported_right,
            ("supported", "wrong"): a.supported_wrong,
            ("unsupported", "right"): a.unsupported_right,
            ("unsupported", "wrong"): a.unsupported_wrong,
        }.items():
            self.review_claims.labels(label, mark).set(n)
        self.review_agreement.set(a.agreement_rate if a.agreement_rate is not None else float("nan"))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "trace_id": getattr(record, "trace_id", None) or trace_id_var.get(),
        }
        out.update(getattr(record, "fields", {}) or {})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


def configure_logging(json_logs: bool) -> None:
    root = logging.getLogger("tether")
    if any(getattr(h, "_tether", False) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler._tether = True  # type: ignore[attr-defined]
    handler.setFormatter(JsonFormatter() if json_logs else logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    root.propagate = False


access_log = logging.getLogger("tether.access")


class ObservabilityMiddleware:
    """A trace id per request, always the server's own (X-Trace-Id out); per-route counts and latency; one
    access log line per request. A client's X-Trace-Id (when well-formed) is kept beside it, as
    `client_trace_id` in the log and the audit row and X-Client-Trace-Id out, never in its place: the
    trace id keys the audit trail, and a client that could choose it could aim at another's row.
    API keys are never logged: only the key id the auth layer resolved."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-trace-id", b"").decode(errors="ignore")
        client_trace_id = given if _TRACE_OK.match(given) else None
        trace_id = uuid.uuid4().hex
        token = trace_id_var.set(trace_id)
        state = scope.setdefault("state", {})
        state["trace_id"], state["client_trace_id"] = trace_id, client_trace_id
        echo = [(b"x-trace-id", trace_id.encode())]
        if client_trace_id:
            echo.append((b"x-client-trace-id", client_trace_id.encode()))
        status = 500
        t0 = time.perf_counter()

        async def send_wrapper(msg: Message) -> None:
            nonlocal status
            if msg["type"] == "http.response.start":
                status = msg["status"]
                msg.setdefault("headers", [])
                msg["headers"] = [*msg["headers"], *echo]
            await send(msg)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - t0
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.requests.labels(route, scope["method"], str(status)).inc()
            self.metrics.latency.labels(route).observe(elapsed)
            access_log.info(
                "request",
                extra={
                    "trace_id": trace_id,
                    "fields": {
                        "method": scope["method"],
                        "path": scope["path"],
                        "route": route,
                        "status": status,
                        "ms": round(elapsed * 1000, 2),
                        "key_id": scope["state"].get("key_id"),
                        "client_trace_id": client_trace_id,
                    },
                },
            )
            trace_id_var.reset(token)
