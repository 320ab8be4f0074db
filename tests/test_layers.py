"""The package's modules form floors: each imports only from its own floor or below, and no cycle exists.

Every ``import`` statement counts, at module level or inside a function,
because a function-local import is still a tie a reader has to follow.
Two exceptions are made explicit: the package's ``__init__`` (the face) loads
what it serves lazily, in ``__getattr__`` and for type checkers under
``if TYPE_CHECKING:``; those imports belong to the top floor, while the rest
of ``__init__`` (``__version__``, ``SWAP_IMPORTS``) is data on the ground floor.
Objects loaded by dotted path at run time (the installer's walk of
``legacy/``, served names) are data, not imports.
"""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

import django_http_compat

PACKAGE = django_http_compat.__name__
ROOT = Path(django_http_compat.__file__).parent
LAZY_FACE = "__init__ (lazy)"

#: From the ground up; a module's floor is that of the first pattern it matches.
FLOORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the face's data, versions, the audit's vocabulary", ("__init__", "versions", "rules")),
    ("the registry", ("features",)),
    ("settings and usage counts", ("conf", "usage_counts", "usage_report", "usage_report_html")),
    ("the configuration legacy code reads", ("state",)),
    ("warnings", ("warnings", "probes")),
    ("the legacy behaviour", ("legacy", "legacy.*")),
    ("the installer, checks and swap classes", ("installer", "checks", "swap")),
    ("the app, the deprecated alias and the audit", ("apps", "patching", "audit", "audit.[!_]*")),
    (
        "the command line and the pytest plugin",
        (
            "cli",
            "__main__",
            "audit.__main__",
            "report_command",
            "pytest_plugin",
            "management",
            "management.*",
        ),
    ),
    ("what the face serves", (LAZY_FACE,)),
)


def floor_of(module: str) -> int:
    for number, (_name, patterns) in enumerate(FLOORS):
        if any(fnmatch(module, pattern) for pattern in patterns):
            return number
    raise AssertionError(f"{module} is on no floor: add it to FLOORS")


def module_names(root: Path) -> dict[str, Path]:
    """Module name inside the package (``legacy.request``, ``__init__``) -> its file."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _is_package(module: str, path: Path) -> bool:
    return path.name == "__init__.py"


def _target(module: str, path: Path, node: ast.ImportFrom | ast.Import, alias: ast.alias) -> list[str]:
    """The package modules an import names (empty for anything outside the package)."""
    if isinstance(node, ast.Import):
        name = alias.name
        return [name.removeprefix(f"{PACKAGE}.")] if name.startswith(f"{PACKAGE}.") else []
    if node.level:
        base = [] if module == "__init__" else module.split(".")
        if not _is_package(module, path):
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        parent = ".".join([*base, *([node.module] if node.module else [])])
    elif node.module == PACKAGE or (node.module or "").startswith(f"{PACKAGE}."):
        parent = (node.module or "").removeprefix(PACKAGE).lstrip(".")
    else:
        return []
    # ``from . import x`` and ``from .legacy import request`` name modules; otherwise the parent.
    submodule = f"{parent}.{alias.name}" if parent else alias.name
    return [submodule, parent or "__init__"]


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package modules it imports (the face's lazy imports as ``LAZY_FACE``)."""
    modules = module_names(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    graph[LAZY_FACE] = set()
    for module, path in modules.items():
        tree = ast.parse(path.read_text())
        lazy: set[int] = set()
        if module == "__init__":
            for node in tree.body:
                is_type_checking = isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
                is_getattr = isinstance(node, ast.FunctionDef) and node.name == "__getattr__"
                if is_type_checking or is_getattr:
                    lazy |= {id(inner) for inner in ast.walk(node)}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            source = LAZY_FACE if id(node) in lazy else module
            for alias in node.names:
                candidates = _target(module, path, node, alias)
                target = next((name for name in candidates if name in modules), None)
                if target is not None and target != source:
                    graph[source].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def upward(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted(
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if floor_of(target) > floor_of(module)
    )


def test_no_module_imports_from_a_floor_above_it():
    assert upward(import_graph(ROOT)) == []


def test_the_package_has_no_import_cycle():
    assert cycles(import_graph(ROOT)) == []


def test_every_module_is_on_a_floor():
    for module in import_graph(ROOT):
        floor_of(module)


def test_the_graph_sees_relative_absolute_and_function_local_imports():
    graph = import_graph(ROOT)
    assert "state" in graph["legacy.request"]  # from django_http_compat.state import ...
    assert "legacy.datastructures" in graph["legacy.request"]  # from .datastructures import ...
    assert "legacy" in graph["installer"]  # from . import legacy
    assert "installer" in graph["apps"]  # inside ready()
    assert {"installer", "swap", "usage_counts"} <= graph[LAZY_FACE]
    assert graph["__init__"] == set()
    # A cycle and an upward import are found when there is one.
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert upward({"state": {"installer"}, "installer": {"state"}}) == [("state", "installer")]
