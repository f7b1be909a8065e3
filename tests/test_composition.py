"""Totals worked out from a figure a sentence gives per person (pure table tests), and the extractive
backend showing the work, which the local verifier then checks (real MiniLM and support model)."""

from __future__ import annotations

import pytest

from app.grounding.local import LocalVerifier
from app.llm import composition as comp
from app.llm.extractive import ExtractiveBackend
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from tests.support.help_centre import request_for
from tests.support.help_centre import sentence_passage as passage


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("How much total storage does a Business team of 20 users get?", (20, "users")),
        ("An internal tool is used by 5 members of our team.", (5, "members")),
        ("We have 1,200 seats. What does it cost?", (1200, "seats")),
        ("I have 3 devices linked on the Free plan.", None),  # devices are not people
        ("A team of 20 users and 3 guest members.", None),  # two counts: which one is meant is not clear
        ("Is the $15 per 1 user?", None),
    ],
)
def test_question_count(question: str, count: tuple[int, str] | None) -> None:
    assert comp.question_count(question) == count


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("On the Business plan, each user adds 5 TB to a storage pool shared by the whole team.", "5 TB"),
        # A rate's other unit goes with the figure: the total is per minute, or per month, too.
        (
            "On the Business plan, the API rate limit is 1,200 requests per minute per user.",
            "1,200 requests per minute",
        ),
        ("Business costs $15 per user per month, billed monthly.", "$15 per month"),
        ("Each user gets 30 days of version history.", None),  # time does not add up over people
        ("Each user gets 5 additional GB.", None),  # "additional" is no unit
        ("Each user gets 1 seat.", None),
        ("Shared link downloads on a Business team are limited to 1 TB of bandwidth per day.", None),  # per day
        ("On Business, each member adds 5 TB; on Enterprise, each member adds 15 TB.", None),  # two figures
        ("For example, a team of 10 users has 50 TB in total.", None),  # a total, not a figure per user
        ("Each user gets 10% off.", None),  # a share does not add up over people
        ("Each user can link 3 devices.", "3 devices"),
    ],
)
def test_per_person_figure(sentence: str, figure: str | None) -> None:
    assert comp.per_person_figure(sentence) == figure


@pytest.mark.parametrize(
    ("figure", "count", "result"),
    [("$8", 3, "$24"), ("5 TB", 20, "100 TB"), ("1,200 requests", 5, "6,000 requests"), ("$9.99", 12, "$119.88"),
     ("2.5 GB", 3, "7.5 GB"), ("1,200 requests per minute", 5, "6,000 requests per minute")],
)  # fmt: skip
def test_times(figure: str, count: int, result: str) -> None:
    assert comp.times(figure, count) == result


def test_product_needs_a_question_asking_for_an_amount() -> None:
    sentences = ["A team has 3 to 300 users.", "Each user adds 5 TB to the team's pool."]
    worked = comp.product("How much storage does a team of 20 users get?", sentences)
    assert worked is not None
    total, at = worked
    assert at == 1 and total.sentence() == "For 20 users: 20 × 5 TB = 100 TB."
    assert comp.product("Can a team of 20 users share folders?", sentences) is None


POOL = [
    passage("business", "Business plan > Storage", [
        "On the Business plan, each user adds 5 TB to a storage pool shared by the whole team.",
        "Storage packs of 1 TB can be added for $8 per month.",
    ]),
    passage("free", "Free plan > Storage", ["The Free plan includes 5 GB of storage for one user."]),
]  # fmt: skip


def test_the_backend_shows_the_work_and_the_verifier_checks_it(embedder: SentenceTransformerEmbedder) -> None:
    question = "How much total storage does a Business team of 20 users get?"
    text = ExtractiveBackend(embedder).generate(request_for(question, POOL)).text
    assert "5 TB to a storage pool shared by the whole team [1]. For 20 users: 20 × 5 TB = 100 TB [1]." in text, text
    verifier = LocalVerifier(CachedEmbedder(embedder))
    worked = [c for c in verifier.verify(text, POOL, question=question).claims if "×" in c.text]
    assert [c.label for c in worked] == ["supported"], worked
    wrong = verifier.verify(text.replace("= 100 TB", "= 120 TB"), POOL, question=question).claims
    assert [c.label for c in wrong if "×" in c.text] == ["unsupported"], wrong


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("A Business team must have at least 3 users and can have at most 300 users.", (3, "users")),
        ("The Enterprise plan requires a minimum of 50 users.", (50, "users")),
        ("Uploads must be at least 8 MB.", None),  # not a count of people
        ("At least 1 user must be an admin.", None),
    ],
)
def test_minimum_count(sentence: str, count: tuple[int, str] | None) -> None:
    assert comp.minimum_count(sentence) == count


