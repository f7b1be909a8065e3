"""Lexical retrieval (BM25, Lucene variant) with bm25s and the shared stemmer (`ingestion.text`).

One index per segment. A term's weight (IDF) must be the collection's, not the segment's: a fresh segment
of one document would otherwise give every term it holds a tiny IDF and hide it behind older segments.
So a search across segments rescales each term's precomputed scores by the ratio of the two IDFs (as
Lucene takes term statistics from the whole index, not from one segment). Document-length normalisation
stays the segment's own; the size-tiered merges keep almost every row in a few large segments."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import bm25s
import numpy as np

from ingestion.text import stem_words


class LexicalSearch(Protocol):
    def search(
        self, query: str, k: int, allowed: np.ndarray | None = None, excluded: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """[(row, score)] best first, only rows sharing a term with the query, in `allowed` (when given)
        and not in `excluded`."""
        ...


def _tokenize(texts: Sequence[str]) -> bm25s.tokenization.Tokenized:
    return bm25s.tokenize(list(texts), stopwords="en", stemmer=stem_words, show_progress=False)


def query_terms(query: str) -> list[str]:
    """The query's indexed terms (stemmed, stop words dropped), repeats kept: BM25 sums them."""
    tokens = _tokenize([query])
    if not tokens.ids or not tokens.ids[0]:
        return []
    names = {i: t for t, i in tokens.vocab.items()}
    return [names[i] for i in tokens.ids[0]]


def lucene_idf(n_docs: int, df: int) -> float:
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


class LexicalIndex:
    """BM25 over chunk texts; `rows[i]` (ascending) is the store row of the i-th indexed chunk."""

    def __init__(self, retriever: bm25s.BM25 | None, rows: np.ndarray) -> None:
        self.retriever = retriever
        self.rows = rows

    @classmethod
    def build(cls, rows: np.ndarray, texts: Sequence[str]) -> LexicalIndex:
        if not len(texts):
            return cls(None, np.zeros(0, dtype=np.int64))
        order = np.argsort(rows, kind="stable")
        retriever = bm25s.BM25()
        retriever.index(_tokenize([texts[i] for i in order]), show_progress=False)
        return cls(retriever, np.asarray(rows, dtype=np.int64)[order])

    def _mask(self, allowed: np.ndarray | None, excluded: np.ndarray | None) -> np.ndarray | None:
        """1 for rows that may be returned, 0 otherwise (positions found in log time per row)."""
        if allowed is None and (excluded is None or not len(excluded)):
            return None
        if allowed is None:
            mask = np.ones(len(self.rows), dtype=np.float32)
        else:
            mask = np.zeros(len(self.rows), dtype=np.float32)
            mask[_positions(self.rows, np.asarray(allowed, dtype=np.int64))] = 1.0
        if excluded is not None and len(excluded):
            mask[_positions(self.rows, np.asarray(excluded, dtype=np.int64))] = 0.0
        return mask

    def search(
        self, query: str, k: int, allowed: np.ndarray | None = None, excluded: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        return self.search_terms(query_terms(query), k, None, allowed, excluded)

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        """Documents of this segment holding each term (its column's length in the score matrix)."""
        if self.retriever is None:
            return {}
        vocab, indptr = self.retriever.vocab_dict, self.retriever.scores["indptr"]
        return {t: int(indptr[vocab[t] + 1] - indptr[vocab[t]]) for t in set(terms) if t in vocab}

    def search_terms(
        self,
        terms: Sequence[str],
        k: int,
        idf: Mapping[str, float] | None,
        allowed: np.ndarray | None = None,
        excluded: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """BM25 of the terms (bm25s's precomputed scores, summed as bm25s does); with `idf`, each term
        weighted by that IDF instead of this segment's own."""
        if self.retriever is None or not len(self.rows) or not terms:
            return []
        mask = self._mask(allowed, excluded)
        if mask is not None and not mask.any():
            return []
        n = len(self.rows)
        vocab, sc = self.retriever.vocab_dict, self.retriever.scores
        df = self.doc_freqs(terms) if idf is not None else {}
        lists: list[_Postings] = []
        for t in terms:
            if t not in vocab:
                continue
            lo, hi = int(sc["indptr"][vocab[t]]), int(sc["indptr"][vocab[t] + 1])
            scale = np.float32(1.0 if idf is None else idf[t] / lucene_idf(n, df[t]))
            lists.append(_Postings(sc["indices"][lo:hi], sc["data"][lo:hi], scale))
        if not lists:
            return []
        totals = _accumulate(lists, n)
        if mask is not None:
            totals *= mask
        return [(int(self.rows[d]), score) for d, score in top_k(totals, k)]

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


@dataclass(frozen=True, slots=True)
class _Postings:
    docs: np.ndarray  # positions of the documents holding the term, ascending
    scores: np.ndarray  # the term's BM25 score in each
    scale: np.float32  # the collection's IDF over the segment's


def _accumulate(lists: Sequence[_Postings], n: int) -> np.ndarray:
    """Each document's summed score over the lists. A term's postings name each document once, so one
    unbuffered add per list (numpy's `add.at`, several times faster than a weighted `bincount`)."""
    totals = np.zeros(n, dtype=np.float32)
    for p in lists:
        np.add.at(totals, p.docs, p.scores if p.scale == 1 else p.scale * p.scores)
    return totals


def top_k(totals: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best positive scores, best first, ties in position order. Only values at least the k-th best
    block maximum can be in the top k (each of the k best blocks holds one that high): a partial sort of
    those few instead of a million scores."""
    if len(totals) > 64 * k:
        blocks = totals[: len(totals) // 64 * 64].reshape(-1, 64).max(axis=1)
        floor = float(np.partition(blocks, len(blocks) - k)[len(blocks) - k])
        hit = np.flatnonzero(totals >= max(floor, np.finfo(np.float32).tiny))
    else:
        hit = np.flatnonzero(totals > 0)
    if len(hit) > k:
        kth = totals[hit[np.argpartition(-totals[hit], k - 1)[k - 1]]]
        hit = hit[totals[hit] >= kth]  # every tie of the k-th: the position order decides among them
    top = hit[np.argsort(-totals[hit], kind="stable")][:k]
    return [(int(d), float(totals[d])) for d in top]


def _positions(index_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Positions in `index_rows` (ascending) of those of `rows` it holds."""
    pos = np.searchsorted(index_rows, rows)
    inside = pos < len(index_rows)
    pos, rows = pos[inside], rows[inside]
    return pos[index_rows[pos] == rows]
