"""The eval runner end to end: the real pipeline in-process, and the same suite over HTTP against a live
server. An item that raised is an `error` row, counted and listed, never a pass."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.errors import BackendError
from app.http import create_app
from app.llm.base import Generation, GenerationRequest, LLMBackend, WrappedBackend
from app.services import Services, build_services
from app.settings import Settings
from cli.main import eval_app
from evals import metrics
from evals.gate import evaluate_gate
from evals.harness import RunOptions, ensure_corpus, run_eval
from evals.report import write_reports
from evals.runner import InProcessTarget, run_suite
from evals.suite import DEFAULT_SUITE, load_suite
from tests.conftest import CORPUS, REPO
from tests.support.live_server import live_server


def eval_data_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the ingested demo corpus, kept in pytest's cache between runs and keyed by the
    ingestion code and corpus, so the eval tests ingest once rather than once per module and run."""
    digest = hashlib.sha256()
    for path in sorted([*(REPO / "ingestion").rglob("*.py"), *CORPUS.rglob("*")]):
        if path.is_file():
            digest.update(path.relative_to(REPO).as_posix().encode() + path.read_bytes())
    cache = getattr(request.config, "cache", None)
    if cache is None:
        return tmp_path_factory.mktemp("eval-data")
    return Path(cache.mkdir(f"tether-eval-data-{digest.hexdigest()[:12]}"))


@pytest.fixture(scope="module")
def settings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings().override({"store.data_dir": eval_data_dir(request, tmp_path_factory), "auth.mode": "open"})


@pytest.fixture(scope="module")
def services(settings: Settings) -> Iterator[Services]:
    svc = build_services(settings)
    report = ensure_corpus(svc, CORPUS, settings.default_collection)
    assert report["failed"] == []
    yield svc
    svc.close()


@pytest.fixture
def sample_suite(tmp_path: Path) -> Path:
    """The default suite's first 10 questions, without the default suite's gate thresholds."""
    path = tmp_path / "sample.jsonl"
    lines = DEFAULT_SUITE.read_text(encoding="utf-8").splitlines()[:10]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class FailOn(WrappedBackend):
    """Raises for one question, answers the others through the real backend."""

    def __init__(self, inner: LLMBackend, question: str) -> None:
        super().__init__(inner)
        self.question = question

    def generate(self, request: GenerationRequest) -> Generation:
        if request.question == self.question:
            raise BackendError("the backend crashed on this one")
        return self.inner.generate(request)

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        yield self.generate(request).text


def test_an_item_that_raised_is_an_error_never_a_pass(services: Services, settings: Settings, tmp_path: Path) -> None:
    items = load_suite().items[:5]
    failing = items[3]  # one the answerability decision lets through to the backend
    target = InProcessTarget(
        services, settings.default_collection, "annotate", 5, FailOn(services.backend, failing.question)
    )
    rows = run_suite(items, target, 5, concurrency=2, progress=False)
    assert [r["id"] for r in rows] == [i.id for i in items]  # suite order, whatever the concurrency
    assert rows[3]["status"] == "error" and "BackendError: the backend crashed on this one" in rows[3]["error"]
    assert "hallucinated" not in rows[3] and "correct" not in rows[3]  # no verdict was made up for it
    assert all(r["status"] != "error" for r in rows[:3] + rows[4:])

    agg = metrics.aggregate(rows, 5)
    assert (agg["errors"], agg["error_ids"], agg["questions"]) == (1, [failing.id], 5)
    assert agg["answer_correctness_n"] == 4 and agg["retrieval_hit_rate_n"] == 4
    gate = evaluate_gate(agg, rows, {})
    assert not gate.passed and f"errored: {failing.id}" in gate.reasons[0]

    files = write_reports(tmp_path, {"config": _config(), "aggregate": agg, "faults": None, "rows": rows,
                                     "gate": gate.to_dict()})  # fmt: skip
    junit = files["junit"].read_text(encoding="utf-8")
    assert junit.count("<error ") == 1 and 'errors="1"' in junit


def _config() -> dict[str, Any]:
    return {"suite": "t", "target": "in-process", "backend": "extractive", "policy": "annotate", "started_at": "now"}


