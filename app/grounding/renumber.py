"""Citation numbers that run 1..n in the order the answer first uses them, for every backend.

A backend cites the prompt's passage numbers, so an answer drawn from passages 2, 3 and 4 reads
"[2] [3] [4]" and one that cites 4 before 1 reads "[4] ... [1]". The answer a user sees numbers its
sources [1], [2], [3] as it goes: each marker is rewritten through one mapping (old -> new, assigned at
first use), and the passages are reordered to match, cited ones first in that order, then the rest in
prompt order, so that every number, evidence `n` and citation downstream still names the same passage.

Streaming applies the same rewriting to the deltas as they arrive: a marker cut between two deltas is
held back until it is complete, so the streamed text and the final answer are the same string, and a
non-streamed answer (the whole text fed at once) gets exactly the same numbers.

A number that points at no passage is left as written (it is > n or < 1, so it cannot collide with a
renumbered one) and is still reported in `invalid_citations`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from app.grounding.claims import CITATION_MARKER, expand_marker

T = TypeVar("T")
_MAX_HELD = 40  # an unclosed "[" further back than this is text, not a marker being streamed


class Renumberer:
    """Feed an answer's text (whole, or delta by delta), get it back renumbered; then `reorder` the passages."""

    def __init__(self, n_passages: int) -> None:
        self.n_passages = n_passages
        self.mapping: dict[int, int] = {}
        self._held = ""

    def feed(self, text: str) -> str:
        text = self._held + text
        cut = _complete_up_to(text)
        self._held = text[cut:]
        return self._rewrite(text[:cut])

    def flush(self) -> str:
        out, self._held = self._rewrite(self._held), ""
        return out

    def renumber(self, text: str) -> str:
        """A whole answer at once: `feed` then `flush`."""
        return self.feed(text) + self.flush()

    def reorder(self, passages: Sequence[T]) -> list[T]:
        """The passages in their new numbering: the cited ones in order of first use, then the rest."""
        cited = sorted(self.mapping, key=self.mapping.__getitem__)
        rest = [k for k in range(1, len(passages) + 1) if k not in self.mapping]
        return [passages[k - 1] for k in [*cited, *rest]]

    def _rewrite(self, text: str) -> str:
        def sub(m: re.Match[str]) -> str:
            numbers = expand_marker(m.group(1))
            valid = [n for n in numbers if 1 <= n <= self.n_passages]
            for n in valid:
                self.mapping.setdefault(n, len(self.mapping) + 1)
            new = sorted({self.mapping[n] for n in valid}) + [n for n in numbers if n not in valid]
            return "[" + ", ".join(map(str, new)) + "]"

        return CITATION_MARKER.sub(sub, text)


def _complete_up_to(text: str) -> int:
    """Where the text that can be rewritten now ends: before a trailing "[..." that may still become a
    marker, or before a trailing complete "[...]" whose next character (a "(" makes it a link) is unknown."""
    start = text.rfind("[")
    if start == -1 or len(text) - start > _MAX_HELD:
        return len(text)
    close = text.find("]", start)
    if close == -1 or close == len(text) - 1:
        return start
    return len(text)
