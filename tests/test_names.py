"""One definition per public name: a public (non-underscore) top-level function or class is defined in
one module of the project, so a name read in an import, a traceback or a grep means one thing.

Exempt: `main`, the entry point each `python -m` module runs; the Alembic migrations, whose
`upgrade`/`downgrade` Alembic requires in every revision; and training/data, data-writing scripts that
are not part of the package (as in tests/test_layers.py).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ingestion", "app", "evals", "training", "bench", "cli")
ENTRY_POINTS = frozenset({"main"})
NOT_PACKAGE = (("ingestion", "store", "migrations"), ("training", "data"))


def public_definitions(source: str) -> list[str]:
    """Names of the public functions and classes defined at the top level of `source`."""
    nodes = ast.parse(source).body
    defs = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return [n.name for n in nodes if isinstance(n, defs) and not n.name.startswith("_")]


def duplicates(modules: dict[str, str]) -> dict[str, list[str]]:
    """name -> the modules defining it, for each public name defined in more than one of `modules`."""
    where: dict[str, list[str]] = defaultdict(list)
    for module, source in modules.items():
        for name in public_definitions(source):
            if name not in ENTRY_POINTS:
                where[name].append(module)
    return {name: paths for name, paths in sorted(where.items()) if len(paths) > 1}


def test_the_scan_sees_functions_and_classes_but_not_private_or_nested_ones() -> None:
    a = "def load(): pass\nclass Item: pass\ndef _helper(): pass\ndef main(): pass\n"
    b = "async def load(): pass\nclass Other:\n    def load(self): pass\ndef main(): pass\n"
    c = "def outer():\n    def Item(): pass\n_x = 1\n"
    assert duplicates({"a.py": a, "b.py": b, "c.py": c}) == {"load": ["a.py", "b.py"]}


def test_each_public_name_is_defined_once() -> None:
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT)
            if any(rel.parts[: len(p)] == p for p in NOT_PACKAGE):
                continue
            modules[str(rel)] = path.read_text(encoding="utf-8")
    assert len(modules) > 50  # the scan found the project
    found = duplicates(modules)
    listed = "\n".join(f"  {name}: {', '.join(paths)}" for name, paths in found.items())
    assert not found, f"public names defined in more than one module (rename one, or import it):\n{listed}"
