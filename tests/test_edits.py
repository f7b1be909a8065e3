"""copy_edit: near copies with a flipped polarity or a changed name are contradictions; paraphrases and
faithful copies are not judged by this rule."""

from __future__ import annotations

import pytest

from app.grounding.edits import copy_edit
from app.grounding.facts import analyze
from app.grounding.names import name_stems

SENTENCES = [
    "Shared links on the Free plan cannot be protected with a password.",
    "On the Business plan, the maximum upload size is 100 GB per file.",
    "Phone support is open from 7am to 7pm CET on weekdays.",
    "A Business team needs at least 3 users and at most 300.",
    "Larkbox does not refund seats removed mid-term.",
    "You do not need to uninstall 3.x first; the installer replaces it and keeps your settings and sync choices.",
    "If a customer revokes the key, Larkbox can no longer decrypt the customer's files, and the files become "
    "inaccessible within 15 minutes.",
]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Shared links on the Free plan can be protected with a password.", "negation_conflict"),
        ("On the Personal plan, the maximum upload size is 100 GB per file.", "entity_not_in_evidence"),
        ("Phone support is not open from 7am to 7pm CET on weekdays.", "negation_conflict"),
        ("Shared links on the Free plan cannot be protected with a password.", None),  # the copy itself
        ("On the Business plan the biggest file you can upload is 100 GB.", None),  # a faithful near copy
        ("You can't put a password on a shared link if you're on Free.", None),  # a paraphrase: the model's
        ("Free users don't get Rewind.", None),  # shares too few words with any sentence
        ("Short claim.", None),
        ("A Business team can't exceed 300 users.", None),  # a negation that paraphrases "at most"
        ("Seats removed in the middle of a term aren't refunded.", None),
        # the sentence negates other words than the claim's: no flip
        ("The installer keeps your settings and sync choices.", None),
        ("Once the key is revoked, the files become inaccessible within 15 minutes.", None),
        # both negate something: whether the same thing is the model's to read
        ("The installer does not keep your settings and sync choices.", None),
    ],
)
def test_copy_edit(claim: str, expected: str | None) -> None:
    assert copy_edit(analyze(claim), [analyze(s) for s in SENTENCES]) == expected


def test_no_sentences() -> None:
    assert copy_edit(analyze("Shared links on the Free plan can be protected with a password."), []) is None


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the opening word is an instruction or an adjective, not a name, though a capital follows it
        (
            "Open Settings > Billing > Plan.",
            "Until the paid period ends, you can undo a cancellation in Settings > Billing > Plan by clicking "
            "**Resume subscription**.",
            None,
        ),
        (
            "Actual Enterprise pricing is agreed by quote.",
            "Enterprise pricing is agreed by quote with the Larkbox sales team.",
            None,
        ),
        # a name inside the sentence is still one
        (
            "On the Personal plan, the maximum upload size is 100 GB per file.",
            "On the Business plan, the maximum upload size is 100 GB per file.",
            "entity_not_in_evidence",
        ),
        (
            "Support for Larkbox Vault is open from Dublin on weekdays.",
            "Support for Larkbox Vault is open from Sydney on weekdays.",
            "entity_not_in_evidence",
        ),
    ],
)
def test_an_opening_word_is_no_swapped_name(claim: str, sentence: str, expected: str | None) -> None:
    assert copy_edit(analyze(claim), [analyze(sentence)], name_stems(claim)) == expected
