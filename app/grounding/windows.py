"""Evidence windows: which sentences the entailment model reads for one claim.

The first stage is cheap. Every evidence sentence is scored against the claim by the cosine of their
MiniLM vectors (already computed for retrieval and cached) plus the share of the claim's content words
it holds. The best ones, up to a token budget, form the window, put back into document order, so that
support spread over two or three sentences (a condition in one, the figure in the next) is read
together. Pure functions: the verifier and the training script build windows the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LEXICAL_WEIGHT = 0.3
MAX_SENTENCES = 4


def sentence_scores(
    claim_vec: np.ndarray,
    claim_terms: frozenset[str],
    sentence_vecs: np.ndarray,
    sentence_terms: Sequence[frozenset[str]],
) -> np.ndarray:
    """Relevance of each sentence to the claim: cosine + LEXICAL_WEIGHT x share of claim terms held."""
    if len(sentence_terms) == 0:
        return np.zeros(0, dtype=np.float64)
    cos = np.asarray(sentence_vecs @ claim_vec, dtype=np.float64)
    if not claim_terms:
        return cos
    held = np.array([len(claim_terms & t) for t in sentence_terms], dtype=np.float64) / len(claim_terms)
    return cos + LEXICAL_WEIGHT * held


def choose_window(
    scores: np.ndarray,
    tokens: Sequence[int],
    budget: int,
    max_sentences: int = MAX_SENTENCES,
    previous: Sequence[int | None] | None = None,
) -> list[int]:
    """Indices of the window's sentences in document order: the best-scoring ones while they fit in
    `budget` word pieces (the best one always, however long). `previous[i]` is the sentence before i in
    its passage (None at a passage start): when room is left, the best sentence's predecessor joins,
    since it often holds the subject a pronoun refers to ("It costs $15 a month")."""
    if len(scores) == 0:
        return []
    order = [int(i) for i in np.argsort(-scores, kind="stable")]
    chosen = [order[0]]
    used = tokens[order[0]]
    for i in order[1:]:
        if len(chosen) >= max_sentences:
            break
        if used + tokens[i] <= budget:
            chosen.append(i)
            used += tokens[i]
    if previous is not None and len(chosen) < max_sentences:
        before = previous[order[0]]
        if before is not None and before not in chosen and used + tokens[before] <= budget:
            chosen.append(before)
    return sorted(chosen)