PRICES = ["The Business plan costs $15 per user per month when billed monthly.", "Business has no trial fee."]
SIZES = [PRICES[0], "A Business team must have at least 3 users and can have at most 300 users."]


@pytest.mark.parametrize(
    ("question", "sentences", "nearby", "work", "quoted"),
    [
        # the smallest team from another sentence of the price's passage, quoted with the work
        ("What's the least a Business team can cost per month?", PRICES, [SIZES, []],
         ["For 3 users: 3 × $15 per month = $45 per month."], SIZES[1]),
        # the price and the smallest size in one sentence; a year's total when the question asks for one
        ("What is the minimum yearly cost of Enterprise at list price?",
         ["Enterprise list prices start at $25 per user per month, billed annually, with a minimum of 50 users."], [[]],
         ["For 50 users: 50 × $25 per month = $1,250 per month.",
          "Over a year: 12 × $1,250 per month = $15,000 per year."], None),
        ("What's the least a Business team can cost?", PRICES, [[], []], None, None),  # no smallest size stated
        ("What's the cost of a Business team?", PRICES, [SIZES, []], None, None),  # asks for no least
        ("What's the least a team of 5 users can cost?", PRICES, [SIZES, []], None, None),  # the question's count
        ("What is the least each user pays on Business?", PRICES, [SIZES, []], None, None),  # for one user
        # a count of some of the team is no team size
        ("What's the least a Business team can cost?", PRICES,
         [["Each team needs at least 2 members with the Owner role."], []], None, None),
    ],
)  # fmt: skip
def test_least_total(
    question: str, sentences: list[str], nearby: list[list[str]], work: list[str] | None, quoted: str | None
) -> None:
    found = comp.least_total(question, sentences, nearby)
    assert (found[0].sentences(question), found[2]) == (work, quoted) if found else work is None


def test_a_count_of_people_is_no_figure_per_person() -> None:
    # "50 users" is what "$25 per user" is multiplied by
    assert (
        comp.per_person_figure("Prices start at $25 per user per month, with a minimum of 50 users.") == "$25 per month"
    )


TEAM = [
    passage("business", "Business plan > Price and team size", [
        "The Business plan costs $15 per user per month when billed monthly.",
        "A Business team must have at least 3 users and can have at most 300 users.",
        "Teams that need more than 300 users should move to the Enterprise plan.",
    ]),
    passage("free", "Free plan > Storage", ["The Free plan includes 5 GB of storage for one user."]),
]  # fmt: skip


def test_the_backend_works_out_the_least_total(embedder: SentenceTransformerEmbedder) -> None:
    question = "What's the least a Business team can cost per month on monthly billing?"
    text = ExtractiveBackend(embedder).generate(request_for(question, TEAM)).text
    assert "For 3 users: 3 × $15 per month = $45 per month [1]." in text, text
    assert "at least 3 users" in text, text  # the smallest size it rests on is quoted
    claims = LocalVerifier(CachedEmbedder(embedder)).verify(text, TEAM, question=question).claims
    assert [c.label for c in claims if "×" in c.text] == ["supported"], claims


@pytest.mark.parametrize(
    ("question", "quoted", "lines"),
    [
        ("How much per year?", [], 2),
        ("We started a year ago. How much does it cost?", [], 1),  # "a year ago" asks for no year's total
        ("How much per year?", ["Billed annually, it is $150 per user per year."], 1),  # a year may cost less
    ],
)
def test_a_year_of_a_monthly_total(question: str, quoted: list[str], lines: int) -> None:
    assert len(comp.Product(20, "users", "$300 per month", "$6,000 per month").sentences(question, quoted)) == lines
