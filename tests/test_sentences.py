import pytest

from ingestion.sentences import split_blocks, split_sentences


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Costs $9.99 per month. Renews yearly.", ["Costs $9.99 per month.", "Renews yearly."]),
        ("Files up to 1.5 GB sync. Larger ones wait.", ["Files up to 1.5 GB sync.", "Larger ones wait."]),
        ("Dr. Rao approves refunds. Ask her.", ["Dr. Rao approves refunds.", "Ask her."]),
        ("Hosted in the U.S. Data stays there.", ["Hosted in the U.S. Data stays there."]),
        ("Use e.g. Chrome. Or Firefox!", ["Use e.g. Chrome.", "Or Firefox!"]),
        ("Really? Yes.", ["Really?", "Yes."]),
        ("Version 2.3.1 is out. Update now.", ["Version 2.3.1 is out.", "Update now."]),
        ('He said "Stop." Then left.', ['He said "Stop."', "Then left."]),
        ("lowercase after. stays together", ["lowercase after. stays together"]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sents(text) == expected


def test_blocks_keep_headings_items_and_rows_apart() -> None:
    text = "# Title\n\nPara line one.\nline two.\n\n- item a\n- item b\n1. step\n| a | b |\n"
    kinds = [(b.kind, text[b.start : b.end]) for b in split_blocks(text)]
    assert kinds == [
        ("heading", "# Title"),
        ("para", "Para line one.\nline two."),
        ("item", "- item a"),
        ("item", "- item b"),
        ("item", "1. step"),
        ("row", "| a | b |"),
    ]


def test_spans_are_exact_offsets() -> None:
    text = "  Lead space. Then more.  "
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]
