"""The answerability model's public-data examples: the hard negatives are made right (the answer's
sentences gone, the closest other paragraph chosen without the answer), and training and the eval split
COVID-QA's articles the same way, never sharing one."""

from __future__ import annotations

import pytest

from evals.answerability import covidqa_heldout_articles
from training.answer_sources import closest_other, covidqa_train_articles, paragraph_blocks, without_answer

TEXT = "Paris is the capital of France. It sits on the Seine. The city has two million people. It hosts a museum."


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            [(TEXT.index("Paris"), "Paris")],
            ("It sits on the Seine.", "The city has two million people.", "It hosts a museum."),
        ),
        (
            [(TEXT.index("two million"), "two million")],
            ("Paris is the capital of France.", "It sits on the Seine.", "It hosts a museum."),
        ),
    ],
)
def test_without_answer_drops_the_sentences_that_hold_it(answers: list, expected: tuple) -> None:
    assert without_answer(TEXT, answers) == expected


def test_without_answer_needs_enough_left() -> None:
    assert without_answer("Paris is the capital. It is big.", [(0, "Paris")]) is None  # one sentence left
    assert without_answer("Paris is the capital. It is big.", [(0, "Paris")], min_left=1) == ("It is big.",)
    assert without_answer(TEXT, [(0, "Berlin")]) is not None  # the offset alone names the sentence
    # the answer's words in another sentence: that one states it too
    assert without_answer("Paris is the capital. Paris sits on the Seine. It is big.", [(0, "Paris")], 1) == (
        "It is big.",
    )


def test_closest_other_skips_the_own_and_any_holding_the_answer() -> None:
    texts = [
        "The capital of France is Paris.",  # own
        "Paris, the capital of France, is large.",  # holds the answer
        "France has a capital with many museums.",  # closest without it
        "Bananas are yellow.",
    ]
    assert closest_other("What is the capital of France?", texts, [0], ["Paris"]) == 2
    assert closest_other("What colour are kiwis?", ["Kiwis are green.", "Dogs bark."], [0], ["green"]) is None


def test_paragraph_blocks_cut_long_paragraphs_at_sentences() -> None:
    text = "A short one.\n\n" + " ".join(f"Sentence number {i} is here." for i in range(40)) + "\n\nLast."
    blocks = paragraph_blocks(text, limit=200)
    assert text[slice(*blocks[0])] == "A short one." and text[slice(*blocks[-1])] == "Last."
    assert all(e - s <= 200 for s, e in blocks)
    middle = [text[s:e] for s, e in blocks[1:-1]]
    assert all(m.rstrip().endswith(".") for m in middle) and "".join(middle).count("Sentence") == 40


@pytest.mark.parametrize("counts", [[5, 5, 5, 5], [1, 9, 1, 1], [3], [0, 4, 4, 0, 2]])
def test_covidqa_split_is_shared_and_disjoint(counts: list[int]) -> None:
    articles = [{"paragraphs": [{"qas": [{}] * n}]} for n in counts]
    held = covidqa_heldout_articles(articles)
    train = covidqa_train_articles(articles)
    assert set(train) == set(range(held, len(counts)))
    assert sum(counts[:held]) >= sum(counts) / 2
