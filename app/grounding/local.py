"""The default verifier: every claim of an answer, cut into its atomic facts, is read together with the
evidence sentences that bear on it by a cross-encoder that judges entailment (`crossencoder.py`).

Per verification:
1. Claims (`claims.py`) and their facts (`decompose.py`).
2. First stage (`windows.py`): each fact is scored against every evidence sentence by MiniLM cosine
   (vectors shared with retrieval's cache) plus word overlap; the best sentences within a token budget
   form its window, in document order, under their passage's heading.
3. A fact copied word for word from one evidence sentence is supported without a model call
   (`rules.py`), and so is a short one stating only a result the answer works out ("100 TB.").
   Every other (fact, window) pair is read by the entailment model, in one batch per verification;
   logits are cached by pair text.
4. The rules of `rules.py` cap its probability: a figure no passage states in any spelling (not one the
   question gives, nor one the answer works out from stated figures and shows the work for,
   `arithmetic.py`: "20 users at 5 TB each make 100 TB"), a figure, plan or billing period its closest
   sentence states otherwise, a name or code no passage writes, a near copy of a sentence with its
   polarity flipped or a name changed: what the model reads least reliably.
5. A claim's probability is its weakest fact's; its evidence is every sentence its facts were judged on.
   The same judgement on the claim's own cited passages says whether its citations support it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from app.grounding.arithmetic import listed_counts, worked_out
from app.grounding.claims import AnswerSegment, parse_answer
from app.grounding.crossencoder import CrossEncoder, cached_logits, claim_side, evidence_side
from app.grounding.decompose import atomic_facts
from app.grounding.facts import TextFacts, analyze
from app.grounding.quantities import canonical, quantities
from app.grounding.ranges import placed_in_row
from app.grounding.rules import (
    MISSING_NUMBER_CAP,
    VERBATIM_PROB,
    WORKED_OUT_PROB,
    copy_in,
    plain_spelling,
    rule_reason,
    shows_work,
    states_a_result,
)
from app.grounding.verifier import (
    ClaimVerdict,
    Evidence,
    EvidenceSentence,
    FactVerdict,
    Verification,
    passage_sentences,
)
from app.grounding.windows import choose_window, sentence_scores
from app.llm.question_shape import variant_names
from app.retrieval.passages import Passage
from app.settings import VerifierSettings
from ingestion.embedder import CachedEmbedder, Embedder, TextLRU

# A window sentence is shown as evidence when its first-stage relevance is within this of the best one's:
# the window may carry context the model read but that says nothing about the claim.
EVIDENCE_MARGIN = 0.25


@dataclass(frozen=True, slots=True)
class _Evidence:
    """The evidence sentences of one verification, with what the first stage needs of each."""

    sentences: list[EvidenceSentence]
    vecs: np.ndarray
    facts: list[TextFacts]  # of each sentence, cached by text
    tokens: list[int]
    previous: list[int | None]  # the sentence before each in its passage
    text: str  # all of them, canonical: where a fact's figures must be found
    plain: list[str]  # each, as `plain_spelling` spells it: what a copy is looked for in
    plans: frozenset[str]  # the plan, tier or edition names the passages use

    def named(self, among: Sequence[int], question: str | None) -> tuple[str, frozenset[str]]:
        """What a fact's names must be found in (`names.missing_names`): the whole passages that hold the
        sentences `among` (code lines and table rows too), their titles and headings, and the question
        (the asker's own words), with their word stems."""
        passages = {id(self.sentences[j].passage): self.sentences[j].passage for j in among}.values()
        text = " ".join(f"{p.title or ''} {p.heading or ''} {p.text}" for p in passages) + " " + (question or "")
        return text, analyze(text).bag


@dataclass(frozen=True, slots=True)
class _Judged:
    """One fact against one set of sentences: its probability, window (sentence indices) and reason."""

    prob: float
    window: tuple[tuple[int, float], ...]  # (sentence index, first-stage relevance), most relevant first
    reason: str | None


class LocalVerifier:
    """Entailment over evidence windows, on CPU; no network. Safe to share between threads."""

    def __init__(
        self,
        embedder: Embedder,
        settings: VerifierSettings | None = None,
        model: CrossEncoder | None = None,
        cache_size: int = 20_000,
    ) -> None:
        # Evidence sentences recur across answers: their vectors are cached by text (the service passes
        # the CachedEmbedder it shares with the extractive backend).
        self.embedder = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder, cache_size)
        self.settings = settings or VerifierSettings()
        self.model = model or CrossEncoder(
            adapter_path=self.settings.model_file, dtype=self.settings.dtype, threads=None, int8=self.settings.int8
        )
        self.logit_cache: TextLRU[float] = TextLRU(cache_size)

    def verify(
        self, answer: str, passages: Sequence[Passage], question: str | None = None, threshold: float | None = None
    ) -> Verification:
        t0 = time.perf_counter()
        claims = parse_answer(answer, n_passages=len(passages)).claims
        if not claims:
            return Verification.from_claims([])
        cut = self.settings.threshold if threshold is None else threshold
        sentences = passage_sentences(passages)
        if not sentences:
            return Verification.from_claims([_no_passages(seg) for seg in claims])
        texts = [s.text for s in sentences]
        plain = [plain_spelling(t) for t in texts]  # once: every fact is looked for in them
        # A claim copied from one sentence is supported whole: cutting it would only make facts to judge.
        probe = [
            (k, f)
            for k, seg in enumerate(claims)
            for f in ([seg.clean] if copy_in(plain_spelling(seg.clean), plain) is not None else atomic_facts(seg.clean))
        ]
        t1 = time.perf_counter()
        vecs = self.embedder.embed(texts + [_similarity(f, claims[k], question) for k, f in probe])
        ev = _Evidence(
            sentences=sentences,
            vecs=vecs[: len(sentences)],
            facts=[analyze(t) for t in texts],
            tokens=self.embedder.count_tokens(texts),
            previous=_previous(sentences),
            text=canonical(" ".join(texts)),
            plain=plain,
            plans=variant_names(p.text for p in passages),
        )
        t2 = time.perf_counter()
        jobs: list[tuple[tuple[int, str], list[int]]] = []  # ((fact index, "all" | "cited"), candidates)
        for i, (k, _) in enumerate(probe):
            jobs.append(((i, "all"), list(range(len(sentences)))))
            cited = set(claims[k].citations)
            if cited:
                jobs.append(((i, "cited"), [j for j, s in enumerate(sentences) if s.n in cited]))
        judged, model_ms = self._judge(jobs, probe, claims, question, ev, vecs[len(sentences) :])
        verdicts = [self._claim(k, seg, probe, judged, sentences, cut) for k, seg in enumerate(claims)]
        t3 = time.perf_counter()
        timings = {
            "parse_ms": (t1 - t0) * 1000,
            "embed_ms": (t2 - t1) * 1000,
            "windows_ms": (t3 - t2) * 1000 - model_ms,
            "model_ms": model_ms,
        }
        return replace(Verification.from_claims(verdicts), timings={k: round(v, 2) for k, v in timings.items()})

    def _claim(
        self,
        k: int,
        seg: AnswerSegment,
        probe: list[tuple[int, str]],
        judged: dict[tuple[int, str], _Judged],
        sentences: list[EvidenceSentence],
        cut: float,
    ) -> ClaimVerdict:
        """A claim's verdict from its facts': the weakest decides; the evidence is all of theirs."""
        idx = [i for i, (kk, _) in enumerate(probe) if kk == k]
        facts = [self._fact(probe[i][1], judged[(i, "all")], sentences, cut) for i in idx]
        prob = min(judged[(i, "all")].prob for i in idx)
        ok = prob >= cut
        cited = [judged[(i, "cited")].prob for i in idx if (i, "cited") in judged]
        reason = None
        if not ok:
            bad = [f for f in facts if not f.supported]
            reason = bad[0].reason if len(bad) == len(facts) else "part_not_supported"
        return ClaimVerdict(
            text=seg.text,
            start=seg.start,
            end=seg.end,
            label="supported" if ok else "unsupported",
            supported=ok,
            score=round(prob, 4),
            citations=seg.citations,
            citations_support=(min(cited) >= cut) if cited else None,
            invalid_citations=seg.invalid_citations,
            evidence=_merge_evidence(facts),
            reason=reason,
            facts=facts if len(facts) > 1 else [],
        )

    def _judge(
        self,
        jobs: list[tuple[tuple[int, str], list[int]]],
        probe: list[tuple[int, str]],
        claims: Sequence[AnswerSegment],
        question: str | None,
        ev: _Evidence,
        fact_vecs: np.ndarray,
    ) -> tuple[dict[tuple[int, str], _Judged], float]:
        """Every job's window and probability; the model reads all uncached pairs in one batch. Returns
        the judgements and the model's time in ms."""
        out: dict[tuple[int, str], _Judged] = {}
        # Each job's readings: its window, and its most relevant sentences alone. The model reads a lone
        # sentence most reliably (most of its training pairs are one sentence), and a window when support is
        # spread; a fact is as supported as its best reading.
        readings: dict[
            tuple[int, str], tuple[list[tuple[tuple[str, str], tuple[tuple[int, float], ...]]], str | None]
        ] = {}
        plain_facts = [plain_spelling(f) for _, f in probe]  # a fact has up to two jobs (all, cited): spelled once
        # Figures the question gives are the asker's, not invented by the answer: one with a unit ("deleted
        # 25 days ago") as it stands, a bare count ("a team of 20") where the answer works something out
        # with it. With the evidence's, they are what the answer may work a total, share or date out from.
        asked = quantities(question or "")
        measured = [q for q in asked if q.dimension != "number"]
        worked = worked_out(
            [seg.clean for seg in claims],
            (*quantities(ev.text), *measured),
            [q for q in asked if q.dimension == "number"],
        )
        excused = (*worked.excused, *measured, *listed_counts([seg.clean for seg in claims]))
        named: dict[tuple[int, ...], tuple[str, frozenset[str]]] = {}  # by candidates: all, or cited ones
        for key, cand in jobs:
            i = key[0]
            fact = probe[i][1]
            if not cand:
                out[key] = _Judged(0.0, (), "citations_hold_no_sentences")
                continue
            scores = sentence_scores(fact_vecs[i], analyze(fact).bag, ev.vecs[cand], [ev.facts[j].bag for j in cand])
            local_prev = [_local(ev.previous[j], cand) for j in cand]
            picked = choose_window(
                scores, [ev.tokens[j] for j in cand], self.settings.window_tokens, previous=local_prev
            )
            ranked = tuple(sorted(((cand[w], round(float(scores[w]), 4)) for w in picked), key=lambda x: -x[1]))
            window = sorted(cand[w] for w in picked)
            # A copy of any sentence it may rest on, not only of the window's: a short step ("Sign in when
            # prompted") can lose its window to longer sentences that share its words.
            source = copy_in(plain_facts[i], [ev.plain[j] for j in cand])
            if source is not None:
                out[key] = _Judged(VERBATIM_PROB, ((cand[source], round(float(scores[source]), 4)),), None)
                continue
            scope = ev.text if key[1] == "all" else canonical(" ".join(ev.sentences[j].text for j in cand))
            # A figure placed in a row of a table of ranges: the model supports any row; the table decides.
            placed = placed_in_row(fact, (ev.sentences[j].text for j in cand))
            if placed is not None:
                why = None if placed else "number_differs_from_evidence"
                out[key] = _Judged(WORKED_OUT_PROB if placed else MISSING_NUMBER_CAP, ranked, why)
                continue
            if states_a_result(fact, worked.results) or shows_work(fact, (*excused, *asked), scope):
                out[key] = _Judged(WORKED_OUT_PROB, ranked, None)
                continue
            side = claim_side(fact, question, claims[probe[i][0]].context)
            options = [(side, evidence_side([(_heading(ev.sentences[j]), ev.sentences[j].text) for j in window]))]
            shown = [ranked]
            if len(window) > 1:
                for j, sc in ranked[: self.settings.sentence_readings]:
                    options.append((side, evidence_side([(_heading(ev.sentences[j]), ev.sentences[j].text)])))
                    shown.append(((j, sc),))
            reason = rule_reason(
                fact,
                scope,
                [(ev.sentences[j].text, sc) for j, sc in ranked],
                ev.plans,
                partial(_named, named, ev, cand, question),
                [ev.facts[j] for j in cand],
                excused,
                [_heading(ev.sentences[j]) or "" for j, _ in ranked],
            )
            readings[key] = (list(zip(options, shown, strict=True)), reason)
        pairs = list(dict.fromkeys(p for opts, _ in readings.values() for p, _ in opts))
        t = time.perf_counter()
        logits, read = cached_logits(self.model, self.logit_cache, pairs)
        model_ms = (time.perf_counter() - t) * 1000 if read else 0.0
        probs = dict(zip(pairs, self.model.probability(logits).tolist(), strict=True))
        for key, (opts, reason) in readings.items():
            prob, best = max(((probs[p], w) for p, w in opts), key=lambda x: x[0])
            out[key] = _Judged(min(prob, MISSING_NUMBER_CAP) if reason else prob, best, reason)
        return out, model_ms

    def _fact(self, fact: str, j: _Judged, sentences: list[EvidenceSentence], cut: float) -> FactVerdict:
        ok = j.prob >= cut
        return FactVerdict(
            text=fact,
            label="supported" if ok else "unsupported",
            supported=ok,
            score=round(j.prob, 4),
            evidence=[_evidence(sentences[w], score) for w, score in _shown(j.window)],
            reason=None if ok else (j.reason or "not_entailed"),
        )


