"""Perturbations of grounded sentences for the verifier's training pairs (the FactCC recipe): each turns a
supported sentence into an unsupported one, or into a supported rewording, and says where it changed.

Kept apart from evals/faults.py on purpose: the eval corrupts answers with its own code, so what it
measures is not the training recipe grading itself."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

_NUM = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_NAME = re.compile(r"(?<=[a-z,;:(] )[A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+)*")


def _seq(text: str) -> list[str]:
    return text.split()


_MONTHS = _seq("""January February March April May June July August September October November December""")
_AUX = re.compile(r"\b(is|are|was|were|can|will|does|do|did|has|have|should|must)\b(?! not)")
_NEG = re.compile(r"\b(is|are|was|were|can|will|does|do|did|has|have|should|must) not\b|\bcannot\b|\bnever\b")
_QUANT = {  # quantity word → a different quantity ("_" stands for a space)
    pair.split(":")[0]: pair.split(":")[1]
    for pair in _seq(
        "all:some every:some always:sometimes only:also at_least:at_most at_most:at_least more:less less:more "
        "maximum:minimum minimum:maximum before:after after:before up_to:at_least first:last"
    )
}


def _replace(s: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    return s[:start] + new + s[end:], (start, start + len(new))


def swap_number(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    found = list(_NUM.finditer(s))
    if not found:
        return None
    m = rng.choice(found)
    value = float(m.group().replace(",", ""))
    others = [p for p in pool if p != m.group()]
    if others and rng.random() < 0.5:
        new = rng.choice(others)
    else:
        v = value * rng.choice([2, 3, 0.5, 10]) if value > 20 else value + rng.choice([1, 2, 3, 5, -1])
        new = f"{v:.2f}" if "." in m.group() else str(max(0, int(v)))
    return None if new == m.group() else _replace(s, m.start(), m.end(), new)


def swap_name(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    found = list(_NAME.finditer(s))
    others = [p for p in pool if p not in s]
    if not found or not others:
        return None
    m = rng.choice(found)
    return _replace(s, m.start(), m.end(), rng.choice(others))


def swap_date(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    m = re.search(r"\b(" + "|".join(_MONTHS) + r")\b", s) or re.search(r"\b(19|20)\d\d\b", s)
    if not m:
        return None
    if m.group()[0].isalpha():
        new = rng.choice([x for x in _MONTHS if x != m.group()])
    else:
        new = str(int(m.group()) + rng.choice([-3, -2, -1, 1, 2, 3]))
    return _replace(s, m.start(), m.end(), new)


def negate(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    m = _NEG.search(s)
    if m:
        plain = {"cannot": "can", "never": "always"}.get(m.group(), m.group().replace(" not", ""))
        return _replace(s, m.start(), m.end(), plain)
    m = _AUX.search(s)
    return _replace(s, m.start(), m.end(), m.group() + " not") if m else None


def swap_quantity(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    hits = [(m, k) for k in _QUANT for m in re.finditer(rf"\b{k.replace('_', ' ')}\b", s)]
    if not hits:
        return None
    m, k = rng.choice(hits)
    return _replace(s, m.start(), m.end(), _QUANT[k].replace("_", " "))


def add_clause(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    if not pool:
        return None
    other = rng.choice(pool).rstrip(".!")
    clause = other[0].lower() + other[1:] if other[1:2].islower() else other
    joiner = rng.choice([", and ", ", and also ", "; in addition, ", ", while "])
    base = s.rstrip(".!")
    return base + joiner + clause + ".", (len(base), len(base) + len(joiner) + len(clause))


PERTURBATIONS = {
    "number": swap_number,
    "name": swap_name,
    "date": swap_date,
    "negation": negate,
    "quantity": swap_quantity,
    "clause": add_clause,
}


# Everyday rewordings a writer uses without changing a fact ("_" stands for a space). Grounded
# answers paraphrase; without these the model would learn that every word not in the source is made up.
_SYNONYMS = {
    pair.split(":")[0].replace("_", " "): pair.split(":")[1].replace("_", " ")
    for pair in _seq(
        "allows:lets includes:comes_with include:come_with costs:is_priced_at cost:price maximum:largest "
        "can:is_able_to must:has_to need:have users:people user:person delete:remove deleted:removed "
        "limit:cap stay:remain stays:remains kept:retained keep:retain available:offered requires:needs "
        "require:need contact:reach select:choose click:press shows:displays show:display receive:get "
        "create:make change:modify start:begin starts:begins send:email automatically:on_its_own "
        "immediately:right_away within:in_under per_month:a_month per_year:a_year up_to:as_much_as "
        "file:document files:documents folder:directory account:profile sign_in:log_in signs_in:logs_in "
        "permanently:for_good quickly:fast cancel:end cancels:ends helps:assists use:utilize uses:utilizes "
        "shared:sent get:obtain gets:obtains reduce:lower increase:raise important:key large:big small:little"
    )
}


def paraphrase(s: str, rng: random.Random) -> str | None:
    """Up to three everyday rewordings of the sentence (a grounded paraphrase), or None."""
    hits = sorted(((m.start(), m.end(), k) for k in _SYNONYMS for m in re.finditer(rf"\b{k}\b", s)), key=lambda h: h[0])
    chosen: list[tuple[int, int, str]] = []
    for h in rng.sample(hits, len(hits)):
        if len(chosen) < 3 and all(h[1] <= c[0] or h[0] >= c[1] for c in chosen):
            chosen.append(h)
    for start, end, k in sorted(chosen, reverse=True):
        s = s[:start] + _SYNONYMS[k] + s[end:]
    return s if chosen else None


def supported_variant(s: str, rng: random.Random, nxt: str | None) -> str:
    """A grounded rewording: trimmed to its main clause, merged with the next sentence, or prefixed."""
    choice = rng.random()
    if choice < 0.3 and nxt:
        return s.rstrip(".!") + ", and " + (nxt[0].lower() + nxt[1:] if nxt[1:2].islower() else nxt)
    if choice < 0.6:
        head = re.split(r", (?:which|and|but|so|because|while)\b|; | \(", s)[0].rstrip(".,")
        if len(head.split()) >= 4:
            return head + "."
    prefix = rng.choice(["Yes, ", "Note that ", "In short, ", "Also, "])
    return prefix + s[0].lower() + s[1:] if s[1:2].islower() else prefix + s


def value_pools(sentences: Sequence[str]) -> dict[str, list[str]]:
    """The numbers and names of a document: what its swaps draw their replacements from."""
    return {
        "number": sorted({m.group() for s in sentences for m in _NUM.finditer(s)}),
        "name": sorted({m.group() for s in sentences for m in _NAME.finditer(s)}),
    }


def swap_pair(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    """Two figures or two names of the sentence trade places ("60 on Free and 600 on Business" → "600 on
    Free and 60 on Business"): every word stays, the relation between them changes."""
    for pattern in rng.sample([_NUM, _NAME], 2):
        found = list(pattern.finditer(s))
        pairs = [(a, b) for i, a in enumerate(found) for b in found[i + 1 :] if a.group() != b.group()]
        if pairs:
            a, b = rng.choice(pairs)
            out = s[: a.start()] + b.group() + s[a.end() : b.start()] + a.group() + s[b.end() :]
            return out, (a.start(), b.end())  # the two values trade places: the length holds
    return None


def swap_from_passage(s: str, rng: random.Random, pool: Sequence[str]) -> tuple[str, tuple[int, int]] | None:
    """A figure or name of the sentence replaced by another one that the same passage states elsewhere
    (the MiniCheck hard negative: every word of the edit is in the evidence)."""
    options = [(m, p) for m in _NUM.finditer(s) for p in pool if _NUM.fullmatch(p) and p != m.group()]
    options += [(m, p) for m in _NAME.finditer(s) for p in pool if not _NUM.fullmatch(p) and p not in s]
    if not options:
        return None
    m, new = rng.choice(options)
    return _replace(s, m.start(), m.end(), new)


# Minimal edits whose words all stay inside the passage: what a reader who only checks words misses.
IN_PASSAGE = {"pair": swap_pair, "from-passage": swap_from_passage, "negation": negate, "quantity": swap_quantity}
