"""The embedded default backend: no LLM. The answer is the retrieved sentences that best answer the
question, each with its `[n]` marker, so every word of it is in the knowledge base.

Score of a sentence = cosine to the question (the MiniLM the index uses) + a bonus for the question's
keywords, weighted by rarity (MiniLM alone ranks a sentence on the right topic but without the asked-for
fact too high) - a penalty for first-person sentences (forum posters' stories). The opening sentence
must share a specific keyword with the question or paraphrase it, else the backend abstains: in a
help centre every sentence is "about the product". After it, the sentence that follows a chosen one
gets a bonus (help articles put the steps after the sentence that names the task); sentences from
other passages must be nearly as good.

What the question asks shapes the choice (`question_shape`): a sentence under a heading that names the
question's words gains; one about another plan than the one asked about cannot open the answer and loses;
a figure gains when the question asks for a quantity or a date; for a how-to question, a procedure is quoted
whole, from its first step and with the notes between its steps: the one that, read whole under its heading,
matches the question nearly as well as the best sentence (its steps, "Click **Share**.", seldom name the
task), else the one whose step scores best; a question that asks two things gets the best
sentence for each part. A chosen sentence that opens by pointing back ("From this date, ...") brings the
sentence before it, which says what it points at, and the opening sentence brings the one after it (its
condition or consequence, "The link is valid for 7 days.") unless that is far weaker. An opener that denies
the plan asked about a feature ("Rewind is not available on the Free and Personal plans") brings the best
sentence that says which other plans have it. What the question asks for that no passage states but the
quotes give the makings of (a total for a team of 20 users, a year paid monthly against one paid annually,
a deadline 60 days before the question's date, the days left of a period, a credit table's row) is worked
out, with the work shown (`worked`): the only sentences of the answer that are not quotes, and checked like
any other.

The sentences it chooses from and the keywords they are scored by live in `candidates`; the lists and
procedures a how-to question is answered from, in `procedures`. This module is the choice among them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import numpy as np

from app.llm import question_shape as shape
from app.llm import worked
from app.llm.base import Generation, GenerationRequest
from app.llm.candidates import KEYWORD_WEIGHT, CandidateSentence, candidates, cite, keyword_overlap, keywords
from app.llm.procedures import best_procedure, is_procedure, item_label, list_text, lists, procedure, with_notes
from app.llm.prompt import ABSTENTION, approx_tokens
from ingestion.embedder import CachedEmbedder, Embedder

NEXT_SENTENCE_BONUS = 0.1
MIN_SCORE = 0.42  # below this the best sentence is on another subject: abstain
PARAPHRASE_COSINE = 0.7
FIRST_PERSON_PENALTY = 0.25  # "My phone was stolen": a forum poster's story, not an answer
KEEP_RATIO = 0.8  # further sentences from the best sentence's passage: at least this share of its score
OTHER_PASSAGE_RATIO = 0.9  # from another passage they must be nearly as good and share a keyword
NEAR_DUPLICATE = 0.92
HEADING_WEIGHT = 0.15  # the section heading names the question's subject: "Steps to set up SAML"
FIGURE_BONUS = 0.08  # a quantity or date question is answered by a sentence with a figure
OFF_VARIANT_PENALTY = 0.2  # a sentence about the Enterprise plan answers no question about Business
SEQUEL_RATIO = 0.3  # the sentence after the opener, when at least this share of its score: "..., valid for 7 days."
LABEL_BONUS = 0.3  # "Default: 14 days" answers "what is the default ...?": its label is the question's word
# A procedure read whole (heading and steps) that matches a how-to question at least this share as well as
# the best sentence does is the answer, though no single step ("Click **Share**.") names the task.
PROCEDURE_RATIO = 0.85
_NEGATED = re.compile(r"\b(?:not|no|never|cannot)\b|n't\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|me)\b")
# A sentence that opens by pointing at the one before it: "From this date", "It has been replaced".
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:from|after|before|until|since|at|on|by|in) (?:this|that|then)\b|(?:this|that|these|those) "
    r"(?:date|day|time|point|change|version|release|plan|feature|setting|limit|policy|page|step)s?\b|"
    r"(?:it|they|this|these) (?:is|are|was|were|has|have|had|will|can|cannot|no longer|also)\b)",
    re.I,
)


def select(
    question: str,
    cands: Sequence[CandidateSentence],
    vectors: np.ndarray,
    max_sentences: int,
    part_vectors: np.ndarray | None = None,
    procedures: Sequence[tuple[Sequence[int], np.ndarray]] = (),
    plans: tuple[frozenset[str], frozenset[str]] | None = None,
) -> list[tuple[CandidateSentence, float]]:
    """Greedy choice of up to `max_sentences` (candidate, score), plus the steps of a procedure and one
    sentence per further part of the question; empty when nothing is relevant. `vectors[0]` is the
    question, `vectors[i + 1]` is `cands[i]`; `part_vectors` are the question's parts, when it has two or more;
    `procedures` are the passages' procedures (their items, and the vector of `list_text`) for a how-to question;
    `plans` is `plans_named(question, cands)` when the caller has it."""
    cosine = vectors[1:] @ vectors[0]
    overlap, specific = keyword_overlap(question, [c.text for c in cands])
    heading, _ = keyword_overlap(question, [c.heading for c in cands])
    first_person = np.array([bool(_FIRST_PERSON.search(c.text)) for c in cands])
    names, asked = plans or plans_named(question, cands)
    off = np.array([shape.off_variant(c.text, asked, names) for c in cands], dtype=bool)
    figure = shape.asks_quantity(question) * np.array([shape.has_figure(c.text) for c in cands], dtype=np.float64)
    # A label names what its item gives when it has a word of the question that few candidates share: "ACS URL"
    # for "what ACS URL ...", not "SAML response not valid" in an article where every sentence says SAML.
    bags = [keywords(c.text) for c in cands]
    rare = {w for w in keywords(question) if 2 * sum(w in bag for bag in bags) < len(bags) or len(bags) <= 2}
    label = np.array([c.item and bool(keywords(item_label(c.text)) & rare) for c in cands], dtype=np.float64)
    base = (
        cosine.astype(np.float64)
        + KEYWORD_WEIGHT * overlap
        + HEADING_WEIGHT * heading
        + FIGURE_BONUS * figure
        + LABEL_BONUS * label
        - FIRST_PERSON_PENALTY * first_person
        - OFF_VARIANT_PENALTY * off
    )
    # The opening sentence must name something the question asks about, unless it is a near
    # paraphrase: on-topic sentences that share only the product name are not an answer. Nor may it be
    # about another plan than the one asked about.
    can_open = (specific | (cosine >= PARAPHRASE_COSINE)) & ~off
    if not can_open.any() or float(base[can_open].max()) < MIN_SCORE:
        return []
    first = int(np.argmax(np.where(can_open, base, -np.inf)))
    chosen = [first]
    home = cands[first].n
    same_floor = max(MIN_SCORE, KEEP_RATIO * float(base[first]))
    other_floor = max(MIN_SCORE, OTHER_PASSAGE_RATIO * float(base[first]))

    def distinct(i: int) -> bool:
        return i not in chosen and all(float(vectors[i + 1] @ vectors[j + 1]) < NEAR_DUPLICATE for j in chosen)

    def relevant(i: int, score: float) -> bool:
        if cands[i].n != home and not (score >= other_floor and overlap[i] > 0):
            return False
        return score >= same_floor

    def eligible(i: int, score: float) -> bool:
        return relevant(i, score) and distinct(i)

    while len(chosen) < max_sentences:
        follows = {(cands[i].n, cands[i].position + 1) for i in chosen}
        score = base + NEXT_SENTENCE_BONUS * np.array([(c.n, c.position) in follows for c in cands])
        order = sorted(range(len(cands)), key=lambda i: (-score[i], cands[i].n, cands[i].position))
        pick = next((i for i in order if eligible(i, float(score[i]))), None)
        if pick is None:
            break
        chosen.append(pick)
    if shape.is_howto(question):
        whole = best_procedure(question, cands, vectors[0], procedures, asked, names)
        if whole is not None and whole[1] >= PROCEDURE_RATIO * float(np.max(cosine + KEYWORD_WEIGHT * overlap)):
            chosen.extend(i for i in with_notes(whole[0]) if distinct(i))
        else:
            # The best step the answer may draw from names the procedure (chosen or not): quote it whole.
            steps = [i for i, c in enumerate(cands) if c.item and not off[i] and relevant(i, float(base[i]))]
            if steps:
                best_step = max(steps, key=lambda i: float(base[i]))
                chosen.extend(i for i in with_notes(procedure(cands, best_step)) if distinct(i))
    chosen.extend(antecedents(cands, chosen))
    # Help articles write a fact and its condition or consequence as consecutive sentences ("The link is
    # emailed to you. It is valid for 7 days."): the opener's next sentence comes with it unless it is
    # about another plan or far weaker.
    follow = sequel(cands, first)
    if follow is not None and not off[follow] and distinct(follow) and base[follow] >= SEQUEL_RATIO * base[first]:
        chosen.append(follow)
    # "Is Rewind included with Personal?" answered "Rewind is not available on the Free and Personal plans":
    # the reader's next question is where it is, which a sentence about the other plans says.
    if asked and _denies(cands[first].text, asked):
        # What is denied: the opener's words before its negation ("Rewind", "File locking"), which the
        # sentence about the other plans must name too.
        denied = keywords(_NEGATED.split(cands[first].text, maxsplit=1)[0]) - keywords(" ".join(names))
        elsewhere = [
            i
            for i in range(len(cands))
            if (said := shape.named(cands[i].text, names))
            and not said & asked
            and keywords(cands[i].text) & denied
            and not _NEGATED.search(cands[i].text)
            and distinct(i)
        ]
        if elsewhere:
            best = max(elsewhere, key=lambda i: float(base[i]))
            if base[best] >= SEQUEL_RATIO * base[first]:
                chosen.append(best)
    if part_vectors is not None and len(part_vectors) > 1:
        for part, pv in zip(shape.parts(question), part_vectors, strict=True):
            part_overlap, _ = keyword_overlap(part, [c.text for c in cands])
            part_score = vectors[1:] @ pv + KEYWORD_WEIGHT * part_overlap - OFF_VARIANT_PENALTY * off
            best = int(np.argmax(np.where(can_open, part_score, -np.inf)))
            if float(part_score[best]) >= MIN_SCORE and distinct(best):
                chosen.append(best)
    # Reading order: passages by their best chosen sentence, sentences in document order inside one.
    top = {n: max(float(base[i]) for i in chosen if cands[i].n == n) for n in {cands[i].n for i in chosen}}
    chosen.sort(key=lambda i: (-top[cands[i].n], cands[i].n, cands[i].position))
    return [(cands[i], float(base[i])) for i in chosen]


def plans_named(question: str, cands: Sequence[CandidateSentence]) -> tuple[frozenset[str], frozenset[str]]:
    """The plan names the question and the candidates (texts and headings) use, and those the question asks about."""
    names = shape.variant_names([question, *(c.text for c in cands), *(c.heading for c in cands)])
    return names, shape.named(question, names)


def _denies(sentence: str, asked: frozenset[str]) -> bool:
    """Whether the sentence negates something of a plan asked about: "Rewind is not available on the Free and
    Personal plans" for Personal, not "Rewind is available on Personal, but not on Free"."""
    return any(re.search(rf"(?:{_NEGATED.pattern})[^.;]*\b{re.escape(name)}\b", sentence, re.I) for name in asked)


