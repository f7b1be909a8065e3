"""Serving: retrieval, grounded generation, verification, and the HTTP API."""
