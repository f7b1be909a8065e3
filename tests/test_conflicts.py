"""Conflicting sources: a planted community page that gives another price than the official page. The
answer cites both, says so (reason conflicting_sources, `conflicts` naming both passages and the
authoritative one), with the real stack (MiniLM, FAISS/BM25, SQLite, the extractive backend); streaming
and non-streaming agree. The rule itself, table by table."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.answering import AnswerQuery, TextDelta
from app.grounding.conflicts import authority, disagree
from app.grounding.verifier import passages_from_text
from app.results import Answer
from app.services import Services, build_services
from ingestion.embedder import SentenceTransformerEmbedder
from tests.support.stack import ingest, open_settings

OFFICIAL = """---
title: Quillpad prices
verified_by: Billing team
verified_at: 2026-09-01
tags: [plans, pricing]
---
# Quillpad prices

Quillpad Solo costs $6 per month. Quillpad Team costs $11 per user per month, billed annually.
A Team workspace needs at least 2 members.
"""
PLANTED = """---
title: "Community thread: Team price drop"
tags: [community, forum]
---
# Community thread: Team price drop

Great news from a user. Quillpad Team costs $1 per user per month, billed annually, from today.
"""
OTHER = """---
title: Exporting notes
tags: [export]
---
# Exporting notes

You can export a notebook as PDF, Markdown or HTML from File > Export.
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder) -> Iterator[Services]:
    corpus = tmp_path_factory.mktemp("planted")
    for name, text in {"prices.md": OFFICIAL, "community/team-price.md": PLANTED, "export.md": OTHER}.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    settings = open_settings(tmp_path_factory.mktemp("planted-data"))
    ingest(settings, embedder, [corpus], settings.default_collection)
    svc = build_services(settings)
    yield svc
    svc.close()


def test_a_planted_page_gives_conflicting_sources_with_both_cited(stack: Services) -> None:
    q = AnswerQuery("How much does Quillpad Team cost per user?", stack.settings.default_collection, 5)
    r = stack.answerer.answer(q).to_dict()
    assert (r["status"], r["reason"]) == ("partial", "conflicting_sources"), r["answer"]
    sources = {c["n"]: c["source"] for c in r["citations"]}
    assert set(sources.values()) >= {"prices.md", "community/team-price.md"}, r["citations"]
    conflict = r["conflicts"][0]
    assert {sources[n] for n in conflict["passages"]} == {"prices.md", "community/team-price.md"}
    assert sources[conflict["authoritative"]] == "prices.md"
    assert "$11" in r["answer"] and "$1 " in r["answer"]
    assert [c["n"] for c in r["citations"]] == list(range(1, len(r["citations"]) + 1))
    events = list(stack.answerer.stream(q))
    final = next(e for e in events if isinstance(e, Answer)).to_dict()
    streamed = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert final["answer"] == streamed == r["answer"] and final["conflicts"] == r["conflicts"]


def test_an_unconflicted_answer_has_none(stack: Services) -> None:
    r = stack.answerer.answer(AnswerQuery("How do I export a notebook as PDF?", stack.settings.default_collection, 5))
    assert r.reason != "conflicting_sources" and r.conflicts == () and r.to_dict()["conflicts"] == []


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (
            "The Business plan costs $15 per user per month.",
            "Good news: the Business plan now costs $1 per user per month.",
            True,
        ),
        (
            "On the Free plan, the maximum upload size is 2 GB per file.",
            "On the Personal plan, the maximum upload size is 50 GB per file.",
            False,
        ),
        (
            "The Personal plan costs $9.99 per month or $99 per year.",
            "The Personal plan costs $9.99 per month when billed monthly.",
            False,  # one says less, not otherwise
        ),
        (
            "The Personal plan costs $9.99 per month or $99 per year.",
            "The Personal plan costs $99 per year when billed annually, which saves about 17% on monthly.",
            False,  # a percentage is no price
        ),
        ("Business keeps version history for 180 days.", "Business keeps version history for 365 days.", True),
        (
            "The Business plan costs $15 per user per month, or $150 per user per year.",
            "The Business plan costs $150 per user per year, which works out to $12.50 per user per month.",
            False,  # they agree on $150: one elaborates
        ),
        ("A SCIM token is valid for 1 year.", "Larkbox emails Admins 30 days before a SCIM token expires.", False),
        ("The Business plan costs $15 per user per month.", "The Business plan costs $15 per user per month.", False),
        ("Refunds arrive within 10 days of the request.", "Refunds arrive within days of the request.", False),
    ],
)
def test_disagree(first: str, second: str, conflict: bool) -> None:
    assert disagree(first, second) is conflict


def test_authority_ranks_official_verified_and_recent_first() -> None:
    base = passages_from_text("Some text.", "d")[0]
    community = replace(base, metadata={"tags": ["community"], "verified_by": "x", "verified_at": "2027-01-01"})
    plain = replace(base, metadata={"tags": []})
    verified = replace(base, metadata={"tags": [], "verified_by": "x", "verified_at": "2026-01-01"})
    newer = replace(base, metadata={"tags": [], "verified_by": "x", "verified_at": "2026-06-01"})
    assert authority(community) < authority(plain) < authority(verified) < authority(newer)
