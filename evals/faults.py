"""Fault injection: an LLMBackend wrapper that corrupts a chosen share of answers in known ways, so the
harness can show that it measures hallucinations instead of assuming it does.

Kinds (applied to the first claim sentence where the kind applies, citation markers left intact):
- number: one number is changed to a value that appears nowhere in the passages;
- entity: one capitalised name is swapped for another name from the passages (a plan for another plan),
  or for an invented one when the passages offer none;
- negation: the claim's polarity is flipped ("is" -> "is not", "cannot" -> "can");
- unsupported: a fluent, cited sentence that no passage supports is appended.
A kind that does not apply to an answer (no number in it) falls back to the next kind, ending with
`unsupported`, which always applies; the record says which kind was applied.

Which items are corrupted is decided by a seeded hash of the question id: with the suite's ids known,
exactly round(rate * n) items are chosen and the kinds rotate over them, so every run of the same suite
corrupts the same items in the same ways.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.grounding.claims import parse_answer
from app.llm.base import Generation, GenerationRequest, LLMBackend, WrappedBackend
from app.llm.prompt import ABSTENTION
from evals.metrics import Rate

KINDS = ("number", "entity", "negation", "unsupported")
_PLACEHOLDER = 0xE000
_MARKER = re.compile(r"\[\s*\d[\d\s,;\-–—]*\]")
_NUMBER = re.compile(r"(?<![\w.,:/$-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w:/]|[.,]\d)")
_NAME = re.compile(r"(?<=[a-z0-9,;:)] )([A-Z][a-z]+(?:[A-Z][a-z]+)*)\b")
_AUX = re.compile(r"\b(is|are|was|were|can|will|does|do|did|has|have|had|must|should|may|could|would)\b(?= \w)")
_NEGATED = (
    (re.compile(r"\bcannot\b"), "can"),
    (re.compile(r"\bcan['’]t\b"), "can"),
    (re.compile(r"\bwon['’]t\b"), "will"),
    (re.compile(r"\b(\w+)n['’]t\b"), r"\1"),
    (re.compile(r"\b(is|are|was|were|can|will|does|do|did|has|have|had|must|should|may|could|would) not\b"), r"\1"),
    (re.compile(r"\bnever\b"), "always"),
)
# Month and weekday names are capitalised too, but swapping a product for "December" is no entity swap.
_MONTHS = "january february march april may june july august september october november december".split()  # noqa: SIM905
_CALENDAR = frozenset([*_MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
INVENTED_NAMES = ("Northwind", "Veltrano", "Quillmark")
UNSUPPORTED = (
    "This changed on 14 March 2019, when the limit was cut to 3 per account [{n}].",
    "Requests sent outside the Oslo office hours are handled within 45 minutes [{n}].",
    "Accounts created before 2017 are exempt from this rule [{n}].",
    "A surcharge of 12% applies to customers in Canada [{n}].",
)


def _hash(seed: int, key: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}\0{key}".encode()).digest()[:8], "big")


def plan_faults(ids: Sequence[str], rate: float, seed: int = 0) -> dict[str, str]:
    """id -> kind for exactly round(rate * len(ids)) ids, picked and ordered by a seeded hash."""
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"fault rate must be within 0..1, got {rate}")
    chosen = sorted(ids, key=lambda i: _hash(seed, i))[: round(rate * len(ids))]
    return {item: KINDS[k % len(KINDS)] for k, item in enumerate(chosen)}


def _protect(text: str) -> tuple[str, list[str]]:
    """Citation markers replaced by placeholders, so no corruption touches them."""
    markers: list[str] = []

    def keep(m: re.Match[str]) -> str:
        markers.append(m.group(0))
        return chr(_PLACEHOLDER + len(markers) - 1)  # a private-use character: no digit, letter or space

    return _MARKER.sub(keep, text), markers


def _restore(text: str, markers: list[str]) -> str:
    return "".join(markers[ord(ch) - _PLACEHOLDER] if _is_placeholder(ch, markers) else ch for ch in text)


def _is_placeholder(ch: str, markers: list[str]) -> bool:
    return 0 <= ord(ch) - _PLACEHOLDER < len(markers)


def corrupt_number(sentence: str, context: str) -> tuple[str, str] | None:
    """The first number changed to one absent from `context`: (new sentence, "old -> new")."""
    m = _NUMBER.search(sentence)
    if not m:
        return None
    digits, decimals = m.group(1), m.group(2) or ""
    value = int(digits.replace(",", ""))
    present = {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", context)}
    for new in (value * 2, value + 1, value * 3, value + 7, value * 10 + 3, value + 1013):
        text = f"{new:,}" if "," in digits else str(new)
        if (str(new) + decimals) not in present and new != value:
            return sentence[: m.start()] + text + decimals + sentence[m.end() :], f"{m.group(0)} -> {text}{decimals}"
    return None


def corrupt_name(sentence: str, context: str, key: str) -> tuple[str, str] | None:
    """A capitalised name (not the sentence's first word) swapped for another from `context`."""
    m = _NAME.search(sentence)
    if not m:
        return None
    old = m.group(1)
    pool = sorted({w for w in _NAME.findall(context) if w != old and w not in sentence and w.lower() not in _CALENDAR})
    new = pool[_hash(0, key) % len(pool)] if pool else INVENTED_NAMES[_hash(0, key) % len(INVENTED_NAMES)]
    return sentence[: m.start(1)] + new + sentence[m.end(1) :], f"{old} -> {new}"


def corrupt_polarity(sentence: str) -> tuple[str, str] | None:
    """Polarity flipped: an existing negation removed, else "not" put after the first auxiliary."""
    for pattern, repl in _NEGATED:
        m = pattern.search(sentence)
        if m:
            new = m.expand(repl) if "\\" in repl else repl
            return sentence[: m.start()] + new + sentence[m.end() :], f"{m.group(0)} -> {new}"
    m = _AUX.search(sentence)
    if not m:
        return None
    new = "cannot" if m.group(1) == "can" else f"{m.group(1)} not"
    return sentence[: m.start()] + new + sentence[m.end() :], f"{m.group(1)} -> {new}"


def corrupt(answer: str, kind: str, context: str, key: str) -> tuple[str, str, str]:
    """(corrupted answer, applied kind, detail). Tries `kind` on each claim sentence in order, then the
    next kinds; `unsupported` always applies."""
    claims = parse_answer(answer).claims
    order = [] if kind == "unsupported" else [kind, *(k for k in KINDS[:-1] if k != kind)]
    for k in order:
        for seg in claims:
            text, markers = _protect(seg.text)
            if k == "number":
                done = corrupt_number(text, context)
            elif k == "entity":
                done = corrupt_name(text, context, key)
            else:
                done = corrupt_polarity(text)
            if done is not None:
                new = _restore(done[0], markers)
                return answer[: seg.start] + new + answer[seg.end :], k, done[1]
    cited = [n for seg in claims for n in seg.citations]
    sentence = UNSUPPORTED[_hash(1, key) % len(UNSUPPORTED)].format(n=cited[0] if cited else 1)
    return f"{answer.rstrip()} {sentence}", "unsupported", sentence


@dataclass(frozen=True, slots=True)
class FaultRecord:
    id: str
    planned: str
    applied: str | None  # None: left alone (the backend abstained)
    detail: str
    before: str
    after: str

    def to_dict(self) -> dict[str, str | None]:
        return dataclasses.asdict(self)


_current = threading.local()


@contextlib.contextmanager
def item_scope(item_id: str) -> Iterator[None]:
    """Tells a FaultBackend in this thread which suite item the next generation belongs to."""
    previous = getattr(_current, "id", None)
    _current.id = item_id
    try:
        yield
    finally:
        _current.id = previous


class FaultBackend(WrappedBackend):
    """Wraps any LLMBackend. `plan` maps item id -> kind (see plan_faults); outside an item_scope the
    question text is the key. Thread-safe; `records` keeps what was done to each corrupted item."""

    def __init__(self, inner: LLMBackend, plan: Mapping[str, str]) -> None:
        super().__init__(inner)
        self.name = f"{inner.name}+faults"
        self.plan = dict(plan)
        self.records: dict[str, FaultRecord] = {}
        self._lock = threading.Lock()

    def generate(self, request: GenerationRequest) -> Generation:
        gen = self.inner.generate(request)
        key = getattr(_current, "id", None) or request.question
        kind = self.plan.get(key)
        if kind is None:
            return gen
        if gen.extra.get("abstained") or gen.text.strip() == ABSTENTION or not parse_answer(gen.text).claims:
            record = FaultRecord(key, kind, None, "left alone: the backend abstained", gen.text, gen.text)
        else:
            context = "\n".join(p.text for p in request.passages)
            text, applied, detail = corrupt(gen.text, kind, context, key)
            record = FaultRecord(key, kind, applied, detail, gen.text, text)
            gen = dataclasses.replace(gen, text=text, extra={**gen.extra, "fault": applied})
        with self._lock:
            self.records[key] = record
        return gen

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        yield self.generate(request).text


def fault_detection(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """With injected faults: per applied kind, the share of corrupted answered items flagged as
    hallucinated (detection rate), and the flag rate of the untouched answered items."""
    if not any(r.get("fault") for r in rows):
        return None
    answered = [r for r in rows if r["status"] != "error" and r["answered"]]
    corrupted = [r for r in answered if r.get("fault") and r["fault"]["applied"]]
    clean = [r for r in answered if not (r.get("fault") and r["fault"]["applied"])]
    kinds: dict[str, dict[str, Any]] = {}
    for kind in sorted({r["fault"]["applied"] for r in corrupted}):
        of_kind = [r for r in corrupted if r["fault"]["applied"] == kind]
        detected = Rate(sum(1 for r in of_kind if r["hallucinated"]), len(of_kind))
        kinds[kind] = {"corrupted": len(of_kind), "detected": detected.k, "detection_rate": detected.value}
    detected = Rate(sum(1 for r in corrupted if r["hallucinated"]), len(corrupted))
    flagged_clean = Rate(sum(1 for r in clean if r["hallucinated"]), len(clean))
    return {
        "planned": sum(1 for r in rows if r.get("fault")),
        "corrupted": len(corrupted),
        "left_alone": sum(1 for r in rows if r.get("fault") and not r["fault"]["applied"]),
        "injected_rate": Rate(len(corrupted), len(answered)).value,
        "detection_rate": detected.value,
        "detection_rate_ci": list(detected.ci),
        "clean_flag_rate": flagged_clean.value,
        "by_kind": kinds,
        "missed": [r["id"] for r in corrupted if not r["hallucinated"]],
    }
