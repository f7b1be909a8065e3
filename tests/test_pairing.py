"""A figure given to the wrong plan (`app/grounding/pairing.py`): pure table tests, and the local verifier
flagging the swap that the entailment model alone supports (real MiniLM and support model)."""

from __future__ import annotations

import pytest

from app.grounding.local import LocalVerifier
from app.grounding.pairing import figure_of_another_plan, pairs
from app.grounding.quantities import quantities
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from tests.support.help_centre import sentence_passage as passage

PLANS = frozenset({"Free", "Personal", "Business", "Enterprise"})


@pytest.mark.parametrize(
    ("text", "heading", "found"),
    [
        ("The audit log keeps events for 90 days on Business and 730 days on Enterprise.", "",
         [("Business", "90 days"), ("Enterprise", "730 days")]),
        ("Downloads: 20 GB on Free, 200 GB on Personal and 1 TB on Business.", "",
         [("Free", "20 GB"), ("Personal", "200 GB"), ("Business", "1 TB")]),
        # plans named together share the figure
        ("Larkbox gives Business and Enterprise customers 30 days' notice.", "",
         [("Business", "30 days"), ("Enterprise", "30 days")]),
        # a clause without a plan takes its sentence's one plan, else its heading's
        ("- On the Business plan, deleted files can be restored for 180 days.", "", [("Business", "180 days")]),
        ("Deleted files can be restored for 180 days.", "Business plan > Deleted files", [("Business", "180 days")]),
        ("Deleted files can be restored for 180 days.", "Business and Enterprise", []),
        # two plans apart in one clause: which figure is whose is not clear
        ("Personal keeps deleted files for 30 days rather than Business's 180 days.", "", []),
        ("Business allows up to 300 users.", "", []),  # a count: no unit to pair
        # plans at large are not the sentence's plan; a plan's name in its common use names no plan
        ("Enterprise admins restore files for 730 days, and all other plans get 90 days.", "",
         [("Enterprise", "730 days")]),
        ("Personal data is deleted within 30 days.", "", []),
        ("Business hours are 07:00 to 19:00 UTC.", "", []),
    ],
)  # fmt: skip
def test_pairs(text: str, heading: str, found: list[tuple[str, str]]) -> None:
    assert sorted((p, q.text) for p, q in pairs(text, PLANS, heading)) == sorted(found)


COMPARED = "The audit log keeps events for 90 days on Business and 730 days on Enterprise."
AUDIT = [
    ("- On the Business plan, the audit log keeps events for 90 days.", "Audit logs > Retention"),
    ("- On the Enterprise plan, the audit log keeps events for 730 days.", "Audit logs > Retention"),
]


@pytest.mark.parametrize(
    ("fact", "window", "flagged"),
    [
        ("Business keeps audit log events for 730 days.", AUDIT, ["730 days"]),
        ("Business keeps events for 730 days, whereas Enterprise keeps them for 90 days.",
         [(COMPARED, "")],
         ["730 days", "90 days"]),
        ("Business keeps audit log events for 90 days.", AUDIT, []),
        ("Enterprise keeps events for two years (730 days).", AUDIT, []),
        ("Business and Enterprise keep events for 90 days.", AUDIT, ["90 days"]),  # Enterprise's is 730
        ("Unlike Enterprise, Business does not keep events for 730 days.", AUDIT, []),  # negates: the model's
        ("Personal keeps audit log events for 730 days.", AUDIT, []),  # nothing about Personal: other rules'
        ("The audit log keeps events for 730 days.", AUDIT, []),  # no plan named
    ],
)  # fmt: skip
def test_figure_of_another_plan(fact: str, window: list[tuple[str, str]], flagged: list[str]) -> None:
    assert [q.text for q in figure_of_another_plan(fact, window, PLANS)] == flagged


def test_a_figure_the_question_gives_is_not_checked() -> None:
    fact = "Business keeps audit log events for 730 days."
    assert figure_of_another_plan(fact, AUDIT, PLANS, quantities("We need 730 days.")) == []


def test_the_verifier_flags_a_figure_given_to_the_wrong_plan(embedder: SentenceTransformerEmbedder) -> None:
    passages = [
        passage("audit", "Audit logs", [COMPARED]),
        passage(
            "plans",
            "Plans compared",
            [  # the plans the rule knows are the passages' own
                "The Business plan costs $15 per user per month.",
                "The Enterprise plan starts at $25 per user per month.",
            ],
        ),
    ]
    verifier = LocalVerifier(CachedEmbedder(embedder))
    swapped = "Business keeps audit log events for 730 days, whereas Enterprise keeps them for 90 days."
    wrong = verifier.verify(swapped, passages).claims[0]  # the model alone supports it
    assert (wrong.label, wrong.reason) == ("unsupported", "alternative_differs_from_evidence")
    faithful = "Business keeps audit log events for 90 days, whereas Enterprise keeps them for 730 days."
    assert verifier.verify(faithful, passages).claims[0].label == "supported"
