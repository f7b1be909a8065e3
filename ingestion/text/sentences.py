"""Sentence spans of a text: the one splitter for documents, answers and evidence alike.

Ingestion cuts documents with it, the verifier cuts answers into claims and raw passages into evidence
with it, so a sentence is the same span whichever side it came from. Pure, and linear in the text: each
candidate boundary looks at a bounded window around itself, never at the whole prefix.

A boundary is a run of `.`, `!`, `?` or `…` (closing quotes and brackets included), then any citation
markers (`[2]`, which stay with the sentence they close), then whitespace and something that can start a
sentence: a capital, a figure, markup, or an opening quote or bracket before one. A full stop after an
abbreviation or an initial is no boundary, unless the next word is a common sentence opener ("in the
U.S. The office ...", "etc. It ...") and the abbreviation is not a title ("Dr. The" does not occur).
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (lower case, without the final dot).
ABBREVIATIONS = frozenset(
    """e.g i.e etc vs cf al approx appx dept est fig figs no nos vol vols pp ed eds ca inc ltd co corp
    llc mr mrs ms dr prof sr jr st mt ft rev gen col capt sgt lt gov sen rep pres jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun min max avg incl
    excl dist govt univ assn bros ref p.m a.m u.s u.k u.n e.u ph.d""".split()  # noqa: SIM905
)
# Titles stand before a name, so the word after them never opens a sentence.
TITLES = frozenset("mr mrs ms dr prof sr jr st mt rev gen col capt sgt lt gov sen rep pres".split())  # noqa: SIM905
# After an abbreviation these words say that a new sentence starts.
SENTENCE_OPENERS = frozenset(
    """the a an it this that these those they we he she you i there here in on at for if when while
    however but so also its our their his her my your as after before since""".split()  # noqa: SIM905
)

_TERMINATOR = re.compile(r"[.!?…]+[\"'”’)\]]*")
_MARKERS = re.compile(r"(?:[ \t]*\[[\d\s,;\-–—]+\])+")
_GAP = re.compile(r"\s+")
_NEXT_START = re.compile(r"[\"'“‘(\[]*[A-Z0-9#*`_<$]")
_GLUED_NEXT = re.compile(r"[A-Z][a-z]")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_LOOKBACK = 48  # characters searched for the word before a full stop: longer words are no abbreviation


def is_abbreviation(text: str, dot: int, end: int | None = None) -> bool:
    """Does the full stop at text[dot] close an abbreviation or an initial rather than a sentence?"""
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - _LOOKBACK), dot)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    before = text[m.start() - 1 : m.start()]
    # One letter is an initial ("J. Smith"), unless it ends a word ("the uploader's.").
    initial = len(word) == 1 and not (before.isalnum() or before in ("'", "’"))
    dotted = "." in word and len(word.replace(".", "")) <= 4  # "U.S", "N.Y", "e.g"
    if not (word in ABBREVIATIONS or initial or dotted):
        return False
    nxt = _NEXT_WORD.match(text, dot + 1, len(text) if end is None else end)
    return word in TITLES or not (nxt and nxt.group(1).lower() in SENTENCE_OPENERS)


def _glued_end(text: str, dot: int, start: int) -> bool:
    """A full stop that ends a sentence although the next one follows without a space: after two
    lower-case letters, a figure or a closing bracket or quote ("in the 19th century.First ...")."""
    two = text[max(start, dot - 2) : dot]
    last = two[-1:]
    return bool(re.fullmatch(r"[a-z]{2}", two)) or last.isdigit() or (last != "" and last in ")]\"'”")


def split_sentences(text: str, start: int = 0, end: int | None = None, *, glued: bool = False) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], as absolute offsets, whitespace trimmed.

    glued=True also cuts "century.First", where a source's sentences were joined without a space (the
    public benchmarks' texts); documents and answers are read without it."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _TERMINATOR.finditer(text, start, end):
        stop = m.end()
        if mk := _MARKERS.match(text, stop, end):
            stop = mk.end()
        gap = _GAP.match(text, stop, end)
        single_dot = m.end() - m.start() == 1 and text[m.start()] == "."
        if gap is None:
            if not (glued and single_dot and _GLUED_NEXT.match(text, stop, end) and _glued_end(text, m.start(), start)):
                continue
        elif gap.end() == end or not _NEXT_START.match(text, gap.end(), end):
            continue
        if single_dot and is_abbreviation(text, m.start(), end):
            continue
        spans.append((cur, stop))
        cur = stop
    spans.append((cur, end))
    return [span for s, e in spans if (span := _trim(text, s, e))[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
