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
from collections.abc import Sequence
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
_TRAILING_ZEROS = re.compile(r"(?<![\d.])(\d+)\.00?\b(?!\.\d)")
# A dotted version or section number ("4.1.0", "2.1.2"): one value, not the numbers 2.1 and 2.
_VERSION = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d.]*\d)")
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

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip


def _month_pattern(name: str) -> str:
    """A month's name or its three-letter abbreviation."""
    return f"{name[:3]}(?:{name[3:]})?"


_MONTH_NAMES = "|".join(["sept", *map(_month_pattern, _MONTHS)])  # "Sept." is as common as "Sep."
_MONTH = "(?P<{0}>" + _MONTH_NAMES + r")\.?"
# "1 June 2026", "June 1, 2026", "June 2026", "2026-06-01", "November 2": a day is one value, not three
# numbers. The forms with a year come first, so a year that follows is never left behind.
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_DATE = re.compile(
    r"\b(?:" + _DAY.format("d1") + r"\s(?:of\s)?" + _MONTH.format("m1") + r",?\s(?P<y1>\d{4})"
    r"|" + _MONTH.format("m2") + r"\s(?:" + _DAY.format("d2") + r",?\s)?(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"
    r"|"
    + _DAY.format("d4")
    + r"\s(?:of\s)?"
    + _MONTH.format("m4")
    + r"|"
    + _MONTH.format("m5")
    + r"\s"
    + _DAY.format("d5")
    + r")\b",
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
# A number glued to "xx" is an HTTP status class ("2xx"), not a figure.
_QUANTITY = re.compile(
    r"(?P<cur>[$€£])?\s?(?P<num>\d+(?:\.\d+)?)(?![xX]{2}\b)(?P<scale>\s?(?:k|thousand|million|bn|billion)\b)?"
    # "5 consecutive minutes", "30 calendar days" are 5 minutes and 30 days ("10 business days" are not days);
    # "the 7th consecutive year" is 7 years in a row
    r"(?:(?:st|nd|rd|th)(?=\s+consecutive\b))?"
    r"(?:(?P<sep>[\s-]?)(?:(?:consecutive|calendar|full|whole)\s+(?=[a-z]))?"
    r"(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"kb|mb|gb|tb|%)(?![a-z]))?",
    re.I,
)
_SCALES = {"k": 1e3, "thousand": 1e3, "million": 1e6, "bn": 1e9, "billion": 1e9}
_CLOCK = re.compile(r"\b([01]\d|2[0-3]):([0-5]\d)\b")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value a text states: `dimension` is "time" (minutes), "month", "bytes" (MB), "percent",
    "money:$" (and other currencies), "clock" (minutes after midnight), "date" (yyyymmdd), "version"
    (a dotted version, compared by its text) or "number" (no unit)."""

    value: float
    dimension: str
    text: str

    def matches(self, other: Quantity) -> bool:
        if "date" in (self.dimension, other.dimension):
            return _date_matches(self, other)
        if "version" in (self.dimension, other.dimension):
            return _version_matches(self, other)
        # A percentage is a kind of value of its own: "1%" is not stated by the "1" of "Page 1 of 3".
        if "percent" in (self.dimension, other.dimension):
            return self.dimension == other.dimension and _same(self.value, other.value)
        # A bare number matches the same value with a unit ("up to 10" is stated by "10 users") or the same
        # number written with one: "3, 7 and 14 days" states 3 and 7 as "3 days, 7 days and 14 days" does
        # (in minutes, 4320).
        if (self.dimension == "number") != (other.dimension == "number"):
            # Only this way round: a claim's "10 GB" is not stated by a bare "10" ("10 users"), nor "$300" by
            # the "300" of "at most 300 users".
            if self.dimension != "number":
                return False
            number = written(other)
            return _same(self.value, other.value) or (number is not None and _same(self.value, number[0]))
        return self.dimension == other.dimension and _same(self.value, other.value)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a))


_WRITTEN = re.compile(r"\d+(?:\.(\d+))?")


def written(q: Quantity) -> tuple[float, int] | None:
    """The number a quantity is written with ("3" of "3 days", "1.5" of "1.5 TB"), before its unit, and
    its decimal places."""
    m = _WRITTEN.search(q.text.replace(",", ""))
    return (float(m.group()), len(m.group(1) or "")) if m else None


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


# The verifier asks about the same evidence for every fact of an answer (the whole passages' text, each
# window sentence), and the same passages come back answer after answer: parsed once per text. A 5,000
# character text takes about 1 ms to parse.
@lru_cache(maxsize=16_384)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every value `canonical(text)` states, with its dimension."""
    text = canonical(text)
    found: list[Quantity] = []
    taken = [(m.start(), m.end()) for m in _CLOCK.finditer(text)]  # spans whose digits are read already
    for s, e in taken:
        hours, minutes = text[s:e].split(":")
        found.append(Quantity(int(hours) * 60 + int(minutes), "clock", text[s:e]))
    for v in _VERSION.finditer(text):
        if not any(s <= v.start() < e for s, e in taken):
            found.append(Quantity(0.0, "version", v.group()))
            taken.append((v.start(), v.end()))
    for d in _DATE.finditer(text):
        if (value := _date_value(d)) is not None:
            found.append(Quantity(value, "date", d.group()))
            taken.append((d.start(), d.end()))  # its day and year are not counted again as numbers
    for m in _QUANTITY.finditer(text):
        if any(s <= m.start("num") < e for s, e in taken) or _inside_word(text, m.start("num")):
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
    return tuple(found)


