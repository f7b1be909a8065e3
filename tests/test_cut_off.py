"""An answer the generator stopped mid-sentence: the unfinished last sentence is not supported (cut_off),
decided the same way for a whole answer and a stream, against a real OpenAI-protocol server on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.grounding.cutoff import CUT_OFF_CAP, cut_off_span, ends_sentence, mark_cut_off, reached_limit
from app.grounding.verifier import ClaimVerdict, Verification
from app.queries import AnswerQuery
from app.results import Answer
from app.services import Services, build_services
from ingestion.embedder import SentenceTransformerEmbedder
from tests.support.openai_server import OpenAIServer, serve_openai
from tests.support.stack import ingest, open_settings


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The trial lasts 14 days.", True),
        ("Is it free?", True),
        ("It lasts 14 days [1]", True),
        ("It lasts 14 days [1, 2].", True),
        ('The button says "Keep my account."', True),
        ("See **Settings > Security**.", True),
        ("Run `tether ingest`.", True),
        ("Do this:", True),
        ("Downtime is a period of at least 5 minutes during which more than", False),
        ("Once you're in the account recovery form,", False),
        ("The limit is set", False),
        ("Open (Settings", False),
        ("", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (
            "The trial lasts 14 days. Downtime is a period during which more than",
            "Downtime is a period during which more than",
        ),
        ("The trial lasts 14 days.\n\nThe limit is set  \n", "The limit is set"),
        ("The trial lasts 14 days. No card is needed.", None),
        ("The trial lasts 14 days [1]", None),
        ("The plan includes:\n- 10 seats\n- 5 GB of stor", None),  # a list item may end without a stop
        ("| Plan | Price |\n|---|---|\n| Team | $11", None),
        ("The trial lasts 14 days.\n\n## Prices", None),
        ("", None),
    ],
)
def test_cut_off_span(text: str, cut: str | None) -> None:
    span = cut_off_span(text)
    assert (text[span[0] : span[1]] if span else None) == cut


@pytest.mark.parametrize(
    ("tokens", "limit", "reached"), [(160, 160, True), (145, 160, True), (143, 160, False), (5, 0, False)]
)
def test_reached_limit(tokens: int, limit: int, reached: bool) -> None:
    assert reached_limit(tokens, limit) is reached


def _verdict(start: int, end: int, label: str = "supported", score: float | None = 0.9) -> ClaimVerdict:
    return ClaimVerdict("x", start, end, label, label == "supported", score)  # type: ignore[arg-type]


def test_mark_cut_off_counts_the_shares_again() -> None:
    v = Verification.from_claims([_verdict(0, 10), _verdict(11, 30)])
    marked = mark_cut_off(v, (11, 30))
    assert [c.label for c in marked.claims] == ["supported", "unsupported"]
    assert marked.claims[1].reason == "cut_off" and marked.claims[1].score == CUT_OFF_CAP
    assert marked.claims[1].supported is False
    assert (marked.groundedness, marked.unsupported) == (0.5, 1)
    assert mark_cut_off(v, (40, 50)) is v  # no verdict at that span: nothing to mark
    errored = Verification.from_claims([_verdict(0, 10, "error", None)])
    assert mark_cut_off(errored, (0, 10)).claims[0].label == "error"


DOC = """# Quillpad plans

Quillpad Team costs $11 per user per month, billed annually. A Team workspace needs at least 2 members.
Exports of notebooks over 500 pages are sent by email within an hour.
"""
QUESTION = "How much does Quillpad Team cost?"
CUT = "Quillpad Team costs $11 per user per month [1]. Exports of notebooks over 500 pages are sent by email within"
SHORT = "Quillpad Team costs $11 per user per month"


@pytest.fixture(scope="module")
def llm_server() -> Iterator[OpenAIServer]:
    with serve_openai(default_text=SHORT) as server:
        yield server


@pytest.fixture(scope="module")
def stack(
    tmp_path_factory: pytest.TempPathFactory, embedder: SentenceTransformerEmbedder, llm_server: OpenAIServer
) -> Iterator[Services]:
    corpus = tmp_path_factory.mktemp("cut-corpus")
    (corpus / "plans.md").write_text(DOC, encoding="utf-8")
    # 28 answer tokens: CUT (about 31 by the remote backend's upper-bound count) fills them, SHORT does not.
    llm = {"backend": "openai", "base_url": llm_server.base_url, "max_retries": 0, "max_answer_tokens": 28}
    settings = open_settings(tmp_path_factory.mktemp("cut-data")).override({"llm": llm})
    ingest(settings, embedder, [corpus], settings.default_collection)
    svc = build_services(settings)
    yield svc
    svc.close()


def _both(svc: Services, llm_server: OpenAIServer, reply: str) -> tuple[dict, dict]:
    q = AnswerQuery(QUESTION, svc.settings.default_collection, 5)
    llm_server.script(reply, reply)
    whole = svc.answerer.answer(q).to_dict()
    streamed = next(e for e in svc.answerer.stream(q) if isinstance(e, Answer)).to_dict()
    return whole, streamed


def test_an_answer_cut_at_its_token_limit_has_its_last_sentence_unsupported(
    stack: Services, llm_server: OpenAIServer
) -> None:
    whole, streamed = _both(stack, llm_server, CUT)
    for answer in (whole, streamed):
        first, last = answer["claims"]
        assert first["label"] == "supported", first
        assert last["text"] == "Exports of notebooks over 500 pages are sent by email within"
        assert (last["label"], last["reason"]) == ("unsupported", "cut_off")
        assert last["score"] <= CUT_OFF_CAP
    assert whole["claims"] == streamed["claims"] and whole["groundedness"] == 0.5


def test_a_short_answer_without_a_full_stop_is_judged_as_usual(stack: Services, llm_server: OpenAIServer) -> None:
    whole, streamed = _both(stack, llm_server, SHORT)
    assert [c["reason"] for c in whole["claims"]] == [None]
    assert whole["claims"][0]["label"] == "supported"
    assert whole["claims"] == streamed["claims"]


def test_redact_removes_the_unfinished_sentence(stack: Services, llm_server: OpenAIServer) -> None:
    llm_server.script(CUT)
    q = AnswerQuery(QUESTION, stack.settings.default_collection, 5, policy="redact")
    r = stack.answerer.answer(q)
    assert r.status == "partial" and "within" not in r.text and "$11" in r.text
