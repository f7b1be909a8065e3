"""Pure, structure-aware chunking with exact character spans.

Rules: a chunk is a run of whole sentences of one document (`doc_text[start:end] == text`); a heading
opens a chunk and is never left dangling at a chunk's end; the text the model embeds (a heading-path
prefix plus the chunk) fits the model's own token limit, checked with its own tokenizer, so nothing
is ever silently truncated. A single sentence longer than the limit is the one case that must be cut,
and it is cut at word boundaries into pieces that each fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingestion.sentences import document_sentences

TokenCounter = Callable[[Sequence[str]], list[int]]


@dataclass(frozen=True, slots=True)
class ChunkSpan:
    start: int
    end: int
    text: str
    embed_text: str
    sentences: tuple[tuple[int, int], ...]
    heading: str  # heading path, " > " joined
    n_tokens: int  # of embed_text, special tokens included


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    tokens: int
    heading_level: int  # 0 for body sentences
    path: tuple[str, ...]  # heading path in force at this unit


def _heading_title(raw: str) -> str:
    return raw.lstrip("#").strip()


def _split_long(text: str, s: int, e: int, budget: int, count: TokenCounter) -> list[tuple[int, int]]:
    """Cut text[s:e] at word boundaries into pieces of at most `budget` tokens (specials excluded)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[s:e])]
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        lo, hi = i + 1, len(words)
        # Largest j with text of words[i:j] within budget (binary search on the real tokenizer).
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count([text[s + words[i][0] : s + words[mid - 1][1]]])[0] - 2 <= budget:
                lo = mid
            else:
                hi = mid - 1
        j = max(lo, i + 1)
        pieces.append((s + words[i][0], s + words[j - 1][1]))
        i = j
    return pieces


def chunk_document(
    text: str,
    title: str,
    count: TokenCounter,
    max_tokens: int,
    overlap_sentences: int = 1,
) -> list[ChunkSpan]:
    """Chunks of `text`. `count` returns word pieces per text including the 2 special tokens."""
    blocks = document_sentences(text)
    spans = [sp for _, ss in blocks for sp in ss]
    if not spans:
        return []
    sent_tokens = [n - 2 for n in count([text[s:e] for s, e in spans])]
    # Leave room for the heading-path prefix; it is re-checked exactly when the chunk is closed.
    body_budget = max(8, max_tokens - 2 - min(24, max_tokens // 4))
    units: list[_Unit] = []
    path: list[tuple[int, str]] = []
    k = 0
    for block, ss in blocks:
        for s, e in ss:
            n = sent_tokens[k]
            k += 1
            level = block.level if block.kind == "heading" else 0
            if level:
                path = [p for p in path if p[0] < level] + [(level, _heading_title(text[s:e]))]
            cur_path = tuple(t for _, t in path)
            if n > body_budget:
                for ps, pe in _split_long(text, s, e, body_budget, count):
                    units.append(_Unit(ps, pe, count([text[ps:pe]])[0] - 2, 0, cur_path))
            else:
                units.append(_Unit(s, e, n, level, cur_path))
    return _pack(text, title, units, count, max_tokens, body_budget, overlap_sentences)


def _prefix(title: str, path: tuple[str, ...], first_unit_is_heading: bool) -> str:
    parts = [p for p in path if p]
    if first_unit_is_heading and parts:
        parts = parts[:-1]  # the chunk already starts with its own heading
    if title and (not parts or parts[0] != title):
        parts.insert(0, title)
    return " > ".join(parts)


def _pack(
    text: str,
    title: str,
    units: list[_Unit],
    count: TokenCounter,
    max_tokens: int,
    body_budget: int,
    overlap: int,
) -> list[ChunkSpan]:
    chunks: list[ChunkSpan] = []
    i = 0
    while i < len(units):
        j = i
        used = 0
        while j < len(units):
            u = units[j]
            if j > i and u.heading_level and (u.heading_level <= 2 or used >= body_budget // 2):
                break  # a section boundary: start a fresh chunk at the heading
            if j > i and used + u.tokens + 1 > body_budget:
                break
            used += u.tokens + 1
            j += 1
        # Never end on a heading when its body follows.
        while j - 1 > i and units[j - 1].heading_level and j < len(units):
            j -= 1
        chunk = _make_chunk(text, title, units[i:j], count, max_tokens)
        while chunk is None:  # the prefix pushed it over: shed sentences until it fits
            j -= 1
            chunk = _make_chunk(text, title, units[i:j], count, max_tokens, allow_prefix=j > i + 1)
        chunks.append(chunk)
        if j >= len(units):
            break
        nxt = j
        # Overlap: repeat trailing body sentences of the same section, if that still makes progress.
        back = 0
        while (
            back < overlap
            and nxt - 1 > i
            and not units[nxt - 1].heading_level
            and not units[j].heading_level
            and units[nxt - 1].path == units[j].path
        ):
            nxt -= 1
            back += 1
        i = nxt
    return chunks


def _make_chunk(
    text: str, title: str, units: list[_Unit], count: TokenCounter, max_tokens: int, allow_prefix: bool = True
) -> ChunkSpan | None:
    start, end = units[0].start, units[-1].end
    body = text[start:end]
    prefix = _prefix(title, units[0].path, units[0].heading_level > 0) if allow_prefix else ""
    embed_text = f"{prefix}\n{body}" if prefix else body
    n = count([embed_text])[0]
    if n > max_tokens:
        if len(units) == 1 and allow_prefix:
            return None if not prefix else _make_chunk(text, title, units, count, max_tokens, False)
        if len(units) == 1:
            raise AssertionError("a single unit exceeds the token limit after splitting")
        return None
    heading = " > ".join(units[0].path)
    return ChunkSpan(start, end, body, embed_text, tuple((u.start, u.end) for u in units), heading, n)
