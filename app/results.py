"""The typed, immutable results of the two pipelines: `Answer` (app/answering.py: a question answered from
the corpus) and `VerifiedAnswer` (app/verifying.py: a caller's own answer checked, `/v1/verify`).

Routes, the audit, metrics, the CLI and the evals read their attributes. `to_dict()` is their wire shape,
the public contract of `/v1/answer` (and its stream's `result`), the chat extension and `/v1/verify`:
the keys and their order are the API's, so it is written out here once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from app.grounding.answer_policies import Policy, Status
from app.grounding.answerability import Answerability
from app.grounding.conflicts import ConflictingSources
from app.grounding.verifier import ClaimVerdict
from app.retrieval.passages import Passage


def _freeze(result: Answer | VerifiedAnswer) -> None:
    # A result's timings are part of what it reports, not a scratch pad: keep a read-only copy. (A frozen
    # dataclass sets its own fields only through object.__setattr__.)
    object.__setattr__(result, "timings", MappingProxyType(dict(result.timings)))


@dataclass(frozen=True, slots=True)
class NumberedPassage:
    """Passage n (1-based, the prompt's numbering) as the API shows it: a citation of an answer, a passage
    retrieved or verified against."""

    n: int
    passage: Passage

    def to_dict(self) -> dict[str, Any]:
        p = self.passage
        return {
            "n": self.n,
            "chunk_id": p.chunk_id,
            "doc_id": p.doc_id,
            "title": p.title,
            "uri": p.uri,
            "source": p.source,
            "version": p.version,
            "revision": p.metadata.get("revision"),
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "score": p.score,
            "pages": p.metadata.get("pages"),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], collection: str = "") -> NumberedPassage:
        """Read back from the wire (an eval run against a service at a URL)."""
        meta = {k: d[k] for k in ("revision", "pages") if d.get(k) is not None}
        passage = Passage(
            chunk_id=d["chunk_id"],
            doc_id=d["doc_id"],
            collection=collection,
            title=d["title"],
            uri=d["uri"],
            version=d["version"],
            source=d["source"],
            start=d["start"],
            end=d["end"],
            text=d["text"],
            score=d["score"],
            metadata=meta,
        )
        return cls(d["n"], passage)


def numbered(passages: Sequence[Passage]) -> list[dict[str, Any]]:
    """The wire shape of a list of passages, numbered from 1."""
    return [NumberedPassage(n, p).to_dict() for n, p in enumerate(passages, start=1)]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The cuts a result was judged by: the request's, else the configured ones. `answerable` is None when
    no answerability model judged (and /v1/verify, which has no question to judge)."""

    support: float
    abstain_below: float
    answerable: float | None = None

    def to_dict(self) -> dict[str, float]:
        cuts = {"support": self.support, "abstain_below": self.abstain_below}
        return cuts if self.answerable is None else cuts | {"answerable": self.answerable}

    @classmethod
    def from_dict(cls, d: Mapping[str, float]) -> Thresholds:
        return cls(d["support"], d["abstain_below"], d.get("answerable"))


@dataclass(frozen=True, slots=True)
class Answer:
    """A grounded answer. `text` is what the caller gets (the policy may have changed the backend's
    `raw_text`, which is then kept); `passages` are the ones it was built from, passage n being
    `passages[n-1]` (empty when it abstained before generating, and in an answer read from the wire)."""

    text: str
    status: Status
    reason: str | None
    groundedness: float | None
    claims: tuple[ClaimVerdict, ...]
    citations: tuple[NumberedPassage, ...]
    invalid_citations: tuple[int, ...]
    raw_text: str | None
    model: str | None
    passages_considered: int
    answerability: Answerability | None
    policy: Policy
    thresholds: Thresholds
    backend: str
    collection: str
    collection_version: int
    timings: Mapping[str, float]
    trace_id: str
    passages: tuple[Passage, ...] = ()
    conflicts: tuple[ConflictingSources, ...] = ()  # sources that disagree with what the answer states

    def __post_init__(self) -> None:
        _freeze(self)

    @property
    def answered(self) -> bool:
        return self.status in ("answered", "partial")

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "status": self.status,
            "reason": self.reason,
            "groundedness": self.groundedness,
            "claims": [c.to_dict() for c in self.claims],
            "citations": [c.to_dict() for c in self.citations],
            "invalid_citations": list(self.invalid_citations),
            "raw_answer": self.raw_text,
            "model": self.model,
            "passages_considered": self.passages_considered,
            "answerability": self.answerability.to_dict() if self.answerability is not None else None,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "policy": self.policy,
            "thresholds": self.thresholds.to_dict(),
            "backend": self.backend,
            "collection": self.collection,
            "collection_version": self.collection_version,
            "timings": dict(self.timings),
            "trace_id": self.trace_id,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Answer:
        """Read back from the wire (`/v1/answer`'s body): an eval run against a service at a URL."""
        judged = d.get("answerability")
        return cls(
            text=d["answer"],
            status=d["status"],
            reason=d.get("reason"),
            groundedness=d.get("groundedness"),
            claims=tuple(ClaimVerdict.from_dict(c) for c in d.get("claims") or ()),
            citations=tuple(NumberedPassage.from_dict(c, d["collection"]) for c in d.get("citations") or ()),
            invalid_citations=tuple(d.get("invalid_citations") or ()),
            raw_text=d.get("raw_answer"),
            model=d.get("model"),
            passages_considered=d["passages_considered"],
            answerability=Answerability(
                judged["score"], judged["threshold"], judged["passage"], tuple(judged.get("unknown_names") or ())
            )
            if judged
            else None,
            policy=d["policy"],
            thresholds=Thresholds.from_dict(d["thresholds"]),
            backend=d["backend"],
            collection=d["collection"],
            collection_version=d["collection_version"],
            timings=d.get("timings") or {},
            trace_id=d["trace_id"],
            conflicts=tuple(ConflictingSources.from_dict(c) for c in d.get("conflicts") or ()),
        )


@dataclass(frozen=True, slots=True)
class VerifiedAnswer:
    """A caller's own answer checked against passages (`/v1/verify`): the verdicts, the answer after the
    policy, and the passages it was checked against (numbered from 1)."""

    text: str
    status: Status
    reason: str | None
    groundedness: float | None
    unsupported: int
    errors: int
    claims: tuple[ClaimVerdict, ...]
    passages: tuple[Passage, ...]
    thresholds: Thresholds
    timings: Mapping[str, float]

    def __post_init__(self) -> None:
        _freeze(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "status": self.status,
            "reason": self.reason,
            "groundedness": self.groundedness,
            "unsupported": self.unsupported,
            "errors": self.errors,
            "claims": [c.to_dict() for c in self.claims],
            "passages": numbered(self.passages),
            "thresholds": self.thresholds.to_dict(),
            "timings": dict(self.timings),
        }
