"""The training loop shared by the support and answerability models: LoRA on the shipped MiniLM as a
cross-encoder over text pairs, bf16 autocast where the CPU has it natively, length-bucketed batches, a
held-out split per source that picks nothing during training, then Platt calibration and per-source
figures.

Calibration weights each source and each class alike, so that p = 0.5 means the same thing whichever
kind of text is judged, rather than following whichever source is largest.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.grounding.crossencoder import mean_pool
from ingestion import precision
from training.examples import Example, balance, split
from training.pairs import Pair, to_pairs

SEED = 13
REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASETS = REPO.parent / "shared" / "datasets"


@dataclass(frozen=True)
class TrainConfig:
    out: Path
    caps: dict[str, int]  # examples per source per epoch (classes balanced inside each)
    epochs: float = 3.0
    rank: int = 32
    alpha: float = 32.0
    lr: float = 4e-4
    batch: int = 32
    budget: int = 160  # evidence window, word pieces
    max_length: int = 224
    held_out: float = 0.1
    full: bool = False  # fine-tune every layer (word/position embeddings frozen) instead of LoRA
    held_out_cap: int | None = None  # at most this many held-out pairs per source are scored (CPU time)
    presample: bool = False  # draw each source's examples for all epochs before building windows (CPU time)


def add_arguments(ap: argparse.ArgumentParser, config: TrainConfig) -> None:
    ap.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    ap.add_argument("--out", type=Path, default=config.out)
    ap.add_argument("--epochs", type=float, default=config.epochs)
    ap.add_argument("--rank", type=int, default=config.rank)
    ap.add_argument("--lr", type=float, default=config.lr)
    ap.add_argument("--budget", type=int, default=config.budget, help="evidence window, word pieces")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--limit", type=int, default=None, help="examples per source (a smoke run)")


def from_arguments(args: argparse.Namespace, config: TrainConfig) -> TrainConfig:
    return TrainConfig(
        out=args.out,
        caps=config.caps,
        epochs=args.epochs,
        rank=args.rank,
        alpha=float(args.rank),
        lr=args.lr,
        batch=config.batch,
        budget=args.budget,
        max_length=config.max_length,
        held_out=config.held_out,
        full=config.full,
        held_out_cap=config.held_out_cap,
        presample=config.presample,
    )


def epoch_sample(pairs: dict[str, list[Pair]], caps: dict[str, int], rng: random.Random) -> list[Pair]:
    """One epoch: each source up to its cap, classes balanced; a source smaller than its cap repeats."""
    out: list[Pair] = []
    for name, items in sorted(pairs.items()):
        cap = caps.get(name, 2000)
        chosen: list[Pair] = []
        while len(chosen) < cap and items:
            chosen.extend(balance(items, min(cap - len(chosen), len(items)), rng))
        out.extend(chosen)
    rng.shuffle(out)
    return out


def batches(lengths: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar lengths (little padding) in random order."""
    idx = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    chunks = [idx[k : k + size] for k in range(0, len(idx), size)]
    rng.shuffle(chunks)
    return chunks


