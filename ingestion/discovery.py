"""Which files an ingestion looks at, and the stable source name each one gets."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: Path
    source: str  # relative to the folder named on the command line (POSIX separators)


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
    seen: set[str] = set()
    for root in paths:
        if root.is_dir():
            files, refused = _walk(root)
            errors.extend(refused)
            for p in files:
                rel = p.relative_to(root)
                if not _skipped(rel):
                    f = FoundFile(p, rel.as_posix())
                    if f.source not in seen:
                        seen.add(f.source)
                        found.append(f)
        elif root.is_file():
            if root.name not in seen:
                seen.add(root.name)
                found.append(FoundFile(root, root.name))
        else:
            errors.append((str(root), "no such file or directory"))
    return found, errors
