"""One small exception tree; `app/http/errors.py` maps it to HTTP status + {"error": {code, message}}."""

from __future__ import annotations


class TetherError(Exception):
    """Base of every error the service reports to a caller."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class BadRequest(TetherError):
    status = 400
    code = "bad_request"


class NotFound(TetherError):
    status = 404
    code = "not_found"


class Unauthorized(TetherError):
    status = 401
    code = "unauthorized"

    def __init__(self, message: str, *, invalid_token: bool = False) -> None:
        super().__init__(message)
        # RFC 6750: a 401 names the scheme, and says when the token itself was refused.
        self.www_authenticate = 'Bearer realm="tether"' + (', error="invalid_token"' if invalid_token else "")


class Forbidden(TetherError):
    status = 403
    code = "forbidden"


class LimitExceeded(TetherError):
    status = 413
    code = "limit_exceeded"


class RateLimited(TetherError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Conflict(TetherError):
    status = 409
    code = "conflict"


class ModelMismatch(Conflict):
    """A collection's vectors came from another embedding model than the server's."""

    code = "model_mismatch"


class NotReady(TetherError):
    status = 503
    code = "not_ready"


class DependencyUnavailable(TetherError):
    """The store (or another service Tether needs) is down, unreachable or past its timeout."""

    status = 503
    code = "dependency_unavailable"


class BackendError(TetherError):
    """The LLM backend (or LLM judge) failed: refused, 5xx, malformed body."""

    status = 502
    code = "backend_error"


class BackendTimeout(BackendError):
    status = 504
    code = "backend_timeout"
