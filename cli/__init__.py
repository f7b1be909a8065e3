"""The `tether` command. Settings are built here, at the entry point, and passed down."""

from __future__ import annotations

from cli.main import main

__all__ = ["main"]
