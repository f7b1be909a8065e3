"""The local verifier with the real MiniLM encoder and the shipped support adapter, on help-centre text
written for this test (never part of the training data): faithful paraphrases are supported, minimal
edits are not, support spread over two sentences is found, evidence points at document sentences,
long claims are judged fact by fact, citations are checked, and work is batched and cached."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from app.grounding.crossencoder import CrossEncoder
from app.grounding.local import LocalVerifier
from app.grounding.rules import copied_from
from app.grounding.verifier import ClaimVerdict, Verification, passages_from_text
from app.retrieval.passages import Passage
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder

DOC = (
    "The Free plan includes 5 GB of storage for one user. "
    "On the Free plan, the API rate limit is 60 requests per minute. "
    "Shared links on the Free plan cannot be protected with a password. "
    "Deleted files stay in Deleted files for 30 days before they are permanently removed. "
    "The Business plan costs $15 per user per month, billed annually. "
    "A Business team needs at least 3 users and at most 300. "
    "You can try the Business plan free for 14 days with up to 10 users. "
    "No credit card is needed to start the trial. "
    "Larkbox Support replies to Business customers within 4 business hours. "
    "Phone support is open from 7am to 7pm CET on weekdays. "
    "The v1 API will be retired on 31 March 2027. "
    "Priya Natarajan leads the Larkbox security team in Dublin. "
    "Rewind is not available on the Free plan."
)
SUPPORTED = [
    "Free accounts come with 5 GB of space for a single user.",
    "The Free plan allows 60 API requests a minute.",
    "You can't put a password on a shared link if you're on Free.",
    "Deleted files are kept for 30 days and then removed for good.",
    "Business is $15 per user each month when you pay yearly.",
    "You can trial Business for two weeks with as many as ten users.",
    "Starting the trial doesn't require a credit card.",
    "Phone support runs from 07:00 to 19:00 CET, Monday to Friday.",
    "Business customers hear back from Support in 4 business hours or less.",
    "The Larkbox security team is based in Dublin and led by Priya Natarajan.",
    "Free users don't get Rewind.",
]


def _known_miss(kind: str, claim: str, why: str) -> object:
    """A minimal edit the shipped adapter passes: kept in the table, strict, so a better model shows."""
    return pytest.param(kind, claim, marks=pytest.mark.xfail(strict=True, reason=f"known miss: {why}"))


UNSUPPORTED = [
    ("number", "Free accounts come with 50 GB of space for a single user."),
    ("number", "You can trial Business for three weeks with as many as ten users."),
    ("time", "Phone support runs from 08:00 to 19:00 CET, Monday to Friday."),
    ("entity", "The Larkbox security team is based in Berlin and led by Priya Natarajan."),
    ("entity", "The Personal plan allows 60 API requests a minute."),
    ("negation", "You can put a password on a shared link if you're on Free."),
    _known_miss("negation", "Free users get Rewind.", "negation of a short sentence, 0.89"),
    _known_miss(
        "relation", "Priya Natarajan reports to the Larkbox security team in Dublin.", "leads/reports to, 0.60"
    ),
    ("unstated", "Business customers get a dedicated account manager."),
]


class CountingModel(CrossEncoder):
    """The real support model, counting the pairs it is asked to read."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[int] = []

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.calls.append(len(pairs))
        return super().logits(pairs)


@pytest.fixture(scope="module")
def model() -> CountingModel:
    return CountingModel()


@pytest.fixture(scope="module")
def verifier(embedder: SentenceTransformerEmbedder, model: CountingModel) -> LocalVerifier:
    return LocalVerifier(CachedEmbedder(embedder), model=model)


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return passages_from_text(DOC, "doc-plans", per_passage=4)


def _only(v: Verification) -> ClaimVerdict:
    assert len(v.claims) == 1
    return v.claims[0]


@pytest.mark.parametrize("claim", SUPPORTED)
def test_faithful_paraphrases_are_supported(verifier: LocalVerifier, passages: list[Passage], claim: str) -> None:
    c = _only(verifier.verify(claim, passages))
    assert c.label == "supported", (c.score, [e.text for e in c.evidence])


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        # its day and year are stated (31 March 2027), the date is not
        ("The v1 API will be retired on 31 May 2027.", "number_not_in_evidence"),
    ],
)
def test_a_figure_stated_about_something_else_is_not_support(
    verifier: LocalVerifier, passages: list[Passage], claim: str, reason: str
) -> None:
    c = _only(verifier.verify(claim, passages))
    assert (c.label, c.reason) == ("unsupported", reason), c.score


@pytest.mark.parametrize(
    "claim",
    [
        "The Larkbox security team in Dublin is led by Tomasz Reiland.",
        "Larkbox Support replies to Business customers via support@larkbox.example within 4 business hours.",
    ],
)
def test_a_name_the_passages_never_write_is_not_supported(
    verifier: LocalVerifier, passages: list[Passage], claim: str
) -> None:
    c = _only(verifier.verify(claim, passages))
    assert (c.label, c.reason) == ("unsupported", "entity_not_in_evidence"), c.score


