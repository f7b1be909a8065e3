"""A fresh deployment is ready once its model and store are up: no default collection yet must not keep
a readiness probe (and the upload that would create the collection) away forever."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from tests.support.stack import open_settings, serve


def test_ready_before_the_first_document(tmp_path: Path) -> None:
    with serve(open_settings(tmp_path / "data")) as (url, _):
        ready = httpx.get(url + "/readyz", timeout=30)
        assert ready.status_code == 200, ready.text
        body = ready.json()
        assert body["status"] == "ready" and body["chunks"] == 0 and body["collection_version"] is None
        assert body["dependencies"] == {"store": "ok"}
        doc = b"# First\n\nThe first document of a fresh deployment.\n"
        r = httpx.put(url + "/v1/collections/default/documents/first.md", content=doc, timeout=120)
        assert r.status_code == 200, r.text
        body = httpx.get(url + "/readyz", timeout=30).json()
        assert body["chunks"] >= 1 and body["collection_version"] == 1


def test_keys_mode_says_at_start_that_keys_are_needed_and_none_exist(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = open_settings(tmp_path / "data").override({"auth.mode": "keys"})
    logger = logging.getLogger("tether")
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="tether"), serve(settings) as (url, _):
            assert httpx.get(url + "/v1/collections").status_code == 401
    finally:
        logger.removeHandler(caplog.handler)
    said = " ".join(r.getMessage() for r in caplog.records if r.name == "tether.app")
    assert "API key" in said and "no API key exists yet" in said and "tether keys create" in said, said
