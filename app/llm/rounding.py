"""The fewest things of a stated largest size that hold the size the question gives.

"What is the smallest number of chunks I can use to upload a 200 MB file?" is answered by "each chunk
must be between 8 MB and 64 MB" and the question's size: the extractive backend quotes the sentence and
adds the work ("200 MB / 64 MB = 3.125, rounded up: 4 chunks."), which the local verifier checks
(`grounding.equations`). Only when the question asks for the fewest (smallest, least, minimum number) of
some things and gives one size, and a sentence states one largest size in the same unit shortly after
naming those things ("chunks between 8 MB and 64 MB", "packs of up to 1 TB").

Pure functions over text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal

from app.llm.rates import number

_FEWEST = re.compile(
    r"\b(?:(?:smallest|fewest|least|lowest|minimum)\s+(?:possible\s+)?number\s+of|fewest)\s+(?P<thing>[a-z]+s)\b",
    re.IGNORECASE,
)
_SIZE = r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>KB|MB|GB|TB)\b"
_GIVEN = re.compile(_SIZE, re.IGNORECASE)
_LARGEST = re.compile(
    rf"\b(?:between\s+\d+(?:\.\d+)?\s*(?:KB|MB|GB|TB)\s+and|at\s+most|up\s+to|no\s+more\s+than|maximum\s+of)\s+{_SIZE}",
    re.IGNORECASE,
)


_NEAR = 25  # characters from the things' name to their size, in one clause: "packs hold up to 1 TB"


def fewest(question: str, sentences: Sequence[str]) -> tuple[str, int] | None:
    """The line of work giving the fewest things the question asks for, and the index of the sentence that
    states their largest size; None when the question asks for no fewest things or gives no one size."""
    asked = _FEWEST.search(question)
    given = list(_GIVEN.finditer(question))
    if asked is None or len(given) != 1:
        return None
    things = asked["thing"].lower()
    size, unit = Decimal(given[0]["num"]), given[0]["unit"].upper()
    for i, sentence in enumerate(sentences):
        named = [m.end() for m in re.finditer(rf"\b{re.escape(things[:-1])}s?\b", sentence, re.IGNORECASE)]
        largest = list(_LARGEST.finditer(sentence))
        if len(largest) != 1 or largest[0]["unit"].upper() != unit:
            continue
        at = largest[0].start()
        if not any(0 <= at - end <= _NEAR and not re.search(r"[,;:]", sentence[end:at]) for end in named):
            continue  # the size is the things' own: "chunks between 8 MB and 64 MB", not a session's
        each = Decimal(largest[0]["num"])
        if each <= 0 or size <= each:
            continue  # one holds it: nothing to work out
        quotient = (size / each).quantize(Decimal("0.001")).normalize()
        count = math.ceil(size / each)
        return f"{number(size)} {unit} / {number(each)} {unit} = {number(quotient)}, rounded up: {count:,} {things}.", i
    return None
