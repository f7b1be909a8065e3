"""A rate scaled to the question's count (`app/llm/rates.py`), the gap to a minimum it misses
(`app/llm/shortfall.py`) and the fewest things of a largest size (`app/llm/rounding.py`): pure table
tests, each line also checked by the verifier's equation rule; then the extractive backend saying them
and the local verifier reading them, right and wrong (real MiniLM and support model)."""

from __future__ import annotations

import pytest

from app.grounding.equations import holds
from app.grounding.local import LocalVerifier
from app.llm.extractive import ExtractiveBackend
from app.llm.rates import count_of, scaled_rate
from app.llm.rounding import fewest
from app.llm.shortfall import shortfall
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from tests.support.help_centre import request_for
from tests.support.help_centre import sentence_passage as passage

INDEX = "The first index can take about 1 hour for every 500,000 files [1]."
INVOICE = "Business teams with 20 or more seats on annual billing, and Enterprise customers, can pay by invoice."


@pytest.mark.parametrize(
    ("question", "thing", "count"),
    [
        ("How long for 1.5 million files?", "files", 1_500_000),
        ("How long for 1,200,000 files?", "file", 1_200_000),
        ("We're a 15-seat Business team.", "seats", 15),
        ("How long for 2.5 files?", "files", None),  # not a whole count
        ("We have 10 files here and 20 files there.", "files", None),  # two counts: which one
        ("How long for 1.5 million photos?", "files", None),  # a count of another thing
    ],
)
def test_question_count(question: str, thing: str, count: int | None) -> None:
    assert count_of(question, thing) == count


@pytest.mark.parametrize(
    ("question", "sentences", "line"),
    [
        ("Roughly how long will the first index take for 1.5 million files?", ["No rate here.", INDEX],
         ("For 1,500,000 files: 1 hour × 1,500,000 / 500,000 = 3 hours.", 1)),
        ("How long will it take for 1,200,000 files?", [INDEX],
         ("For 1,200,000 files: 1 hour × 1,200,000 / 500,000 = 2.4 hours.", 0)),
        ("How much storage do 30 users get?", ["Each plan adds 5 GB per 10 users."],
         ("For 30 users: 5 GB × 30 / 10 = 15 GB.", 0)),
        ("Can I index 1.5 million files?", [INDEX], None),  # asks for no quantity
        ("How long for 500,000 files?", [INDEX], None),  # the rate itself: nothing to work out
        ("How long for 1.5 million photos?", [INDEX], None),  # counts another thing
        ("How long for 1.5 million files?", ["1 hour per 500,000 files, or 2 hours per 500,000 files."], None),
        ("How much storage do we get for 50 users?", ["Teams get 1,000 MB for every 10 users."],
         ("For 50 users: 1,000 MB × 50 / 10 = 5,000 MB.", 0)),  # the amount's thousands comma
        ("How long for 750,000 files?", ["It takes 1 second for every 1,000 files."],
         ("For 750,000 files: 1 second × 750,000 / 1,000 = 750 seconds.", 0)),
        ("How long for 1,000,000 files?", ["It takes 1.25 hours for every 500,000 files."],
         ("For 1,000,000 files: 1.25 hours × 1,000,000 / 500,000 = 2.5 hours.", 0)),  # the amount as written
        ("How long for 50 files?", [INDEX], None),  # under one unit: "0 hours" says nothing
        ("How long for 1 file?", [INDEX], None),
        ("How much for 100 users?", ["10 GB per 5 users, up to a maximum of 50 GB."], None),  # a cap it would pass
        ("How long to upload 5 GB?", ["Allow 10 minutes per 1 GB."], None),  # per one thing: a price, not a rate
        ("How long for 10000000000000000000000000000 files?", [INDEX], None),
    ],
)  # fmt: skip
def test_scaled_rate(question: str, sentences: list[str], line: tuple[str, int] | None) -> None:
    found = scaled_rate(question, sentences)
    assert found == line
    assert found is None or holds(found[0]) is True


