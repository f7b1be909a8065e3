"""Citation markers: forms, ranges, adjacency, attachment to the right claim, out-of-range flags."""

from __future__ import annotations

import pytest

from app.grounding.claims import expand_marker, parse_answer, parse_citations


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Fact [1].", [(1,)]),
        ("Fact [1, 3].", [(1, 3)]),
        ("Fact [1,3].", [(1, 3)]),
        ("Fact [2-4].", [(2, 3, 4)]),
        ("Fact [2–4].", [(2, 3, 4)]),
        ("Fact [1][2].", [(1,), (2,)]),
        ("Fact [1, 3-5; 7].", [(1, 3, 4, 5, 7)]),
        ("Fact [4-2].", [(2, 3, 4)]),
        ("Fact [ 2 ].", [(2,)]),
        ("A link [1](http://x.example) is not a marker.", []),
        ("A list [a, b] is not a marker.", []),
        ("No markers at all.", []),
    ],
)
def test_marker_forms(text: str, numbers: list[tuple[int, ...]]) -> None:
    assert [c.numbers for c in parse_citations(text)] == numbers


def test_marker_spans() -> None:
    text = "Fact [1][2-3]."
    found = parse_citations(text)
    assert [text[c.start : c.end] for c in found] == ["[1]", "[2-3]"]


def test_huge_range_is_capped() -> None:
    assert len(expand_marker("1-100000")) == 201


@pytest.mark.parametrize(
    ("text", "n_passages", "invalid"),
    [
        ("Fact [1].", 3, ()),
        ("Fact [4].", 3, (4,)),
        ("Fact [0].", 3, (0,)),
        ("Fact [2-5].", 3, (4, 5)),
        ("Fact [9].", None, ()),
    ],
)
def test_out_of_range_flagged(text: str, n_passages: int | None, invalid: tuple[int, ...]) -> None:
    (marker,) = parse_citations(text, n_passages)
    assert marker.invalid == invalid


@pytest.mark.parametrize(
    ("answer", "per_claim"),
    [
        ("Pro costs $29 [1]. Business costs $49 [2].", [[1], [2]]),
        # A marker after the full stop still belongs to the sentence it follows.
        ("Pro costs $29. [1] Business costs $49. [2]", [[1], [2]]),
        ("Pro costs $29.[1] Business costs $49.[2][3]", [[1], [2, 3]]),
        ("Pro costs $29 [1][3]. No marker here.", [[1, 3], []]),
        ("- Pro costs $29 [1]\n- Business costs $49 [2-3]", [[1], [2, 3]]),
        ("Pro costs $29 [1, 2] and includes SSO [2].", [[1, 2]]),
    ],
)
def test_markers_attach_to_their_claim(answer: str, per_claim: list[list[int]]) -> None:
    assert [c.citations for c in parse_answer(answer, n_passages=3).claims] == per_claim


def test_invalid_citations_kept_apart() -> None:
    parsed = parse_answer("Pro costs $29 [1, 7]. Refunds take 5 days [9].", n_passages=3)
    assert [(c.citations, c.invalid_citations) for c in parsed.claims] == [([1], [7]), ([], [9])]
    assert parsed.invalid_citations == [7, 9]
    assert [m.text for m in parsed.markers] == ["[1, 7]", "[9]"]
