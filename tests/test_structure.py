"""The shape of the code base: rules that no single feature's tests would notice breaking."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "portal",
    "community_pages",
    "library",
    "webinars",
    "glossary",
    "news",
    "programmes",
    "events",
    "search",
)

# What a migration may take from the project's own code: only the paths Django's migration
# autodetector writes when it deconstructs a field (its class, a validator, a default callable,
# a storage), at module level. The migration state must name them to match the models, so
# they cannot be copied in without changing the state (and the next `makemigrations` would
# write them back). Data migrations (RunPython) and their helpers copy what they need instead:
# live code changes, and a migration must do tomorrow what it did the day it was written.
FIELD_PATHS = {
    "community_pages.models.community": {"new_token"},  # Invitation.token's default
    "community_pages.storage": {"PrivateStorage"},  # the storage of community files
    "library.facets": {"FacetKeysField"},  # the facet keys' field class
    "portal.validators": {"validate_image_upload"},  # Profile.photo's validator
    "webinars.models": {"LanguagesField"},  # WebinarPage.languages' field class
    "webinars.timezones": {"validate_timezone", "validate_timezone_list"},  # time zone fields
}


def _migrations():
    for app in APPS:
        yield from sorted((ROOT / app / "migrations").glob("*.py"))


def _is_project(module):
    return module is not None and module.split(".")[0] in APPS


def _dotted(node):
    """``a.b.c`` of an attribute chain, or None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _live_code_uses(tree):
    """Every use of the project's code in a migration that the allow-list does not admit."""
    problems = []
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or _is_project(node.module)):
            names = ", ".join(alias.name for alias in node.names)
            problems.append(
                f"line {node.lineno}: from {'.' * node.level}{node.module} import {names}"
            )
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if not _is_project(alias.name):
                    continue
                if alias.name not in FIELD_PATHS or alias.asname:
                    problems.append(f"line {node.lineno}: import {alias.name}")
                elif node not in tree.body:
                    problems.append(f"line {node.lineno}: import {alias.name} inside a function")
                else:
                    imported.add(alias.name)
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        for node in ast.walk(function):
            path = _dotted(node) if isinstance(node, ast.Attribute) else None
            if path and any(path.startswith(module + ".") for module in imported):
                problems.append(f"line {node.lineno}: {path} used in a function")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        path = _dotted(node)
        for module in imported:
            if path and path.startswith(module + "."):
                name = path[len(module) + 1 :].split(".")[0]
                if name not in FIELD_PATHS[module]:
                    problems.append(f"line {node.lineno}: {module}.{name}")
    return problems


def test_migrations_import_no_live_code():
    """A migration uses no application code but the field paths of ``FIELD_PATHS``."""
    found = {}
    for path in _migrations():
        problems = _live_code_uses(ast.parse(path.read_text(), filename=str(path)))
        if problems:
            found[str(path.relative_to(ROOT))] = problems
    assert found == {}


def test_the_check_sees_live_code():
    """The check itself: each kind of live import is caught, a field path is not."""
    caught = """
from portal.postgres import on_postgresql
import library.indexing
from .helpers import thing


def forwards(apps, schema_editor):
    from webinars.models import WebinarPage
    webinars.timezones.validate_timezone("UTC")


x = webinars.timezones.zone_label
"""
    problems = _live_code_uses(ast.parse("import webinars.timezones\n" + caught))
    assert len(problems) == 6, problems
    allowed = """
import webinars.timezones
import webinars.models

field = webinars.models.LanguagesField(validators=[webinars.timezones.validate_timezone])
"""
    assert _live_code_uses(ast.parse(allowed)) == []


def test_the_allow_list_names_only_paths_in_use():
    """An entry no migration uses any more is removed from ``FIELD_PATHS``."""
    text = "\n".join(path.read_text() for path in _migrations())
    unused = {
        f"{module}.{name}"
        for module, names in FIELD_PATHS.items()
        for name in names
        if f"{module}.{name}" not in text
    }
    assert unused == set()


def test_community_views_are_simple():
    """No function of the community views is above radon's grade C (cyclomatic complexity
    over 20): a view that grows branches is split, its rules go to ``Rights`` or services."""
    from radon.complexity import cc_rank, cc_visit

    too_complex = []
    for path in sorted((ROOT / "community_pages" / "views").glob("*.py")):
        for block in cc_visit(path.read_text()):
            if cc_rank(block.complexity) > "C":
                too_complex.append(f"{path.name}:{block.lineno} {block.name} {block.complexity}")
    assert too_complex == []


def test_community_view_modules_are_short():
    """One module per section, each under about 200 lines."""
    long = {
        path.name: n
        for path in (ROOT / "community_pages" / "views").glob("*.py")
        if (n := len(path.read_text().splitlines())) > 200
    }
    assert long == {}
