"""Architecture: the core never imports Qt; python-docx only in the DOCX writer and the import's DOCX reader; jinja2 only in render."""
from __future__ import annotations

import ast
import os
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


def test_core_import_loads_no_qt():
    """Importing the core (api, cli, layout, docx_writer) and rendering a letter loads no PySide6 module."""
    code = (
        "import sys, pathlib\n"
        "import ptdraft.api, ptdraft.cli, ptdraft.layout, ptdraft.docx_writer, ptdraft.render, ptdraft.store\n"
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


def test_only_the_import_reader_imports_python_docx():
    """python-docx is imported by ptdraft/importer/docx_reader.py (reading a letter to import) and nowhere else:
    the writer starts from stored parts (resources/docx/skeleton.json)."""
    assert _importers("docx") == {"ptdraft/importer/docx_reader.py"}


def test_only_the_sandbox_imports_jinja2():
    """jinja2 is imported by ptdraft/jinja_sandbox.py and nowhere else."""
    assert _importers("jinja2") == {"ptdraft/jinja_sandbox.py"}


def test_import_scanner_sees_imports():
    """The scanner above finds real imports (so the three tests above cannot pass by seeing nothing)."""
    assert "jinja2" in _imports(PACKAGE / "jinja_sandbox.py")
    assert "docx" in _imports(PACKAGE / "importer" / "docx_reader.py")
