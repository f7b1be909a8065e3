"""Numbers, durations, times and money compared by value, in any spelling (pure; table tests)."""

from __future__ import annotations

import pytest

from app.grounding.quantities import canonical, conflicting_quantities, missing_quantities, quantities


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
        ("Desktop 4.1.0 and SLA 2.1", [(0.0, "version"), (2.1, "number")]),
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
        ("Up to 300.", "At most 300 users.", []),  # a bare number is stated by the number with a unit
        # but not the other way round: a price or a size is not stated by a count
        ("You save $300 a year.", "A team can have at most 300 users.", ["$300"]),
        ("It holds 10 GB.", "Teams of 10 users.", ["10 GB"]),
        # a word between a number and its unit: "5 consecutive minutes" are minutes, business days are not days
        ("Anything shorter than five minutes.", "At least 5 consecutive minutes.", []),
        ("Within 30 days.", "Within 30 calendar days.", []),
        ("Within 10 days.", "Within 10 business days.", ["10 days"]),
        ("In the Finals seven consecutive years.", "In the Finals for the seventh consecutive year.", []),
        ("Version 2 is current.", "Version 3, rather than version 2, is current.", []),
        ("30% off for non-profits.", "a 30 percent discount", []),
        ("30% off for non-profits.", "a 20 percent discount", ["30%"]),
        # a date is one value: a changed month is caught though its day and year are stated
        ("In force since 1 June 2026.", "The policy took effect on 1 April 2026.", ["1 June 2026"]),
        ("In force since June 1, 2026.", "The policy took effect on 1st June, 2026.", []),
        ("Since 2026-06-01.", "Since 1 June 2026.", []),
        ("In force since June 2026.", "The policy took effect on 1 June 2026.", []),
        ("It took effect in 2026.", "The policy took effect on 1 April 2026.", []),
        ("It took effect on 28 April 2015.", "It took effect in April 2015.", ["28 April 2015"]),
        ("Released on November 2, 2004.", "It reached stores on Election Day, November 2.", ["November 2, 2004"]),
        ("Released on November 2, 2004.", "2004 releases. It reached stores on Election Day, November 2.", []),
        ("Released on 2 November.", "Released on November 2, 2004.", []),
        ("Released on 3 November.", "Released on November 2, 2004.", ["3 November"]),
        ("Switched off on 1 November 2026.", "API v1 is switched off on 1 December 2026.", ["1 November 2026"]),
        # a date's parts stated apart, but the page states another whole day of that month: not stated
        ("Released 2026-01-01.", "4.1.0 (released 20 January 2026). About 1 hour per file.", ["2026-01-01"]),
        ("Released 1 January 2026.", "Release notes, January 2026. Day 1 of the rollout.", []),
        # a percentage is not stated by the same digits without a percent sign
        ("The credit is 1.00% of fees.", "10% of monthly fees. Page 1 of 3", ["1%"]),
        ("Uptime of 99.9%.", "at least 99.9 percent", []),
        # a version is one value, trailing zeros aside; a shorter number names the versions it begins
        ("The SLA is version 2.1.2.", "Version 2.1 supersedes version 2.0.", ["2.1.2"]),
        ("Fixed in 4.2.2.", "Larkbox Desktop 4.2.3 fixed it.", ["4.2.2"]),
        ("LAN sync came with 4.1.", "Since version 4.1.0, LAN sync is on.", []),
        ("Desktop 4.3.0 is current.", "Larkbox Desktop 4.3 and Mobile 6.8 are current.", []),
        ("Desktop 4.3 is current.", "The current version is 4.3.2.", []),
    ],
)
def test_missing_quantities(claim: str, evidence: str, missing: list[str]) -> None:
    assert [q.text for q in missing_quantities(claim, evidence)] == missing


@pytest.mark.parametrize(
    ("claim", "ranked", "conflicting"),
    [
        # the closest sentence gives the same thing another figure (the claim's may be stated in a passage
        # outside the fact's window, about something else)
        (
            "Members get at most 30 days of grace.",
            ["Admins can give members a grace period of up to 14 days."],
            ["30 days"],
        ),
        (
            "Deleted files stay for 365 days.",
            ["On Business, deleted files can be restored for 180 days."],
            ["365 days"],
        ),
        ("Business costs $20 per user.", ["Business costs $15 per user per month.", "Exports are free."], ["$20"]),
        # a sentence of the window states it: the model reads which thing it belongs to
        ("Business costs $20 per user.", ["Business costs $15 per user per month.", "Pro costs $20."], []),
        # stated by the closest sentence, in any spelling: no conflict
        ("The grace period is two weeks.", ["Members get a grace period of up to 14 days."], []),
        # the closest sentence states no value of that dimension: missing_quantities decides, not this
        ("Exports take 3 days.", ["Exports are emailed when ready.", "Imports take 2 days."], []),
        # bare numbers are not compared by slot
        ("Up to 25 members.", ["Up to 10 members and 3 guests."], []),
        ("Anything.", [], []),
        # nor dates: missing_quantities catches a date no passage states
        ("End of life was 30 September 2026.", ["Desktop 3.x reached end of life on 30 June 2026."], []),
    ],
)
def test_conflicting_quantities(claim: str, ranked: list[str], conflicting: list[str]) -> None:
    assert [q.text for q in conflicting_quantities(claim, ranked)] == conflicting


@pytest.mark.parametrize(
    ("claim", "evidence", "missing"),
    [
        # a bare number is stated by the same number written with a unit, not the other way round
        ("Retries come 3, 7 and 14 days after.", "Retries come 3 days, 7 days and 14 days after.", []),
        ("It holds 10 GB.", "It holds 10 users.", ["10 GB"]),
        ("Page 1%.", "Page 1 of 3.", ["1%"]),
        ("Answer with a 2xx status.", "Respond with an HTTP 200 status.", []),  # a status class, no figure
    ],
)
def test_a_bare_number_and_the_same_number_with_a_unit(claim: str, evidence: str, missing: list[str]) -> None:
    assert [q.text for q in missing_quantities(claim, evidence)] == missing