def test_url_mode_measures_the_same_as_in_process(services: Services, settings: Settings, sample_suite: Path) -> None:
    local = run_eval(
        settings,
        RunOptions(suite=sample_suite, collection=settings.default_collection, corpus=None, progress=False),
        services=services,
    )
    with live_server(create_app(settings, services)) as url:
        remote = run_eval(settings, RunOptions(suite=sample_suite, url=url, concurrency=3, progress=False))
        cli = CliRunner().invoke(
            eval_app, ["run", "--suite", str(sample_suite), "--url", url, "--out", str(sample_suite.parent), "--json"]
        )
    assert [r["id"] for r in remote["rows"]] == [r["id"] for r in local["rows"]] == [f"q{i:03d}" for i in range(1, 11)]
    assert remote["aggregate"]["errors"] == 0 and remote["config"]["target"] == url
    for a, b in zip(local["rows"], remote["rows"], strict=True):
        same = ("status", "answer", "hallucinated", "correct", "retrieval_rank", "claims", "precise_citations")
        assert {k: a[k] for k in same} == {k: b[k] for k in same}, a["id"]
    assert local["aggregate"]["questions"] == 10 and local["aggregate"]["answered"] >= 7

    assert cli.exit_code == 0, cli.output  # the sample has no thresholds file: only "no errors" is gated
    body = json.loads(cli.stdout)
    assert body["questions"] == 10 and body["errors"] == 0
    assert body["hallucination_rate"] == remote["aggregate"]["hallucination_rate"]
    for name in ("results.json", "summary.md", "report.html", "junit.xml"):
        assert (sample_suite.parent / name).exists()


def _squad(tmp_path: Path) -> Path:
    """Three tiny articles in SQuAD format, with answer spans."""
    articles = [
        ("Kittens are young cats. A kitten opens its eyes after about nine days. Cats sleep a lot.", "nine days"),
        ("The Danube flows through ten countries. It ends in the Black Sea after 2,850 kilometres.", "Black Sea"),
        ("Bread rises because yeast makes carbon dioxide. Sourdough uses wild yeast and bacteria.", "wild yeast"),
    ]
    questions = ["When does a kitten open its eyes?", "Where does the Danube end?", "What does sourdough use?"]
    data = {
        "version": "t",
        "data": [
            {"title": None, "paragraphs": [{"context": ctx, "qas": [
                {"id": i, "question": q, "answers": [{"text": ans, "answer_start": ctx.index(ans)}]}]}]}
            for i, ((ctx, ans), q) in enumerate(zip(articles, questions, strict=True))
        ],
    }  # fmt: skip
    path = tmp_path / "covidqa_dev.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_retrieval_bench_reports_four_methods_side_by_side(tmp_path: Path) -> None:
    r = CliRunner().invoke(eval_app, ["retrieval", "--dataset", "covidqa", "--path", str(_squad(tmp_path)), "--json"])
    assert r.exit_code == 0, r.output
    body = json.loads(r.stdout)
    assert (body["questions"], body["articles"], body["answer_in_some_chunk"]) == (3, 3, 1.0)
    assert set(body["methods"]) == {"dense", "lexical", "hybrid", "reranked"} and body["rerank_depth"] == 20
    for scores in body["methods"].values():
        assert scores["hit@10"] == 1.0 and 0 < scores["mrr"] <= 1  # three one-chunk articles: always found
    assert body["methods"]["reranked"]["hit@1"] == 1.0  # the model reads which article answers
    r = CliRunner().invoke(
        eval_app, ["retrieval", "--path", str(tmp_path), "--rerank-depth", "0", "--json"], catch_exceptions=False
    )
    assert set(json.loads(r.stdout)["methods"]) == {"dense", "lexical", "hybrid"}


def test_retrieval_bench_usage_errors(tmp_path: Path) -> None:
    r = CliRunner().invoke(eval_app, ["retrieval", "--path", str(tmp_path), "--json"])
    assert r.exit_code == 2 and "not a readable SQuAD-format file" in json.loads(r.stdout)["error"]["message"]
    r = CliRunner().invoke(eval_app, ["retrieval", "--dataset", "squad2", "--path", str(tmp_path), "--json"])
    assert r.exit_code == 2 and "unknown dataset" in json.loads(r.stdout)["error"]["message"]


@pytest.mark.datasets
def test_covidqa_loads(tmp_path: Path) -> None:
    from evals.retrieval_bench import load_squad
    from tests.conftest import SHARED_DATASETS

    folder = SHARED_DATASETS / "covidqa"
    if not folder.exists():
        pytest.skip(f"{folder} is not there")
    articles, qas = load_squad(folder)
    assert (len(articles), len(qas)) == (98, 901)
    assert all(a in articles[q.article] for q in qas[:200] for a in q.answers)
