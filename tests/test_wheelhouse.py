"""The offline installers of scripts/wheelhouse.py: the Linux one installs with no network and renders, the
Windows one resolves completely with Windows' markers.

Building a wheelhouse needs the package index. Both are built once per session; the wheels are kept between
runs in the user's cache folder (``PTDRAFT_WHEEL_CACHE``, else platformdirs' cache folder for ptdraft, never
the checkout), so a later run fetches only what changed. Without network and without the wheels in the cache,
the tests are skipped here and fail on CI (``CI=true``).
"""
from __future__ import annotations

import email.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import platformdirs
import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from tests.support.packaging import WHEELHOUSE_SCRIPT as SCRIPT
from tests.support.packaging import wheelhouse
from tests.support.storage import on_ci
from tests.support import REPO

PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
# The marker values of a Windows 10/11 workstation with 64-bit CPython, written out here, not taken from the script.
WINDOWS = {
    "implementation_name": "cpython", "implementation_version": f"{PYTHON}.0", "os_name": "nt",
    "platform_machine": "AMD64", "platform_python_implementation": "CPython", "platform_release": "10",
    "platform_system": "Windows", "platform_version": "10.0.19045", "python_full_version": f"{PYTHON}.0",
    "python_version": PYTHON, "sys_platform": "win32",
}
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
EXTRAS = PROJECT["tool"]["ptdraft"]["wheelhouse"]["extras"]


def _cache() -> Path:
    named = os.environ.get("PTDRAFT_WHEEL_CACHE")
    return Path(named) if named else Path(platformdirs.user_cache_dir("ptdraft", appauthor=False)) / "wheels"


