"""Figures an answer works out from stated ones: "12 users at 5 TB each make 60 TB", "$1,500 minus $450
is $1,050", "14 days after 3 March is 17 March".

A real LLM asked for a total, a difference, a share or a deadline states the result, which no passage
states; the number check (`quantities.missing_quantities`) would call it invented. Here a figure counts
as worked out when one step of arithmetic over two (for a product, up to three) other figures of **the
same claim** gives it, each of them stated by the evidence, given by the question, or worked out before
it (in that claim or another of the answer). Steps: a sum or difference of like figures; a product of a
figure and counts (bare numbers, a number of months) or a percentage; a figure divided by a count; a date
moved by days or months.

Only the answer's own figures take part, claim by claim (the work is shown), so a wrong total is not
excused by some coincidence among the dozens of figures a page states, a wrong operand is still a figure
no passage states, and a sentence that lists many figures is not taken for work. A bare count from the
question ("a team of 20") or of the calendar (12 months), or the bare number of a stated figure ("14 + 30
= 44 days"), is excused only where the work uses it.

Pure functions over `quantities.Quantity` (values in base units: minutes, MB, yyyymmdd, ...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from itertools import combinations, permutations
from typing import NamedTuple

from app.grounding.quantities import Quantity, canonical, quantities, written

_COUNTS = ("number", "month")  # what may multiply a figure: a bare count, or a number of months
# Counts of the calendar that no page states and every reader knows ("twelve payments of $9.99" for a
# year billed monthly): operands, never results, and excused only where something is worked out with them.
_CALENDAR = frozenset({7.0, 12.0, 24.0, 52.0, 60.0, 365.0})
# A sentence listing many figures ("60, 300, 1,200 and 6,000 requests a minute") is a list, not work:
# products of three are tried only in shorter ones (there are too many coincidences among many).
_MAX_FIGURES_FOR_TRIPLES = 8


class Worked(NamedTuple):
    results: tuple[Quantity, ...]  # figures no evidence states, worked out from others
    operands: tuple[Quantity, ...]  # figures only the question's counts or the calendar give, used in the work
    restated: tuple[Quantity, ...] = ()  # figures a page states (maybe about something else), worked out too

    @property
    def excused(self) -> tuple[Quantity, ...]:
        """Every figure the work accounts for: none of them is invented, nor misquoted from a page."""
        return (*self.results, *self.operands, *self.restated)


def worked_out(claims: Sequence[str], stated: Sequence[Quantity], counts: Sequence[Quantity] = ()) -> Worked:
    """The figures of an answer's claims that `stated` (the evidence's values, and the question's with a
    unit) does not give but that a claim works out correctly from its own other figures, each stated or
    itself worked out; and the figures that only `counts` (the question's bare numbers: "a team of 20") or
    the calendar give, where a claim worked something out with them (pure). A result worked out in one
    claim is that figure wherever the answer states it ("100 TB. Each of the 20 users adds 5 TB.")."""
    figures = [quantities(c) for c in claims]
    numbers = frozenset(_written(s)[0] for s in stated)
    worked = [Worked((), ())] * len(claims)
    # A claim may also build on what another one worked out ("63 TB. 12 users at 5 TB make 60 TB, and
    # 3 packs of 1 TB add 3 TB."): again, with those results beside its own figures, until nothing new
    # (results only grow, so at most once per figure).
    for _ in range(1 + sum(len(f) for f in figures)):
        again = [
            _worked_in(f, stated, numbers, counts, [r for j, w in enumerate(worked) if j != i for r in w.results])
            for i, f in enumerate(figures)
        ]
        if again == worked:
            break
        worked = again
    return Worked(
        tuple(r for w in worked for r in w.results),
        tuple(o for w in worked for o in w.operands),
        tuple(r for w in worked for r in w.restated),
    )


def _worked_in(
    figures: Sequence[Quantity],
    stated: Sequence[Quantity],
    numbers: frozenset[float],
    counts: Sequence[Quantity],
    elsewhere: list[Quantity],
) -> Worked:
    """One claim's worked-out figures and the counts its work used; `numbers`: the stated figures' numbers
    as written; `elsewhere`: other claims' results."""
    given = [q for q in figures if any(q.matches(s) for s in stated)]
    # Given only as operands: "20" from the question excuses "20 users at 5 TB each make 100 TB", not a
    # "20 extra storage packs" that nothing works out.
    operands = [
        q
        for q in figures
        if q not in given
        and q.dimension in _COUNTS
        and (
            q.value in _CALENDAR
            or any(q.matches(c) for c in counts)
            # the number of a stated figure, its unit left off in the work: the 14 of "14 + 30 = 44 days"
            or (q.dimension == "number" and q.value in numbers)
        )
    ]
    known = [*given, *operands, *elsewhere]
    # A stated figure may be worked out too ("5 x 1,200 = 6,000", where a page states 6,000 for another
    # plan): its work is what excuses the question's 5.
    todo = [q for q in figures if q not in operands]
    found: list[Quantity] = []
    restated: list[Quantity] = []
    used: set[int] = set()
    triples = len(figures) <= _MAX_FIGURES_FOR_TRIPLES
    progress = True
    while todo and progress:
        progress = False
        for q in list(todo):
            # A stated figure is not worked back out of results taken from it ("5 TB" from "100 TB / 20").
            others = [k for k in known if k is not q and (q not in given or k not in found)]
            step = next(
                (g for value, g in _results(q, others, triples) if _close(q, value) and _nontrivial(q, g)), None
            )
            if step is None:
                continue
            if q in given:
                restated.append(q)  # a page may state it about something else: the work excuses it here
            else:
                known.append(q)
                found.append(q)
            used.update(id(x) for x in step)
            todo.remove(q)
            progress = True
    # Every way the work gives a result counts: "14 days ... 30 days ... so 14 + 30 = 44 days" uses the
    # bare 14 and 30 as well as the durations.
    for q in (*found, *restated):
        for value, group in _results(q, [k for k in known if k is not q], triples):
            if _close(q, value) and _nontrivial(q, group):
                used.update(id(x) for x in group)
    return Worked(tuple(found), tuple(q for q in operands if id(q) in used), tuple(restated))


def _results(
    q: Quantity, known: Sequence[Quantity], triples: bool = True
) -> Iterator[tuple[float, tuple[Quantity, ...]]]:
    """Every value of q's dimension, in q's base unit, that one step of arithmetic over `known` gives, with
    the figures it took."""
    if q.dimension == "date":
        for a, b in permutations(known, 2):
            if a.dimension == "date" and b.dimension in ("time", "month") and a.value % 100:
                step = b.value / 1440 if b.dimension == "time" else b.value
                for n in (step, -step):
                    if (moved := shift_date(a.value, n, months=b.dimension == "month")) is not None:
                        yield moved, (a, b)
        return
    if q.dimension in ("clock", "version"):
        return
    unit = _factor(q)
    for a, b in combinations(known, 2):
        if a.dimension == b.dimension == "number" and q.dimension not in ("number", "percent"):
            # The unit written once, on the result: "14 + 30 = 44 days".
            yield (a.value + b.value) * unit, (a, b)
            yield abs(a.value - b.value) * unit, (a, b)
        elif q.dimension == "number" != a.dimension == b.dimension and _factor(a) == _factor(b) != 0:
            # ... or on the operands: "restored for 30 days; deleted 25 days ago, so 5 more".
            yield (a.value + b.value) / _factor(a), (a, b)
            yield abs(a.value - b.value) / _factor(a), (a, b)
        elif _alike(a, q.dimension) and _alike(b, q.dimension):
            yield a.value + b.value, (a, b)
            yield abs(a.value - b.value), (a, b)
    for size in (2, 3) if triples else (2,):
        for group in combinations(known, size):
            for i, base in enumerate(group):
                if not _alike(base, q.dimension):
                    continue
                factors = [f for j, f in enumerate(group) if j != i]
                if all(f.dimension in _COUNTS or f.dimension == "percent" for f in factors):
                    product = base.value
                    for f in factors:
                        product *= f.value / 100 if f.dimension == "percent" else f.value
                    yield product, group
                    if size == 2 and factors[0].dimension == "number" and factors[0].value:
                        yield base.value / factors[0].value, group


def _nontrivial(q: Quantity, group: tuple[Quantity, ...]) -> bool:
    """A result of zero, or equal to one of its operands (x + 0, x * 1), shows no work."""
    return q.value != 0 and not any(q.matches(g) for g in group)


def _alike(q: Quantity, dimension: str) -> bool:
    """`q` can stand for a figure of `dimension` in a sum or as the figure a product scales."""
    if q.dimension in ("date", "clock", "version"):
        return False
    return q.dimension == dimension or "number" in (q.dimension, dimension)


def _written(q: Quantity) -> tuple[float, int]:
    """The number as written in q's text, and its decimal places ((0, 0) when it has none)."""
    return written(q) or (0.0, 0)


def _factor(q: Quantity) -> float:
    """q's unit in its base unit: 1440 for "44 days" (minutes), 1e6 for "5 TB" (MB)."""
    written = _written(q)[0]
    return q.value / written if written else 0.0


def _close(q: Quantity, value: float) -> bool:
    """`value` written as `q` is written: to q's last decimal place ("about 99.86%", "$20.88"); a date
    exactly."""
    if q.dimension == "date":
        return q.value == value
    decimals = _written(q)[1]
    return abs(q.value - value) <= max(0.5 * 10**-decimals * abs(_factor(q) or 1.0), 1e-9 * abs(q.value)) + 1e-12


def shift_date(date: float, n: float, months: bool = False, year_less: int = 2001) -> float | None:
    """yyyymmdd moved by whole days (or months); a date without its year moves within `year_less` (a common
    year by default)."""
    if n != int(n):
        return None
    year, rest = divmod(int(date), 10000)
    month, day = divmod(rest, 100)
    try:
        if months:
            total = (year or year_less) * 12 + month - 1 + int(n)
            moved = dt.date(total // 12, total % 12 + 1, day)
        else:
            moved = dt.date(year or year_less, month, day) + dt.timedelta(days=int(n))
    except (ValueError, OverflowError):
        return None
    return float((moved.year if year else 0) * 10000 + moved.month * 100 + moved.day)


def move_date(date: float, amount: int, unit: str, back: bool) -> float | None:
    """yyyymmdd moved by `amount` days, weeks, months or years (earlier when `back`); None where the day does
    not exist, or for a date without its year that a leap year would move elsewhere (15 February + 30 days)."""
    steps = amount * (12 if unit == "year" else 7 if unit == "week" else 1) * (-1 if back else 1)
    ends = {shift_date(date, steps, months=unit in ("month", "year"), year_less=y) for y in (2001, 2004)}
    return ends.pop() if len(ends) == 1 else None


# "eight languages: English, German, ..., Japanese": a count, then a colon and the items it counts.
_LISTED = re.compile(r"\b(\d{1,2}) ([A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?):\s*([^.;:]+)")
_ITEM_SEP = re.compile(r",\s*(?:and |or )?|\s+(?:and|or)\s+")


def listed_counts(claims: Sequence[str]) -> tuple[Quantity, ...]:
    """The counts a claim works out by listing what it counts ("offered in eight languages: English,
    German, French, Spanish, Italian, Dutch, Portuguese and Japanese"): a page lists the languages without
    counting them, and the count is right when the list after the colon has that many items (pure)."""
    out: list[Quantity] = []
    for claim in claims:
        counted = set()
        for m in _LISTED.finditer(canonical(claim)):
            items = [i for i in _ITEM_SEP.split(m.group(3).strip()) if i.strip()]
            if float(m.group(1)) == len(items):
                counted.add(len(items))
        out += [q for q in quantities(claim) if q.dimension == "number" and q.value in counted]
    return tuple(out)
