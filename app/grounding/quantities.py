"""Numbers, units, durations, times and money in one canonical spelling, so that a claim and its
evidence are compared by value rather than by how they were written ("two weeks" = "14 days",
"7am to 7pm" = "07:00 to 19:00", "three" = "3", "$15.00" = "15 USD").

Pure functions. `canonical(text)` rewrites a text (both sides of every comparison go through it: the
entailment model reads canonical text, and was trained on it); `quantities(text)` lists the values a
text states, each with its dimension, for the check that every figure of a claim is in its evidence.
Spelled-out numbers are converted by text2num (`alpha2digit`); "one" alone is left as a word, since it is
a pronoun as often as a number ("no one", "one of the admins").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s?(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?)(?![\w])"
    r"|\b(?P<noon>noon|midday|midnight)\b",
    re.I,
)
_CLOCK24 = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?!\s?[ap]\.?m)")
_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
_TRAILING_ZEROS = re.compile(r"\b(\d+)\.00?\b")
_PERCENT = re.compile(r"\b(\d+(?:\.\d+)?)\s?(?:percent|per cent|pct)\b", re.I)
_DOLLARS = re.compile(r"\b(\d+(?:\.\d+)?)\s?(?:US dollars|USD|dollars|US\$)(?!\w)", re.I)
_EUROS = re.compile(r"\b(\d+(?:\.\d+)?)\s?(?:EUR|euros?)\b", re.I)
_POUNDS = re.compile(r"\b(\d+(?:\.\d+)?)\s?(?:GBP|pounds? sterling)\b", re.I)
_WEEKS = re.compile(r"\b(\d+(?:\.\d+)?)([\s-])weeks?\b", re.I)
_HOURS_AS_DAYS = re.compile(r"\b(\d+)([\s-])hours?\b", re.I)
# "within a day" = "within 24 hours"; only after a duration's preposition ("$5 a month" is a rate).
_ARTICLE_UNIT = re.compile(
    r"\b(within|for|after|in|over|under|than|up to|at least|at most)\s(?:a|an|one)\s(day|week|month|year|hour)\b",
    re.I,
)

_UNITS = {
    # dimension, factor to the base unit
    "second": ("time", 1 / 60),
    "minute": ("time", 1.0),
    "hour": ("time", 60.0),
    "day": ("time", 1440.0),
    "week": ("time", 10080.0),
    "month": ("month", 1.0),
    "year": ("month", 12.0),
    "kb": ("bytes", 1e-3),
    "mb": ("bytes", 1.0),
    "gb": ("bytes", 1e3),
    "tb": ("bytes", 1e6),
    "%": ("percent", 1.0),
}
_QUANTITY = re.compile(
    r"(?P<cur>[$€£])?\s?(?P<num>\d+(?:\.\d+)?)(?P<scale>\s?(?:k|thousand|million|bn|billion)\b)?"
    r"(?:(?P<sep>[\s-]?)(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"kb|mb|gb|tb|%)(?![a-z]))?",
    re.I,
)
_SCALES = {"k": 1e3, "thousand": 1e3, "million": 1e6, "bn": 1e9, "billion": 1e9}
_CLOCK = re.compile(r"\b([01]\d|2[0-3]):([0-5]\d)\b")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value a text states: `dimension` is "time" (minutes), "month", "bytes" (MB), "percent",
    "money:$" (and other currencies), "clock" (minutes after midnight) or "number" (no unit)."""

    value: float
    dimension: str
    text: str

    def matches(self, other: Quantity) -> bool:
        if abs(self.value - other.value) > 1e-6 * max(1.0, abs(self.value)):
            return False
        # A bare number matches the same value with a unit: "up to 10" is stated by "10 users".
        return self.dimension == other.dimension or "number" in (self.dimension, other.dimension)


