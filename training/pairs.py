"""From examples to the (claim side, evidence side) text pairs the support model reads, with evidence
windows chosen exactly as the verifier chooses them at serving time (`app.grounding.windows`)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.grounding.crossencoder import claim_side, evidence_side
from app.grounding.facts import analyze
from app.grounding.windows import choose_window, sentence_scores
from ingestion.embedder import Embedder
from training.examples import Example


@dataclass(frozen=True, slots=True)
class Pair:
    claim: str  # the claim side, canonical
    evidence: str  # the evidence side, canonical
    label: int
    source: str
    group: str
    kind: str


def to_pairs(examples: Sequence[Example], embedder: Embedder, budget: int, rng: random.Random) -> list[Pair]:
    """Each example's window: all its evidence when it fits in `budget` word pieces (at most 4
    sentences), else the sentences the first stage would pick for the claim."""
    sentences = sorted({s for ex in examples for s in ex.evidence})
    tokens = dict(zip(sentences, _count(embedder, sentences), strict=True))
    needs = {ex for ex in examples if len(ex.evidence) > 4 or sum(tokens[s] for s in ex.evidence) > budget}
    vectors: dict[str, np.ndarray] = {}
    if needs:
        texts = sorted({s for ex in needs for s in ex.evidence} | {_similarity(ex) for ex in needs})
        for k in range(0, len(texts), 512):
            batch = texts[k : k + 512]
            vectors.update(zip(batch, embedder.embed(batch), strict=True))
    out = []
    for ex in examples:
        window = list(ex.evidence)
        if ex in needs:
            # Budgets vary a little, so that the model does not learn one window size.
            b = int(budget * rng.uniform(0.6, 1.2))
            scores = sentence_scores(
                vectors[_similarity(ex)],
                analyze(_similarity(ex)).bag,
                np.vstack([vectors[s] for s in ex.evidence]),
                [analyze(s).bag for s in ex.evidence],
            )
            previous = [None, *range(len(ex.evidence) - 1)]
            picked = choose_window(scores, [tokens[s] for s in ex.evidence], b, previous=previous)
            window = [ex.evidence[i] for i in picked]
        out.append(
            Pair(
                claim=claim_side(ex.claim, ex.question),
                evidence=evidence_side([(ex.heading, s) for s in window]),
                label=ex.label,
                source=ex.source,
                group=ex.group,
                kind=ex.kind,
            )
        )
    return out


def _similarity(ex: Example) -> str:
    return f"{ex.question} {ex.claim}".strip() if ex.question else ex.claim


def _count(embedder: Embedder, texts: list[str]) -> list[int]:
    out: list[int] = []
    for k in range(0, len(texts), 2048):
        out.extend(embedder.count_tokens(texts[k : k + 2048]))
    return out
