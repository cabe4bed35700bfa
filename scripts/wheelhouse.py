"""Write a folder that installs ptdraft on a machine without network (the offline office's USB stick).

    python3 scripts/wheelhouse.py --platform win_amd64 --python 3.11 -o bo-cai-windows
    python3 scripts/wheelhouse.py --platform linux --python 3.11 -o bo-cai-linux

The folder holds ``wheels/`` (every wheel the program needs on THAT platform, and ptdraft's own wheel),
``requirements.txt`` (each wheel pinned by version and SHA-256, so a damaged copy is refused), the installer and
the starter (``install.bat`` and ``ptdraft.bat`` for Windows, ``install.sh`` and ``ptdraft.sh`` for Linux) and
``HUONG-DAN.txt``. Installing needs Python of that version on the target machine, and no administrator.

What is needed is worked out here, not by pip on this machine: the requirements of ptdraft's wheel (its
``dependencies`` and the extras chosen in pyproject.toml under ``[tool.ptdraft.wheelhouse]``, or ``--extra``)
are read with their markers evaluated for the target (``tzdata; sys_platform == "win32"`` is kept for Windows
and dropped for Linux); each is fetched with ``pip download --no-deps --only-binary=:all:`` for the target's
platform tags and Python version, and the ``Requires-Dist`` of each fetched wheel is followed the same way.
Building needs the network (the package index); the folder it writes never does.

``--cache DIR`` keeps the fetched wheels between runs and takes a wheel from there when one fits the
requirement and the target (the tests use the user's cache folder, never the checkout).
"""
from __future__ import annotations

import argparse
import email.parser
import hashlib
import importlib.metadata
import json
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_NO_NETWORK = 3
# pip's words when the index cannot be reached at all (no network, no name resolution, a dead proxy).
NO_NETWORK = re.compile(
    r"NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution|"
    r"Name or service not known|Network is unreachable|ConnectTimeoutError|ProxyError|No route to host"
)


class WheelhouseError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


# -- the target ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A platform and Python version: the pip options that fetch for it, the marker environment, its tags."""

    system: str  # "windows" or "linux"
    platforms: tuple[str, ...]  # pip --platform values, most specific first
    python: tuple[int, int]
    machine: str

    @property
    def python_text(self) -> str:
        return f"{self.python[0]}.{self.python[1]}"

    def marker_environment(self, extra: str = "") -> dict[str, str]:
        """The values a requirement marker is evaluated with on the target (PEP 508)."""
        windows = self.system == "windows"
        full = f"{self.python_text}.0"
        return {
            "implementation_name": "cpython",
            "implementation_version": full,
            "os_name": "nt" if windows else "posix",
            "platform_machine": self.machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": "Windows" if windows else "Linux",
            "platform_version": "",
            "python_full_version": full,
            "python_version": self.python_text,
            "sys_platform": "win32" if windows else "linux",
            "extra": extra,
        }

    def tags(self) -> set[Tag]:
        abi = f"cp{self.python[0]}{self.python[1]}"
        tags = set(cpython_tags(self.python, abis=[abi], platforms=list(self.platforms)))
        tags |= set(compatible_tags(self.python, interpreter=abi, platforms=list(self.platforms)))
        return tags

    def pip_options(self) -> list[str]:
        options = ["--only-binary=:all:", "--python-version", self.python_text, "--implementation", "cp"]
        for abi in (f"cp{self.python[0]}{self.python[1]}", "abi3", "none"):
            options += ["--abi", abi]
        for name in self.platforms:
            options += ["--platform", name]
        return options


def _manylinux(glibc: tuple[int, int], arch: str) -> tuple[str, ...]:
    """manylinux tags from ``glibc`` down to 2.17, then the legacy aliases pip knows."""
    major, minor = glibc
    tags = [f"manylinux_{major}_{m}_{arch}" for m in range(minor, 16, -1)]
    if (major, minor) >= (2, 17):
        tags.append(f"manylinux2014_{arch}")
    return tuple(tags)


