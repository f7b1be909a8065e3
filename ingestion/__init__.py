"""Batch ingestion: knowledge-base files -> chunks -> embeddings -> FAISS + SQL store."""
