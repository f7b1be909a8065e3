"""The extractive backend answers the question asked (real MiniLM): a how-to question gets the steps in
order, a question about one plan is not opened by a sentence about another, a question that asks two
things gets a sentence for each, and a `Default:` list item can answer."""

from __future__ import annotations

import re

import pytest

from app.llm.candidates import CandidateSentence
from app.llm.extractive import _POINTS_BACK, ExtractiveBackend
from app.llm.procedures import is_procedure
from app.retrieval.passages import Passage
from ingestion.embedder import SentenceTransformerEmbedder
from tests.support.help_centre import request_for
from tests.support.help_centre import sentence_passage as passage

SSO = [
    passage("sso-about", "Single sign-on", [
        "Single sign-on lets members sign in with their company account.",
        "Single sign-on is available on the Enterprise plan only.",
    ]),
    passage("sso-steps", "Single sign-on > Steps to set up single sign-on", [
        "1.", "In the admin console, go to Security > Single sign-on.",
        "2.", "Click Add identity provider.",
        "3.", "Upload the metadata file from your identity provider.",
        "4.", "Set the mode to Required and click Save.",
    ]),
]  # fmt: skip
SUPPORT = [
    passage("support", "Support > Hours", [
        "On the Enterprise plan, support is available 24 hours a day, 7 days a week.",
        "On the Business plan, support is available Monday to Friday, 07:00 to 19:00 UTC.",
        "On the Free plan, support is by email only.",
    ]),
]  # fmt: skip
API = [
    passage("limits", "API > Rate limits", [
        "On the Enterprise plan, the API rate limit is 6,000 requests per minute.",
        "Requests over the limit get HTTP 429.",
    ]),
    passage("webhooks", "API > Webhooks", [
        "Larkbox sends a POST request to your webhook URL for every event.",
        "Your endpoint must reply within 10 seconds, or the delivery is retried later.",
    ]),
]  # fmt: skip
SETTINGS = [
    passage("sessions", "Admin > Web sessions", [
        "Admins can set how long a web session lasts.",
        "- Default: 14 days without activity",
        "- Range: 1 hour to 30 days",
    ]),
]  # fmt: skip


@pytest.fixture(scope="module")
def backend(embedder: SentenceTransformerEmbedder) -> ExtractiveBackend:
    return ExtractiveBackend(embedder, max_sentences=3)


def _answer(backend: ExtractiveBackend, question: str, passages: list[Passage]) -> str:
    return backend.generate(request_for(question, passages)).text


def _in_order(text: str, parts: list[str]) -> list[int]:
    """Where each part is in the answer; every one is there, in this order."""
    where = [text.find(p) for p in parts]
    assert all(w >= 0 for w in where) and where == sorted(where), text
    return where


def test_a_howto_question_gets_the_steps_in_order(backend: ExtractiveBackend) -> None:
    text = _answer(backend, "How do I set up single sign-on?", SSO)
    steps = ["go to Security", "Click Add identity provider", "Upload the metadata", "Set the mode to Required"]
    _in_order(text, steps)
    assert all(re.search(re.escape(s) + r"[^\[]*\[2\]", text) for s in steps)  # each step cites its passage


def test_a_sentence_about_another_plan_does_not_open_the_answer(backend: ExtractiveBackend) -> None:
    text = _answer(backend, "What are the support hours on the Business plan?", SUPPORT)
    assert text.startswith("On the Business plan") and "07:00 to 19:00" in text, text


def test_a_question_asking_two_things_gets_both(backend: ExtractiveBackend) -> None:
    text = _answer(backend, "What's the API rate limit on Enterprise, and how fast must my webhook reply?", API)
    assert "6,000 requests per minute" in text and "10 seconds" in text, text


def test_a_default_list_item_can_answer(backend: ExtractiveBackend) -> None:
    text = _answer(backend, "What is the default web session length?", SETTINGS)
    assert "Default: 14 days" in text, text


RETIRED = [
    passage("desktop-3", "Larkbox Desktop 3 > End of support", [
        "Larkbox Desktop 3 reached the end of its support on 30 September 2026.",
        "From this date, 3.x apps can no longer sign in or sync.",
        "Larkbox Desktop 4 installs beside version 3 and moves its settings.",
    ]),
]  # fmt: skip


def test_a_sentence_that_points_back_brings_the_one_it_points_at(backend: ExtractiveBackend) -> None:
    text = _answer(backend, "When did the old 3.x desktop app stop syncing?", RETIRED)
    assert "From this date, 3.x apps can no longer sign in or sync" in text, text
    assert text.index("30 September 2026") < text.index("From this date"), text  # in reading order


@pytest.mark.parametrize(
    ("sentence", "points_back"),
    [
        ("From this date, 3.x apps can no longer sign in or sync.", True),
        ("After that, every request fails with HTTP 410 Gone.", True),
        ("It has been replaced by Larkbox Desktop 4.", True),
        ("This limit applies to every member of the team.", True),
        ("These settings are kept when you upgrade.", True),
        ("This inactive account policy took effect on 1 March 2025.", False),  # names what it is about
        ("It's easy to share a folder with a link.", False),
        ("Italy and Spain are served from the eu-south region.", False),
        ("Thereafter nothing changes.", False),
    ],
)
def test_which_sentences_point_back(sentence: str, points_back: bool) -> None:
    assert bool(_POINTS_BACK.match(sentence)) is points_back


