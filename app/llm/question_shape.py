"""What a question asks for, read from its words alone: the extractive backend uses it to choose sentences.

- The variants it names: plans, tiers or editions ("the Business plan"), whose names are learnt from the
  passages themselves ("on the Free, Personal or Business plans"), so nothing here knows a product. A
  sentence about another variant answers another customer's question.
- Whether it asks how to do something: then the answer is the steps, in order, not the sentence that
  names the task.
- Whether it asks for a quantity, a time or a date: then a sentence with a figure is the likelier answer.
- Its parts, when it asks two things at once ("what's the rate limit, and how fast must the webhook
  reply?"): each part needs its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "the Free, Personal or Business plans", "Business plan", "the Pro tier": a run of capitalised names
# joined by commas, "and", "or", right before the word that makes them variants.
_VARIANT_RUN = re.compile(
    r"((?:\b[A-Z][A-Za-z0-9+]*(?:,\s+|\s+(?:and|or)\s+|,\s+(?:and|or)\s+))*\b[A-Z][A-Za-z0-9+]*)\s+"
    r"(?:plans?|tiers?|editions?|subscriptions?)\b"
)
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9+]*\b")
_NOT_NAMES = frozenset({"The", "A", "An", "On", "In", "For", "All", "Every", "Each", "Any", "Your", "Our", "Which"})
# A button's label names an act, not a plan: "click **Cancel subscription**", "**Resume subscription**".
_ACTS = frozenset(
    "Cancel Resume Renew Change Upgrade Downgrade Manage Start Stop End Pause Add Remove Buy Update View Edit New "  # noqa: SIM905
    "Confirm Delete Restore Switch".split()
)
# At the start of the question or of one of its sentences ("I forgot my password. How do I reset it?"), or
# a bare "How?" after the task ("I want to leave the folder but keep the files. How?").
_HOWTO = re.compile(
    r"(?:^|[.!?]\s+)\s*(?:how\s+(?:do|can|should|would|could)\s+(?:i|we|you|an?\s+\w+)\b|how\s+to\b|"
    r"what\s+are\s+the\s+steps|(?:what\s+are\s+the\s+)?steps\s+(?:to|for)\b|walk\s+me\s+through|"
    r"what\s+should\s+i\s+do|how\s*\?\s*$)",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\b(?:how\s+(?:many|much|long|often|fast|soon|quickly|big|large)|when|what\s+time|what\s+date|which\s+"
    r"(?:date|day|year|version|release)|what(?:'s|\s+is)\s+the\s+(?:\w+\s+)?(?:limit|range|size|price|cost|"
    r"maximum|minimum|rate|number|fee|version|deadline))\b",
    re.IGNORECASE,
)
_PART_SPLIT = re.compile(
    r"(?:,?\s+and\s+|\?\s+)(?=(?:how|what|what's|when|where|which|who|why|is|are|can|do|does|will)\b)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def variant_names(texts: Iterable[str]) -> frozenset[str]:
    """Names the texts use as variants: each capitalised name in a run right before "plan(s)", "tier(s)",
    "edition(s)" or "subscription(s)"."""
    out: set[str] = set()
    for text in texts:
        for run in _VARIANT_RUN.finditer(text):
            out.update(n for n in _NAME.findall(run.group(1)) if n not in _NOT_NAMES and n not in _ACTS)
    return frozenset(out)


def named(text: str, names: frozenset[str]) -> frozenset[str]:
    """The variant names `text` mentions (as whole capitalised words)."""
    return frozenset(n for n in _NAME.findall(text) if n in names)


_RESTRICTS = re.compile(r"\b(?:only|not|no|never|except|exclusively)\b", re.IGNORECASE)


def off_variant(sentence: str, asked: frozenset[str], names: frozenset[str]) -> bool:
    """Whether `sentence` is about other variants only: it names some, and none the question asked about.
    A restriction ("PayPal is accepted for the Personal plan only") is not: it answers the question about
    every other plan."""
    said = named(sentence, names)
    return bool(asked) and bool(said) and not (said & asked) and not _RESTRICTS.search(sentence)


def is_howto(question: str) -> bool:
    return bool(_HOWTO.search(question))


def asks_quantity(question: str) -> bool:
    return bool(_QUANTITY.search(question))


def has_figure(sentence: str) -> bool:
    return bool(_DIGIT.search(sentence))


def parts(question: str) -> list[str]:
    """The separate questions inside one, when it asks two or more things; else [question]."""
    pieces = [p.strip(" ,?") for p in _PART_SPLIT.split(question)]
    pieces = [p for p in pieces if len(p.split()) >= 3]
    return pieces if len(pieces) > 1 else [question]