def parse_target(platform_name: str, python: str) -> Target:
    match = re.fullmatch(r"(\d+)\.(\d+)", python)
    if not match:
        raise WheelhouseError(f"--python: '{python}' không phải phiên bản dạng 3.11", EXIT_BAD_INPUT)
    version = (int(match.group(1)), int(match.group(2)))
    if version < (3, 11):
        raise WheelhouseError("--python: ptdraft cần Python 3.11 trở lên", EXIT_BAD_INPUT)
    if platform_name == "win_amd64":
        return Target("windows", ("win_amd64",), version, "AMD64")
    if platform_name == "win_arm64":
        return Target("windows", ("win_arm64",), version, "ARM64")
    if platform_name == "linux":  # this machine's glibc and processor
        libc, libc_version = platform.libc_ver()
        found = re.match(r"(\d+)\.(\d+)", libc_version or "")
        if libc != "glibc" or not found:
            raise WheelhouseError("--platform linux: máy này không dùng glibc; hãy ghi rõ, ví dụ manylinux_2_28_x86_64",
                                  EXIT_BAD_INPUT)
        arch = platform.machine()
        return Target("linux", _manylinux((int(found.group(1)), int(found.group(2))), arch), version, arch)
    named = re.fullmatch(r"manylinux_(\d+)_(\d+)_(x86_64|aarch64)", platform_name)
    if named:
        arch = named.group(3)
        return Target("linux", _manylinux((int(named.group(1)), int(named.group(2))), arch), version, arch)
    legacy = re.fullmatch(r"manylinux2014_(x86_64|aarch64)", platform_name)
    if legacy:
        return Target("linux", _manylinux((2, 17), legacy.group(1)), version, legacy.group(1))
    raise WheelhouseError(
        f"--platform: '{platform_name}' không hỗ trợ; dùng win_amd64, win_arm64, linux, manylinux_2_28_x86_64…",
        EXIT_BAD_INPUT,
    )


# -- the project ----------------------------------------------------------------------------------------


def project_settings(root: Path = ROOT) -> tuple[dict, list[str]]:
    """pyproject's [project] table and the extras the wheelhouse installs ([tool.ptdraft.wheelhouse] extras)."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    extras = list(data.get("tool", {}).get("ptdraft", {}).get("wheelhouse", {}).get("extras", []))
    unknown = [e for e in extras if e not in project.get("optional-dependencies", {})]
    if unknown:
        raise WheelhouseError(f"pyproject.toml: [tool.ptdraft.wheelhouse] extras nêu phần không có: {unknown}")
    return project, extras


def build_requirements_met(root: Path = ROOT) -> bool:
    """Whether every [build-system] requirement is installed here, so the wheel builds without fetching."""
    requires = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    for text in requires:
        requirement = Requirement(text)
        try:
            installed = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(installed, prereleases=True):
            return False
    return True


def _tracked_copy(root: Path, into: Path) -> Path:
    """A copy of the checkout's source (no .git, build outputs or tests), so building leaves the tree clean."""
    ignore = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                    ".hypothesis", "*.docx", "*.pdf", "tests", "benchmarks", "docs")
    target = into / "ptdraft-src"
    shutil.copytree(root, target, ignore=ignore)
    return target


def build_own_wheel(root: Path, out: Path) -> Path:
    """ptdraft's wheel, built from a copy of ``root``: offline when the build backend is installed here."""
    with tempfile.TemporaryDirectory(prefix="ptdraft-build-") as scratch:
        source = _tracked_copy(root, Path(scratch))
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
        if build_requirements_met(root):
            command += ["--no-build-isolation", "--no-index"]
        result = subprocess.run(command + [str(source)], capture_output=True, text=True)
        if result.returncode != 0:
            _raise_pip_failure("không dựng được gói ptdraft", result)
    project, _ = project_settings(root)
    name = canonicalize_name(project["name"])
    wheels = [p for p in out.glob("*.whl") if canonicalize_name(parse_wheel_filename(p.name)[0]) == name]
    if len(wheels) != 1:
        raise WheelhouseError(f"pip wheel không để lại đúng một gói ptdraft: {sorted(p.name for p in wheels)}")
    return wheels[0]


# -- wheels ---------------------------------------------------------------------------------------------


