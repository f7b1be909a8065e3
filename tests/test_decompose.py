"""Claims cut into atomic facts only where a new clause clearly starts (pure; table tests)."""

from __future__ import annotations

import pytest

from app.grounding.decompose import atomic_facts


@pytest.mark.parametrize(
    ("claim", "facts"),
    [
        (
            "A Business team needs a minimum of three users and can't exceed 300.",
            ["A Business team needs a minimum of three users.", "A Business team can't exceed 300."],
        ),
        (
            "You can trial Business for two weeks with ten users, and you don't need a credit card.",
            ["You can trial Business for two weeks with ten users.", "You don't need a credit card."],
        ),
        (
            "Admins can reset passwords and members can only view files.",
            ["Admins can reset passwords.", "Members can only view files."],
        ),
        (
            "Refunds take 5 days; the Free plan has no refunds.",
            ["Refunds take 5 days.", "The Free plan has no refunds."],
        ),
        # a verb-first clause continues the nearest subject, not the claim's first one
        (
            "You don't need to uninstall 3.x first; the installer replaces it and keeps your settings.",
            ["You don't need to uninstall 3.x first; the installer replaces it.", "The installer keeps your settings."],
        ),
        # a base-form verb after a singular subject is an instruction, not that subject's act; after a
        # modal it continues the modal
        (
            "The app restores only one file at a time, so use the web for folders.",
            ["The app restores only one file at a time.", "Use the web for folders."],
        ),
        (
            "The password must be 12 characters or longer and include a symbol.",
            ["The password must be 12 characters or longer.", "The password include a symbol."],
        ),
        # never cut: lists of nouns, ranges, pronouns that refer back, short pieces, an aside in brackets
        (
            "Pick a role: Editor or Viewer (Editors can add, edit and delete files).",
            ["Pick a role: Editor or Viewer (Editors can add, edit and delete files)."],
        ),
        ("Pro and Business include version history.", ["Pro and Business include version history."]),
        ("It supports between 3 and 300 users.", ["It supports between 3 and 300 users."]),
        ("The trial lasts 14 days and it is free.", ["The trial lasts 14 days and it is free."]),
        (
            "SSO isn't part of Business; you need Enterprise for it.",
            ["SSO isn't part of Business; you need Enterprise for it."],
        ),
        ("Fast and simple.", ["Fast and simple."]),
        ("Two weeks.", ["Two weeks."]),
    ],
)
def test_atomic_facts(claim: str, facts: list[str]) -> None:
    assert atomic_facts(claim) == facts
