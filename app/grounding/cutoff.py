"""An answer the generator stopped in the middle of a sentence (pure).

A generator that runs into its token limit stops mid-sentence: "Downtime is a period of at least 5
minutes during which more than". The words written may each be in the passages, so the verifier reads
the half sentence as supported; but the statement the reader is left with is not the one the passages
make, and no reader can tell what it would have said. 160 of SmolLM2's 316 answers to the default suite
end in such a sentence, and 9 of the 45 unsupported claims the verifier passed in the hand-labelled sample
(`evals/labels/`) were such tails.

Only prose is judged: a list item or table row ends without a full stop as often as not, so a cut one
cannot be told from a whole one. A sentence that closes with a citation marker ("... 14 days [1]") is
finished. The caller decides whether the generator reached its limit; this module only reads the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.grounding.claims import parse_answer
from app.grounding.verifier import ClaimVerdict, Verification

CUT_OFF = "cut_off"
CUT_OFF_CAP = 0.15  # as other rule-made verdicts: well under any threshold a caller would set
# Sentence-final punctuation, then any closing quotes, brackets or Markdown emphasis and code ticks.
_ENDS_SENTENCE = re.compile(r"[.!?…;:。！？][\"'”’)\]}*_`]*$")
_ENDS_WITH_MARKER = re.compile(r"\[\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]\s*[.!?;:]?[\"'”’)\]*_`]*$")
# Budget share that counts as "ran into the limit": token counts are exact for a local model and an upper
# bound for a remote one, and a tokenizer may split the streamed text a token or two differently.
LIMIT_SHARE = 0.9


def ends_sentence(text: str) -> bool:
    """Whether `text` closes a sentence: final punctuation, or a citation marker that closes it."""
    t = text.rstrip()
    return bool(_ENDS_SENTENCE.search(t) or _ENDS_WITH_MARKER.search(t))


def reached_limit(tokens: int, max_tokens: int) -> bool:
    return max_tokens > 0 and tokens >= LIMIT_SHARE * max_tokens


def cut_off_span(text: str, n_passages: int | None = None) -> tuple[int, int] | None:
    """(start, end) in `text` of its last segment when that is a prose claim that stops mid-sentence;
    None when the text ends a sentence, a list item, a table row, code or a heading."""
    segments = parse_answer(text, n_passages).segments
    if not segments:
        return None
    last = segments[-1]
    if not last.is_claim or last.item or text[last.end :].strip() or ends_sentence(last.text):
        return None
    return last.start, last.end


def mark_cut_off(verification: Verification, span: tuple[int, int]) -> Verification:
    """`verification` with the claim at `span` unsupported (reason cut_off, probability capped); the
    shares are counted again. Unchanged when no claim has that span (the verifier gave it no verdict)."""
    claims = [_cut(c) if (c.start, c.end) == span else c for c in verification.claims]
    if claims == verification.claims:
        return verification
    out = Verification.from_claims(claims)
    return replace(out, timings=verification.timings)


def _cut(c: ClaimVerdict) -> ClaimVerdict:
    if c.label == "error":  # already counted against the answer; its cause is the better report
        return c
    score = None if c.score is None else min(c.score, CUT_OFF_CAP)
    return replace(c, label="unsupported", supported=False, score=score, reason=CUT_OFF)
