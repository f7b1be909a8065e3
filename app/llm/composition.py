"""A total the question asks for that no passage states, worked out from one that states it per unit.

"How much storage does a Business team of 20 users get?" is answered by "each user adds 5 TB" and the
question's 20: the extractive backend quotes the sentence and adds the work, shown ("For 20 users: 20 × 5 TB
= 100 TB."), so that the reader can check it and the verifier does (`grounding.arithmetic` accepts a result
that one step of arithmetic over the claim's own figures gives). Nothing else is computed: one product of
the question's count and a figure the sentence gives per one of the same things ("per user", "each member",
"for each seat"), and only when the question asks for an amount; or, when the question asks for the least
amount and gives no count ("the least a Business team can cost"), of that figure and the smallest count its
passage allows ("must have at least 3 users"), that sentence quoted with the work; and a monthly total
times 12 when the question asks for a year's. Only what adds up over people is added up:
money, storage and counts of things, not a duration ("30 days of history each") or a percentage. A rate's
other unit stays with it ("1,200 requests per minute per user" makes "6,000 requests per minute"), and a
sentence that gives a figure per day, or per anything but a person, adds nothing.

Pure functions over text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingestion.text import stem

# Words for one seat of a team: a docs page says "per user" where the asker counts "members".
_PEOPLE = frozenset({"user", "member", "seat", "person", "people", "employe", "licens", "licenc"})
# "a Business team of 20 users", "used by 5 members", "12 seats": a count and the plural noun it counts.
_COUNT = re.compile(r"(?<![\d.,$€£])\b(\d{1,3}(?:,\d{3})*|\d+)\s+(?:[A-Za-z-]+\s+)?([a-z]+s|people)\b")
# "a 10-person team", "a 15-seat Business team": the count written into the noun before the team.
_SIZED = re.compile(r"(?<![\d.,$€£])\b(\d{1,5})-(person|user|seat|member)\b", re.IGNORECASE)
_ASKS_TOTAL = re.compile(
    r"\b(?:how\s+(?:much|many)|total|combined|altogether|in\s+all|overall|all\s+together|what\s+is\s+(?:its|our|the)"
    r"\s+(?:\w+\s+)?(?:allowance|limit|storage|capacity|cost|price))\b",
    re.IGNORECASE,
)
# A figure as a page writes it: "$15", "5 TB", "1,200 requests", "2.5 GB".
_FIGURE = re.compile(r"(?<![\w.])([$€£])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(%|[A-Za-z]+))?")
# "per user", "each user", "for each member", "for every seat", "a user": the unit a figure is given for.
_PER = re.compile(r"\b(?:per|each|for\s+each|for\s+every|every|a)\s+([a-z]+)\b", re.IGNORECASE)
_STORAGE = frozenset({"kb", "mb", "gb", "tb", "pb"})
# Time does not add up over people: 30 days of version history each is not 600 days for a team of 20.
_TIME = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years".split()  # noqa: SIM905
)
# "What is the least a Business team can cost?": the total for the smallest team a page allows.
_ASKS_LEAST = re.compile(r"\b(?:least|minimum|smallest|cheapest|lowest)\b", re.IGNORECASE)
_ASKS_AMOUNT = re.compile(r"\b(?:cost|price|pay|storage|allowance|how\s+much)\b", re.IGNORECASE)
# "must have at least 3 users", "requires a minimum of 50 users": the smallest count a plan allows.
_MINIMUM = re.compile(
    r"\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|no\s+fewer\s+than)\s+(\d{1,3}(?:,\d{3})*)\s+([a-z]+)\b"
    # not some of the team: "at least 2 members with the Owner role", "at least 3 users must enable 2FA"
    r"(?!\s+(?:with|who|must|that|of|need|needs|should|have)\b)",
    re.IGNORECASE,
)
_ASKS_YEAR = re.compile(
    r"\b(?:(?:per|a|each|every)\s+year(?!\s+(?:ago|later|from|before|after))|yearly|over\s+a\s+year"
    r"|annual\s+(?:cost|price|total))\b",
    re.I,
)
_PRICE_PER_YEAR = re.compile(r"[$€£]\d[\d,.]*\s+(?:per|a)\s+(?:(?:user|seat|member)\s+per\s+)?year\b", re.I)
# "the least per user", "the minimum each member gets": a figure for one person, not for the smallest team
_FOR_ONE = re.compile(r"\b(?:per|each|every|a\s+single)\s+(?:user|member|seat|person)\b", re.I)
# A rate's other unit ("1,200 requests per minute per user", "$15 per user per month"): carried to the total.
_PER_TIME = re.compile(r"\b(?:per|a|an|each|every)\s+(second|minute|hour|day|week|month|year)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Product:
    count: int
    noun: str  # as the question writes it ("users")
    figure: str  # as the sentence writes it ("5 TB")
    result: str  # "100 TB"

    def sentence(self) -> str:
        return f"For {self.count:,} {self.noun}: {self.count:,} × {self.figure} = {self.result}."

    def sentences(self, question: str, quoted: Sequence[str] = ()) -> list[str]:
        """The work, and a monthly total over a year when the question asks for a year's and no `quoted`
        sentence gives a price per year (billed annually, a year may cost less than twelve months)."""
        out = [self.sentence()]
        asks_year = _ASKS_YEAR.search(question) and self.result.endswith(" per month")
        if asks_year and not any(_PRICE_PER_YEAR.search(q) for q in quoted):
            yearly = times(self.result.removesuffix(" per month"), 12)
            out.append(f"Over a year: 12 × {self.result} = {yearly} per year.")
        return out


def _people(word: str) -> bool:
    return stem(word.lower()) in _PEOPLE or word.lower() in _PEOPLE


def question_count(question: str) -> tuple[int, str] | None:
    """The one count of people the question gives ("a team of 20 users" -> (20, "users"), "a 10-person team"
    -> (10, "people")), else None."""
    found = [(int(m.group(1).replace(",", "")), m.group(2)) for m in _COUNT.finditer(question) if _people(m.group(2))]
    found += [
        (int(m.group(1)), "people" if m.group(2).lower() == "person" else f"{m.group(2).lower()}s")
        for m in _SIZED.finditer(question)
    ]
    return found[0] if len(found) == 1 and found[0][0] > 1 else None


def per_person_figure(sentence: str) -> str | None:
    """The figure `sentence` gives for one person ("each user adds 5 TB" -> "5 TB", "1,200 requests per
    minute per user" -> "1,200 requests"): the nearest figure with a unit to a "per user"-like phrase, and
    only when the sentence gives one such figure (a list of several plans' figures is not one)."""
    units = [m for m in _PER.finditer(sentence) if _people(m.group(1))]
    if len(units) != 1:
        return None
    at = units[0].start()
    figures = [(m, _written(m)) for m in _FIGURE.finditer(sentence)]
    # A count of people ("with a minimum of 50 users") is what the figure is multiplied by, not the figure.
    figures = [(m, text) for m, text in figures if text is not None and not (m.group(4) and _people(m.group(4)))]
    if len(figures) != 1:
        return None
    m, text = figures[0]
    gap = sentence[m.end() : at] if m.end() <= at else sentence[units[0].end() : m.start()]
    rates = _PER_TIME.findall(sentence)
    if len(gap.split()) > 4 or len(rates) > 1:
        return None
    return f"{text} per {rates[0].lower()}" if rates else text


def _written(m: re.Match[str]) -> str | None:
    """A figure that adds up over people, as written: money ("$15"), storage ("5 TB") or a count of things
    ("1,200 requests"); None for anything else: a bare number, a percentage (a share per person is no share
    of the total), a duration, a word that is no unit ("5 additional GB")."""
    currency, number, unit = m.group(1) or "", m.group(2) + (m.group(3) or ""), m.group(4)
    if currency:
        return f"{currency}{number}"
    if not unit or unit.lower() in _TIME:
        return None
    things = unit.islower() and len(unit) > 3 and unit.endswith("s") and not unit.endswith("ss")
    return f"{number} {unit}" if unit.lower() in _STORAGE or things else None


def times(figure: str, count: int) -> str:
    """`figure` ("$8", "5 TB", "1,200 requests per minute", "2.5 GB") multiplied by `count`, written the
    same way."""
    figure, per, rate = figure.partition(" per ")
    m = _FIGURE.fullmatch(figure)
    if m is None:
        raise ValueError(f"not a figure: {figure!r}")
    currency, whole, fraction, unit = m.group(1) or "", m.group(2), m.group(3) or "", m.group(4)
    decimals = len(fraction) - 1 if fraction else 0
    value = float(whole.replace(",", "") + fraction) * count
    number = f"{value:,.{decimals}f}" if decimals else f"{round(value):,}"
    return f"{currency}{number}" + (f" {unit}" if unit else "") + (f"{per}{rate}" if per else "")


def product(question: str, sentences: Sequence[str]) -> tuple[Product, int] | None:
    """The total the question asks for, worked out from the first of `sentences` that gives a figure per
    person, with that sentence's index; None when the question gives no count of people or asks for no amount."""
    if not _ASKS_TOTAL.search(question):
        return None
    counted = question_count(question)
    if counted is None:
        return None
    count, noun = counted
    for i, sentence in enumerate(sentences):
        figure = per_person_figure(sentence)
        if figure is not None:
            return Product(count, noun, figure, times(figure, count)), i
    return None


def minimum_count(sentence: str) -> tuple[int, str] | None:
    """The smallest count of people `sentence` allows ("must have at least 3 users" -> (3, "users"))."""
    found = [(int(m.group(1).replace(",", "")), m.group(2)) for m in _MINIMUM.finditer(sentence) if _people(m.group(2))]
    return found[0] if len(found) == 1 and found[0][0] > 1 else None


def least_total(
    question: str, sentences: Sequence[str], nearby: Sequence[Sequence[str]]
) -> tuple[Product, int, str | None] | None:
    """The least total the question asks for ("the least a Business team can cost") when it gives no count:
    the first of `sentences` that gives a figure per person, times the smallest count of people that
    sentence, or another of its passage (`nearby[i]`: the sentences of the passage `sentences[i]` is from),
    allows. Returns the work, the figure sentence's index, and the sentence stating the smallest count when
    it is another one (to be quoted with the work); None otherwise."""
    if (
        not (_ASKS_LEAST.search(question) and _ASKS_AMOUNT.search(question))
        or question_count(question)
        or _FOR_ONE.search(question)
    ):
        return None
    for i, sentence in enumerate(sentences):
        figure = per_person_figure(sentence)
        if figure is None:
            continue
        for other in (sentence, *nearby[i]):
            least = minimum_count(other)
            if least is not None:
                count, noun = least
                return Product(count, noun, figure, times(figure, count)), i, None if other == sentence else other
        return None
    return None
