"""PDF: text per page; page spans are kept so a citation can name its page."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import LimitReachedError, PyPdfError

from ingestion.loaders.base import LoadedDocument, LoadError, normalise_text, opt_str


def load_pdf(source: str, data: bytes) -> list[LoadedDocument]:
    if not data.startswith(b"%PDF"):
        raise LoadError("not a PDF (missing %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise LoadError("PDF is encrypted")
        page_texts = [normalise_text(p.extract_text() or "") for p in reader.pages]
        info = reader.metadata
    except LoadError:
        raise
    except LimitReachedError as exc:  # a decompression bomb, or a structure past pypdf's own bounds
        raise LoadError(f"PDF over a parser limit: {exc}") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise LoadError(f"corrupt or truncated PDF: {exc}") from exc
    parts: list[str] = []
    pages: list[list[int]] = []
    pos = 0
    for i, t in enumerate(page_texts, start=1):
        if not t:
            continue
        if parts:
            pos += 2  # the "\n\n" joining pages
        pages.append([i, pos, pos + len(t)])
        parts.append(t)
        pos += len(t)
    text = "\n\n".join(parts)
    if not text:
        return []
    title = opt_str(info.title if info else None) or text.split("\n", 1)[0][:120]
    return [
        LoadedDocument(
            source=source,
            title=title,
            text=text,
            format="pdf",
            uri=None,
            version=None,
            extra={"pages": pages},
        )
    ]