REFUNDS = [
    passage("refund-steps", "Billing > Request a refund", [
        "1.", "Sign in and go to Settings > Billing > Invoices.",
        "Team accounts use Billing > Invoices in the admin console.",
        "2.", "Find the charge and click Request refund.",
        "3.", "Choose a reason and click Submit.",
    ]),
    passage("refund-policy", "Billing > Refund policy", [
        "Annual plans can be refunded within 30 days of purchase.",
        "Monthly plans are not refunded.",
    ]),
]  # fmt: skip


def test_a_procedure_is_quoted_from_its_first_step(backend: ExtractiveBackend) -> None:
    # The step that matches the question best is the second; without the first the user cannot find it.
    text = _answer(backend, "How do I request a refund for a charge?", REFUNDS)
    steps = ["go to Settings > Billing > Invoices", "click Request refund", "click Submit"]
    where = _in_order(text, steps)
    assert "Team accounts use" not in text or text.index("Team accounts use") > where[0], text


SAML = [
    passage("saml-values", "SAML > Values for your identity provider", [
        "- **Assertion Consumer Service (ACS) URL**: `https://sso.example.com/saml/acs`",
        "- **Entity ID**: `https://sso.example.com/saml/metadata`",
    ]),
    passage("saml-errors", "SAML > Troubleshooting", [
        "- **SAML response not valid**: the certificate does not match the one your identity provider signs with.",
        "- **SAML user not assigned**: assign the SAML application to the user in your identity provider.",
        "SAML errors are listed in the audit log.",
    ]),
]  # fmt: skip


def test_a_label_answers_when_it_names_what_the_question_asks(backend: ExtractiveBackend) -> None:
    # "ACS URL" is the label the question asks for; "SAML ..." labels share only the article's topic word.
    text = _answer(backend, "What ACS URL do I enter in my identity provider for SAML?", SAML)
    assert "saml/acs" in text and "not valid" not in text, text


LOCKING = [
    passage("locking", "Conflicted copies and file locking > Preventing conflicts", [
        "On the Business and Enterprise plans, you can lock a file so that only you can edit it.",
        "A lock expires automatically after 24 hours.",
        "File locking is not available on the Free and Personal plans.",
    ]),
    passage("personal", "The Personal plan > Storage", [
        "The Personal plan includes 2 TB of storage.",
    ]),
]  # fmt: skip


def test_a_plan_without_the_feature_is_told_which_plans_have_it(backend: ExtractiveBackend) -> None:
    text = _answer(backend, "Is file locking available on the Personal plan?", LOCKING)
    assert "not available on the Free and Personal plans" in text, text
    assert "On the Business and Enterprise plans, you can lock a file" in text, text


TRANSFER = [
    passage("transfer-about", "Transfer ownership of a shared folder", [
        "The owner of a shared folder can hand the folder over to another member.",
        "Each shared folder has exactly one owner.",
    ]),
    passage("transfer-steps", "Transfer ownership of a shared folder > Steps to transfer ownership", [
        "1.", "On the web, open the shared folder and click Share.",
        "2.", "Open the Members tab.",
        "The new owner must already be an Editor of the folder.",
        "3.", "Next to the member, choose Make owner.",
        "4.", "Read the summary and click Transfer ownership.",
    ]),
    passage("roles", "Shared folders > Roles", [
        "- Owner: the person who owns the folder.",
        "- Editor: can add, edit and delete files.",
        "- Viewer: can view and download files.",
    ]),
]  # fmt: skip


def test_a_procedure_whose_steps_never_name_the_task_is_quoted_whole(backend: ExtractiveBackend) -> None:
    # No step says "hand over ownership": read whole, under its heading, the procedure does. A list of
    # terms (the roles) is no procedure, and a step's note comes with the steps.
    text = _answer(backend, "How do I hand over ownership of a shared folder to a colleague?", TRANSFER)
    _in_order(text, ["click Share", "Open the Members tab", "must already be an Editor", "Make owner"])
    assert "Viewer" not in text, text


@pytest.mark.parametrize(
    ("items", "procedure"),
    [
        (["Sign in at example.com.", "On the web, open Settings.", "If asked, enter your code."], True),
        (["**Cancel any paid subscription.** An account with a plan cannot be deleted.", "Export your files."], True),
        (["**Off**: members sign in with a password.", "**Required**: members must use SSO."], False),
        (["Up to 20 webhooks per app.", "URLs must use HTTPS.", "Click Save."], False),
    ],
)
def test_is_procedure(items: list[str], procedure: bool) -> None:
    cands = [CandidateSentence(1, i, 0, 0, t, "", True) for i, t in enumerate(items)]
    assert is_procedure(cands, range(len(cands))) is procedure


EXPORT = [
    passage("export", "Account > Export your data", [
        "Larkbox prepares a ZIP archive of your files and emails you a download link.",
        "The download link is valid for 7 days.",
        "You can request one export a day.",
    ]),
    passage("plans", "Plans > Business", [
        "A Business team has between 3 and 300 users.",
    ]),
]  # fmt: skip


def test_the_opening_sentence_brings_the_condition_that_follows_it(backend: ExtractiveBackend) -> None:
    text = _answer(backend, "How do I receive the archive of my files?", EXPORT)
    assert text.startswith("Larkbox prepares a ZIP archive"), text
    assert "valid for 7 days" in text and "Business team" not in text, text
