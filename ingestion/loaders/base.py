"""The loaded-document record and text normalisation shared by every loader."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any


class LoadError(Exception):
    """A file that cannot be ingested; the message says why (the pipeline adds the path)."""


@dataclass(slots=True)
class LoadedDocument:
    source: str  # stable name inside the collection: relative path, or path#record-id
    title: str
    text: str  # normalised; every chunk and citation offset refers to this string
    format: str
    uri: str | None = None
    version: str | None = None
    verified_by: str | None = None
    verified_at: str | None = None
    tags: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. PDF page spans


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Unicode format characters (category Cf: zero-width joiners, word joiner, BOM, soft hyphen, bidi
# overrides, tag characters). Invisible to a reader, they split words for every filter and tokenizer
# ("Ig\u200dnore all previous instructions" passed the injection filter), so they are removed.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def strip_format_chars(text: str) -> str:
    return _FORMAT.sub("", text)


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no control or format characters, runs of spaces collapsed, at most one blank
    line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _FORMAT.sub("", _CONTROL.sub("", text))
    lines = [_SPACES.sub(" ", ln).rstrip() for ln in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


# Byte-order marks, longest first (a UTF-32 LE mark begins like a UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Declared charsets refused even though Python can decode them: UTF-7 hides markup in plain ASCII.
_UNSAFE_CHARSETS = {"utf-7", "utf_7"}


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Text from bytes, strictly: a byte-order mark wins, then the charset the file declares (an HTML
    <meta>), then UTF-8. A mis-encoded file is an error, never mojibake in the corpus."""
    codec, name = "utf-8", "UTF-8"
    for bom, bom_codec, bom_name in _BOMS:
        if data.startswith(bom):
            codec, name, data = bom_codec, bom_name, data[len(bom) :]
            break
    else:
        if declared:
            codec, name = _declared_codec(declared), declared
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise LoadError(f"not valid {name} (byte {exc.start}: {data[exc.start : exc.start + 4]!r})") from exc
    if "\x00" in text:
        raise LoadError("binary content (NUL bytes) in a text file")
    return text


def _declared_codec(charset: str) -> str:
    try:
        info = codecs.lookup(charset.strip())
    except LookupError:
        raise LoadError(f"unknown charset {charset!r} declared") from None
    if info.name in _UNSAFE_CHARSETS or not getattr(info, "_is_text_encoding", True):
        raise LoadError(f"charset {charset!r} is not accepted")
    return info.name


_SCALARS = (str, int, float, date)  # bool is an int; datetime a date (YAML turns 2026-01-02 into a date)


def _scalar(value: Any, what: str) -> str:
    # str() of a list or mapping would write its whole structure into the field: refuse it instead.
    if not isinstance(value, _SCALARS):
        raise LoadError(f"metadata {what} must be a single value, not a {type(value).__name__}")
    return str(value)


def as_tags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        parts = re.split(r"[;,]", value)
    elif isinstance(value, list | tuple):
        parts = [_scalar(v, "tags") for v in value]
    else:
        parts = [_scalar(value, "tags")]
    return [p.strip() for p in parts if p and p.strip()]


def opt_str(value: Any, what: str = "value") -> str | None:
    """A metadata field as text, None when absent; a list or mapping is a LoadError naming `what`."""
    if value is None or value == "":
        return None
    return _scalar(value, what)
