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

from ingestion.text import document_sentences

TokenCounter = Callable[[Sequence[str]], list[int]]
# Character spans of a text's word pieces, special tokens excluded (a fast tokenizer's offsets).
SpanTokenizer = Callable[[str], list[tuple[int, int]] | None]


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


_WORD = re.compile(r"\S+")


def _halve(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """text[a:b] in two, at the whitespace nearest its middle, else at the middle character."""
    mid = (a + b) // 2
    left, right = text.rfind(" ", a, mid), text.find(" ", mid, b)
    cut = min((c for c in (left, right) if c > a), key=lambda c: abs(c - mid), default=mid)
    halves = [(a, a + len(text[a:cut].rstrip())), (b - len(text[cut:b].lstrip()), b)]
    return [(x, y) for x, y in halves if y > x]


def _word_spans(text: str, s: int, e: int, count: TokenCounter) -> list[tuple[int, int]]:
    """Token spans estimated from per-word counts, for a tokenizer that gives no offsets: each word's
    characters shared evenly among its tokens."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, s, e)]
    spans: list[tuple[int, int]] = []
    for (a, b), n in zip(words, count([text[a:b] for a, b in words]), strict=True):
        n = max(1, min(n - 2, b - a))
        spans.extend((a + (b - a) * k // n, a + (b - a) * (k + 1) // n) for k in range(n))
    return spans


def _split_long(
    text: str, s: int, e: int, budget: int, count: TokenCounter, spans_of: SpanTokenizer | None
) -> list[tuple[int, int, int]]:
    """Cut text[s:e] into pieces of at most `budget` tokens (specials excluded): (start, end, tokens).

    Linear in the text: it is tokenized once, with offsets, and each piece is counted once more. A
    piece ends at the last word boundary that fits; a single word longer than the budget is cut between
    its tokens. A piece whose own count comes out over the budget (a word cut mid-way re-tokenizes
    differently) is halved until it fits."""
    offsets = spans_of(text[s:e]) if spans_of is not None else None
    spans = [(s + a, s + b) for a, b in offsets] if offsets is not None else _word_spans(text, s, e, count)
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        k = min(i + budget, len(spans))
        if k < len(spans):  # back off to a word boundary: a gap between two tokens
            j = next((j for j in range(k, i, -1) if spans[j][0] > spans[j - 1][1]), None)
            k = j if j is not None else k
        pieces.append((spans[i][0], spans[k - 1][1]))
        i = k
    fitted: list[tuple[int, int, int]] = []
    while pieces:
        over: list[tuple[int, int]] = []
        for (a, b), n in zip(pieces, count([text[a:b] for a, b in pieces]), strict=True):
            if n - 2 <= budget or b - a <= 1:
                fitted.append((a, b, n - 2))
            else:
                over.extend(_halve(text, a, b))
        pieces = over
    return sorted(fitted)


def chunk_document(
    text: str,
    title: str,
    count: TokenCounter,
    max_tokens: int,
    overlap_sentences: int = 1,
    token_spans: SpanTokenizer | None = None,
) -> list[ChunkSpan]:
    """Chunks of `text`. `count` returns word pieces per text including the 2 special tokens;
    `token_spans`, when the tokenizer has offsets, lets an overlong sentence be cut in one pass."""
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
                for ps, pe, pn in _split_long(text, s, e, body_budget, count, token_spans):
                    units.append(_Unit(ps, pe, pn, 0, cur_path))
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