@lru_cache(maxsize=65536)
def canonical(text: str) -> str:
    """The text with numbers, money, percentages, durations and clock times in one spelling."""
    out = _spell_out(text)
    out = _THOUSANDS.sub(lambda m: m.group().replace(",", ""), out)
    out = _TIME.sub(_clock, out)
    out = _CLOCK24.sub(lambda m: f"{int(m['h']):02d}:{m['m']}", out)
    out = _TRAILING_ZEROS.sub(r"\1", out)
    out = _PERCENT.sub(r"\1%", out)
    out = _DOLLARS.sub(r"$\1", out)
    out = _EUROS.sub(r"€\1", out)
    out = _POUNDS.sub(r"£\1", out)
    out = _ARTICLE_UNIT.sub(lambda m: f"{m[1]} 1 {m[2].lower()}", out)
    out = _WEEKS.sub(lambda m: f"{_num(float(m[1]) * 7)}{m[2]}{_days(float(m[1]) * 7, m[2])}", out)
    out = _HOURS_AS_DAYS.sub(_hours, out)
    return out


def quantities(text: str) -> list[Quantity]:
    """Every value `canonical(text)` states, with its dimension."""
    text = canonical(text)
    found: list[Quantity] = []
    clocks = [(m.start(), m.end()) for m in _CLOCK.finditer(text)]
    for s, e in clocks:
        hours, minutes = text[s:e].split(":")
        found.append(Quantity(int(hours) * 60 + int(minutes), "clock", text[s:e]))
    for m in _QUANTITY.finditer(text):
        if any(s <= m.start("num") < e for s, e in clocks) or _inside_word(text, m.start("num")):
            continue
        value = float(m["num"]) * (_SCALES[m["scale"].strip().lower()] if m["scale"] else 1.0)
        unit = (m["unit"] or "").lower()
        if m["cur"]:
            found.append(Quantity(value, f"money:{m['cur']}", m.group().strip()))
        elif unit:
            dim, factor = _UNITS[_unit_name(unit)]
            found.append(Quantity(value * factor, dim, m.group().strip()))
        else:
            found.append(Quantity(value, "number", m.group().strip()))
    return found


def missing_quantities(claim: str, evidence: str) -> list[Quantity]:
    """The claim's values that the evidence does not state (by value, in any spelling)."""
    stated = quantities(evidence)
    return [q for q in quantities(claim) if not any(q.matches(s) for s in stated)]


_SCALED = re.compile(r"\b(\d+(?:\.\d+)?)\s?(thousand|million|billion)\b", re.I)
_WORD_UNIT = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)-"
    r"(second|minute|hour|day|week|month|year|user|seat|device)\b",
    re.I,
)
_SMALL = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip


def _spell_out(text: str) -> str:
    if not re.search(r"[a-z]", text, re.I):
        return text
    # "3 million" is one figure (the spelling-out below would turn it into "3 1000000"); "three-week"
    # is a number the spelling-out does not see.
    text = _SCALED.sub(lambda m: _num(float(m[1]) * _SCALES[m[2].lower()]), text)
    text = _WORD_UNIT.sub(lambda m: f"{_SMALL[m[1].lower()]}-{m[2]}", text)
    try:
        return str(alpha2digit(text, "en", threshold=2))  # "one" stays a word
    except Exception:  # the parser is a third-party state machine: never let it fail a verification
        return text


def _clock(m: re.Match[str]) -> str:
    if m["noon"]:
        return "00:00" if m["noon"].lower() == "midnight" else "12:00"
    h = int(m["h"]) % 12
    if m["ap"].lower().startswith("p"):
        h += 12
    return f"{h:02d}:{m['m'] or '00'}"


def _hours(m: re.Match[str]) -> str:
    n = int(m[1])
    if n >= 24 and n % 24 == 0:
        return f"{n // 24}{m[2]}{_days(n // 24, m[2])}"
    return m.group()


def _days(n: float, sep: str) -> str:
    return "day" if n == 1 or sep == "-" else "days"  # "a 14-day trial", "14 days"


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _unit_name(unit: str) -> str:
    unit = unit.rstrip("s") if unit != "%" else unit
    return {"min": "minute", "hr": "hour"}.get(unit, unit)


def _inside_word(text: str, pos: int) -> bool:
    """A digit inside an identifier (LB-403, v2, SHA256) is a name, not a quantity."""
    return pos > 0 and (text[pos - 1].isalpha() or text[pos - 1] in "-_/#") and text[pos - 1] not in "$€£"
