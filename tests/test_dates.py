"""Dates and time left worked out from the question's date or "N days ago" and a quoted sentence's duration
(pure table tests), and the extractive backend showing the work, which the local verifier then checks
(real MiniLM and support model)."""

from __future__ import annotations

import pytest

from app.grounding.local import LocalVerifier
from app.llm import dates
from app.llm.dates import AskedDate
from app.llm.extractive import ExtractiveBackend
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from tests.support.help_centre import request_for
from tests.support.help_centre import sentence_passage as passage


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("Our contract renews on 1 September 2027. When must we cancel?", AskedDate(1, 9, 2027)),
        ("It renews on September 1, 2027.", AskedDate(1, 9, 2027)),
        ("It renews on the 1st of September 2027.", AskedDate(1, 9, 2027)),
        ("It renews on 1st September, 2027.", AskedDate(1, 9, 2027)),
        ("I turned it on on 3 March.", AskedDate(3, 3, None)),
        ("From 3 March to 17 March.", None),  # two dates: which one the work starts from is not clear
        ("When does my trial end?", None),
    ],
)
def test_question_date(question: str, date: AskedDate | None) -> None:
    assert dates.question_date(question) == date


@pytest.mark.parametrize(
    ("sentence", "shifts"),
    [
        ("Contact your manager at least 60 days before the renewal date.", [(60, "day", True)]),
        ("Free accounts are deleted after 24 months without a sign-in.", [(24, "month", False)]),
        ("Admins can give members a grace period of up to 14 days.", [(14, "day", False)]),
        ("Deleted files can be restored for 30 days.", [(30, "day", False)]),
        ("A warning 60 days before the deletion date, and a second 7 days before it.",
         [(60, "day", True), (7, "day", True)]),
        ("The trial lasts 14 days.", []),  # a duration tied to no date
        ("Uploads of 2 GB.", []),
    ],
)  # fmt: skip
def test_shifts_in(sentence: str, shifts: list[tuple[int, str, bool]]) -> None:
    assert [(t.amount, t.unit, t.back) for t in dates.shifts_in(sentence)] == shifts


@pytest.mark.parametrize(
    ("start", "amount", "unit", "back", "result"),
    [
        (AskedDate(1, 9, 2027), 60, "day", True, AskedDate(3, 7, 2027)),
        (AskedDate(1, 1, 2025), 24, "month", False, AskedDate(1, 1, 2027)),
        (AskedDate(3, 3, None), 14, "day", False, AskedDate(17, 3, None)),
        (AskedDate(1, 3, 2028), 1, "day", True, AskedDate(29, 2, 2028)),  # a leap year
        (AskedDate(31, 1, 2026), 1, "month", False, None),  # 31 February does not exist
        (AskedDate(3, 1, None), 14, "day", True, None),  # lands in a year the question does not give
        (AskedDate(10, 6, 2026), 2, "week", False, AskedDate(24, 6, 2026)),
    ],
)
def test_moved(start: AskedDate, amount: int, unit: str, back: bool, result: AskedDate | None) -> None:
    assert dates.moved(start, amount, unit, back) == result


INACTIVE = [
    "Larkbox deletes Free accounts after 24 months without a sign-in.",
    "Larkbox sends a warning 60 days before the deletion date, and a second warning 7 days before the deletion date.",
]


