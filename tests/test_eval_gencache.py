"""The generation cache replays exactly what it recorded for exactly the same request, and nothing else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.errors import BackendError
from app.llm.base import Generation, GenerationRequest, Message
from app.retrieval.passages import Passage
from cli.main import eval_app
from evals.gencache import CachedBackend, GenerationCacheError


class Counting:
    """The inner backend is not what these tests are about: it answers with a numbered text so a replay
    and a fresh generation can be told apart."""

    name, model = "counting", "counting-1"

    def __init__(self) -> None:
        self.calls = 0

    def generate(self, request: GenerationRequest) -> Generation:
        self.calls += 1
        if request.question == "crash":
            raise BackendError("down")
        return Generation(text=f"answer {self.calls} [1]", model=self.model, completion_tokens=3, extra={"n": 1})

    def stream(self, request: GenerationRequest) -> Iterator[str]:
        yield self.generate(request).text

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def close(self) -> None:
        self.closed = True


def passage(text: str, chunk_id: str = "c1") -> Passage:
    return Passage(chunk_id, "d1", "col", "T", None, None, "t.md", 0, len(text), text, 1.0)


def request(question: str = "q?", text: str = "Passage text.", temperature: float = 0.0) -> GenerationRequest:
    msgs = [Message("system", "rules"), Message("user", f"{text}\n{question}")]
    return GenerationRequest(msgs, question, [passage(text)], temperature=temperature)


def test_second_run_replays_every_answer_without_generating(tmp_path: Path) -> None:
    path = tmp_path / "gen.jsonl"
    first = CachedBackend(inner := Counting(), path)
    a, b = first.generate(request("a?")), first.generate(request("b?"))
    assert inner.calls == 2 and first.stats()["misses"] == 2
    again = CachedBackend(inner2 := Counting(), path)
    assert again.generate(request("a?")) == a and again.generate(request("b?")) == b
    assert inner2.calls == 0 and again.stats() == {"path": str(path), "hits": 2, "misses": 0}


@pytest.mark.parametrize(
    "changed",
    [
        request("other question?"),
        request(text="Another passage."),
        request(temperature=0.7),
        GenerationRequest([Message("user", "q?")], "q?", [passage("Passage text.", chunk_id="c2")]),
    ],
)
def test_any_change_to_the_request_is_a_miss(tmp_path: Path, changed: GenerationRequest) -> None:
    cache = CachedBackend(inner := Counting(), tmp_path / "gen.jsonl")
    cache.generate(request())
    assert cache.generate(changed).text == "answer 2 [1]" and inner.calls == 2


def test_another_model_does_not_replay(tmp_path: Path) -> None:
    path = tmp_path / "gen.jsonl"
    CachedBackend(Counting(), path).generate(request())
    other = Counting()
    other.model = "counting-2"
    CachedBackend(other, path).generate(request())
    assert other.calls == 1


def test_errors_are_not_recorded(tmp_path: Path) -> None:
    cache = CachedBackend(inner := Counting(), tmp_path / "gen.jsonl")
    for _ in range(2):
        with pytest.raises(BackendError):
            cache.generate(request("crash"))
    assert inner.calls == 2 and not (tmp_path / "gen.jsonl").exists()


def test_a_partial_last_line_is_dropped_and_a_bad_middle_line_refused(tmp_path: Path) -> None:
    path = tmp_path / "gen.jsonl"
    CachedBackend(Counting(), path).generate(request())
    good = path.read_text()
    path.write_text(good + '{"key": "abc", "te')  # killed mid-write
    assert CachedBackend(inner := Counting(), path).generate(request()).text == "answer 1 [1]"
    assert inner.calls == 0
    path.write_text("not json\n" + good)
    with pytest.raises(GenerationCacheError, match=r"gen\.jsonl:1"):
        CachedBackend(Counting(), path)


def test_cache_lines_are_plain_json(tmp_path: Path) -> None:
    path = tmp_path / "gen.jsonl"
    CachedBackend(Counting(), path).generate(request())
    row = json.loads(path.read_text())
    assert row["text"] == "answer 1 [1]" and row["model"] == "counting-1" and len(row["key"]) == 64


def test_cli_refuses_a_cache_with_url(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        eval_app,
        ["run", "--url", "http://127.0.0.1:9", "--generation-cache", str(tmp_path / "g.jsonl"), "--json"],
    )
    assert result.exit_code == 2
    assert "--generation-cache" in json.loads(result.stdout)["error"]["message"]


def test_the_wrapper_counts_and_closes_with_the_inner_backend(tmp_path: Path) -> None:
    cached = CachedBackend(inner := Counting(), tmp_path / "gen.jsonl")
    assert (cached.name, cached.count_tokens("three short words")) == ("counting", 3)
    cached.close()
    assert inner.closed
