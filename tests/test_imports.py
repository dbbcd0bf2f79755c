"""The package's import structure: no cycles, no private names across modules.

`lint-imports` (run by `make test`) checks the layer order of docs/architecture.md and cycles
between the modules of one package. Two rules it cannot state are checked here: no cycle at
all in the module graph (a package's `__init__` that imports a module which imports the
package back is one), and no module reaching into another's private names (`_page`,
`store._rows`): what two modules share is a public name of one of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

import quotetrail

PACKAGE_ROOT = Path(quotetrail.__file__).parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of two or more modules that import each other, directly or around a loop
    (Tarjan's algorithm, iterative so a deep graph cannot hit the recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(edges.get(step, ())))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_imports_strongly_connected_finds_loops(edges, expected):
    assert strongly_connected(edges) == expected


def test_imports_no_cycle_between_modules():
    graph = grimp.build_graph("quotetrail")
    edges = {
        module: set(graph.find_modules_directly_imported_by(module)) for module in graph.modules
    }
    assert strongly_connected(edges) == []


def private_names_used_across_modules(sources: dict[str, str]) -> list[str]:
    """Each place where a module imports another module's private name, or reaches a private
    attribute that only another module defines (`store._rows(...)` outside the store class's
    module). Private names of other libraries are not ours to judge and are skipped."""
    trees = {module: ast.parse(source) for module, source in sources.items()}
    defined = {module: _names_defined(tree) for module, tree in trees.items()}
    ours = set().union(*defined.values()) if defined else set()
    found = []
    for module, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in trees and node.module != module:
                found += [
                    f"{module}:{node.lineno} imports {node.module}.{alias.name}"
                    for alias in node.names
                    if _private(alias.name)
                ]
            elif (
                isinstance(node, ast.Attribute)
                and _private(node.attr)
                and node.attr in ours
                and node.attr not in defined[module]
            ):
                found.append(f"{module}:{node.lineno} uses .{node.attr}")
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _names_defined(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
    return names


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ({"a": "def _helper(): pass", "b": "from a import _helper"}, ["b:1 imports a._helper"]),
        ({"a": "class S:\n    def _rows(self): pass", "b": "s._rows()"}, ["b:1 uses ._rows"]),
        ({"a": "class S:\n    def _rows(self): pass\ndef f(s): s._rows()"}, []),
        ({"a": "from a import _x\n_x = 1", "b": "import lxml\nlxml._Element"}, []),
    ],
)
def test_imports_private_names_across_modules_found(sources, expected):
    assert private_names_used_across_modules(sources) == expected


def test_imports_no_private_name_across_modules():
    sources = {
        module_name(path): path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE_ROOT.rglob("*.py"))
    }
    assert private_names_used_across_modules(sources) == []
