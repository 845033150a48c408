"""The layers hold: ``portal`` imports no app, apps import one way along the layers, and no
module needs itself through others (``scripts/import_graph.py`` reads the source; imports
inside functions count, except those marked ``# noqa: PLC0415 - <reason>``)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts/import_graph.py")
import_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_graph)


def graph():
    return import_graph.import_graph()[0]


def test_the_graph_is_read_from_every_app():
    assert {import_graph.app_of(m) for m in graph()} == set(import_graph.APPS)


def test_imports_inside_functions_count_unless_marked(tmp_path):
    (tmp_path / "a.py").write_text(
        "def f():\n    from library import b\n    from library import c  # noqa: PLC0415 - a hook\n"
    )
    (tmp_path / "b.py").write_text("from .c import x\n")
    (tmp_path / "c.py").write_text("x = 1\n")
    modules = {f"library.{n}": tmp_path / f"{n}.py" for n in "abc"}
    found, marked = import_graph.import_graph(modules)
    assert found == {"library.a": {"library.b"}, "library.b": {"library.c"}, "library.c": set()}
    assert marked == [("library.a", 3)]


def test_portal_imports_no_app():
    arrows = [
        (module, target)
        for module, targets in graph().items()
        for target in targets
        if import_graph.app_of(module) == "portal" and import_graph.app_of(target) != "portal"
    ]
    assert arrows == []


def test_apps_import_downwards_only():
    assert import_graph.upward_imports(graph()) == []


def test_no_app_imports_another_apps_private_names():
    assert import_graph.private_imports() == []


def test_no_module_needs_itself():
    assert import_graph.cycles(graph()) == []


def test_a_cycle_and_an_upward_arrow_are_found():
    made_up = {"portal.a": {"library.b"}, "library.b": {"portal.a"}}
    assert import_graph.cycles(made_up) == [["library.b", "portal.a"]]
    assert import_graph.upward_imports(made_up) == [("portal.a", "library.b")]


def test_every_marked_import_says_why():
    _graph, marked = import_graph.import_graph()
    for module, line in marked:
        path = import_graph.project_modules()[module]
        text = path.read_text().splitlines()[line - 1]
        reason = text.split(import_graph.MARK, 1)[1].strip(" -")
        assert reason, f"{module}:{line} marks an import without a reason"
