"""Pure text analysis for the grounding checks: the content words (stemmed), numbers, dates,
names, quantity words and negation scope of one text, computed once per text (`analyze` keeps the
facts of the texts it saw last), and the negation comparison between two texts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ingestion.text import STOP_WORDS, stem


def _seq(text: str) -> list[str]:
    return text.split()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NEGATION = _words("not no never cannot none nobody nothing neither nor without unable")
# A negation governs the rest of its clause ("not available on the Free plan, but ..."), at most
# this many content words.
_SCOPE = 6
_PUNCT = re.compile(r"[,;:.!?()]")
_CONTRAST = frozenset({"but", "while", "whereas", "although", "though"})
_QUANTITY = _words(
    """all every each always only never some most many few several none any more less fewer least
    unlimited maximum minimum max min exactly approximately about over under above below first last
    double twice half majority minority entire whole both either all-time highest lowest largest
    smallest"""
)
_MONTHS = _words(
    """january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday"""
)
_NUMBER_WORDS = dict(
    zip(
        _seq(
            "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
            "thousand dozen twice half zero"
        ),
        [*map(str, range(2, 21)), "30", "40", "50", "60", "70", "80", "90", "100", "1000", "12", "2", "0.5", "0"],
        strict=True,
    )
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6, "b": 1e9, "billion": 1e9, "bn": 1e9}
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?::\d\d)?(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"(?:\s?(?P<scale>k|m|mn|b|bn|thousand|million|billion)\b)?"
    r"|(?P<word>[^\W\d_][\w'’&]*)"
)
_LEADING_REPLY = re.compile(r"^\s*(?:yes|no)\b[\s,.!;:-]*", re.I)


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What the checks need from one text, computed once (evidence sentences are cached with it)."""

    content: tuple[str, ...]  # stems of content words, in order
    bag: frozenset[str]  # the same stems as a set
    positions: dict[str, tuple[int, ...]]  # stem → its indices in `content`
    numbers: frozenset[str]  # every number, figures and number words ("ten" → "10")
    figures: frozenset[str]  # numbers written as figures: the ones a claim must not invent
    dates: frozenset[str]
    entities: frozenset[str]  # stems of capitalised words: names, products, places
    quantities: frozenset[str]
    negated: frozenset[str]  # content stems inside the scope of a negation cue


def _canonical(num: str, scale: str | None) -> set[str]:
    if ":" in num:  # a time: 9:00 and 9 meet
        h, m = num.split(":")
        return {num, str(int(h))} if m == "00" else {num}
    value = float(num.replace(",", ""))
    forms = {_fmt(value)}
    if scale:
        forms.add(_fmt(value * _SCALE[scale.lower()]))
    return forms


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6g}"


# Passage sentences come back answer after answer, and one answer reads each several times (the
# answerability judge, the verifier, the conflict check compares every pair): the facts are kept by text.
# A TextFacts is read-only; 16,384 of them hold a few MB.
@lru_cache(maxsize=16_384)
def analyze(text: str) -> TextFacts:
    """Content stems, numbers, dates, names, quantity words and negation scope of `text`."""
    reply = _LEADING_REPLY.match(text)  # "No, Pam Veasey is Canadian": a reply, not a negation
    content: list[str] = []
    numbers: set[str] = set()
    figures: set[str] = set()
    dates: set[str] = set()
    entities: set[str] = set()
    quantities: set[str] = set()
    negated: set[str] = set()
    scope = last = 0
    for m in _TOKEN.finditer(text):
        if scope and (_PUNCT.search(text, last, m.start()) or m.group().lower() in _CONTRAST):
            scope = 0
        last = m.end()
        if m.group("num"):
            figures |= _canonical(m.group("num"), m.group("scale"))
            numbers |= figures
            if re.fullmatch(r"1[5-9]\d\d|20\d\d", m.group("num")):
                dates.add(m.group("num"))
            continue
        raw = m.group("word")
        low = raw.lower().replace("’", "'")
        low = low[:-2] if low.endswith("'s") else low
        is_cue = (
            (low in _NEGATION or low.endswith("n't"))
            and not (reply and m.start() < reply.end())
            and not _in_title(text, m)  # "Not Ready for Prime Time Players", "Never Shout Never": names
        )
        if is_cue and not (low == "no" and re.match(r"\.?\s*\d", text[m.end() :])):  # "No. 1" is a rank
            scope = _SCOPE
            continue
        if low in _MONTHS and (raw[0].isupper() or low != "may"):
            dates.add(low[:3])
        elif low in _NUMBER_WORDS:
            # Written-out numbers in a claim are mostly counts the writer made ("two films"); they
            # only serve to match a figure ("ten seats" = "10 seats").
            numbers.add(_NUMBER_WORDS[low])
        elif raw[0].isupper() and low not in STOP_WORDS and low not in _QUANTITY and len(low) > 1 and _is_name(text, m):
            entities.add(stem(low))
        if low in _QUANTITY:
            quantities.add(low)
        if low not in STOP_WORDS and low not in _QUANTITY and len(low) > 1:
            content.append(stem(low))
            if scope > 0:
                negated.add(content[-1])
                scope -= 1
    return TextFacts(
        content=tuple(content),
        bag=frozenset(content),
        positions=_positions(content),
        numbers=frozenset(numbers),
        figures=frozenset(figures),
        dates=frozenset(dates),
        entities=frozenset(entities),
        quantities=frozenset(quantities),
        negated=frozenset(negated),
    )


def _in_title(text: str, m: re.Match[str]) -> bool:
    """Is this title-case word inside a name ("Not Ready for Prime Time Players", "Never Shout Never")?
    Only when it stands right next to another capitalised word, away from the start of a sentence, a
    table cell or a list item: "(Not available)", "Rewind — Not on Free" and "- Not included" are
    negations. "NOT" in capitals is emphasis."""
    raw = m.group()
    if not raw[0].isupper() or raw.isupper():
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    if re.search(r"(?:\||\n)\s*(?:[-*+]\s+)?$", before) or _sentence_initial(text, m.start()):
        return False
    return bool(re.search(r"[A-Z][\w'’&.-]* $", before) or re.match(r" [A-Z]", text[m.end() :]))


def _is_name(text: str, m: re.Match[str]) -> bool:
    """Sentence case is no sign of a name ("Additionally, ..."), unless another capital follows."""
    return not _sentence_initial(text, m.start()) or bool(re.match(r"\s+[A-Z]", text[m.end() :]))


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12) : pos]  # a few characters tell; scanning the whole prefix is quadratic
    if pos <= len(before) and not before.strip():
        return True
    return bool(re.search(r"[.!?:;]['\")\]]*\s+$", before) or re.fullmatch(r"\W*(?:yes|no)\W+", text[:pos], re.I))


def polarity_flipped(claim: TextFacts, evidence: TextFacts) -> bool:
    """Exactly one side negates, and what it negates is mostly what the other states: at least half of its
    negated words are the other's ("cannot be protected with a password" against "can be protected with a
    password"), not one noun that a negation elsewhere in the sentence happens to cover ("can no longer
    decrypt the files" against "the files become inaccessible")."""
    if bool(claim.negated) == bool(evidence.negated):
        return False
    negated, other = (claim.negated, evidence.bag) if claim.negated else (evidence.negated, claim.bag)
    return len(negated & other) * 2 >= len(negated)


def _positions(content: Sequence[str]) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for i, w in enumerate(content):
        out.setdefault(w, []).append(i)
    return {w: tuple(p) for w, p in out.items()}
