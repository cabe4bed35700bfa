"""The package metadata tells the truth: its licence, every package the program imports, the optional ones.

The imports are read from the source (every ``import`` of ``ptdraft/``, inside functions too) and mapped to
the distributions that provide them, so a new import without its requirement fails here rather than on a
clerk's machine where it only happened to arrive through another package.
"""
from __future__ import annotations

import ast
import importlib.metadata as metadata
import sys
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from ptdraft import cli
from tests.support import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def _names(requirements) -> set[str]:
    return {canonicalize_name(Requirement(text).name) for text in requirements}


def _imported_top_level_modules() -> dict[str, str]:
    """Each third-party top-level module imported anywhere in ptdraft/, with one file that imports it."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "ptdraft").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".", 1)[0]
                if top != "ptdraft" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(REPO)))
    return found


def test_licence_file_matches_the_metadata():
    """pyproject says MIT in the SPDX form, names its licence files, and LICENSE is the MIT text."""
    assert PROJECT["license"] == "MIT"
    assert "LICENSE" in PROJECT["license-files"]
    for name in PROJECT["license-files"]:
        assert (REPO / name).is_file(), name
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in text


def test_the_build_backend_has_both_bounds():
    """setuptools from the first release that reads the SPDX licence string, below a major it was not tried with."""
    [setuptools] = [Requirement(r) for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    spec = setuptools.specifier
    assert "77" in spec and "76.1" not in spec
    assert any(item.operator in ("<", "<=") for item in spec), f"no upper bound: {spec}"
    assert str(SpecifierSet(str(spec))) == str(spec)


KY_SO_MODULES = ("ptdraft/outputs/pdf_fields.py", "ptdraft/outputs/pdf_signing.py")


def _with_requirements(names: set[str], extras: tuple[str, ...] = ("pkcs11", "opentype")) -> set[str]:
    """The distributions and what each requires (with the extras the ky-so extra asks for), one level down."""
    out = set(names)
    for name in names:
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for text in requires:
            requirement = Requirement(text)
            if requirement.marker is None or any(requirement.marker.evaluate({"extra": e}) for e in ("", *extras)):
                out.add(canonicalize_name(requirement.name))
    return out


def test_every_imported_package_is_declared():
    """Each third-party module that ptdraft/ imports comes from a distribution named in ``dependencies``, or, for
    psycopg alone, in the ``postgresql`` extra, or, for the ký số modules, in the ``ky-so`` extra (pyHanko brings
    asn1crypto, its certificate validator and python-pkcs11 with it)."""
    providers = metadata.packages_distributions()
    core = _names(PROJECT["dependencies"])
    extra = _names(PROJECT["optional-dependencies"]["postgresql"])
    ky_so = _with_requirements(_names(PROJECT["optional-dependencies"]["ky-so"]))
    missing = []
    for module, where in sorted(_imported_top_level_modules().items()):
        dists = {canonicalize_name(d) for d in providers.get(module, [])}
        assert dists, f"{module} (imported in {where}) is not installed here"
        if module == "psycopg":
            if not dists & extra:
                missing.append(f"{module} ({where}) is not in the postgresql extra")
        elif where in KY_SO_MODULES and not dists & core:
            if not dists & ky_so:
                missing.append(f"{module} ({where}) is not in the ky-so extra")
        elif not dists & core:
            missing.append(f"{module} ({where}): none of {sorted(dists)} is in dependencies")
    assert not missing, "\n".join(missing)
    assert "lxml" in core and "psycopg" not in core


def test_the_test_extra_holds_the_optional_packages_too():
    """README's test command installs the test extra only: it carries psycopg for the PostgreSQL tests and the
    backend and packaging the wheel and wheelhouse tests use."""
    test = _names(PROJECT["optional-dependencies"]["test"])
    assert {"psycopg", "pytest", "pytest-qt", "hypothesis", "setuptools", "packaging"} <= test


def test_postgresql_without_psycopg_is_one_message(capsys, monkeypatch, tmp_path):
    """A postgresql:// URL on a workstation installed without the extra: one Vietnamese line naming the extra,
    exit 2, no traceback (psycopg's import is made to fail as on such a machine)."""
    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg → ImportError
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path))
    code = cli.main(["register", "list", "--db", "postgresql://ptdraft:bi-mat@127.0.0.1:1/ptdraft"])
    out, err = capsys.readouterr()
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith("ptdraft: lỗi: ") and "chưa cài thư viện psycopg" in line
    assert "ptdraft[postgresql]" in line and "bi-mat" not in line and "Traceback" not in err


def test_sqlite_needs_no_psycopg(capsys, monkeypatch, tmp_path):
    """Without psycopg the office's SQLite library and register still work."""
    monkeypatch.setitem(sys.modules, "psycopg", None)
    code = cli.main(["register", "list", "--db", str(tmp_path / "so.sqlite3")])
    _, err = capsys.readouterr()
    assert code == 0, err


@pytest.mark.parametrize("module", ["fcntl", "resource", "pwd", "grp", "termios"])
def test_no_posix_only_module_is_imported_unguarded(module):
    """The program runs on Windows: a POSIX-only module is imported only inside ``try … except ImportError``."""
    offenders = []
    for path in sorted((REPO / "ptdraft").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        guarded = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers
            ):
                guarded.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            if any(n.split(".")[0] == module for n in names) and id(node) not in guarded:
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not offenders, offenders


def _tracked_resources() -> list[str]:
    import subprocess

    listed = subprocess.run(["git", "ls-files", "resources"], cwd=REPO, capture_output=True, text=True, check=True)
    return [line for line in listed.stdout.splitlines() if line]


def test_every_shipped_resource_is_in_the_wheel_and_the_frozen_folder():
    """A data file added under resources/ (the snippets, a dictionary…) is matched by the wheel's package-data and
    by the PyInstaller spec's patterns, so an installed ptdraft finds it as a checkout does."""
    import re

    setuptools = PYPROJECT["tool"]["setuptools"]
    in_wheel: set[str] = set()
    for package, patterns in setuptools["package-data"].items():
        folder = setuptools["package-dir"].get(package)
        if folder is None and package.startswith("ptdraft._resources."):
            folder = "resources/" + package.removeprefix("ptdraft._resources.").replace(".", "/")
        if folder is None or not folder.startswith("resources"):
            continue
        for pattern in patterns:
            in_wheel.update(str(p.relative_to(REPO)) for p in (REPO / folder).glob(pattern))
    spec = (REPO / "packaging" / "ptdraft.spec").read_text(encoding="utf-8")
    spec_patterns = ast.literal_eval(re.search(r'ROOT / "resources", "ptdraft/_resources", (\([^)]*\))', spec)[1])
    missing = []
    for name in _tracked_resources():
        if name == "resources/.ptdraft-data":
            continue  # the marker by which ptdraft/resources.py knows a checkout's folder; an install needs none
        suffix_ok = any(name.endswith(p.lstrip("*")) for p in spec_patterns) or name.endswith(".po")
        if name not in in_wheel or not suffix_ok:
            missing.append(f"{name} (wheel: {name in in_wheel}, frozen: {suffix_ok})")
    assert not missing, missing
