"""Every error leaves as {"error": {"code", "message"}} with the right status."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import DependencyUnavailable, RateLimited, TetherError, Unauthorized
from app.http.schemas import ErrorResponse
from app.retrieval.view import UnknownCollection

log = logging.getLogger("tether.http")
# The error statuses a route may answer with, for the OpenAPI document (`responses=ERRORS`).
ERRORS: dict[int | str, dict[str, Any]] = {
    c: {"model": ErrorResponse} for c in (400, 401, 403, 404, 409, 413, 422, 429, 502, 503, 504)
}


def error_response(status: int, code: str, message: str, details: object = None) -> JSONResponse:
    body: dict[str, object] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


def _loc(err: Any) -> str:
    loc = [str(x) for x in err.get("loc", ()) if x not in ("body",)]
    return ".".join(loc) or "body"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TetherError)
    async def _tether(_: Request, exc: TetherError) -> JSONResponse:
        resp = error_response(exc.status, exc.code, exc.message)
        if isinstance(exc, RateLimited):
            resp.headers["Retry-After"] = str(max(1, round(exc.retry_after)))
        if isinstance(exc, Unauthorized):
            resp.headers["WWW-Authenticate"] = exc.www_authenticate
        return resp

    @app.exception_handler(UnknownCollection)
    async def _collection(_: Request, exc: UnknownCollection) -> JSONResponse:
        return error_response(404, "unknown_collection", f"unknown collection {exc.args[0]!r}")

    async def _store_down(request: Request, exc: Exception) -> JSONResponse:
        # The details (host, port, driver message) go to the log, not to the caller.
        log.warning("store unavailable on %s %s: %s", request.method, request.url.path, exc)
        err = DependencyUnavailable("the store is unavailable or did not answer in time; retry shortly")
        resp = error_response(err.status, err.code, err.message)
        resp.headers["Retry-After"] = "5"
        return resp

    for outage in (OperationalError, InterfaceError, PoolTimeout):
        app.add_exception_handler(outage, _store_down)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        message = f"{_loc(first)}: {first.get('msg', 'invalid request')}" if first else "invalid request"
        details = [{"field": _loc(e), "message": e.get("msg"), "type": e.get("type")} for e in errors]
        return error_response(422, "invalid_request", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        resp = error_response(exc.status_code, code, str(exc.detail))
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # This handler answers from outside the observability middleware (whose trace id header and
        # context variable are gone by now): carry the request's trace id into the log line and the reply.
        trace_id = str(getattr(request.state, "trace_id", "") or "") or None
        log.exception("unhandled error on %s %s", request.method, request.url.path, extra={"trace_id": trace_id})
        resp = JSONResponse(
            {
                "error": {
                    "code": "internal_error",
                    "message": "internal error; see the server log with this trace id",
                    "trace_id": trace_id,
                }
            },
            status_code=500,
        )
        if trace_id:
            resp.headers["X-Trace-Id"] = trace_id
        return resp
