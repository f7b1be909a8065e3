"""Rows of a table of ranges, and claims that place a figure in one (pure).

A table of service credits reads, once a PDF's layout is gone, as "Business plan service credits: ... Less
than 99.9% but at least 99.0% 10% of monthly fees Less than 99.0% but at least 95.0% 25% of monthly fees
... Enterprise plan service credits: ...". A claim that places a figure in a row, "On Enterprise, 99.3% is
less than 99.5% but at least 99.0%: 25% of monthly fees", states only figures the table states, and the
entailment model supports it whatever row it names (0.92 for the right row, the wrong value, the other
plan's row alike). It is checked here instead: the row must be one the evidence writes, under the plan the
claim names when the table names several, with the value the claim gives, and the figure must lie in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.grounding.claims import strip_markers

_PERCENT = r"(\d{1,3}(?:\.\d+)?)%"
_ROW = re.compile(
    rf"\bLess than {_PERCENT}(?: but at least {_PERCENT})?:?\s+{_PERCENT} of ([a-z]+(?: [a-z]+)?)", re.IGNORECASE
)
_HEADER = re.compile(r"\b([A-Z][a-z]+) plan [a-z ]*:")
_PLACED = re.compile(
    rf"^(?:On (?:the )?([A-Z][a-z]+)(?: plan)?, )?{_PERCENT} is less than {_PERCENT}(?: but at least {_PERCENT})?:\s*"
    rf"{_PERCENT} of ([a-z]+(?: [a-z]+)?)$"
)


@dataclass(frozen=True, slots=True)
class Row:
    written: tuple[str, str | None]  # the bounds as the table writes them: less than "99.5", at least "99.0"
    value: str  # "25%"
    of: str  # "monthly fees"
    plan: str | None  # the heading the row is under, when the text has one

    @property
    def below(self) -> float:
        return float(self.written[0])

    @property
    def at_least(self) -> float | None:
        return float(self.written[1]) if self.written[1] is not None else None

    def holds(self, x: float) -> bool:
        return x < self.below and (self.at_least is None or x >= self.at_least)

    def sentence(self, figure: str) -> str:
        """ "On Enterprise, 99.3% is less than 99.5% but at least 99.0%: 25% of monthly fees.\""""
        below, floor = self.written
        at_least = f" but at least {floor}%" if floor is not None else ""
        on = f"On {self.plan}, " if self.plan else ""
        return f"{on}{figure} is less than {below}%{at_least}: {self.value} of {self.of}."


def rows(text: str) -> list[Row]:
    """The rows of ranges `text` writes, each with the plan heading it is under (None when none)."""
    headers = [(m.start(), m.group(1)) for m in _HEADER.finditer(text)]
    out = []
    for m in _ROW.finditer(text):
        plan = next((name for at, name in reversed(headers) if at < m.start()), None)
        out.append(Row((m.group(1), m.group(2)), f"{m.group(3)}%", m.group(4).lower(), plan))
    return out


def placed_in_row(claim: str, evidence: Iterable[str]) -> bool | None:
    """Whether a claim that places a figure in a row of ranges ("On Enterprise, 99.3% is less than 99.5% but
        at least 99.0%: 25% of monthly fees") is right about the table the `evidence` sentences write (read
        together, in order: a table's heading and rows may be cut into several; read only for a claim of that
    form); None for any other claim."""
    m = _PLACED.match(strip_markers(claim).strip().rstrip(".")) if " is less than " in claim else None
    if m is None:
        return None
    plan, x, below, floor, value, of = m.groups()
    table = rows(" ".join(evidence))
    if len({r.plan for r in table if r.plan}) > 1:
        table = [r for r in table if r.plan == plan]
    elif plan is not None and any(r.plan not in (None, plan) for r in table):
        return False
    return any(
        r.written == (below, floor) and r.value == f"{value}%" and r.of == of.lower() and r.holds(float(x))
        for r in table
    )
