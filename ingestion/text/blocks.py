"""Blocks of a document, and its sentences within them, with character spans.

Documents are Markdown-like after loading (HTML and PDF loaders emit the same shape), so blocks are
found by lines: headings, list items and table rows are blocks of their own, paragraphs are runs of
lines. Sentences never cross a block boundary. Ingestion cuts documents this way, and the verifier cuts
a raw passage (one sent to `/v1/verify`) the same way, so evidence is the same whichever way it came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.text.sentences import split_sentences

_HEADING = re.compile(r"^(#{1,6})\s+\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S")
_TABLE_ROW = re.compile(r"^\s*\|")


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    kind: str  # "heading" | "item" | "row" | "para"
    level: int = 0  # heading level, 0 otherwise


def split_blocks(text: str) -> list[Block]:
    """Blocks with spans over `text`, whitespace trimmed."""
    blocks: list[Block] = []
    para_start: int | None = None
    para_end = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        lstart = pos + (len(body) - len(body.lstrip()))
        lend = pos + len(body.rstrip())
        pos += len(line)
        kind = None
        level = 0
        if not stripped:
            kind = "blank"
        elif m := _HEADING.match(stripped):
            kind, level = "heading", len(m.group(1))
        elif _LIST_ITEM.match(body):
            kind = "item"
        elif _TABLE_ROW.match(body):
            kind = "row"
        if kind is None:
            if para_start is None:
                para_start = lstart
            para_end = lend
            continue
        if para_start is not None:
            blocks.append(Block(para_start, para_end, "para"))
            para_start = None
        if kind != "blank":
            blocks.append(Block(lstart, lend, kind, level))
    if para_start is not None:
        blocks.append(Block(para_start, para_end, "para"))
    return blocks


def document_sentences(text: str, *, glued: bool = False) -> list[tuple[Block, list[tuple[int, int]]]]:
    """Each block with its sentence spans: a heading or table row is one sentence, a paragraph or list
    item one or more. `glued`: see `split_sentences`."""
    result = []
    for b in split_blocks(text):
        if b.kind in ("heading", "row"):
            result.append((b, [(b.start, b.end)]))
        else:
            result.append((b, split_sentences(text, b.start, b.end, glued=glued)))
    return result


def sentence_spans(text: str, *, glued: bool = False) -> list[tuple[int, int]]:
    """Every sentence span of `text` in order, cut as a document is (blocks first)."""
    return [span for _, spans in document_sentences(text, glued=glued) for span in spans]
