"""Architecture, as import contracts read from the sources:

- no circles: no two modules of ptdraft import each other, directly or through others (imports inside functions
  count: a lazy import is still a dependency);
- the core (everything outside ``ptdraft.gui``) never imports Qt or the window; importing every core module loads
  no PySide6;
- the checker, the importer and the Vietnamese text tools never import the interface (``ptdraft.api``) or the
  command line (``ptdraft.cli``);
- python-docx only in the import's DOCX reader (the writer starts from stored parts); jinja2 only in the sandbox.
"""
from __future__ import annotations

import ast
import importlib
import os
import re
import subprocess
import sys

from tests.support import REPO

PACKAGE = REPO / "ptdraft"


def _imports(path) -> set[str]:
    """Top-level names of every module a source file imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _importers(top: str) -> set[str]:
    out = set()
    for path in _modules():
        if any(name == top or name.startswith(top + ".") for name in _imports(path)):
            out.add(path.relative_to(REPO).as_posix())
    return out


def _module_name(path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in _modules()}
CORE = sorted(name for name in MODULES if not name.startswith("ptdraft.gui") and name != "ptdraft.__main__")


def _targets(path) -> set[str]:
    """The ptdraft modules a source file imports, as files: ``from ptdraft import api`` names ptdraft.api,
    ``from ptdraft.api import drafting`` names ptdraft.api.drafting, ``from ptdraft.layout import Para``
    names ptdraft.layout."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = _module_name(path)
    package = own if path.name == "__init__.py" else own.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:
                    found.add(f"{base}.{alias.name}")
                elif base in MODULES:
                    found.add(base)
    found.discard(own)
    return found


GRAPH = {name: _targets(path) for name, path in MODULES.items()}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def test_no_module_imports_itself_through_others():
    """The import graph of ptdraft has no circle (the structure reads one way, from the window down to rules)."""
    assert _circles(GRAPH) == []


def test_the_circle_finder_finds_circles():
    """A circle put into a copy of the graph is found (so the test above cannot pass by seeing nothing)."""
    assert len(GRAPH) > 50 and sum(len(t) for t in GRAPH.values()) > 200
    graph = {name: set(targets) for name, targets in GRAPH.items()}
    graph["ptdraft.layout"].add("ptdraft.api.drafting")  # drafting imports layout: now they import each other
    assert any({"ptdraft.api.drafting", "ptdraft.layout"} <= set(c) for c in _circles(graph))


def _room(module: str) -> str:
    """The folder a module lives in (``ptdraft.office.library`` → ``ptdraft.office``), or the module itself when it
    sits at the top of ptdraft/."""
    parts = module.split(".")
    return ".".join(parts[:2])


