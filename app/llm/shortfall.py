"""How far the question's count falls short of a minimum a sentence states.

"We're a 15-seat Business team on annual billing. Can we pay by invoice?" is answered by "Business teams
with 20 or more seats on annual billing ... can pay by invoice" and the question's count: the extractive
backend quotes the sentence and adds the work ("For 15 seats: 20 seats - 15 seats = 5 seats short."),
which the local verifier checks (`grounding.equations`). Only when the question gives one count of the
very thing the minimum counts (seats, users, members, files, requests: a count, not a duration, where "at
least 180 days" is what is guaranteed, not required), that count is under the minimum, and one sentence
states one such minimum ("20 or more seats", "at least 3 users", "a minimum of 50 users").

Pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.grounding.equations import counted
from app.llm.rates import count_of

_MINIMUM = re.compile(
    r"\b(?:(?:at\s+least|a\s+minimum\s+of|minimum\s+of)\s+(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<athing>[a-z]+)"
    r"|(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+or\s+more\s+(?P<bthing>[a-z]+))\b",
    re.IGNORECASE,
)


def shortfall(question: str, sentences: Sequence[str]) -> tuple[str, int] | None:
    """The line of work saying by how much the question's count is under the one minimum a sentence states
    for the same thing, and that sentence's index; None when no sentence states a minimum the count misses."""
    for i, sentence in enumerate(sentences):
        minima = list(_MINIMUM.finditer(sentence))
        if len(minima) != 1:
            continue
        m = minima[0]
        least = int((m["a"] or m["b"]).replace(",", ""))
        thing = (m["athing"] or m["bthing"]).lower()
        count = count_of(question, thing)
        if count is None or count < 2 or count >= least or not thing.endswith("s") or not counted(thing):
            continue  # "For 1 users" reads badly, and a count of what no line of work counts is not checked
        gap = least - count
        missing = f"{gap:,} {thing if gap > 1 else thing[:-1]}"
        return f"For {count:,} {thing}: {least:,} {thing} - {count:,} {thing} = {missing} short.", i
    return None
