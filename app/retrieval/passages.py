"""The passage record handed from retrieval to prompting, the LLM backends and the verifier."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrieved chunk. `start`/`end` and `sentences` are offsets into the document's normalised
    text, so `doc_text[start:end] == text` and each sentence is `doc_text[s:e]`."""

    chunk_id: str
    doc_id: str
    collection: str
    title: str
    uri: str | None
    version: str | None
    source: str
    start: int
    end: int
    text: str
    score: float
    sentences: tuple[tuple[int, int], ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    heading: str = ""  # the heading path the chunk sits under ("Business plan > Limits"), if any

    def sentence_texts(self) -> list[tuple[int, int, str]]:
        """(doc_start, doc_end, text) for each sentence of the passage."""
        return [(s, e, self.text[s - self.start : e - self.start]) for s, e in self.sentences]
