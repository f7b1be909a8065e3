"""Claims of a real generator's answers, labelled by people, as a detector benchmark (`smollm2-claims`).

An eval run's rows hold every answered question's claims as the verifier cut them. `sample_sheet` draws
claims from a run (at most one per question, a fixed seed) and writes each with the passages the answer
was verified against, the whole text of each, so the file stays readable and checkable after the corpus
or the chunker changes. A person fills in `label` (`supported` or `unsupported`) by the rule in
`evals/labels/README.md`, without the verifier's verdict in view (the sheet does not carry it).

`load_labelled_claims` reads the filled file back: one item per claim, the claim as the whole answer
(so the detector's "hallucinated" is the person's `unsupported`), its question, its passages as they
were. Rows still unlabelled are an error, not skipped: a half-labelled file is not a result.

    python -m evals.detector.labelled_claims --results reports/policies/annotate/results.json \\
        --out evals/labels/new.jsonl --n 100 --seed 7
    # with the run's settings in the environment (TETHER_STORE__DATA_DIR, TETHER_LLM__*); corpus/ is
    # ingested into the run's collection first (incremental)
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.retrieval.passages import Passage
from evals.detector.classification import summarize
from evals.detector.datasets import DatasetMissing, DetectorItem

LABELS = Path(__file__).resolve().parents[1] / "labels"
SMOLLM2_CLAIMS = LABELS / "smollm2-claims.jsonl"
LABEL_VALUES = ("supported", "unsupported")


class LabelsInvalid(ValueError):
    """A row of a labels file is unlabelled or malformed; the message names the file and line."""


def passage_record(p: Passage) -> dict[str, Any]:
    """Everything the verifier reads of a passage (its sentences as offsets into the document)."""
    return {
        "chunk_id": p.chunk_id,
        "doc_id": p.doc_id,
        "title": p.title,
        "source": p.source,
        "heading": p.heading,
        "start": p.start,
        "end": p.end,
        "text": p.text,
        "sentences": [list(s) for s in p.sentences],
    }


def passage_from_record(d: Mapping[str, Any], collection: str = "labels") -> Passage:
    return Passage(
        chunk_id=d["chunk_id"],
        doc_id=d["doc_id"],
        collection=collection,
        title=d.get("title", ""),
        uri=None,
        version=None,
        source=d.get("source", ""),
        start=int(d["start"]),
        end=int(d["end"]),
        text=d["text"],
        score=0.0,
        sentences=tuple((int(s), int(e)) for s, e in d.get("sentences") or ()),
        heading=d.get("heading", ""),
    )


def sample_sheet(
    rows: Iterable[Mapping[str, Any]],
    passages_for: Callable[[str], Sequence[Passage]],
    n: int,
    seed: int,
) -> list[dict[str, Any]]:
    """Up to `n` claims, at most one per answered question, drawn with `seed`; unlabelled. `passages_for`
    gives the passages a question's answer was verified against (retrieval, as the run did it)."""
    pool = []
    for row in rows:
        result = row.get("result") or {}
        if not row.get("answered") or not result.get("claims"):
            continue
        pool.append((row, result["claims"]))
    pool.sort(key=lambda rc: rc[0]["id"])  # the draw depends on the seed, not on row order
    rng = random.Random(seed)
    picked = rng.sample(pool, min(n, len(pool)))
    picked.sort(key=lambda rc: rc[0]["id"])
    sheet = []
    for k, (row, claims) in enumerate(picked, start=1):
        claim = rng.choice(claims)
        sheet.append(
            {
                "id": f"c{k:03d}",
                "question_id": row["id"],
                "question": row["question"],
                "claim": claim["text"],
                "label": None,
                "note": "",
                "passages": [passage_record(p) for p in passages_for(row["question"])],
            }
        )
    return sheet


def load_labelled_claims(path: Path = SMOLLM2_CLAIMS) -> list[DetectorItem]:
    """One detector item per labelled claim; hallucinated = labelled `unsupported`."""
    return [item for _, item in _read(path)]


def judged_in_answers(results: Mapping[str, Any], path: Path = SMOLLM2_CLAIMS) -> dict[str, Any]:
    """The detector report for the verdicts the labelled claims got inside their answers in an eval run
    (`results.json`: the service's own verdicts, with the answer around each claim and the answering
    service's rules such as cut_off), instead of verifying each claim alone."""
    by_question = {r["id"]: r for r in results.get("rows") or ()}
    truth, flagged, scores = [], [], []
    for row, item in _read(path):
        answer = (by_question.get(row["question_id"]) or {}).get("result") or {}
        verdict = next((c for c in answer.get("claims") or () if c.get("text") == row["claim"]), None)
        if verdict is None:
            raise LabelsInvalid(
                f"{row['id']}: the run has no claim {row['claim'][:60]!r} in its answer to {row['question_id']} "
                "(a run of other generations, or another claim split)"
            )
        support = 0.0 if verdict["label"] == "error" or verdict.get("score") is None else float(verdict["score"])
        truth.append(item.hallucinated)
        flagged.append(verdict["label"] != "supported")
        scores.append(round(1.0 - support, 6))
    report: dict[str, Any] = summarize(truth, flagged, scores)
    report.update(
        ms_per_item=None,
        split="test",
        threshold=None,
        mapping="a claim is predicted hallucinated when its verdict in its answer (the run's results.json) is "
        "not 'supported'; score = 1 - that verdict's support probability",
    )
    return report


def _read(path: Path) -> list[tuple[dict[str, Any], DetectorItem]]:
    if not path.is_file():
        raise DatasetMissing(f"labelled claims: {path} not found")
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            out.append(_item(line, f"{path.name}:{lineno}"))
    return out


def _item(line: str, where: str) -> tuple[dict[str, Any], DetectorItem]:
    try:
        row = json.loads(line)
        label = row.get("label")
        if label not in LABEL_VALUES:
            raise LabelsInvalid(f"{where}: label {label!r} is not one of {', '.join(LABEL_VALUES)}")
        item = DetectorItem(
            id=row["id"],
            source="",
            answer=row["claim"],
            hallucinated=label == "unsupported",
            question=row["question"],
            passages=tuple(passage_from_record(p) for p in row["passages"]),
        )
        return {"id": row["id"], "question_id": row["question_id"], "claim": row["claim"]}, item
    except LabelsInvalid:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LabelsInvalid(f"{where}: not a labelled claim ({type(exc).__name__}: {exc})") from None


def main(argv: Sequence[str] | None = None) -> None:
    from app.queries import AnswerQuery
    from app.services import build_services
    from app.settings import Settings
    from evals.harness import CORPUS, ensure_corpus

    parser = argparse.ArgumentParser(description="Draw a claim-labelling sheet from an eval run's results.json.")
    parser.add_argument("--results", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top-k", type=int, default=None, help="default: the run's top_k")
    args = parser.parse_args(argv)
    doc = json.loads(args.results.read_text(encoding="utf-8"))
    top_k = args.top_k or int(doc["config"]["top_k"])
    collection = doc["config"].get("collection", "eval")
    services = build_services(Settings())  # the environment's, as the run had them
    ensure_corpus(services, CORPUS, collection)
    answerer = services.answerer

    def passages_for(question: str) -> list[Passage]:  # what the answer was verified against
        q = AnswerQuery(question, collection, top_k)
        return answerer.prepare(q, answerer.retrieve(q))[1]

    sheet = sample_sheet(doc["rows"], passages_for, args.n, args.seed)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sheet), encoding="utf-8")
    print(f"{len(sheet)} claims to label in {args.out}")


if __name__ == "__main__":
    main()
