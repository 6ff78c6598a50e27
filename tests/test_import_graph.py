"""No module of Satchel imports another that imports it back, directly or round a loop.

Every import counts: at the top, inside a function, and under `if TYPE_CHECKING:` — a
loop that only the type checker follows still means neither module can be read, tested
or moved without the other. Read from the source (the AST), so nothing is imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

import satchel

SRC = Path(satchel.__file__).resolve().parent.parent


def _modules() -> dict[str, Path]:
    found = {}
    for file in (SRC / "satchel").rglob("*.py"):
        parts = file.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = file
    return found


def _imports(name: str, file: Path, modules: dict[str, Path]) -> set[str]:
    """The Satchel modules `name` imports anywhere in its source."""
    package = name.split(".") if file.name == "__init__.py" else name.split(".")[:-1]
    targets: list[str] = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[: len(package) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                # `from satchel.core import schema` imports the module satchel.core.schema.
                candidate = f"{base}.{alias.name}"
                targets.append(candidate if candidate in modules else base)
    out = set()
    for target in targets:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        if target and target != name:
            out.add(target)
    return out


def _loops(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return loops


def test_no_module_imports_another_that_imports_it_back() -> None:
    modules = _modules()
    edges = {name: _imports(name, file, modules) for name, file in modules.items()}
    assert _loops(edges) == []


def test_the_check_sees_an_import_under_type_checking(tmp_path: Path) -> None:
    # The check itself must not miss the kind of loop it exists for.
    (tmp_path / "satchel").mkdir()
    (tmp_path / "satchel" / "__init__.py").write_text("")
    (tmp_path / "satchel" / "a.py").write_text("from satchel.b import B\n")
    (tmp_path / "satchel" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from satchel import a\n"
    )
    modules = {
        "satchel": tmp_path / "satchel" / "__init__.py",
        "satchel.a": tmp_path / "satchel" / "a.py",
        "satchel.b": tmp_path / "satchel" / "b.py",
    }
    edges = {name: _imports(name, file, modules) for name, file in modules.items()}
    assert _loops(edges) == [["satchel.a", "satchel.b"]]
