"""Pure sentence and block segmentation with character spans.

Documents are Markdown-like after loading (HTML and PDF loaders emit the same shape), so blocks are
found by lines: headings, list items and table rows are blocks of their own, paragraphs are runs of
lines. Sentences never cross a block boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S")
_TABLE_ROW = re.compile(r"^\s*\|")
# Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "st",
        "no",
        "nos",
        "vol",
        "fig",
        "figs",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "min",
        "max",
        "est",
        "dept",
        "ref",
        "cf",
        "ca",
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9#*`_<]")


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


_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial, not a sentence."""
    # Only the word before the dot matters: searching all of text[:dot] made splitting quadratic.
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 48), dot)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # Single letters (initials such as "J. Smith") and dotted forms such as "U.S".
    return len(word) == 1 or ("." in word and len(word.replace(".", "")) <= 4)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (absolute offsets), whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        if not _NEXT_START.match(text, stop, end):
            continue
        spans.append((cur, stop))
        cur = stop
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def document_sentences(text: str) -> list[tuple[Block, list[tuple[int, int]]]]:
    """Each block with its sentence spans (a heading, item or table row is one sentence... or more)."""
    result = []
    for b in split_blocks(text):
        if b.kind in ("heading", "row"):
            result.append((b, [(b.start, b.end)]))
        else:
            result.append((b, split_sentences(text, b.start, b.end)))
    return result
