"""Figures a claim works out from stated ones (`app/grounding/arithmetic.py`): right results are worked
out, wrong results and results from unstated operands are not."""

from __future__ import annotations

import pytest

from app.grounding.arithmetic import listed_counts, worked_out
from app.grounding.quantities import quantities

CASES = [
    # (claim, evidence, question, the claim's figures excused: worked out, then the question's counts and
    # calendar counts the work used)
    ("20 users at 5 TB each make 100 TB.", "Each user adds 5 TB to the pool.", "A team of 20 users?", ["100 TB", "20"]),
    ("20 users at 5 TB each make 120 TB.", "Each user adds 5 TB to the pool.", "A team of 20 users?", []),
    ("20 users at 6 TB each make 120 TB.", "Each user adds 5 TB to the pool.", "A team of 20 users?", []),
    (
        "You'd have 63 TB: 12 users at 5 TB each give 60 TB, and the three 1 TB packs add 3 TB.",
        "Each user adds 5 TB. Extra packs of 1 TB cost $8 per month.",
        "12 members and 3 extra packs",
        ["60 TB", "3 TB", "63 TB", "12", "3"],
    ),
    ("At $8 each, the three packs come to $24 a month.", "Packs cost $8 per month.", "We buy 3 packs.", ["$24", "3"]),
    ("At $8 each, the three packs come to $30 a month.", "Packs cost $8 per month.", "We buy 3 packs.", []),
    # The work is not shown (no $8 in the claim): the total is not worked out from the claim's figures.
    ("The three packs come to $24 a month.", "Packs cost $8 per month.", "We buy 3 packs.", []),
    (
        "Twelve payments of $9.99 add up to $119.88, $20.88 more than $99.",
        "$9.99 per month or $99 per year.",
        "",
        ["$119.88", "$20.88", "12"],
    ),
    (
        "Twelve payments of $9.99 add up to $119.88, $19.88 more than $99.",
        "$9.99 per month or $99 per year.",
        "",
        [
            "$119.88",
            "12",
        ],
    ),
    (
        "$120,000 divided by 12 is $10,000, and 50% of that is $5,000.",
        "50% of monthly fees.",
        "We pay $120,000.",
        [
            "$10000",
            "$5000",
            "12",
        ],
    ),
    (
        "Twelve downloads of a 100 GB file add up to 1.2 TB.",
        "1 TB per day.",
        "A 100 GB file, 12 times?",
        ["1.2 TB", "12"],
    ),
    (
        "60 days before 1 September 2027 is 3 July 2027.",
        "At least 60 days before renewal.",
        "On 1 September 2027?",
        ["3 July 2027"],
    ),
    ("14 days after 3 March is 17 March.", "A grace period of up to 14 days.", "I did it on 3 March.", ["17 March"]),
    ("14 days after 3 March is 18 March.", "A grace period of up to 14 days.", "I did it on 3 March.", []),
    # The unit written once: on the result, or on the operands.
    ("Trial 14 days, then read-only 30 days: 14 + 30 = 44 days.", "14 days. 30 days.", "", ["44 days"]),
    ("Kept 30 days; you deleted it 25 days ago, so 5 more days.", "Kept for 30 days.", "Deleted 25 days ago?", ["5"]),
    # Nothing worked out: no calendar count is excused on its own, nor a figure of no step.
    ("You pay 12 times a year.", "Billed monthly.", "", []),
    ("The trial lasts 30 days for 10 users.", "The trial lasts 14 days for up to 10 users.", "", []),
]


@pytest.mark.parametrize(("claim", "evidence", "question", "excused"), CASES, ids=[c[0][:40] for c in CASES])
def test_worked_out(claim: str, evidence: str, question: str, excused: list[str]) -> None:
    asked = quantities(question)
    stated = (*quantities(evidence), *(q for q in asked if q.dimension != "number"))
    worked = worked_out([claim], stated, [q for q in asked if q.dimension == "number"])
    assert [q.text for q in (*worked.results, *worked.operands)] == excused


def test_only_the_claims_own_figures_take_part() -> None:
    # 60 + 8 = 68 among the page's figures, but the claim shows no such step: 68 TB stays unexcused.
    stated = quantities("Each user adds 5 TB; 12 users give 60 TB. Packs cost $8 and hold 1 TB.")
    assert worked_out(["You have 68 TB in total."], stated).excused == ()


@pytest.mark.parametrize(
    ("claim", "excused"),
    [
        ("20 users at 5 TB each make 100 TB.", ["100 TB", "20"]),
        # The question's 20 is the team's size; nothing here is worked out with it.
        ("You also get 20 extra storage packs.", []),
    ],
)
def test_a_count_from_the_question_is_excused_only_as_an_operand(claim: str, excused: list[str]) -> None:
    worked = worked_out([claim], quantities("Each user adds 5 TB."), quantities("A team of 20 users?"))
    assert [q.text for q in (*worked.results, *worked.operands)] == excused


def test_a_stated_figure_the_work_gives_is_restated_not_a_result() -> None:
    # A page states $300 (for something else); the answer works it out: excused from the misquote check,
    # but not a result that needs no model.
    stated = quantities("$15 per user per month, or $150 per user per year. Setup costs $300.")
    worked = worked_out(
        ["Paying annually saves $300.", "10 users cost $15 for 12 months, $1,800, or $150 each, $1,500."],
        stated,
        quantities("A 10-person team?"),
    )
    assert [q.text for q in worked.results] == ["$1800", "$1500"]
    assert "$300" in [q.text for q in worked.restated]


@pytest.mark.parametrize(
    ("claim", "counted"),
    [
        (
            "In eight languages: English, German, French, Spanish, Italian, Dutch, Portuguese and Japanese.",
            ["8"],
        ),
        (
            "In seven languages: English, German, French, Spanish, Italian, Dutch, Portuguese and Japanese.",
            [],
        ),
        ("Two ways: the web app or the mobile app.", ["2"]),
        ("There are 3 plans.", []),
    ],
)
def test_listed_counts(claim: str, counted: list[str]) -> None:
    assert [q.text for q in listed_counts([claim])] == counted
