"""Markdown (YAML front matter carries the metadata) and plain text."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import frontmatter
import yaml

from ingestion.loaders.base import LoadedDocument, LoadError, as_tags, decode_utf8, normalise_text, opt_str

_H1 = re.compile(r"^#\s+(.+)$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _fallback_title(source: str) -> str:
    return PurePosixPath(source.split("#", 1)[0]).stem.replace("-", " ").replace("_", " ").strip().capitalize()


def load_markdown(source: str, data: bytes) -> list[LoadedDocument]:
    raw = decode_utf8(data)
    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        raise LoadError(f"invalid YAML front matter: {str(exc).splitlines()[0]}") from exc
    meta = post.metadata
    # HTML comments are invisible on the rendered page: like hidden HTML, they never enter the corpus.
    text = normalise_text(_COMMENT.sub("", post.content))
    if not text:
        return []
    h1 = _H1.search(text)
    title = opt_str(meta.get("title")) or (h1.group(1).strip() if h1 else _fallback_title(source))
    return [
        LoadedDocument(
            source=source,
            title=title,
            text=text,
            format="markdown",
            uri=opt_str(meta.get("uri") or meta.get("url")),
            version=opt_str(meta.get("version")),
            verified_by=opt_str(meta.get("verified_by")),
            verified_at=opt_str(meta.get("verified_at")),
            tags=as_tags(meta.get("tags")),
        )
    ]


def load_text(source: str, data: bytes) -> list[LoadedDocument]:
    text = normalise_text(decode_utf8(data))
    if not text:
        return []
    first = text.split("\n", 1)[0].strip()
    title = first if len(first) <= 120 else _fallback_title(source)
    return [LoadedDocument(source=source, title=title, text=text, format="text")]
