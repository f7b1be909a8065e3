"""`suite-answers`: the default suite's labelled answers as a detector benchmark.

For every answerable question of `evals/suites/default.jsonl` the team wrote a faithful answer in its
own words and a minimally wrong one (one number, plan, condition, relation or negation changed), in
`evals/suites/default.answers.jsonl` (format in `evals/suites/README.md`; multi-step answers show their
arithmetic, as an LLM's do). Each is verified against the passages the service retrieves for
the question over `corpus/`, as `/v1/answer` would verify an LLM's answer: false alarms are faithful
answers flagged, misses are wrong answers passed.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.services import Services
from evals.detector.datasets import DatasetMissing, DetectorItem
from evals.suite import load_suite

SUITES = Path(__file__).resolve().parents[1] / "suites"
ANSWERS = SUITES / "default.answers.jsonl"


def load_suite_answers(
    services: Services,
    collection: str,
    top_k: int = 5,
    answers: Path = ANSWERS,
    suite: Path = SUITES / "default.jsonl",
) -> list[DetectorItem]:
    """Two items per answered question (faithful: grounded; wrong: hallucinated), with the passages the
    retriever returns for the question from `collection` (ingested by the caller)."""
    if not answers.is_file():
        raise DatasetMissing(f"suite-answers: {answers} not found")
    questions = {q.id: q for q in load_suite(suite).items}
    items: list[DetectorItem] = []
    for line in answers.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        q = questions[row["id"]]
        passages = tuple(services.retriever.retrieve(q.question, collection, top_k).passages)
        for key, bad in (("faithful", False), ("wrong", True)):
            items.append(
                DetectorItem(
                    id=f"{row['id']}-{key}",
                    source="",
                    answer=row[key],
                    hallucinated=bad,
                    question=q.question,
                    passages=passages,
                )
            )
    return items
