"""Minimal edits of a copied sentence (pure): a claim that repeats one evidence sentence word for word
but flips its polarity, or swaps one name (a plan, product or place) for another, contradicts it.

The entailment model reads such pairs least reliably (a near copy looks like support), and they are
exactly what a misquoted passage looks like. The rule is narrow on purpose, so that paraphrases stay
the model's to judge: for a polarity flip every content word of the claim must be in the sentence and
exactly one of the two negates, and mostly words they share; for a swapped name, the
claim's only content word missing from the sentence must be a name, in place of a name of the sentence
that the claim lacks.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.grounding.facts import TextFacts, polarity_flipped

MIN_WORDS = 4  # claims with fewer content words are too short to call anything a copy


def copy_edit(facts: TextFacts, sentences: Sequence[TextFacts], names: frozenset[str] | None = None) -> str | None:
    """`negation_conflict` or `entity_not_in_evidence` when the claim (`facts`, from `analyze`) is such
    an edit of one of `sentences` and no sentence holds it unedited; None otherwise. `names` are the stems
    of the claim's names (default: `facts.entities`); the caller leaves out the word opening a sentence,
    which `analyze` counts as a name when a capital follows it but is as often an instruction or an
    adjective: "Open Settings > Billing", "Actual Enterprise pricing"."""
    swappable = facts.entities if names is None else names
    if len(facts.bag) < MIN_WORDS:
        return None
    found = None
    for f in sentences:
        missing = facts.bag - f.bag
        if not missing and not polarity_flipped(facts, f):
            # A sentence states it with the same words and polarity; a negation elsewhere in the sentence
            # ("you do not need to uninstall it; the installer keeps your settings") is about other words.
            return None
        if not missing:
            found = "negation_conflict"
        elif len(missing) == 1 and missing <= swappable and (f.entities - facts.bag) and found is None:
            found = "entity_not_in_evidence"
    return found
