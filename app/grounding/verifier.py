"""The Verifier seam and its records: every claim of an answer gets a calibrated support probability,
a label, the evidence sentences it was judged on with their document spans, the verdict of each of its
atomic facts, and a check of its own citations. Implementations: `local.LocalVerifier` (the default,
on CPU) and `llm_judge.LLMJudgeVerifier`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol

from app.retrieval.passages import Passage
from ingestion.text import sentence_spans

Label = Literal["supported", "unsupported", "error"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One evidence sentence: passage number n (1-based), document offsets of the sentence."""

    n: int
    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(**d)


@dataclass(frozen=True, slots=True)
class FactVerdict:
    """One atomic fact of a claim, judged on its own evidence window."""

    text: str
    label: Label
    supported: bool | None
    score: float | None
    evidence: list[Evidence] = field(default_factory=list)
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FactVerdict:
        return cls(**{**d, "evidence": [Evidence.from_dict(e) for e in d.get("evidence") or ()]})


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    text: str
    start: int
    end: int
    label: Label
    supported: bool | None
    score: float | None
    citations: list[int] = field(default_factory=list)
    citations_support: bool | None = None
    invalid_citations: list[int] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    reason: str | None = None
    # The claim's atomic facts when it holds several (its verdict is its weakest fact's); else empty.
    facts: list[FactVerdict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        d["facts"] = [f.to_dict() for f in self.facts]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ClaimVerdict:
        """Read back from the wire (an eval run against a service at a URL)."""
        evidence = [Evidence.from_dict(e) for e in d.get("evidence") or ()]
        return cls(**{**d, "evidence": evidence, "facts": [FactVerdict.from_dict(f) for f in d.get("facts") or ()]})


@dataclass(frozen=True, slots=True)
class Verification:
    claims: list[ClaimVerdict]
    groundedness: float | None
    unsupported: int
    errors: int
    timings: dict[str, float] = field(default_factory=dict)  # per stage, ms (benchmarks; not in to_dict)

    @classmethod
    def from_claims(cls, claims: list[ClaimVerdict]) -> Verification:
        supported = sum(1 for c in claims if c.label == "supported")
        return cls(
            claims=claims,
            groundedness=supported / len(claims) if claims else None,
            unsupported=sum(1 for c in claims if c.label == "unsupported"),
            errors=sum(1 for c in claims if c.label == "error"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": [c.to_dict() for c in self.claims],
            "groundedness": self.groundedness,
            "unsupported": self.unsupported,
            "errors": self.errors,
        }


class Verifier(Protocol):
    """Answer + the passages it was written from (passage n is passages[n-1]) → a verdict per claim."""

    def verify(
        self, answer: str, passages: Sequence[Passage], question: str | None = None, threshold: float | None = None
    ) -> Verification:
        """`threshold`: the support probability at or above which a claim is supported, for this call
        (None: the configured one)."""
        ...


@dataclass(frozen=True, slots=True)
class EvidenceSentence:
    """A sentence of passage n (1-based) at document offsets [start, end)."""

    n: int
    passage: Passage
    start: int
    end: int
    text: str


def passage_sentences(passages: Sequence[Passage]) -> list[EvidenceSentence]:
    """Evidence sentences of all passages in order, each document span once (chunks overlap)."""
    out: list[EvidenceSentence] = []
    seen: set[tuple[str, int, int]] = set()
    for n, p in enumerate(passages, start=1):
        # A passage without ingestion's spans (one sent to /v1/verify) is cut as ingestion cuts documents.
        spans = p.sentence_texts() or [(p.start + s, p.start + e, p.text[s:e]) for s, e in sentence_spans(p.text)]
        for s, e, text in spans:
            if text.strip() and (p.doc_id, s, e) not in seen:
                seen.add((p.doc_id, s, e))
                out.append(EvidenceSentence(n, p, s, e, text))
    return out


def passages_from_text(
    text: str,
    doc_id: str | None = None,
    per_passage: int = 5,
    spans: Sequence[tuple[int, int]] | None = None,
    *,
    glued: bool = False,
) -> list[Passage]:
    """Cut a raw text (a chatbot's own context, a public benchmark's source) into passages of a few
    sentences with document offsets, so it can be verified against like retrieved chunks: its sentences
    are cut as ingestion cuts a document (`glued`: see `ingestion.text.split_sentences`)."""
    doc_id = doc_id or "sha1:" + hashlib.sha1(text.encode()).hexdigest()[:16]
    spans = list(spans) if spans is not None else sentence_spans(text, glued=glued)
    out = []
    for k in range(0, len(spans), per_passage):
        group = tuple(spans[k : k + per_passage])
        start, end = group[0][0], group[-1][1]
        out.append(
            Passage(
                chunk_id=f"{doc_id}:{k // per_passage}",
                doc_id=doc_id,
                collection="adhoc",
                title="",
                uri=None,
                version=None,
                source="inline",
                start=start,
                end=end,
                text=text[start:end],
                score=1.0,
                sentences=group,
            )
        )
    return out
