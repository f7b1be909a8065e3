"""The one error handler: an unexpected exception is a 500 whose body and headers carry the trace id
that the server log carries, so a caller's report finds the traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.http import create_app
from tests.support.stack import open_settings


def test_a_500_carries_its_trace_id(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(open_settings(tmp_path / "data"))

    def boom() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/boom", boom)
    logger = logging.getLogger("tether")
    logger.addHandler(caplog.handler)
    try:
        # No lifespan: this route needs no services, and the model stays unloaded.
        r = TestClient(app, raise_server_exceptions=False).get("/boom")
    finally:
        logger.removeHandler(caplog.handler)
    assert r.status_code == 500
    err = r.json()["error"]
    assert err["code"] == "internal_error" and err["trace_id"]
    assert r.headers["x-trace-id"] == err["trace_id"]
    assert "a bug" not in r.text  # the exception stays in the log
    logged = [rec for rec in caplog.records if rec.exc_info and getattr(rec, "trace_id", None) == err["trace_id"]]
    assert logged, [(rec.getMessage(), getattr(rec, "trace_id", None)) for rec in caplog.records]
