"""Answer correctness against a suite's reference answer (pure).

The rule (stated once, here and in docs/evals.md): the reference's *key facts* are its
numbers (with a unit or currency when one is written), dates, times, codes/identifiers (error codes,
versions, URLs, e-mails, headers) and capitalised names that do not start a sentence. An answer is
correct when every key fact is present in it (numbers compare by value and unit; a number written
without a unit on either side matches on value; names compare case-sensitively as whole words). A
reference with no key facts is matched by content-token recall: at least RECALL_MIN of its content
words appear in the answer. Token F1 (SQuAD normalisation) is reported beside it, not used to decide:
a three-sentence extractive answer to a five-word reference has a low F1 even when it is right.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from ingestion.text import STOP_WORDS

RECALL_MIN = 0.5


_MONTH_NAMES = "january february march april may june july august september october november december".split()  # noqa: SIM905
_MONTHS = (
    {m: i for i, m in enumerate(_MONTH_NAMES, 1)} | {m[:3]: i for i, m in enumerate(_MONTH_NAMES, 1)} | {"sept": 9}
)
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DATE_PATTERNS = (
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?", re.I),
    re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?", re.I),
    re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<y>\d{4})-(?P<mm>\d{2})-(?P<d>\d{2})\b"),
)
_CODES = (
    re.compile(r"`([^`\n]+)`"),
    re.compile(r"https?://[^\s)\]>\"']+[^\s)\]>\"'.,;:]"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b(?:/[^\s)\]>\"']*[^\s)\]>\"'.,;:])?"),
    re.compile(r"\bv?\d+(?:\.\d+){2,}\b"),
    re.compile(r"\b[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+\b"),
)
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")
_NUMBER = re.compile(
    r"(?P<cur>[$€£])?(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?(?![\w.]*\d)"
    r"(?:[\s-]?(?P<unit>%|[A-Za-z]+\b))?"
)
_UNITS = frozenset(
    """% kb mb gb tb pb byte bit ms second sec minute min hour hr day week month year user seat member device
    file folder version time character request link attempt person x""".split()  # noqa: SIM905
)
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]*(?=['’]s\b|\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*(?:[-*•]\s+|\d+[.)]\s+)?)$")


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str  # number | date | time | code | name
    text: str  # as written in the reference
    key: str  # normalised, what is compared


def _unit(word: str | None) -> str:
    if not word:
        return ""
    w = word.lower()
    w = "person" if w == "people" else w
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w if w in _UNITS else ""


def _is_code(token: str) -> bool:
    if re.fullmatch(r"\d+(?:\.\d+)?-[A-Za-z]+", token):  # "14-day": a number with its unit
        return False
    parts = re.split(r"[-_]", token)
    if len(parts) == 1:  # URL, e-mail, domain, version, backticked
        return True
    return any(c.isdigit() for c in token) or parts[0].isupper() or all(p[:1].isupper() for p in parts)


def extract_facts(text: str, names_anywhere: bool = False) -> list[Fact]:
    """Key facts of `text` in order of kind. `names_anywhere` keeps sentence-initial capitalised
    words too (for the answer side, where any mention counts)."""
    facts: list[Fact] = []
    masked = list(text)

    def take(m: re.Match[str], kind: str, key: str) -> None:
        facts.append(Fact(kind, m.group(0), key))
        masked[m.start() : m.end()] = " " * (m.end() - m.start())

    def current() -> str:
        return "".join(masked)

    for pattern in _CODES:
        for m in pattern.finditer(current()):
            token = m.group(1) if m.groups() else m.group(0)
            if _is_code(token):
                take(m, "code", token.lower().strip())
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(current()):
            g = m.groupdict()
            month = int(g["mm"]) if g.get("mm") else _MONTHS[g["m"].lower().rstrip(".")]
            parts = [g["y"], f"{month:02d}", f"{int(g['d']):02d}" if g.get("d") else None]
            take(m, "date", "-".join(p for p in parts if p))
    for m in _TIME.finditer(current()):
        take(m, "time", f"{int(m.group(1)):02d}:{m.group(2)}")
    for m in _NUMBER.finditer(current()):
        value = m.group("num").replace(",", "") + (f".{m.group('dec')}".rstrip("0").rstrip(".") if m["dec"] else "")
        value = value.lstrip("0") or "0"
        unit = _unit(m.group("unit"))
        end = m.end() if unit else m.end("dec") if m["dec"] else m.end("num")
        facts.append(Fact("number", text[m.start() : end].strip(), f"{m.group('cur') or ''}{value} {unit}".strip()))
        masked[m.start() : end] = " " * (end - m.start())
    for m in _NAME.finditer(current()):
        word = m.group(0)
        if word == "I" or (not names_anywhere and _SENTENCE_START.search(text[: m.start()])):
            continue
        facts.append(Fact("name", word, word))
    return facts


def _number_matches(fact: str, found: Collection[str]) -> bool:
    value, _, unit = fact.partition(" ")
    for other in found:
        v, _, u = other.partition(" ")
        if v.lstrip("$€£") == value.lstrip("$€£") and (not unit or not u or unit == u):
            if value[:1] in "$€£" and v[:1] in "$€£" and value[0] != v[0]:
                continue
            return True
    return False


@dataclass(frozen=True, slots=True)
class Correctness:
    correct: bool
    facts: list[str]
    missing: list[str]
    token_f1: float
    token_recall: float
    rule: str  # "key_facts" | "token_recall"


def normalise_tokens(text: str) -> list[str]:
    """SQuAD normalisation: lower case, citation markers, punctuation and articles removed."""
    text = re.sub(r"\[\d[\d,\s-]*\]", " ", text.lower())
    text = "".join(" " if ch in string.punctuation else ch for ch in text)
    return [t for t in text.split() if t not in ("a", "an", "the")]


def token_f1(prediction: str, reference: str) -> float:
    pred, ref = normalise_tokens(prediction), normalise_tokens(reference)
    common = sum((Counter(pred) & Counter(ref)).values())
    if not pred or not ref or not common:
        return 0.0
    p, r = common / len(pred), common / len(ref)
    return round(2 * p * r / (p + r), 4)


def token_recall(prediction: str, reference: str) -> float:
    """Share of the reference's content words (stop words dropped) present in the prediction."""
    ref = {t for t in normalise_tokens(reference) if t not in STOP_WORDS}
    if not ref:
        return 1.0
    return round(len(ref & set(normalise_tokens(prediction))) / len(ref), 4)


def answer_correctness(reference: str, answer: str) -> Correctness:
    """Is a (non-abstaining) answer right against its reference? The rule is in the module docstring."""
    facts = extract_facts(reference)
    f1, recall = token_f1(answer, reference), token_recall(answer, reference)
    if not facts:
        return Correctness(recall >= RECALL_MIN, [], [], f1, recall, "token_recall")
    found = extract_facts(answer, names_anywhere=True)
    by_kind: dict[str, set[str]] = {}
    for f in found:
        by_kind.setdefault(f.kind, set()).add(f.key)
    words = set(re.findall(r"[A-Za-z0-9]+", answer))
    missing = []
    for f in facts:
        if f.kind == "number":
            ok = _number_matches(f.key, by_kind.get("number", set()))
        elif f.kind == "name":
            ok = f.key in words
        else:
            ok = f.key in by_kind.get(f.kind, set()) or f.key in answer.lower()
        if not ok:
            missing.append(f.text)
    return Correctness(not missing, [f.text for f in facts], missing, f1, recall, "key_facts")


# ---- retrieval, citations, abstention, injection ------------------------------------------------
