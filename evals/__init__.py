"""Evaluation suites and detector benchmarks that drive the service from outside."""