def _offline_env(**extra: str) -> dict[str, str]:
    """This process's environment without pip's settings (no index, no find-links of this machine) and with
    every proxy pointing at a closed port, so that any attempt to reach the network fails."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    dead = "http://127.0.0.1:9"
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               http_proxy=dead, https_proxy=dead, HTTP_PROXY=dead, HTTPS_PROXY=dead, no_proxy="", NO_PROXY="")
    env.update(extra)
    return env


def _build(platform: str, out: Path) -> Path:
    command = [sys.executable, str(SCRIPT), "--platform", platform, "--python", PYTHON, "-o", str(out),
               "--cache", str(_cache())]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900,
                            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    if result.returncode == wheelhouse.EXIT_NO_NETWORK:
        message = f"the package index cannot be reached to build the wheelhouse: {result.stderr.strip()}"
        if on_ci():
            pytest.fail(message)
        pytest.skip(message)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"Đã ghi {out}: "), result.stdout
    return out


@pytest.fixture(scope="session")
def windows_house(tmp_path_factory) -> Path:
    return _build("win_amd64", tmp_path_factory.mktemp("wheelhouse") / "windows")


@pytest.fixture(scope="session")
def linux_house(tmp_path_factory) -> Path:
    return _build("linux", tmp_path_factory.mktemp("wheelhouse") / "linux")


def _wheels(house: Path) -> dict[str, Path]:
    return {canonicalize_name(parse_wheel_filename(p.name)[0]): p for p in (house / "wheels").glob("*.whl")}


def _requires(path: Path) -> list[Requirement]:
    with zipfile.ZipFile(path) as package:
        [name] = [n for n in package.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1]
        message = email.parser.Parser().parsestr(package.read(name).decode("utf-8"), headersonly=True)
    return [Requirement(text) for text in message.get_all("Requires-Dist") or []]


def _applies(requirement: Requirement, environment: dict[str, str], extras: set[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(Marker(str(requirement.marker)).evaluate({**environment, "extra": e}) for e in {"", *extras})


def _closure_gaps(house: Path, environment: dict[str, str]) -> list[str]:
    """Every requirement that applies on ``environment``, from ptdraft[extras] down, that no wheel of the folder
    satisfies (by name and version)."""
    wheels = _wheels(house)
    gaps, seen = [], set()
    pending = [(Requirement(f"ptdraft[{','.join(EXTRAS)}]"), set(EXTRAS))]
    while pending:
        requirement, extras = pending.pop()
        name = canonicalize_name(requirement.name)
        key = (name, str(requirement.specifier), frozenset(extras))
        if key in seen:
            continue
        seen.add(key)
        if name not in wheels:
            gaps.append(f"{requirement} (no wheel)")
            continue
        version = parse_wheel_filename(wheels[name].name)[1]
        if not requirement.specifier.contains(version, prereleases=True):
            gaps.append(f"{requirement} (the folder has {version})")
        for child in _requires(wheels[name]):
            if _applies(child, environment, extras):
                pending.append((child, set(child.extras)))
    return gaps


# -- Windows ----------------------------------------------------------------------------------------------


def test_windows_wheelhouse_resolves_completely_with_windows_markers(windows_house, tmp_path):
    """pip, offline and for win_amd64, resolves ptdraft with its extras and every pinned, hash-checked line of
    requirements.txt from the folder alone; tzdata (psycopg's requirement on Windows only) is there."""
    pip = [sys.executable, "-m", "pip", "install", "--dry-run", "--no-index", "--find-links", str(windows_house / "wheels"),
           "--platform", "win_amd64", "--python-version", PYTHON, "--only-binary=:all:", "--target", str(tmp_path / "t")]
    plain = subprocess.run(pip + [f"ptdraft[{','.join(EXTRAS)}]"], capture_output=True, text=True, timeout=300,
                           env=_offline_env())
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert re.search(r"^Would install .*\bptdraft-0\.1\.0\b", plain.stdout, re.M), plain.stdout
    pinned = subprocess.run(pip + ["--require-hashes", "-r", str(windows_house / "requirements.txt")],
                            capture_output=True, text=True, timeout=300, env=_offline_env())
    assert pinned.returncode == 0, pinned.stdout + pinned.stderr
    [line] = [x for x in pinned.stdout.splitlines() if x.startswith("Would install ")]
    would = {canonicalize_name(item.rsplit("-", 1)[0]) for item in line.split()[2:]}
    assert {"tzdata", "psycopg-binary", "pyside6-essentials", "shiboken6", "lxml", "ptdraft"} <= would
    assert would == set(_wheels(windows_house))


def test_windows_wheelhouse_holds_every_requirement_on_windows(windows_house):
    """Following Requires-Dist from ptdraft[extras] with a Windows workstation's marker values, every
    requirement is met by a wheel of the folder, and every wheel is for Windows or for any platform."""
    assert _closure_gaps(windows_house, WINDOWS) == []
    for name, path in _wheels(windows_house).items():
        platforms = {tag.platform for tag in parse_wheel_filename(path.name)[3]}
        assert platforms & {"win_amd64", "any"}, path.name
    assert "tzdata" in _wheels(windows_house)


def test_windows_starters_are_per_user_and_without_console(windows_house):
    """install.bat makes a venv under %LOCALAPPDATA% (no administrator) with py -3.X and installs from the folder
    with no index, hash-checked; ptdraft.bat and the shortcut start the window with pythonw. Both are CRLF ASCII."""
    install = (windows_house / "install.bat").read_bytes()
    starter = (windows_house / "ptdraft.bat").read_bytes()
    for data in (install, starter):
        data.decode("ascii")
        assert b"\n" not in data.replace(b"\r\n", b"")
    text = install.decode("ascii")
    assert 'set "VENV=%HOME_DIR%\\venv"' in text and 'set "HOME_DIR=%LOCALAPPDATA%\\ptdraft"' in text
    assert f"py -{PYTHON} -m venv" in text.replace("%PYTHON%", f"py -{PYTHON}")
    assert re.search(r'-m pip install .*--no-index --find-links "%HERE%wheels" .*--require-hashes -r "%HERE%requirements.txt"', text)
    assert "runas" not in text.lower() and "pythonw.exe" in text
    assert "pythonw.exe\" -m ptdraft" in starter.decode("ascii")
    guide = (windows_house / "HUONG-DAN.txt").read_text(encoding="utf-8-sig")
    assert "install.bat" in guide and "Install for me only" in guide


def test_the_extras_come_from_pyproject(windows_house, linux_house):
    """The folder installs ``dependencies`` and the extras chosen in [tool.ptdraft.wheelhouse] of pyproject.toml:
    each requirement of those that applies on the platform has its wheel, and requirements.txt asks for exactly
    ptdraft with those extras."""
    requirements = list(PROJECT["project"]["dependencies"])
    for extra in EXTRAS:
        requirements += PROJECT["project"]["optional-dependencies"][extra]
    linux_env = {**WINDOWS, "os_name": "posix", "platform_system": "Linux", "sys_platform": "linux",
                 "platform_machine": os.uname().machine}
    for house, environment in ((windows_house, WINDOWS), (linux_house, linux_env)):
        names = set(_wheels(house))
        for text in requirements:
            requirement = Requirement(text)
            if _applies(requirement, environment, set()):
                assert canonicalize_name(requirement.name) in names, (house.name, text)
        first = (house / "requirements.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(f"ptdraft[{','.join(sorted(EXTRAS))}]==0.1.0 --hash=sha256:")
        manifest = json.loads((house / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["extras"] == EXTRAS and manifest["bytes"] == sum(p.stat().st_size for p in (house / "wheels").glob("*.whl"))


# -- Linux ------------------------------------------------------------------------------------------------


def test_linux_wheelhouse_leaves_out_what_only_windows_needs(linux_house):
    """Evaluated with Linux markers: no tzdata, no Windows wheel; every Linux requirement is met."""
    wheels = _wheels(linux_house)
    assert "tzdata" not in wheels
    assert not [p.name for p in wheels.values() if "win" in p.name]
    linux_env = {**WINDOWS, "os_name": "posix", "platform_system": "Linux", "sys_platform": "linux",
                 "platform_machine": os.uname().machine}
    assert _closure_gaps(linux_house, linux_env) == []


def test_linux_wheelhouse_installs_offline_and_renders(linux_house, tmp_path):
    """install.sh, with no network and none of this machine's pip settings, makes a fresh venv and installs the
    folder; the installed ptdraft (not the checkout's) renders the example letter, imports a letter and checks
    the DOCX it wrote."""
    home = tmp_path / "home"
    env = _offline_env(XDG_DATA_HOME=str(home), PYTHON=sys.executable, PTDRAFT_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(["sh", str(linux_house / "install.sh")], capture_output=True, text=True, timeout=600,
                            env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã cài xong ptdraft 0.1.0" in result.stdout
    starter = home / "ptdraft" / "ptdraft.sh"
    work = tmp_path / "work"
    shutil.copytree(REPO / "examples", work / "examples")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["sh", str(starter), *args], capture_output=True, text=True, timeout=120, env=env, cwd=work)

    where = subprocess.run([str(home / "ptdraft" / "venv" / "bin" / "python"), "-c", "import ptdraft; print(ptdraft.__file__)"],
                           capture_output=True, text=True, env=env, cwd=work)
    assert Path(where.stdout.strip()).is_relative_to(home), where.stdout + where.stderr
    rendered = run("render", "examples/cong-van-van-phong-ubnd-tinh.json", "-o", "x.docx")
    assert rendered.returncode == 0, rendered.stderr
    assert zipfile.is_zipfile(work / "x.docx")
    checked = run("check", "--json", "x.docx")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["findings"] == []
    imported = run("import", "examples/cong-van-chep-tu-pdf.txt", "-o", "ban-thao.json")
    assert imported.returncode == 0, imported.stderr
    content = json.loads((work / "ban-thao.json").read_text(encoding="utf-8"))["content"]
    assert content["doc_type"] == "Công văn" and content["recipients"] and content["body"]


def test_no_network_is_told_apart(tmp_path):
    """With every proxy pointing at a closed port and an empty cache, the script stops with its "no network" exit
    code (the one the fixtures skip or fail on) and one Vietnamese line, writing no wheel of another package."""
    env = _offline_env()
    del env["PIP_NO_INDEX"]
    result = subprocess.run([sys.executable, str(SCRIPT), "--platform", "win_amd64", "--python", PYTHON,
                             "-o", str(tmp_path / "out"), "--cache", str(tmp_path / "cache")],
                            capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == wheelhouse.EXIT_NO_NETWORK, result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("wheelhouse: lỗi: ") and "không kết nối được" in line
    assert not list((tmp_path / "cache").glob("*.whl"))
