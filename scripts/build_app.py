"""Build ptdraft as one folder that runs without Python (PyInstaller, packaging/ptdraft.spec).

    python3 -m pip install '.[build]'
    python3 scripts/build_app.py                 # → dist/ptdraft/ (ptdraft, ptdraft-cli; .exe on Windows)
    python3 scripts/build_app.py -o /tmp/app --smoke

On Windows the same command builds ptdraft.exe (the window, no console) and ptdraft-cli.exe; copy the whole
dist\\ptdraft folder to the workstation (e.g. into %LOCALAPPDATA%\\Programs\\ptdraft) and make a shortcut to
ptdraft.exe. ``--smoke`` runs scripts/smoke_frozen.py on the result. The build folder of PyInstaller goes
beside the output (``-o``), never into the checkout unless the output is there.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "ptdraft.spec"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(out: Path) -> tuple[Path, float]:
    """Run PyInstaller on the spec; returns the program folder and the seconds the build took."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("build_app: chưa cài PyInstaller; hãy cài: python3 -m pip install '.[build]'") from None
    out = out.resolve()
    start = time.perf_counter()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)]
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"build_app: PyInstaller dừng với mã {result.returncode}")
    return out / "dist" / "ptdraft", time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_app.py", description="Dựng ptdraft thành một thư mục chạy không cần Python.")
    parser.add_argument("-o", "--output", type=Path, default=ROOT, help="thư mục ghi dist/ và build/ (mặc định: thư mục gốc)")
    parser.add_argument("--smoke", action="store_true", help="chạy thử chương trình đã dựng (scripts/smoke_frozen.py)")
    args = parser.parse_args(argv)
    folder, seconds = build(args.output)
    print(f"Đã dựng {folder} trong {seconds:.0f} s: {folder_size(folder) / 1_000_000:.0f} MB")
    if args.smoke:
        return subprocess.run([sys.executable, str(ROOT / "scripts" / "smoke_frozen.py"), str(folder)]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
