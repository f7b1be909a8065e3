"""Any OpenAI-protocol chat server (OpenAI, vLLM, llama.cpp server, Ollama, TGI) through the official
client. Retries with backoff are the client's own (`max_retries` on timeouts, 408/409/429 and 5xx);
this module only turns what is left into BackendError (502) / BackendTimeout (504)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import openai

from app.errors import BackendError, BackendTimeout
from app.llm.base import Generation, GenerationRequest
from app.llm.prompt import approx_tokens
from app.settings import LLMSettings

_BODY_EXCERPT = 200


def display_url(url: str) -> str:
    """scheme://host:port/path: credentials and query strings in a URL never reach a message."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}".rstrip("/")


def mask_secret(text: str, secret: str) -> str:
    # Some servers echo the key they rejected ("Incorrect API key provided: sk-...").
    if len(secret) >= 4:
        text = text.replace(secret, "***")
    return text


class OpenAIBackend:
    name = "openai"

    def __init__(self, settings: LLMSettings, *, client: openai.OpenAI | None = None) -> None:
        if not settings.base_url:
            raise ValueError("TETHER_LLM__BASE_URL is required for the openai backend")
        self.settings = settings
        self.model = settings.model
        self.where = display_url(settings.base_url)
        self._key = settings.api_key.get_secret_value()
        self._client = client or openai.OpenAI(
            base_url=settings.base_url,
            api_key=self._key,
            timeout=settings.timeout_s,
            max_retries=settings.max_retries,
        )

    def close(self) -> None:
        self._client.close()

    def count_tokens(self, text: str) -> int:
        # The server's tokenizer is unknown here; the upper bound keeps the prompt inside its window.
        return approx_tokens(text)

    def _create(self, request: GenerationRequest, *, stream: bool) -> Any:
        return self._client.chat.completions.create(
            model=self.model,
            messages=[{"role": m.role, "content": m.content} for m in request.messages],  # type: ignore[misc]
            max_tokens=request.max_tokens,
            temperature=request.temperature,
            stream=stream,
        )

    @contextmanager
    def _upstream(self) -> Iterator[None]:
        """Translate every client failure into the service's two backend errors."""
        try:
            yield
        except openai.APITimeoutError as exc:
            raise BackendTimeout(
                f"LLM backend at {self.where} did not answer within {self.settings.timeout_s:g} s "
                f"(tried {self.settings.max_retries + 1} times)"
            ) from exc
        except openai.APIStatusError as exc:
            detail = mask_secret(_error_detail(exc), self._key)
            raise BackendError(f"LLM backend at {self.where} answered HTTP {exc.status_code}: {detail}") from exc
        except openai.APIConnectionError as exc:
            cause = mask_secret(str(exc.__cause__ or exc), self._key)
            raise BackendError(f"could not reach LLM backend at {self.where}: {cause}") from exc
        except openai.APIError as exc:
            detail = mask_secret(str(exc.message), self._key)[:_BODY_EXCERPT]
            raise BackendError(f"LLM backend at {self.where} failed: {detail}") from exc
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # JSONDecodeError (HTTP 200 with a body that is not JSON) lands here, as do shapes the
            # client could not map.
            detail = mask_secret(str(exc), self._key)[:_BODY_EXCERPT]
            raise BackendError(f"LLM backend at {self.where} returned a malformed body (HTTP 200): {detail}") from exc

    def generate(self, request: GenerationRequest) -> Generation:
        with self._upstream():
            response = self._create(request, stream=False)
        choices = getattr(response, "choices", None)
        if not choices:
            raise BackendError(f"LLM backend at {self.where} returned a malformed body (HTTP 200): no choices")
        choice = choices[0]
        message = getattr(choice, "message", None)
        content = getattr(message, "content", None)
        if not isinstance(content, str) or not content.strip():
            refusal = getattr(message, "refusal", None)
            reason = f"refusal: {refusal[:_BODY_EXCERPT]}" if refusal else "null or empty content"
            raise BackendError(
                f"LLM backend at {self.where} returned a malformed body (HTTP 200): {reason} "
                f"(finish_reason={getattr(choice, 'finish_reason', None)})"
            )
        usage = getattr(response, "usage", None)
        return Generation(
            text=content,
            model=str(getattr(response, "model", None) or self.model),
            prompt_tokens=getattr(usage, "prompt_tokens", None),
            completion_tokens=getattr(usage, "completion_tokens", None),
            extra={"finish_reason": getattr(choice, "finish_reason", None)},
        )

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        produced = False
        with self._upstream():
            events = self._create(request, stream=True)
            try:
                for event in events:
                    for choice in getattr(event, "choices", None) or ():
                        delta = getattr(getattr(choice, "delta", None), "content", None)
                        if delta:
                            produced = True
                            yield delta
            finally:
                events.close()  # a caller that stops reading must not leave the connection open
        if not produced:
            raise BackendError(f"LLM backend at {self.where} streamed no content (HTTP 200)")


def _error_detail(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if message:
            return str(message)[:_BODY_EXCERPT]
    return str(exc.message)[:_BODY_EXCERPT]
