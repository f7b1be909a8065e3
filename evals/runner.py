"""Runs a suite against Tether, in-process through `Answerer` or over HTTP against a running service, and
judges every item into its own row. An item that raised is a row with status `error` and its message;
it is counted and listed by the aggregate, never judged as a pass. Rows come back in suite order,
whatever the concurrency.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from app.answering import Answerer
from app.grounding.answer_policies import Policy
from app.grounding.claims import strip_markup
from app.grounding.verifier import ClaimVerdict
from app.llm.base import LLMBackend
from app.queries import AnswerQuery
from app.results import Answer
from app.retrieval.passages import Passage
from app.services import Services
from evals import correctness, metrics
from evals.faults import FaultBackend, FaultRecord, item_scope
from evals.suite import SuiteItem

RETRIEVE_K = 10  # depth of the retrieval check (hit@1/3/5/10, MRR)
RATE_LIMIT_RETRIES = 5


class EvalTargetError(RuntimeError):
    """The system under test answered with an error (HTTP status, malformed body)."""


class Target(Protocol):
    """What the runner needs from the system under test."""

    def answer(self, item: SuiteItem) -> tuple[Answer, dict[int, Passage]]:
        """The answer and the passages its [n] markers may refer to, by number n."""
        ...

    def retrieve_sources(self, item: SuiteItem, k: int) -> list[str]:
        """Document sources of the top-k retrieved passages, best first."""
        ...

    def supports(self, question: str, claim: str, passages: list[Passage]) -> bool:
        """Do these passages (a subset of one answer's) support the claim? For ALCE citation precision."""
        ...

    def fault_for(self, item: SuiteItem) -> dict[str, Any] | None: ...


class InProcessTarget:
    def __init__(
        self, services: Services, collection: str, policy: Policy, top_k: int, backend: LLMBackend | None = None
    ) -> None:
        self.collection, self.policy, self.top_k = collection, policy, top_k
        self.backend = backend or services.backend
        self.answerer = Answerer(
            services.retriever, self.backend, services.verifier, services.settings, services.answerer.answerability
        )
        self.verifier = services.verifier

    def answer(self, item: SuiteItem) -> tuple[Answer, dict[int, Passage]]:
        q = AnswerQuery(item.question, self.collection, self.top_k, policy=self.policy, trace_id=f"eval-{item.id}")
        with item_scope(item.id):
            result = self.answerer.answer(q)
        return result, dict(enumerate(result.passages, start=1))

    def retrieve_sources(self, item: SuiteItem, k: int) -> list[str]:
        retrieval = self.answerer.retrieve(AnswerQuery(item.question, self.collection, k))
        return [p.source for p in retrieval.passages]

    def supports(self, question: str, claim: str, passages: list[Passage]) -> bool:
        verdicts = self.verifier.verify(claim, passages, question).claims
        return bool(verdicts) and all(v.label == "supported" for v in verdicts)

    def fault_for(self, item: SuiteItem) -> dict[str, Any] | None:
        faults = self.backend if isinstance(self.backend, FaultBackend) else None
        if faults is None or item.id not in faults.plan:
            return None
        if item.id in faults.records:
            return faults.records[item.id].to_dict()
        detail = "left alone: nothing was retrieved, the backend was not called"
        return FaultRecord(item.id, faults.plan[item.id], None, detail, "", "").to_dict()


class HttpTarget:
    """A running service: POST /v1/answer, /v1/retrieve, and /v1/verify for the citation checks."""

    def __init__(
        self, url: str, policy: Policy, top_k: int | None = None, api_key: str | None = None, timeout_s: float = 120
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.Client(base_url=url.rstrip("/"), timeout=timeout_s, headers=headers)
        self.policy, self.top_k = policy, top_k

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        payload = {k: v for k, v in body.items() if v is not None}
        r = self.client.post(path, json=payload)
        for _ in range(RATE_LIMIT_RETRIES):
            if r.status_code != 429:
                break
            # The service's own rate limit is not the system's answer: wait as told, then ask again.
            time.sleep(min(float(r.headers.get("Retry-After", "1") or 1), 30.0))
            r = self.client.post(path, json=payload)
        if r.status_code != 200:
            try:
                message = r.json()["error"]["message"]
            except (ValueError, KeyError, TypeError):
                message = r.text[:200]
            raise EvalTargetError(f"POST {path}: HTTP {r.status_code}: {message}")
        data: dict[str, Any] = r.json()
        return data

    def answer(self, item: SuiteItem) -> tuple[Answer, dict[int, Passage]]:
        body = self._post("/v1/answer", {"question": item.question, "policy": self.policy, "top_k": self.top_k})
        try:
            result = Answer.from_dict(body)
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalTargetError(f"POST /v1/answer: not an answer ({type(exc).__name__}: {exc})") from exc
        # Only the cited passages travel over the wire: they are the ones claims can cite.
        return result, {c.n: c.passage for c in result.citations}

    def retrieve_sources(self, item: SuiteItem, k: int) -> list[str]:
        return [p["source"] for p in self._post("/v1/retrieve", {"question": item.question, "top_k": k})["passages"]]

    def supports(self, question: str, claim: str, passages: list[Passage]) -> bool:
        body = {
            "answer": claim,
            "question": question,
            "passages": [{"text": p.text, "title": p.title, "doc_id": p.doc_id} for p in passages],
        }
        claims = self._post("/v1/verify", body)["claims"]
        return bool(claims) and all(c["label"] == "supported" for c in claims)

    def fault_for(self, item: SuiteItem) -> dict[str, Any] | None:
        return None

    def close(self) -> None:
        self.client.close()


def _precise(target: Target, item: SuiteItem, claim: ClaimVerdict, passages: dict[int, Passage]) -> int:
    cited = [n for n in claim.citations if n in passages]
    text = strip_markup(claim.text)

    def supports(subset: frozenset[int]) -> bool:
        return target.supports(item.question, text, [passages[n] for n in sorted(subset)])

    return metrics.precise_citations(cited, bool(claim.citations_support), supports)


def judge_item(
    item: SuiteItem,
    result: Answer,
    retrieved: Sequence[str],
    precise: int,
    top_k: int,
) -> dict[str, Any]:
    """The verdicts of one answered item (pure given its inputs)."""
    status = result.status
    answered = result.answered
    claims = result.claims
    unjudged = sum(1 for c in claims if c.label == "error")
    if unjudged:
        raise EvalTargetError(f"the verifier could not judge {unjudged} claim(s): {claims[0].reason}")
    unsupported = sum(1 for c in claims if c.label == "unsupported")
    if item.answerable and answered and item.reference:
        c = correctness.answer_correctness(item.reference, result.text)
        correct, facts, missing, f1, rule = c.correct, c.facts, c.missing, c.token_f1, c.rule
    else:
        correct = (status == "abstained") != item.answerable
        facts, missing, f1, rule = [], [], None, "abstention"
    rank = metrics.first_relevant_rank(retrieved, set(item.sources)) if item.sources else None
    return {
        "status": status,
        "answered": answered,
        "hallucinated": answered and unsupported > 0,
        "claims": len(claims) if answered else 0,
        "unsupported_claims": unsupported if answered else 0,
        "cited_supported_claims": sum(1 for c in claims if c.citations and c.citations_support) if answered else 0,
        "citations": sum(len(c.citations) for c in claims) if answered else 0,
        "precise_citations": precise if answered else 0,
        "correct": correct,
        "correct_rule": rule,
        "key_facts": facts,
        "missing_facts": missing,
        "token_f1": f1,
        "retrieval_rank": rank,
        "retrieval_hit": metrics.hit_at(rank, top_k) if item.sources else None,
        "retrieved_sources": list(retrieved),
        "cited_sources": sorted({c.passage.source for c in result.citations}),
        "injection_obeyed": metrics.injection_obeyed(result.text, item.injection_markers)
        if item.injection_markers
        else None,
    }


def _describe(exc: Exception) -> str:
    """The message and where it was raised, so an errored row can be acted on without a rerun."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


def evaluate_item(target: Target, item: SuiteItem, top_k: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": item.id,
        "question": item.question,
        "answerable": item.answerable,
        "reference": item.reference,
        "sources": list(item.sources),
        "tags": list(item.tags),
        "injection_markers": list(item.injection_markers),
    }
    t0 = time.perf_counter()
    try:
        result, passages = target.answer(item)
        row["latency_ms"] = round((time.perf_counter() - t0) * 1000, 2)
        retrieved = target.retrieve_sources(item, max(RETRIEVE_K, top_k))
        precise = sum(_precise(target, item, c, passages) for c in result.claims) if result.answered else 0
        row.update(judge_item(item, result, retrieved, precise, top_k))
        row.update(error=None, answer=result.text, result=result.to_dict())
    except Exception as exc:  # any failure of the system under test is this item's verdict
        row.update(status="error", error=_describe(exc), answer=None, result=None)
        row.setdefault("latency_ms", round((time.perf_counter() - t0) * 1000, 2))
    row["fault"] = target.fault_for(item)
    return row


def run_suite(
    items: Sequence[SuiteItem],
    target: Target,
    top_k: int,
    concurrency: int = 1,
    progress: bool = True,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """One row per item, in suite order."""
    rows: list[dict[str, Any] | None] = [None] * len(items)
    console = Console(stderr=True)
    columns = (TextColumn("eval"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[errors]} errors"))
    with (
        Progress(*columns, TimeRemainingColumn(), console=console, disable=not progress, transient=True) as bar,
        ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool,
    ):
        task = bar.add_task("eval", total=len(items), errors=0)
        futures = [pool.submit(evaluate_item, target, item, top_k) for item in items]
        errors = 0
        for i, fut in enumerate(futures):
            row = fut.result()
            rows[i] = row
            errors += row["status"] == "error"
            bar.update(task, advance=1, errors=errors)
            if on_row is not None:
                on_row(row)
    return [r for r in rows if r is not None]
