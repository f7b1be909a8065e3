"""Pure feature extraction: how well a claim is covered by evidence sentences.

Every feature is a rate or a flag about *content* (which numbers, names, dates, negations, quantity
words and content words of the claim the evidence has), never about the claim's length or shape:
a detector that learns "long answers are wrong" detects nothing. A question (or a list lead-in)
only widens the text used for similarity; numbers, names and coverage are checked on the claim alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from app.grounding.facts import TextFacts, negation_mismatch

FEATURE_NAMES: tuple[str, ...] = (
    "sim_max",  # cosine of (context + claim) to its most similar evidence sentence
    "sim_top2",  # mean cosine of the two most similar sentences
    "cov_pool",  # share of the claim's content words found anywhere in the evidence
    "cov_window",  # … found in the best three sentences
    "cov_sentence",  # … found in one single sentence (the best one)
    "pair_cooc",  # share of adjacent pairs of the claim's found words that meet in one evidence sentence
    "pair_near",  # … that stand within NEAR content words of each other in one evidence sentence
    "anchor",  # for new words of an answer: how much of the question their best sentence shares
    "num_missing",  # a figure of the claim (price, size, year) is absent from the evidence
    "num_conflict",  # a claim number is absent from the best sentences, which give another number
    "date_missing",  # share of months, weekdays and years absent from the evidence
    "ent_missing",  # a capitalised name of the claim is absent from the evidence
    "ent_missing_window",  # … absent from the best three sentences
    "neg_mismatch",  # a word the claim shares with its best-aligned sentence is negated in only one
    "quant_missing",  # share of quantity words (all, only, at least, …) absent from the best sentences
)
WINDOW = 3
NEAR = 3


def _near(f: TextFacts, a: str, b: str) -> bool:
    pa, pb = f.positions.get(a, ()), f.positions.get(b, ())
    return any(abs(i - j) <= NEAR for i in pa for j in pb)


def _anchor(novel: frozenset[str], context: TextFacts | None, pool: EvidencePool) -> float:
    """How much of the question the evidence sentences that mention the answer's new words cover,
    averaged over those words. A right answer sits beside the facts the question names (across the
    hops of a multi-hop question, hence the union of its sentences); a wrong name that merely occurs
    elsewhere in the evidence does not."""
    if context is None or not novel:
        return 1.0
    asked = context.bag | context.numbers
    if not asked:
        return 1.0
    shares = []
    for w in novel & pool.content:  # words the evidence lacks are the coverage features' business
        seen: set[str] = set()
        for i in pool.where.get(w, frozenset()):
            seen |= pool.facts[i].bag | pool.facts[i].numbers
        shares.append(len(asked & seen) / len(asked))
    return float(np.mean(shares)) if shares else 1.0


def _share_missing(needed: Iterable[str], have: Iterable[str] | frozenset[str] | set[str]) -> float:
    items = set(needed)
    if not items:
        return 0.0
    pool = have if isinstance(have, (set, frozenset)) else set(have)
    return len(items - pool) / len(items)


@dataclass(frozen=True, slots=True)
class EvidencePool:
    """All evidence sentences of one verification, with an inverted index word → sentences."""

    facts: Sequence[TextFacts]
    vectors: np.ndarray  # (n_sentences, dim), L2-normalised
    content: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]
    where: dict[str, frozenset[int]]

    @classmethod
    def build(cls, facts: Sequence[TextFacts], vectors: np.ndarray) -> EvidencePool:
        where: dict[str, set[int]] = {}
        for i, f in enumerate(facts):
            for w in f.content:
                where.setdefault(w, set()).add(i)
        return cls(
            facts=facts,
            vectors=vectors,
            content=frozenset(where),
            numbers=frozenset().union(*(f.numbers for f in facts)) if facts else frozenset(),
            dates=frozenset().union(*(f.dates for f in facts)) if facts else frozenset(),
            where={w: frozenset(s) for w, s in where.items()},
        )


def rank_sentences(claim: TextFacts, claim_vec: np.ndarray, pool: EvidencePool) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence (cosine, content coverage) for one claim."""
    sims = pool.vectors @ claim_vec if len(pool.facts) else np.zeros(0, dtype=np.float32)
    need = claim.bag
    cover = np.array([len(need & f.bag) / len(need) if need else 0.0 for f in pool.facts], dtype=np.float32)
    return sims, cover


def claim_features(
    claim: TextFacts,
    claim_vec: np.ndarray,
    pool: EvidencePool,
    context: TextFacts | None = None,
) -> tuple[np.ndarray, list[int], np.ndarray]:
    """The feature vector (FEATURE_NAMES order), evidence sentence indices best first, and their scores."""
    n = len(pool.facts)
    sims, cover = rank_sentences(claim, claim_vec, pool)
    score = 0.5 * (sims + cover)
    order = np.argsort(-score, kind="stable")
    window = [int(i) for i in order[:WINDOW]]
    win_facts = [pool.facts[i] for i in window]
    win_content = frozenset().union(*(f.content for f in win_facts))
    win_numbers = frozenset().union(*(f.numbers for f in win_facts))
    win_quant = frozenset().union(*(f.quantities for f in win_facts))

    need = claim.bag
    top_sims = np.sort(sims)[::-1] if n else np.zeros(1, dtype=np.float32)
    novel = need - (context.bag if context else frozenset())
    # Relations among the words the evidence has; words it lacks are the coverage features' business.
    found = [w for w in claim.content if w in pool.content]
    pairs = {(a, b) for a, b in pairwise(found) if a != b}
    met = near = 0
    for a, b in pairs:
        both = pool.where.get(a, frozenset()) & pool.where.get(b, frozenset())
        met += bool(both)
        near += any(_near(pool.facts[i], a, b) for i in both)
    # The claim is aligned with its best-covering sentence; when several cover it equally, one that
    # states it without a negation conflict is enough ("not to be confused with the barn in X" does
    # not contradict "X", which another sentence states plainly).
    if n:
        best = np.flatnonzero(cover >= cover.max() - 1e-6)
        negation = min(negation_mismatch(claim, pool.facts[int(i)]) for i in best)
    else:
        negation = bool(claim.negated)
    conflict = bool(claim.figures - win_numbers) and bool(win_numbers - claim.numbers)

    vec = np.array(
        [
            float(top_sims[0]),
            float(top_sims[:2].mean()),
            1.0 - _share_missing(need, pool.content) if need else 1.0,
            1.0 - _share_missing(need, win_content) if need else 1.0,
            (float(cover.max()) if n else 0.0) if need else 1.0,
            met / len(pairs) if pairs else 1.0,
            near / len(pairs) if pairs else 1.0,
            _anchor(novel, context, pool),
            float(bool(claim.figures - pool.numbers)),
            float(conflict),
            _share_missing(claim.dates, pool.dates),
            float(bool(claim.entities - pool.content)),
            float(bool(claim.entities - win_content)),
            float(negation),
            _share_missing(claim.quantities, win_quant),
        ],
        dtype=np.float32,
    )
    return vec, window, score[window]
