"""Answer policies the caller chooses (pure): annotate, redact, abstain. Each returns the answer to send,
a status (answered / partial / abstained) and a machine-readable reason."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Literal

from app.grounding.claims import parse_answer
from app.grounding.verifier import ClaimVerdict, Verification
from app.llm.prompt import ABSTENTION

Policy = Literal["annotate", "redact", "abstain"]
Status = Literal["answered", "partial", "abstained"]


@dataclass(frozen=True, slots=True)
class PolicyResult:
    answer: str
    status: Status
    reason: str | None
    claims: list[ClaimVerdict]


def _is_refusal(answer: str) -> bool:
    segs = parse_answer(answer).segments
    return any(s.kind == "refusal" for s in segs) and not any(s.is_claim for s in segs)


def _annotate(answer: str, v: Verification) -> PolicyResult:
    if not v.claims:
        if not answer.strip() or _is_refusal(answer):
            return PolicyResult(answer if answer.strip() else ABSTENTION, "abstained", "model_abstained", [])
        return PolicyResult(answer, "answered", "no_claims", [])
    if v.errors:
        return PolicyResult(answer, "partial", "claims_not_judged", v.claims)
    if v.unsupported:
        return PolicyResult(answer, "partial", "unsupported_claims", v.claims)
    return PolicyResult(answer, "answered", None, v.claims)


def redact(answer: str, claims: list[ClaimVerdict]) -> tuple[str, list[ClaimVerdict]]:
    """Drop every claim not labelled supported; the kept claims' spans are moved to the new text.
    Citation markers live inside their claim's span, so they leave with it."""
    drop = sorted((c.start, c.end) for c in claims if c.label != "supported")
    pieces: list[str] = []
    shift: list[tuple[int, int]] = []  # (old offset, removed so far)
    pos = removed = 0
    for s, e in drop:
        # Take the whitespace after a dropped claim too, so no double spaces or empty bullets remain.
        m = re.compile(r"[ \t]*").match(answer, e)
        e2 = m.end() if m else e
        line_start = answer.rfind("\n", 0, s) + 1
        if answer[line_start:s].strip() in ("", "-", "*", "+", "•") or re.fullmatch(
            r"\s*\d{1,3}[.)]\s*", answer[line_start:s]
        ):
            # The claim is a whole list item or line: drop its bullet and line break as well.
            line_end = answer.find("\n", e)
            if answer[e : line_end if line_end != -1 else len(answer)].strip() == "":
                s = line_start
                e2 = line_end + 1 if line_end != -1 else len(answer)
        if s < pos:
            continue
        pieces.append(answer[pos:s])
        removed += e2 - s
        pos = e2
        shift.append((e2, removed))
    pieces.append(answer[pos:])
    joined = "".join(pieces)
    text = joined.strip()
    lead = len(joined) - len(joined.lstrip())  # stripping the front moves every span too

    def moved(i: int) -> int:
        return i - max((r for o, r in shift if o <= i), default=0) - lead

    kept = [dataclasses.replace(c, start=moved(c.start), end=moved(c.end)) for c in claims if c.label == "supported"]
    return text, kept


def apply_policy(
    answer: str,
    verification: Verification,
    policy: Policy,
    *,
    threshold: float = 0.5,
    has_passages: bool = True,
) -> PolicyResult:
    if not has_passages:
        return PolicyResult(ABSTENTION, "abstained", "no_relevant_passages", [])
    base = _annotate(answer, verification)
    if policy == "annotate" or base.status == "abstained" or not verification.claims:
        return base
    if policy == "abstain":
        g = verification.groundedness or 0.0
        if g < threshold:
            return PolicyResult(ABSTENTION, "abstained", "low_groundedness", verification.claims)
        return base
    # redact
    if not verification.unsupported and not verification.errors:
        return base
    text, kept = redact(answer, verification.claims)
    if not kept:
        return PolicyResult(ABSTENTION, "abstained", "all_claims_unsupported", [])
    return PolicyResult(text, "partial", "unsupported_claims_removed", kept)
