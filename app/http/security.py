"""Authentication (API keys), authorisation (roles, collection scopes) and per-key rate limits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from app.errors import Forbidden, NotReady, RateLimited, Unauthorized
from app.security.keys import OPEN_PRINCIPAL, Principal, Role
from app.services import Services


def get_services(request: Request) -> Services:
    services = getattr(request.app.state, "services", None)
    if services is None:
        raise NotReady("the service is still starting")
    assert isinstance(services, Services)
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


_HOW = (
    "send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; an admin creates keys with "
    "`tether keys create --name NAME --role query`"
)


def _presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    if auth.strip() and not request.headers.get("x-api-key"):
        # A key pasted without its scheme is not a missing key: say what is wrong with the header.
        raise Unauthorized(f"the Authorization header must read 'Bearer <key>'; {_HOW}")
    return request.headers.get("x-api-key") or None


def require(role: Role) -> Callable[[Request, Services], Principal]:
    """A dependency: the caller's principal, holding `role`, within its rate limit."""

    def dependency(request: Request, svc: ServicesDep) -> Principal:
        address = request.client.host if request.client else "local"
        if svc.settings.auth.mode == "open":
            principal = OPEN_PRINCIPAL
            bucket = f"open:{address}"
        else:
            key = _presented_key(request)
            if key is None or not svc.keys.is_cached(key):
                # What has no known key is limited by address, before the store is asked: a flood of
                # made-up keys would otherwise cost one SQL lookup each, unthrottled.
                _limit(request, svc, f"addr:{address}")
            if key is None:
                raise Unauthorized(f"missing API key: {_HOW}")
            found = svc.keys.resolve(key)
            if found is None:
                raise Unauthorized("invalid or revoked API key", invalid_token=True)
            principal = found
            bucket = f"key:{principal.key_id}"
        request.state.key_id = principal.key_id
        request.scope.setdefault("state", {})["key_id"] = principal.key_id
        if not principal.has_role(role):
            raise Forbidden(f"this key lacks the '{role}' role (it has: {', '.join(sorted(principal.roles))})")
        _limit(request, svc, bucket)
        return principal

    return dependency


def _limit(request: Request, svc: Services, bucket: str) -> None:
    allowed, retry = svc.limiter.hit(bucket)
    if not allowed:
        metrics = getattr(request.app.state, "metrics", None)
        if metrics is not None:
            metrics.rate_limited.inc()
        raise RateLimited(f"rate limit exceeded: retry in {retry:.1f} s", retry_after=retry)


def check_collection(principal: Principal, collection: str) -> None:
    if not principal.can_access(collection):
        raise Forbidden(f"this key is not scoped to collection {collection!r}")


QueryKey = Annotated[Principal, Depends(require("query"))]
IngestKey = Annotated[Principal, Depends(require("ingest"))]
ReviewerKey = Annotated[Principal, Depends(require("reviewer"))]
AdminKey = Annotated[Principal, Depends(require("admin"))]
