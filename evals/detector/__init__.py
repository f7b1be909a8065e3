"""Hallucination-detector benchmarks of the grounding verifier on public labelled data."""