def _rooms(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    rooms: dict[str, set[str]] = {}
    for name, targets in graph.items():
        rooms.setdefault(_room(name), set()).update(_room(t) for t in targets if _room(t) != _room(name))
    return rooms


def test_no_folder_imports_a_folder_that_imports_it_back():
    """Taken folder by folder (and the top-level modules one by one), the imports still form layers: no folder
    imports one that imports it back, so each folder stands above all it uses."""
    assert _circles(_rooms(GRAPH)) == []


def test_the_folder_circle_finder_finds_circles():
    """Two modules of different folders that do not import each other, whose folders would then do."""
    graph = {name: set(targets) for name, targets in GRAPH.items()}
    assert "ptdraft.office.register" in graph["ptdraft.outputs.package"]
    graph["ptdraft.office.snippets"].add("ptdraft.outputs.file_names")
    assert _circles(graph) == [] or not any("ptdraft.office.snippets" in c for c in _circles(graph))
    assert ["ptdraft.office", "ptdraft.outputs"] in _circles(_rooms(graph))


def test_lower_layers_never_import_the_interface_or_the_command_line():
    """The checker, the importer, the Vietnamese text tools and the templates take text and bytes and give findings
    and drafts: they never import ptdraft.api or ptdraft.cli (the assembly of "check this draft" lives in api)."""
    lower = ("ptdraft.checker", "ptdraft.importer", "ptdraft.vietnamese", "ptdraft.templating")
    offenders = {
        name: sorted(t for t in targets if t.startswith(("ptdraft.api", "ptdraft.cli")))
        for name, targets in GRAPH.items() if name.startswith(lower)
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_core_never_imports_the_window():
    """Below the command line no module imports ptdraft.gui, not even by name: the command line opens the window
    and hands the window's PDF painter to a hand-off package (for machines without LibreOffice)."""
    offenders = {name for name in CORE if any(t.startswith("ptdraft.gui") for t in GRAPH[name])}
    assert offenders == {"ptdraft.cli.main", "ptdraft.cli.library"}
    by_name = {name for name in CORE if re.search(r"[\"']ptdraft\.gui", MODULES[name].read_text(encoding="utf-8"))}
    assert by_name <= {"ptdraft.cli.main", "ptdraft.cli.library"}


def test_core_import_loads_no_qt():
    """Importing every core module (all of ptdraft but the window) and rendering a letter loads no PySide6 module."""
    code = (
        "import importlib, sys, pathlib\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "from ptdraft import api\n"
        f"draft = api.load_draft(pathlib.Path({str(REPO / 'examples' / 'cong-van-van-phong-ubnd-tinh.json')!r}))\n"
        "assert api.docx_bytes(draft)[:2] == b'PK'\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ptdraft.gui')))\n"
        "assert not qt, qt\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_core_sources_do_not_import_qt():
    """No module outside ptdraft/gui names PySide6 in an import, not even a lazy one."""
    offenders = {p for p in _importers("PySide6") if not p.startswith("ptdraft/gui/")}
    assert not offenders


def test_no_module_imports_python_docx():
    """ptdraft reads a DOCX one way, with its own reader (ptdraft/ooxml/docx_reader.py, for the checker and the
    importer alike), and writes one from stored parts (resources/docx/skeleton.json, built once by
    scripts/build_docx_skeleton.py with python-docx): no module of the package imports python-docx."""
    assert _importers("docx") == set()
    assert "ptdraft.ooxml.docx_reader" in GRAPH["ptdraft.checker.engine"]


def test_only_the_sandbox_imports_jinja2():
    """jinja2 is imported by ptdraft/templating/jinja_sandbox.py and nowhere else."""
    assert _importers("jinja2") == {"ptdraft/templating/jinja_sandbox.py"}


def test_import_scanner_sees_imports():
    """The scanner above finds real imports (so the three tests above cannot pass by seeing nothing)."""
    assert "jinja2" in _imports(PACKAGE / "templating" / "jinja_sandbox.py")
    assert "lxml" in _imports(PACKAGE / "ooxml" / "docx_reader.py")
    assert "docx" in _imports(REPO / "scripts" / "build_docx_skeleton.py")


def _type_checking_names(path) -> dict[str, set[str]]:
    """module → names imported from it under ``if TYPE_CHECKING:`` in a source file."""
    out: dict[str, set[str]] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for item in node.body:
                if isinstance(item, ast.ImportFrom):
                    out.setdefault(item.module, set()).update(alias.name for alias in item.names)
    return out


def test_the_interface_names_every_name_of_its_parts():
    """ptdraft.api lists, for readers and type checkers, exactly the names of each part it loads on first use;
    every public function of the drafting part is on the interface; and a lazy name loads its part."""
    import ptdraft.api as api
    from ptdraft.api import drafting

    listed = _type_checking_names(PACKAGE / "api" / "__init__.py")
    assert listed.pop("ptdraft.layout") == {"Layout"} and api.Layout.__module__ == "ptdraft.layout"
    assert set(listed) == set(api.LAZY_PARTS)
    for module_name in api.LAZY_PARTS:
        module = importlib.import_module(module_name)
        assert listed[module_name] == set(module.__all__), module_name
        for name in module.__all__:
            assert getattr(api, name) is getattr(module, name)
    tree = ast.parse((PACKAGE / "api" / "drafting.py").read_text(encoding="utf-8"))
    public = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_")}
    assert public <= set(drafting.__all__) == set(api.__all__) - {"Layout"}
