"""A rate scaled to the count the question gives, worked out from the sentence that states the rate.

"Roughly how long will the first index take for 1.5 million files?" is answered by "about 1 hour for
every 500,000 files" and the question's count: the extractive backend quotes the sentence and adds the work
("For 1,500,000 files: 1 hour × 1,500,000 / 500,000 = 3 hours."), which the local verifier checks
(`grounding.equations`). Only when the question asks for a quantity and gives one count of the very thing
the rate is per ("files", "file"), and only from a sentence that states one such rate: an amount with a
unit, "for every" or "per" (or "for each"), a count of two or more and that thing (plural), and no cap
("up to", "at most") that the scaled figure could pass.

Pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from app.llm import question_shape as shape

_UNITS = r"(?:second|minute|hour|day|week|month|year|KB|MB|GB|TB)s?"
_RATE = re.compile(
    rf"(?<![\d,.])(?P<amount>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s+(?P<unit>{_UNITS})\s+(?:for\s+every|per|for\s+each)\s+"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<thing>[a-z]+s)\b",
    re.IGNORECASE,
)
# A rate under a cap ("10 GB per 5 users, up to 50 GB") does not scale past it: such a sentence is left quoted.
_CAPPED = re.compile(r"\b(?:at\s+most|maximum|max|capped|cap|up\s+to|no\s+more\s+than|in\s+total|limit(?:ed)?)\b", re.I)
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_COUNT = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<scale>thousand|million|billion)?(?:\s+|-)(?P<thing>[a-z]+)\b",
    re.IGNORECASE,
)


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def count_of(question: str, thing: str) -> int | None:
    """The one whole count of `thing` the question gives ("1.5 million files" -> 1,500,000, "a 15-seat team"
    -> 15), else None."""
    found = set()
    for m in _COUNT.finditer(question):
        if _singular(m["thing"]) != _singular(thing):
            continue
        value = Decimal(m["num"].replace(",", "")) * _SCALES.get((m["scale"] or "").lower(), 1)
        if value != value.to_integral_value():
            return None
        found.add(int(value))
    return found.pop() if len(found) == 1 else None


def scaled_rate(question: str, sentences: Sequence[str]) -> tuple[str, int] | None:
    """The line of work scaling the one rate a sentence states to the question's count of what it is per,
    and the index of that sentence; None when the question asks for no quantity or gives no such count."""
    if not shape.asks_quantity(question):
        return None
    for i, sentence in enumerate(sentences):
        rates = list(_RATE.finditer(sentence))
        if len(rates) != 1:
            continue
        rate = rates[0]
        if _CAPPED.search(sentence):
            continue
        count = count_of(question, rate["thing"])
        per = int(rate["n"].replace(",", ""))
        if count is None or count < 2 or count == per or per < 2 or count > 10**15:
            continue  # per 1 thing is a price, not a rate; "For 1 files" reads badly
        amount = Decimal(rate["amount"].replace(",", ""))
        result = (amount * count / per).quantize(Decimal("0.1"))
        if result < 1:
            continue  # "0 hours" for 50 files: a smaller unit would say it, the quote says enough
        unit = _singular(rate["unit"])
        return (
            f"For {count:,} {rate['thing']}: {_figure(amount, unit)} × {count:,} / {per:,} = {_figure(result, unit)}.",
            i,
        )
    return None


def number(value: Decimal) -> str:
    """ "1,500", "2.4", "0.25", "3.125": thousands marked, and every decimal the value has, no more."""
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value.normalize():,f}"


def _figure(value: Decimal, unit: str) -> str:
    """ "1 hour", "3 hours", "2.4 hours", "1,500 seconds", "12 GB": a unit of size is never pluralised."""
    text = number(value)
    if unit.upper() in ("KB", "MB", "GB", "TB"):
        return f"{text} {unit.upper()}"
    return f"{text} {unit}" if value == 1 else f"{text} {unit}s"
