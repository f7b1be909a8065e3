"""Auth matrix: every route x {no key, wrong scope, right scope}; 401 vs 403; keys never logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.security.keys import create_key, revoke_key
from app.services import Services
from app.settings import Settings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, serve

FILES = ["plans/business.md", "account/reset-password.md"]  # single files: sources are their names


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder
) -> Iterator[tuple[str, Services, dict[str, str]]]:
    s = Settings().override(
        # key_cache_s=0: revocation is visible at once in these tests
        {"store.data_dir": tmp_path_factory.mktemp("auth-data"), "auth": {"mode": "keys", "key_cache_s": 0}}
    )
    ingest(s, embedder, [CORPUS / f for f in FILES], "default")
    ingest(s, embedder, [CORPUS / "billing" / "refund-policy.md"], "other")
    with serve(s) as (url, svc):
        keys = {
            "admin": create_key(svc.store, "admin", ["admin"], ["*"])[1],
            "query": create_key(svc.store, "bot", ["query"], ["default"])[1],
            "query_other": create_key(svc.store, "bot-other", ["query"], ["other"])[1],
            "ingest": create_key(svc.store, "kb-owner", ["ingest"], ["default"])[1],
        }
        yield url, svc, keys


# (method, path, body, the key that is enough, a key with the wrong scope)
ROUTES: list[tuple[str, str, Any, str, str]] = [
    ("GET", "/v1/collections", None, "query", "none"),
    ("POST", "/v1/retrieve", {"question": "Business plan price?"}, "query", "query_other"),
    ("POST", "/v1/answer", {"question": "Business plan price?"}, "query", "query_other"),
    ("POST", "/v1/answer", {"question": "Refund window?", "collection": "other"}, "query_other", "query"),
    ("POST", "/v1/verify", {"answer": "It costs $15.", "question": "Business plan price?"}, "query", "query_other"),
    (
        "POST",
        "/v1/chat/completions",
        {"model": "tether", "messages": [{"role": "user", "content": "Price?"}]},
        "query",
        "query_other",
    ),
    ("GET", "/v1/models", None, "query", "none"),
    ("GET", "/v1/collections/default/documents", None, "query", "query_other"),
    ("GET", "/v1/collections/default/documents/business.md", None, "query", "query_other"),
    (
        "PUT",
        "/v1/collections/default/documents/notes/new.md",
        b"# New\n\nThe Team plan starts in 2027.\n",
        "ingest",
        "query",
    ),
    ("DELETE", "/v1/collections/default/documents/notes/new.md", None, "ingest", "query"),
    ("GET", "/metrics", None, "admin", "ingest"),
    ("GET", "/v1/answers/does-not-exist", None, "admin", "query"),
    ("GET", "/v1/reviews/queue", None, "admin", "ingest"),
    ("GET", "/v1/reviews/stats", None, "admin", "query"),
]


def _call(url: str, method: str, path: str, body: Any, key: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    kwargs: dict[str, Any] = {"content": body} if isinstance(body, bytes) else {"json": body} if body else {}
    return httpx.request(method, url + path, headers=headers, timeout=60, **kwargs)


@pytest.mark.parametrize(("method", "path", "body", "right", "wrong"), ROUTES, ids=[f"{r[0]} {r[1]}" for r in ROUTES])
def test_auth_matrix(
    stack: tuple[str, Services, dict[str, str]], method: str, path: str, body: Any, right: str, wrong: str
) -> None:
    url, _, keys = stack
    r = _call(url, method, path, body, None)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = _call(url, method, path, body, "tth_not-a-real-key")
    assert r.status_code == 401
    if wrong != "none":
        r = _call(url, method, path, body, keys[wrong])
        assert r.status_code == 403, r.text
        assert r.json()["error"]["code"] == "forbidden"
    r = _call(url, method, path, body, keys[right])
    assert r.status_code not in (401, 403), r.text
    assert r.status_code < 500
    r = _call(url, method, path, body, keys["admin"])
    assert r.status_code not in (401, 403)


def test_health_needs_no_key(stack: tuple[str, Services, dict[str, str]]) -> None:
    url, _, _ = stack
    assert httpx.get(url + "/healthz").status_code == 200
    assert httpx.get(url + "/readyz").status_code == 200


def test_x_api_key_header_and_revocation(stack: tuple[str, Services, dict[str, str]]) -> None:
    url, svc, _ = stack
    key_id, key = create_key(svc.store, "temp", ["query"], ["*"])
    assert httpx.get(url + "/v1/collections", headers={"X-API-Key": key}).status_code == 200
    revoke_key(svc.store, key_id)
    assert httpx.get(url + "/v1/collections", headers={"X-API-Key": key}).status_code == 401


def test_collections_list_is_scoped(stack: tuple[str, Services, dict[str, str]]) -> None:
    url, _, keys = stack
    names = [c["name"] for c in _call(url, "GET", "/v1/collections", None, keys["query_other"]).json()["collections"]]
    assert names == ["other"]


def test_keys_are_never_logged(stack: tuple[str, Services, dict[str, str]], caplog: pytest.LogCaptureFixture) -> None:
    url, _, keys = stack
    logger = logging.getLogger("tether")
    logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="tether"):
            _call(url, "POST", "/v1/retrieve", {"question": "price"}, keys["query"])
            _call(url, "POST", "/v1/retrieve", {"question": "price"}, "tth_wrong-key-123456")
    finally:
        logger.removeHandler(caplog.handler)
    text = "\n".join(r.getMessage() + str(getattr(r, "fields", "")) for r in caplog.records)
    assert "request" in text
    assert keys["query"] not in text and "tth_wrong-key-123456" not in text


def test_open_mode_refused_off_loopback() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="TETHER_AUTH__MODE=open"):
        Settings(auth={"mode": "open"}, server={"host": "0.0.0.0"})


def test_audit_rows_of_other_collections_are_not_readable(stack: tuple[str, Services, dict[str, str]]) -> None:
    url, svc, keys = stack
    scoped_admin = create_key(svc.store, "admin-of-default", ["admin"], ["default"])[1]
    r = _call(url, "POST", "/v1/answer", {"question": "Refund window?", "collection": "other"}, keys["query_other"])
    assert r.status_code == 200, r.text
    path = f"/v1/answers/{r.json()['trace_id']}"
    assert _call(url, "GET", path, None, keys["admin"]).json()["collection"] == "other"
    hidden = _call(url, "GET", path, None, scoped_admin)
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "not_found"  # not even its existence
    mine = _call(url, "POST", "/v1/answer", {"question": "Business plan price?"}, keys["query"]).json()["trace_id"]
    assert _call(url, "GET", f"/v1/answers/{mine}", None, scoped_admin).status_code == 200


def test_metrics_show_a_scoped_admin_only_its_collections(stack: tuple[str, Services, dict[str, str]]) -> None:
    url, svc, keys = stack
    scoped_admin = create_key(svc.store, "metrics-of-default", ["admin"], ["default"])[1]
    for collection in ("default", "other"):  # both indexes loaded, so both have a size to report
        body = {"question": "Refund window?", "collection": collection}
        assert _call(url, "POST", "/v1/retrieve", body, keys["admin"]).status_code == 200
    full = _call(url, "GET", "/metrics", None, keys["admin"]).text
    assert 'collection="other"' in full and 'collection="default"' in full
    scoped = _call(url, "GET", "/metrics", None, scoped_admin)
    assert scoped.status_code == 200
    assert 'collection="default"' in scoped.text and 'collection="other"' not in scoped.text


def test_401s_say_how_to_authenticate(stack: tuple[str, Services, dict[str, str]]) -> None:
    url, _, keys = stack
    missing = httpx.get(url + "/v1/collections")
    assert missing.status_code == 401
    assert "tether keys create" in missing.json()["error"]["message"]
    assert missing.headers["www-authenticate"].startswith("Bearer")
    bare = httpx.get(url + "/v1/collections", headers={"Authorization": keys["query"]})  # no "Bearer "
    assert bare.status_code == 401
    assert "missing" not in bare.json()["error"]["message"] and "Bearer" in bare.json()["error"]["message"]
    wrong = httpx.get(url + "/v1/collections", headers={"Authorization": "Bearer tth_not-a-real-key"})
    assert wrong.status_code == 401 and 'error="invalid_token"' in wrong.headers["www-authenticate"]