@pytest.mark.parametrize(
    ("question", "sentences", "worked"),
    [
        (
            "Our contract renews on 1 September 2027. What's the latest date to tell you we want to end it?",
            ["To end a contract, contact your manager at least 60 days before the renewal date."],
            ["60 days before 1 September 2027 is 3 July 2027."],
        ),
        # a duration back counts from the date worked out by the sentence that names it, not the question's
        (
            "My account was last signed in to on 1 January 2025. When is it deleted, and when do the warnings come?",
            INACTIVE,
            ["24 months after 1 January 2025 is 1 January 2027.", "60 days before 1 January 2027 is 2 November 2026.",
             "7 days before 1 January 2027 is 25 December 2026."],
        ),
        # two passages stating one grace period work it out once
        (
            "I required it on 3 March with the longest grace period. From when are members blocked?",
            ["Admins can give members a grace period of up to 14 days.",
             "You can give members a grace period of up to 14 days."],
            ["14 days after 3 March is 17 March."],
        ),
        # "before the renewal date", but neither the question nor a sentence says what is renewed when
        ("I signed up on 1 March 2026. When must I cancel?", ["Cancel at least 30 days before the renewal date."], []),
        ("Our contract renews on 1 September 2027. Can we end it?", INACTIVE, []),  # asks no date
        # a duration counted from another event than the question's date, or about something else
        ("Our contract renews on 1 September 2027. When is the last day to ask for a refund?",
         ["Refunds are available for 14 days after purchase."], []),
        ("Our contract renews on 1 September 2027. What's the latest date to tell you we want to end it?",
         ["Contact us at least 60 days before the renewal date; refunds are issued within 30 days."],
         ["60 days before 1 September 2027 is 3 July 2027."]),
        ("I joined on 3 March 2027. When is my first invoice?", ["You are billed for 12 months up front."], []),
        ("I upgraded my plan on 1 March 2027. When must I send notice?",
         ["Send notice 30 days before your plan's renewal."], []),
        # notice "of 30 days" counts back; business days are not days
        ("It renews on 1 September 2027. What's the latest date to give notice?", ["Written notice of 30 days."], []),
        ("It renews on 3 September 2027. When is the last day?",
         ["Cancel 5 business days before the renewal date."], []),
        # a date without its year, across February: which year decides
        ("My trial started on 15 February. When does it end?", ["The trial lasts for 30 days."], []),
        ("It renews on 15 March, 2028. When must I cancel?", ["Cancel at least 30 days before the renewal date."],
         ["30 days before 15 March 2028 is 14 February 2028."]),
        ("When would my account be deleted?", INACTIVE, []),  # gives no date
    ],
)  # fmt: skip
def test_date_shifts(question: str, sentences: list[str], worked: list[str]) -> None:
    assert [s.sentence() for s, _ in dates.date_shifts(question, sentences)] == worked


@pytest.mark.parametrize(
    ("question", "sentences", "worked"),
    [
        ("I deleted a file 25 days ago. Can I still restore it, and for how long?",
         ["Other text.", "On the Personal plan, deleted files can be restored for 30 days."],
         ("25 days ago: 30 days - 25 days = 5 days left.", 1)),
        ("I deleted a file 45 days ago. Can I still restore it?", ["Deleted files can be restored for 30 days."], None),
        # which of two periods applies is not the arithmetic's to say
        ("I deleted a file 25 days ago. Can I still restore it?",
         ["Deleted files can be restored for 30 days on Free and 180 days on Business."], None),
        ("I deleted a file 25 days ago. Why?", ["Deleted files can be restored for 30 days."], None),  # asks no time
        ("I deleted a file 3 weeks ago. Can I still restore it?", ["Deleted files can be restored for 30 days."], None),
        # a period counted from another event, or of something else than what happened
        ("I deleted it 3 days ago. Can I still restore it?",
         ["We email you 7 days before files are removed.", "Deleted files can be restored for 30 days."],
         ("3 days ago: 30 days - 3 days = 27 days left.", 1)),
        ("I signed up 10 days ago. Can I still get a refund?", ["Refunds are processed within 14 days."], None),
        ("I reset my password 2 days ago and I still cannot sign in.",
         ["Accounts are locked for 3 days after 5 failed attempts."], None),
        ("I deleted a file 1 day ago. Can I still restore it?", ["Deleted files can be restored for 30 days."],
         ("1 day ago: 30 days - 1 day = 29 days left.", 0)),
    ],
)  # fmt: skip
def test_time_left(question: str, sentences: list[str], worked: tuple[str, int] | None) -> None:
    found = dates.time_left(question, sentences)
    assert (found[0].sentence(), found[1]) == worked if found else worked is None


POOL = [
    passage("enterprise", "Enterprise plan > Ending a contract", [
        "Enterprise contracts renew automatically each year.",
        "To end an Enterprise contract, contact your account manager at least 60 days before the renewal date.",
    ]),
    passage("free", "Free plan > Storage", ["The Free plan includes 5 GB of storage for one user."]),
]  # fmt: skip


def test_the_backend_shows_the_date_and_the_verifier_checks_it(embedder: SentenceTransformerEmbedder) -> None:
    question = (
        "Our Enterprise contract renews on 1 September 2027. What's the latest date to tell you we want to end it?"
    )
    text = ExtractiveBackend(embedder).generate(request_for(question, POOL)).text
    assert "before the renewal date [1]. 60 days before 1 September 2027 is 3 July 2027 [1]." in text, text
    verifier = LocalVerifier(CachedEmbedder(embedder))
    worked = [c for c in verifier.verify(text, POOL, question=question).claims if "3 July" in c.text]
    assert [(c.label, c.score) for c in worked] == [("supported", 0.9)], worked
    # a date the work does not give is an invented figure, however the line around it reads
    wrong = verifier.verify(text.replace("3 July 2027", "3 August 2027"), POOL, question=question).claims
    assert [c.reason for c in wrong if "3 August" in c.text] == ["number_not_in_evidence"], wrong