def test_a_name_the_question_gives_is_the_askers(verifier: LocalVerifier, passages: list[Passage]) -> None:
    c = _only(
        verifier.verify("Priya Natarajan leads the Larkbox security team in Dublin, Jo.", passages, "Who leads it, Jo?")
    )
    assert c.reason != "entity_not_in_evidence"


@pytest.mark.parametrize(("kind", "claim"), UNSUPPORTED)
def test_minimal_edits_are_not(verifier: LocalVerifier, passages: list[Passage], kind: str, claim: str) -> None:
    c = _only(verifier.verify(claim, passages))
    assert c.label == "unsupported", (kind, c.score)
    assert c.reason


@pytest.mark.xfail(strict=True, reason="known miss: 'How long is the Business trial? 14 days.' reads 0.29")
def test_a_short_answer_is_judged_with_its_question(verifier: LocalVerifier, passages: list[Passage]) -> None:
    right = _only(verifier.verify("Two weeks.", passages, "How long is the Business trial?"))
    wrong = _only(verifier.verify("Two months.", passages, "How long is the Business trial?"))
    assert (right.label, wrong.label) == ("supported", "unsupported")


def test_a_claim_is_judged_fact_by_fact(verifier: LocalVerifier, passages: list[Passage]) -> None:
    c = _only(verifier.verify("A Business team needs at least three users and can't go over 300.", passages))
    assert c.label == "supported" and len(c.facts) == 2
    c = _only(verifier.verify("A Business team needs at least three users and can't go over 500.", passages))
    assert c.label == "unsupported" and c.reason == "part_not_supported"
    assert [f.label for f in c.facts] == ["supported", "unsupported"]
    assert c.score == min(f.score for f in c.facts if f.score is not None)


def test_support_spread_over_two_sentences_is_found(verifier: LocalVerifier, passages: list[Passage]) -> None:
    c = _only(verifier.verify("The 14-day Business trial for up to 10 users needs no credit card.", passages))
    assert c.label == "supported"
    texts = {e.text for e in c.evidence}
    assert "No credit card is needed to start the trial." in texts
    assert "You can try the Business plan free for 14 days with up to 10 users." in texts


def test_evidence_offsets_point_into_the_document(verifier: LocalVerifier, passages: list[Passage]) -> None:
    c = _only(verifier.verify("Rewind isn't offered on the Free plan.", passages))
    assert c.evidence and all(DOC[e.start : e.end] == e.text for e in c.evidence)
    assert c.evidence[0].text == "Rewind is not available on the Free plan."


def test_citations_are_checked(verifier: LocalVerifier, passages: list[Passage]) -> None:
    n_free = next(n for n, p in enumerate(passages, 1) if "5 GB" in p.text)
    n_other = next(n for n, p in enumerate(passages, 1) if "5 GB" not in p.text)
    right = _only(verifier.verify(f"Free accounts get 5 GB of storage [{n_free}].", passages))
    wrong = _only(verifier.verify(f"Free accounts get 5 GB of storage [{n_other}].", passages))
    assert (right.citations_support, wrong.citations_support) == (True, False)
    assert wrong.label == "supported"  # the claim holds; only its citation is wrong


def test_a_per_call_threshold_relabels(verifier: LocalVerifier, passages: list[Passage]) -> None:
    claim = "Business is $15 per user each month when you pay yearly."
    base = _only(verifier.verify(claim, passages))
    strict = _only(verifier.verify(claim, passages, threshold=min(1.0, (base.score or 0) + 0.001)))
    assert base.label == "supported" and strict.label == "unsupported" and strict.score == base.score


def test_no_claims_and_no_passages(verifier: LocalVerifier, passages: list[Passage]) -> None:
    assert verifier.verify("Hi! Happy to help.", passages).claims == []
    c = _only(verifier.verify("Free accounts get 5 GB.", []))
    assert (c.label, c.reason) == ("unsupported", "no_passages")


def test_verbatim_copies_need_no_model_and_repeats_are_cached(
    embedder: SentenceTransformerEmbedder, model: CountingModel
) -> None:
    v = LocalVerifier(CachedEmbedder(embedder), model=model)
    ps = passages_from_text(DOC, "d", per_passage=4)
    before = len(model.calls)
    c = _only(v.verify("The v1 API will be retired on 31 March 2027.", ps))
    assert c.label == "supported" and len(model.calls) == before  # copied from one sentence: no model call
    v.verify("The old v1 API goes away at the end of March 2027.", ps)
    # One batch: the fact against its window and against each of its best sentences alone.
    assert len(model.calls) == before + 1 and 1 <= model.calls[-1] <= 3
    v.verify("The old v1 API goes away at the end of March 2027.", ps)
    assert len(model.calls) == before + 1  # the same pair again: cached


