"""One contract over every Verifier implementation: the local entailment verifier (real MiniLM + shipped
adapter) and the LLM judge (against a real OpenAI-protocol server on loopback, answering by the prompt).

What each must do: no claims → no work and no claims; evidence spans index the document they came from;
a claim the verifier could not judge (`error`) never counts as supported; a per-call threshold relabels
without rescoring."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from pydantic import SecretStr

from app.components import make_judge_backend
from app.grounding.llm_judge import LLMJudgeVerifier
from app.grounding.local import LocalVerifier
from app.grounding.verifier import Verifier, passages_from_text
from app.settings import LLMSettings
from ingestion.embedder import CachedEmbedder, SentenceTransformerEmbedder
from tests.support.openai_server import Recorded, serve_openai

DOC = (
    "The Free plan includes 5 GB of storage for one user. "
    "The Business plan costs $15 per user per month, billed annually. "
    "Phone support is open from 7am to 7pm CET on weekdays."
)
PASSAGES = passages_from_text(DOC, "doc-contract", per_passage=2)
CLAIM = "The Business plan costs $15 per user per month, billed annually."


def _judge_replies(req: Recorded) -> str:
    """A judge that supports each numbered claim it is shown, pointing at the passage sentence it copies."""
    prompt = req.messages[-1]["content"]
    n_claims = len(re.findall(r"^\d+\. ", prompt, flags=re.M))
    verdicts = [{"claim": k, "supported": True, "score": 0.8, "evidence": 1} for k in range(1, n_claims + 1)]
    return json.dumps({"verdicts": verdicts})


@contextmanager
def _local() -> Iterator[tuple[Verifier, Callable[[], int]]]:
    v = LocalVerifier(CachedEmbedder(SentenceTransformerEmbedder()))
    yield v, lambda: len(v.logit_cache)


@contextmanager
def _llm() -> Iterator[tuple[Verifier, Callable[[], int]]]:
    with serve_openai(responder=_judge_replies) as server:
        settings = LLMSettings(base_url=server.base_url, api_key=SecretStr("k"), model="judge", max_retries=0)
        backend = make_judge_backend(settings)
        yield LLMJudgeVerifier(backend), lambda: len(server.requests)
        backend.close()


IMPLEMENTATIONS = {"local": _local, "llm": _llm}


@pytest.fixture(params=sorted(IMPLEMENTATIONS))
def impl(request: pytest.FixtureRequest) -> Iterator[tuple[Verifier, Callable[[], int]]]:
    with IMPLEMENTATIONS[request.param]() as pair:
        yield pair


def test_no_claims_means_no_work(impl: tuple[Verifier, Callable[[], int]]) -> None:
    verifier, work = impl
    before = work()
    v = verifier.verify("Hi! Happy to help.", PASSAGES)
    assert v.claims == [] and work() == before


def test_evidence_spans_index_the_document(impl: tuple[Verifier, Callable[[], int]]) -> None:
    verifier, _ = impl
    v = verifier.verify(CLAIM, PASSAGES)
    ev = [e for c in v.claims for e in c.evidence]
    assert ev and all(DOC[e.start : e.end] == e.text for e in ev)


def test_a_per_call_threshold_relabels_without_rescoring(impl: tuple[Verifier, Callable[[], int]]) -> None:
    verifier, _ = impl
    base = verifier.verify(CLAIM, PASSAGES).claims[0]
    assert base.label == "supported" and base.score is not None
    strict = verifier.verify(CLAIM, PASSAGES, threshold=min(1.0, base.score + 0.001)).claims[0]
    assert (strict.label, strict.score) == ("unsupported", base.score)


def test_an_error_never_counts_as_supported() -> None:
    """Only the judge can fail to judge a claim: a reply that is not its JSON makes every claim `error`,
    none supported, and groundedness counts them as not supported."""
    with serve_openai() as server:
        server.script("I think these are all fine!")
        settings = LLMSettings(base_url=server.base_url, api_key=SecretStr("k"), model="judge", max_retries=0)
        v = LLMJudgeVerifier(make_judge_backend(settings)).verify(CLAIM + " The Free plan includes 5 GB.", PASSAGES)
    assert [c.label for c in v.claims] == ["error", "error"]
    assert v.errors == 2 and not any(c.supported for c in v.claims) and v.groundedness == 0.0
