"""Answerability: does any retrieved passage answer the question, and does the answer address it?

A grounded sentence that answers another question misleads as surely as a made-up one, and the support
verifier cannot see it (every claim really is in the corpus). This model reads the question with each
of the best passages: the sentences of the passage that bear on the question (first stage as in the
verifier: MiniLM cosine plus word overlap, within a token budget) under its heading, scored by the
answerability cross-encoder (`crossencoder.py`, adapter trained by `python -m training.answerability`).

- Before generation: the question's score is the best passage's. Under the cut, the service abstains
  with `not_answered_by_passages` and no LLM is called.
- After generation: the same model reads the question with the answer's own text; an answer under the
  cut does not address the question (`answer_off_question`).

A question about a plan, tier or edition that none of the passages names ("the Teams plan", where the
knowledge base knows Free, Personal and Business) is not answered by them, whatever the model scores:
the passages about the plans that exist read as answers to it (`unknown_names`). So is a question about
a name or code the knowledge base never writes ("the GraphQL API", "a region in Singapore", "error
LB-SYNC-099"): the model reads the passages about the API or the regions as answers too, and a name has
no paraphrase. Retrieval says which of the question's words the collection holds nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.grounding.crossencoder import ANSWER_ADAPTER, CrossEncoder, cached_logits, claim_side, evidence_side
from app.grounding.facts import analyze
from app.grounding.names import codes, missing_names
from app.grounding.verifier import passage_sentences
from app.grounding.windows import choose_window, sentence_scores
from app.llm.question_shape import variant_names
from app.retrieval.passages import Passage
from app.settings import AnswerabilitySettings
from ingestion.embedder import CachedEmbedder, Embedder, TextLRU
from ingestion.lexical import query_terms


@dataclass(frozen=True, slots=True)
class Answerability:
    """The decision for one question: its score (the best passage's probability of answering it), the
    cut it was judged by, which passage (1-based) scored best, and the plans or tiers the question names
    that no passage names, or the names and codes the knowledge base never writes (then it is not
    answerable, whatever the score)."""

    score: float
    threshold: float
    passage: int | None
    unknown_names: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        return self.score >= self.threshold and not self.unknown_names

    def to_dict(self) -> dict[str, float | int | bool | list[str] | None]:
        return {
            "score": round(self.score, 4),
            "threshold": self.threshold,
            "answerable": self.answerable,
            "passage": self.passage,
            "unknown_names": list(self.unknown_names),
        }


class AnswerabilityJudge:
    """Question x passages -> Answerability; question x answer -> whether the answer addresses it."""

    def __init__(
        self,
        embedder: Embedder,
        settings: AnswerabilitySettings | None = None,
        model: CrossEncoder | None = None,
        cache_size: int = 20_000,
    ) -> None:
        self.settings = settings or AnswerabilitySettings()
        self.embedder = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder, cache_size)
        self.model = model or CrossEncoder(
            adapter_path=self.settings.model_file or ANSWER_ADAPTER, dtype=self.settings.dtype
        )
        self.logit_cache: TextLRU[float] = TextLRU(cache_size)

    def judge(
        self,
        question: str,
        passages: Sequence[Passage],
        threshold: float | None = None,
        unwritten: frozenset[str] | None = None,
    ) -> Answerability:
        """`unwritten`: the question's lexical terms the collection never holds (`Retrieval.unwritten`);
        None when unknown, and then only the passages decide which names are unknown."""
        cut = self.settings.threshold if threshold is None else threshold
        considered = list(passages[: self.settings.passages])
        if not considered or not question.strip():
            return Answerability(0.0, cut, None)
        probs = self.passage_scores(question, considered)
        best = int(np.argmax(probs))
        unknown = set(unnamed_variants(question, considered))
        if unwritten and self.settings.unwritten_names:
            unknown |= set(unwritten_names(question, passages, unwritten))
        return Answerability(float(probs[best]), cut, best + 1, tuple(sorted(unknown)))

    def passage_scores(self, question: str, passages: Sequence[Passage]) -> np.ndarray:
        """Each passage's probability of answering `question`: the model reads the passage's sentences that
        bear on the question most (MiniLM cosine plus word overlap, within `window_tokens`) under its heading."""
        if not passages or not question.strip():
            return np.zeros(len(passages), dtype=np.float64)
        sentences = passage_sentences(passages)
        texts = [s.text for s in sentences]
        vecs = self.embedder.embed([*texts, question])
        qv, svecs = vecs[-1], vecs[:-1]
        tokens = self.embedder.count_tokens(texts)
        qterms = analyze(question).bag
        pairs = []
        for n in range(1, len(passages) + 1):
            idx = [j for j, s in enumerate(sentences) if s.n == n]
            if not idx:
                pairs.append((claim_side(question), ""))
                continue
            scores = sentence_scores(qv, qterms, svecs[idx], [analyze(texts[j]).bag for j in idx])
            previous = [None, *range(len(idx) - 1)]
            picked = [
                idx[w]
                for w in choose_window(scores, [tokens[j] for j in idx], self.settings.window_tokens, previous=previous)
            ]
            p = passages[n - 1]
            pairs.append(
                (claim_side(question), evidence_side([(p.heading or p.title or None, texts[j]) for j in picked]))
            )
        return self._probabilities(pairs)

    def addresses(self, question: str, answer: str) -> float:
        """The probability that `answer` (its text, markers and all) answers `question`."""
        if not answer.strip() or not question.strip():
            return 0.0
        return float(self._probabilities([(claim_side(question), evidence_side([(None, answer)]))])[0])

    def _probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        return self.model.probability(cached_logits(self.model, self.logit_cache, pairs)[0])


def unnamed_variants(question: str, passages: Sequence[Passage]) -> tuple[str, ...]:
    """The names of plans, tiers or editions the question asks about ("How much storage does the Business
    Plus plan include?") that none of the passages names in its text, heading or title (pure)."""
    asked = variant_names([question])
    if not asked:
        return ()
    said = _written_text(passages)
    return tuple(sorted(n for n in asked if not re.search(rf"\b{re.escape(n)}\b", said)))


def _written_text(passages: Sequence[Passage]) -> str:
    """Everything the passages write: titles, headings and text."""
    return " ".join(f"{p.title or ''}. {p.heading or ''}. {p.text}" for p in passages)


def unwritten_names(question: str, passages: Sequence[Passage], unwritten: frozenset[str]) -> tuple[str, ...]:
    """The names and codes the question asks about that the knowledge base never writes (pure): none of
    the passages writes them (in any casing or form `missing_names` accepts), and every lexical term of a
    name ("GraphQL", "Singapore"), or some term of a code ("LB-SYNC-099"), is among `unwritten`, the
    question's terms no chunk of the collection holds.

    Only what the question asks (`asked_part`) is read: the user's own context ("We are Acme Corp, a
    15-seat team.", "My colleague Sarah can't open a folder. Why?", "I'm travelling to Japan, can I ...")
    names things no knowledge base writes. E-mail addresses are the user's own. Capitalised words the
    collection writes in lower case ("Documents") are known, and so is a misspelling of a passage's word
    ("Zanamavir", "CEAMCAM1"; not of a code, nor with other digits: "LB-SYNC-099" is no "LB-SYNC-098").
    Short all-capital words (USB, URL, IP) are left to the model: a knowledge base states what they name in
    other words ("an external drive", "https://..."). Known limit: an instance of a kind the knowledge
    base states only as the kind ("Visa" for "a credit card", "Okta" for "any identity provider") reads as
    unwritten; `TETHER_ANSWERABILITY__UNWRITTEN_NAMES=false` turns the rule off for such a corpus."""
    asked = asked_part(question)
    if not unwritten.intersection(query_terms(asked)):
        return ()  # every word it asks with is written somewhere: no name of it can be unwritten
    said = _written_text(passages)
    coded = set(codes(asked))
    words: set[str] | None = None  # the passages' long words, read only for a name to check for misspelling
    out = []
    for name in missing_names(asked, said):
        terms = query_terms(name)
        if not terms or "@" in name:
            continue
        if name in coded or any(c.isdigit() for c in name):
            if any(t in unwritten for t in terms):
                out.append(name)
            continue
        if words is None:
            words = {w.lower() for w in re.findall(r"[\w-]{6,}", said)}
        if any(_misspelt(name.lower(), w) for w in words):
            continue
        if not (name.isupper() and len(name) <= 3) and all(t in unwritten for t in terms):
            out.append(name)
    return tuple(out)


_ASKS = re.compile(
    r",\s+(?=(?:can|could|do|does|did|is|are|was|will|would|should|how|what|when|where|which|who|why)\b)", re.I
)


def asked_part(question: str) -> str:
    """What the question asks, without the context before it (pure): its last sentence, from the last
    comma that opens a question ("I'm travelling to Japan, can I open files offline?" -> "can I open files
    offline?")."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", question.strip()) if s.strip()]
    last = sentences[-1] if sentences else question
    return _ASKS.split(last)[-1]


def _misspelt(a: str, b: str) -> bool:
    """Is `a` within a quarter of its letters' edits (insert, delete, substitute) of `b`? From 6 letters
    ("Slack" is no misspelling of "black"): "zanamavir" of "zanamivir", "ceamcam1" of "ceacam1";
    "graphql" is not "graph" (2 edits of 7)."""
    bound = len(a) // 4
    if len(a) < 6 or not bound or abs(len(a) - len(b)) > bound or a == b:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > bound:
            return False
    return row[-1] <= bound