def test_passages_without_sentence_offsets_are_split(verifier: LocalVerifier) -> None:
    text = "Refunds take 5 business days. Annual plans can be refunded within 30 days."
    bare = Passage("c1", "d1", "default", "t", None, None, "md", 100, 100 + len(text), text, 1.0)
    c = _only(verifier.verify("You can get a refund on an annual plan for 30 days.", [bare]))
    assert c.label == "supported"
    assert (c.evidence[0].start, c.evidence[0].end) == (130, 100 + len(text))


def test_a_figure_misquoted_from_the_closest_sentence_is_not_support(verifier: LocalVerifier) -> None:
    # 30 days is stated, about refunds, outside the fact's window; the sentences about grace say 14
    passages = [
        *passages_from_text(
            "Admins can make two-step verification mandatory for every member of a team. "
            "Members then get a grace period of up to 14 days to set up two-step verification. "
            "Members who have not set up two-step verification by then cannot sign in. "
            "Two-step verification works with any authenticator app and with security keys.",
            "doc-2sv",
        ),
        *passages_from_text("Refunds are issued within 30 days of a cancellation request.", "doc-refunds"),
    ]
    c = _only(verifier.verify("Members get at most 30 days of grace to set up two-step verification.", passages))
    assert (c.label, c.reason) == ("unsupported", "number_differs_from_evidence"), c.score
    right = _only(verifier.verify("Members get at most 14 days of grace to set up two-step verification.", passages))
    assert right.label == "supported", right.score


UPGRADE = """## How to upgrade to Tandem Desktop 4

Tandem Desktop 3.x is no longer supported.

1. Download the latest installer from tandem.example/download.
2. Run the installer.
3. Sign in when prompted.
4. Wait for the first index to finish.

Tandem Desktop 4 re-indexes your Tandem folder on first launch.
Upgrading to Tandem Desktop 4 keeps your settings.
Tandem Desktop 4 installs over version 3.
You do not need to uninstall version 3 before you upgrade."""


@pytest.mark.parametrize("step", ["Run the installer.", "Sign in when prompted."])
def test_a_short_stepcopied_from_the_passage_rests_on_that_step(verifier: LocalVerifier, step: str) -> None:
    # The question's words pull the fact's window towards the heading and the longer sentences; the copy
    # is found in any sentence it may rest on, and that sentence is its evidence.
    ps = passages_from_text(UPGRADE, "doc-upgrade", per_passage=8)
    answer = f"Download the latest installer from tandem.example/download [1]. {step[:-1]} [1]."
    c = verifier.verify(answer, ps, question="How do I upgrade from Tandem Desktop 3.x to version 4?").claims[1]
    assert c.label == "supported" and c.score >= 0.99, c
    assert [e.text for e in c.evidence] == [step], c.evidence


COPY_SOURCES = [
    "No.",
    "Run the installer.",
    "Larkbox does not delete your files.",
    "See [Audit logs](https://x.example/a) for details.",
]


@pytest.mark.parametrize(
    ("fact", "copied"),
    [
        ("Run the installer", 1),  # a whole sentence, however short
        ("No", None),  # but not one word: "No." answers the question it was written under
        ("the installer", None),  # a short part of a sentence is not a copy
        ("Larkbox does not delete your files", 2),
        ("does not delete your files", 2),
        ("See Audit logs for details", 3),  # the claim lost its Markdown link: so does the evidence
    ],
)
def test_what_counts_as_a_copy(fact: str, copied: int | None) -> None:
    assert copied_from(fact, COPY_SOURCES) == copied


POOL = (
    "On the Business plan, each user adds 5 TB of storage to a pool that the whole team shares. "
    "Extra storage packs of 1 TB cost $8 per month each. "
    "A Business team needs at least 3 users."
)
POOL_QUESTION = "Our Business team has 12 members and buys 3 storage packs. How much storage do we have?"


@pytest.mark.parametrize(
    ("answer", "flagged"),
    [
        # The result alone (supported by the arithmetic, not by the model), then its work: every figure
        # is stated, asked or worked out from them.
        ("63 TB. The 12 users add 5 TB each, 60 TB in all, and the 3 packs of 1 TB add 3 TB.", []),
        # A wrong total, a wrong operand: figures nobody states or works out.
        ("68 TB. The 12 users add 5 TB each, 60 TB in all, and the 3 packs of 1 TB add 3 TB.", ["68 TB."]),
        ("84 TB. The 12 users add 7 TB each, 84 TB in all.", ["84 TB.", "The 12 users add 7 TB each, 84 TB in all."]),
    ],
)
def test_figures_worked_out_from_stated_ones_are_not_invented(
    verifier: LocalVerifier, answer: str, flagged: list[str]
) -> None:
    # What the number check says of each claim (the model's reading of the work is another matter).
    v = verifier.verify(answer, passages_from_text(POOL, "doc-pool"), POOL_QUESTION)
    numbers = [c.text for c in v.claims if "number_not_in_evidence" in {c.reason, *(f.reason for f in c.facts)}]
    assert numbers == flagged, [(c.text, c.score, c.reason) for c in v.claims]
    short = v.claims[0]
    assert short.supported == (not flagged), (short.score, short.reason)
