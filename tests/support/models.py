"""A second, genuinely different embedding model without a download: the embedded MiniLM's files, linked
into a new folder, with its pooling switched from mean to max. Same tokenizer and width, other vectors."""

from __future__ import annotations

import json
from pathlib import Path

from ingestion.embedder import embedded_model_path


def max_pooling_model(dest: Path) -> Path:
    src = Path(embedded_model_path())
    for path in src.rglob("*"):
        if path.is_file():
            target = dest / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    pooling = dest / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    pooling.unlink()  # the link, not the installed file
    config.update(pooling_mode_mean_tokens=False, pooling_mode_max_tokens=True)
    pooling.write_text(json.dumps(config, indent=2))
    return dest


def projected_model(dest: Path, dim: int = 128) -> Path:
    """The embedded MiniLM followed by a fixed random projection to `dim`: a model of another width."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Dense, Normalize

    base = SentenceTransformer(embedded_model_path(), device="cpu")
    torch.manual_seed(0)
    dense = Dense(base.get_embedding_dimension() or 384, dim, activation_function=torch.nn.Identity())
    SentenceTransformer(modules=[base[0], base[1], dense, Normalize()], device="cpu").save(str(dest))
    return dest
