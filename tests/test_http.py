"""End to end through HTTP: real model, real FAISS + BM25, real SQLite, real uvicorn, the demo corpus."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openai import OpenAI

from app.http import create_app
from app.http.openai_compat import follow_up_question
from app.http.schemas import AnswerResponse
from app.queries import AnswerQuery
from app.results import Answer
from app.services import Services, build_services
from app.settings import Settings
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.pipeline import Ingestor
from ingestion.store import open_store
from tests.conftest import CORPUS
from tests.support.answers import make_answer
from tests.support.live_server import live_server


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # Keys are tested in test_auth.py.
    return Settings().override({"store.data_dir": tmp_path_factory.mktemp("http-data"), "auth.mode": "open"})


@pytest.fixture(scope="module")
def services(settings: Settings, embedder: SentenceTransformerEmbedder) -> Iterator[Services]:
    store = open_store(settings.store.resolved_database_url())
    report = Ingestor(
        store, embedder, settings.store.data_dir, settings.chunking, settings.index, settings.ingest
    ).ingest([CORPUS], settings.default_collection)
    store.dispose()
    assert report.errors == []
    svc = build_services(settings)
    yield svc
    svc.close()


@pytest.fixture(scope="module")
def base_url(settings: Settings, services: Services) -> Iterator[str]:
    with live_server(create_app(settings, services)) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as c:
        yield c


def _doc_text(services: Services, doc_id: str) -> str:
    from ingestion.store import Document

    with services.store.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        return doc.text


def test_health_and_ready(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["chunks"] > 100


def test_answer_cites_the_right_document_with_exact_spans(client: httpx.Client, services: Services) -> None:
    r = client.post("/v1/answer", json={"question": "What is the maximum file size on the Business plan?"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] in ("answered", "partial")
    assert "100 GB" in body["answer"]
    sources = {c["source"] for c in body["citations"]}
    assert sources & {"plans/business.md", "plans/storage-limits.md", "plans/overview.md"}
    for c in body["citations"]:
        assert _doc_text(services, c["doc_id"])[c["start"] : c["end"]] == c["text"]
    assert body["claims"] and all(cl["label"] in ("supported", "unsupported", "error") for cl in body["claims"])
    for cl in body["claims"]:
        for ev in cl["evidence"]:
            assert _doc_text(services, ev["doc_id"])[ev["start"] : ev["end"]] == ev["text"]
    assert set(body["timings"]) >= {"retrieve_ms", "generate_ms", "verify_ms", "total_ms"}
    assert body["backend"] == "extractive" and len(body["trace_id"]) == 32


def test_the_wire_answer_is_the_typed_answer(client: httpx.Client, services: Services) -> None:
    """The reply is the schema's fields in the schema's order, and reads back into the same Answer."""
    question = "How long are deleted files kept on the Personal plan?"
    body = client.post("/v1/answer", json={"question": question}).json()
    assert list(body) == list(AnswerResponse.model_fields)
    assert Answer.from_dict(body).to_dict() == body
    here = services.answerer.answer(AnswerQuery(question, services.settings.default_collection, 5))
    assert _stable(here.to_dict()) == _stable(body)
    # In process the answer also carries the passages it was written from; its citations are among them.
    assert here.passages and all(here.passages[c.n - 1] == c.passage for c in here.citations)


def test_unanswerable_question_abstains(client: httpx.Client) -> None:
    body = client.post("/v1/answer", json={"question": "Who won the football world cup in 1966?"}).json()
    assert body["status"] == "abstained" and body["reason"]
    assert body["citations"] == []


def test_filters_restrict_results(client: httpx.Client) -> None:
    q = {"question": "Do you offer a discount for charities and non-profits?", "top_k": 10}
    everything = client.post("/v1/retrieve", json=q).json()["passages"]
    assert any(not p["source"].startswith("faq/") for p in everything)
    only_faq = client.post("/v1/retrieve", json={**q, "filters": {"sources": ["faq/"]}}).json()["passages"]
    assert only_faq and all(p["source"].startswith("faq/") for p in only_faq)
    tagged = client.post("/v1/retrieve", json={**q, "filters": {"tags": ["billing"]}}).json()["passages"]
    assert tagged and all(p["source"] for p in tagged)


def _stream_events(client: httpx.Client, body: dict[str, Any]) -> list[tuple[str, Any]]:
    events = []
    with client.stream("POST", "/v1/answer", json={**body, "stream": True}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        name = None
        for line in r.iter_lines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                events.append((name, json.loads(line[6:])))
    return events


def _stable(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k not in ("timings", "trace_id", "model")}


def test_streaming_gives_the_same_final_result(client: httpx.Client) -> None:
    q = {"question": "How long are deleted files kept on the Personal plan?"}
    plain = client.post("/v1/answer", json=q).json()
    events = _stream_events(client, q)
    names = [n for n, _ in events]
    assert names[0] == "passages" and names[-2:] == ["result", "done"] and "delta" in names
    deltas = "".join(d["text"] for n, d in events if n == "delta")
    final = events[-2][1]
    assert deltas == final["answer"] or final["raw_answer"] == deltas
    for a, b in zip(_stable(final)["claims"], _stable(plain)["claims"], strict=True):
        assert a == b, {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
    assert _stable(final) == _stable(plain)


def test_openai_client_gets_grounded_answers(base_url: str) -> None:
    oa = OpenAI(base_url=f"{base_url}/v1", api_key="unused")
    resp = oa.chat.completions.create(
        model="tether", messages=[{"role": "user", "content": "How much does the Business plan cost per month?"}]
    )
    msg = resp.choices[0].message
    assert msg.content and "$15" in msg.content
    ext = (msg.model_extra or {})["tether"]
    assert ext["citations"] and ext["status"] in ("answered", "partial")
    stream = oa.chat.completions.create(
        model="tether",
        stream=True,
        messages=[{"role": "user", "content": "How much does the Business plan cost per month?"}],
    )
    text, last_ext = "", None
    for chunk in stream:
        text += chunk.choices[0].delta.content or "" if chunk.choices else ""
        last_ext = (chunk.model_extra or {}).get("tether") or last_ext
    assert text == msg.content and last_ext is not None and last_ext["citations"] == ext["citations"]
    # The tether extension takes the same per-request strictness: nothing scores 1.0, so all is withheld.
    strict = oa.chat.completions.create(
        model="tether",
        messages=[{"role": "user", "content": "How much does the Business plan cost per month?"}],
        extra_body={"tether": {"policy": "redact", "support_threshold": 1.0}},
    )
    assert (strict.choices[0].message.model_extra or {})["tether"]["status"] == "abstained"


@pytest.mark.parametrize(
    ("turns", "asked"),
    [
        (["Only one question?"], "Only one question?"),
        (["How much is Business?", "And the Personal plan?"], "How much is Business? And the Personal plan?"),
        (["Upload limit on Free?", "what about Business?"], "Upload limit on Free? what about Business?"),
        (["What is Larkbox Vault?", "Which plans include it?"], "What is Larkbox Vault? Which plans include it?"),
        (["How do I share a folder?", "Does it work on mobile?"], "How do I share a folder? Does it work on mobile?"),
        # A turn that stands on its own is asked alone, pronoun-free or long enough to carry its subject.
        (["How much is Business?", "How do I enable two-factor login?"], "How do I enable two-factor login?"),
        (
            ["Hi", "Can I recover files deleted from a shared folder by another member?"],
            "Can I recover files deleted from a shared folder by another member?",
        ),
        (["", "And the Personal plan?"], "And the Personal plan?"),
    ],
)
def test_follow_up_question(turns: list[str], asked: str) -> None:
    assert follow_up_question(turns) == asked


def test_chat_follow_up_is_read_with_the_previous_turn(base_url: str) -> None:
    oa = OpenAI(base_url=f"{base_url}/v1", api_key="unused")
    messages: list[Any] = [
        {"role": "user", "content": "How much does the Business plan cost per month?"},
        {"role": "assistant", "content": "The Business plan costs $15 per user per month [1]."},
        {"role": "user", "content": "And the Personal plan?"},
    ]
    msg = oa.chat.completions.create(model="tether", messages=messages).choices[0].message
    ext = (msg.model_extra or {})["tether"]
    assert ext["question"] == "How much does the Business plan cost per month? And the Personal plan?"
    assert msg.content and "$9.99" in msg.content and ext["status"] == "answered"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 422, "invalid_request"),
        ({"question": ""}, 422, "invalid_request"),
        ({"question": "   "}, 400, "invalid_request"),
        ({"question": "hi", "top_k": 100000}, 400, "invalid_request"),
        ({"question": "hi", "top_k": 0}, 422, "invalid_request"),
        ({"question": "hi", "collection": "nope"}, 404, "unknown_collection"),
        ({"question": "hi", "unknown_field": 1}, 422, "invalid_request"),
        ({"question": "x" * 5000}, 413, "limit_exceeded"),
        ({"question": "hi", "filters": {"tags": "billing"}}, 422, "invalid_request"),
        ({"question": "hi", "policy": "shout"}, 422, "invalid_request"),
    ],
)
def test_bad_requests_get_json_errors(client: httpx.Client, body: dict[str, Any], status: int, code: str) -> None:
    for path in ("/v1/answer", "/v1/retrieve"):
        if path == "/v1/retrieve" and "policy" in body:
            continue
        r = client.post(path, json=body)
        assert r.status_code == status, (path, r.text)
        err = r.json()["error"]
        assert err["code"] == code and err["message"]


def test_malformed_json_and_huge_body(client: httpx.Client) -> None:
    r = client.post("/v1/answer", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = client.post("/v1/answer", content=b"x" * 2_000_000, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "MAX_BODY_BYTES" in r.json()["error"]["message"]


def test_verify_endpoint_flags_a_wrong_number(client: httpx.Client) -> None:
    passages = [{"text": "On the Business plan, the maximum upload size is 100 GB per file."}]
    good = client.post(
        "/v1/verify", json={"answer": "The Business plan allows files up to 100 GB [1].", "passages": passages}
    ).json()
    bad = client.post(
        "/v1/verify", json={"answer": "The Business plan allows files up to 250 GB [1].", "passages": passages}
    ).json()
    assert good["claims"][0]["supported"] is True and bad["claims"][0]["supported"] is False
    r = client.post("/v1/verify", json={"answer": "x", "passages": []})
    assert r.status_code == 400
    retrieved = client.post(
        "/v1/verify",
        json={"answer": "The Business plan allows files up to 100 GB.", "question": "Business plan max file size?"},
    ).json()
    assert retrieved["passages"] and retrieved["claims"][0]["supported"] is True


def default_body_thresholds(client: httpx.Client, body: dict[str, Any]) -> Any:
    return client.post("/v1/verify", json=body).json()["thresholds"]


def _after(lines: Iterator[str], marker: str) -> Iterator[str]:
    """The data lines that follow `marker` in a Server-Sent Events stream."""
    seen = False
    for line in lines:
        if line == marker:
            seen = True
        elif seen and line.startswith("data: "):
            yield line


def test_strictness_per_request(client: httpx.Client) -> None:
    passages = [{"text": "On the Business plan, the maximum upload size is 100 GB per file."}]
    body = {"answer": "The Business plan allows files up to 100 GB [1].", "passages": passages}
    default = client.post("/v1/verify", json=body).json()["claims"][0]
    score = default["score"]
    assert default["supported"] is True and 0.0 < score < 1.0
    # A cut above the claim's score makes the same claim unsupported, with a reason; scores never move.
    strict = client.post("/v1/verify", json={**body, "support_threshold": min(1.0, score + 0.01)}).json()
    assert strict["claims"][0]["supported"] is False and strict["claims"][0]["reason"]
    assert strict["claims"][0]["score"] == score and strict["groundedness"] == 0.0
    assert strict["thresholds"] == {"support": min(1.0, score + 0.01), "abstain_below": 0.5}
    assert default_body_thresholds(client, body) == {"support": 0.5, "abstain_below": 0.5}
    redacted = client.post("/v1/verify", json={**body, "support_threshold": 1.0, "policy": "redact"}).json()
    assert redacted["status"] == "abstained" and redacted["reason"] == "all_claims_unsupported"
    # abstain_below: an answer half supported passes at 0.5 and is withheld at 0.6.
    two = {"answer": "The Business plan allows files up to 100 GB [1]. It costs $3 a month [1].", "passages": passages}
    half = client.post("/v1/verify", json={**two, "policy": "abstain"}).json()
    assert half["groundedness"] == 0.5 and half["status"] != "abstained"
    withheld = client.post("/v1/verify", json={**two, "policy": "abstain", "abstain_below": 0.6}).json()
    assert withheld["status"] == "abstained" and withheld["reason"] == "low_groundedness"
    ask = {"question": "How do I reset my password?", "support_threshold": 1.0}
    answer = client.post("/v1/answer", json=ask)
    assert answer.status_code == 200 and answer.json()["claims"]
    assert all(not c["supported"] for c in answer.json()["claims"])
    assert answer.json()["thresholds"] == {"support": 1.0, "abstain_below": 0.5, "answerable": 0.5}
    # The streamed answer is judged by the same cuts.
    with client.stream("POST", "/v1/answer", json={**ask, "stream": True, "policy": "redact"}) as r:
        result = next(json.loads(line[6:]) for line in _after(r.iter_lines(), "event: result"))
    assert result["status"] == "abstained" and result["thresholds"]["support"] == 1.0
    for bad in ({"support_threshold": 1.5}, {"abstain_below": -0.1}, {"support_threshold": "high"}):
        r = client.post("/v1/verify", json={**body, **bad})
        assert r.status_code == 422 and r.json()["error"]["code"]


def test_unknown_route_is_json_404(client: httpx.Client) -> None:
    r = client.get("/v2/nothing")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_trace_id_metrics_and_audit(client: httpx.Client) -> None:
    r = client.post(
        "/v1/answer", json={"question": "How do I reset my password?"}, headers={"X-Trace-Id": "trace-abc-12345"}
    )
    body = r.json()
    # The trace id is the server's; the client's own id is kept beside it, never in its place.
    assert r.headers["x-trace-id"] == body["trace_id"] != "trace-abc-12345"
    assert r.headers["x-client-trace-id"] == "trace-abc-12345"
    audit = client.get(f"/v1/answers/{body['trace_id']}").json()
    assert audit["question"] == "How do I reset my password?" and audit["answer"] == body["answer"]
    assert audit["client_trace_id"] == "trace-abc-12345"
    assert [c["doc_id"] for c in audit["citations"]] == [c["doc_id"] for c in body["citations"]]
    assert len(audit["claims"]) == len(body["claims"])
    metrics = client.get("/metrics").text
    assert 'tether_http_requests_total{method="POST",route="/v1/answer",status="200"}' in metrics
    assert "tether_answers_total" in metrics and "tether_index_chunks" in metrics
    counts = dict(re.findall(r'^(tether_model_(?:calls|passes)\{model="request_encoder"\}) (\S+)$', metrics, re.M))
    calls, passes = (float(counts[f'tether_model_{k}{{model="request_encoder"}}']) for k in ("calls", "passes"))
    assert calls >= passes >= 1  # the question was encoded; concurrent requests would have shared passes
    assert client.get("/v1/answers/nope").status_code == 404
    assert client.get("/v1/answers/trace-abc-12345").status_code == 404


def test_a_client_trace_id_cannot_overwrite_an_audit_row(client: httpx.Client) -> None:
    first = client.post("/v1/answer", json={"question": "How do I reset my password?"}).json()
    for path in ("/v1/answer", "/v1/chat/completions"):
        body: dict[str, Any] = {"question": "What does the Business plan cost?"}
        if path.endswith("completions"):
            body = {"messages": [{"role": "user", "content": body["question"]}]}
        r = client.post(path, json=body, headers={"X-Trace-Id": first["trace_id"]})
        assert r.status_code == 200 and r.headers["x-trace-id"] != first["trace_id"]
    kept = client.get(f"/v1/answers/{first['trace_id']}").json()
    assert kept["question"] == "How do I reset my password?" and kept["answer"] == first["answer"]


def test_audit_rows_are_only_inserted(services: Services) -> None:
    from sqlalchemy.exc import IntegrityError

    row = make_answer("f" * 32)
    services.audit.record("first question", row, None)
    with pytest.raises(IntegrityError):
        services.audit.record("second question", row, None)
    assert (services.audit.get("f" * 32) or {})["question"] == "first question"
