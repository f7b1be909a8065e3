"""One loader per format. A loader turns one file into zero or more `LoadedDocument`s or raises
`LoadError` with a reason; the pipeline reports it by path and carries on with the batch."""

from __future__ import annotations

from pathlib import Path

from ingestion.loaders.base import LoadedDocument, LoadError, normalise_text
from ingestion.loaders.faq import load_csv, load_jsonl
from ingestion.loaders.html import load_html
from ingestion.loaders.markdown import load_markdown, load_text
from ingestion.loaders.pdf import PdfBudget, load_pdf

__all__ = [
    "LOADERS",
    "LoadError",
    "LoadedDocument",
    "PdfBudget",
    "load_file",
    "normalise_text",
    "supported_suffixes",
]

LOADERS = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".text": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".csv": load_csv,
    ".jsonl": load_jsonl,
}


def supported_suffixes() -> list[str]:
    return sorted(LOADERS)


def load_file(path: Path, source: str, data: bytes, pdf_budget: PdfBudget | None = None) -> list[LoadedDocument]:
    """Parse `data` (the bytes of `path`) into documents whose sources derive from `source`."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(
            f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(supported_suffixes())}"
        )
    if not data.strip():
        raise LoadError("file is empty")
    docs = load_pdf(source, data, pdf_budget) if loader is load_pdf else loader(source, data)
    if not docs:
        raise LoadError("no text could be extracted")
    return docs
