"""Lists and how-to procedures among the candidate sentences: the runs of list items a passage holds
(`lists`, `procedure`), with the notes between their steps (`with_notes`); which of them are steps to
follow rather than facts or terms (`is_procedure`); and the one that, read whole under its heading, best
matches a how-to question (`list_text`, `best_procedure`). Also the label of a "Label: value" item
(`item_label`), which names what the item gives.

Kept apart from the sentence choice (`extractive.select`) because a procedure is answered whole, from
its first step, not sentence by sentence: its steps ("Click **Share**.") seldom name the task, so a list
is matched as one text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from app.llm import question_shape as shape
from app.llm.candidates import KEYWORD_WEIGHT, CandidateSentence, keyword_overlap

MAX_STEPS = 8  # steps of a procedure quoted
LIST_GAP = 4  # positions between two items of one numbered list: its "2." mark, and one note between

# A step: an instruction, perhaps after where or when to do it ("On the web, open ...", "If asked, enter ...").
_STEP = re.compile(
    r"^\W*(?:(?:on|in|from|under|at|if|when|after|before|once|to|for)\b[^,.]{0,60},\s*)?(?:then\s+)?"
    r"(?:click|go|open|select|choose|enter|type|sign|log|tap|press|download|install|run|wait|find|add|copy|"
    r"paste|set|turn|pick|check|confirm|save|upload|create|give|follow|scroll|switch|navigate|restart|remove|"
    r"delete|use|right-click|drag|send|visit|return|contact|email|generate|assign|test|unlink|request|submit|"
    r"accept|review|make|keep|empty|move|rename|share|invite|verify|update|change|replace|export|cancel|"
    r"transfer|read|note|write|reply|allow|connect|disconnect|quit|close|reinstall|uninstall|link|start)\b",
    re.I,
)


def item_label(text: str) -> str:
    """The label of a "Label: value" list item (at most six words before the colon), else ""."""
    head, colon, _ = text.partition(":")
    return head.strip("*_` ") if colon and len(head.split()) <= 6 else ""


def procedure(cands: Sequence[CandidateSentence], item: int) -> list[int]:
    """The list `item` belongs to, in order, up to MAX_STEPS: a procedure is answered by its steps from
    the first, not by the one that scored best ("Find the charge and click Request refund" is useless
    without "Go to Settings > Billing > Invoices" before it). A list is a run of items of one passage
    with at most one other sentence between two of them (a step's note, "Business teams use ...")."""
    items = [i for i, c in enumerate(cands) if c.item and c.n == cands[item].n]
    at = items.index(item)
    start = end = at
    while start > 0 and cands[items[start]].position - cands[items[start - 1]].position <= LIST_GAP:
        start -= 1
    while end + 1 < len(items) and cands[items[end + 1]].position - cands[items[end]].position <= LIST_GAP:
        end += 1
    return items[start : end + 1][:MAX_STEPS]


def with_notes(run: Sequence[int]) -> list[int]:
    """A list's items with the sentences between them: a step's note states its limit or condition ("The
    reset link is valid for 60 minutes."), which the steps alone leave out. Candidates of one passage are
    consecutive, so these are the indices from the first item to the last."""
    return list(range(run[0], run[-1] + 1)) if run else []


def lists(cands: Sequence[CandidateSentence]) -> list[list[int]]:
    """Every list the passages hold, each as its items in order (the runs `procedure` reads)."""
    out: list[list[int]] = []
    for i, c in enumerate(cands):
        # A list longer than MAX_STEPS gives its first steps again from a later item: keep it once.
        if c.item and (run := procedure(cands, i)) not in out:
            out.append(run)
    return out


def is_procedure(cands: Sequence[CandidateSentence], run: Sequence[int]) -> bool:
    """Whether a list is steps to follow (most items are instructions), not a list of facts or terms."""
    return 2 * sum(bool(_STEP.match(cands[i].text.lstrip("*_` "))) for i in run) >= len(run)


def best_procedure(
    question: str,
    cands: Sequence[CandidateSentence],
    question_vector: np.ndarray,
    procedures: Sequence[tuple[Sequence[int], np.ndarray]],
    asked: frozenset[str],
    names: frozenset[str],
) -> tuple[Sequence[int], float] | None:
    """The procedure that, read whole, best matches the question, with its score (cosine plus the keyword
    bonus, as a sentence is scored); None when there is none. One about another plan than the one asked
    about does not count ("Cancel a Personal subscription" for a Business team)."""
    runs = [
        (run, v)
        for run, v in procedures
        if not shape.off_variant(f"{cands[run[0]].heading}. {cands[run[0]].text}", asked, names)
    ]
    if not runs:
        return None
    overlap, _ = keyword_overlap(question, [list_text(cands, run) for run, _ in runs])
    scores = [float(v @ question_vector) + KEYWORD_WEIGHT * o for (_, v), o in zip(runs, overlap, strict=True)]
    best = int(np.argmax(scores))
    return runs[best][0], scores[best]


def list_text(cands: Sequence[CandidateSentence], run: Sequence[int]) -> str:
    """What a list is about, read whole: its heading, then its items."""
    heading = cands[run[0]].heading.replace(" > ", ". ")
    return " ".join([f"{heading}." if heading else "", *(cands[i].text for i in run)]).strip()
