"""Conflicting sources: two documents that state the same thing with different figures.

A planted community page says "The Business plan costs $1 per user per month"; the pricing page says
"$15". Both sentences are in the knowledge base, so the verifier supports whichever the answer quotes.
Here, each sentence the answer cites is compared with the sentences of the other documents in the
prompt: the same names and mostly the same content words (numbers aside) with different figures is a
conflict. The answer then quotes the other side too, with its marker, and is flagged
`reason: conflicting_sources`; `conflicts` in the response names both passages and, when the metadata
decides it, which one is authoritative.

Authority, from each passage's document metadata, in order: a document tagged as community content
(`community`, `forum`, `unofficial`) ranks below one that is not; then a document with `verified_by`
above one without; then the later `verified_at`. When neither side ranks higher, both are reported and
neither is preferred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.grounding.facts import analyze
from app.retrieval.passages import Passage

SAME_WORDS = 0.8  # share of the shorter sentence's content stems the other must have: "the same thing"
MIN_SHARED = 4
USED = 0.6  # share of a cited sentence's stems the answer repeats for it to count as stated
COMMUNITY_TAGS = frozenset({"community", "forum", "unofficial"})


@dataclass(frozen=True, slots=True)
class Side:
    n: int  # passage number, as the answer's markers have it
    text: str  # the sentence, as the passage writes it


@dataclass(frozen=True, slots=True)
class ConflictingSources:
    cited: Side  # the sentence the answer stands on
    other: Side  # the sentence of another document that gives other figures
    authoritative: int | None  # the passage number whose document outranks the other's, if one does

    def to_dict(self) -> dict[str, Any]:
        return {
            "passages": [self.cited.n, self.other.n],
            "sentences": [self.cited.text, self.other.text],
            "authoritative": self.authoritative,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ConflictingSources:
        (a, b), (ta, tb) = d["passages"], d["sentences"]
        return cls(Side(a, ta), Side(b, tb), d.get("authoritative"))

    def renumbered(self, mapping: dict[int, int]) -> ConflictingSources:
        """The same conflict with the answer's citation numbers (`renumber.Renumberer.mapping`)."""

        def new(n: int | None) -> int | None:
            return None if n is None else mapping.get(n, n)

        return ConflictingSources(
            Side(new(self.cited.n) or 0, self.cited.text),
            Side(new(self.other.n) or 0, self.other.text),
            new(self.authoritative),
        )

    def note(self) -> str:
        """What the answer adds: the other side, verbatim, with its marker."""
        body = self.other.text.strip().rstrip(".")
        return f"Another source states otherwise: {body} [{self.other.n}]."


def authority(p: Passage) -> tuple[int, int, str]:
    tags = {str(t).lower() for t in p.metadata.get("tags") or ()}
    return (
        0 if tags & COMMUNITY_TAGS else 1,
        1 if p.metadata.get("verified_by") else 0,
        str(p.metadata.get("verified_at") or ""),
    )


def find_conflict(answer: str, passages: Sequence[Passage], cited: Sequence[int]) -> ConflictingSources | None:
    """The first conflict between a sentence the answer states (one of a cited passage's, 1-based
    numbers in order of use, whose words the answer mostly repeats) and a sentence of another document
    among `passages`."""
    said = analyze(answer).bag
    sentences = {n: _sentences(p) for n, p in enumerate(passages, start=1)}
    for a in cited:
        if not 1 <= a <= len(passages):
            continue
        used = [s for s in sentences[a] if _repeated(analyze(s).bag, said)]
        for b in range(1, len(passages) + 1):
            if passages[b - 1].doc_id == passages[a - 1].doc_id:
                continue
            for sa in used:
                for sb in sentences[b]:
                    if disagree(sa, sb):
                        ra, rb = authority(passages[a - 1]), authority(passages[b - 1])
                        best = a if ra > rb else b if rb > ra else None
                        return ConflictingSources(Side(a, sa), Side(b, sb), best)
    return None


def disagree(first: str, second: str) -> bool:
    """The same names and content words, with other figures: about the same thing, saying otherwise. (Two
    sentences about different plans share most words too; their names tell them apart.)"""
    fa, fb = analyze(first), analyze(second)
    if fa.entities != fb.entities or not _other_figures(figures(first), figures(second)):
        return False
    wa, wb = fa.bag - fa.numbers, fb.bag - fb.numbers
    shared = len(wa & wb)
    return shared >= MIN_SHARED and shared >= SAME_WORDS * min(len(wa), len(wb))


_FIGURE = re.compile(r"([$€£])?\s?(\d+(?:[.,]\d+)*)\s?(%|[A-Za-z]+)?")


def figures(text: str) -> dict[str, set[str]]:
    """Figures by kind: a currency ("$"), a percentage ("%"), or the unit word after the number
    ("gb", "day"; "" for a bare number), so that a price is only ever compared with a price."""
    out: dict[str, set[str]] = {}
    for cur, num, unit in _FIGURE.findall(text):
        kind = cur or (unit.lower().rstrip("s") if unit else "")
        out.setdefault(kind, set()).add(num.replace(",", ""))
    return out


def _other_figures(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """For some kind both give, they share no figure: "$15 a month or $150 a year" and "$150 a year, $12.50
    a month" agree on $150 and elaborate; "$15" and "$1" disagree; "17%" is no price."""
    return any(not a[k] & b[k] for k in a.keys() & b.keys())


def _repeated(sentence: frozenset[str], answer: frozenset[str]) -> bool:
    return bool(sentence) and len(sentence & answer) >= USED * len(sentence)


def _sentences(p: Passage) -> list[str]:
    if p.sentences:
        return [t.strip() for _, _, t in p.sentence_texts() if t.strip()]
    return [p.text.strip()] if p.text.strip() else []
