"""The candidate sentences an extractive answer is quoted from, and the words they are scored by.

`candidates` cuts the retrieved passages into the sentences that can state an answer, once each, with
their passage number, position, offsets and heading: headings, questions, table rows, fragments,
signposts ("See [API rate limits](...) for details.") and planted instructions never answer; list items
do (a step, a `Default:` line), with or without a full stop. `keywords` are a text's content words,
stemmed; `keyword_overlap` is how much of the question's keywords each sentence has, weighted by rarity;
`cite` puts a sentence's `[n]` marker where a sentence splitter keeps it.

Kept apart from the choice among them (`extractive.select`) because more than the choice reads them: the
lists they form (`procedures`), and the OpenAI-compatible route, which tells a follow-up turn by how few
keywords it has. What may be quoted, and how its words count, is said once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.grounding.claims import strip_markers
from app.llm.injection import looks_like_injection
from app.llm.prompt import sentence_cuts
from app.retrieval.passages import Passage
from ingestion.text import STOP_WORDS, stem, words

# The keyword bonus's weight in a score: a sentence (`extractive.select`) and a procedure read whole
# (`procedures.best_procedure`) are scored alike, cosine + KEYWORD_WEIGHT * keyword_overlap.
KEYWORD_WEIGHT = 0.25
MIN_WORDS = 3
_NUMBER_MARK = re.compile(r"^\s*\d{1,2}[.)]\s*$")  # a numbered list's "3." split from its text
_BULLET = re.compile(r"^\s*(?:[-*•#>]+|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"([.!?])$")
_POINTER = re.compile(
    r"^\W*(?:see|refer to|read|learn more (?:in|at|about)|for (?:more )?(?:details|information)(?: \w+)*?,? see)\s+"
    r"(?:\[[^\]]+\]\([^)]*\)|<[^>]+>|\S+://\S+|the [^.]*?\b(?:page|article|guide|section|reference|docs)\b)"
    r"(?:\s+(?:for|to|on|about)\b[^.]*)?\W*$",
    re.I,
)
_ABOUT_THE_PAGE = re.compile(
    r"^\W*this (?:page|article|guide|section|document|reference|topic|help page)\s+"
    r"(?:describes|lists|explains|covers|shows|gives|summari[sz]es|walks|tells|is about|contains|answers)\b",
    re.I,
)
# Words a question asks with ("please tell me how to ..."): no more a keyword than a stop word is.
_ASKING_WORDS = frozenset(
    """please tell know want need get got use using make way able happen happens happened go going""".split()  # noqa: SIM905
)


def keywords(text: str) -> set[str]:
    """Content words, stemmed so "refunds"/"refund" and "charged"/"charge" meet."""
    return {stem(w) for w in words(text) if w not in STOP_WORDS and w not in _ASKING_WORDS and len(w) > 1}


def keyword_overlap(question: str, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(overlap, specific) per sentence. `overlap` is the share of the question's keywords the
    sentence contains, each weighted by its rarity among these sentences: a word every candidate
    shares ("authentication" in a 2FA article) says little, the one word only the answer has ("turn
    on") says a lot, and a keyword no sentence has weighs most, which keeps an unanswerable
    question's scores low. `specific` is whether the sentence has a keyword that fewer than half the
    candidates share (the product name, in every sentence, is not one)."""
    wanted = sorted(keywords(question))
    if not wanted or not sentences:
        return np.zeros(len(sentences)), np.zeros(len(sentences), dtype=bool)
    bags = [keywords(s) for s in sentences]
    df = np.array([sum(w in bag for bag in bags) for w in wanted], dtype=np.float64)
    weight = np.log1p(len(bags) / (1.0 + df))
    hits = np.array([[w in bag for w in wanted] for bag in bags], dtype=np.float64)
    specific = hits @ (df < 0.5 * len(bags)).astype(np.float64) > 0
    return np.asarray(hits @ weight / weight.sum()), specific


def clean_sentence(text: str) -> str:
    """One line of prose: heading lines and list bullets dropped, whitespace collapsed."""
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    # A short line without end punctuation, followed by a line that starts a new sentence, is a
    # heading glued to its sentence; followed by a lower-case word it is a wrapped line.
    while (
        len(lines) > 1
        and not re.search(r"[.!?:;,]$", lines[0])
        and len(lines[0].split()) <= 10
        and not lines[1][0].islower()
    ):
        lines.pop(0)
    return " ".join(" ".join(lines).split())


def is_prose(sentence: str) -> bool:
    """A sentence that can state an answer: not a heading, table row, fragment or question."""
    words = sentence.split()
    if len(words) < MIN_WORDS or not re.search(r"[A-Za-z]", sentence) or sentence.startswith("|"):
        return False
    # An FAQ's own question (or a forum post's) matches the user's question best and answers nothing.
    if sentence.rstrip("*_\"')] ").endswith("?"):
        return False
    # Headings and captions end without a full stop; only a long run of words is prose without one.
    return bool(re.search(r"[.!:)\"'*`]$", sentence)) or len(words) >= 15


def is_signpost(sentence: str) -> bool:
    """A sentence about the page rather than the product: a pointer to another page ("See [API rate
    limits](...) for details.") or the page describing itself ("This page lists the changes in each
    release."). It states nothing a question asks, however well it matches the question's words."""
    return bool(_POINTER.match(sentence) or _ABOUT_THE_PAGE.match(sentence))


def cite(sentence: str, n: int) -> str:
    """Marker before the final punctuation ("... 5 days [2].") so a sentence splitter keeps the
    marker with its own sentence."""
    if _TERMINAL.search(sentence):
        return f"{sentence[:-1].rstrip()} [{n}]{sentence[-1]}"
    return f"{sentence} [{n}]"


@dataclass(frozen=True, slots=True)
class CandidateSentence:
    n: int  # 1-based passage number
    position: int  # sentence index inside the passage
    start: int  # document offsets
    end: int
    text: str
    heading: str = ""  # the passage's heading path
    item: bool = False  # a list item (bulleted or numbered)


def candidates(passages: Sequence[Passage]) -> list[CandidateSentence]:
    """Prose sentences of the passages, first occurrence only (overlapping chunks repeat sentences)."""
    seen: set[str] = set()
    out: list[CandidateSentence] = []
    for n, passage in enumerate(passages, start=1):
        if passage.sentences:
            spans = [(s, e, t) for s, e, t in passage.sentence_texts() if t.strip()]
        else:
            spans, prev = [], 0
            for cut in sentence_cuts(passage):
                spans.append((passage.start + prev, passage.start + cut, passage.text[prev:cut]))
                prev = cut
        for position, (start, end, raw) in enumerate(spans):
            if raw.lstrip().startswith("#"):  # a Markdown heading
                continue
            item = bool(_BULLET.match(raw)) or (position > 0 and bool(_NUMBER_MARK.match(spans[position - 1][2])))
            # The answer adds its own marker; any the passage wrote would cite passages it never saw.
            text = strip_markers(clean_sentence(raw))
            key = " ".join(words(text))
            # Planted instructions are data about the page, never an answer to quote.
            if (
                not (is_prose(text) or (item and is_item(text)))
                or key in seen
                or looks_like_injection(text)
                or is_signpost(text)
            ):
                continue
            seen.add(key)
            out.append(CandidateSentence(n, position, start, end, text, passage.heading or passage.title or "", item))
    return out


def is_item(text: str) -> bool:
    """A list item that can answer without a full stop ("Default: 14 days"), not a bare link or label."""
    return len(text.split()) >= MIN_WORDS and bool(re.search(r"[A-Za-z]", text)) and not text.endswith("?")