def wheel_requirements(path: Path) -> list[Requirement]:
    """The Requires-Dist of a wheel's METADATA."""
    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n)]
        if len(names) != 1:
            raise WheelhouseError(f"{path.name}: không tìm thấy METADATA trong gói")
        text = package.read(names[0]).decode("utf-8")
    message = email.parser.Parser().parsestr(text, headersonly=True)
    return [Requirement(value) for value in message.get_all("Requires-Dist") or []]


def wanted(requirement: Requirement, target: Target, extras: set[str]) -> bool:
    """Whether the target needs ``requirement`` of a package installed with ``extras`` (the marker evaluated with
    the target's values, once without an extra and once for each extra)."""
    marker: Marker | None = requirement.marker
    if marker is None:
        return True
    return any(marker.evaluate(target.marker_environment(extra)) for extra in {"", *extras})


def _raise_pip_failure(what: str, result: subprocess.CompletedProcess) -> None:
    output = (result.stdout or "") + (result.stderr or "")
    if NO_NETWORK.search(output):
        raise WheelhouseError(f"{what}: không kết nối được kho gói Python (cần mạng khi dựng bộ cài)", EXIT_NO_NETWORK)
    last = [line for line in output.strip().splitlines() if line.strip()][-3:]
    raise WheelhouseError(f"{what}:\n" + "\n".join(last))


@dataclass
class Chosen:
    version: Version
    path: Path
    specifier: SpecifierSet = field(default_factory=SpecifierSet)
    extras: set[str] = field(default_factory=set)


class Resolver:
    """Fetch wheels for ``target`` into ``folder``, following each wheel's requirements."""

    def __init__(self, target: Target, folder: Path, cache: Path | None = None) -> None:
        self.target = target
        self.folder = folder
        self.cache = cache
        self.tags = target.tags()
        self.chosen: dict[str, Chosen] = {}
        self.log: list[str] = []

    def _fits(self, path: Path, name: str, specifier: SpecifierSet) -> Version | None:
        try:
            found, version, _build, tags = parse_wheel_filename(path.name)
        except ValueError:
            return None
        if canonicalize_name(found) != name or not (set(tags) & self.tags):
            return None
        return version if specifier.contains(version, prereleases=True) else None

    def _best_in(self, folder: Path, name: str, specifier: SpecifierSet) -> Path | None:
        fitting = [(v, p) for p in folder.glob("*.whl") if (v := self._fits(p, name, specifier)) is not None]
        return max(fitting)[1] if fitting else None

    def _fetch(self, wanted_now: dict[str, SpecifierSet]) -> dict[str, Path]:
        """A wheel for each name and specifier: from the cache where one fits, the others in one pip call."""
        found: dict[str, Path] = {}
        if self.cache is not None:
            for name, specifier in wanted_now.items():
                cached = self._best_in(self.cache, name, specifier)
                if cached is not None:
                    found[name] = cached
        missing = {name: spec for name, spec in wanted_now.items() if name not in found}
        if not missing:
            return found
        keep = self.cache if self.cache is not None else self.folder
        keep.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="ptdraft-wheel-") as scratch:
            command = [sys.executable, "-m", "pip", "download", "--no-deps", "--retries", "2", "-q",
                       "-d", scratch, *self.target.pip_options(), *(f"{n}{s}" for n, s in sorted(missing.items()))]
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                names = ", ".join(f"{n}{s}" for n, s in sorted(missing.items()))
                _raise_pip_failure(f"không tải được các gói {names} cho {self.target.platforms[0]}", result)
            for name, specifier in missing.items():
                got = self._best_in(Path(scratch), name, specifier)
                if got is None:
                    raise WheelhouseError(f"pip không tải về gói wheel nào của {name}{specifier}")
                found[name] = Path(shutil.copy2(got, keep / got.name))
        return found

    def resolve(self, requirements: list[Requirement]) -> None:
        """Need each of ``requirements`` (known to apply to the target) and all they require there, fetched
        round by round: one pip call for the packages first met in a round."""
        pending = list(requirements)
        while pending:
            fetch: dict[str, SpecifierSet] = {}
            fetch_extras: dict[str, set[str]] = {}
            follow: list[tuple[str, set[str]]] = []
            for item in pending:
                name = canonicalize_name(item.name)
                if name in fetch:
                    fetch[name] &= item.specifier
                    fetch_extras[name] |= set(item.extras)
                    continue
                current = self.chosen.get(name)
                specifier = item.specifier if current is None else current.specifier & item.specifier
                if current is not None and specifier.contains(current.version, prereleases=True):
                    current.specifier = specifier
                    new_extras = set(item.extras) - current.extras
                    if new_extras:
                        current.extras |= new_extras
                        follow.append((name, new_extras))
                else:
                    fetch[name] = specifier
                    fetch_extras[name] = set(item.extras) | (current.extras if current else set())
            for name, path in self._fetch(fetch).items():
                version = parse_wheel_filename(path.name)[1]
                if name in self.chosen:
                    self.log.append(f"{name}: {self.chosen[name].version} → {version} ({fetch[name]})")
                self.chosen[name] = Chosen(version, path, fetch[name], fetch_extras[name])
                follow.append((name, fetch_extras[name]))
            pending = [child for name, extras in follow for child in wheel_requirements(self.chosen[name].path)
                       if wanted(child, self.target, extras)]


