"""What paying monthly instead of annually costs over a year, worked out from the prices a sentence gives.

"How much more does Personal cost over a year if I pay monthly instead of annually?" is answered by
"$9.99 per month or $99 per year" and twelve months: the extractive backend quotes the sentence and adds
the work, shown ("12 × $9.99 per month = $119.88 per year." then "$119.88 per year - $99 per year = $20.88
per year."), which the local verifier checks (`grounding.arithmetic`: a product of a figure and counts,
then a difference of two figures the answer worked out). Prices per user need the team's size from the
question ("a 10-person Business team"). Only when the question compares the two ways of paying (it names
both and asks what is saved, or how much more or less), and only from one sentence that gives exactly one
price per month and one per year, both per user or neither: two sentences may be about two plans.

Pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from app.llm.composition import question_count

_COMPARES = re.compile(r"\b(?:save|saves|saving|savings|more|less|cheaper|difference)\b", re.IGNORECASE)
_MONTHLY = re.compile(r"\bmonth(?:ly)?\b", re.IGNORECASE)
_YEARLY = re.compile(r"\b(?:annual(?:ly)?|year(?:ly)?)\b", re.IGNORECASE)
# "$15 per user per month", "$99 per year", "$9.99 a month": a price, for one user or not, per period.
_PRICE = re.compile(
    r"([$€£])(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?)\s+(?:per|a)\s+(?:(user|seat|member)\s+per\s+)?(month|year)\b",
    re.IGNORECASE,
)


def money(currency: str, value: Decimal) -> str:
    """ "$1,800", "$119.88", "$99": cents only when there are some."""
    return f"{currency}{value:,.0f}" if value == value.to_integral_value() else f"{currency}{value:,.2f}"


def billing_difference(question: str, sentences: Sequence[str]) -> tuple[list[str], int] | None:
    """The lines of work comparing a year paid monthly with one paid annually, and the index of the sentence
    that gives the two prices; None when the question compares nothing or no one sentence gives both."""
    if not (_COMPARES.search(question) and _MONTHLY.search(question) and _YEARLY.search(question)):
        return None
    for i, sentence in enumerate(sentences):
        prices = list(_PRICE.finditer(sentence))
        monthly = [m for m in prices if m.group(4).lower() == "month"]
        yearly = [m for m in prices if m.group(4).lower() == "year"]
        if len(monthly) != 1 or len(yearly) != 1:
            continue
        month, year = monthly[0], yearly[0]
        if bool(month.group(3)) != bool(year.group(3)) or month.group(1) != year.group(1):
            return None
        work = _work(question, month, year)
        return (work, i) if work else None
    return None


def _work(question: str, month: re.Match[str], year: re.Match[str]) -> list[str]:
    currency = month.group(1)
    per_month, per_year = (Decimal(m.group(2).replace(",", "")) for m in (month, year))
    count = 1
    if month.group(3):  # per user: the team's size must come from the question
        counted = question_count(question)
        if counted is None:
            return []
        count = counted[0]
    paid_monthly, paid_yearly = per_month * 12 * count, per_year * count
    difference = paid_monthly - paid_yearly
    if difference <= 0:
        return []
    a_month, a_year = (money(currency, v) for v in (per_month, per_year))
    over_months, over_year, saved = (money(currency, v) for v in (paid_monthly, paid_yearly, difference))
    if count == 1:
        lines = [f"12 × {a_month} per month = {over_months} per year."]
    else:
        lines = [
            f"{count:,} × 12 × {a_month} per month = {over_months} per year.",
            f"{count:,} × {a_year} per year = {over_year} per year.",
        ]
    return [*lines, f"{over_months} per year - {over_year} per year = {saved} per year."]
