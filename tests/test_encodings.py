"""Encodings a help centre really exports: HTML that declares its charset, and UTF-16 text with a byte-
order mark. They are decoded as declared; undeclared bytes that are not UTF-8 are still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.loaders import LoadError, load_file

TEXT = "Prix : 15 € par utilisateur, café compris."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("latin.html", f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT}</p></body></html>'),
        (
            "iso.html",
            "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-15'>"
            f"</head><body><p>{TEXT}</p></body></html>",
        ),
    ],
)
def test_html_is_decoded_as_its_meta_charset_declares(name: str, data: str) -> None:
    charset = "windows-1252" if "1252" in data else "iso-8859-15"
    [doc] = load_file(Path(name), name, data.encode(charset))
    assert TEXT in doc.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("name", ["note.md", "note.txt", "faq.csv", "page.html"])
def test_utf16_and_utf32_with_a_bom_are_read(codec: str, name: str) -> None:
    body = {
        "note.md": f"# Prices\n\n{TEXT}\n",
        "note.txt": f"Prices\n\n{TEXT}\n",
        "faq.csv": f'question,answer\nHow much?,"{TEXT}"\n',
        "page.html": f"<html><body><p>{TEXT}</p></body></html>",
    }[name]
    bom = {"utf-16": b"", "utf-16-be": b"\xfe\xff", "utf-32": b""}[codec]  # utf-16/utf-32 write their own BOM
    docs = load_file(Path(name), name, bom + body.encode(codec))
    assert any(TEXT in d.text for d in docs)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("plain.txt", TEXT.encode("windows-1252"), "not valid UTF-8"),  # nothing declares it
        ("utf7.html", b'<meta charset="utf-7"><p>+AGEAYgBj-</p>', "charset"),  # a charset that hides markup
        ("rot.html", b'<meta charset="rot13"><p>nop</p>', "charset"),  # not a text encoding
        ("odd.txt", b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00", "UTF-16"),  # a BOM, then a torn code unit
    ],
)
def test_undeclared_or_unsafe_encodings_are_refused(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        load_file(Path(name), name, data)
