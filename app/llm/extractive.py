"""The embedded default backend: no LLM. The answer is the retrieved sentences that best answer the
question, each with its `[n]` marker, so every word of it is in the knowledge base.

Score of a sentence = cosine to the question (the MiniLM the index uses) + a bonus for the question's
keywords, weighted by rarity (MiniLM alone ranks a sentence on the right topic but without the asked-for
fact too high) - a penalty for first-person sentences (forum posters' stories). The opening sentence
must share a specific keyword with the question or paraphrase it, else the backend abstains: in a
help centre every sentence is "about the product". After it, the sentence that follows a chosen one
gets a bonus (help articles put the steps after the sentence that names the task); sentences from
other passages must be nearly as good. Headings, questions, table rows and fragments never answer;
list items do (a step, a `Default:` line), with or without a full stop.

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
sentence that says which other plans have it. A total the question
asks for ("a Business team of 20 users") that a quoted sentence gives per user is worked out, with the work
shown (`composition`): the one sentence of the answer that is not a quote, and checked like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from app.grounding.claims import strip_markers
from app.llm import composition
from app.llm import question_shape as shape
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
HEADING_WEIGHT = 0.15  # the section heading names the question's subject: "Steps to set up SAML"
FIGURE_BONUS = 0.08  # a quantity or date question is answered by a sentence with a figure
OFF_VARIANT_PENALTY = 0.2  # a sentence about the Enterprise plan answers no question about Business
MAX_STEPS = 8  # steps of a procedure quoted
SEQUEL_RATIO = 0.3  # the sentence after the opener, when at least this share of its score: "..., valid for 7 days."
LIST_GAP = 4  # positions between two items of one numbered list: its "2." mark, and one note between
LABEL_BONUS = 0.3  # "Default: 14 days" answers "what is the default ...?": its label is the question's word
# A procedure read whole (heading and steps) that matches a how-to question at least this share as well as
# the best sentence does is the answer, though no single step ("Click **Share**.") names the task.
PROCEDURE_RATIO = 0.85
_NUMBER_MARK = re.compile(r"^\s*\d{1,2}[.)]\s*$")  # a numbered list's "3." split from its text

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
_BULLET = re.compile(r"^\s*(?:[-*•#>]+|\d{1,2}[.)])\s+")
_NEGATED = re.compile(r"\b(?:not|no|never|cannot)\b|n't\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|me)\b")
_TERMINAL = re.compile(r"([.!?])$")
# A sentence that opens by pointing at the one before it: "From this date", "It has been replaced".
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:from|after|before|until|since|at|on|by|in) (?:this|that|then)\b|(?:this|that|these|those) "
    r"(?:date|day|time|point|change|version|release|plan|feature|setting|limit|policy|page|step)s?\b|"
    r"(?:it|they|this|these) (?:is|are|was|were|has|have|had|will|can|cannot|no longer|also)\b)",
    re.I,
)
_POINTER = re.compile(
    r"^\W*(?:see|refer to|read|learn more (?:in|at|about)|for (?:more )?(?:details|information)(?: \w+)*?,? see)\s+"
    r"(?:\[[^\]]+\]\([^)]*\)|<[^>]+>|\S+://\S+|the [^.]*?\b(?:page|article|guide|section|reference|docs)\b)"
    r"(?:\s+(?:for|to|on|about)\b[^.]*)?\W*$",
    re.I,
)
_ABOUT_THE_PAGE = re.compile(
    r"^\W*this (?:page|article|guide|section|document|reference|topic|help page)\s+"
    r"(?:describes|lists|explains|covers|shows|gives|summari[sz]es|walks|tells|is about|contains|answers)\b",
    re.I,
)
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


def is_signpost(sentence: str) -> bool:
    """A sentence about the page rather than the product: a pointer to another page ("See [API rate
    limits](...) for details.") or the page describing itself ("This page lists the changes in each
    release."). It states nothing a question asks, however well it matches the question's words."""
    return bool(_POINTER.match(sentence) or _ABOUT_THE_PAGE.match(sentence))


def cite(sentence: str, n: int) -> str:
    """Marker before the final punctuation ("... 5 days [2].") so a sentence splitter keeps the
    marker with its own sentence."""
    if _TERMINAL.search(sentence):
        return f"{sentence[:-1].rstrip()} [{n}]{sentence[-1]}"
    return f"{sentence} [{n}]"


@dataclass(frozen=True, slots=True)
class CandidateSentence:
    n: int  # 1-based passage number
    position: int  # sentence index inside the passage
    start: int  # document offsets
    end: int
    text: str
    heading: str = ""  # the passage's heading path
    item: bool = False  # a list item (bulleted or numbered)


def candidates(passages: Sequence[Passage]) -> list[CandidateSentence]:
    """Prose sentences of the passages, first occurrence only (overlapping chunks repeat sentences)."""
    seen: set[str] = set()
    out: list[CandidateSentence] = []
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
            item = bool(_BULLET.match(raw)) or (position > 0 and bool(_NUMBER_MARK.match(spans[position - 1][2])))
            # The answer adds its own marker; any the passage wrote would cite passages it never saw.
            text = strip_markers(clean_sentence(raw))
            key = " ".join(words(text))
            # Planted instructions are data about the page, never an answer to quote.
            if (
                not (is_prose(text) or (item and is_item(text)))
                or key in seen
                or looks_like_injection(text)
                or is_signpost(text)
            ):
                continue
            seen.add(key)
            out.append(CandidateSentence(n, position, start, end, text, passage.heading or passage.title or "", item))
    return out


def is_item(text: str) -> bool:
    """A list item that can answer without a full stop ("Default: 14 days"), not a bare link or label."""
    return len(text.split()) >= MIN_WORDS and bool(re.search(r"[A-Za-z]", text)) and not text.endswith("?")


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
        # A total the question asks for ("a team of 20 users") from a figure a quoted sentence gives per user:
        # the work is shown, after the sentence it rests on, and verified like any claim.
        # Never from a sentence about another plan than the one asked about (the "where it is available" one).
        names, asked = plans
        usable = ["" if shape.off_variant(c.text, asked, names) else c.text for c, _ in picked]
        worked = composition.product(request.question, usable)
        if worked is not None:
            total, i = worked
            quoted.insert(i + 1, cite(total.sentence(), picked[i][0].n))
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
