"""Builders of hostile files for the ingestion tests: small on disk, costly to parse."""

from __future__ import annotations

import zlib


def pdf_with_stream(content: bytes, pages: int = 1) -> bytes:
    """A minimal valid PDF whose `pages` pages all draw one Flate-compressed content stream."""
    stream = zlib.compress(content, 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + font + b" /Contents 3 0 R >>"
    objs += [page] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_bomb(inflated_bytes: int, pages: int = 1) -> bytes:
    """One line of text, then `inflated_bytes` of blanks that compress to almost nothing."""
    return pdf_with_stream(b"BT /F1 12 Tf 72 700 Td (Bomb) Tj ET\n" + b" " * inflated_bytes, pages)


def deep_json(levels: int) -> bytes:
    """A JSONL FAQ record whose answer is an array nested `levels` deep."""
    return b'{"question": "Deep?", "answer": ' + b"[" * levels + b"]" * levels + b"}\n"
