"""Lines of shown work checked as written (`app/grounding/equations.py`), and the verifier's rule that
supports a line whose arithmetic holds and whose operands are stated (`rules.shows_work`); pure table tests."""

from __future__ import annotations

import pytest

from app.grounding.equations import holds
from app.grounding.quantities import canonical, quantities
from app.grounding.rules import shows_work


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        ("For 20 users: 20 × 5 TB = 100 TB.", True),
        ("For 20 users: 20 × 5 TB = 120 TB.", False),
        ("25 days ago: 30 days - 25 days = 5 days left [1].", True),
        ("12 × $9.99 per month = $119.88 per year.", True),  # 12 times a figure per month is one per year
        ("10 × 12 × $15 per month = $1,800 per year.", True),
        ("$1,800 per year - $1,500 per year = $300 per year.", True),
        ("For 5 members: 5 × 1,200 requests per minute = 6,000 requests per minute.", True),
        ("Over a year: 12 × $1,250 per month = $15,000 per year.", True),
        ("$100 / 4 = $25.", True),
        ("10% × $150 = $15.", True),  # a share of a figure
        ("$120,000 / 12 = $10,000.", True),
        ("10% × $150 = $20.", False),
        ("99.9% - 99.5% = 0.4%.", True),
        ("60 days before 1 September 2027 is 3 July 2027.", True),
        ("24 months after 1 January 2025 is 1 January 2027.", True),
        ("14 days after 3 March is 17 March.", True),
        ("For 15 seats: 20 seats - 15 seats = 5 seats short.", True),
        ("For 1,500,000 files: 1 hour × 1,500,000 / 500,000 = 3 hours.", True),
        ("For 15 seats: 20 seats - 15 seats = 4 seats short.", False),
        ("For 15 seats: 20 seats + 15 seats = 35 seats short.", False),  # short only after a subtraction
        ("For 15 seats: 20 seats - 15 users = 5 members short.", False),  # counts of people add as themselves
        ("For 20 users: 20 users × 5 TB = 100 TB.", True),  # and multiply as numbers
        ("200 MB / 64 MB = 3.125, rounded up: 4 chunks.", True),
        ("192 MB / 64 MB = 3, rounded up: 3 chunks.", True),
        ("200 MB / 64 MB = 3.125, rounded up: 3 chunks.", False),  # not the next whole number
        ("200 MB / 64 GB = 3.125, rounded up: 4 chunks.", False),  # unlike figures
        ("The file is 200 MB / 64 MB = 3.125, rounded up: 4 chunks.", None),
        # wrong as written: the operator, the direction, the units
        ("25 days ago: 30 days + 25 days = 55 days left.", False),
        ("For 20 users: 5 TB / 20 = 100 TB.", False),
        ("60 days after 1 September 2027 is 3 July 2027.", False),
        ("12 × $9.99 per month = $119.88 per month.", True),  # the same figure: 12 months is not a unit here
        ("3 × $15 per month = $45 per year.", False),
        ("30 days - 25 GB = 5 days.", False),
        # more than work: the model's to read
        ("For 20 users on Enterprise: 20 × 5 TB = 100 TB.", None),
        ("60 days before 1 September 2027 is not 3 July 2027.", None),
        ("20 × 5 TB = 100 TB free.", None),
        ("20 users at 5 TB each is 100 TB per month.", None),
        ("You must tell us by 3 July 2027.", None),
        # a date without its year moved across February: which year decides
        ("30 days after 15 February is 17 March.", None),
    ],
)
def test_holds(line: str, verdict: bool | None) -> None:
    assert holds(line) is verdict


@pytest.mark.parametrize(
    ("fact", "evidence", "question", "shown"),
    [
        ("60 days before 1 September 2027 is 3 July 2027.", "At least 60 days before the renewal date.",
         "It renews on 1 September 2027. When?", True),
        ("25 days ago: 30 days - 25 days = 5 days left.", "Files can be restored for 30 days.",
         "I deleted it 25 days ago.", True),
        ("For 20 users: 20 × 5 TB = 100 TB.", "Each user adds 5 TB.", "A team of 20 users?", True),
        # an operand no passage states, nor the question
        ("90 days before 1 September 2027 is 3 June 2027.", "At least 60 days before the renewal date.",
         "It renews on 1 September 2027. When?", False),
        ("For 20 users: 20 × 6 TB = 120 TB.", "Each user adds 5 TB.", "A team of 20 users?", False),
        # more than work
        ("You must tell your manager by 3 July 2027.", "At least 60 days before the renewal date.",
         "It renews on 1 September 2027. When?", False),
    ],
)  # fmt: skip
def test_shows_work(fact: str, evidence: str, question: str, shown: bool) -> None:
    assert shows_work(fact, quantities(question), canonical(evidence)) is shown