def sequel(cands: Sequence[CandidateSentence], i: int) -> int | None:
    """The prose sentence right after candidate `i` in its passage (a skipped fragment between them
    allowed), or None: the passage ends, or a list item follows (steps come whole or not at all)."""
    j = i + 1
    if j == len(cands) or cands[j].n != cands[i].n or cands[j].position > cands[i].position + 2:
        return None
    return None if cands[j].item else j


def antecedents(cands: Sequence[CandidateSentence], chosen: Sequence[int]) -> list[int]:
    """For each chosen sentence that opens by pointing back ("From this date, 3.x apps can no longer
    sync"), the sentence before it in its passage, which says what "this" is: quoted alone, the answer
    would lose the date. The sentence directly before it (a timeline's "**30 September 2026**: ..." item
    too); none when it is already chosen."""
    at = {(c.n, c.position): i for i, c in enumerate(cands)}
    out: list[int] = []
    for i in chosen:
        if not _POINTS_BACK.match(cands[i].text):
            continue
        j = at.get((cands[i].n, cands[i].position - 1))
        if j is not None and j not in chosen and j not in out:
            out.append(j)
    return out


class ExtractiveBackend:
    name = "extractive"

    def __init__(self, embedder: Embedder, max_sentences: int = 3, *, cache_size: int = 20_000) -> None:
        # Popular articles' sentences come back question after question: embed each once. The
        # service passes the cache it shares with the verifier, which checks the same sentences.
        self.embedder = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder, cache_size)
        self.max_sentences = max_sentences

    def count_tokens(self, text: str) -> int:
        return approx_tokens(text)

    def close(self) -> None:
        """Nothing to release: the embedder is the service's (shared with the verifier), not this backend's."""

    def _answer(self, request: GenerationRequest) -> tuple[list[str], list[tuple[CandidateSentence, float]]]:
        cands = candidates(request.passages)
        if not cands or not request.question.strip():
            return [ABSTENTION], []
        pieces = shape.parts(request.question)
        extra = pieces if len(pieces) > 1 else []
        runs = [run for run in lists(cands) if is_procedure(cands, run)] if shape.is_howto(request.question) else []
        texts = [list_text(cands, run) for run in runs]
        vectors = self.embedder.embed([request.question, *(c.text for c in cands), *extra, *texts])
        n = len(cands) + 1
        part_vectors = vectors[n : n + len(extra)] if extra else None
        procedures = list(zip(runs, vectors[n + len(extra) :], strict=True))
        plans = plans_named(request.question, cands)
        picked = select(request.question, cands, vectors[:n], self.max_sentences, part_vectors, procedures, plans)
        if not picked:
            return [ABSTENTION], []
        quoted = [cite(c.text, c.n) for c, _ in picked]
        # What the question asks for that no passage states, worked out from the quotes (`worked`): each line
        # after the sentence it rests on, in the order they were worked out (inserted from the last).
        work = worked.worked_lines(request.question, [c for c, _ in picked], cands, plans)
        if work.table is not None:
            quoted.append(cite(work.table.text, work.table.n))
            picked.append((work.table, 0.0))
        for text, i in reversed(sorted(work.lines, key=lambda a: a[1])):
            quoted.insert(i + 1, cite(text, picked[i][0].n))
        return quoted, picked

    def generate(self, request: GenerationRequest) -> Generation:
        sentences, picked = self._answer(request)
        text = " ".join(sentences)
        evidence = [{"n": c.n, "start": c.start, "end": c.end, "score": round(score, 4)} for c, score in picked]
        return Generation(
            text=text,
            model="extractive",
            prompt_tokens=None,
            completion_tokens=approx_tokens(text),
            extra={"abstained": not picked, "sentences": evidence},
        )

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        sentences, _ = self._answer(request)
        for i, sentence in enumerate(sentences):
            yield sentence if i == 0 else " " + sentence
