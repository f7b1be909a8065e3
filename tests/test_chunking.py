import itertools
import re
from collections.abc import Sequence

import pytest

from ingestion.chunking import chunk_document
from ingestion.embedder import SentenceTransformerEmbedder
from ingestion.text import document_sentences


def words(texts: Sequence[str]) -> list[int]:
    """A stand-in tokenizer: one token per whitespace word, plus the 2 special tokens."""
    return [len(t.split()) + 2 for t in texts]


DOC = """# Storage limits

The Free plan includes 5 GB. The Personal plan includes 2 TB. The Business plan includes 5 TB per user.

## Upload limits

The Free plan accepts files up to 2 GB. The Business plan accepts files up to 100 GB.

- Item one is here.
- Item two is here.
"""


@pytest.mark.parametrize("max_tokens", [16, 24, 40, 200])
@pytest.mark.parametrize("overlap", [0, 1, 2])
def test_spans_exact_and_within_limit(max_tokens: int, overlap: int) -> None:
    chunks = chunk_document(DOC, "Limits", words, max_tokens, overlap)
    assert chunks
    for c in chunks:
        assert DOC[c.start : c.end] == c.text
        assert words([c.embed_text])[0] <= max_tokens
        assert c.n_tokens == words([c.embed_text])[0]
        for s, e in c.sentences:
            assert c.start <= s < e <= c.end
    covered = {i for c in chunks for s, e in c.sentences for i in range(s, e)}
    body = {i for i, ch in enumerate(DOC) if not ch.isspace()}
    assert body <= covered, "every non-space character belongs to some chunk"


def at_word_boundary(text: str, end: int) -> bool:
    """Does a span ending at `end` end after a whole word (whitespace or the text's end follows)?"""
    return end > 0 and not text[end - 1].isspace() and (end == len(text) or text[end].isspace())


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (DOC.index("5 GB.") + len("5 GB."), True),  # after a sentence
        (DOC.index("Free plan") + len("Free"), True),  # after a word
        (len(DOC.rstrip()), True),  # at the end of the text
        (DOC.index("includes") + 3, False),  # inside "includes"
        (DOC.index("Personal") + 1, False),  # inside a capitalised word
        (DOC.index("5 GB.") + len("5 GB"), False),  # between a word and its full stop
    ],
)
def test_word_boundary_check_rejects_a_cut_inside_a_word(end: int, expected: bool) -> None:
    assert at_word_boundary(DOC, end) is expected


@pytest.mark.parametrize("max_tokens", [16, 24, 40])
def test_never_splits_a_sentence(max_tokens: int) -> None:
    chunks = chunk_document(DOC, "Limits", words, max_tokens, 0)
    sentence_ends = {e for _, spans in document_sentences(DOC) for _, e in spans}
    for c in chunks:
        assert c.end in sentence_ends, f"chunk ends inside a sentence: ...{DOC[c.end - 20 : c.end + 20]!r}"
        assert at_word_boundary(DOC, c.end)
    sentence = "The Business plan includes 5 TB per user."
    assert any(sentence in c.text for c in chunks)


def test_heading_starts_chunk_and_never_dangles() -> None:
    chunks = chunk_document(DOC, "Limits", words, 24, 0)
    for c in chunks:
        last_start = c.sentences[-1][0]
        assert not (DOC[last_start] == "#" and len(c.sentences) > 1)
    assert any(c.text.startswith("## Upload limits") for c in chunks)


def test_heading_path_prefixes_continuation_chunks() -> None:
    chunks = chunk_document(DOC, "Limits", words, 28, 0)
    cont = [c for c in chunks if not c.text.startswith("#")]
    assert cont and all(c.embed_text.startswith("Limits > Storage limits") for c in cont)


def test_overlong_sentence_is_cut_at_words_to_fit() -> None:
    doc = "word " * 100 + "end."
    chunks = chunk_document(doc.strip(), "T", words, 20, 0)
    assert len(chunks) > 1
    assert all(words([c.embed_text])[0] <= 20 for c in chunks)
    assert all(at_word_boundary(doc.strip(), c.end) for c in chunks)
    assert "".join(c.text.replace(" ", "") for c in chunks) == doc.replace(" ", "").strip()


def test_overlap_repeats_trailing_sentence() -> None:
    doc = " ".join(f"Sentence number {i} is here." for i in range(12))
    chunks = chunk_document(doc, "", words, 30, 1)
    assert len(chunks) >= 3
    for a, b in itertools.pairwise(chunks):
        assert b.sentences[0] == a.sentences[-1]


def test_empty_document_has_no_chunks() -> None:
    assert chunk_document("", "T", words, 50) == []


class CountingTokenizer:
    """`words`, recording how many characters it was asked to tokenize."""

    def __init__(self) -> None:
        self.chars = 0

    def __call__(self, texts: Sequence[str]) -> list[int]:
        self.chars += sum(len(t) for t in texts)
        return words(texts)


@pytest.mark.parametrize("n_words", [2_000, 20_000])
def test_a_long_sentence_is_tokenized_a_bounded_number_of_times(n_words: int) -> None:
    """Cost grows with the text: each character is tokenized a few times, not once per piece cut."""
    doc = " ".join(f"w{i % 97}" for i in range(n_words))  # no sentence boundary anywhere
    tok = CountingTokenizer()
    chunks = chunk_document(doc, "T", tok, 64, 1)
    assert chunks and all(words([c.embed_text])[0] <= 64 for c in chunks)
    assert "".join(c.text.replace(" ", "") for c in chunks) == doc.replace(" ", "")
    assert tok.chars <= 8 * len(doc), f"{tok.chars / len(doc):.0f}x the text was tokenized"


@pytest.mark.parametrize("length", [500, 5_000])
def test_a_word_longer_than_a_chunk_is_cut_at_characters(length: int) -> None:
    def chars(texts: Sequence[str]) -> list[int]:  # one token per 4 characters of each word
        return [sum(-(-len(w) // 4) for w in t.split()) + 2 for t in texts]

    doc = "Intro. " + "x" * length + " tail."
    chunks = chunk_document(doc, "", chars, 32, 0)
    assert all(chars([c.embed_text])[0] <= 32 for c in chunks)
    assert "".join(c.text for c in chunks).replace(" ", "") == doc.replace(" ", "")
    for c in chunks:
        assert doc[c.start : c.end] == c.text


def word_spans(text: str) -> list[tuple[int, int]]:
    """Offsets for `words`: one token per whitespace word."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def test_offsets_path_matches_the_counting_path() -> None:
    doc = "Intro here. " + " ".join(f"w{i}" for i in range(3_000)) + " end."
    tok = CountingTokenizer()
    with_offsets = chunk_document(doc, "T", tok, 40, 1, word_spans)
    assert with_offsets == chunk_document(doc, "T", words, 40, 1)
    assert tok.chars <= 6 * len(doc)


def test_real_tokenizer_on_a_long_sentence(embedder: SentenceTransformerEmbedder) -> None:
    doc = ", ".join(f"quota{i} for the shared folder of team {i % 13}" for i in range(1_500))
    chunks = chunk_document(doc, "Export", embedder.count_tokens, embedder.max_tokens, 1, embedder.token_spans)
    assert len(chunks) > 20
    assert max(embedder.count_tokens([c.embed_text for c in chunks])) <= embedder.max_tokens
    assert all(doc[c.start : c.end] == c.text for c in chunks)
    assert "".join(c.text for c in chunks).replace(" ", "") == doc.replace(" ", "")
