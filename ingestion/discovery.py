"""Which files an ingestion looks at, and the stable source name each one gets."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: Path
    source: str  # relative to the folder named on the command line (POSIX separators)


def source_name(path: str) -> str:
    """The source a path is stored under: NFC, so that "café.md" typed on macOS (NFD) and on Linux (NFC)
    is one document, not two that look the same."""
    return unicodedata.normalize("NFC", path)


def source_key(source: str) -> str:
    """What two sources must not share: names that differ only in case or Unicode form read as one."""
    return unicodedata.normalize("NFC", source).casefold()


def bad_source_char(source: str) -> str | None:
    """The first character a source name may not hold: controls, and format characters such as the
    right-to-left override that makes "\u202egnp.md" display as "dm.png"."""
    for ch in source:
        if unicodedata.category(ch) in ("Cc", "Cf"):
            return f"U+{ord(ch):04X}"
    return None


def _skipped(rel: Path) -> bool:
    # Hidden files and folders, and names starting with "_" (build scripts, drafts), are not content.
    return any(part.startswith((".", "_")) for part in rel.parts)


def _walk(root: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files under `root`, sorted, and (path, reason) for each link that is not followed.

    A link is content only when it stays inside `root`: `passwd.txt -> /etc/passwd` in a knowledge base
    would otherwise be served to every query key. Linked folders are never walked (a link to `/` or to
    an ancestor would walk the whole disk, or forever)."""
    base = root.resolve()
    files: list[Path] = []
    refused: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):  # followlinks=False: linked folders are listed, not walked
        here = Path(dirpath)
        for d in dirnames:
            if (here / d).is_symlink() and not _skipped((here / d).relative_to(root)):
                refused.append((str(here / d), "symbolic link to a folder: not followed"))
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]  # never content: not walked
        for name in filenames:
            p = here / name
            if p.is_symlink() and not _skipped(p.relative_to(root)) and not p.resolve().is_relative_to(base):
                refused.append((str(p), "symbolic link to a file outside the ingested folder: skipped"))
            elif p.is_file():
                files.append(p)
    return sorted(files), sorted(refused)


def discover(paths: list[Path]) -> tuple[list[FoundFile], list[tuple[str, str]]]:
    """Files under `paths` (folders walked recursively, sorted) and (path, error) for missing ones and
    for links that are not followed."""
    found: list[FoundFile] = []
    errors: list[tuple[str, str]] = []
    seen: dict[str, Path] = {}
    for root in paths:
        if root.is_dir():
            files, refused = _walk(root)
            errors.extend(refused)
            for p in files:
                rel = p.relative_to(root)
                if not _skipped(rel):
                    _add(FoundFile(p, source_name(rel.as_posix())), found, seen, errors)
        elif root.is_file():
            _add(FoundFile(root, source_name(root.name)), found, seen, errors)
        else:
            errors.append((str(root), "no such file or directory"))
    return found, errors


def _add(f: FoundFile, found: list[FoundFile], seen: dict[str, Path], errors: list[tuple[str, str]]) -> None:
    first = seen.get(f.source)
    if first is None:
        seen[f.source] = f.path
        found.append(f)
    elif first != f.path:  # two folders with the same file, or NFC and NFD spellings of one name
        errors.append((str(f.path), f"same source name {f.source!r} as {str(first)!r}: skipped"))