# -- the folder -----------------------------------------------------------------------------------------

INSTALL_BAT = r"""@echo off
rem Cai ptdraft cho nguoi dung nay, khong can quyen quan tri va khong can mang.
rem Tao %LOCALAPPDATA%\ptdraft\venv bang Python {python} (py -{python} -m venv), cai cac goi trong thu muc wheels,
rem roi tao loi tat "ptdraft" tren man hinh va trong menu Start.
setlocal
set "HERE=%~dp0"
set "HOME_DIR=%LOCALAPPDATA%\ptdraft"
set "VENV=%HOME_DIR%\venv"
rem Python {python}: through the py launcher, else where a per-user install puts it.
set "PYTHON="
py -{python} -c "import sys" >nul 2>nul
if not errorlevel 1 set "PYTHON=py -{python}"
if not defined PYTHON if exist "%LOCALAPPDATA%\Programs\Python\Python{nodot}\python.exe" set "PYTHON="%LOCALAPPDATA%\Programs\Python\Python{nodot}\python.exe""
if not defined PYTHON (
    echo May nay chua co Python {python}. Hay cai Python {python} ^(ban 64-bit, chon "Install for me only"^) roi chay lai.
    goto :failed
)
if not exist "%VENV%\Scripts\python.exe" (
    echo Dang tao moi truong Python trong %VENV% ...
    %PYTHON% -m venv "%VENV%"
    if errorlevel 1 goto :failed
)
echo Dang cai ptdraft ^(khong can mang^) ...
"%VENV%\Scripts\python.exe" -m pip install --disable-pip-version-check --no-index --find-links "%HERE%wheels" --force-reinstall --require-hashes -r "%HERE%requirements.txt"
if errorlevel 1 goto :failed
copy /y "%HERE%ptdraft.bat" "%HOME_DIR%\ptdraft.bat" >nul
powershell -NoProfile -ExecutionPolicy Bypass -Command "$s = New-Object -ComObject WScript.Shell; foreach ($d in @([Environment]::GetFolderPath('Desktop'), [Environment]::GetFolderPath('Programs'))) {{ $l = $s.CreateShortcut((Join-Path $d 'ptdraft.lnk')); $l.TargetPath = '%VENV%\Scripts\pythonw.exe'; $l.Arguments = '-m ptdraft'; $l.WorkingDirectory = [Environment]::GetFolderPath('MyDocuments'); $l.Description = 'Soan thao van ban hanh chinh'; $l.Save() }}" >nul 2>nul
echo.
echo Da cai xong ptdraft {version}. Mo chuong trinh bang loi tat "ptdraft" tren man hinh,
echo hoac chay %HOME_DIR%\ptdraft.bat
pause
exit /b 0
:failed
echo.
echo Chua cai duoc ptdraft. Hay chup man hinh nay gui bo phan tin hoc.
pause
exit /b 1
"""

