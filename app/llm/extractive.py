"""The embedded default backend: no LLM. The answer is the retrieved sentences that best answer the
question, each with its `[n]` marker, so every word of it is in the knowledge base.

Score of a sentence = cosine to the question (the MiniLM the index uses) + a bonus for the question's
keywords, weighted by rarity (MiniLM alone ranks a sentence on the right topic but without the asked-for
fact too high) - a penalty for first-person sentences (forum posters' stories). The opening sentence
must share a specific keyword with the question or paraphrase it, else the backend abstains: in a
help centre every sentence is "about the product". After it, the sentence that follows a chosen one
gets a bonus (help articles put the steps after the sentence that names the task); sentences from
other passages must be nearly as good. Headings, questions, table rows and fragments never answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from app.grounding.claims import strip_markers
from app.llm.base import Generation, GenerationRequest
from app.llm.injection import looks_like_injection
from app.llm.prompt import ABSTENTION, approx_tokens, sentence_cuts
from app.retrieval.passages import Passage
from ingestion.embedder import CachedEmbedder, Embedder
from ingestion.text import STOP_WORDS, stem, words

KEYWORD_WEIGHT = 0.25
NEXT_SENTENCE_BONUS = 0.1
MIN_SCORE = 0.42  # below this the best sentence is on another subject: abstain
PARAPHRASE_COSINE = 0.7
FIRST_PERSON_PENALTY = 0.25  # "My phone was stolen": a forum poster's story, not an answer
KEEP_RATIO = 0.8  # further sentences from the best sentence's passage: at least this share of its score
OTHER_PASSAGE_RATIO = 0.9  # from another passage they must be nearly as good and share a keyword
NEAR_DUPLICATE = 0.92
MIN_WORDS = 3

_BULLET = re.compile(r"^\s*(?:[-*•#>]+|\d{1,2}[.)])\s+")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|me)\b")
_TERMINAL = re.compile(r"([.!?])$")
# Words a question asks with ("please tell me how to ..."): no more a keyword than a stop word is.
_ASKING_WORDS = frozenset(
    """please tell know want need get got use using make way able happen happens happened go going""".split()  # noqa: SIM905
)


def keywords(text: str) -> set[str]:
    """Content words, stemmed so "refunds"/"refund" and "charged"/"charge" meet."""
    return {stem(w) for w in words(text) if w not in STOP_WORDS and w not in _ASKING_WORDS and len(w) > 1}


def keyword_overlap(question: str, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(overlap, specific) per sentence. `overlap` is the share of the question's keywords the
    sentence contains, each weighted by its rarity among these sentences: a word every candidate
    shares ("authentication" in a 2FA article) says little, the one word only the answer has ("turn
    on") says a lot, and a keyword no sentence has weighs most, which keeps an unanswerable
    question's scores low. `specific` is whether the sentence has a keyword that fewer than half the
    candidates share (the product name, in every sentence, is not one)."""
    wanted = sorted(keywords(question))
    if not wanted or not sentences:
        return np.zeros(len(sentences)), np.zeros(len(sentences), dtype=bool)
    bags = [keywords(s) for s in sentences]
    df = np.array([sum(w in bag for bag in bags) for w in wanted], dtype=np.float64)
    weight = np.log1p(len(bags) / (1.0 + df))
    hits = np.array([[w in bag for w in wanted] for bag in bags], dtype=np.float64)
    specific = hits @ (df < 0.5 * len(bags)).astype(np.float64) > 0
    return np.asarray(hits @ weight / weight.sum()), specific


def clean_sentence(text: str) -> str:
    """One line of prose: heading lines and list bullets dropped, whitespace collapsed."""
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    # A short line without end punctuation, followed by a line that starts a new sentence, is a
    # heading glued to its sentence; followed by a lower-case word it is a wrapped line.
    while (
        len(lines) > 1
        and not re.search(r"[.!?:;,]$", lines[0])
        and len(lines[0].split()) <= 10
        and not lines[1][0].islower()
    ):
        lines.pop(0)
    return " ".join(" ".join(lines).split())


def is_prose(sentence: str) -> bool:
    """A sentence that can state an answer: not a heading, table row, fragment or question."""
    words = sentence.split()
    if len(words) < MIN_WORDS or not re.search(r"[A-Za-z]", sentence) or sentence.startswith("|"):
        return False
    # An FAQ's own question (or a forum post's) matches the user's question best and answers nothing.
    if sentence.rstrip("*_\"')] ").endswith("?"):
        return False
    # Headings and captions end without a full stop; only a long run of words is prose without one.
    return bool(re.search(r"[.!:)\"'*`]$", sentence)) or len(words) >= 15


