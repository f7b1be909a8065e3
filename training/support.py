"""Train the support model: `python -m training.support [--datasets DIR] [--out FILE]`.

Fine-tunes the shipped MiniLM encoder as a cross-encoder over (claim, evidence window) pairs with
low-rank adapters (`training.lora`, the loop in `training.trainer`), on the public human-labelled pairs
(`training.public`) and the generated help-centre and COVID pairs (`training.synthetic`): three epochs
over every source, which is the shipped file. `--stage2 [--init FILE] --out FILE` runs a second stage
from it: a full fine-tune of every layer over windows with unrelated sentences in them and in-passage
minimal edits of the help-centre text (prepared and smoke-tested; not shipped, see docs/verifier.md). A
tenth of every source's groups is held out: it picks nothing during training, then calibrates the
logit to a probability and reports per-source figures into the adapter's metadata.

Fixed seed, sorted inputs; bf16 autocast where the CPU computes bf16 natively (AMX, AVX-512-BF16), else
fp32. The run time on the machine that trained it is recorded in the metadata (`minutes`, `cpu`).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app.grounding.crossencoder import SUPPORT_ADAPTER
from training.examples import Example, dedupe
from training.trainer import SEED, TrainConfig, add_arguments, from_arguments, train

HELPCENTRE = Path(__file__).resolve().parent / "data" / "helpcentre"
# Examples per source per epoch (classes balanced inside each). Sources whose text is closest to what
# the service judges (help-centre prose, QA answers, summaries) get more than their share by count.
CAPS = {
    "helpcentre": 4000,
    "covid-faq": 2500,
    "covid-articles": 2500,
    "squad2-qa": 4000,
    "halueval": 1000,
    "faithbench": 1100,
    "sick": 3000,
    "med": 3000,
    "breaking-nli": 2000,
    "rte": 2490,
    "climate-fever": 2000,
    "healthver": 1900,
    "covidfact": 2500,
    "scifact": 564,
    "fool-me-twice": 2338,
    "fever-symmetric": 1673,
    "begin": 2500,
    "mrpc": 3000,
    "stsb": 1500,
}
CONFIG = TrainConfig(out=SUPPORT_ADAPTER, caps=CAPS)
# The second stage starts from the first stage's file, fine-tunes every layer (word and position embeddings
# frozen) and reads evidence as the verifier now does: one window per fact, whose sentences the model
# must pick out itself. Each source keeps a share of its first-stage weight so that nothing learned
# there is forgotten; added: rule-made edits of the help-centre sections whose words all stay in the
# passage (`helpcentre-edits`), and a third of the one-sentence pairs read among unrelated sentences.
STAGE2_CAPS = {
    "helpcentre": 900,
    "helpcentre-edits": 1200,
    "covid-faq": 250,
    "covid-articles": 250,
    "squad2-qa": 300,
    "halueval": 250,
    "faithbench": 250,
    "sick": 400,
    "rte": 350,
    "med": 200,
    "breaking-nli": 100,
    "climate-fever": 200,
    "healthver": 150,
    "covidfact": 200,
    "scifact": 120,
    "fool-me-twice": 250,
    "fever-symmetric": 150,
    "begin": 200,
    "mrpc": 200,
    "stsb": 80,
}
STAGE2 = TrainConfig(
    out=SUPPORT_ADAPTER,
    caps=STAGE2_CAPS,
    epochs=1.0,
    lr=3e-5,
    budget=128,
    max_length=192,
    full=True,
    held_out_cap=150,
    presample=True,
)
DISTRACTOR_SHARE = 0.33


def stage2_examples(
    examples: dict[str, list[Example]], helpcentre: Path, rng: random.Random
) -> dict[str, list[Example]]:
    """The first stage's examples plus what the second stage adds (see STAGE2_CAPS)."""
    from training.synthetic import HARD_NEGATIVES, helpcentre_docs, perturbed, with_distractors

    out = {name: with_distractors(exs, rng, DISTRACTOR_SHARE) for name, exs in examples.items()}
    if (helpcentre / "articles.jsonl").is_file():
        docs = helpcentre_docs(helpcentre)
        out["helpcentre-edits"] = dedupe(perturbed(docs, rng, per_doc=6, negatives=HARD_NEGATIVES))
    return out


def load_support_examples(
    datasets: Path, helpcentre: Path, rng: random.Random, permissive_only: bool = False
) -> dict[str, list[Example]]:
    from training.public import read_all
    from training.synthetic import covid_docs, covid_faq_claims, evidence_removed, multisentence, perturbed
    from training.synthetic import helpcentre as read_helpcentre

    sources = read_all(datasets, permissive_only)
    docs = covid_docs(datasets, n_articles=40, rng=rng)
    for name, per_doc in (("covid-faq", 3), ("covid-articles", 2)):
        sources[name] = list(perturbed([d for d in docs if d.source == name], rng, per_doc=per_doc))
    if (helpcentre / "claims.jsonl").is_file():
        sources["helpcentre"] = [*read_helpcentre(helpcentre), *evidence_removed(helpcentre)]
    data = helpcentre.parent
    if (data / "helpcentre2" / "claims.jsonl").is_file():
        sources["helpcentre2"] = list(read_helpcentre(data / "helpcentre2", "helpcentre2"))
    if (data / "multisentence.jsonl").is_file():
        sources["multisentence"] = list(multisentence(data / "multisentence.jsonl", rng))
    if (data / "covid-faq-claims.jsonl").is_file():
        sources["covid-faq-claims"] = list(covid_faq_claims(data / "covid-faq-claims.jsonl", datasets))
    return {name: dedupe(exs) for name, exs in sorted(sources.items())}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.support", description=__doc__.split("\n\n")[0])
    add_arguments(ap, CONFIG)
    ap.add_argument("--helpcentre", type=Path, default=HELPCENTRE)
    ap.add_argument("--permissive", action="store_true", help="only public sources whose licence allows commercial use")
    ap.add_argument("--stage2", action="store_true", help="run the second stage (full fine-tune) from --init")
    ap.add_argument(
        "--init", type=Path, default=None, help="the second stage's starting file (default: the shipped one)"
    )
    args = ap.parse_args(argv)
    rng = random.Random(SEED)
    examples = load_support_examples(args.datasets, args.helpcentre, rng, args.permissive)
    if args.limit:
        examples = {k: rng.sample(v, min(args.limit, len(v))) for k, v in examples.items()}
    if not args.stage2:
        train(examples, from_arguments(args, CONFIG), args.threads)
        return 0
    # The second stage: from `--init` (default: the shipped first-stage file) to `--out`.
    second = stage2_examples(examples, args.helpcentre, random.Random(SEED + 1))
    caps = STAGE2.caps if not args.limit else dict.fromkeys(second, args.limit)
    train(second, replace(STAGE2, out=args.out, caps=caps), args.threads, init=args.init or SUPPORT_ADAPTER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
