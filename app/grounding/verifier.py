"""The Verifier seam and the default local verifier: every claim of an answer gets a calibrated support
probability, a label, the best evidence sentences with their document spans, and a check of its own
citations. Runs on CPU on every answer: one embedding call per verification, evidence sentences cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from app.grounding.claims import Segment, parse_answer, split_sentences
from app.grounding.facts import TextFacts, analyze
from app.grounding.features import FEATURE_NAMES, EvidencePool, claim_features
from app.grounding.model import Regime, SupportModel, regime_of
from app.retrieval.passages import Passage
from app.settings import VerifierSettings
from ingestion.embedder import Embedder, TextLRU

Label = Literal["supported", "unsupported", "error"]
MAX_EVIDENCE = 3


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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d


@dataclass(frozen=True, slots=True)
class Verification:
    claims: list[ClaimVerdict]
    groundedness: float | None
    unsupported: int
    errors: int

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
        spans = p.sentence_texts() or [
            (p.start + s, p.start + e, p.text[s:e]) for s, e in split_sentences(p.text, glued=True)
        ]
        for s, e, text in spans:
            if text.strip() and (p.doc_id, s, e) not in seen:
                seen.add((p.doc_id, s, e))
                out.append(EvidenceSentence(n, p, s, e, text))
    return out


def passages_from_text(
    text: str, doc_id: str | None = None, per_passage: int = 5, spans: Sequence[tuple[int, int]] | None = None
) -> list[Passage]:
    """Cut a raw text (a chatbot's own context, a public benchmark's source) into passages of a few
    sentences with document offsets, so it can be verified against like retrieved chunks."""
    doc_id = doc_id or "sha1:" + hashlib.sha1(text.encode()).hexdigest()[:16]
    spans = list(spans) if spans is not None else split_sentences(text, glued=True)
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


class LocalVerifier:
    """Features + a small calibrated model over the MiniLM encoder; no network, a few ms per claim."""

    def __init__(
        self,
        embedder: Embedder,
        settings: VerifierSettings | None = None,
        model_params: SupportModel | Path | str | None = None,
        cache_size: int = 20_000,
    ) -> None:
        self.embedder = embedder
        self.settings = settings or VerifierSettings()
        self.model = model_params if isinstance(model_params, SupportModel) else SupportModel.load(model_params)
        # Evidence sentences recur across answers: their vectors and facts are kept by text.
        self.cache: TextLRU[tuple[np.ndarray, TextFacts]] = TextLRU(cache_size)

    def verify(
        self, answer: str, passages: Sequence[Passage], question: str | None = None, threshold: float | None = None
    ) -> Verification:
        claims = parse_answer(answer, n_passages=len(passages)).claims
        if not claims:
            return Verification.from_claims([])
        cut = self.settings.threshold if threshold is None else threshold
        batch = self.featurize(claims, passages, question)
        probs = self.model.predict(batch.rows, batch.regime)
        cited = self._citation_support(claims, batch, cut)
        verdicts = []
        for i, seg in enumerate(claims):
            p = float(probs[i])
            ok = p >= cut
            evidence = [
                Evidence(s.n, s.passage.chunk_id, s.passage.doc_id, s.start, s.end, s.text, round(sc, 4))
                for s, sc in ((batch.sentences[j], sc) for j, sc in batch.windows[i])
            ]
            verdicts.append(
                ClaimVerdict(
                    text=seg.text,
                    start=seg.start,
                    end=seg.end,
                    label="supported" if ok else "unsupported",
                    supported=ok,
                    score=round(p, 4),
                    citations=seg.citations,
                    citations_support=cited.get(i),
                    invalid_citations=seg.invalid_citations,
                    evidence=evidence,
                    reason=None if ok else explain(batch.rows[i], bool(passages)),
                )
            )
        return Verification.from_claims(verdicts)

    def featurize(
        self, claims: Sequence[Segment], passages: Sequence[Passage], question: str | None = None
    ) -> FeatureBatch:
        """Feature rows for `claims` against all passages. One embedding call covers the claims and the
        evidence sentences not yet in the cache."""
        sentences = passage_sentences(passages)
        claim_texts = [similarity_text(seg, question) for seg in claims]
        vecs, facts = self._embed([s.text for s in sentences], claim_texts)
        ns = len(sentences)
        batch = FeatureBatch(
            sentences=sentences,
            sentence_facts=facts[:ns],
            sentence_vecs=vecs[:ns],
            claim_facts=[analyze(seg.clean) for seg in claims],
            claim_vecs=vecs[ns:],
            contexts=[_context(seg, question) for seg in claims],
            regime=regime_of(question),
        )
        pool = EvidencePool.build(batch.sentence_facts, batch.sentence_vecs)
        rows = []
        for k in range(len(claims)):
            row, window, scores = claim_features(batch.claim_facts[k], batch.claim_vecs[k], pool, batch.contexts[k])
            rows.append(row)
            batch.windows.append([(j, float(sc)) for j, sc in zip(window[:MAX_EVIDENCE], scores, strict=False)])
        batch.rows = np.vstack(rows)
        return batch

    def _citation_support(self, claims: Sequence[Segment], batch: FeatureBatch, cut: float) -> dict[int, bool]:
        """Do a claim's own cited passages support it? The same features on the cited sentences only."""
        out: dict[int, bool] = {}
        for i, seg in enumerate(claims):
            cited = set(seg.citations)
            if not cited:
                continue
            idx = [j for j, s in enumerate(batch.sentences) if s.n in cited]
            pool = EvidencePool.build([batch.sentence_facts[j] for j in idx], batch.sentence_vecs[idx])
            row, _, _ = claim_features(batch.claim_facts[i], batch.claim_vecs[i], pool, batch.contexts[i])
            out[i] = bool(self.model.predict(row, batch.regime)[0] >= cut)
        return out

    def warm(self, texts: Sequence[str], batch_size: int = 256) -> int:
        """Embed the texts not yet cached (a collection's sentences after ingestion, a training set) in
        large batches; returns how many were embedded."""
        missing = sorted({t for t in texts if self.cache.get(t) is None})
        for k in range(0, len(missing), batch_size):
            chunk = missing[k : k + batch_size]
            for t, v in zip(chunk, self.embedder.embed(chunk), strict=True):
                self.cache.put(t, (v.copy(), analyze(t)))  # a row view would pin the whole batch
        return len(missing)

    def _embed(self, sentence_texts: list[str], claim_texts: list[str]) -> tuple[np.ndarray, list[TextFacts]]:
        """Vectors for sentences then claims, and the sentences' facts; uncached texts in one call."""
        texts = sentence_texts + claim_texts
        found = [self.cache.get(t) for t in texts]
        missing = sorted({t for t, f in zip(texts, found, strict=True) if f is None})
        if missing:
            vectors = self.embedder.embed(missing)  # rows copied: a view would pin the whole batch in the cache
            fresh = {t: (v.copy(), analyze(t)) for t, v in zip(missing, vectors, strict=True)}
            for t, value in fresh.items():
                self.cache.put(t, value)
            found = [f if f is not None else fresh[t] for t, f in zip(texts, found, strict=True)]
        entries = [f for f in found if f is not None]
        vecs = np.vstack([e[0] for e in entries]).astype(np.float32, copy=False)
        return vecs, [e[1] for e in entries[: len(sentence_texts)]]


