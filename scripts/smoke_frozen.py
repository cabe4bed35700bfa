"""Smoke test of the frozen program (scripts/build_app.py): what a clerk does first, run from the built folder.

    python3 scripts/smoke_frozen.py dist/ptdraft

In an empty folder holding a copy of examples/, with its own data folder and no Python path: --version, the
template list (SQLite library), render the example letter, check the DOCX it wrote, import a letter copied
from a PDF, and open the window offscreen until it is shown (PTDRAFT_BENCH_EXIT), three times, timing it.
Prints one line per step and exits 1 at the first failure. tests/test_frozen.py runs it when
PTDRAFT_TEST_FROZEN=1.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = ".exe" if sys.platform == "win32" else ""


class SmokeFailure(Exception):
    pass


def _run(program: Path, *args: str, env: dict, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run([str(program), *args], capture_output=True, text=True, encoding="utf-8", env=env,
                            cwd=cwd, timeout=timeout)
    if result.returncode not in (0,):
        raise SmokeFailure(f"{program.name} {' '.join(args)} → {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def smoke(folder: Path) -> dict:
    """Run every step; returns the figures (start times of the window in seconds)."""
    cli = folder / f"ptdraft-cli{SUFFIX}"
    # The windowed program has no console on Windows (nothing it prints is seen): there the console twin opens
    # the window; on Linux the windowed program itself does.
    window = folder / f"ptdraft{SUFFIX}" if sys.platform != "win32" else cli
    for program in (cli, window):
        if not program.is_file():
            raise SmokeFailure(f"{program} is missing")
    with tempfile.TemporaryDirectory(prefix="ptdraft-smoke-") as scratch:
        work = Path(scratch) / "work"
        shutil.copytree(ROOT / "examples", work / "examples")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        env.update(PTDRAFT_DATA_DIR=str(Path(scratch) / "data"), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
        env.pop("PTDRAFT_DB", None)

        version = _run(cli, "--version", env=env, cwd=work).stdout.strip()
        if not version.startswith("ptdraft "):
            raise SmokeFailure(f"--version printed {version!r}")
        print(f"ok  {version}")

        listed = _run(cli, "templates", env=env, cwd=work).stdout
        if "cong-van-chung" not in listed or "quyet-dinh" not in listed:
            raise SmokeFailure(f"templates listed:\n{listed}")
        print("ok  templates: the shipped templates are listed")

        _run(cli, "render", "examples/cong-van-van-phong-ubnd-tinh.json", "-o", "x.docx", env=env, cwd=work)
        with zipfile.ZipFile(work / "x.docx") as package:
            text = package.read("word/document.xml").decode("utf-8")
        if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text:
            raise SmokeFailure("the rendered letter has no national title")
        print(f"ok  render: x.docx, {(work / 'x.docx').stat().st_size} bytes")

        checked = json.loads(_run(cli, "check", "--json", "x.docx", env=env, cwd=work).stdout)
        if checked["findings"]:
            raise SmokeFailure(f"check found {checked['findings']}")
        print("ok  check: no finding in the rendered letter")

        _run(cli, "import", "examples/cong-van-chep-tu-pdf.txt", "-o", "ban-thao.json", env=env, cwd=work)
        content = json.loads((work / "ban-thao.json").read_text(encoding="utf-8"))["content"]
        if content.get("doc_type") != "Công văn" or not content.get("recipients"):
            raise SmokeFailure(f"the imported letter: {content}")
        print("ok  import: the letter copied from a PDF became a draft (Công văn, Kính gửi)")

        starts = []
        for _ in range(3):
            began = time.perf_counter()
            shown = _run(window, "examples/cong-van-van-phong-ubnd-tinh.json", env={**env, "PTDRAFT_BENCH_EXIT": "1"},
                         cwd=work)
            starts.append(time.perf_counter() - began)
            if "ptdraft: window shown" not in shown.stdout:
                raise SmokeFailure(f"the window did not say it was shown:\n{shown.stdout}\n{shown.stderr}")
        print(f"ok  window: opened offscreen with the real letter and closed; start to shown, median "
              f"{statistics.median(starts):.2f} s of 3")
    return {"window_start_s": statistics.median(starts)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else ROOT / "dist" / "ptdraft"
    try:
        smoke(folder)
    except (SmokeFailure, subprocess.TimeoutExpired, OSError) as exc:
        print(f"FAILED  {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
