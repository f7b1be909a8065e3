"""HTML help pages: metadata from <title>/<meta>, main text only (no scripts, nav, header, footer)."""

from __future__ import annotations

import contextlib
import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from ingestion.loaders.base import LoadedDocument, as_tags, decode_text, normalise_text, opt_str

_DROP = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
]
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd", "tr", "caption"}


# Declarations that hide an element from a reader of the page.
_HIDING = re.compile(
    r"(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
    r"|(?:font-size|opacity)\s*:\s*(?:0+(?:\.0*)?|\.0+)[a-z%]*)\s*(?:!\s*important\s*)?(?:;|}|$)",
    re.IGNORECASE,
)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
MAX_HIDING_RULES = 200  # each one is a selector match over the whole page


_PRINT_MEDIA = re.compile(r"@media[^{]*\bprint\b[^{]*\{", re.IGNORECASE)


def _without_print_rules(css: str) -> str:
    """`css` less its `@media print { ... }` blocks: what a printout hides, a reader still sees."""
    kept, pos = [], 0
    while found := _PRINT_MEDIA.search(css, pos):
        kept.append(css[pos : found.start()])
        depth, i = 1, found.end()
        while i < len(css) and depth:  # one pass to the block's closing brace: linear in all
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        pos = i
    kept.append(css[pos:])
    return "".join(kept)


def _is_hidden(tag: Tag) -> bool:
    style = str(tag.get("style") or "")
    return tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or _HIDING.search(style) is not None


def _hidden_by_stylesheets(soup: BeautifulSoup) -> list[Tag]:
    """Elements that the page's own <style> rules hide (`.note { display: none }`): what a reader never
    sees is not content, wherever the rule that hides it is written."""
    selectors: list[str] = []
    for style in soup.find_all("style"):
        if "print" in str(style.get("media") or "").lower():
            continue
        css = _without_print_rules(_CSS_COMMENT.sub("", style.get_text()))
        for head, body in _RULE.findall(css):
            if _HIDING.search(body):
                selectors += [sel.strip() for sel in head.split(",") if sel.strip() and "@" not in sel]
    hidden: list[Tag] = []
    for sel in selectors[:MAX_HIDING_RULES]:
        # A selector soupsieve cannot read (::before, a typo) hides nothing.
        with contextlib.suppress(Exception):
            hidden += soup.select(sel)
    return hidden


def _block_text(tag: Tag) -> str:
    if tag.name == "tr":
        cells = [c.get_text(" ", strip=True) for c in tag.find_all(["td", "th"])]
        return "| " + " | ".join(cells) + " |"
    text = tag.get_text(" ", strip=True)
    if tag.name and tag.name[0] == "h" and tag.name[1:].isdigit():
        return "#" * int(tag.name[1:]) + " " + text
    if tag.name == "li":
        return "- " + text
    return text


# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">, looked for
# where a browser looks: in the first kilobytes, which every charset a page may declare spells in ASCII.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def load_html(source: str, data: bytes) -> list[LoadedDocument]:
    raw = decode_text(data, declared_charset(data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(raw, "html.parser")
    meta = {
        str(m.get("name") or m.get("property") or "").lower(): str(m.get("content") or "")
        for m in soup.find_all("meta")
        if m.get("content") is not None
    }
    title_tag = soup.find("title")
    hidden = _hidden_by_stylesheets(soup)
    for t in soup.find_all(_DROP):
        t.decompose()
    # Hidden elements are not what a reader of the page sees; they never enter the corpus.
    for t in hidden + [t for t in soup.find_all(True) if isinstance(t, Tag) and _is_hidden(t)]:
        if not t.decomposed:
            t.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    lines: list[str] = []
    for tag in root.find_all(_BLOCKS) if isinstance(root, Tag) else []:
        # Only the innermost block elements: an <li> holding a <p> contributes once.
        if any(isinstance(p, Tag) and p.name in _BLOCKS for p in tag.parents if p is not root):
            continue
        text = _block_text(tag)
        if text.strip("-#| "):
            lines.append(text)
    if not lines and isinstance(root, Tag):
        lines = [root.get_text("\n", strip=True)]
    text = normalise_text("\n\n".join(lines))
    if not text:
        return []
    h1 = soup.find("h1")
    title = (
        opt_str(meta.get("title"))
        or (title_tag.get_text(strip=True) if title_tag else None)
        or (h1.get_text(strip=True) if h1 else None)
        or source
    )
    return [
        LoadedDocument(
            source=source,
            title=title,
            text=text,
            format="html",
            uri=opt_str(meta.get("uri") or meta.get("og:url")),
            version=opt_str(meta.get("version")),
            verified_by=opt_str(meta.get("verified_by")),
            verified_at=opt_str(meta.get("verified_at")),
            tags=as_tags(meta.get("tags") or meta.get("keywords")),
        )
    ]
