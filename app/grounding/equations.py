"""Lines of shown work, checked as written (pure).

An answer that works something out shows it: "For 20 users: 20 × 5 TB = 100 TB.", "25 days ago: 30 days -
25 days = 5 days left.", "12 × $9.99 per month = $119.88 per year.", "60 days before 1 September 2027 is
3 July 2027.". Such a line states nothing but its arithmetic, which the entailment model cannot do (it reads
these lines at 0.08-0.26) and which is checked here exactly, with the operators the line writes: `holds`
is True or False for a line that is only an equation or a date moved, None for anything that says more
("you must tell us by 3 July 2027", "For 20 users on Enterprise: ..."), which stays the model's to read.

What the arithmetic cannot say is whether the step is the right one: "60 days after 1 September 2027 is
31 October 2027" is true, whatever the passages count the 60 days from; the claim that makes it a deadline
is another sentence, read by the model. Whether the operands are stated or given is the caller's check.

The grammar: an optional lead-in ("For 20 users:", "Over a year:", "25 days ago:"), then figures joined by
× x * / ÷ + - −, "=", one figure, and "left" or "short" only after a subtraction; or one figure divided
by a like one, its quotient and ", rounded up: N things" ("200 MB / 64 MB = 3.125, rounded up: 4
chunks"); or "N days|weeks|months|years before|after DATE is DATE". Units: a sum or difference of like
figures; a product or quotient of one figure and bare numbers (or percentages: "10% × $150 = $15") keeps
its unit, and 12 times a figure per month is a figure per year.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from app.grounding.arithmetic import move_date
from app.grounding.claims import strip_markers
from app.grounding.quantities import quantities

_LEAD = re.compile(
    r"^(?:For\s+\d[\d,]*\s+[a-z]+s|Over\s+a\s+year|\d[\d,]*\s+(?:day|week|month|year)s?\s+ago)\s*:\s*", re.I
)
_FIGURE = re.compile(
    r"(?P<cur>[$€£])?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?:\s?(?P<unit>%|[A-Za-z]+))?(?:\s+per\s+(?P<per>second|minute|hour|day|week|month|year))?"
)
_ROUNDED_UP = re.compile(r",\s*rounded\s+up:?\s*(?P<n>\d[\d,]*)\s+[a-z]+$", re.I)
_OPERATOR = re.compile(r"\s*([×x*/÷+\-−=])\s*")
_DATE_MOVE = re.compile(
    r"^(?P<n>\d{1,3})\s+(?P<unit>day|week|month|year)s?\s+(?P<way>before|after)\s+(?P<start>.+?)\s+is\s+(?P<end>.+)$",
    re.I,
)
_COUNTS = frozenset("user member seat file request".split())  # noqa: SIM905
_UNIT_WORDS = frozenset("day week month year hour minute second".split()) | _COUNTS  # noqa: SIM905


def counted(word: str) -> bool:
    """Is `word` ("seats", "file") a count this module's lines are checked in (not a duration)?"""
    return word.lower().removesuffix("s") in _COUNTS


@dataclass(frozen=True, slots=True)
class _Term:
    value: float
    decimals: int
    unit: str  # "" for a bare number; "$", "tb", "day", "%": what a sum must share
    per: str  # "month" of "$15 per month"
    counts: str = ""  # "seat" of "20 seats": a count of people multiplies as a number, but adds as seats


def holds(line: str) -> bool | None:
    """True when `line` is only a worked equation or a moved date and its arithmetic is right, False when it
    is one and wrong (or its units do not agree as written), None when it is not only that."""
    text = strip_markers(line).strip().rstrip(".").strip()
    moved = _DATE_MOVE.match(text)
    if moved:
        return _date_move_holds(moved)
    text = _LEAD.sub("", text, count=1)
    rounded = _ROUNDED_UP.search(text)
    if rounded:
        return _rounded_up_holds(text[: rounded.start()], int(rounded["n"].replace(",", "")))
    tail = re.search(r"\s(left|short)$", text, re.I)
    left = tail is not None
    if tail is not None:
        text = text[: tail.start()]
    parts = _OPERATOR.split(text)
    # figure, op, figure, ..., "=", figure: an odd count with the operators between
    if len(parts) < 5 or len(parts) % 2 == 0 or parts[-2] != "=" or parts.count("=") != 1:
        return None
    terms = [_term(p) for p in parts[::2]]
    if any(t is None for t in terms):
        return None
    ops = parts[1:-2:2]
    if left and ops != ["-"] and ops != ["−"]:
        return False  # "30 days + 25 days = 55 days left", "... = 5 seats short": only after a subtraction
    return _evaluates(ops, [t for t in terms if t is not None])


