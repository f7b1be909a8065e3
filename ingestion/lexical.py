"""Lexical retrieval (BM25, Lucene variant) with bm25s and the shared stemmer (`ingestion.text`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from ingestion.text import stem_words


def _tokenize(texts: Sequence[str]) -> bm25s.tokenization.Tokenized:
    return bm25s.tokenize(list(texts), stopwords="en", stemmer=stem_words, show_progress=False)


class LexicalIndex:
    """BM25 over chunk texts; `rows[i]` is the store row of the i-th indexed chunk."""

    def __init__(self, retriever: bm25s.BM25 | None, rows: np.ndarray) -> None:
        self.retriever = retriever
        self.rows = rows

    @classmethod
    def build(cls, rows: np.ndarray, texts: Sequence[str]) -> LexicalIndex:
        if not len(texts):
            return cls(None, np.zeros(0, dtype=np.int64))
        retriever = bm25s.BM25()
        retriever.index(_tokenize(texts), show_progress=False)
        return cls(retriever, np.asarray(rows, dtype=np.int64))

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """[(row, score)] best first; only documents sharing a term with the query."""
        if self.retriever is None or not len(self.rows):
            return []
        tokens = _tokenize([query])
        if not tokens.ids or not tokens.ids[0]:
            return []
        k = min(k, len(self.rows))
        docs, scores = self.retriever.retrieve(tokens, k=k, show_progress=False, n_threads=1)
        return [(int(self.rows[d]), float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "rows.npy", self.rows)
        if self.retriever is not None:
            self.retriever.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        rows = np.load(folder / "rows.npy")
        if not len(rows):
            return cls(None, rows)
        retriever = bm25s.BM25.load(str(folder), show_progress=False, mmap=False)
        return cls(retriever, rows)
