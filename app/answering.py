"""The answer pipeline: retrieve -> grounded prompt -> backend -> citations -> verify -> policy.

One pipeline for the HTTP routes, the CLI and the evals, so all three measure the same thing. It returns
a typed, immutable `Answer` (app/results.py); `stream` yields the same `Answer` last.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import chain

from app.grounding.answer_policies import PolicyResult, Status, apply_policy
from app.grounding.answerability import Answerability, AnswerabilityJudge
from app.grounding.claims import parse_answer, parse_citations
from app.grounding.conflicts import ConflictingSources, find_conflict
from app.grounding.cutoff import cut_off_span, ends_sentence, mark_cut_off, reached_limit
from app.grounding.renumber import Renumberer
from app.grounding.verifier import ClaimVerdict, Verification, Verifier
from app.llm.base import GenerationRequest, LLMBackend
from app.llm.prompt import ABSTENTION, build_prompt
from app.queries import AnswerQuery, effective_thresholds
from app.results import Answer, NumberedPassage, Thresholds
from app.retrieval.hybrid import Retrieval, Retriever
from app.retrieval.passages import Passage
from app.retrieval.rerank import rerank
from app.settings import Settings


@dataclass(frozen=True, slots=True)
class PassagesUsed:
    """Stream event: the passages the answer will be written from (passage n is `passages[n-1]`); empty
    when the pipeline abstains without generating."""

    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class TextDelta:
    """Stream event: the next piece of the backend's text."""

    text: str


StreamEvent = PassagesUsed | TextDelta | Answer


def _ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000, 2)


