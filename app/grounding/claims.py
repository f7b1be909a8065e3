"""Answer text → segments with character spans: the claims to verify, and the sentences that make
none (greetings, refusals, questions back, headings, list lead-ins, code). Citation markers such as
`[1]`, `[1, 3]`, `[2-4]` and `[1][2]` are parsed and attached to the sentence they close.

Pure, so the HTTP layer, the policies and the evals share one reading of an answer. Sentences are cut by
`ingestion.text`, the same rule that cuts documents, so a claim and its evidence are cut alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ingestion.text import split_sentences

SegmentKind = Literal["claim", "heading", "question", "greeting", "refusal", "lead_in", "code"]

# A marker holds numbers separated by commas/semicolons, with optional ranges ("2-4", "2–4").
_MARKER = re.compile(r"\[\s*(\d+(?:\s*[-–—]\s*\d+)?(?:\s*[,;]\s*\d+(?:\s*[-–—]\s*\d+)?)*)\s*\](?!\()")
CITATION_MARKER = _MARKER  # "[1]", "[1, 3]", "[2-4]"; not "[1](link)"
_RANGE_CAP = 200  # "[1-100000]" is a typo, not a request to cite 100,000 passages


_BULLET = re.compile(r"^(\s*(?:[-*+•]|\d{1,3}[.)])\s+)(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?)\s*$")
_EMPHASIS_LINE = re.compile(r"^\s*(\*\*|__)[^*_]+\1:?\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_MD = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_SPACES = re.compile(r"\s+")

_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|greetings|good (?:morning|afternoon|evening))(?: there| everyone| all)?|"
    r"(?:thanks|thank you)(?: for (?:asking|your question|reaching out|contacting us|your patience))?|"
    r"sure(?: thing)?|certainly|of course|absolutely|no problem|you're welcome|great question|good question|"
    r"happy to help|glad to help|(?:i )?hope (?:this|that) helps|"
    r"(?:please )?(?:let me know|feel free|don't hesitate|do not hesitate)\b.*|"
    r"here(?:'s| is| are) (?:what|the|some|a|an)\b.*|is there anything else\b.*)[\s!.,:;)]*$",
    re.IGNORECASE,
)
_REFUSAL = re.compile(
    r"\b(?:i|we) (?:could not|couldn't|cannot|can't|can not|was unable to|am unable to|were unable to) "
    r"(?:find|locate|answer|determine|confirm|tell)\b|"
    r"\b(?:i|we) (?:do not|don't) (?:know|have (?:enough |any |that )?information)\b|"
    r"\b(?:i'm|i am) not (?:sure|certain|able)\b|"
    r"\bno (?:relevant )?information (?:about|on|regarding|in)\b|"
    r"\bnot (?:mentioned|covered|stated|specified|provided|available|found|included|addressed) in the "
    r"(?:provided |given |available |retrieved )?(?:passages?|context|documents?|sources?|knowledge base|"
    r"documentation|excerpts?)\b|"
    r"\bthe (?:provided |given |available |retrieved )?(?:passages?|context|documents?|sources?|"
    r"knowledge base|documentation|excerpts?) (?:do|does|did) not (?:mention|say|contain|include|specify|"
    r"provide|cover|state|address|discuss)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Citation:
    """One marker occurrence: `[2-4]` at answer[start:end] cites passages 2, 3 and 4."""

    start: int
    end: int
    text: str
    numbers: tuple[int, ...]
    invalid: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class AnswerSegment:
    """One sentence (or list item, or table row) of the answer. `text == answer[start:end]`;
    `clean` is what the verifier reads (markers and markdown removed) and `context` is a list's lead-in
    that gives an item its subject ("The Pro plan includes:" before "- 10 seats")."""

    kind: SegmentKind
    start: int
    end: int
    text: str
    clean: str
    markers: tuple[Citation, ...] = ()
    item: bool = False
    context: str = ""

    @property
    def is_claim(self) -> bool:
        return self.kind == "claim"

    @property
    def citations(self) -> list[int]:
        """Cited passage numbers that exist, sorted and unique."""
        bad = set(self.invalid_citations)
        return sorted({n for m in self.markers for n in m.numbers} - bad)

    @property
    def invalid_citations(self) -> list[int]:
        return sorted({n for m in self.markers for n in m.invalid})


@dataclass(frozen=True, slots=True)
class ParsedAnswer:
    answer: str
    segments: list[AnswerSegment] = field(default_factory=list)

    @property
    def claims(self) -> list[AnswerSegment]:
        return [s for s in self.segments if s.is_claim]

    @property
    def markers(self) -> list[Citation]:
        return [m for s in self.segments for m in s.markers]

    @property
    def invalid_citations(self) -> list[int]:
        return sorted({n for m in self.markers for n in m.invalid})


def expand_marker(body: str) -> tuple[int, ...]:
    """'1, 3-5' → (1, 3, 4, 5); a reversed range is read in order, a huge one is capped."""
    out: set[int] = set()
    for part in re.split(r"\s*[,;]\s*", body.strip()):
        bounds = [int(x) for x in re.split(r"\s*[-–—]\s*", part) if x]
        lo, hi = min(bounds), max(bounds)
        out.update(range(lo, min(hi, lo + _RANGE_CAP) + 1))
    return tuple(sorted(out))


def parse_citations(text: str, n_passages: int | None = None, offset: int = 0) -> list[Citation]:
    """Every marker in `text`; numbers outside 1..n_passages are listed in `invalid`."""
    found = []
    for m in _MARKER.finditer(text):
        numbers = expand_marker(m.group(1))
        invalid = tuple(n for n in numbers if n < 1 or (n_passages is not None and n > n_passages))
        found.append(Citation(m.start() + offset, m.end() + offset, m.group(0), numbers, invalid))
    return found


_MARKER_RUN = re.compile(r"\s*(?:" + _MARKER.pattern + r")")


def strip_markers(text: str) -> str:
    """`text` without citation markers: a passage that writes "[1][2]" must not cite, in an answer,
    passages it never saw (the official pricing page is often [1])."""
    return _MARKER_RUN.sub("", text)


def strip_markup(text: str) -> str:
    """Markers, links, emphasis and code ticks removed; whitespace collapsed."""
    text = _MARKER.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _INLINE_MD.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return re.sub(r"\s+([.,;:!?])(?!\w)", r"\1", text)  # ".exe" keeps its space


def classify(clean: str) -> SegmentKind:
    """What a single sentence does: claim, or one of the kinds that assert nothing checkable."""
    if not re.search(r"[A-Za-z0-9]", clean):
        return "heading"
    if clean.rstrip("\"')”’ ").endswith("?"):
        return "question"
    if _GREETING.match(clean):
        return "greeting"
    if _REFUSAL.search(clean):
        return "refusal"
    if clean.endswith(":"):
        return "lead_in"
    return "claim"


def parse_answer(answer: str, n_passages: int | None = None) -> ParsedAnswer:
    """Segments of `answer` in order; claims carry their citation markers and list context."""
    segments: list[AnswerSegment] = []
    lines = _lines(answer)
    in_code = False
    lead_in = ""  # the sentence or heading that introduces the list items below it
    para: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal lead_in
        if para:
            _add_sentences(answer, para[0][0], para[-1][1], n_passages, segments, item=False, context="")
            para.clear()
            last = segments[-1]
            lead_in = last.clean.rstrip(":") if last.kind == "lead_in" else ""

    for i, (s, e) in enumerate(lines):
        line = answer[s:e]
        if _FENCE.match(line) or in_code:
            flush()
            in_code = in_code != bool(_FENCE.match(line))
            segments.append(AnswerSegment("code", s, e, line, line.strip()))
            continue
        if not line.strip() or _RULE.match(line):
            flush()
            # A blank line ends a list; one right after its lead-in ("Plans:\n\n- Pro") does not.
            if segments and segments[-1].item:
                lead_in = ""
            continue
        heading = _HEADING.match(line)
        if (
            heading
            or _EMPHASIS_LINE.match(line)
            or _is_bare_heading(answer, lines, i)
            or _is_table_head(answer, lines, i)
        ):
            flush()
            hs = s + (heading.end() if heading else 0)
            clean = strip_markup(answer[hs:e].replace("|", " , ").strip(" ,|"))
            segments.append(AnswerSegment("heading", hs, e, answer[hs:e], clean))
            lead_in = clean.rstrip(":")
            continue
        bullet = _BULLET.match(line)
        if bullet or line.lstrip().startswith("|"):
            if para:
                flush()
            body = s + (bullet.end() if bullet else 0)
            _add_sentences(answer, body, e, n_passages, segments, item=True, context=lead_in)
            continue
        quote = re.match(r"\s*>\s?", line)
        para.append((s + (quote.end() if quote else 0), e))
    flush()
    return ParsedAnswer(answer, segments)


def split_claims(answer: str, n_passages: int | None = None) -> list[AnswerSegment]:
    return parse_answer(answer, n_passages).claims


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line.rstrip("\r"))))
        pos += len(line) + 1
    return out


def _is_bare_heading(answer: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A short stand-alone title line ("Pricing") directly followed by a list or a new sentence;
    a sentence soft-wrapped over two lines is not one (it continues in lower case or has figures)."""
    s, e = lines[i]
    line = answer[s:e].strip()
    if i + 1 >= len(lines) or (i > 0 and answer[lines[i - 1][0] : lines[i - 1][1]].strip()):
        return False
    nxt = answer[lines[i + 1][0] : lines[i + 1][1]].strip()
    if not nxt or not (nxt[0].isupper() or _BULLET.match(nxt) or nxt.startswith(("|", "#"))):
        return False
    if line[-1:] in ".!?:;,)]" or _BULLET.match(answer[s:e]) or line.startswith("|"):
        return False
    return len(line.split()) <= 6 and line[:1].isupper() and not re.search(r"\d", line)


def _is_table_head(answer: str, lines: list[tuple[int, int]], i: int) -> bool:
    s, e = lines[i]
    if not answer[s:e].lstrip().startswith("|") or i + 1 >= len(lines):
        return False
    nxt = answer[lines[i + 1][0] : lines[i + 1][1]]
    return bool(_RULE.match(nxt)) and "-" in nxt


def _add_sentences(
    answer: str,
    start: int,
    end: int,
    n_passages: int | None,
    out: list[AnswerSegment],
    *,
    item: bool,
    context: str,
) -> None:
    for s, e in split_sentences(answer, start, end):
        text = answer[s:e]
        markers = tuple(parse_citations(text, n_passages, offset=s))
        clean = strip_markup(text.replace("|", " , ").strip(" ,")) if item else strip_markup(text)
        kind = classify(clean)
        if kind == "claim" and not re.search(r"[A-Za-z0-9]", _MARKER.sub("", clean)):
            kind = "heading"
        out.append(AnswerSegment(kind, s, e, text, clean, markers, item, context))
