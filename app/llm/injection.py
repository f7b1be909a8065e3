"""Pure detection of instruction-like text planted in documents (prompt injection).

A verified corpus can still carry imported text (forum posts, user comments) written to steer an
assistant. Such sentences are data about the page, never an answer: the extractive backend never
quotes them, and generative backends get them inside fenced passages declared to be data."""

from __future__ import annotations

import re

from ingestion.loaders.base import strip_format_chars

_PATTERNS = [
    # "ignore / disregard all previous instructions", "override your rules"
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}"
    r"\b(?:instructions?|rules|prompts?|guidelines|guardrails)\b",
    # asks to reveal the hidden prompt
    r"\b(?:reveal|print|show|repeat|output|leak)\b[^.\n]{0,30}"
    r"\b(?:system prompt|hidden instructions|your instructions)\b",
    # addresses the machine reading the page
    r"^\W*(?:system|assistant|ai|bot|chatbot|llm)\s*[:,]",
    r"\b(?:if you are|you are now|as) an? (?:automated|ai|language model|llm|assistant|chatbot|bot)\b",
    r"\bautomated (?:helpers?|assistants?|agents?|systems?)\b[^.\n]{0,40}\b(?:must|should|tell|reply|begin|say)\b",
    # dictates the form of the reply
    r"\b(?:reply|respond|answer)\s+only\s+with\b",
    r"\bbegin (?:every|each|all|your) (?:answers?|responses?|replies|messages?)\b",
    r"\bsign off with the code\b",
    # credential phishing dressed as policy
    r"\b(?:email|send|give|share|enter|submit)\b[^.\n]{0,40}"
    r"\btheir (?:password|passcode|2fa code|backup codes?)\b[^.\n]{0,60}\bto\b",
    r"\btell (?:every|all|the)? ?(?:users?|customers?|readers?)\b[^.\n]{0,80}"
    r"\b(?:password|free|discontinued|claim|refunded)\b",
]
_INJECTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE | re.MULTILINE)


def looks_like_injection(text: str) -> bool:
    """True when `text` reads as an instruction to an assistant rather than information for a reader."""
    # Passages sent to /v1/verify were never normalised: zero-width characters must not split words here.
    return _INJECTION.search(strip_format_chars(text)) is not None
