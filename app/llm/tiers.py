"""The row of a table of ranges that a figure in the question falls in (pure).

"We're on Enterprise and uptime last month was 99.3%. What credit do we get?" is answered by one row of
the Enterprise table of service credits ("Less than 99.5% but at least 99.0%: 25% of monthly fees"),
which a PDF's text gives as one long run of rows under each plan's heading. The extractive backend quotes
the table; this finds the row and says it, with the plan and the question's figure ("On Enterprise, 99.3%
is less than 99.5% but at least 99.0%: 25% of monthly fees."), so that the reader need not, and the
verifier reads that line against the table like any claim.

Only for a question that gives exactly one percentage and names at most one plan, and only rows written
"Less than A% but at least B% C% of <what>" or "Less than B% C% of <what>", under "<Plan> plan ...:" when
the table has more than one plan's rows (then only the asked plan's rows).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from app.grounding.ranges import Row, rows
from app.llm.billing import money

# "pays $150 a month", "We pay $120,000 a year": the fee a share of monthly fees is taken of
_FEE = re.compile(r"([$€£])(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)\s+(?:a|per|each)\s+(month|year)\b", re.I)
_ASKED = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)%")


def row_for(question: str, asked: frozenset[str], texts: Sequence[str]) -> tuple[Row, str, int] | None:
    """The row the question's one percentage falls in, among the first of `texts` holding rows of ranges
    (those of the asked plan when the table names plans), with the figure as the question writes it and the
    text's index; None otherwise."""
    figures = _ASKED.findall(question)
    if len(figures) != 1 or len(asked) > 1:
        return None
    x = float(figures[0])
    for i, text in enumerate(texts):
        found = rows(text)
        if not found:
            continue
        plans = {r.plan for r in found if r.plan}
        if len(plans) > 1:
            found = [r for r in found if r.plan in asked]
        hits = [r for r in found if r.holds(x)]
        # the narrowest range: "less than 99.0%" is also true of 97%, but "less than 99.0% but at least 95.0%" says more
        hits.sort(key=lambda r: r.below - (r.at_least if r.at_least is not None else -1000.0))
        return (hits[0], f"{figures[0]}%", i) if hits else None
    return None


def credit_lines(question: str, row: Row) -> list[str]:
    """A share of monthly fees in money, when the question gives its fee ("pays $150 a month": "10% × $150 =
    $15."; "pay $120,000 a year": "$120,000 / 12 = $10,000." then "50% × $10,000 = $5,000.")."""
    fees = _FEE.findall(question)
    if len(fees) != 1 or row.of != "monthly fees":
        return []
    currency, amount, period = fees[0]
    fee = Decimal(amount.replace(",", ""))
    lines = []
    if period.lower() == "year":
        monthly = fee / 12
        lines.append(f"{currency}{amount} / 12 = {money(currency, monthly)}.")
    else:
        monthly = fee
    share = Decimal(row.value.rstrip("%")) / 100
    lines.append(f"{row.value} × {money(currency, monthly)} = {money(currency, monthly * share)}.")
    return lines
