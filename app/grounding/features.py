"""Pure feature extraction: how well a claim is covered by evidence sentences.

Every feature is a rate or a flag about *content* (which numbers, names, dates, negations, quantity
words and content words of the claim the evidence has), never about the claim's length or shape:
a detector that learns "long answers are wrong" detects nothing. A question (or a list lead-in)
only widens the text used for similarity; numbers, names and coverage are checked on the claim alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

FEATURE_NAMES: tuple[str, ...] = (
    "sim_max",  # cosine of (context + claim) to its most similar evidence sentence
    "sim_top2",  # mean cosine of the two most similar sentences
    "cov_pool",  # share of the claim's content words found anywhere in the evidence
    "cov_window",  # … found in the best three sentences
    "cov_sentence",  # … found in one single sentence (the best one)
    "pair_cooc",  # share of adjacent pairs of the claim's found words that meet in one evidence sentence
    "pair_near",  # … that stand within NEAR content words of each other in one evidence sentence
    "anchor",  # for new words of an answer: how much of the question their best sentence shares
    "num_missing",  # a figure of the claim (price, size, year) is absent from the evidence
    "num_conflict",  # a claim number is absent from the best sentences, which give another number
    "date_missing",  # share of months, weekdays and years absent from the evidence
    "ent_missing",  # a capitalised name of the claim is absent from the evidence
    "ent_missing_window",  # … absent from the best three sentences
    "neg_mismatch",  # a word the claim shares with its best-aligned sentence is negated in only one
    "quant_missing",  # share of quantity words (all, only, at least, …) absent from the best sentences
)
WINDOW = 3
NEAR = 3


def _seq(text: str) -> list[str]:
    return text.split()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just let me
    more most my myself nor of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves yes no not never none cannot n't s t d ll re ve m o y per
    via may might must shall upon within without onto across among around toward towards whether either
    neither every whose one ones another many much several less fewer least like etc e g ie eg i.e e.g
    u also however thus therefore since although though yet still already even ever"""
)
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


def stem(word: str) -> str:
    """Light suffix stripping so that 'started'/'starts'/'starting' meet; then a 7-letter prefix."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    else:
        if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w[:7]


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
        elif raw[0].isupper() and low not in _STOP and low not in _QUANTITY and len(low) > 1 and _is_name(text, m):
            entities.add(stem(low))
        if low in _QUANTITY:
            quantities.add(low)
        if low not in _STOP and low not in _QUANTITY and len(low) > 1:
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
    """A title-case word inside a sentence is part of a name; "NOT" in capitals is emphasis."""
    raw = m.group()
    if not raw[0].isupper() or raw.isupper():
        return False
    cell_or_item = re.search(r"(?:\||\n)\s*(?:[-*+]\s+)?$", text[max(0, m.start() - 12) : m.start()])
    return not (cell_or_item or _sentence_initial(text, m.start()))  # "| No |", "- Not on Free": negations


def _is_name(text: str, m: re.Match[str]) -> bool:
    """Sentence case is no sign of a name ("Additionally, ..."), unless another capital follows."""
    return not _sentence_initial(text, m.start()) or bool(re.match(r"\s+[A-Z]", text[m.end() :]))


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12) : pos]  # a few characters tell; scanning the whole prefix is quadratic
    if pos <= len(before) and not before.strip():
        return True
    return bool(re.search(r"[.!?:;]['\")\]]*\s+$", before) or re.fullmatch(r"\W*(?:yes|no)\W+", text[:pos], re.I))


def negation_mismatch(claim: TextFacts, evidence: TextFacts) -> bool:
    """Do claim and evidence share a word that exactly one of them negates?"""
    return bool((claim.negated & evidence.bag) ^ (evidence.negated & claim.bag))


def _positions(content: Sequence[str]) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for i, w in enumerate(content):
        out.setdefault(w, []).append(i)
    return {w: tuple(p) for w, p in out.items()}


def _near(f: TextFacts, a: str, b: str) -> bool:
    pa, pb = f.positions.get(a, ()), f.positions.get(b, ())
    return any(abs(i - j) <= NEAR for i in pa for j in pb)


def _anchor(novel: frozenset[str], context: TextFacts | None, pool: EvidencePool) -> float:
    """How much of the question the evidence sentences that mention the answer's new words cover,
    averaged over those words. A right answer sits beside the facts the question names (across the
    hops of a multi-hop question, hence the union of its sentences); a wrong name that merely occurs
    elsewhere in the evidence does not."""
    if context is None or not novel:
        return 1.0
    asked = context.bag | context.numbers
    if not asked:
        return 1.0
    shares = []
    for w in novel & pool.content:  # words the evidence lacks are the coverage features' business
        seen: set[str] = set()
        for i in pool.where.get(w, frozenset()):
            seen |= pool.facts[i].bag | pool.facts[i].numbers
        shares.append(len(asked & seen) / len(asked))
    return float(np.mean(shares)) if shares else 1.0


def _share_missing(needed: Iterable[str], have: Iterable[str] | frozenset[str] | set[str]) -> float:
    items = set(needed)
    if not items:
        return 0.0
    pool = have if isinstance(have, (set, frozenset)) else set(have)
    return len(items - pool) / len(items)


@dataclass(frozen=True, slots=True)
class EvidencePool:
    """All evidence sentences of one verification, with an inverted index word → sentences."""

    facts: Sequence[TextFacts]
    vectors: np.ndarray  # (n_sentences, dim), L2-normalised
    content: frozenset[str]
    numbers: frozenset[str]
    dates: frozenset[str]
    where: dict[str, frozenset[int]]

    @classmethod
    def build(cls, facts: Sequence[TextFacts], vectors: np.ndarray) -> EvidencePool:
        where: dict[str, set[int]] = {}
        for i, f in enumerate(facts):
            for w in f.content:
                where.setdefault(w, set()).add(i)
        return cls(
            facts=facts,
            vectors=vectors,
            content=frozenset(where),
            numbers=frozenset().union(*(f.numbers for f in facts)) if facts else frozenset(),
            dates=frozenset().union(*(f.dates for f in facts)) if facts else frozenset(),
            where={w: frozenset(s) for w, s in where.items()},
        )


def rank_sentences(claim: TextFacts, claim_vec: np.ndarray, pool: EvidencePool) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence (cosine, content coverage) for one claim."""
    sims = pool.vectors @ claim_vec if len(pool.facts) else np.zeros(0, dtype=np.float32)
    need = claim.bag
    cover = np.array([len(need & f.bag) / len(need) if need else 0.0 for f in pool.facts], dtype=np.float32)
    return sims, cover