class Answerer:
    def __init__(
        self,
        retriever: Retriever,
        backend: LLMBackend,
        verifier: Verifier,
        settings: Settings,
        answerability: AnswerabilityJudge | None = None,
    ) -> None:
        self.retriever, self.backend, self.verifier, self.settings = retriever, backend, verifier, settings
        self.answerability = answerability

    def retrieve(self, q: AnswerQuery) -> Retrieval:
        depth = self.settings.answerability.rerank
        if not depth or self.answerability is None:
            return self.retriever.retrieve(q.question, q.collection, q.top_k, q.filters)
        found = self.retriever.retrieve(q.question, q.collection, max(depth, q.top_k), q.filters)
        return rerank(self.answerability, q.question, found, q.top_k)

    def prepare(self, q: AnswerQuery, retrieval: Retrieval) -> tuple[GenerationRequest, list[Passage]]:
        llm = self.settings.llm
        prompt = build_prompt(
            q.question, retrieval.passages, self.backend.count_tokens, llm.context_tokens, llm.max_answer_tokens
        )
        req = GenerationRequest(
            messages=prompt.messages,
            question=q.question,
            passages=prompt.passages_used,
            max_tokens=llm.max_answer_tokens,
            temperature=llm.temperature,
        )
        return req, list(prompt.passages_used)

    def answer(self, q: AnswerQuery) -> Answer:
        t0 = time.perf_counter()
        retrieval = self.retrieve(q)
        timings: dict[str, float] = {"retrieve_ms": _ms(t0)}
        if not retrieval.passages:
            return self._abstain_early(q, retrieval, timings, t0)
        judged, abstention = self._screen(q, retrieval, timings, t0)
        if abstention is not None:
            return abstention
        req, passages = self.prepare(q, retrieval)
        t1 = time.perf_counter()
        gen = self.backend.generate(req)
        timings["generate_ms"] = _ms(t1)
        conflict = self._conflict(gen.text, passages)
        numbers = Renumberer(len(passages))
        text = numbers.renumber(gen.text + (" " + conflict.note() if conflict else ""))
        conflict = conflict.renumbered(numbers.mapping) if conflict else None
        cut = self._stopped_mid_sentence(gen.text, req)
        passages = numbers.reorder(passages)
        return self.finish(q, retrieval, passages, text, gen.model, timings, t0, judged, conflict, cut)

    def stream(self, q: AnswerQuery) -> Iterator[StreamEvent]:
        """Events: PassagesUsed, a TextDelta per piece of text, then the Answer (the same as answer()'s)."""
        t0 = time.perf_counter()
        retrieval = self.retrieve(q)
        timings: dict[str, float] = {"retrieve_ms": _ms(t0)}
        if not retrieval.passages:
            yield PassagesUsed(())
            yield self._abstain_early(q, retrieval, timings, t0)
            return
        judged, abstention = self._screen(q, retrieval, timings, t0)
        if abstention is not None:
            yield PassagesUsed(())
            yield abstention
            return
        req, passages = self.prepare(q, retrieval)
        yield PassagesUsed(tuple(passages))
        t1 = time.perf_counter()
        parts: list[str] = []
        raw: list[str] = []
        conflict = None
        # Deltas are renumbered as they come, exactly as answer() renumbers the whole text, and a
        # conflicting source's sentence comes last, as in answer().
        numbers = Renumberer(len(passages))
        for delta in chain(self.backend.stream(req), [None]):
            if delta is None:
                conflict = self._conflict("".join(raw), passages)
                text = (numbers.feed(" " + conflict.note()) if conflict else "") + numbers.flush()
            else:
                raw.append(delta)
                text = numbers.feed(delta)
            if text:
                parts.append(text)
                yield TextDelta(text)
        timings["generate_ms"] = _ms(t1)
        conflict = conflict.renumbered(numbers.mapping) if conflict else None
        passages = numbers.reorder(passages)
        cut = self._stopped_mid_sentence("".join(raw), req)
        yield self.finish(q, retrieval, passages, "".join(parts), None, timings, t0, judged, conflict, cut)

    def _stopped_mid_sentence(self, generated: str, req: GenerationRequest) -> bool:
        """The generator ran into its token limit inside a sentence (counted on the text, so a stream and
        a whole answer agree)."""
        if not generated.strip() or ends_sentence(generated):
            return False
        return reached_limit(self.backend.count_tokens(generated), req.max_tokens)

    def finish(
        self,
        q: AnswerQuery,
        retrieval: Retrieval,
        passages: list[Passage],
        raw: str,
        model: str | None,
        timings: dict[str, float],
        t0: float,
        judged: Answerability | None = None,
        conflict: ConflictingSources | None = None,
        cut_off: bool = False,
    ) -> Answer:
        parsed = parse_answer(raw, n_passages=len(passages))
        t2 = time.perf_counter()
        cuts = self.thresholds(q)
        verification = self.verifier.verify(raw, passages, q.question, cuts.support) if q.verify else None
        if verification is not None and cut_off:
            verification = self._mark_cut_off(raw, verification, conflict, len(passages))
        timings["verify_ms"] = _ms(t2)
        result = apply_policy(
            raw,
            verification or Verification.from_claims([]),
            q.policy,
            threshold=cuts.abstain_below,
            has_passages=True,
        )
        result = self._check_addresses(q, result, judged, timings)
        if conflict is not None and result.status != "abstained":
            result = PolicyResult(result.answer, "partial", "conflicting_sources", result.claims)
        cited = sorted(
            {n for m in parse_answer(result.answer, len(passages)).markers for n in m.numbers}
            - set(parsed.invalid_citations)
        )
        return self._result(
            q,
            retrieval,
            timings,
            t0,
            text=result.answer,
            status=result.status,
            reason=result.reason,
            groundedness=verification.groundedness if verification is not None else None,
            claims=tuple(result.claims) if verification is not None else (),
            citations=tuple(NumberedPassage(n, passages[n - 1]) for n in cited if 1 <= n <= len(passages)),
            invalid_citations=tuple(parsed.invalid_citations),
            raw_text=raw if result.answer != raw else None,
            model=model,
            passages_considered=len(passages),
            answerability=judged,
            passages=tuple(passages),
            conflicts=(conflict,) if conflict is not None and result.status != "abstained" else (),
        )

    @staticmethod
    def _mark_cut_off(
        raw: str, verification: Verification, conflict: ConflictingSources | None, n_passages: int
    ) -> Verification:
        """The generated text's unfinished last sentence is unsupported (cut_off); a conflict note, which
        the service appends after the generated text, is not part of it."""
        body = raw
        if conflict is not None and (k := raw.rfind(conflict.note())) >= 0:
            body = raw[:k]
        span = cut_off_span(body, n_passages)
        return mark_cut_off(verification, span) if span else verification

    def _conflict(self, text: str, passages: list[Passage]) -> ConflictingSources | None:
        """A document among the passages that gives other figures for what the answer states."""
        cited = list(dict.fromkeys(n for c in parse_citations(text, len(passages)) for n in c.numbers))
        return find_conflict(text, passages, cited)

    def judge_answerable(self, q: AnswerQuery, retrieval: Retrieval, timings: dict[str, float]) -> Answerability | None:
        """Whether any of the best passages answers the question (None: no answerability model)."""
        if self.answerability is None:
            return None
        t = time.perf_counter()
        judged = self.answerability.judge(q.question, retrieval.passages, q.answerable_threshold, retrieval.unwritten)
        timings["answerability_ms"] = _ms(t)
        return judged

    def _screen(
        self, q: AnswerQuery, retrieval: Retrieval, timings: dict[str, float], t0: float
    ) -> tuple[Answerability | None, Answer | None]:
        """The answerability decision, and the abstention to return instead of generating when no passage
        answers the question and the request (or the configuration) asks to abstain then."""
        judged = self.judge_answerable(q, retrieval, timings)
        enabled = self.settings.answerability.enabled if q.abstain_unanswerable is None else q.abstain_unanswerable
        if judged is None or judged.answerable or not enabled:
            return judged, None
        return judged, self._abstain_early(q, retrieval, timings, t0, "not_answered_by_passages", judged)

    def _check_addresses(
        self, q: AnswerQuery, result: PolicyResult, judged: Answerability | None, timings: dict[str, float]
    ) -> PolicyResult:
        """After generation: an answer that does not address the question is flagged (answer_off_question),
        and under the abstain policy replaced, however well its sentences are grounded."""
        if (
            self.answerability is None
            or judged is None
            or not self.settings.answerability.check_answer
            or result.status == "abstained"
        ):
            return result
        t = time.perf_counter()
        score = self.answerability.addresses(q.question, result.answer)
        timings["addresses_ms"] = _ms(t)
        if score >= judged.threshold:
            return result
        if q.policy == "abstain":
            return PolicyResult(ABSTENTION, "abstained", "answer_off_question", result.claims)
        return PolicyResult(result.answer, "partial", "answer_off_question", result.claims)

    def _abstain_early(
        self,
        q: AnswerQuery,
        retrieval: Retrieval,
        timings: dict[str, float],
        t0: float,
        reason: str = "no_relevant_passages",
        judged: Answerability | None = None,
    ) -> Answer:
        """Nothing retrieved answers the question: abstain without calling the backend."""
        return self._result(
            q,
            retrieval,
            timings,
            t0,
            text=ABSTENTION,
            status="abstained",
            reason=reason,
            passages_considered=0 if judged is None else len(retrieval.passages),
            answerability=judged,
        )

    def thresholds(self, q: AnswerQuery) -> Thresholds:
        """The cuts this answer was judged by: the request's, else the configured ones."""
        cuts = effective_thresholds(self.settings, q.support_threshold, q.abstain_below)
        if self.answerability is None:
            return cuts
        a = self.settings.answerability.threshold
        return replace(cuts, answerable=a if q.answerable_threshold is None else q.answerable_threshold)

    def _result(
        self,
        q: AnswerQuery,
        retrieval: Retrieval,
        timings: dict[str, float],
        t0: float,
        *,
        text: str,
        status: Status,
        reason: str | None,
        passages_considered: int,
        answerability: Answerability | None,
        groundedness: float | None = None,
        claims: tuple[ClaimVerdict, ...] = (),
        citations: tuple[NumberedPassage, ...] = (),
        invalid_citations: tuple[int, ...] = (),
        raw_text: str | None = None,
        model: str | None = None,
        passages: tuple[Passage, ...] = (),
        conflicts: tuple[ConflictingSources, ...] = (),
    ) -> Answer:
        """The one place an Answer is made, whatever path produced it, with the fields every answer
        carries; closes the total timing."""
        timings["total_ms"] = _ms(t0)
        return Answer(
            text=text,
            status=status,
            reason=reason,
            groundedness=groundedness,
            claims=claims,
            citations=citations,
            invalid_citations=invalid_citations,
            raw_text=raw_text,
            model=model,
            passages_considered=passages_considered,
            answerability=answerability,
            passages=passages,
            conflicts=conflicts,
            policy=q.policy,
            thresholds=self.thresholds(q),
            backend=self.backend.name,
            collection=q.collection,
            collection_version=retrieval.collection_version,
            timings=timings,
            trace_id=q.trace_id,
        )