PTDRAFT_BAT = r"""@echo off
rem Mo cua so soan thao ptdraft bang pythonw (khong co cua so dong lenh phia sau).
start "" "%LOCALAPPDATA%\ptdraft\venv\Scripts\pythonw.exe" -m ptdraft %*
"""

INSTALL_SH = """#!/bin/sh
# Install ptdraft for this user without network: a venv under ${{XDG_DATA_HOME:-~/.local/share}}/ptdraft/venv
# made with python{python}, then the wheels of this folder (each checked against requirements.txt).
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
HOME_DIR="${{XDG_DATA_HOME:-$HOME/.local/share}}/ptdraft"
VENV="$HOME_DIR/venv"
PYTHON="${{PYTHON:-python{python}}}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "Không tìm thấy $PYTHON: hãy cài Python {python} rồi chạy lại." >&2
    exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --disable-pip-version-check --no-index --find-links "$HERE/wheels" \\
    --force-reinstall --require-hashes -r "$HERE/requirements.txt"
cp "$HERE/ptdraft.sh" "$HOME_DIR/ptdraft.sh"
chmod +x "$HOME_DIR/ptdraft.sh"
echo "Đã cài xong ptdraft {version}: chạy $HOME_DIR/ptdraft.sh (hoặc $VENV/bin/ptdraft)."
"""

PTDRAFT_SH = """#!/bin/sh
# Start ptdraft from the venv made by install.sh: no arguments opens the window, arguments run a command.
exec "${XDG_DATA_HOME:-$HOME/.local/share}/ptdraft/venv/bin/ptdraft" "$@"
"""

GUIDE = """BỘ CÀI PTDRAFT {version} KHÔNG CẦN MẠNG ({platform}, Python {python})

{steps}

Thư mục wheels/ có {count} gói ({size}); requirements.txt ghi phiên bản và mã SHA-256 của từng gói, nên một
bản chép hỏng bị từ chối thay vì cài sai. Bản thảo, cài đặt và cơ sở dữ liệu của người dùng nằm trong thư mục
dữ liệu ({data}); cài lại hoặc cài bản mới không xóa chúng.
"""

WINDOWS_STEPS = """1. Máy cần Python {python} (64-bit). Nếu chưa có: chạy bộ cài Python {python} chép kèm, chọn
   "Install for me only" (không cần quyền quản trị); install.bat tìm Python qua "py" hoặc ở
   %LOCALAPPDATA%\\Programs\\Python\\Python{nodot}.
2. Chép cả thư mục này vào máy (ví dụ vào Tài liệu), bấm đúp install.bat và chờ chữ "Da cai xong".
3. Mở chương trình bằng lối tắt "ptdraft" trên màn hình (hoặc trong menu Start). Không có cửa sổ đen
   phía sau; nhật ký lỗi ở %LOCALAPPDATA%\\ptdraft\\ptdraft.log.
4. Cập nhật: chép bộ cài mới và chạy lại install.bat. Gỡ: xóa thư mục %LOCALAPPDATA%\\ptdraft\\venv và lối tắt."""