def train(
    examples: dict[str, list[Example]], cfg: TrainConfig, threads: int | None = None, init: Path | None = None
) -> dict[str, Any]:
    """Fit, calibrate and export an adapter for `examples` (by source), starting from the base model or
    from the adapter `init` (a second stage). Returns the metadata written."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from ingestion.embedder import SentenceTransformerEmbedder, embedded_model_path
    from ingestion.settings import EmbeddingSettings
    from training.lora import add_adapters, export, export_full, unfreeze_all

    t_start = time.perf_counter()
    if threads:
        torch.set_num_threads(threads)
    rng = random.Random(SEED)
    torch.manual_seed(SEED)
    fit_ex, cal_ex = {}, {}
    for name, exs in sorted(examples.items()):
        fit_ex[name], cal_ex[name] = split(exs, cfg.held_out)
        if cfg.held_out_cap and len(cal_ex[name]) > cfg.held_out_cap:
            cal_ex[name] = random.Random(SEED).sample(cal_ex[name], cfg.held_out_cap)
        need = math.ceil(cfg.caps.get(name, 2000) * cfg.epochs)
        if cfg.presample and len(fit_ex[name]) > need:  # windows only for what the epochs will read
            fit_ex[name] = balance(fit_ex[name], need, random.Random(SEED))
    log(f"examples: {sum(map(len, fit_ex.values()))} fit, {sum(map(len, cal_ex.values()))} held out")
    embedder = SentenceTransformerEmbedder(EmbeddingSettings(batch_size=64))
    fit = {k: to_pairs(v, embedder, cfg.budget, rng) for k, v in fit_ex.items()}
    cal = {k: to_pairs(v, embedder, cfg.budget, rng) for k, v in cal_ex.items()}
    log(f"windows built ({time.perf_counter() - t_start:.0f} s)")

    path = embedded_model_path()
    tokenizer = AutoTokenizer.from_pretrained(path)
    # No dropout: on CPU it cost a fifth of every step, and the low-rank updates regularise enough.
    encoder = AutoModel.from_pretrained(
        path, attn_implementation="eager", hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0
    )
    head = torch.nn.Linear(encoder.config.hidden_size, 1)
    torch.nn.init.zeros_(head.weight)
    torch.nn.init.zeros_(head.bias)
    names: list[str] = []
    if cfg.full:
        if init is not None:
            load_merged(encoder, head, init)
        unfreeze_all(encoder)
    else:
        names = add_adapters(encoder, cfg.rank, cfg.alpha, SEED)
        if init is not None:
            load_init(encoder, head, init)
    params = [p for p in encoder.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(
        [{"params": params, "weight_decay": 0.01}, {"params": head.parameters(), "lr": cfg.lr * 3}],
        lr=cfg.lr,
        foreach=True,
    )

    def encode(items: Sequence[Pair]) -> tuple[list[list[int]], list[list[int]]]:
        enc = tokenizer(
            [p.claim for p in items], [p.evidence for p in items], truncation="longest_first", max_length=cfg.max_length
        )
        return enc["input_ids"], enc["token_type_ids"]

    # bf16 autocast only where the CPU computes bf16 natively: elsewhere it is emulated and far slower.
    chosen = precision.resolve("auto")
    log(f"precision: {chosen.reason}")

    def forward(ids: list[list[int]], types: list[list[int]]) -> torch.Tensor:
        # Widths rounded up to a multiple of 32: oneDNN builds kernels per shape, and a new width per
        # batch made training several times slower than a handful of shapes reused.
        width = -(-max(map(len, ids)) // 32) * 32
        x = torch.zeros((len(ids), width), dtype=torch.long)
        t = torch.zeros_like(x)
        m = torch.zeros_like(x)
        for r, (a, b) in enumerate(zip(ids, types, strict=True)):
            x[r, : len(a)] = torch.tensor(a)
            t[r, : len(b)] = torch.tensor(b)
            m[r, : len(a)] = 1
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=chosen.dtype == "bf16"):
            hidden = encoder(input_ids=x, attention_mask=m, token_type_ids=t).last_hidden_state
            return head(mean_pool(hidden, m)).float().squeeze(-1)

    def score(items: Sequence[Pair]) -> np.ndarray:
        encoder.eval()
        ids, types = encode(items)
        order = sorted(range(len(items)), key=lambda i: len(ids[i]))
        out = np.zeros(len(items))
        with torch.inference_mode():
            for k in range(0, len(order), 64):
                rows = order[k : k + 64]
                out[rows] = forward([ids[i] for i in rows], [types[i] for i in rows]).numpy()
        encoder.train()
        return out

    n_epochs = math.ceil(cfg.epochs)
    per_epoch = len(epoch_sample(fit, cfg.caps, random.Random(0)))
    total = int(cfg.epochs * per_epoch / cfg.batch)
    warmup = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.02, 1 - s / total))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    encoder.train()
    for epoch in range(n_epochs):
        sample = epoch_sample(fit, cfg.caps, rng)
        ids, types = encode(sample)
        labels = torch.tensor([p.label for p in sample], dtype=torch.float32)
        plan = batches([len(x) for x in ids], cfg.batch, rng)
        if epoch == n_epochs - 1 and cfg.epochs < n_epochs:
            plan = plan[: int(len(plan) * (cfg.epochs - epoch))]
        t_epoch, running = time.perf_counter(), []
        for k, rows in enumerate(plan):
            loss = loss_fn(forward([ids[i] for i in rows], [types[i] for i in rows]), labels[rows])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            running.append(float(loss.detach()))
            if k % 200 == 0:
                rate = (k + 1) * cfg.batch / (time.perf_counter() - t_epoch)
                log(f"epoch {epoch + 1} step {k}/{len(plan)} loss {np.mean(running[-200:]):.4f} ({rate:.0f} pairs/s)")
        seconds = time.perf_counter() - t_epoch
        if epoch < n_epochs - 1:  # the last epoch's figures are the final ones, scored once below
            log(f"epoch {epoch + 1} done in {seconds:.0f} s; held-out {evaluate(cal, score)['macro']}")
        else:
            log(f"epoch {epoch + 1} done in {seconds:.0f} s")

    scores = {k: score(v) for k, v in cal.items() if v}
    labels_by = {k: np.array([p.label for p in v]) for k, v in cal.items() if v}
    a, b = calibrate(scores, labels_by)
    report = evaluate(cal, score, (a, b), scores)
    minutes = (time.perf_counter() - t_start) / 60
    meta: dict[str, Any] = {
        "seed": SEED,
        "calibration": {"kind": "platt", "a": round(a, 6), "b": round(b, 6)},
        "held_out": report,
        "train_examples": {k: len(v) for k, v in fit.items()},
        "held_out_examples": {k: len(v) for k, v in cal.items()},
        "epochs": cfg.epochs,
        "rank": 0 if cfg.full else cfg.rank,
        "full_fine_tune": cfg.full,
        "init": init.name if init is not None else None,
        "lr": cfg.lr,
        "batch": cfg.batch,
        "window_budget": cfg.budget,
        "minutes": round(minutes, 1),
        "cpu": cpu_name(),
    }
    if cfg.full:
        size = export_full(encoder, head, cfg.max_length, meta, cfg.out)
    else:
        size = export(encoder, head, names, cfg.rank, cfg.alpha, cfg.max_length, meta, cfg.out)
    log(f"wrote {cfg.out} ({size / 1e6:.1f} MB) in {minutes:.1f} min; held-out macro {report['macro']}")
    return meta


def load_init(encoder: Any, head: Any, path: Path) -> None:
    """Put a trained adapter's tensors into the wrapped encoder and the head, to train on from there."""
    import torch

    from app.grounding.crossencoder import load_adapter

    tensors, _ = load_adapter(path)
    params = dict(encoder.named_parameters())
    with torch.no_grad():
        for key, value in tensors.items():
            if key.startswith("lora."):
                name, part = key[len("lora.") :].rsplit(".", 1)
                getattr(encoder.get_submodule(name), part).copy_(value)
            elif key.startswith("base."):
                params[key[len("base.") :]].copy_(value)
        head.weight.copy_(tensors["head.weight"])
        head.bias.copy_(tensors["head.bias"])


