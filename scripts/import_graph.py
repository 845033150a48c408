#!/usr/bin/env python
"""The project's import graph, read from the source (nothing is imported).

Every ``import`` of a project module counts, at a module's top or inside a function: an
import deferred into a function still makes one module need another, and only hides a
cycle from Python. Three rules (``tests/test_import_graph.py`` holds them; run this script
to print what breaks them):

* ``portal`` imports no app: apps depend on it, never the reverse;
* apps depend on each other one way only, along ``LAYERS``;
* no module needs itself through others (no cycle);
* no app imports another app's private names (``_name``).

An import that must stay inside a function is marked on its line the way ruff's
``import-outside-top-level`` rule (PLC0415, on for the apps) is silenced, with the reason:
``# noqa: PLC0415 - <reason>``. Such an import is left out of the graph: it is the one way
back up allowed inside an app, from a page model into the module that serves or writes it
and reads the page models (its listing, its index). Cycles it closes are by design and
stay at one function each.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "portal",
    "search",
    "library",
    "community_pages",
    "webinars",
    "glossary",
    "news",
    "programmes",
    "events",
    "surveys",
    "insights",
]
# Who may import whom: an app imports only apps of a lower layer.
LAYERS = {
    "portal": 0,
    "search": 1,
    "library": 2,
    "community_pages": 3,
    "webinars": 3,
    "glossary": 3,
    "news": 3,
    "programmes": 4,
    "events": 4,
    "surveys": 4,
    "insights": 5,
}
MARK = "# noqa: PLC0415"


def module_name(path):
    """The dotted name of the module at ``path``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules():
    """Every module of the apps (migrations and settings aside), by dotted name."""
    modules = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts or "settings" in path.parts:
                continue
            modules[module_name(path)] = path
    return modules


def _imported_names(node, package):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = package.split(".")
        parts = parts[: len(parts) - node.level + 1]
        base = ".".join(parts + ([node.module] if node.module else []))
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def import_graph(modules=None):
    """``{module: {project module it imports, ...}}`` and the marked imports left out."""
    modules = modules or project_modules()

    def resolve(name):
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {name: set() for name in modules}
    marked = []
    for name, path in modules.items():
        source = path.read_text()
        lines = source.splitlines()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = [resolve(n) for n in _imported_names(node, package)]
            targets = {t for t in targets if t and t != name}
            if not targets:
                continue
            if MARK in lines[node.lineno - 1]:
                marked.append((name, node.lineno))
                continue
            graph[name] |= targets
    return graph, marked


def private_imports(modules=None):
    """Names starting with ``_`` imported from another app: ``(module, line, name)``."""
    modules = modules or project_modules()
    found = []
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            if node.module.split(".")[0] not in APPS or app_of(node.module) == app_of(name):
                continue
            found += [
                (name, node.lineno, alias.name)
                for alias in node.names
                if alias.name.startswith("_")
            ]
    return found


def app_of(module):
    """The app a module belongs to."""
    return module.split(".")[0]


def upward_imports(graph):
    """Imports against the layering: ``(module, imported module)`` pairs."""
    return sorted(
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if app_of(module) != app_of(target) and LAYERS[app_of(target)] >= LAYERS[app_of(module)]
    )


def cycles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main():
    """Print the arrows against the layering and the cycles; exit 1 if there are any."""
    graph, marked = import_graph()
    problems = 0
    for module, target in upward_imports(graph):
        print(f"against the layers: {module} -> {target}")
        problems += 1
    for module, line, imported in private_imports():
        print(f"private name of another app: {module}:{line} imports {imported}")
        problems += 1
    for group in cycles(graph):
        print(f"cycle of {len(group)} modules:")
        members = set(group)
        for module in group:
            for target in sorted(graph[module] & members):
                print(f"  {module} -> {target}")
        problems += 1
    print(f"{len(graph)} modules, {len(marked)} marked imports, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
