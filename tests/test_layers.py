"""The layers hold: imports only go downwards and no module imports itself back in a circle.

Reads the package's import statements (module level, where import order matters); an import inside a
function is a deliberate lazy import and is left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "claimtrack"
# Lower layers must not import these higher ones.
RULES = {
    "claimtrack.text": (
        "claimtrack.services",
        "claimtrack.web",
        "claimtrack.cli",
        "claimtrack.models",
    ),
    "claimtrack.matching": (
        "claimtrack.services",
        "claimtrack.web",
        "claimtrack.cli",
        "claimtrack.models",
    ),
    "claimtrack.extraction": (
        "claimtrack.services",
        "claimtrack.web",
        "claimtrack.cli",
        "claimtrack.models",
    ),
    "claimtrack.models": (
        "claimtrack.services",
        "claimtrack.web",
        "claimtrack.cli",
        "claimtrack.publishing",
    ),
    "claimtrack.publishing": ("claimtrack.services", "claimtrack.web", "claimtrack.cli"),
    "claimtrack.services": ("claimtrack.web", "claimtrack.cli"),
    "claimtrack.web": ("claimtrack.cli",),
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.If | ast.Try):
            handlers = [s for h in getattr(node, "handlers", []) for s in h.body]
            out += _top_level(node.body + node.orelse + handlers + getattr(node, "finalbody", []))
        else:
            out.append(node)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _top_level(ast.parse(path.read_text(encoding="utf-8")).body):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                mod = (
                    ".".join([*base, node.module] if node.module else base)
                    if node.level
                    else node.module or ""
                )
                subs = [f"{mod}.{a.name}" for a in node.names if f"{mod}.{a.name}" in modules]
                targets = subs if len(subs) == len(node.names) else [mod, *subs]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return groups


def test_no_import_circles():
    assert _cycles(_graph()) == []


def test_imports_only_go_downwards():
    wrong = [
        f"{name} imports {target}"
        for name, targets in _graph().items()
        for layer, forbidden in RULES.items()
        if name == layer or name.startswith(layer + ".")
        for target in targets
        if target.startswith(forbidden)
    ]
    assert wrong == []


def test_the_check_sees_a_circle():
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
