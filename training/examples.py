"""The training example of the support model, and the split and balance rules every source goes through.

An example is a claim, the evidence it is judged against (one or several sentences, in document order),
and whether that evidence supports it. `group` names the document or item it came from: splits are by
group, so that no document is in both the fitting and the calibration split.
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


@dataclass(frozen=True, slots=True)
class Example:
    claim: str
    evidence: tuple[str, ...]  # sentences in document order; several when support may be spread
    label: int  # 1: the evidence supports the claim; 0: it does not (contradicts or does not say)
    source: str  # the dataset, e.g. "sick", "squad2-qa", "helpcentre"
    group: str  # document or item id: splits never cut a group
    question: str | None = None  # what the claim answers, when it is an answer
    heading: str | None = None  # the heading path the evidence sits under
    kind: str = ""  # finer type inside a source, e.g. "number" for a swapped figure


def held_out(group: str, share: float, salt: str = "calibration") -> bool:
    """Whether a group falls in the held-out share: a stable hash, independent of order and of the
    other groups, so adding data never moves an old group between splits."""
    digest = hashlib.sha1(f"{salt}:{group}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def split(examples: Iterable[Example], share: float) -> tuple[list[Example], list[Example]]:
    fit: list[Example] = []
    cal: list[Example] = []
    for ex in examples:
        (cal if held_out(f"{ex.source}:{ex.group}", share) else fit).append(ex)
    return fit, cal


def dedupe(examples: Iterable[Example]) -> list[Example]:
    """One example per (claim, evidence, question); a pair labelled both ways is dropped altogether."""
    seen: dict[tuple[str, tuple[str, ...], str | None], Example | None] = {}
    for ex in examples:
        key = (ex.claim.strip().lower(), tuple(e.strip().lower() for e in ex.evidence), ex.question)
        if key in seen:
            prior = seen[key]
            if prior is not None and prior.label != ex.label:
                seen[key] = None
            continue
        seen[key] = ex
    return [ex for ex in seen.values() if ex is not None]


class _Labelled(Protocol):
    @property
    def label(self) -> int: ...


T = TypeVar("T", bound=_Labelled)


def balance(examples: Sequence[T], cap: int, rng: random.Random) -> list[T]:
    """At most `cap` examples, classes as even as the source allows (the minority class kept whole up
    to half the cap), sampled without replacement."""
    by_label: dict[int, list[T]] = defaultdict(list)
    for ex in examples:
        by_label[ex.label].append(ex)
    pos, neg = by_label[1], by_label[0]
    half = cap // 2
    n_pos = min(len(pos), max(half, cap - len(neg)))
    n_neg = min(len(neg), cap - n_pos)
    return rng.sample(pos, n_pos) + rng.sample(neg, n_neg)