def claim_features(
    claim: TextFacts,
    claim_vec: np.ndarray,
    pool: EvidencePool,
    context: TextFacts | None = None,
) -> tuple[np.ndarray, list[int], np.ndarray]:
    """The feature vector (FEATURE_NAMES order), evidence sentence indices best first, and their scores."""
    n = len(pool.facts)
    sims, cover = rank_sentences(claim, claim_vec, pool)
    score = 0.5 * (sims + cover)
    order = np.argsort(-score, kind="stable")
    window = [int(i) for i in order[:WINDOW]]
    win_facts = [pool.facts[i] for i in window]
    win_content = frozenset().union(*(f.content for f in win_facts))
    win_numbers = frozenset().union(*(f.numbers for f in win_facts))
    win_quant = frozenset().union(*(f.quantities for f in win_facts))

    need = claim.bag
    top_sims = np.sort(sims)[::-1] if n else np.zeros(1, dtype=np.float32)
    novel = need - (context.bag if context else frozenset())
    # Relations among the words the evidence has; words it lacks are the coverage features' business.
    found = [w for w in claim.content if w in pool.content]
    pairs = {(a, b) for a, b in pairwise(found) if a != b}
    met = near = 0
    for a, b in pairs:
        both = pool.where.get(a, frozenset()) & pool.where.get(b, frozenset())
        met += bool(both)
        near += any(_near(pool.facts[i], a, b) for i in both)
    # The claim is aligned with its best-covering sentence; when several cover it equally, one that
    # states it without a negation conflict is enough ("not to be confused with the barn in X" does
    # not contradict "X", which another sentence states plainly).
    if n:
        best = np.flatnonzero(cover >= cover.max() - 1e-6)
        negation = min(negation_mismatch(claim, pool.facts[int(i)]) for i in best)
    else:
        negation = bool(claim.negated)
    conflict = bool(claim.figures - win_numbers) and bool(win_numbers - claim.numbers)

    vec = np.array(
        [
            float(top_sims[0]),
            float(top_sims[:2].mean()),
            1.0 - _share_missing(need, pool.content) if need else 1.0,
            1.0 - _share_missing(need, win_content) if need else 1.0,
            (float(cover.max()) if n else 0.0) if need else 1.0,
            met / len(pairs) if pairs else 1.0,
            near / len(pairs) if pairs else 1.0,
            _anchor(novel, context, pool),
            float(bool(claim.figures - pool.numbers)),
            float(conflict),
            _share_missing(claim.dates, pool.dates),
            float(bool(claim.entities - pool.content)),
            float(bool(claim.entities - win_content)),
            float(negation),
            _share_missing(claim.quantities, win_quant),
        ],
        dtype=np.float32,
    )
    return vec, window, score[window]
