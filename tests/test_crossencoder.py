"""The support adapter round trip: what training exports, inference merges into the base weights and
scores identically; malformed or foreign adapter files are refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from app.grounding.crossencoder import AdapterError, CrossEncoder, claim_side, evidence_side, mean_pool
from ingestion.embedder import embedded_model_path

PAIRS = [
    ("The trial lasts 14 days.", "Plans > Business: You can try the Business plan free for 14 days."),
    ("Admins can export audit logs.", "Audit logs are kept for one year."),
]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[float]]:
    """A LoRA-wrapped encoder with random (non-zero) updates, exported, and its own fp32 logits."""
    from transformers import AutoModel, AutoTokenizer

    from training.lora import LoRALinear, add_adapters, export

    path = embedded_model_path()
    encoder = AutoModel.from_pretrained(path, attn_implementation="eager")
    names = add_adapters(encoder, rank=4, alpha=8.0, seed=1)
    g = torch.Generator().manual_seed(2)
    for name in names:
        module = encoder.get_submodule(name)
        assert isinstance(module, LoRALinear)
        module.B.data = torch.randn(module.B.shape, generator=g) * 0.02
    for name, p in encoder.named_parameters():
        if "LayerNorm.weight" in name:
            p.data += 0.01
    with torch.random.fork_rng():  # its init from a seed, not from whatever the tests before drew
        torch.manual_seed(0)
        head = torch.nn.Linear(encoder.config.hidden_size, 1)
    tokenizer = AutoTokenizer.from_pretrained(path)
    enc = tokenizer([c for c, _ in PAIRS], [e for _, e in PAIRS], padding=True, return_tensors="pt")
    with torch.inference_mode():
        hidden = encoder(**enc).last_hidden_state
        expected = head(mean_pool(hidden, enc["attention_mask"])).squeeze(-1).tolist()
    out = tmp_path_factory.mktemp("adapter") / "a.safetensors"
    export(encoder, head, names, 4, 8.0, 128, {"calibration": {"a": 1.0, "b": 0.0}}, out)
    return out, expected


def test_merged_adapter_scores_like_the_trained_model(trained: tuple[Path, list[float]]) -> None:
    path, expected = trained
    got = CrossEncoder(adapter_path=path, dtype="fp32").logits(PAIRS)
    assert got.tolist() == pytest.approx(expected, abs=1e-4)
    assert CrossEncoder(adapter_path=path, dtype="fp32").config.rank == 4


def test_bf16_stays_close_to_fp32(trained: tuple[Path, list[float]]) -> None:
    path, expected = trained
    got = CrossEncoder(adapter_path=path, dtype="bf16").logits(PAIRS)
    assert got.tolist() == pytest.approx(expected, abs=0.1)


def test_no_pairs_no_model() -> None:
    model = CrossEncoder(adapter_path="/nonexistent/adapter.safetensors")
    assert model.logits([]).shape == (0,)  # nothing to score: the model is never loaded


@pytest.mark.parametrize("content", [b"", b"not a safetensors file", b"\x08\x00\x00\x00\x00\x00\x00\x00{}"])
def test_malformed_adapters_are_refused_by_name(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(content)
    with pytest.raises(AdapterError, match=r"bad\.safetensors"):
        CrossEncoder(adapter_path=bad).logits(PAIRS)


def test_an_adapter_for_another_model_is_refused(tmp_path: Path) -> None:
    from safetensors.torch import save_file

    from app.grounding.crossencoder import FORMAT

    path = tmp_path / "foreign.safetensors"
    tensors = {
        "lora.encoder.layer.0.attention.self.query.A": torch.zeros(4, 768),
        "lora.encoder.layer.0.attention.self.query.B": torch.zeros(384, 4),
        "head.weight": torch.zeros(1, 384),
        "head.bias": torch.zeros(1),
    }
    meta = {"format": FORMAT, "rank": "4", "alpha": "8", "targets": "[]", "max_length": "128"}
    save_file(tensors, str(path), metadata=meta)
    with pytest.raises(AdapterError, match="does not fit the base model"):
        CrossEncoder(adapter_path=path).logits(PAIRS)


def test_both_sides_are_read_in_canonical_spelling() -> None:
    assert claim_side("It lasts two weeks.", "How long is the trial?") == "How long is the trial? It lasts 14 days."
    long_claim = "The Business trial lasts two weeks for up to ten users."
    assert claim_side(long_claim, "How long is the trial?") == "The Business trial lasts 14 days for up to 10 users."
    side = evidence_side([("Plans > Business", "Try it for 14 days."), ("Plans > Business", "Ten users max.")])
    assert side == "Plans > Business: Try it for 14 days. 10 users max."
    assert evidence_side([(None, "A."), ("H", "B.")]) == "A. H: B."


@pytest.fixture(scope="module")
def fully_trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[float]]:
    """A fully fine-tuned encoder (every layer moved a little), exported as fp16 `base.` tensors."""
    from transformers import AutoModel, AutoTokenizer

    from training.lora import export_full, unfreeze_all

    path = embedded_model_path()
    encoder = AutoModel.from_pretrained(path, attn_implementation="eager")
    unfreeze_all(encoder)
    g = torch.Generator().manual_seed(3)
    with torch.no_grad():
        for p in encoder.parameters():
            if p.requires_grad:
                p.add_(torch.randn(p.shape, generator=g) * 0.002)
    with torch.random.fork_rng():  # its init from a seed, not from whatever the tests before drew
        torch.manual_seed(0)
        head = torch.nn.Linear(encoder.config.hidden_size, 1)
    tokenizer = AutoTokenizer.from_pretrained(path)
    enc = tokenizer([c for c, _ in PAIRS], [e for _, e in PAIRS], padding=True, return_tensors="pt")
    with torch.inference_mode():
        hidden = encoder(**enc).last_hidden_state
        expected = head(mean_pool(hidden, enc["attention_mask"])).squeeze(-1).tolist()
    out = tmp_path_factory.mktemp("full") / "f.safetensors"
    export_full(encoder, head, 128, {"calibration": {"a": 1.0, "b": 0.0}}, out)
    return out, expected


def test_a_full_fine_tune_loads_like_the_trained_model(fully_trained: tuple[Path, list[float]]) -> None:
    path, expected = fully_trained
    model = CrossEncoder(adapter_path=path, dtype="fp32")
    assert model.logits(PAIRS).tolist() == pytest.approx(expected, abs=2e-3)  # stored in fp16
    assert model.config.rank == 0


def test_full_fine_tune_keeps_the_word_embeddings_frozen() -> None:
    from transformers import AutoModel

    from training.lora import unfreeze_all

    encoder = AutoModel.from_pretrained(embedded_model_path())
    unfreeze_all(encoder)
    frozen = {n for n, p in encoder.named_parameters() if not p.requires_grad}
    assert frozen == {"embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight"}


def test_int8_stays_close_to_fp32(trained: tuple[Path, list[float]]) -> None:
    path, expected = trained
    got = CrossEncoder(adapter_path=path, dtype="fp32", int8=True).logits(PAIRS)
    assert got.tolist() == pytest.approx(expected, abs=0.15)


def test_a_model_file_setting_reaches_the_verifier_and_the_answerability_judge(
    trained: tuple[Path, list[float]], tmp_path: Path
) -> None:
    from pydantic import ValidationError

    from app.grounding.answerability import AnswerabilityJudge
    from app.grounding.local import LocalVerifier
    from app.settings import Settings
    from ingestion.embedder import SentenceTransformerEmbedder
    from ingestion.settings import EmbeddingSettings

    path, expected = trained
    s = Settings().override({"verifier.model_file": path, "answerability.model_file": path})
    embedder = SentenceTransformerEmbedder(EmbeddingSettings())
    for model in (LocalVerifier(embedder, s.verifier).model, AnswerabilityJudge(embedder, s.answerability).model):
        assert model.adapter_path == path
    got = CrossEncoder(adapter_path=s.verifier.model_file, dtype="fp32").logits(PAIRS)
    assert got.tolist() == pytest.approx(expected, abs=1e-4)
    with pytest.raises(ValidationError, match="model_file"):
        Settings().override({"verifier.model_file": tmp_path / "missing.safetensors"})
