"""The model identity's pure rules, the fingerprint of a model folder, and the service embedder's identity."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ingestion.embedder import EMBEDDED_MODEL_NAME, SentenceTransformerEmbedder, embedded_model_path
from ingestion.model_identity import (
    ModelIdentity,
    RecordedModel,
    fingerprint_folder,
    fingerprint_model,
    is_model_change,
    precision_after,
)
from ingestion.settings import EmbeddingSettings

ME = ModelIdentity("m", "f" * 16, 384)


@pytest.mark.parametrize(
    ("fingerprint", "dim", "has_vectors", "expected"),
    [
        ("f" * 16, 384, True, False),  # the same model
        ("e" * 16, 384, True, True),  # other files
        ("f" * 16, 768, True, True),  # other width
        ("e" * 16, 768, False, False),  # no vectors: nothing to mix with
        (None, 384, True, None),  # written before fingerprints: same width, cannot tell
        (None, 768, True, True),  # ... but another width is another model
        (None, None, False, False),  # a new collection
    ],
)
def test_is_model_change(fingerprint: str | None, dim: int | None, has_vectors: bool, expected: bool | None) -> None:
    assert is_model_change(RecordedModel("x", fingerprint, dim, None), ME, has_vectors) is expected


@pytest.mark.parametrize(
    ("previous", "run", "fresh", "expected"),
    [
        (None, "bf16", True, "bf16"),
        ("fp32", "fp32", False, "fp32"),
        ("fp32", "bf16", False, "mixed"),
        ("mixed", "fp32", False, "mixed"),
        ("mixed", "fp32", True, "fp32"),  # a re-embed leaves one precision
        (None, "fp32", False, None),  # older vectors of an unrecorded precision remain
    ],
)
def test_precision_after(previous: str | None, run: str, fresh: bool, expected: str | None) -> None:
    assert precision_after(previous, run, fresh) == expected


def _model_folder(root: Path) -> Path:
    (root / "1_Pooling").mkdir(parents=True)
    (root / "config.json").write_text('{"hidden_size": 384}')
    (root / "model.safetensors").write_bytes(b"\x00\x01weights")
    (root / "vocab.txt").write_text("[PAD]\n[UNK]\nhello\n")
    (root / "1_Pooling" / "config.json").write_text('{"pooling_mode_mean_tokens": true}')
    (root / "README.md").write_text("# A model card\n")
    (root / ".gitattributes").write_text("*.safetensors filter=lfs\n")
    return root


def test_fingerprint_sees_what_shapes_vectors_and_nothing_else(tmp_path: Path) -> None:
    folder = _model_folder(tmp_path / "a")
    base = fingerprint_folder(folder)
    assert re.fullmatch(r"[0-9a-f]{16}", base)
    assert fingerprint_folder(shutil.copytree(folder, tmp_path / "renamed")) == base  # the name is not the model
    (folder / "README.md").write_text("# Edited card\n")
    (folder / ".gitattributes").unlink()
    assert fingerprint_folder(folder) == base
    (folder / "vocab.txt").write_text("[PAD]\n[UNK]\nhullo\n")  # the tokenizer counts
    changed_vocab = fingerprint_folder(folder)
    assert changed_vocab != base
    (folder / "1_Pooling" / "config.json").write_text('{"pooling_mode_max_tokens": true}')
    assert fingerprint_folder(folder) not in (base, changed_vocab)
    (folder / "1_Pooling" / "config.json").rename(folder / "1_Pooling" / "other.json")  # where a file sits counts
    assert fingerprint_folder(folder) not in (base, changed_vocab)


def test_a_name_that_is_no_folder_is_identified_by_the_name(tmp_path: Path) -> None:
    assert fingerprint_model("org/model-a") == fingerprint_model("org/model-a") != fingerprint_model("org/model-b")
    assert fingerprint_model(str(_model_folder(tmp_path / "m"))) == fingerprint_folder(tmp_path / "m")


def test_the_embedded_model_is_one_identity_whatever_its_path_name_or_precision(
    embedder: SentenceTransformerEmbedder,
) -> None:
    served = embedder.identity
    assert served.name == EMBEDDED_MODEL_NAME and served.dim == 384
    explicit = SentenceTransformerEmbedder(EmbeddingSettings(model_path=embedded_model_path(), dtype="fp32"))
    named = explicit.identity
    assert named.name == "model"  # the folder's own name, shown
    assert named.same_model(served.fingerprint, served.dim)  # same files, another precision: the same model
    assert explicit.precision.dtype == "fp32" and str(served).startswith(f"{EMBEDDED_MODEL_NAME} ({served.fingerprint}")
