"""PDF: text per page; page spans are kept so a citation can name its page. A PDF's text comes out in its
printed lines, so a sentence the layout wrapped is joined back (`reflow`): cut at the line break, "...
supersedes version 2.0 of the Larkbox Service" / "Level Agreement, which took effect on 1 February 2025."
were two sentences, the second one quotable on its own and the first one a fragment."""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass

from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError, PyPdfError

from ingestion.loaders.base import LoadedDocument, LoadError, normalise_text, opt_str


@dataclass(frozen=True, slots=True)
class PdfBudget:
    """What one PDF may cost. Text extraction parses every byte of each page's decompressed content, at a
    few MB a second: a 57 KB file can inflate to 60 MB, and pages may all draw the same stream."""

    content_bytes: int = 16_000_000  # decompressed page content, summed over pages (a shared stream counts each time)
    seconds: float = 30.0  # parse time, checked between pages


def load_pdf(source: str, data: bytes, budget: PdfBudget | None = None) -> list[LoadedDocument]:
    if not data.startswith(b"%PDF"):
        raise LoadError("not a PDF (missing %PDF header)")
    budget = budget or PdfBudget()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        # One stream may not inflate past the whole document's budget (pypdf's own default is 75 MB).
        with apply_configuration(
            zlib_maximum_output_length=budget.content_bytes,
            lzw_maximum_output_length=budget.content_bytes,
            run_length_maximum_output_length=budget.content_bytes,
        ):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise LoadError("PDF is encrypted")
            page_texts = _page_texts(reader, budget)
            info = reader.metadata
    except LoadError:
        raise
    except LimitReachedError as exc:  # a decompression bomb, or a structure past pypdf's own bounds
        raise LoadError(
            f"PDF over a parser limit ({exc}); page content may inflate to {budget.content_bytes} bytes "
            "(TETHER_INGEST__MAX_PDF_CONTENT_BYTES)"
        ) from exc
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


def _page_texts(reader: PdfReader, budget: PdfBudget) -> list[str]:
    t0, used, texts = time.perf_counter(), 0, []
    for i, page in enumerate(reader.pages, start=1):
        contents = page.get_contents()
        used += len(contents.get_data()) if contents is not None else 0
        if used > budget.content_bytes:
            raise LoadError(
                f"PDF page content inflates past {budget.content_bytes} bytes by page {i} "
                "(TETHER_INGEST__MAX_PDF_CONTENT_BYTES)"
            )
        texts.append(reflow(normalise_text(page.extract_text() or "")))
        if time.perf_counter() - t0 > budget.seconds:
            raise LoadError(f"PDF took over {budget.seconds} s to parse, by page {i} (TETHER_INGEST__MAX_PDF_SECONDS)")
    return texts


FULL_LINE = 0.7  # a line at least this share of the page's longest runs to the margin: the layout wrapped it
_ENDS = re.compile(r"[.!?:;]['\")\]]*$")
# A line that starts something of its own: a list item, a numbered heading ("2. Uptime commitment"), a footer.
_STARTS = re.compile(r"^(?:[-*•▪◦]\s|\(?\d{1,2}[.)]\s+[A-Z]|\(?[a-z][.)]\s|(?i:page) \d+ (?i:of) \d+$)")


def reflow(text: str) -> str:
    """Lines the layout wrapped, joined back into their sentence (pure). A line is joined to the next when
    it does not end a sentence and the next goes on with a lower-case word, or when it runs to the margin
    (at least FULL_LINE of the page's longest line), the next starts no list item, numbered heading or
    footer, and the sentence ends within the run of such lines. Table rows, titles and headings end no
    sentence, so a table whose rows all reach the margin stays one row a line."""
    lines = text.split("\n")
    width = max((len(line) for line in lines), default=0)
    full = [bool(line.strip()) and len(line) >= FULL_LINE * width for line in lines]
    # closes[i]: a sentence ends on line i, or on a later line that continues it.
    closes = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        here = lines[i].strip()
        ends = bool(_ENDS.search(here))
        goes_on = full[i] and i + 1 < len(lines) and not _STARTS.match(lines[i + 1].strip()) and closes[i + 1]
        closes[i] = bool(here) and (ends or goes_on)
    out: list[str] = []
    for i, line in enumerate(lines):
        here = line.strip()
        last = lines[i - 1] if i else ""
        if (
            out
            and last.strip()
            and here
            and not _ENDS.search(last.rstrip())
            and not _STARTS.match(here)
            and (here[0].islower() or (full[i - 1] and closes[i]))
        ):
            out[-1] = f"{out[-1].rstrip()} {here}"
        else:
            out.append(line)
    return "\n".join(out)
