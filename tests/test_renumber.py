"""Citation numbers run 1..n in order of first use: markers rewritten through one mapping, passages
reordered to match, and the same result whether the text comes whole or in any pieces."""

from __future__ import annotations

import pytest

from app.grounding.renumber import Renumberer


@pytest.mark.parametrize(
    ("text", "n", "out", "order"),
    [
        ("A [2]. B [3]. C [4].", 4, "A [1]. B [2]. C [3].", [2, 3, 4, 1]),
        ("A [4]. B [1]. C [4].", 4, "A [1]. B [2]. C [1].", [4, 1, 2, 3]),
        ("A [3, 1]. B [2-3].", 3, "A [1, 2]. B [2, 3].", [1, 3, 2]),  # 1 -> 1, 3 -> 2, then 2 -> 3
        ("A [2, 9]. B [0].", 3, "A [1, 9]. B [0].", [2, 1, 3]),  # pointing nowhere: left as written
        ("See [the docs](https://x.example) [2].", 2, "See [the docs](https://x.example) [1].", [2, 1]),
        ("A [1](https://x.example) link, then [2].", 2, "A [1](https://x.example) link, then [1].", [2, 1]),
        ("No markers.", 2, "No markers.", [1, 2]),
    ],
)
def test_renumber(text: str, n: int, out: str, order: list[int]) -> None:
    r = Renumberer(n)
    assert r.renumber(text) == out
    assert r.reorder(list(range(1, n + 1))) == order


@pytest.mark.parametrize("text", ["Team [3]. Export [1, 3]. Fees [2-3]. Link [2](https://x.example) [1].", "[2][1]"])
def test_any_split_gives_the_same_text(text: str) -> None:
    whole = Renumberer(3).renumber(text)
    for size in (1, 2, 3, 5):
        r = Renumberer(3)
        pieces = [r.feed(text[k : k + size]) for k in range(0, len(text), size)]
        assert "".join(pieces) + r.flush() == whole


def test_an_unclosed_bracket_is_released() -> None:
    r = Renumberer(2)
    assert r.feed("A list [see below") == "A list "  # may still become a marker
    assert r.feed(" for the details, which run long enough") == "[see below for the details, which run long enough"
    assert r.flush() == ""
