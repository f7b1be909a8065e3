"""A real OpenAI-protocol HTTP server on loopback, scripted by the test that starts it.

    from tests.support.openai_server import Reply, serve_openai

    with serve_openai() as server:              # binds 127.0.0.1 on a free port
        server.script("Refunds take 5 days [1].", Reply.error(500), Reply.slow(3.0, "late"))
        client = OpenAI(base_url=server.base_url, api_key="k")   # base_url ends in /v1
        ...
        server.requests[-1].system_prompt        # what the client sent

Endpoints: `POST /v1/chat/completions` (JSON, or SSE `data: {...}` chunks ending `data: [DONE]`
when the body says `"stream": true`) and `GET /v1/models`.

Each chat request takes the next scripted reply; a plain string means `Reply(text)`. When the
script is empty the `responder` given to `serve_openai` decides (it gets the `Recorded` request, so
an LLM-judge test can answer according to the prompt); without one the reply is `default_text`.
Every request (GET included) is appended to `server.requests`. The official client retries
408/409/429/5xx replies `max_retries` times: script one error per attempt.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One scripted answer. `status` != 200 sends an OpenAI-style error body; `raw` sends those
    bytes as the body verbatim (malformed JSON, a body without choices); `delay_s` sleeps before
    answering; `chunks` sets the stream deltas (default: `text` cut into words, spaces kept) and
    `chunk_delay_s` stalls before each one (a stream that dies mid-answer)."""

    text: str | None = "OK"
    status: int = 200
    delay_s: float = 0.0
    raw: bytes | None = None
    chunks: tuple[str, ...] | None = None
    chunk_delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int = 500, message: str = "upstream exploded") -> Reply:
        body = {"error": {"message": message, "type": "server_error", "code": None}}
        return cls(status=status, raw=json.dumps(body).encode())

    @classmethod
    def slow(cls, delay_s: float, text: str = "OK") -> Reply:
        return cls(text=text, delay_s=delay_s)

    @classmethod
    def malformed(cls, raw: bytes = b'{"id": "x", "choices": [') -> Reply:
        return cls(raw=raw)


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    json: dict[str, Any] | None

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list((self.json or {}).get("messages", []))

    @property
    def system_prompt(self) -> str:
        return "\n".join(str(m.get("content", "")) for m in self.messages if m.get("role") == "system")


Responder = Callable[[Recorded], "Reply | str"]


class OpenAIServer:
    def __init__(self, responder: Responder | None, default_text: str, model: str) -> None:
        self.requests: list[Recorded] = []
        self.model = model
        self._queue: deque[Reply] = deque()
        self._responder = responder
        self._default_text = default_text
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.base_url = ""

    def script(self, *replies: Reply | str) -> None:
        """Queue replies for the next chat requests, in order."""
        with self._lock:
            self._queue.extend(Reply(r) if isinstance(r, str) else r for r in replies)

    def _record(self, request: Recorded) -> None:
        with self._lock:
            self.requests.append(request)

    def _next(self, request: Recorded) -> Reply:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self._responder is None:
            return Reply(self._default_text)
        reply = self._responder(request)
        return Reply(reply) if isinstance(reply, str) else reply


def _completion(model: str, text: str | None) -> dict[str, Any]:
    words = len((text or "").split())
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": words, "total_tokens": 10 + words},
    }


def _chunk(model: str, delta: dict[str, Any], finish: str | None = None) -> bytes:
    body = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return b"data: " + json.dumps(body).encode() + b"\n\n"


def _split_deltas(text: str) -> tuple[str, ...]:
    # Word-sized deltas whose concatenation is exactly `text`.
    return tuple(re.findall(r"\S+\s*|\s+", text)) or ("",)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _read_request(self) -> Recorded:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        return Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)

    def _send(self, status: int, body: bytes, headers: dict[str, str], content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        app = self.server.app
        app._record(self._read_request())
        if self.path.rstrip("/") != "/v1/models":
            self._send(404, b'{"error": {"message": "not found"}}', {}, "application/json")
            return
        models = {"object": "list", "data": [{"id": app.model, "object": "model", "created": 0, "owned_by": "t"}]}
        self._send(200, json.dumps(models).encode(), {}, "application/json")

    def do_POST(self) -> None:
        app = self.server.app
        request = self._read_request()
        app._record(request)
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, b'{"error": {"message": "not found"}}', {}, "application/json")
            return
        reply = app._next(request)
        if reply.delay_s and app.stopping.wait(reply.delay_s):
            return
        model = str((request.json or {}).get("model") or app.model)
        if reply.raw is not None or reply.status != 200:
            raw = reply.raw if reply.raw is not None else json.dumps(_completion(model, reply.text)).encode()
            self._send(reply.status, raw, reply.headers, "application/json")
        elif (request.json or {}).get("stream"):
            self._stream(model, reply)
        else:
            self._send(200, json.dumps(_completion(model, reply.text)).encode(), reply.headers, "application/json")

    def _stream(self, model: str, reply: Reply) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()  # HTTP/1.0: the closed connection ends the body
        deltas = reply.chunks if reply.chunks is not None else _split_deltas(reply.text or "")
        self.wfile.write(_chunk(model, {"role": "assistant", "content": ""}))
        for delta in deltas:
            if reply.chunk_delay_s and self.server.app.stopping.wait(reply.chunk_delay_s):
                return
            self.wfile.write(_chunk(model, {"content": delta}))
            self.wfile.flush()
        self.wfile.write(_chunk(model, {}, finish="stop"))
        self.wfile.write(b"data: [DONE]\n\n")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    app: OpenAIServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout test) closes its socket mid-reply: expected, not a failure.
        pass


@contextmanager
def serve_openai(
    responder: Responder | None = None, *, default_text: str = "OK", model: str = "test-model"
) -> Iterator[OpenAIServer]:
    """Start the server on 127.0.0.1 (free port) in a background thread; stop it on exit."""
    app = OpenAIServer(responder, default_text, model)
    httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
    httpd.app = app
    host, port = httpd.server_address[:2]
    app.base_url = f"http://{host!s}:{port}/v1"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield app
    finally:
        app.stopping.set()  # wake sleeping replies so their threads end with the server
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
