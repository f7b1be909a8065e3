"""Train the support model: `python -m training.support [--datasets DIR] [--out FILE]`.

Fine-tunes the shipped MiniLM encoder as a cross-encoder over (claim, evidence window) pairs with
low-rank adapters (`training.lora`, the loop in `training.trainer`), on the public human-labelled pairs
(`training.public`) and the generated help-centre and COVID pairs (`training.synthetic`), in two stages:
three epochs over every source, then one that leans on the sources written for this domain. A tenth of
every source's groups is held out: it picks nothing during training, then calibrates the logit to a
probability and reports per-source figures into the adapter's metadata.

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
# The second stage starts from the first stage's adapter and leans on the sources written for this domain
# (help-centre and FAQ prose, answers to questions, support spread over sentences), keeping a little of
# every other source so that nothing learned in the first stage is forgotten.
DOMAIN = ("helpcentre", "helpcentre2", "multisentence", "covid-faq-claims", "covid-faq", "halueval", "squad2-qa")
STAGE2_CAPS = (
    {name: (3000 if name in DOMAIN else 600) for name in CAPS}
    | {name: 3000 for name in DOMAIN}
    | {"helpcentre": 4000, "halueval": 1500}  # halueval has ~450 training pairs: 3000 would repeat each 6 times
)
STAGE2 = TrainConfig(out=SUPPORT_ADAPTER, caps=STAGE2_CAPS, epochs=1.0, lr=2e-4)


def load_examples(
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
    ap.add_argument("--init", type=Path, default=None, help="a first-stage adapter: run the second stage only")
    args = ap.parse_args(argv)
    rng = random.Random(SEED)
    examples = load_examples(args.datasets, args.helpcentre, rng, args.permissive)
    if args.limit:
        examples = {k: rng.sample(v, min(args.limit, len(v))) for k, v in examples.items()}
    first = args.init
    if first is None:
        first = args.out.with_name(args.out.stem + ".stage1.safetensors")
        train(examples, replace(from_arguments(args, CONFIG), out=first), args.threads)
    train(examples, replace(STAGE2, out=args.out), args.threads, init=first)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
