"""Low-rank adapters on the MiniLM encoder, for training, and their export to the adapter file that
`app.grounding.crossencoder` merges into the base weights at load.

Every attention projection (query, key, value, output) and both feed-forward matrices of the six layers
get W + (alpha / r) B A, with A (r x in) random and B (out x r) zero at the start, so training starts
from the base model exactly. The layer norms and the token-type embeddings (the base model never used
type 1, which marks the evidence here) are trained whole; so is a linear head over mean-pooled tokens.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import save_file

from app.grounding.crossencoder import FORMAT

TARGETS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


class LoRALinear(torch.nn.Module):
    def __init__(self, base: torch.nn.Linear, rank: int, alpha: float, generator: torch.Generator) -> None:
        super().__init__()
        self.base = base
        self.scale = alpha / rank
        bound = 1 / math.sqrt(base.in_features)
        self.A = torch.nn.Parameter(torch.empty(rank, base.in_features).uniform_(-bound, bound, generator=generator))
        self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.A.t() @ self.B.t()) * self.scale


def _is_target(name: str) -> bool:
    # "encoder.layer.3.output.dense" is a target; "encoder.layer.3.attention.output.dense" matched too
    return name.startswith("encoder.layer.") and any(name.endswith(t) for t in TARGETS)


def add_adapters(encoder: torch.nn.Module, rank: int, alpha: float, seed: int) -> list[str]:
    """Freeze the encoder, wrap every target Linear, unfreeze layer norms and token-type embeddings.
    Returns the wrapped module names."""
    generator = torch.Generator().manual_seed(seed)
    for p in encoder.parameters():
        p.requires_grad_(False)
    names = sorted(n for n, m in encoder.named_modules() if isinstance(m, torch.nn.Linear) and _is_target(n))
    for name in names:
        parent_name, _, attr = name.rpartition(".")
        parent = encoder.get_submodule(parent_name)
        setattr(parent, attr, LoRALinear(getattr(parent, attr), rank, alpha, generator))
    for name, p in encoder.named_parameters():
        if "LayerNorm" in name or "token_type_embeddings" in name:
            p.requires_grad_(True)
    return names


def unfreeze_all(encoder: torch.nn.Module) -> None:
    """Full fine-tuning: every transformer layer, the layer norms and the token-type embeddings train;
    the word and position embeddings stay the base model's (they are most of its size and what a
    short CPU run would move least usefully)."""
    for name, p in encoder.named_parameters():
        p.requires_grad_(not name.startswith(("embeddings.word_embeddings", "embeddings.position_embeddings")))


def export_full(
    encoder: torch.nn.Module, head: torch.nn.Linear, max_length: int, meta: dict[str, Any], path: Path
) -> int:
    """Write a fully fine-tuned model in the adapter format: every trained tensor as a `base.` tensor
    that replaces the base model's at load (fp16, half the bytes; the loader computes in fp32), no
    low-rank updates (rank 0). Returns the file's size in bytes."""
    tensors = {
        f"base.{name}": p.detach().to(torch.float16).contiguous()
        for name, p in encoder.named_parameters()
        if p.requires_grad
    }
    tensors["head.weight"] = head.weight.detach().float().contiguous()
    tensors["head.bias"] = head.bias.detach().float().contiguous()
    header = {
        "format": FORMAT,
        "rank": "0",
        "alpha": "0",
        "targets": json.dumps([]),
        "max_length": str(max_length),
        "meta": json.dumps(meta, sort_keys=True),
    }
    save_file(tensors, str(path), metadata=header)
    return path.stat().st_size


def export(
    encoder: torch.nn.Module,
    head: torch.nn.Linear,
    names: list[str],
    rank: int,
    alpha: float,
    max_length: int,
    meta: dict[str, Any],
    path: Path,
) -> int:
    """Write the adapter file; returns its size in bytes."""
    tensors: dict[str, torch.Tensor] = {}
    for name in names:
        module = encoder.get_submodule(name)
        assert isinstance(module, LoRALinear)
        tensors[f"lora.{name}.A"] = module.A.detach().float().contiguous()
        tensors[f"lora.{name}.B"] = module.B.detach().float().contiguous()
    for name, p in encoder.named_parameters():
        if (p.requires_grad and "LayerNorm" in name) or "token_type_embeddings" in name:
            tensors[f"base.{name.replace('.base.', '.')}"] = p.detach().float().contiguous()
    tensors["head.weight"] = head.weight.detach().float().contiguous()
    tensors["head.bias"] = head.bias.detach().float().contiguous()
    header = {
        "format": FORMAT,
        "rank": str(rank),
        "alpha": str(alpha),
        "targets": json.dumps(list(TARGETS)),
        "max_length": str(max_length),
        "meta": json.dumps(meta, sort_keys=True),
    }
    save_file(tensors, str(path), metadata=header)
    return path.stat().st_size
