"""The extractive backend (the embedded default) on a small help centre: it answers from the right
sentence with its marker, abstains when nothing answers, and its pure helpers."""

from __future__ import annotations

import re

import pytest

from app.llm.candidates import cite, clean_sentence, is_prose, is_signpost, keywords
from app.llm.extractive import ExtractiveBackend
from app.llm.prompt import ABSTENTION
from ingestion.embedder import SentenceTransformerEmbedder
from tests.support.help_centre import Retrieve, make_retrieve, request_for

ANSWERS = [
    ("How do I reset my password?", 'Click "Forgot password?"'),
    ("How long is the password reset link valid?", "60 minutes"),
    ("How long do refunds take to arrive?", "5 to 10 business days"),
    ("Can I get a refund on a monthly plan?", "Monthly plans are not refunded"),
    ("How do I turn on two-factor authentication?", "click Enable 2FA"),
    ("I lost my phone, how can I sign in?", "backup code"),
    ("How many API requests can I make per minute?", "600 requests per minute"),
    ("What happens if I go over the rate limit?", "429"),
    ("How much does an extra seat cost?", "$8 per month"),
    ("Which payment methods do you accept?", "PayPal"),
    ("Can support reset my password over the phone?", "cannot reset a password"),
]
OFF_TOPIC = [
    "What is the capital of France?",
    "Who won the 2018 World Cup?",
    "How do I bake sourdough bread?",
    "Can I integrate with Salesforce?",
]


@pytest.fixture(scope="module")
def retrieve(embedder: SentenceTransformerEmbedder) -> Retrieve:
    return make_retrieve(embedder)


@pytest.fixture(scope="module")
def extractive(embedder: SentenceTransformerEmbedder) -> ExtractiveBackend:
    return ExtractiveBackend(embedder, max_sentences=3)


@pytest.mark.parametrize(("question", "fact"), ANSWERS)
def test_extractive_answers_from_the_right_sentence(
    extractive: ExtractiveBackend, retrieve: Retrieve, question: str, fact: str
) -> None:
    passages = retrieve(question)
    generation = extractive.generate(request_for(question, passages))
    assert fact in generation.text
    assert not generation.extra["abstained"]
    # Grounded by construction: every sentence carries a marker and is verbatim in the cited passage.
    cited = re.findall(r"(.+?) \[(\d)\][.!?]?(?: |$)", generation.text)
    evidence = generation.extra["sentences"]
    assert isinstance(evidence, list) and 1 <= len(evidence) <= 3
    assert len(cited) == len(evidence)
    for sentence, n in cited:
        assert sentence.strip()[:40] in " ".join(passages[int(n) - 1].text.split())


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_extractive_abstains_when_nothing_answers(
    extractive: ExtractiveBackend, retrieve: Retrieve, question: str
) -> None:
    generation = extractive.generate(request_for(question, retrieve(question)))
    assert generation.text == ABSTENTION and generation.extra["abstained"]


def test_extractive_abstains_without_passages(extractive: ExtractiveBackend) -> None:
    assert extractive.generate(request_for("How do refunds work?", [])).text == ABSTENTION
    assert list(extractive.stream(request_for("How do refunds work?", []))) == [ABSTENTION]


def test_extractive_streams_sentences_and_is_deterministic(extractive: ExtractiveBackend, retrieve: Retrieve) -> None:
    question = "How many API requests can I make per minute?"
    req = request_for(question, retrieve(question))
    deltas = list(extractive.stream(req))
    assert len(deltas) == 2
    assert all(re.search(r" \[\d\]\.$", d) for d in deltas)  # marker before the final full stop
    assert extractive.generate(req).text == extractive.generate(req).text == "".join(deltas)


@pytest.mark.parametrize(
    ("sentence", "n", "cited"),
    [
        ("Refunds take 5 days.", 2, "Refunds take 5 days [2]."),
        ("Is it free?", 1, "Is it free [1]?"),
        ("Click Finish .", 3, "Click Finish [3]."),  # HTML loaders leave a space before the stop
        ('Click "Save."', 1, 'Click "Save." [1]'),
        ("No stop at all", 4, "No stop at all [4]"),
    ],
)
def test_cite_puts_marker_before_final_punctuation(sentence: str, n: int, cited: str) -> None:
    assert cite(sentence, n) == cited


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("- Check your spam folder.", "Check your spam folder."),
        ("2. Click **Save**.", "Click **Save**."),
        ("Billing\nYou can cancel at any time.", "You can cancel at any time."),
        ("A sentence wrapped\nacross two lines.", "A sentence wrapped across two lines."),
    ],
)
def test_clean_sentence(raw: str, clean: str) -> None:
    assert clean_sentence(raw) == clean


@pytest.mark.parametrize(
    ("sentence", "prose"),
    [
        ("Refunds arrive within 5 to 10 business days.", True),
        ("Click Finish.", False),  # too short to answer anything
        ("Open Settings > Security.", True),
        ("Steps to reset a forgotten password", False),  # heading
        ("How long is the reset link valid?", False),  # an FAQ's own question
        ("| Plan | Price | Seats |", False),
        ("Can I get a higher limit?**", False),
    ],
)
def test_is_prose(sentence: str, prose: bool) -> None:
    assert is_prose(sentence) is prose


@pytest.mark.parametrize(
    ("sentence", "signpost"),
    [
        ("See [API rate limits](https://help.larkbox.example/api/rate-limits) for details.", True),
        ("See [API rate limits](https://help.larkbox.example/api/rate-limits).", True),
        ("For more information, see the Billing FAQ page.", True),
        ("This page lists the changes in each Larkbox Desktop 4 release.", True),
        ("This reference describes version 2 of the API, which is the current version.", True),
        ("See who viewed a link in its Insights tab.", False),  # an instruction
        ("See [Audit logs](https://x.example/a) to export 1,000,000 events at once, in CSV.", True),
        ("This page is served from the eu-central region.", False),
        ("The API reference describes each endpoint.", False),
    ],
)
def test_is_signpost(sentence: str, signpost: bool) -> None:
    assert is_signpost(sentence) is signpost


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("How do I reset my password?", {"reset", "password"}),
        ("How long do refunds take?", {"long", "refund", "take"}),
        ("Can I get charged twice?", {"charg", "twice"}),
        ("What is the office address?", {"offic", "address"}),
    ],
)
def test_keywords(question: str, words: set[str]) -> None:
    assert keywords(question) == words


# --- local: packaging and the missing-extra message ----------------------------------------------
