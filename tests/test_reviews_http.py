"""The review loop through a real server (keys mode, SQLite, the real pipeline): feedback and reviews
stored against the audit row, roles and collection scopes, the queue, the agreement numbers, /metrics."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from app.security.keys import create_key
from app.services import Services
from app.settings import Settings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS
from tests.support.stack import ingest, open_settings, serve

Stack = tuple[str, Services, dict[str, str]]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder) -> Iterator[Stack]:
    s = Settings().override(
        {"store.data_dir": tmp_path_factory.mktemp("review-data"), "auth": {"mode": "keys", "key_cache_s": 0},
         "rate_limit": {"requests_per_minute": 100_000, "burst": 10_000}}
    )  # fmt: skip
    ingest(s, embedder, [CORPUS / "plans" / "business.md", CORPUS / "account" / "reset-password.md"], "default")
    ingest(s, embedder, [CORPUS / "billing" / "refund-policy.md"], "other")
    with serve(s) as (url, svc):
        keys = {
            "admin": create_key(svc.store, "root", ["admin"], ["*"])[1],
            "admin_other": create_key(svc.store, "other-admin", ["admin"], ["other"])[1],
            "reviewer": create_key(svc.store, "ana", ["reviewer"], ["default"])[1],
            "query": create_key(svc.store, "bot", ["query"], ["default"])[1],
            "query_other": create_key(svc.store, "bot-other", ["query"], ["other"])[1],
        }
        yield url, svc, keys


def _call(stack: Stack, key: str | None, method: str, path: str, **kw: Any) -> httpx.Response:
    url, _, keys = stack
    headers = {"Authorization": f"Bearer {keys[key]}"} if key else {}
    return httpx.request(method, url + path, headers=headers, timeout=120, **kw)


def _ask(stack: Stack, question: str, collection: str = "default", key: str = "query") -> dict[str, Any]:
    r = _call(stack, key, "POST", "/v1/answer", json={"question": question, "collection": collection})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_feedback_then_a_review_stored_against_the_audit_row(stack: Stack) -> None:
    answer = _ask(stack, "How long is the Business free trial?")
    tid, n = answer["trace_id"], len(answer["claims"])
    assert n >= 1
    # Any key that may read the collection gives a thumbs and a comment ...
    r = _call(stack, "query", "POST", f"/v1/reviews/{tid}", json={"rating": "down", "comment": "too long"})
    assert r.status_code == 201, r.text
    assert r.json()["by_reviewer"] is False and r.json()["reviewer"] == "bot"
    # ... but judging claims takes the reviewer role.
    marks = {"claim_marks": [{"claim": 0, "mark": "right"}]}
    r = _call(stack, "query", "POST", f"/v1/reviews/{tid}", json=marks)
    assert r.status_code == 403 and "reviewer" in r.json()["error"]["message"]
    assert _call(stack, "query", "GET", f"/v1/reviews/{tid}").status_code == 403
    # A mark on a claim the answer does not have names the claim.
    r = _call(stack, "reviewer", "POST", f"/v1/reviews/{tid}", json={"claim_marks": [{"claim": n, "mark": "right"}]})
    assert r.status_code == 400 and f"claim_marks[0].claim: {n} is not a claim" in r.json()["error"]["message"]
    assert _call(stack, "reviewer", "POST", f"/v1/reviews/{tid}", json={}).status_code == 400
    review = {"rating": "down", "claim_marks": [{"claim": i, "mark": "wrong" if i == 0 else "right"} for i in range(n)],
              "corrected_answer": "14 days, with up to 10 users."}  # fmt: skip
    r = _call(stack, "reviewer", "POST", f"/v1/reviews/{tid}", json=review)
    assert r.status_code == 201, r.text
    stored = _call(stack, "reviewer", "GET", f"/v1/reviews/{tid}").json()
    assert stored["answer"]["question"] == "How long is the Business free trial?"
    assert stored["answer"]["claims"][0]["text"] == answer["claims"][0]["text"]
    assert [(x["reviewer"], x["by_reviewer"], x["rating"]) for x in stored["reviews"]] == [
        ("bot", False, "down"), ("ana", True, "down")]  # fmt: skip
    last = stored["reviews"][-1]
    assert last["corrected_answer"] == "14 days, with up to 10 users." and last["claim_marks"] == review["claim_marks"]
    assert datetime.fromisoformat(last["created_at"]) > datetime.now(UTC) - timedelta(minutes=5)


def test_reviews_stay_within_the_key_collections(stack: Stack) -> None:
    tid = _ask(stack, "How long is a password reset link valid?")["trace_id"]
    other = _ask(stack, "How long do I have to ask for a refund?", "other", "query_other")["trace_id"]
    # An admin key scoped to 'other' reads 'other' and nothing of 'default' (absent, as for /v1/answers).
    assert _call(stack, "admin_other", "GET", f"/v1/reviews/{tid}").status_code == 404
    assert _call(stack, "admin_other", "GET", f"/v1/answers/{tid}").status_code == 404
    assert _call(stack, "admin_other", "GET", f"/v1/reviews/{other}").status_code == 200
    assert _call(stack, "query_other", "POST", f"/v1/reviews/{tid}", json={"rating": "up"}).status_code == 404
    assert _call(stack, "reviewer", "GET", f"/v1/reviews/{other}").status_code == 404
    assert _call(stack, "admin", "GET", f"/v1/reviews/{other}").status_code == 200
    assert _call(stack, None, "GET", f"/v1/reviews/{tid}").status_code == 401
    assert _call(stack, "admin", "GET", "/v1/reviews/nope").status_code == 404
    # The queue and the numbers too: a named collection out of scope is refused, the default is the scope.
    assert _call(stack, "reviewer", "GET", "/v1/reviews/queue", params={"collection": "other"}).status_code == 403
    assert _call(stack, "admin_other", "GET", "/v1/reviews/stats", params={"collection": "default"}).status_code == 403
    q = _call(stack, "admin_other", "GET", "/v1/reviews/queue", params={"include_reviewed": True}).json()
    assert {i["collection"] for i in q["items"]} <= {"other"}
    assert set(_call(stack, "admin_other", "GET", "/v1/reviews/stats").json()["answers_by_status"]) <= {
        "answered", "partial", "abstained"}  # fmt: skip
    assert _call(stack, "admin_other", "GET", "/v1/reviews/stats").json()["answers"] == 1


def test_queue_stats_and_metrics(stack: Stack) -> None:
    since = datetime.now(UTC).isoformat()
    abstained = _ask(stack, "What is the airspeed velocity of an unladen swallow?")
    assert abstained["status"] == "abstained"
    liked = _ask(stack, "How many users can join the Business trial?")
    params = {"collection": "default", "since": since}
    queue = _call(stack, "reviewer", "GET", "/v1/reviews/queue", params=params).json()
    by_id = {i["trace_id"]: i for i in queue["items"]}
    item = by_id[abstained["trace_id"]]
    assert item["reasons"] == ["abstained"] and item["reviewed"] is False
    assert _call(stack, "query", "POST", f"/v1/reviews/{liked['trace_id']}", json={"rating": "down"}).status_code == 201
    queue = _call(stack, "reviewer", "GET", "/v1/reviews/queue", params=params | {"reason": "thumbs_down"}).json()
    assert [i["trace_id"] for i in queue["items"]] == [liked["trace_id"]]
    # Judged by a reviewer, an answer leaves the queue (and stays listed with include_reviewed).
    marks = {"claim_marks": [{"claim": i, "mark": "right"} for i in range(len(liked["claims"]))]}
    r = _call(stack, "reviewer", "POST", f"/v1/reviews/{liked['trace_id']}", json=marks)
    assert r.status_code == 201
    queue = _call(stack, "reviewer", "GET", "/v1/reviews/queue", params=params).json()
    assert liked["trace_id"] not in {i["trace_id"] for i in queue["items"]} and queue["total"] == 1
    queue = _call(stack, "reviewer", "GET", "/v1/reviews/queue", params=params | {"include_reviewed": True}).json()
    assert queue["total"] == 2
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert _call(stack, "reviewer", "GET", "/v1/reviews/queue", params={"since": future}).json()["total"] == 0

    stats = _call(stack, "reviewer", "GET", "/v1/reviews/stats", params=params).json()
    labels = [c["label"] for c in liked["claims"]]
    assert stats["answers"] == 2 and stats["reviewed"] == 1 and stats["backlog"] == 1
    assert stats["answers_by_status"]["abstained"] == 1 and stats["ratings"] == {"up": 0, "down": 1}
    agreement = stats["agreement"]
    assert agreement["supported_right"] == labels.count("supported")
    assert agreement["unsupported_right"] == labels.count("unsupported") and agreement["supported_wrong"] == 0
    assert sum(d["answers"] for d in stats["answers_by_day"]) == 2

    text = _call(stack, "admin", "GET", "/metrics").text
    assert "tether_review_backlog " in text and 'tether_review_claims{reviewer="right",verifier="supported"}' in text
    assert 'tether_audit_answers{status="abstained"}' in text and 'tether_review_ratings{rating="down"}' in text
    assert _call(stack, "reviewer", "GET", "/metrics").status_code == 403


def test_review_routes_are_in_the_openapi_document(stack: Stack) -> None:
    doc = _call(stack, None, "GET", "/openapi.json").json()
    for path in ("/v1/reviews/queue", "/v1/reviews/stats", "/v1/reviews/{trace_id}"):
        assert path in doc["paths"]
    assert {"get", "post"} <= set(doc["paths"]["/v1/reviews/{trace_id}"])
    for schema in ("ReviewIn", "Review", "ReviewedAnswer", "Queue", "ReviewStats", "Agreement"):
        assert schema in doc["components"]["schemas"]


def test_without_an_audit_trail_nothing_can_be_reviewed(tmp_path: Any, embedder: SentenceTransformerEmbedder) -> None:
    s = open_settings(tmp_path / "data").override({"audit.enabled": False})
    ingest(s, embedder, [CORPUS / "plans" / "business.md"], "default")
    with serve(s) as (url, _):
        answer = httpx.post(url + "/v1/answer", json={"question": "How long is the trial?"}, timeout=120).json()
        tid = answer["trace_id"]
        r = httpx.post(f"{url}/v1/reviews/{tid}", json={"rating": "up"}, timeout=30)
        assert r.status_code == 404 and "TETHER_AUDIT__ENABLED=false" in r.json()["error"]["message"]
