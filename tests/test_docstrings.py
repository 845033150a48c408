"""Every module, class and public function or method of the apps has a docstring.

Walks the app packages' source with ``ast`` (nothing is imported). Counted: each module,
each class (nested classes included, ``Meta`` excluded) and each function or method whose
name does not start with ``_`` (so dunder methods are left out), except functions and classes
defined inside a function. Migrations and settings modules are not counted.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "portal",
    "library",
    "webinars",
    "glossary",
    "news",
    "programmes",
    "events",
    "search",
    "community_pages",
)

# Paths (a trailing "/" is a whole folder) or "path::Class" for one top-level class left out
# (none today: every module of the apps is counted).
EXCLUDED = set()


def _excluded_path(rel):
    return any(rel == e or (e.endswith("/") and rel.startswith(e)) for e in EXCLUDED)


def _source_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            parts = rel.split("/")
            # Migrations are generated; settings modules are configuration, not code.
            if "migrations" in parts or "settings" in parts or _excluded_path(rel):
                continue
            yield rel, path


def _missing_in(rel, tree):
    missing = []
    if ast.get_docstring(tree) is None:
        missing.append(f"{rel}: module")

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                if child.name == "Meta" or (not prefix and f"{rel}::{child.name}" in EXCLUDED):
                    continue
                name = prefix + child.name
                if ast.get_docstring(child) is None:
                    missing.append(f"{rel}:{child.lineno}: class {name}")
                visit(child, name + ".")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                if child.name.startswith("_"):
                    continue
                if ast.get_docstring(child) is None:
                    missing.append(f"{rel}:{child.lineno}: def {prefix}{child.name}")
            elif isinstance(child, ast.If | ast.Try | ast.ExceptHandler | ast.With):
                visit(child, prefix)

    visit(tree, "")
    return missing


def missing_docstrings():
    """Every counted definition that has no docstring, as ``path:line: kind name``."""
    missing = []
    for rel, path in _source_files():
        missing += _missing_in(rel, ast.parse(path.read_text(encoding="utf-8"), rel))
    return missing


def test_the_walk_counts_what_it_should():
    source = """
class A:
    class Meta:
        pass

    def __str__(self):
        return ""

    def _private(self):
        pass

    def public(self):
        def nested():
            pass

    class Inner:
        \"\"\"Has one.\"\"\"

        def method(self):
            pass


if True:

    def conditional():
        pass
"""
    assert _missing_in("x.py", ast.parse(source)) == [
        "x.py: module",
        "x.py:2: class A",
        "x.py:12: def A.public",
        "x.py:19: def A.Inner.method",
        "x.py:25: def conditional",
    ]
    assert len(list(_source_files())) > 100


def test_every_module_class_and_public_function_has_a_docstring():
    missing = missing_docstrings()
    assert not missing, f"{len(missing)} definitions lack a docstring:\n" + "\n".join(missing)


if __name__ == "__main__":
    print("\n".join(missing_docstrings()))
