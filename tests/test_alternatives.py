"""Swapped members of a closed set (`app/grounding/alternatives.py`): a plan, billing period, app,
direction or weekday that the closest evidence sentence states in place of the claim's is found; the
same member in other words, or stated by another sentence of the window, is not."""

from __future__ import annotations

import pytest

from app.grounding.alternatives import swapped_alternatives
from app.llm.question_shape import variant_names

PLANS = frozenset({"Free", "Personal", "Business", "Enterprise"})
DISCOUNT = "Registered non-profit organisations receive a 30% discount on the Business plan when it is billed annually."

CASES = [
    # (claim, window sentences closest first, swapped)
    ("Non-profits get 30% off Business on monthly billing.", [DISCOUNT], ["monthly"]),
    ("Non-profits get 30% off Business when they pay yearly.", [DISCOUNT], []),
    ("Non-profits get 30% off Business when they pay for a year at a time.", [DISCOUNT], []),
    ("Non-profits get 30% off Enterprise when they pay yearly.", [DISCOUNT], ["Enterprise"]),
    (
        "SAML is offered on Business and Enterprise.",
        ["SAML single sign-on is on the Enterprise plan only."],
        ["Business"],
    ),
    ("SAML is offered on Enterprise only.", ["SAML single sign-on is on the Enterprise plan only."], []),
    (
        "On Free and Personal, the Insights tab covers 90 days.",
        ["On Business and Enterprise, the Insights tab shows views in the last 90 days."],
        ["Free", "Personal"],
    ),
    ("Chat runs Monday through Saturday.", ["Chat support runs Monday to Friday, 07:00 to 19:00 UTC."], ["saturday"]),
    ("Chat runs Monday to Friday.", ["Chat support runs Monday to Friday, 07:00 to 19:00 UTC."], []),
    (
        "Up to 50 people can edit at once in the desktop app.",
        ["Up to 50 people can edit a document at once in the web editor."],
        ["desktop"],
    ),
    (
        "Larkbox may use 75% of your download bandwidth.",
        ["Automatic uses up to 75% of your available upload bandwidth."],
        ["download"],
    ),
    # another sentence of the window states the claim's member: the model reads which thing it is about
    (
        "Larkbox may use 75% of your download bandwidth.",
        ["Automatic uses up to 75% of your upload bandwidth.", "Downloads are never limited."],
        [],
    ),
    # a claim that denies members agrees with a sentence naming the others
    (
        "Storage packs aren't sold to Personal or Free accounts.",
        ["Storage packs are available on the Business plan."],
        [],
    ),
    # the closest sentence states no member of the set: nothing to swap
    ("It works on the mobile app.", ["It works everywhere."], []),
    ("It is included with Personal.", ["Every plan includes it."], []),
]


@pytest.mark.parametrize(("claim", "ranked", "swapped"), CASES, ids=[c[0][:40] for c in CASES])
def test_swapped_alternatives(claim: str, ranked: list[str], swapped: list[str]) -> None:
    assert swapped_alternatives(claim, ranked, PLANS) == swapped


def test_plans_are_the_passages_own() -> None:
    assert variant_names(["The Free plan and the Business plan.", "Personal and Team plans"]) == {
        "Free",
        "Business",
        "Personal",
        "Team",
    }
