"""Alternatives a claim swaps (pure): a plan, billing period, app, weekday or direction that the
closest evidence sentence states in place of the claim's.

Help-centre facts hang on small closed sets: which plan (Free, Personal, Business), monthly or annual
billing, the web, desktop or mobile app, upload or download, which weekdays. A claim that swaps one
member for another ("a 30% discount on monthly billing" against "... when it is billed annually") reads
to the entailment model as a paraphrase: the sentence shares every other word. As `conflicting_quantities`
does for figures, the claim's member must be stated by one of its closest sentences when the closest
one states another member of the same set. The plans are the passages' own (`variant_names`: a
capitalised name right before "plan", "tier" or "edition"), so the rule follows the knowledge base.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.llm.question_shape import named

# Each set: member -> how it is written. A member matches any of its spellings, as whole words.
SETS: tuple[dict[str, str], ...] = (
    {
        "monthly": r"monthly|(?:per|a|each|every|/)\s?month|month-to-month|month by month",
        "annual": r"annual|annually|yearly|(?:per|a|each|every|/)\s?year|year by year",
    },
    {
        "web": r"web(?:site| app| browser)?|(?:a|your|the) browser|online at",
        "desktop": r"desktop(?: app)?|computer app",
        "mobile": r"mobile(?: app)?|phone app|ios|android",
    },
    {"upload": r"upload(?:s|ed|ing)?", "download": r"download(?:s|ed|ing)?"},
    {day: day + "s?" for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")},
)
# A claim that denies members ("packs aren't sold to Personal or Free accounts") agrees with a sentence
# that names the others ("packs are available on Business"): only an affirmed member can be swapped.
_NEGATES = re.compile(r"\b(?:not|no|never|cannot|without|except)\b|n't\b", re.I)
_COMPILED = tuple({m: re.compile(rf"\b(?:{p})\b", re.I) for m, p in s.items()} for s in SETS)


def _members(text: str, patterns: dict[str, re.Pattern[str]]) -> set[str]:
    return {m for m, p in patterns.items() if p.search(text)}


def swapped_alternatives(claim: str, ranked: Sequence[str], plans: frozenset[str] = frozenset()) -> list[str]:
    """The claim's members of a closed set that none of its closest evidence sentences (`ranked`, closest
    first) states, where the closest one states members of that set: it says which ones hold, and the
    claim names another ("Business and Enterprise" against "Enterprise only"). A sentence of the window
    that states the claim's member exempts it, as for figures: the model reads which thing it belongs to.
    A claim that negates is left to the model: it may deny the members the sentence leaves out."""
    if not ranked or _NEGATES.search(claim):
        return []
    out: list[str] = []
    for patterns in _COMPILED:
        said = _members(claim, patterns)
        if said and _members(ranked[0], patterns):
            out += sorted(said - set().union(*(_members(s, patterns) for s in ranked)))
    said_plans = named(claim, plans) if plans else frozenset()
    if said_plans and named(ranked[0], plans):
        out += sorted(said_plans - frozenset().union(*(named(s, plans) for s in ranked)))
    return out