def _rounded_up_holds(text: str, whole: int) -> bool | None:
    """ "200 MB / 64 MB = 3.125, rounded up: 4 chunks": one like figure divided by another, the quotient as
    written, and the next whole number of things (the things are the sentence's to name, not the check's)."""
    parts = _OPERATOR.split(text)
    if len(parts) != 5 or parts[1] not in "/÷" or parts[3] != "=":
        return None
    terms = [_term(p) for p in parts[::2]]
    if any(t is None for t in terms):
        return None
    a, b, result = (t for t in terms if t is not None)
    if not a.unit or (a.unit, a.per) != (b.unit, b.per) or result.unit or b.value == 0:
        return False
    exact = a.value / b.value
    return math.isclose(exact, result.value, abs_tol=0.5 * 10**-result.decimals + 1e-9) and whole == math.ceil(
        exact - 1e-9
    )


def _term(text: str) -> _Term | None:
    m = _FIGURE.fullmatch(text.strip())
    if m is None:
        return None
    unit = (m["unit"] or "").lower()
    if unit and unit != "%" and unit not in ("kb", "mb", "gb", "tb") and unit.rstrip("s") not in _UNIT_WORDS:
        return None  # "5 TB free": a word that is no unit says more than the work
    value = float(m["num"].replace(",", "") + (m["frac"] or ""))
    decimals = len(m["frac"]) - 1 if m["frac"] else 0
    counts = ""
    if unit.rstrip("s") in ("user", "member", "seat") and not m["per"]:
        unit, counts = "", unit.rstrip("s")  # a count of people multiplies like a bare number: "20 users × 5 TB"
    return _Term(value, decimals, m["cur"] or unit.rstrip("s"), (m["per"] or "").lower(), counts)


def _evaluates(ops: list[str], terms: list[_Term]) -> bool:
    *operands, result = terms
    if all(op in "×x*" for op in ops) and result.unit != "%":  # "10% × $150 = $15": a share of a figure
        operands = [_Term(t.value / 100, t.decimals + 2, "", "") if t.unit == "%" else t for t in operands]
    value = operands[0].value
    for op, t in zip(ops, operands[1:], strict=True):
        if op in "×x*":
            value *= t.value
        elif op in "/÷":
            if t.value == 0:
                return False
            value /= t.value
        elif op == "+":
            value += t.value
        else:
            value -= t.value
    if not _units_agree(ops, operands, result):
        return False
    tolerance = 0.5 * 10**-result.decimals
    return math.isclose(value, result.value, abs_tol=tolerance + 1e-9)


def _units_agree(ops: list[str], operands: list[_Term], result: _Term) -> bool:
    if all(op in "+-−" for op in ops):  # like figures: "30 days - 25 days", "$1,800 per year - $1,500 per year"
        return all((t.unit, t.per, t.counts) == (result.unit, result.per, result.counts) for t in operands)
    if not all(op in "×x*/÷" for op in ops):
        return False  # mixed steps are written as one line each
    measured = [t for t in operands if t.unit]
    if (
        len(measured) != 1
        or measured[0].unit != result.unit
        or (ops and ops[0] in "/÷" and operands[0] is not measured[0])
    ):
        return False  # one figure times (or divided by) bare numbers keeps its unit
    figure = measured[0]
    if figure.per == result.per:
        return True
    # 12 times a figure per month is a figure per year
    return figure.per == "month" and result.per == "year" and any(t.value == 12 and not t.unit for t in operands)


def _date_move_holds(m: re.Match[str]) -> bool | None:
    start, end = quantities(m["start"]), quantities(m["end"])
    if len(start) != 1 or len(end) != 1 or {start[0].dimension, end[0].dimension} != {"date"}:
        return None
    if start[0].text != m["start"].strip() or end[0].text != m["end"].strip():
        return None  # more than a date on either side
    moved = move_date(start[0].value, int(m["n"]), m["unit"].lower(), m["way"].lower() == "before")
    if moved is None:
        return None  # a date without its year, moved across a February: leap years say otherwise
    return moved == end[0].value
