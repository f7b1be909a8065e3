"""The text module (`ingestion.text`): one splitter, one stop-word list, one stemmer, as pure functions."""

import re
from dataclasses import replace

import pytest

import ingestion.text.sentences as sentences_module
from app.grounding.verifier import passage_sentences, passages_from_text
from app.retrieval.passages import Passage
from ingestion.chunking import chunk_document
from ingestion.text import (
    STOP_WORDS,
    document_sentences,
    is_abbreviation,
    sentence_spans,
    split_blocks,
    split_sentences,
    stem,
    stem_words,
    words,
)


def _sents(text: str, glued: bool = False) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, glued=glued)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Costs $9.99 per month. Renews yearly.", ["Costs $9.99 per month.", "Renews yearly."]),
        ("Files up to 1.5 GB sync. Larger ones wait.", ["Files up to 1.5 GB sync.", "Larger ones wait."]),
        ("Version 2.3.1 is out. Update now.", ["Version 2.3.1 is out.", "Update now."]),
        ("Uptime is 99.9%. Credits apply.", ["Uptime is 99.9%.", "Credits apply."]),
        ("Really? Yes.", ["Really?", "Yes."]),
        ("Wait... It synced.", ["Wait...", "It synced."]),
        ('He said "Stop." Then left.', ['He said "Stop."', "Then left."]),
        ("It costs $5. $10 buys two.", ["It costs $5.", "$10 buys two."]),
        ("lowercase after. stays together", ["lowercase after. stays together"]),
        # Citation markers stay with the sentence they close.
        ("Pro costs $29. [1] It renews yearly. [2, 3]", ["Pro costs $29. [1]", "It renews yearly. [2, 3]"]),
        # A bold label is part of its sentence, in a document and in an answer alike.
        ("**Pagination.** API v2 uses cursors.", ["**Pagination.** API v2 uses cursors."]),
        # A question mark inside a list of characters is no boundary: no capital follows it.
        ('Names such as `: * ? " < >` fail. Rename them.', ['Names such as `: * ? " < >` fail.', "Rename them."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Rao approves refunds. Ask her.", ["Dr. Rao approves refunds.", "Ask her."]),
        ("Use e.g. Chrome. Or Firefox!", ["Use e.g. Chrome.", "Or Firefox!"]),
        ("Hosted in the U.S. Data stays there.", ["Hosted in the U.S. Data stays there."]),
        ("Servers are in the U.S. The backups are too.", ["Servers are in the U.S.", "The backups are too."]),
        ("Logs, files, etc. It keeps them.", ["Logs, files, etc.", "It keeps them."]),
        ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
        ("Ask Dr. The Smith office.", ["Ask Dr. The Smith office."]),  # a title never ends a sentence
        ("See Fig. 3 for the steps.", ["See Fig. 3 for the steps."]),
        ("No. That offer is a scam.", ["No.", "That offer is a scam."]),
        # A possessive's "s" is no initial.
        (
            "It counts toward yours, not the uploader's. If you run out, uploads stop.",
            ["It counts toward yours, not the uploader's.", "If you run out, uploads stop."],
        ),
    ],
)
def test_abbreviations_and_initials(text: str, expected: list[str]) -> None:
    assert _sents(text) == expected


@pytest.mark.parametrize(
    ("text", "dot", "expected"),
    [
        ("e.g. Chrome", 3, True),
        ("Mr. Smith", 2, True),
        ("the U.S. The", 7, False),  # an opener follows
        ("the end. Next", 7, False),
        ("Plan A. Next", 6, True),
        ("Plan A. The next", 6, False),
        ("uploader's. If", 10, False),
        ("x" * 200 + ". Next", 200, False),
    ],
)
def test_is_abbreviation(text: str, dot: int, expected: bool) -> None:
    assert text[dot] == "."
    assert is_abbreviation(text, dot) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First fact.Second fact.", ["First fact.", "Second fact."]),
        ("in the 19th century.First for Women is", ["in the 19th century.", "First for Women is"]),
        ("won 6-1.Rafael won", ["won 6-1.", "Rafael won"]),
        ("by the ATP (ATP).Raffaella", ["by the ATP (ATP).", "Raffaella"]),
        ("Made in the U.S.A.Then", ["Made in the U.S.A.Then"]),
        ("Open README.Md now", ["Open README.Md now"]),  # capitals before the dot: a name, not two sentences
    ],
)
def test_glued_source_text(text: str, expected: list[str]) -> None:
    assert _sents(text, glued=True) == expected
    assert _sents(text) == [text]  # without glued, a full stop needs a space after it


