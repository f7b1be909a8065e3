"""Hybrid retrieval over one collection's snapshot: dense (FAISS) + lexical (BM25), fused."""
