"""Numbers, durations, times and money compared by value, in any spelling (pure; table tests)."""

from __future__ import annotations

import pytest

from app.grounding.quantities import canonical, missing_quantities, quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a trial of two weeks", "a trial of 14 days"),
        ("a 2-week trial", "a 14-day trial"),
        ("up to ten users", "up to 10 users"),
        ("twenty-one people", "21 people"),
        ("no one knows", "no one knows"),  # "one" alone stays a word: often a pronoun
        ("one of the admins", "one of the admins"),
        ("open 7am to 7pm", "open 07:00 to 19:00"),
        ("from 9:30 PM", "from 21:30"),
        ("until noon", "until 12:00"),
        ("at 7:00", "at 07:00"),
        ("1,000 GB", "1000 GB"),
        ("$15.00 a month", "$15 a month"),
        ("15 USD per month", "$15 per month"),
        ("10 euros", "€10"),
        ("30 percent off", "30% off"),
        ("refunds within 48 hours", "refunds within 2 days"),
        ("replies within 4 hours", "replies within 4 hours"),
        ("within a day", "within 1 day"),
        ("$5 a month", "$5 a month"),  # a rate, not a duration
        ("Error LB-403", "Error LB-403"),
    ],
)
def test_canonical(text: str, expected: str) -> None:
    assert canonical(text) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a 14-day trial for 10 users", [(20160.0, "time"), (10.0, "number")]),
        ("two weeks", [(20160.0, "time")]),
        ("7am to 7pm", [(420.0, "clock"), (1140.0, "clock")]),
        ("$9.99 per month", [(9.99, "money:$")]),
        ("1.5 TB", [(1.5e6, "bytes")]),
        ("30% off", [(30.0, "percent")]),
        ("error LB-403 and v2", []),
        ("3 million users", [(3e6, "number")]),
    ],
)
def test_quantities(text: str, values: list[tuple[float, str]]) -> None:
    assert [(pytest.approx(q.value), q.dimension) for q in quantities(text)] == values


@pytest.mark.parametrize(
    ("claim", "evidence", "missing"),
    [
        ("A two-week trial for ten users.", "The trial lasts 14 days and allows up to 10 users.", []),
        ("A three-week trial.", "The trial lasts 14 days.", ["21-day"]),
        ("Support is open 07:00 to 19:00.", "Support hours are 7am to 7pm.", []),
        ("Support opens at 8am.", "Support hours are 7am to 7pm.", ["08:00"]),
        ("It costs 15 USD a month.", "The price is $15 per month.", []),
        ("Up to 10 users.", "Teams of 10 users or fewer.", []),
        ("Version 2 is current.", "Version 3, rather than version 2, is current.", []),
        ("30% off for non-profits.", "a 30 percent discount", []),
        ("30% off for non-profits.", "a 20 percent discount", ["30%"]),
    ],
)
def test_missing_quantities(claim: str, evidence: str, missing: list[str]) -> None:
    assert [q.text for q in missing_quantities(claim, evidence)] == missing