def load_merged(encoder: Any, head: Any, path: Path) -> None:
    """Start a full fine-tune from a trained file (LoRA or full): its updates merged into the weights
    exactly as the service merges them at load."""
    import torch

    from app.grounding.crossencoder import load_adapter, merge_lora

    tensors, config = load_adapter(path)
    state = {k: v.clone() for k, v in encoder.state_dict().items()}
    merge_lora(state, tensors, config)
    encoder.load_state_dict(state)
    with torch.no_grad():
        head.weight.copy_(tensors["head.weight"])
        head.bias.copy_(tensors["head.bias"])


def calibrate(scores: dict[str, np.ndarray], labels: dict[str, np.ndarray]) -> tuple[float, float]:
    """Platt scaling p = sigmoid(a * logit + b), each source and each class weighted alike."""
    from sklearn.linear_model import LogisticRegression

    xs, ys, ws = [], [], []
    for name, s in scores.items():
        y = labels[name]
        for cls in (0, 1):
            n = int((y == cls).sum())
            if n:
                xs.append(s[y == cls])
                ys.append(y[y == cls])
                ws.append(np.full(n, 1.0 / n))
    x, y, w = np.concatenate(xs)[:, None], np.concatenate(ys), np.concatenate(ws)
    lr = LogisticRegression(C=1e4).fit(x, y, sample_weight=w)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def evaluate(
    cal: dict[str, list[Pair]],
    score: Callable[[Sequence[Pair]], np.ndarray],
    platt: tuple[float, float] = (1.0, 0.0),
    scores: dict[str, np.ndarray] | None = None,
) -> dict[str, Any]:
    """Per held-out source: AUROC and balanced accuracy at p >= 0.5; their means as `macro`."""
    from sklearn.metrics import roc_auc_score

    out: dict[str, Any] = {}
    for name, items in sorted(cal.items()):
        y = np.array([p.label for p in items])
        if len(set(y.tolist())) < 2:
            continue
        s = scores[name] if scores is not None else score(items)
        p = 1 / (1 + np.exp(-(platt[0] * s + platt[1])))
        tpr = float(((p >= 0.5) & (y == 1)).sum() / (y == 1).sum())
        tnr = float(((p < 0.5) & (y == 0)).sum() / (y == 0).sum())
        out[name] = {"n": len(y), "auroc": round(float(roc_auc_score(y, s)), 4), "bal_acc": round((tpr + tnr) / 2, 4)}
    vals = list(out.values())
    out["macro"] = {
        "auroc": round(float(np.mean([v["auroc"] for v in vals])), 4),
        "bal_acc": round(float(np.mean([v["bal_acc"] for v in vals])), 4),
    }
    return out


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def log(msg: str) -> None:
    print(time.strftime("%H:%M:%S"), msg, file=sys.stderr, flush=True)
