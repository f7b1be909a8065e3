"""The layer rule, checked on every import (lazy ones inside functions included):

    ingestion  <-  app  <-  {evals, training, bench}  <-  cli

A layer imports only from itself and the layers to its left; evals, training and the benchmarks are
siblings and do not import each other. Tests may import anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("ingestion", "app", "evals", "training", "bench", "cli")
ALLOWED = {
    "ingestion": {"ingestion"},
    "app": {"ingestion", "app"},
    "evals": {"ingestion", "app", "evals"},
    "training": {"ingestion", "app", "training"},
    "bench": {"ingestion", "app", "bench"},
    "cli": {"ingestion", "app", "evals", "training", "cli"},
}


def imported_layers(source: str) -> set[tuple[int, str]]:
    """(line, top-level project package) for every absolute import in `source`."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {(node.lineno, n.split(".")[0]) for n in names if n.split(".")[0] in PROJECT}
    return found


def test_the_rule_sees_lazy_and_dotted_imports() -> None:
    src = "import app.settings\ndef f():\n    from evals.gate import x\n    import numpy\nfrom . import sibling\n"
    assert imported_layers(src) == {(1, "app"), (3, "evals")}


@pytest.mark.parametrize("layer", PROJECT)
def test_imports_run_one_way(layer: str) -> None:
    wrong = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[:2] == ("training", "data"):  # data-writing scripts, not part of the package
            continue
        for line, target in imported_layers(path.read_text(encoding="utf-8")):
            if target not in ALLOWED[layer]:
                wrong.append(f"{rel}:{line} imports {target}")
    assert not wrong, f"{layer} may import only {sorted(ALLOWED[layer])}:\n" + "\n".join(wrong)
