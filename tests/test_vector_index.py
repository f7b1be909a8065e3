"""Contract of the index seams over each implementation: FAISS flat, HNSW and IVF (VectorIndex) and BM25
(LexicalSearch) honour `allowed` and `excluded` rows, and return ids that were added."""

from __future__ import annotations

import numpy as np
import pytest

from ingestion.lexical import LexicalIndex, top_k
from ingestion.manifests import Manifest
from ingestion.segments import build_segment
from ingestion.settings import IndexSettings
from ingestion.snapshot import assemble
from ingestion.vector_index import FaissIndex, choose_kind

DIM = 16


def _data(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    v = rng.standard_normal((n, DIM)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return np.arange(100, 100 + n, dtype=np.int64) * 3, v


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_vector_index_contract(kind: str) -> None:
    rows, vecs = _data(400)
    index = FaissIndex.build(DIM, rows, vecs, IndexSettings(kind=kind, ivf_nlist=4, ivf_nprobe=4))
    assert index.size == 400
    _, ids = index.search(vecs[5], 10)
    assert ids[0][0] == rows[5] and set(ids[0].tolist()) <= set(rows.tolist())
    _, ids = index.search(vecs[5], 10, excluded=rows[5:6])
    assert rows[5] not in ids[0]
    allowed = rows[::7]
    _, ids = index.search(vecs[5], 10, allowed=allowed)
    got = [i for i in ids[0].tolist() if i >= 0]
    assert got and set(got) <= set(allowed.tolist())
    _, ids = index.search(vecs[7], 10, allowed=allowed, excluded=rows[7:8])
    assert rows[7] not in ids[0] and set(i for i in ids[0].tolist() if i >= 0) <= set(allowed.tolist())
    scores, ids = index.search(vecs[0], 5, allowed=np.zeros(0, np.int64))
    assert (ids == -1).all() and np.isinf(scores).all()
    assert np.allclose(index.reconstruct(rows[3:4])[0], vecs[3], atol=1e-6)


def test_auto_kind_by_size() -> None:
    s = IndexSettings(auto_ivf_from=1000)
    assert choose_kind(s, 999) == "flat" and choose_kind(s, 1000) == "ivf"
    assert choose_kind(IndexSettings(kind="hnsw"), 10) == "hnsw"


def test_lexical_contract() -> None:
    rows = np.array([40, 10, 30, 20], dtype=np.int64)
    texts = ["refund policy for annual plans", "password reset link", "refund within 30 days", "storage quota"]
    index = LexicalIndex.build(rows, texts)
    assert index.rows.tolist() == [10, 20, 30, 40]
    assert {r for r, _ in index.search("refund", 10)} == {30, 40}
    assert [r for r, _ in index.search("refund", 10, excluded=np.array([40]))] == [30]
    assert [r for r, _ in index.search("refund", 10, allowed=np.array([40, 20]))] == [40]
    assert index.search("refund", 10, allowed=np.array([20])) == []
    assert index.search("zebra", 10) == []


def test_lexical_across_segments_weights_terms_by_the_collection() -> None:
    """A term held by one new document of a small segment gets the collection's IDF, not the segment's:
    the two-segment ranking is the one-index ranking."""
    texts = [f"storage plan number {i} with quota details" for i in range(40)] + ["courier leaves at dawn"]
    rows = np.arange(1, len(texts) + 1, dtype=np.int64)
    whole = LexicalIndex.build(rows, texts)
    old = build_segment("a", rows[:-1], np.zeros((40, 2)), texts[:-1], 2, IndexSettings(kind="flat"))
    new = build_segment("b", rows[-1:], np.zeros((1, 2)), texts[-1:], 2, IndexSettings(kind="flat"))
    snap = assemble("kb", Manifest(2, ("a", "b"), int(rows[-1]), 2), [old, new])
    query = "when does the courier leave with the storage plan"
    split, one = snap.search_lexical(query, 5), whole.search(query, 5)
    assert [r for r, _ in split][:1] == [r for r, _ in one][:1] == [41]
    assert np.isclose(split[0][1], one[0][1], rtol=0.3)  # length normalisation stays per segment


@pytest.mark.parametrize(("n", "k", "distinct"), [(10, 3, 5), (200_000, 50, 1_000), (200_000, 50, 3), (200_000, 5, 0)])
def test_lexical_top_k_is_the_sorted_head(n: int, k: int, distinct: int) -> None:
    """The top k of a large score array (its block-maximum shortcut included) is exactly the head of the
    scores sorted best first, ties in position order: many ties, mostly zeros, or no score at all."""
    rng = np.random.default_rng(n + k + distinct)
    totals = np.zeros(n, dtype=np.float32)
    scored = rng.choice(n, n // 20, replace=False)
    totals[scored] = rng.integers(1, distinct + 1, len(scored)) if distinct else 0
    expected = sorted((i for i in range(n) if totals[i] > 0), key=lambda i: (-totals[i], i))[:k]
    assert [d for d, _ in top_k(totals, k)] == expected
