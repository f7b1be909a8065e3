"""What a question asks for, read from its words: variants (plans) learnt from the passages, how-to,
quantities, and the parts of a question that asks two things."""

from __future__ import annotations

import pytest

from app.llm import question_shape as shape

PASSAGES = [
    "SAML single sign-on is not available on the Free, Personal or Business plans.",
    "On the Enterprise plan, the API rate limit is 6,000 requests per minute.",
    "The Pro tier adds version history.",
]


def test_variant_names_are_learnt_from_the_text() -> None:
    assert shape.variant_names(PASSAGES) == {"Free", "Personal", "Business", "Enterprise", "Pro"}
    assert shape.variant_names(["The plan renews monthly.", "All plans include the app."]) == set()
    # A button's label before "subscription" names an act, not a plan.
    buttons = ["Click **Cancel subscription**, or **Resume subscription** to undo it.", "The Business subscription."]
    assert shape.variant_names(buttons) == {"Business"}


@pytest.mark.parametrize(
    ("sentence", "asked", "off"),
    [
        ("Enterprise customers get support 24 hours a day.", {"Business"}, True),
        ("Business customers get support on weekdays.", {"Business"}, False),
        ("Rewind is not available on the Free and Personal plans.", {"Personal"}, False),
        ("Support answers within a day.", {"Business"}, False),  # names no plan: not about another one
        ("PayPal is accepted for the Personal plan only.", {"Business"}, False),  # a restriction answers it
        ("Enterprise customers get support 24 hours a day.", set(), False),  # the question names none
    ],
)
def test_off_variant(sentence: str, asked: set[str], off: bool) -> None:
    names = shape.variant_names(PASSAGES)
    assert shape.off_variant(sentence, frozenset(asked), names) is off


@pytest.mark.parametrize(
    ("question", "howto"),
    [
        ("How do I switch on two-step verification?", True),
        ("What are the steps to set up SAML single sign-on?", True),
        ("How can an admin require expiring links?", True),
        ("How much does the Business plan cost?", False),
        ("Is Rewind included with Personal?", False),
        ("I forgot my password. How do I reset it?", True),  # asked in its second sentence
        ("I want to leave the folder but keep the files. How?", True),
        ("I paid twice. Is that how it works?", False),
    ],
)
def test_is_howto(question: str, howto: bool) -> None:
    assert shape.is_howto(question) is howto


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("How many devices can be linked on the Free plan?", True),
        ("When did the old 3.x desktop app stop syncing?", True),
        ("What's the allowed range when an admin requires shared links to expire?", True),
        ("What is the maximum file size on Business?", True),
        ("Does Larkbox have a dark mode?", False),
    ],
)
def test_asks_quantity(question: str, quantity: bool) -> None:
    assert shape.asks_quantity(question) is quantity


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "For an Enterprise integration, what's our API rate limit, and how fast must our webhook endpoint reply?",
            ["For an Enterprise integration, what's our API rate limit", "how fast must our webhook endpoint reply"],
        ),
        (
            "How long is the Business trial and how many people can join it?",
            ["How long is the Business trial", "how many people can join it"],
        ),
        (
            "What is the maximum file size on the Business plan?",
            ["What is the maximum file size on the Business plan?"],
        ),
        ("Can I pay by card and by invoice?", ["Can I pay by card and by invoice?"]),
    ],
)
def test_parts(question: str, parts: list[str]) -> None:
    assert shape.parts(question) == parts