def cite(sentence: str, n: int) -> str:
    """Marker before the final punctuation ("... 5 days [2].") so a sentence splitter keeps the
    marker with its own sentence."""
    if _TERMINAL.search(sentence):
        return f"{sentence[:-1].rstrip()} [{n}]{sentence[-1]}"
    return f"{sentence} [{n}]"


@dataclass(frozen=True, slots=True)
class Candidate:
    n: int  # 1-based passage number
    position: int  # sentence index inside the passage
    start: int  # document offsets
    end: int
    text: str


def candidates(passages: Sequence[Passage]) -> list[Candidate]:
    """Prose sentences of the passages, first occurrence only (overlapping chunks repeat sentences)."""
    seen: set[str] = set()
    out: list[Candidate] = []
    for n, passage in enumerate(passages, start=1):
        if passage.sentences:
            spans = [(s, e, t) for s, e, t in passage.sentence_texts() if t.strip()]
        else:
            spans, prev = [], 0
            for cut in sentence_cuts(passage):
                spans.append((passage.start + prev, passage.start + cut, passage.text[prev:cut]))
                prev = cut
        for position, (start, end, raw) in enumerate(spans):
            if raw.lstrip().startswith("#"):  # a Markdown heading
                continue
            # The answer adds its own marker; any the passage wrote would cite passages it never saw.
            text = strip_markers(clean_sentence(raw))
            key = " ".join(words(text))
            # Planted instructions are data about the page, never an answer to quote.
            if not is_prose(text) or key in seen or looks_like_injection(text):
                continue
            seen.add(key)
            out.append(Candidate(n, position, start, end, text))
    return out


def select(
    question: str, cands: Sequence[Candidate], vectors: np.ndarray, max_sentences: int
) -> list[tuple[Candidate, float]]:
    """Greedy choice of up to `max_sentences` (candidate, score); empty when nothing is relevant.
    `vectors[0]` is the question, `vectors[i + 1]` is `cands[i]`."""
    cosine = vectors[1:] @ vectors[0]
    overlap, specific = keyword_overlap(question, [c.text for c in cands])
    first_person = np.array([bool(_FIRST_PERSON.search(c.text)) for c in cands])
    base = cosine.astype(np.float64) + KEYWORD_WEIGHT * overlap - FIRST_PERSON_PENALTY * first_person
    # The opening sentence must name something the question asks about, unless it is a near
    # paraphrase: on-topic sentences that share only the product name are not an answer.
    can_open = specific | (cosine >= PARAPHRASE_COSINE)
    if not can_open.any() or float(base[can_open].max()) < MIN_SCORE:
        return []
    first = int(np.argmax(np.where(can_open, base, -np.inf)))
    chosen = [first]
    home = cands[first].n
    same_floor = max(MIN_SCORE, KEEP_RATIO * float(base[first]))
    other_floor = max(MIN_SCORE, OTHER_PASSAGE_RATIO * float(base[first]))

    def eligible(i: int, score: float) -> bool:
        if i in chosen:
            return False
        if cands[i].n != home and not (score >= other_floor and overlap[i] > 0):
            return False
        return score >= same_floor and all(float(vectors[i + 1] @ vectors[j + 1]) < NEAR_DUPLICATE for j in chosen)

    while len(chosen) < max_sentences:
        follows = {(cands[i].n, cands[i].position + 1) for i in chosen}
        score = base + NEXT_SENTENCE_BONUS * np.array([(c.n, c.position) in follows for c in cands])
        order = sorted(range(len(cands)), key=lambda i: (-score[i], cands[i].n, cands[i].position))
        pick = next((i for i in order if eligible(i, float(score[i]))), None)
        if pick is None:
            break
        chosen.append(pick)
    # Reading order: passages by their best chosen sentence, sentences in document order inside one.
    top = {n: max(float(base[i]) for i in chosen if cands[i].n == n) for n in {cands[i].n for i in chosen}}
    chosen.sort(key=lambda i: (-top[cands[i].n], cands[i].n, cands[i].position))
    return [(cands[i], float(base[i])) for i in chosen]


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

    def _answer(self, request: GenerationRequest) -> tuple[list[str], list[tuple[Candidate, float]]]:
        cands = candidates(request.passages)
        if not cands or not request.question.strip():
            return [ABSTENTION], []
        vectors = self.embedder.embed([request.question, *(c.text for c in cands)])
        picked = select(request.question, cands, vectors, self.max_sentences)
        if not picked:
            return [ABSTENTION], []
        return [cite(c.text, c.n) for c, _ in picked], picked

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
