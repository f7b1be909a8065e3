"""The row of a table of ranges a question's percentage falls in, and a claim placing a figure in a row
checked against the table (pure table tests); the extractive backend saying it, and the local verifier
telling the right row from wrong ones, which the entailment model alone supports alike (real MiniLM and
support model)."""

from __future__ import annotations

import pytest

from app.grounding.local import LocalVerifier
from app.grounding.ranges import placed_in_row, rows
from app.llm.extractive import ExtractiveBackend
from app.llm.tiers import credit_lines, row_for
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from tests.support.help_centre import request_for
from tests.support.help_centre import sentence_passage as passage

TABLE = (
    "Business plan service credits: Monthly Uptime Percentage Service Credit Less than 99.9% but at least 99.0% "
    "10% of monthly fees Less than 99.0% but at least 95.0% 25% of monthly fees Less than 95.0% 50% of monthly "
    "fees Enterprise plan service credits: Monthly Uptime Percentage Service Credit Less than 99.95% but at "
    "least 99.5% 10% of monthly fees Less than 99.5% but at least 99.0% 25% of monthly fees Less than 99.0% 50% "
    "of monthly fees The total Service Credit cannot exceed 50% of the monthly fees."
)


def test_rows_keep_their_plan_and_bounds_as_written() -> None:
    found = rows(TABLE)
    assert [(r.plan, r.written, r.value) for r in found] == [
        ("Business", ("99.9", "99.0"), "10%"), ("Business", ("99.0", "95.0"), "25%"),
        ("Business", ("95.0", None), "50%"),
        ("Enterprise", ("99.95", "99.5"), "10%"), ("Enterprise", ("99.5", "99.0"), "25%"),
        ("Enterprise", ("99.0", None), "50%"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "asked", "line"),
    [
        ("Enterprise uptime was 99.3%. What credit?", {"Enterprise"},
         "On Enterprise, 99.3% is less than 99.5% but at least 99.0%: 25% of monthly fees."),
        ("Business uptime dropped to 97%.", {"Business"},
         "On Business, 97% is less than 99.0% but at least 95.0%: 25% of monthly fees."),
        ("Enterprise uptime was 98.9%.", {"Enterprise"},
         "On Enterprise, 98.9% is less than 99.0%: 50% of monthly fees."),
        ("Business uptime was 99.95%.", {"Business"}, None),  # above every range: no credit row
        ("Uptime was 99.3%.", set(), None),  # two plans' tables, no plan asked: which one is not clear
        ("Uptime was 99.3% or 98%.", {"Business"}, None),  # two figures
    ],
)  # fmt: skip
def test_row_for(question: str, asked: set[str], line: str | None) -> None:
    found = row_for(question, frozenset(asked), ["No table here.", TABLE])
    assert (found[0].sentence(found[1]) if found else None) == line


@pytest.mark.parametrize(
    ("question", "row", "lines"),
    [
        ("Our team pays $150 a month and uptime was 99.5%.", 0, ["10% × $150 = $15."]),
        ("We pay $120,000 a year and uptime was 98.9%.", 5, ["$120,000 / 12 = $10,000.", "50% × $10,000 = $5,000."]),
        ("Uptime was 99.5%.", 0, []),  # no fee given
        ("We pay $150.50 a month; uptime was 99.5%.", 0, ["10% × $150.50 = $15.05."]),  # cents kept
        ("We pay $150 a month or $1,500 a year.", 0, []),  # which fee is not clear
    ],
)
def test_credit_lines(question: str, row: int, lines: list[str]) -> None:
    assert credit_lines(question, rows(TABLE)[row]) == lines


SLA = [
    passage("sla", "Service credits", [
        "If the Monthly Uptime Percentage falls below the commitment, the customer is entitled to a Service Credit.",
        TABLE,
    ]),
    passage("free", "Free plan > Storage", ["The Free plan includes 5 GB of storage for one user."]),
]  # fmt: skip


def test_the_backend_says_the_row_and_the_verifier_reads_it(embedder: SentenceTransformerEmbedder) -> None:
    question = "We're on the Enterprise plan and uptime last month was 99.3%. What service credit do we get?"
    text = ExtractiveBackend(embedder).generate(request_for(question, SLA)).text
    line = "On Enterprise, 99.3% is less than 99.5% but at least 99.0%: 25% of monthly fees"
    assert line in text, text
    verifier = LocalVerifier(CachedEmbedder(embedder))
    claims = verifier.verify(text, SLA, question=question).claims
    assert [c.label for c in claims if "99.3%" in c.text] == ["supported"], claims
    for wrong in WRONG_ROWS:
        claim = verifier.verify(wrong, SLA, question=question).claims[0]
        assert (claim.label, claim.reason) == ("unsupported", "number_differs_from_evidence"), wrong


WRONG_ROWS = [
    "On Enterprise, 99.3% is less than 99.5% but at least 99.0%: 50% of monthly fees.",  # the value
    "On Enterprise, 99.3% is less than 99.9% but at least 99.0%: 10% of monthly fees.",  # Business's row
    "On Business, 99.3% is less than 99.5% but at least 99.0%: 25% of monthly fees.",  # the plan
    "On Enterprise, 99.6% is less than 99.5% but at least 99.0%: 25% of monthly fees.",  # not in the range
]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("On Enterprise, 99.3% is less than 99.5% but at least 99.0%: 25% of monthly fees [2].", True),
        ("On the Business plan, 97% is less than 99.0% but at least 95.0%: 25% of monthly fees.", True),
        ("On Enterprise, 98.9% is less than 99.0%: 50% of monthly fees.", True),
        *((claim, False) for claim in WRONG_ROWS),
        ("99.3% is less than 99.5% but at least 99.0%: 25% of monthly fees.", False),  # two plans' tables: which?
        ("Enterprise customers get 25% of monthly fees below 99.5%.", None),  # not this form: the model's
    ],
)
def test_placed_in_row(claim: str, verdict: bool | None) -> None:
    assert placed_in_row(claim, [TABLE]) is verdict