def test_offsets_are_absolute_inside_a_range() -> None:
    text = "Intro. One here. Two there. Outro."
    start, end = text.index("One"), text.index(" Outro")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["One here.", "Two there."]


@pytest.mark.parametrize("text", ["  Lead space. Then more.  ", "A.\n\nB c d. E f [1].", "x" * 50 + ". Y"])
def test_spans_are_exact_and_trimmed(text: str) -> None:
    for s, e in split_sentences(text, glued=True):
        assert text[s:e] == text[s:e].strip() and text[s:e]


def test_the_word_before_a_full_stop_is_searched_in_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear time: each full stop looks back a bounded number of characters, however long the text
    (the answer-side splitter once searched the whole prefix at every full stop)."""
    windows: list[int] = []
    pattern = sentences_module._WORD_BEFORE_DOT

    class Recording:
        def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
            windows.append(endpos - pos)
            return pattern.search(text, pos, endpos)

    monkeypatch.setattr(sentences_module, "_WORD_BEFORE_DOT", Recording())
    text = "See e.g. Chrome, Dr. Rao, U.S. Offices, etc. And more " * 400
    assert len(split_sentences(text)) == 1
    assert len(windows) >= 4 * 400
    assert max(windows) <= sentences_module._LOOKBACK


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


def test_document_sentences_never_cross_a_block() -> None:
    text = "# Refunds\nRefunds take 5 days\n\n- Pro: $29. Renews yearly.\n| Plan | Price |"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "# Refunds",
        "Refunds take 5 days",
        "- Pro: $29.",
        "Renews yearly.",
        "| Plan | Price |",
    ]
    assert sentence_spans(text) == [span for _, spans in document_sentences(text) for span in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How do I reset my password?", ["how", "do", "i", "reset", "my", "password"]),
        ("It's the team’s 2FA code", ["it's", "the", "team’s", "2fa", "code"]),
        ("up-to-date, v2.3", ["up", "to", "date", "v2", "3"]),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("forms", "meet"),
    [
        (["refund", "refunds", "refunded", "Refunding"], True),
        (["charge", "charged", "charges"], True),
        (["day", "days"], True),
        (["delete", "deleted", "deletion"], True),
        (["team", "team's", "team’s"], True),
        (["not", "note"], False),
        (["share", "shore"], False),
    ],
)
def test_stem(forms: list[str], meet: bool) -> None:
    assert (len({stem(w) for w in forms}) == 1) is meet
    assert stem_words(forms) == [stem(w) for w in forms]


@pytest.mark.parametrize(
    ("word", "stop"),
    [("the", True), ("not", True), ("without", True), ("it's", True), ("refund", False), ("plan", False)],
)
def test_stop_words(word: str, stop: bool) -> None:
    assert (word in STOP_WORDS) is stop


VERIFY_TEXT = """# Deleting an account

- **Cooling-off period.** For 14 days your account is disabled. Sign in to keep it.
- Shared folders you own are deleted for every member, not the uploader's. Transfer them first.

| Plan | Retention |
"""


def test_a_passage_sent_to_verify_is_cut_as_ingestion_cuts_documents() -> None:
    """The same text gives the same evidence sentences as a raw /v1/verify passage, as a text cut by
    passages_from_text, and as an ingested document's chunk."""
    chunk = chunk_document(VERIFY_TEXT, "", lambda texts: [len(t.split()) + 2 for t in texts], 512)[0]
    raw = Passage("input-1", "input-1", "", "", None, None, "input-1", 0, len(VERIFY_TEXT), VERIFY_TEXT, 1.0)
    ingested = [(s.start, s.end) for s in passage_sentences([replace(raw, sentences=chunk.sentences)])]
    assert [(s.start, s.end) for s in passage_sentences([raw])] == ingested
    assert [span for p in passages_from_text(VERIFY_TEXT, per_passage=2) for span in p.sentences] == ingested
    assert len(ingested) == 6  # the heading, two sentences in each item, the table row
