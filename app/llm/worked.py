"""The lines of work the extractive backend adds to its quotes: what the question asks for that no passage
states, worked out from what the quoted sentences state, each shown after the sentence it rests on and
verified like any claim (`grounding.equations`, `grounding.ranges`).

In order: a year paid monthly against one paid annually (`billing`); else a total for the team the question
gives, or the least total for the smallest team a passage allows (`composition`); a date moved from the
question's (`dates`); the row of a table of ranges the question's percentage falls in (`tiers`, from a
quoted table, else from one of the passages, which is then quoted too), and its share of the fee the
question gives; a rate scaled to the count the question gives (`rates`); how far that count falls short of a
minimum (`shortfall`); the fewest things of a stated largest size that hold the question's size
(`rounding`); the time left of a period (`dates`). Never from a sentence about another plan than the one
asked about.

Pure functions over the backend's candidate sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.llm import billing, composition, dates, rates, rounding, shortfall, tiers
from app.llm import question_shape as shape
from app.llm.candidates import CandidateSentence


@dataclass(frozen=True, slots=True)
class Work:
    lines: list[tuple[str, int]] = field(default_factory=list)  # (line, index of the quote it follows)
    table: CandidateSentence | None = None  # a table to quote after the others (index len(quoted))


def worked_lines(
    question: str,
    quoted: Sequence[CandidateSentence],
    cands: Sequence[CandidateSentence],
    plans: tuple[frozenset[str], frozenset[str]],
) -> Work:
    """The lines of work for `question` over the `quoted` sentences (and, for the least total's smallest team
    and a table of ranges, the other `cands`), with the plan names used and asked (`plans`)."""
    names, asked = plans
    usable = ["" if shape.off_variant(c.text, asked, names) else c.text for c in quoted]
    added: list[tuple[str, int]] = []
    compared = billing.billing_difference(question, usable)
    product = None if compared else composition.product(question, usable)
    if compared is not None:
        added += [(line, compared[1]) for line in compared[0]]
    elif product is not None:
        added += [(line, product[1]) for line in product[0].sentences(question, usable)]
    else:  # "the least a Business team can cost": the smallest team its passage allows, quoted with the work
        nearby = [[o.text for o in cands if o.n == c.n and not shape.off_variant(o.text, asked, names)] for c in quoted]
        least = composition.least_total(question, usable, nearby)
        if least is not None:
            total, i, minimum = least
            if minimum is not None and minimum not in (c.text for c in quoted):
                added.append((minimum, i))
            added += [(line, i) for line in total.sentences(question, usable)]
    added += [(shift.sentence(), i) for shift, i in dates.date_shifts(question, usable)]
    table = None
    tier = tiers.row_for(question, asked, usable)
    at = tier[2] if tier is not None else None
    if tier is None:
        tier = tiers.row_for(question, asked, [c.text for c in cands])
        if tier is not None:
            table, at = cands[tier[2]], len(quoted)
    if tier is not None and at is not None:  # the row, and what its share of the question's fee comes to
        added += [(line, at) for line in (tier[0].sentence(tier[1]), *tiers.credit_lines(question, tier[0]))]
    for line in (
        rates.scaled_rate(question, usable),
        shortfall.shortfall(question, usable),
        rounding.fewest(question, usable),
    ):
        if line is not None:
            added.append(line)
    left = dates.time_left(question, usable)
    if left is not None:
        added.append((left[0].sentence(), left[1]))
    return Work(added, table)