@dataclass
class FeatureBatch:
    """Everything computed for one verification: reused by the citation check and by training."""

    sentences: list[EvidenceSentence]
    sentence_facts: list[TextFacts]
    sentence_vecs: np.ndarray
    claim_facts: list[TextFacts]
    claim_vecs: np.ndarray
    contexts: list[TextFacts | None]
    regime: Regime = "free"
    rows: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    windows: list[list[tuple[int, float]]] = field(default_factory=list)


def _context(seg: Segment, question: str | None) -> TextFacts | None:
    text = f"{question or ''} {seg.context}".strip()
    return analyze(text) if text else None


def similarity_text(seg: Segment, question: str | None) -> str:
    """A short answer ("Arthur's Magazine") means little alone: similarity reads it with its question
    and list lead-in; the lexical checks read the claim alone."""
    return " ".join(p for p in (question or "", seg.context, seg.clean) if p).strip()


def explain(row: np.ndarray, has_passages: bool) -> str:
    """A short machine-readable reason for an unsupported verdict, from the decisive feature."""
    f = dict(zip(FEATURE_NAMES, row.tolist(), strict=True))
    if not has_passages:
        return "no_passages"
    for name, reason in (
        ("num_missing", "number_not_in_evidence"),
        ("num_conflict", "number_contradicted"),
        ("date_missing", "date_not_in_evidence"),
        ("ent_missing", "name_not_in_evidence"),
        ("neg_mismatch", "negation_mismatch"),
    ):
        if f[name] > 0:
            return reason
    if f["cov_pool"] < 1.0 or f["pair_cooc"] < 1.0:
        return "content_not_in_evidence"
    if f["quant_missing"] > 0:
        return "quantity_not_in_evidence"
    return "low_similarity"