@pytest.mark.parametrize(
    ("question", "sentences", "line"),
    [
        ("We're a 15-seat Business team on annual billing. Can we pay by invoice?", ["Prices.", INVOICE],
         ("For 15 seats: 20 seats - 15 seats = 5 seats short.", 1)),
        ("We have 19 seats. Can we pay by invoice?", [INVOICE],
         ("For 19 seats: 20 seats - 19 seats = 1 seat short.", 0)),
        ("A team of 2 users: can we buy Business?", ["A Business team needs at least 3 users."],
         ("For 2 users: 3 users - 2 users = 1 user short.", 0)),
        ("We have 25 seats. Can we pay by invoice?", [INVOICE], None),  # not short
        ("We have 15 users. Can we pay by invoice?", [INVOICE], None),  # counts another thing
        ("We have 15 cats. Enough?", ["At least 20 cats are needed."], None),  # no line of work counts cats
        # a duration "at least" is guaranteed, not required
        ("We have 15 seats and need 30 days of history.", ["Business keeps history for at least 180 days."], None),
    ],
)  # fmt: skip
def test_shortfall(question: str, sentences: list[str], line: tuple[str, int] | None) -> None:
    found = shortfall(question, sentences)
    assert found == line
    assert found is None or holds(found[0]) is True


CHUNKS = "Larger files must use an upload session, with chunks between 8 MB and 64 MB."


@pytest.mark.parametrize(
    ("question", "sentences", "line"),
    [
        ("What is the smallest number of chunks I can use to upload a 200 MB file?", ["No sizes.", CHUNKS],
         ("200 MB / 64 MB = 3.125, rounded up: 4 chunks.", 1)),
        ("What is the fewest packs for 3.5 TB more?", ["Storage packs hold up to 1 TB each."],
         ("3.5 TB / 1 TB = 3.5, rounded up: 4 packs.", 0)),
        ("Smallest number of chunks for a 50 MB file?", [CHUNKS], None),  # one chunk holds it
        ("How many chunks for a 200 MB file?", [CHUNKS], None),  # not the fewest asked
        ("Smallest number of chunks for a 1 GB file?", [CHUNKS], None),  # another unit: not converted here
        ("Smallest number of sessions for a 200 MB file?", [CHUNKS], None),  # the sentence sizes chunks
    ],
)  # fmt: skip
def test_fewest(question: str, sentences: list[str], line: tuple[str, int] | None) -> None:
    found = fewest(question, sentences)
    assert found == line
    assert found is None or holds(found[0]) is True


DESKTOP = [
    passage("upgrade", "Upgrading to Desktop 4", [
        "Desktop 4 re-indexes your folder on first launch, which takes about 1 hour for every 500,000 files.",
        "You do not need to uninstall 3.x first.",
    ]),
    passage("billing", "Paying by invoice", [INVOICE, "Invoices are payable within 30 days."]),
    passage("api", "Upload sessions", ["A simple upload can contain at most 150 MB.", CHUNKS]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "line", "wrong"),
    [
        ("After upgrading to Desktop 4, roughly how long will the first index take for 1.5 million files?",
         "For 1,500,000 files: 1 hour × 1,500,000 / 500,000 = 3 hours",
         "For 1,500,000 files: 1 hour × 1,500,000 / 500,000 = 4 hours."),
        ("We're a 15-seat Business team on annual billing. Can we pay by invoice?",
         "For 15 seats: 20 seats - 15 seats = 5 seats short",
         "For 15 seats: 25 seats - 15 seats = 10 seats short."),  # a minimum no passage states
        ("What is the smallest number of chunks I can use to upload a 200 MB file?",
         "200 MB / 64 MB = 3.125, rounded up: 4 chunks",
         "200 MB / 64 MB = 3.125, rounded up: 3 chunks."),
    ],
)  # fmt: skip
def test_the_backend_works_it_out_and_the_verifier_checks_it(
    embedder: SentenceTransformerEmbedder, question: str, line: str, wrong: str
) -> None:
    text = ExtractiveBackend(embedder).generate(request_for(question, DESKTOP)).text
    assert line in text, text
    verifier = LocalVerifier(CachedEmbedder(embedder))
    claims = verifier.verify(text, DESKTOP, question=question).claims
    assert [c.label for c in claims if line in c.text] == ["supported"], claims
    assert verifier.verify(wrong, DESKTOP, question=question).claims[0].label == "unsupported"
