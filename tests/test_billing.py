"""A year paid monthly against one paid annually, worked out from the two prices a sentence gives (pure
table tests)."""

from __future__ import annotations

import pytest

from app.llm.billing import billing_difference

PERSONAL = "The Personal plan costs $9.99 per month or $99 per year."
BUSINESS = "The Business plan costs $15 per user per month, or $150 per user per year when billed annually."


@pytest.mark.parametrize(
    ("question", "sentences", "work"),
    [
        ("How much more does Personal cost over a year if I pay monthly instead of annually?", ["Other.", PERSONAL],
         (["12 × $9.99 per month = $119.88 per year.", "$119.88 per year - $99 per year = $20.88 per year."], 1)),
        # prices per user: the team's size from the question
        ("How much does a 10-person Business team save per year by paying annually instead of monthly?", [BUSINESS],
         (["10 × 12 × $15 per month = $1,800 per year.", "10 × $150 per year = $1,500 per year.",
           "$1,800 per year - $1,500 per year = $300 per year."], 0)),
        ("How much does a Business team save by paying annually instead of monthly?", [BUSINESS], None),  # no size
        ("How much does Personal cost per month?", [PERSONAL], None),  # compares nothing
        ("Do I save by paying annually?", [PERSONAL], None),  # names one way of paying only
        # two sentences, maybe two plans: no one sentence gives both prices
        ("How much do I save a year paying annually instead of monthly?",
         ["Personal costs $9.99 per month.", "Business costs $150 per user per year."], None),
        # one price per user and one not: not comparable
        ("How much more per year if I pay monthly instead of annually?",
         ["Seats cost $15 per user per month; storage packs $99 per year."], None),
    ],
)  # fmt: skip
def test_billing_difference(question: str, sentences: list[str], work: tuple[list[str], int] | None) -> None:
    assert billing_difference(question, sentences) == work