def _named(
    memo: dict[tuple[int, ...], tuple[str, frozenset[str]]], ev: _Evidence, cand: list[int], question: str | None
) -> tuple[str, frozenset[str]]:
    key = tuple(cand)
    if key not in memo:
        memo[key] = ev.named(cand, question)
    return memo[key]


def _similarity(fact: str, seg: AnswerSegment, question: str | None) -> str:
    """A short answer ("Two weeks.") means little alone: the first stage reads it with its question and
    list lead-in."""
    return " ".join(p for p in (question or "", seg.context, fact) if p).strip()


def _heading(s: EvidenceSentence) -> str | None:
    return s.passage.heading or s.passage.title or None


def _previous(sentences: list[EvidenceSentence]) -> list[int | None]:
    """The index of the sentence before each one in the same passage (None at a passage start)."""
    return [j - 1 if j > 0 and sentences[j - 1].n == s.n else None for j, s in enumerate(sentences)]


def _local(j: int | None, cand: list[int]) -> int | None:
    return cand.index(j) if j is not None and j in cand else None


def _shown(window: tuple[tuple[int, float], ...]) -> list[tuple[int, float]]:
    if not window:
        return []
    best = window[0][1]
    return [(w, sc) for w, sc in window if sc >= best - EVIDENCE_MARGIN]


def _evidence(s: EvidenceSentence, score: float) -> Evidence:
    return Evidence(s.n, s.passage.chunk_id, s.passage.doc_id, s.start, s.end, s.text, score)


def _merge_evidence(facts: list[FactVerdict]) -> list[Evidence]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for f in facts:
        for e in f.evidence:
            if (e.doc_id, e.start, e.end) not in seen:
                seen.add((e.doc_id, e.start, e.end))
                out.append(e)
    return out


def _no_passages(seg: AnswerSegment) -> ClaimVerdict:
    return ClaimVerdict(
        text=seg.text,
        start=seg.start,
        end=seg.end,
        label="unsupported",
        supported=False,
        score=0.0,
        citations=seg.citations,
        citations_support=False if seg.citations else None,
        invalid_citations=seg.invalid_citations,
        reason="no_passages",
    )
