"""Answerability end to end: real MiniLM + the shipped answerability adapter, real FAISS/BM25 over a small
help centre written for this test, real SQLite; the OpenAI-protocol backend against a real server on
loopback. A question the corpus does not answer abstains before generation (the LLM is never called),
with its score and cut in the response; one it answers is answered; a request can turn it off; streaming
and non-streaming agree."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.grounding.answerability import AnswerabilityJudge, unnamed_variants, unwritten_names
from app.grounding.verifier import passages_from_text
from app.queries import AnswerQuery
from app.results import Answer
from app.services import Services, build_services
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from tests.support.live_server import live_server
from tests.support.openai_server import OpenAIServer, serve_openai
from tests.support.stack import ingest, open_settings

DOCS = {
    "plans.md": """# Quillpad plans

## Prices
Quillpad Solo costs $6 a month. Quillpad Team costs $11 per user per month, billed annually.
A Team workspace needs at least 2 members.

## Storage
Solo includes 20 GB of storage. Each Team member gets 100 GB.
""",
    "export.md": """# Exporting notes

You can export a notebook as PDF, Markdown or HTML from File > Export.
Exports of notebooks over 500 pages are sent by email within an hour.
""",
    "security.md": """# Two-step sign-in

Two-step sign-in works with any authenticator app. Recovery codes are shown once, when you turn it on.
Workspace owners can require two-step sign-in for every member of a Team workspace.
""",
}
ANSWERABLE = ["How much does Quillpad Team cost?", "How do I export a notebook as PDF?"]
UNANSWERABLE = [
    "Does Quillpad integrate with Salesforce?",
    "Is there a student discount on Quillpad Solo?",
    "Can I sync notes over WebDAV?",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("quillpad")
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _stack(data: Path, corpus: Path, embedder: SentenceTransformerEmbedder, changes: dict) -> Services:
    settings = open_settings(data).override(changes)
    ingest(settings, embedder, [corpus], settings.default_collection)
    return build_services(settings)


@pytest.fixture(scope="module")
def extractive(
    tmp_path_factory: pytest.TempPathFactory, corpus: Path, embedder: SentenceTransformerEmbedder
) -> Iterator[Services]:
    svc = _stack(tmp_path_factory.mktemp("ans-x"), corpus, embedder, {})
    yield svc
    svc.close()


@pytest.fixture(scope="module")
def llm_server() -> Iterator[OpenAIServer]:
    with serve_openai(default_text="Quillpad Team costs $11 per user per month [1].") as server:
        yield server


@pytest.fixture(scope="module")
def openai_stack(
    tmp_path_factory: pytest.TempPathFactory,
    corpus: Path,
    embedder: SentenceTransformerEmbedder,
    llm_server: OpenAIServer,
) -> Iterator[Services]:
    changes = {"llm": {"backend": "openai", "base_url": llm_server.base_url, "max_retries": 0}}
    svc = _stack(tmp_path_factory.mktemp("ans-o"), corpus, embedder, changes)
    yield svc
    svc.close()


def _ask(svc: Services, question: str, **kw: object) -> Answer:
    return svc.answerer.answer(AnswerQuery(question, svc.settings.default_collection, 5, **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_unanswerable_questions_abstain_before_generation(extractive: Services, question: str) -> None:
    r = _ask(extractive, question)
    assert (r.status, r.reason) == ("abstained", "not_answered_by_passages"), r.answerability
    a = r.answerability
    assert a is not None and not a.answerable and a.score < a.threshold == r.thresholds.answerable
    assert "generate_ms" not in r.timings and r.claims == () and r.passages == ()


@pytest.mark.parametrize("question", ANSWERABLE)
def test_answerable_questions_are_answered(extractive: Services, question: str) -> None:
    r = _ask(extractive, question)
    assert r.status != "abstained", r
    assert r.answerability is not None and r.answerability.answerable and r.claims and r.passages


def test_the_llm_is_never_called_for_an_unanswerable_question(openai_stack: Services, llm_server: OpenAIServer) -> None:
    before = len(llm_server.requests)
    r = _ask(openai_stack, UNANSWERABLE[0])
    assert r.reason == "not_answered_by_passages" and len(llm_server.requests) == before
    r = _ask(openai_stack, ANSWERABLE[0])
    assert r.status == "answered" and len(llm_server.requests) == before + 1


def test_a_request_can_turn_it_off_or_set_its_cut(extractive: Services) -> None:
    off = _ask(extractive, UNANSWERABLE[0], abstain_unanswerable=False)
    assert off.reason != "not_answered_by_passages"
    assert off.answerability is not None and not off.answerability.answerable
    strict = _ask(extractive, ANSWERABLE[0], answerable_threshold=1.0)
    assert (strict.reason, strict.thresholds.answerable) == ("not_answered_by_passages", 1.0)


def test_http_streaming_and_not_agree(extractive: Services) -> None:
    from app.http import create_app

    body = {"question": UNANSWERABLE[1], "answerable_threshold": 0.5}
    with live_server(create_app(extractive.settings, extractive)) as url, httpx.Client(base_url=url, timeout=60) as c:
        plain = c.post("/v1/answer", json=body).json()
        bad = c.post("/v1/answer", json={**body, "answerable_threshold": 2})
        with c.stream("POST", "/v1/answer", json={**body, "stream": True}) as resp:
            lines = [ln for ln in resp.iter_lines() if ln.startswith("data:")]
    events = [json.loads(ln[5:]) for ln in lines if ln[5:].strip() not in ("", "[DONE]")]
    final = next(e for e in events if isinstance(e, dict) and "status" in e)
    assert (plain["status"], plain["reason"]) == ("abstained", "not_answered_by_passages")
    assert (final["status"], final["reason"], final["answerability"]) == (
        plain["status"],
        plain["reason"],
        plain["answerability"],
    )
    assert bad.status_code == 422


def test_judge_scores_the_best_passage(embedder: SentenceTransformerEmbedder) -> None:
    judge = AnswerabilityJudge(CachedEmbedder(embedder))
    passages = passages_from_text(DOCS["export.md"] + " " + DOCS["plans.md"], "d", per_passage=2)
    yes = judge.judge("Which formats can I export a notebook in?", passages)
    no = judge.judge("Which formats can I import notes from?", passages)
    assert yes.answerable and yes.passage == 1 and yes.score > no.score
    assert judge.addresses("Which formats can I export in?", "PDF, Markdown or HTML, from File > Export.") > 0.5


def test_the_configured_default_can_be_off(extractive: Services) -> None:
    from app.answering import Answerer

    off = extractive.settings.override({"answerability.enabled": False})
    svc = extractive
    answerer = Answerer(svc.retriever, svc.backend, svc.verifier, off, svc.answerer.answerability)
    r = answerer.answer(AnswerQuery(UNANSWERABLE[0], off.default_collection, 5))
    assert r.reason != "not_answered_by_passages" and r.answerability is not None and not r.answerability.answerable
    r = answerer.answer(AnswerQuery(UNANSWERABLE[0], off.default_collection, 5, abstain_unanswerable=True))
    assert r.reason == "not_answered_by_passages"


def test_renumbered_citations_still_point_at_their_passages(openai_stack: Services, llm_server: OpenAIServer) -> None:
    """The LLM cites prompt numbers out of order; the answer numbers them 1, 2 in order of use, each
    citation is the passage its sentence came from, and streaming gives the same answer."""
    from app.answering import TextDelta
    from app.results import Answer

    question = "How much does Quillpad Team cost, and which formats can a notebook be exported in?"
    q = AnswerQuery(question, openai_stack.settings.default_collection, 5)
    _, passages = openai_stack.answerer.prepare(q, openai_stack.answerer.retrieve(q))
    team = 1 + next(i for i, p in enumerate(passages) if "Team costs $11" in p.text)
    export = 1 + next(i for i, p in enumerate(passages) if "PDF, Markdown or HTML" in p.text)
    first, second = (team, export) if team > export else (export, team)  # cite the later-numbered one first
    said = {
        team: "Quillpad Team costs $11 per user per month",
        export: "You can export a notebook as PDF, Markdown or HTML",
    }
    reply = f"{said[first]} [{first}]. {said[second]} [{second}]."
    llm_server.script(reply, reply)
    plain = _ask(openai_stack, question).to_dict()
    events = list(openai_stack.answerer.stream(AnswerQuery(question, openai_stack.settings.default_collection, 5)))
    assert plain["answer"] == f"{said[first]} [1]. {said[second]} [2]."
    assert [c["n"] for c in plain["citations"]] == [1, 2]
    assert plain["citations"][0]["chunk_id"] == passages[first - 1].chunk_id
    assert plain["citations"][1]["chunk_id"] == passages[second - 1].chunk_id
    assert all(c["citations_support"] for c in plain["claims"]), plain["claims"]
    final = next(e for e in events if isinstance(e, Answer)).to_dict()
    streamed = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert len([e for e in events if isinstance(e, TextDelta)]) > 2  # word by word, markers cut or not
    assert final["answer"] == streamed == plain["answer"]
    assert [c["chunk_id"] for c in final["citations"]] == [c["chunk_id"] for c in plain["citations"]]


def test_a_question_about_a_plan_no_passage_names_abstains(extractive: Services) -> None:
    # The passages about the plans that exist read as answers to it; the name they never mention decides.
    r = _ask(extractive, "How much storage does the Quillpad Pro plan include?")
    assert (r.status, r.reason) == ("abstained", "not_answered_by_passages"), r.answerability
    assert r.answerability is not None and r.answerability.unknown_names == ("Pro",)
    known = _ask(extractive, "How much storage does the Quillpad Team plan include?")
    assert known.status != "abstained" and known.answerability is not None
    assert known.answerability.unknown_names == ()


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What does the Business Plus plan cost?", ("Plus",)),
        ("What does the Business plan cost?", ()),
        ("Is there an Ultimate tier?", ("Ultimate",)),
        ("What does Business cost?", ()),  # no plan named as one: nothing to check
    ],
)
def test_unnamed_variants(question: str, unknown: tuple[str, ...]) -> None:
    passages = passages_from_text("The Business plan costs $15 per user per month.", "plans")
    assert unnamed_variants(question, passages) == unknown


def test_a_question_about_a_name_the_knowledge_base_never_writes_abstains(extractive: Services) -> None:
    # Retrieval says which of the question's words the collection holds nowhere; a name among them decides,
    # whatever the model reads into the passages about exporting.
    r = _ask(extractive, "Can I export a notebook to Evernote?")
    assert (r.status, r.reason) == ("abstained", "not_answered_by_passages"), r.answerability
    assert r.answerability is not None and r.answerability.unknown_names == ("Evernote",)
    # A misspelt name of the knowledge base is still known, and the question answered.
    typo = _ask(extractive, "How much does Quilpad Team cost?")
    assert typo.status != "abstained" and typo.answerability is not None
    assert typo.answerability.unknown_names == ()


def test_retrieval_lists_the_question_terms_the_collection_never_writes(extractive: Services) -> None:
    found = extractive.answerer.retrieve(AnswerQuery("Does Quillpad export to Evernote?", "default", 5))
    assert found.unwritten is not None and "evernot" in " ".join(found.unwritten)
    assert not {"quillpad", "export"} & found.unwritten


@pytest.mark.parametrize(
    ("question", "unwritten", "unknown"),
    [
        ("What's the rate limit of the GraphQL API?", {"graphql"}, ("GraphQL",)),
        ("Is there a region in Singapore?", {"singapor"}, ("Singapore",)),
        ("What does error LB-SYNC-404 mean?", {"404"}, ("LB-SYNC-404",)),
        # a name the passages write, in any casing, is known whatever the collection holds
        ("What does the Business plan cost?", {"busi"}, ()),
        ("Can Documents sync?", set(), ()),  # written in lower case by the collection: known
        ("Can I use a USB drive?", {"usb"}, ()),  # a short acronym: the knowledge base may say "external drive"
        ("What does the Businness plan cost?", {"busin"}, ()),  # a misspelling of a passage's word
        ("Does it work with Slack?", {"slack"}, ("Slack",)),  # five letters: no misspelling of "black"
        ("What is the price?", {"price"}, ()),  # no name at all
        # only what the question asks: the user's own context names what no knowledge base writes
        ("We are Acme Corp, a 15-seat team. Can we pay by invoice?", {"acm", "corp"}, ()),
        ("I am travelling to Japan, can I use Business offline?", {"japan"}, ()),
        ("Can I sign in as jane@acme.com?", {"jane", "acm"}, ()),  # the user's own address
        ("What does error LB-SYNC-098 mean?", {"098"}, ("LB-SYNC-098",)),  # no misspelling of LB-SYNC-099
    ],
)
def test_unwritten_names(question: str, unwritten: set[str], unknown: tuple[str, ...]) -> None:
    passages = passages_from_text(
        "The Business plan costs $15 per user per month. Black and white themes sync to every device. "
        "Error LB-SYNC-099 means a path is too long.",
        "plans",
    )
    assert unwritten_names(question, passages, frozenset(unwritten)) == unknown
