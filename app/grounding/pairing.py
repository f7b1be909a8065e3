"""A figure given to the wrong plan (pure): "Business keeps audit log events for 730 days, whereas
Enterprise keeps them for 90 days" against "The audit log keeps events for 90 days on Business and 730 days
on Enterprise".

The entailment model reads such a claim as a paraphrase: both figures and both plans are in the window it
reads, and only which goes with which is wrong. `conflicting_quantities` does not see it (each figure is
stated), nor does `swapped_alternatives` (each plan is stated). So both sides are read as pairs of a plan
and a figure: each clause (cut at commas, semicolons, "and", "but", "whereas", "while"; plans named
together stay together) that names plans and states figures with a unit pairs them; a clause that names
no plan takes its sentence's one plan, else its heading's. A fact's pair (plan, figure) is given to the
wrong plan when the window pairs that figure with other plans only, and pairs the fact's plan with another
figure of the same kind. A fact that negates is left to the model ("unlike Enterprise, Business does not
keep them for 730 days").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.grounding.quantities import Quantity, quantities
from app.llm.question_shape import named

_NEGATES = re.compile(r"\b(?:not|no|never|cannot|without|except|unlike)\b|n't\b", re.I)
_PLANS_AT_LARGE = re.compile(r"\b(?:other|every|all|each|any)\s+(?:\w+\s+)?(?:plans?|tiers?)\b", re.I)
# A plan's name in its common use ("Personal data", "Business hours", "Free up space") names no plan.
_COMMON_USE = r"(?=\s+(?:data|information|details|hours?|days?|e-?mail|address|space|up|of|use|purposes?|time)\b)"
_CLAUSE = re.compile(r"[,;]\s*|\s+\b(?:and|but|whereas|while)\b\s+", re.I)


def pairs(text: str, plans: frozenset[str], heading: str = "") -> list[tuple[str, Quantity]]:
    """(plan, figure) for each figure with a unit that a clause of `text` states about a plan, or about
    plans named together ("Business and Enterprise customers get 30 days' notice": both)."""
    names = "|".join(re.escape(p) for p in sorted(plans))
    text = re.sub(rf"\b(?:{names}){_COMMON_USE}", lambda m: m.group().lower(), text)
    whole = named(text, plans)
    default = whole if len(whole) == 1 else frozenset()
    if not whole and heading:
        above = named(heading, plans)
        default = above if len(above) == 1 else frozenset()
    joined = re.sub(rf"\b(?:{names})(?:(?:,\s*|,?\s+(?:and|or)\s+)(?:{names})\b)+", _join, text)
    out = []
    for clause in _CLAUSE.split(joined):
        groups = [g for g in re.findall(r"[A-Z][\w+]*", clause) if named(g.replace("+", " "), plans)]
        if len(groups) > 1:
            continue  # "Personal keeps them for 30 days rather than Business's 180": which figure is whose
        general = _PLANS_AT_LARGE.search(clause)  # "and all other plans get 90 days": not the sentence's plan
        for plan in named(groups[0].replace("+", " "), plans) if groups else (frozenset() if general else default):
            out += [(plan, q) for q in quantities(clause) if q.dimension != "number"]
    return out


def _join(m: re.Match[str]) -> str:
    """ "Business and Enterprise" -> "Business+Enterprise": one clause, whatever the clause cut."""
    return "+".join(re.findall(r"[A-Z]\w*", m.group()))


def figure_of_another_plan(
    fact: str, window: Sequence[tuple[str, str]], plans: frozenset[str], excused: Sequence[Quantity] = ()
) -> list[Quantity]:
    """The fact's figures that the window (sentence, heading pairs) gives to another plan than the one the
    fact gives them to, while it gives the fact's plan another figure of the same kind. `excused` figures
    (given by the question, worked out by the answer) are not checked."""
    if not plans or _NEGATES.search(fact):
        return []
    said = pairs(fact, plans)
    if not said:
        return []
    known = [p for text, heading in window for p in pairs(text, plans, heading)]
    out = []
    for plan, figure in said:
        if any(figure.matches(e) for e in excused):
            continue
        holders = {p for p, q in known if figure.matches(q)}
        others = [q for p, q in known if p == plan and q.dimension == figure.dimension and not figure.matches(q)]
        if holders and plan not in holders and others:
            out.append(figure)
    return out
