"""A date, or a time left, the question asks for that no passage states, worked out from one it gives.

"Our contract renews on 1 September 2027. What's the latest date to tell you we want to end it?" is
answered by "contact us at least 60 days before the renewal date" and the question's date: the extractive
backend quotes the sentence and adds the work, shown ("60 days before 1 September 2027 is 3 July 2027."),
as `composition` does for a total; the local verifier checks it (`grounding.arithmetic` accepts a date
moved by the days or months a claim states, and a difference of two durations).

- **A date moved.** Only when the question asks when (or for a date) and gives exactly one date, and a
  quoted sentence ties a duration to it by "N days before" (back) or "after N months", "N days after",
  "within", "up to", "at most", "for" (forward); not "notice of 30 days", nor "5 business days" (not days),
  nor a date without its year moved across a February (a leap year says otherwise). A duration forward
  counts from the question's date when it is about it: the event it names is what the question says
  happens on that date ("14 days after purchase" is not counted from "renews on 1 September"), or, naming
  none, its clause shares a word with the question ("a grace period of up to 14 days" for "the longest
  grace period"; not "refunds are issued within 30 days" for a contract's end). One back counts from the
  date its words name: "60 days before the renewal date" from the question's date
  when the question says what happens on it ("renews on 1 September 2027"), else from a date worked out
  forward by a sentence that says it ("deletes Free accounts after 24 months without a sign-in", then "a
  warning 60 days before the deletion date": the deletion date less 60 days, not the sign-in's less 60);
  when neither says it, nothing is worked out.
- **Time left.** Only when the question says how long ago something happened ("deleted 25 days ago")
  and asks whether it is still possible (or how much longer), and the first quoted sentence about what
  happened (a word of it: "deleted files can be restored for 30 days") that gives a duration in the same
  unit, not counted from another event ("7 days before files are removed"), gives a longer one: 30 days -
  25 days = 5 days. A
  period already over is not said to be: whether the sentence is the one that applies is the reader's
  to judge, and "no" is a stronger claim than the arithmetic can carry.

Pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from app.grounding.arithmetic import move_date
from ingestion.text import stem

_MONTHS = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
_MONTH = "|".join(_MONTHS)
# "1 September 2027", "3 March", "September 1, 2027", "1st of September": a day of a month, with its year when given.
_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?),?(?:\s+(\d{{4}}))?\b"
)
_NUMBER = r"(\d{1,3})"
_UNIT = r"(day|week|month|year)s?"
# "60 days before", "24 months after": the duration, then its direction.
_AFTER_DURATION = re.compile(rf"\b{_NUMBER}[\s-]+(?:calendar\s+)?{_UNIT}\s+(before|prior\s+to|after)\b", re.I)
# "after 24 months", "within 30 days", "up to 14 days", "for 30 days": the direction, then the duration. (Not
# "notice of 30 days", which counts back; nor "5 business days", which are not days.)
_BEFORE_DURATION = re.compile(
    rf"\b(after|within|up\s+to|at\s+most|for)\s+(?:up\s+to\s+|at\s+most\s+)?{_NUMBER}\s+{_UNIT}\b", re.I
)
_ASKS_DATE = re.compile(
    r"\b(?:when|what\s+date|which\s+(?:date|day)|what(?:'s|\s+is)\s+the\s+(?:latest|earliest|last|first|final)"
    r"(?:\s+\w+)?\s+(?:date|day)|by\s+what\s+date|until\s+when|from\s+when)\b",
    re.I,
)
_AGO = re.compile(rf"\b{_NUMBER}\s+{_UNIT}\s+ago\b", re.I)
_ASKS_LEFT = re.compile(r"\b(?:still|how\s+much\s+longer|how\s+many\s+more|until\s+when)\b", re.I)
_DURATION = re.compile(rf"\b{_NUMBER}\s+{_UNIT}\b", re.I)
_FUNCTION_WORDS = frozenset(
    "the a an of on in to at by for and or is are was be can i we you it they our your its their my me us "  # noqa: SIM905
    "date day plan account team".split()
)
_COUNTED_FROM = re.compile(r"\s+(?:before|after|prior\s+to)\b", re.I)
_OPPOSITE = re.compile(r"\b(?:ago|earlier|old)\b", re.I)


@dataclass(frozen=True, slots=True)
class AskedDate:
    day: int
    month: int  # 1..12
    year: int | None  # None: the question gives no year ("3 March")

    def written(self) -> str:
        return f"{self.day} {_MONTHS[self.month - 1]}" + (f" {self.year}" if self.year else "")


@dataclass(frozen=True, slots=True)
class Shift:
    amount: int
    unit: str  # "day", "week", "month" or "year"
    back: bool  # counted back from the date ("60 days before")
    start: AskedDate
    result: AskedDate

    def sentence(self) -> str:
        duration = f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"
        way = "before" if self.back else "after"
        return f"{duration} {way} {self.start.written()} is {self.result.written()}."


@dataclass(frozen=True, slots=True)
class TimeLeft:
    period: int
    elapsed: int
    unit: str

    def sentence(self) -> str:
        def n(k: int) -> str:
            return f"{k} {self.unit}{'' if k == 1 else 's'}"

        return f"{n(self.elapsed)} ago: {n(self.period)} - {n(self.elapsed)} = {n(self.left)} left."

    @property
    def left(self) -> int:
        return self.period - self.elapsed


def question_date(question: str) -> AskedDate | None:
    """The one date the question gives ("renews on 1 September 2027"), else None (none, or several)."""
    found = {_parsed(m) for m in _DATE.finditer(question)}
    return found.pop() if len(found) == 1 else None


def _parsed(m: re.Match[str]) -> AskedDate:
    day = m.group(1) or m.group(4)
    month = m.group(2) or m.group(3)
    year = m.group(5)
    return AskedDate(int(day), _MONTHS.index(month.capitalize()) + 1, int(year) if year else None)


class Tied(NamedTuple):
    """A duration a sentence ties to a date: how much, which way, and what it is counted from."""

    amount: int
    unit: str  # "day", "week", "month" or "year"
    back: bool  # "60 days before"
    event: frozenset[str]  # stems of the event it names: "renewal" of "before the renewal date"; none for "for 30 days"
    clause: frozenset[str]  # stems of its clause: what a duration that names no event is about


def shifts_in(sentence: str) -> list[Tied]:
    """The durations `sentence` ties to a date, in order."""
    found: list[tuple[int, Tied]] = []
    for m in _AFTER_DURATION.finditer(sentence):
        back = not m.group(3).lower().startswith("after")
        event = _stems(" ".join(sentence[m.end() :].split()[:3]))  # "before the renewal date", "after purchase"
        found.append((m.start(), Tied(int(m.group(1)), m.group(2).lower(), back, event, _clause(sentence, m))))
    taken = [(m.start(), m.end()) for m in _AFTER_DURATION.finditer(sentence)]
    for m in _BEFORE_DURATION.finditer(sentence):
        if not any(a <= m.start(2) < b for a, b in taken):
            found.append(
                (m.start(), Tied(int(m.group(2)), m.group(3).lower(), False, frozenset(), _clause(sentence, m)))
            )
    return [t for _, t in sorted(found, key=lambda f: f[0])]


def _clause(sentence: str, m: re.Match[str]) -> frozenset[str]:
    """The stems of the clause holding the match: "refunds are issued within 30 days" of "Contact us 60 days
    before the renewal date; refunds are issued within 30 days"."""
    start = max(sentence.rfind(p, 0, m.start()) for p in ";,.") + 1
    ends = [e for e in (sentence.find(p, m.end()) for p in ";,.") if e >= 0]
    return _stems(sentence[start : min(ends, default=len(sentence))])


