"""A small help centre, cut into passages as ingestion cuts them, and a stand-in retriever over it: the
ground the LLM backend tests share."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import numpy as np

from app.llm.base import GenerationRequest
from app.llm.prompt import approx_tokens, build_prompt
from app.retrieval.passages import Passage
from ingestion.embedder import Embedder

Retrieve = Callable[[str], list[Passage]]

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


def make_retrieve(embedder: Embedder) -> Retrieve:
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


def sentence_passage(doc: str, heading: str, sentences: list[str]) -> Passage:
    """A chunk as ingestion cuts it: sentences joined by newlines, a numbered list's "1." on its own."""
    text, spans = "", []
    for s in sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s + "\n"
    return Passage(doc, doc, "c", doc, None, None, doc, 0, len(text) - 1, text[:-1], 0.5, tuple(spans), {}, heading)
