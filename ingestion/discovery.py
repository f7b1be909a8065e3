"""Which files an ingestion looks at, and the stable source name each one gets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: Path
    source: str  # relative to the folder named on the command line (POSIX separators)


def _skipped(rel: Path) -> bool:
    # Hidden files and folders, and names starting with "_" (build scripts, drafts), are not content.
    return any(part.startswith((".", "_")) for part in rel.parts)


def discover(paths: list[Path]) -> tuple[list[FoundFile], list[tuple[str, str]]]:
    """Files under `paths` (folders walked recursively, sorted) and (path, error) for missing ones."""
    found: list[FoundFile] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for root in paths:
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                rel = p.relative_to(root)
                if p.is_file() and not _skipped(rel):
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
