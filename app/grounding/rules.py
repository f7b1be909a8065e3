"""What the local verifier decides without the entailment model, or caps whatever the model says.

- **Copies.** A fact copied word for word from an evidence sentence (case, punctuation, Markdown and the
  spelling of figures aside) is supported: a whole sentence however short, a part of one from four words.
- **Work shown.** A short fact stating only figures the answer works out from stated ones (`arithmetic.py`)
  is supported by the arithmetic, which the model cannot do.
- **Rules that cap.** A fact that states a figure no passage states, a figure its closest sentence states
  otherwise, a plan, billing period or app its closest sentences do not, a figure its window gives to
  another plan (`pairing.py`), a name or code no passage writes,
  or a near copy of a sentence with its polarity flipped or a name changed: the model reads these least
  reliably, and each is the commonest way a fluent answer goes wrong. `rule_reason` gives the first that
  applies, as the verdict's reason; the verifier caps the fact's probability at `MISSING_NUMBER_CAP`.

Pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.grounding import equations
from app.grounding.alternatives import swapped_alternatives
from app.grounding.claims import strip_markup
from app.grounding.crossencoder import SHORT_ANSWER_WORDS
from app.grounding.edits import copy_edit
from app.grounding.facts import TextFacts, analyze
from app.grounding.names import missing_names, name_stems
from app.grounding.pairing import figure_of_another_plan
from app.grounding.quantities import Quantity, canonical, conflicting_quantities, missing_quantities, quantities

MISSING_NUMBER_CAP = 0.15  # the probability at most, of a fact that a rule below finds wrong
VERBATIM_PROB = 0.99
VERBATIM_MIN_WORDS = 4
# A short fact stating only a result the answer works out from stated figures (`arithmetic.py`) and shows
# its work for: supported by the arithmetic, whatever the model (which cannot add) reads.
WORKED_OUT_PROB = 0.9
# A window sentence exempts a fact's plan, billing period or app from `swapped_alternatives` only when it
# is nearly as close as the closest: "$15 per user per month when billed monthly" is in the window of
# "30% off Business on monthly billing", but the discount's own sentence says annually.
NEAR = 0.8

_NORM = re.compile(r"[\W_]+")


def rule_reason(
    fact: str,
    scope: str,
    ranked: Sequence[tuple[str, float]],
    plans: frozenset[str],
    named: Callable[[], tuple[str, frozenset[str]]],
    candidates: Sequence[TextFacts],
    excused: Sequence[Quantity],
    headings: Sequence[str] = (),
) -> str | None:
    """The first rule the fact breaks, or None. `scope` is the canonical text its figures must be found in
    (all passages, or its cited ones); `ranked` its window's sentences with their first-stage relevance,
    most relevant first; `plans` the passages' plan names; `named()` the text (and its stems) its names
    must be found in, built only when asked for; `candidates` the sentences it may rest on; `excused` the
    figures the question gives or the answer works out; `headings` those of `ranked`'s sentences."""
    if _unexcused(missing_quantities(fact, scope), excused):
        return "number_not_in_evidence"
    if _unexcused(conflicting_quantities(fact, [text for text, _ in ranked]), excused):
        return "number_differs_from_evidence"
    if ranked and swapped_alternatives(fact, [text for text, sc in ranked if sc >= NEAR * ranked[0][1]], plans):
        return "alternative_differs_from_evidence"
    if headings and figure_of_another_plan(
        fact, [(text, heading) for (text, _), heading in zip(ranked, headings, strict=True)], plans, excused
    ):
        return "alternative_differs_from_evidence"
    if missing_names(fact, *named()):
        return "entity_not_in_evidence"
    return copy_edit(analyze(fact), list(candidates), name_stems(fact))


def states_a_result(fact: str, worked: tuple[Quantity, ...]) -> bool:
    """A short fact that only states figures the answer works out ("100 TB.", "$45 a month."): the model
    cannot do the arithmetic, and the facts holding the work are judged on their own."""
    figures = quantities(fact)
    return (
        bool(figures)
        and len(fact.split()) <= SHORT_ANSWER_WORDS
        and all(any(q.matches(w) for w in worked) for q in figures)
    )


def shows_work(fact: str, excused: Sequence[Quantity], scope: str) -> bool:
    """A fact that is only a line of work whose arithmetic holds as written (`equations.holds`: "For 20
    users: 20 × 5 TB = 100 TB", "60 days before 1 September 2027 is 3 July 2027"), every figure it is worked
    from stated in `scope` or `excused` (given by the question, worked out by the answer). There is nothing
    else in it to entail, and the model, which cannot do arithmetic, reads such lines as unsupported."""
    if equations.holds(fact) is not True:
        return False
    worked_from = re.split(r"=|\bis\b", fact)[0]  # the result, after "=" or "is", is what the work gives
    return not _unexcused(missing_quantities(worked_from, scope), excused)


def _unexcused(figures: list[Quantity], worked: Sequence[Quantity]) -> list[Quantity]:
    return [q for q in figures if not any(q.matches(w) for w in worked)]


def copied_from(fact: str, sentences: Sequence[str]) -> int | None:
    """The first sentence the fact is, word for word, part of (case, punctuation, Markdown and spelling of
    numbers aside), or None: a copy is supported, whatever a model would say."""
    return copy_in(plain_spelling(fact), [plain_spelling(s) for s in sentences])


def copy_in(fact: str, sentences: Sequence[str]) -> int | None:
    """`copied_from` over texts already in `plain_spelling`."""
    n = len(fact.split())
    if n < 2:  # "No." copied from an FAQ says nothing without the FAQ's question
        return None
    # A whole sentence however short ("Run the installer."); a part of one only when long enough to
    # carry its own meaning ("delete your files" is part of "Larkbox does not delete your files").
    if n < VERBATIM_MIN_WORDS:
        return next((i for i, s in enumerate(sentences) if s == fact), None)
    # Padded with spaces so that words match whole: "5 GB" is not inside "15 GB".
    return next((i for i, s in enumerate(sentences) if f" {fact} " in f" {s} "), None)


def plain_spelling(text: str) -> str:
    """Words only, in one spelling: claims lose their Markdown ("See [Audit logs](url)" reads "See Audit
    logs") before they are judged, so the evidence must too."""
    return _NORM.sub(" ", canonical(strip_markup(text)).lower()).strip()