def missing_quantities(claim: str, evidence: str) -> list[Quantity]:
    """The claim's values that the evidence does not state (by value, in any spelling)."""
    stated = quantities(evidence)
    return [
        q for q in quantities(claim) if not any(q.matches(s) for s in stated) and not _in_parts(q, evidence, stated)
    ]


def _in_parts(q: Quantity, evidence: str, stated: Sequence[Quantity]) -> bool:
    """A date whose parts the evidence states apart: its month's name, and its year and day as numbers
    ("in May" with "2018-09-03" in a page's header). Web pages spread a date over a dateline and the text.
    `stated` is `quantities(evidence)`, read once by the caller."""
    if q.dimension != "date":
        return False
    year, month_day = divmod(int(q.value), 10000)
    month, day = divmod(month_day, 100)
    name = _MONTHS[month - 1]
    # A page that states another whole day of that month and year ("20 January 2026") is not spreading
    # this date over a dateline: "1 January 2026" stays unstated, though its parts are there.
    if (
        year
        and day
        and any(
            d.dimension == "date" and int(d.value) // 100 == int(q.value) // 100 and int(d.value) % 100 for d in stated
        )
    ):
        return False
    return (
        re.search(rf"\b(?:{_month_pattern(name)})\b", evidence, re.I) is not None
        and (not year or re.search(rf"\b{year}\b", evidence) is not None)
        and (not day or re.search(rf"(?<![\w.]){day}(?:st|nd|rd|th)?\b", evidence) is not None)
    )


def conflicting_quantities(claim: str, ranked: Sequence[str]) -> list[Quantity]:
    """The claim's values with a unit that none of its closest evidence sentences (`ranked`, the fact's
    window, closest first) states, where the closest one states another value of the same dimension.

    That is a figure misquoted from the passage about the same thing ("at most 30 days of grace" against
    "a grace period of up to 14 days") which `missing_quantities` lets through when some other passage
    states 30 days about something else. A window sentence that states the claim's value exempts it (the
    model reads which thing the value belongs to): exempting only sentences nearly as close as the first
    caught 3 more of the suite's 46 changed figures but flagged 4 more faithful answers. Bare numbers are
    left out (without a unit, two values in one sentence are as often about different things as about
    the same one), and so are dates (a page's sentences carry datelines and timestamps about other
    things)."""
    if not ranked:
        return []
    stated = [quantities(s) for s in ranked]
    closest = {q.dimension for q in stated[0]}
    return [
        q
        for q in quantities(claim)
        if q.dimension not in ("number", "date")
        and q.dimension in closest
        and not any(q.matches(s) for qs in stated for s in qs)
    ]


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


def _date_value(m: re.Match[str]) -> float | None:
    """yyyymmdd: dd is 00 when only the month is given, yyyy 0000 when no year is."""
    year = int(m["y1"] or m["y2"] or m["y3"] or 0)
    name = (m["m1"] or m["m2"] or m["m4"] or m["m5"] or "").lower()
    month = int(m["m3"]) if m["m3"] else 1 + [full[:3] for full in _MONTHS].index(name[:3])
    day = int(m["d1"] or m["d2"] or m["d3"] or m["d4"] or m["d5"] or 0)
    if not 1 <= month <= 12 or day > 31 or (year == 0 and day == 0):
        return None
    return float(year * 10000 + month * 100 + day)


def _date_matches(claim: Quantity, stated: Quantity) -> bool:
    """A date is stated by the same date; a month ("June 2026") by any day in it; a day without its year
    ("November 2") by that day of any year. A number is stated by a date's year."""
    if claim.dimension == stated.dimension == "date":
        (cy, cmd), (sy, smd) = divmod(int(claim.value), 10000), divmod(int(stated.value), 10000)
        if cy == 0 or sy == 0:  # a claim's year must be stated: by the date, or apart (`_in_parts`)
            return cy == 0 and cmd == smd
        return claim.value == stated.value or (cmd % 100 == 0 and claim.value // 100 == stated.value // 100)
    return claim.dimension == "number" and claim.value == stated.value // 10000


def _unit_name(unit: str) -> str:
    unit = unit.rstrip("s") if unit != "%" else unit
    return {"min": "minute", "hr": "hour"}.get(unit, unit)


def _version_matches(claim: Quantity, stated: Quantity) -> bool:
    """A version is stated by itself, trailing ".0"s aside ("4.1.0" is "4.1"); a bare number names the
    versions it begins ("Desktop 4.3" is stated by "4.3.0" and by "4.3.2"); a version is never stated by a
    shorter number ("2.1.2" is not "2.1")."""

    def short(text: str) -> str:
        return re.sub(r"(?:\.0)+$", "", text)

    if claim.dimension == stated.dimension == "version":
        return short(claim.text) == short(stated.text)
    if claim.dimension == "number" and stated.dimension == "version":
        number = short(claim.text)
        return short(stated.text) == number or stated.text.startswith(number + ".")
    return claim.dimension == "version" and stated.dimension == "number" and short(claim.text) == short(stated.text)


def _inside_word(text: str, pos: int) -> bool:
    """A digit inside an identifier (LB-403, v2, SHA256) is a name, not a quantity."""
    return pos > 0 and (text[pos - 1].isalpha() or text[pos - 1] in "-_/#") and text[pos - 1] not in "$€£"