def _before_date(question: str) -> str:
    """The words before the question's date: what happens on it ("Our contract renews on")."""
    m = _DATE.search(question)
    return " ".join(question[: m.start()].split()[-5:]) if m else ""


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _FUNCTION_WORDS)


def moved(date: AskedDate, amount: int, unit: str, back: bool) -> AskedDate | None:
    """`date` moved by the duration (a month keeps its day; None where that day does not exist), by the
    verifier's own date arithmetic (`arithmetic.move_date`). A date without its year that a leap year would
    move elsewhere, or that lands in another year ("3 January" less 14 days), is not moved: which year it
    is, is not the question's to say."""
    out = move_date((date.year or 0) * 10000 + date.month * 100 + date.day, amount, unit, back)
    if out is None:
        return None
    if date.year is None:
        in_2001 = move_date(2001 * 10000 + date.month * 100 + date.day, amount, unit, back)
        if in_2001 is None or int(in_2001) // 10000 != 2001:
            return None
    year, rest = divmod(int(out), 10000)
    return AskedDate(rest % 100, rest // 100, year or None)


def date_shifts(question: str, sentences: Sequence[str]) -> list[tuple[Shift, int]]:
    """The dates the question asks for, worked out from its one date and the durations the `sentences`
    tie to it, each with the index of the sentence it rests on; [] when the question asks no date."""
    if not _ASKS_DATE.search(question):
        return []
    anchor = question_date(question)
    if anchor is None:
        return []
    asked_words = _stems(_before_date(question))
    question_words = _stems(question)
    forward: list[tuple[AskedDate, frozenset[str]]] = []  # dates worked out forward, with their sentence's words
    out: list[tuple[Shift, int]] = []
    for i, sentence in enumerate(sentences):
        for amount, unit, back, named, clause in shifts_in(sentence):
            start: AskedDate | None = anchor
            if back and not (named & asked_words):
                start = next((d for d, words in reversed(forward) if named & words), None)
            elif not back and not (named & asked_words if named else clause & question_words):
                # "14 days after purchase", "refunds are issued within 30 days": from no date the question gives
                start = None
            result = None if start is None or amount == 0 else moved(start, amount, unit, back)
            if start is None or result is None:
                continue
            shift = Shift(amount, unit, back, start, result)
            if all(shift != s for s, _ in out):  # two passages saying the same thing work it out once
                out.append((shift, i))
            if not back:
                forward.append((result, _stems(sentence)))
    return out


def time_left(question: str, sentences: Sequence[str]) -> tuple[TimeLeft, int] | None:
    """How long is left of a period the first sentence giving one in the question's unit states, when the
    question says how long ago it started and asks how long or whether still; None otherwise."""
    ago = list(_AGO.finditer(question))
    if len(ago) != 1 or not _ASKS_LEFT.search(question):
        return None
    elapsed, unit = int(ago[0].group(1)), ago[0].group(2).lower()
    happened = _stems(" ".join(question[: ago[0].start()].split()[-6:]))  # "I deleted a file from my account"
    for i, sentence in enumerate(sentences):
        # a period of what happened ("deleted files can be restored for 30 days"), not one counted from
        # another event ("we email you 7 days before files are removed")
        periods = [
            m
            for m in _DURATION.finditer(sentence)
            if m.group(2).lower() == unit and not _COUNTED_FROM.match(sentence[m.end() :])
        ]
        if not periods or not (_stems(sentence) & happened):
            continue
        m = periods[0]
        if len(periods) > 1 or _OPPOSITE.match(sentence[m.end() :].lstrip()):
            return None  # several periods ("30 days on Free and 180 days on Business"): which one is not clear
        period = int(m.group(1))
        return (TimeLeft(period, elapsed, unit), i) if period > elapsed else None
    return None