LINUX_STEPS = """1. Máy cần python{python} (gói python{python} và python{python}-venv).
2. Chạy: sh install.sh
3. Mở chương trình: ~/.local/share/ptdraft/ptdraft.sh"""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _human(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB".replace(".", ",")


def write_folder(out: Path, target: Target, own: Path, chosen: dict[str, Chosen], extras: list[str]) -> dict:
    wheels = out / "wheels"
    own_name = canonicalize_name(parse_wheel_filename(own.name)[0])
    own_version = parse_wheel_filename(own.name)[1]
    entries = []
    lines = []
    everything = [(own_name, own_version, own, set(extras))] + [
        (name, c.version, c.path, c.extras) for name, c in sorted(chosen.items())
    ]
    for name, version, path, wanted_extras in everything:
        placed = wheels / path.name
        if path.resolve() != placed.resolve():
            shutil.copy2(path, placed)
        digest = _sha256(placed)
        extra_text = f"[{','.join(sorted(wanted_extras))}]" if wanted_extras else ""
        lines.append(f"{name}{extra_text}=={version} --hash=sha256:{digest}")
        entries.append({"file": placed.name, "name": name, "version": str(version), "sha256": digest,
                        "bytes": placed.stat().st_size})
    stray = {p.name for p in wheels.glob("*.whl")} - {e["file"] for e in entries}
    for name in stray:  # a version replaced during resolution
        (wheels / name).unlink()
    (out / "requirements.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = sum(e["bytes"] for e in entries)
    values = {"python": target.python_text, "nodot": target.python_text.replace(".", ""), "version": str(own_version)}
    if target.system == "windows":
        (out / "install.bat").write_bytes(INSTALL_BAT.format(**values).replace("\n", "\r\n").encode("ascii"))
        (out / "ptdraft.bat").write_bytes(PTDRAFT_BAT.replace("\n", "\r\n").encode("ascii"))
        steps, data, newline, encoding = WINDOWS_STEPS.format(**values), "%LOCALAPPDATA%\\ptdraft", "\r\n", "utf-8-sig"
    else:
        for name, text in (("install.sh", INSTALL_SH.format(**values)), ("ptdraft.sh", PTDRAFT_SH)):
            (out / name).write_text(text, encoding="utf-8")
            (out / name).chmod(0o755)
        steps, data, newline, encoding = LINUX_STEPS.format(**values), "~/.local/share/ptdraft", "\n", "utf-8"
    guide = GUIDE.format(steps=steps, count=len(entries), size=_human(size), data=data, platform=target.platforms[0],
                         **values)
    (out / "HUONG-DAN.txt").write_bytes(guide.replace("\n", newline).encode(encoding))
    manifest = {"platform": target.platforms[0], "python": target.python_text, "extras": extras,
                "wheels": entries, "bytes": size}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def make(target: Target, out: Path, *, extras: list[str] | None = None, cache: Path | None = None,
         root: Path = ROOT) -> dict:
    """Write the offline installer folder ``out`` for ``target``; returns its manifest."""
    project, default_extras = project_settings(root)
    extras = default_extras if extras is None else extras
    unknown = [e for e in extras if e not in project.get("optional-dependencies", {})]
    if unknown:
        raise WheelhouseError(f"--extra: phần '{unknown[0]}' không có trong pyproject.toml", EXIT_BAD_INPUT)
    if out.exists() and any(out.iterdir()):
        raise WheelhouseError(f"thư mục '{out}' đã có tệp; hãy chọn một thư mục mới", EXIT_BAD_INPUT)
    (out / "wheels").mkdir(parents=True, exist_ok=True)
    own = build_own_wheel(root, out / "wheels")
    resolver = Resolver(target, out / "wheels", cache)
    resolver.resolve([r for r in wheel_requirements(own) if wanted(r, target, set(extras))])
    return write_folder(out, target, own, resolver.chosen, extras)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wheelhouse.py", description="Dựng bộ cài ptdraft không cần mạng.")
    parser.add_argument("--platform", required=True, help="win_amd64, win_arm64, linux (máy này) hoặc manylinux_2_28_x86_64")
    parser.add_argument("--python", default="3.11", help="phiên bản Python của máy đích (mặc định 3.11)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="thư mục mới để ghi bộ cài")
    parser.add_argument("--extra", action="append", help="phần tùy chọn cần cài (mặc định: theo pyproject.toml)")
    parser.add_argument("--no-extras", action="store_true", help="không cài phần tùy chọn nào")
    parser.add_argument("--cache", type=Path, help="thư mục giữ các gói đã tải giữa các lần dựng")
    args = parser.parse_args(argv)
    try:
        target = parse_target(args.platform, args.python)
        extras = [] if args.no_extras else args.extra
        manifest = make(target, args.output, extras=extras, cache=args.cache)
    except WheelhouseError as exc:
        print(f"wheelhouse: lỗi: {exc}", file=sys.stderr)
        return exc.code
    print(f"Đã ghi {args.output}: {len(manifest['wheels'])} gói, {_human(manifest['bytes'])}, "
          f"cho {manifest['platform']}, Python {manifest['python']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
