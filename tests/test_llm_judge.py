"""The LLM-judge verifier against a real OpenAI-protocol server on loopback with scripted replies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import SecretStr

from app.components import make_judge_backend, make_verifier
from app.errors import BackendError, BackendTimeout
from app.grounding.llm_judge import LLMJudgeVerifier, parse_verdicts
from app.grounding.verifier import passages_from_text
from app.services import build_services
from app.settings import LLMSettings, Settings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.support.openai_server import Reply, serve_openai

DOC = (
    "The Free plan includes 5 GB of storage. Shared links cannot have a password on the Free plan. "
    "The Business plan costs $15 per user per month. Support replies within 4 business hours."
)
PASSAGES = passages_from_text(DOC, "doc", per_passage=2)
ANSWER = "The Free plan includes 5 GB [1]. The Business plan costs $25 per user [2]."


def _judge(base_url: str, retries: int = 0, timeout: float = 5.0) -> LLMJudgeVerifier:
    key = SecretStr("k")
    llm = LLMSettings(base_url=base_url, api_key=key, model="judge", timeout_s=timeout, max_retries=retries)
    return LLMJudgeVerifier(make_judge_backend(llm))


def _verdicts(*entries: dict) -> str:
    return json.dumps({"verdicts": list(entries)})


def test_good_json_gives_verdicts_with_evidence() -> None:
    reply = _verdicts(
        {"claim": 1, "supported": True, "score": 0.97, "evidence": 1, "cited_support": True},
        {"claim": 2, "supported": False, "score": 0.1, "evidence": 2, "cited_support": False},
    )
    with serve_openai() as server:
        server.script(reply)
        v = _judge(server.base_url).verify(ANSWER, PASSAGES, "What do the plans cost?")
        sent = server.requests[-1]
    assert [c.label for c in v.claims] == ["supported", "unsupported"]
    assert [c.score for c in v.claims] == [0.97, 0.1]
    assert [c.citations_support for c in v.claims] == [True, False]
    assert (v.groundedness, v.unsupported, v.errors) == (0.5, 1, 0)
    ev = v.claims[0].evidence[0]
    assert (ev.n, DOC[ev.start : ev.end]) == (1, "The Free plan includes 5 GB of storage.")
    assert v.claims[1].evidence[0].text == "The Business plan costs $15 per user per month."
    prompt = sent.messages[-1]["content"]
    assert '<passage n="2"' in prompt and "2. The Business plan costs $25 per user. (cites 2)" in prompt
    assert sent.json is not None and sent.json["model"] == "judge" and sent.json["temperature"] == 0.0


def test_a_per_call_threshold_relabels_the_judges_scores() -> None:
    reply = _verdicts({"claim": 1, "supported": True, "score": 0.9, "evidence": 1})
    with serve_openai() as server:
        server.script(reply, reply)
        strict = _judge(server.base_url).verify("The Free plan includes 5 GB [1].", PASSAGES, threshold=0.95)
        default = _judge(server.base_url).verify("The Free plan includes 5 GB [1].", PASSAGES)
    assert (strict.claims[0].label, strict.claims[0].score, strict.claims[0].reason) == (
        "unsupported",
        0.9,
        "judge_unsupported",
    )
    assert default.claims[0].label == "supported"


def test_json_in_a_code_fence_is_accepted() -> None:
    body = "```json\n" + _verdicts({"claim": 1, "supported": True, "score": 0.9, "evidence": 1}) + "\n```"
    with serve_openai() as server:
        server.script(body)
        v = _judge(server.base_url).verify("The Free plan includes 5 GB.", PASSAGES)
    assert [c.label for c in v.claims] == ["supported"]


@pytest.mark.parametrize(
    "reply",
    [
        "Both claims look fine to me.",
        '{"verdicts": "yes"}',
        '{"verdicts": [{"claim": 1, "supported": "maybe"}]}',
        '{"verdicts": [{"claim": 1, "supported": true, "score": 7}]}',
        '{"verdicts": [{"claim": 5, "supported": true, "score": 0.9}]}',
        "[]",
    ],
)
def test_malformed_judge_output_marks_claims_error(reply: str) -> None:
    with serve_openai() as server:
        server.script(reply)
        v = _judge(server.base_url).verify(ANSWER, PASSAGES)
    assert [c.label for c in v.claims] == ["error", "error"]
    assert all(c.supported is None and c.score is None and c.reason for c in v.claims)
    assert (v.errors, v.groundedness) == (2, 0.0)


def test_a_missing_verdict_is_an_error_not_a_pass() -> None:
    with serve_openai() as server:
        server.script(_verdicts({"claim": 1, "supported": True, "score": 0.9, "evidence": 1}))
        v = _judge(server.base_url).verify(ANSWER, PASSAGES)
    assert [c.label for c in v.claims] == ["supported", "error"]


def test_http_500_raises_backend_error() -> None:
    with serve_openai() as server:
        server.script(Reply.error(500), Reply.error(500))
        with pytest.raises(BackendError) as err:
            _judge(server.base_url, retries=1).verify(ANSWER, PASSAGES)
    assert "HTTP 500" in err.value.message and err.value.status == 502


def test_timeout_raises_backend_timeout() -> None:
    with serve_openai() as server:
        server.script(Reply.slow(2.0, _verdicts()))
        with pytest.raises(BackendTimeout):
            _judge(server.base_url, timeout=0.3).verify(ANSWER, PASSAGES)


def test_no_claims_makes_no_request() -> None:
    with serve_openai() as server:
        v = _judge(server.base_url).verify("I could not find this in the knowledge base.", PASSAGES)
        assert server.requests == []
    assert v.claims == [] and v.groundedness is None


def test_base_url_is_required() -> None:
    with pytest.raises(ValueError, match="TETHER_LLM__BASE_URL is required when TETHER_VERIFIER__KIND=llm"):
        make_verifier(Settings().override({"verifier.kind": "llm"}), SentenceTransformerEmbedder())


def test_the_judge_asks_the_backend_it_is_given(tmp_path: Path) -> None:
    """The factory gives the judge a backend; the services own it and close it. Answers may come from
    another backend (here the extractive one): the judge still asks the server."""
    reply = _verdicts({"claim": 1, "supported": True, "score": 0.9, "evidence": 1})
    with serve_openai(responder=lambda _: reply) as server:
        llm = {"base_url": server.base_url, "model": "judge", "max_retries": 0}
        settings = Settings().override({"store.data_dir": tmp_path, "verifier.kind": "llm", "llm": llm})
        svc = build_services(settings, warm=False)
        assert isinstance(svc.verifier, LLMJudgeVerifier) and svc.verifier.backend is svc.judge
        assert svc.backend.name == "extractive"
        assert svc.verifier.verify("The Free plan includes 5 GB [1].", PASSAGES).claims[0].label == "supported"
        assert len(server.requests) == 1
        svc.close()
        with pytest.raises(RuntimeError, match="closed"):
            svc.verifier.verify("The Free plan includes 5 GB [1].", PASSAGES)
        assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ('{"verdicts": [{"supported": true, "score": 1}]}', {1: True}),
        ('Sure: {"verdicts": [{"claim": 2, "supported": false, "score": 0.2}]}', {2: False}),
        ('{"verdicts": [{"claim": true, "supported": true}]}', {}),
        ('{"verdicts": [{"claim": 1, "supported": true}, {"claim": 1, "supported": false}]}', {1: True}),
    ],
)
def test_parse_verdicts(reply: str, expected: dict[int, bool]) -> None:
    got = parse_verdicts(reply, n_claims=2)
    assert {k: v["supported"] for k, v in got.items() if isinstance(v, dict)} == expected
