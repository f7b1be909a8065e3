"""Markdown (YAML front matter carries the metadata) and plain text."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

import yaml

from ingestion.loaders.base import LoadedDocument, LoadError, as_tags, decode_text, normalise_text, opt_str

_H1 = re.compile(r"^#\s+(.+)$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)  # a front-matter fence, as python-frontmatter reads it


def _fallback_title(source: str) -> str:
    return PurePosixPath(source.split("#", 1)[0]).stem.replace("-", " ").replace("_", " ").strip().capitalize()


# Front matter is a few lines of metadata; anything larger is not metadata.
MAX_FRONT_MATTER_CHARS = 64 * 1024


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases: `*name` lets a few hundred bytes expand into gigabytes
    ("billion laughs"), and front matter has no use for them."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


def _front_matter(raw: str) -> tuple[dict[str, Any], str]:
    """(metadata, body). Only a document that opens with a `---` line has front matter."""
    text = raw.strip()
    parts = _BOUNDARY.split(text, 2) if _BOUNDARY.match(text) else []
    if len(parts) != 3:
        return {}, raw
    _, fm, body = parts
    if len(fm) > MAX_FRONT_MATTER_CHARS:
        raise LoadError(f"front matter is {len(fm)} characters, over the limit of {MAX_FRONT_MATTER_CHARS}")
    try:
        meta = yaml.load(fm, Loader=_NoAliasLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise LoadError(f"invalid YAML front matter: {str(exc).splitlines()[0]}") from exc
    except RecursionError:
        raise LoadError("invalid YAML front matter: nested too deeply") from None
    return (meta if isinstance(meta, dict) else {}), body.strip()


def load_markdown(source: str, data: bytes) -> list[LoadedDocument]:
    meta, body = _front_matter(decode_text(data))
    # HTML comments are invisible on the rendered page: like hidden HTML, they never enter the corpus.
    text = normalise_text(_COMMENT.sub("", body))
    if not text:
        return []
    h1 = _H1.search(text)
    title = opt_str(meta.get("title"), "title") or (h1.group(1).strip() if h1 else _fallback_title(source))
    return [
        LoadedDocument(
            source=source,
            title=title,
            text=text,
            format="markdown",
            uri=opt_str(meta.get("uri") or meta.get("url"), "uri"),
            version=opt_str(meta.get("version"), "version"),
            verified_by=opt_str(meta.get("verified_by"), "verified_by"),
            verified_at=opt_str(meta.get("verified_at"), "verified_at"),
            tags=as_tags(meta.get("tags")),
        )
    ]


def load_text(source: str, data: bytes) -> list[LoadedDocument]:
    text = normalise_text(decode_text(data))
    if not text:
        return []
    first = text.split("\n", 1)[0].strip()
    title = first if len(first) <= 120 else _fallback_title(source)
    return [LoadedDocument(source=source, title=title, text=text, format="text")]
