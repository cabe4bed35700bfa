"""How long a command takes from the shell, against the cheapest Python process that loads what it truly needs.

Each pair runs interleaved (command, yardstick, command, …) in fresh processes with an empty data folder, after a
warm-up run that also writes the bytecode caches; the medians and the ratio of each pair's medians are printed.
The yardstick of a command is a process that only imports the code its work runs (the command line's parser and
the modules that do the job), so the ratio is what the command costs beyond that: loading what it does not use,
building its parser, and the work itself.

| command | yardstick |
|---|---|
| ``ptdraft render LETTER.json -o x.docx`` | ``python -c "import docx"`` (issue 14's comparison) |
| ``ptdraft --help`` | ``python -c "import argparse"`` and printing a parser's help |
| ``ptdraft import LETTER.txt -o x.json`` | ``python -c "import argparse, ptdraft.importer, ptdraft.files.drafts"`` |
| ``ptdraft check x.docx`` | ``python -c "import argparse, ptdraft.checker.engine"`` |

    python benchmarks/bench_commands.py [--runs 15] [--json]

Targets (issue 14): render ≤ 1.3 × its yardstick; --help, import and check each within 1.3 × theirs.
Nothing is asserted; the figures go into README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "examples" / "cong-van-van-phong-ubnd-tinh.json"
TEXT = ROOT / "examples" / "cong-van-chep-tu-pdf.txt"
TARGET = 1.3


def _pairs(work: Path) -> list[tuple[str, list[str], list[str]]]:
    py = sys.executable
    return [
        ("render", [py, "-m", "ptdraft", "render", str(LETTER), "-o", str(work / "x.docx")],
         [py, "-c", "import docx"]),
        ("--help", [py, "-m", "ptdraft", "--help"],
         [py, "-c", "import argparse; argparse.ArgumentParser(prog='ptdraft').print_help()"]),
        ("import", [py, "-m", "ptdraft", "import", str(TEXT), "-o", str(work / "x.json")],
         [py, "-c", "import argparse, ptdraft.importer, ptdraft.files.drafts"]),
        ("check", [py, "-m", "ptdraft", "check", str(work / "x.docx")],
         [py, "-c", "import argparse, ptdraft.checker.engine"]),
    ]


def _run(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, check=False)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="also print one JSON line with the figures")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ptdraft-bench-commands-"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PTDRAFT_DB")}
    env["PTDRAFT_DATA_DIR"] = str(work / "data")
    results = {}
    print(f"each pair interleaved, {args.runs} runs, medians (Python {sys.version.split()[0]}):")
    for name, command, yardstick in _pairs(work):
        for _ in range(2):  # warm-up: bytecode caches written, files made (check reads render's DOCX)
            _run(command, env)
            _run(yardstick, env)
        ours, theirs, ratios = [], [], []
        for _ in range(args.runs):
            a = _run(command, env)
            b = _run(yardstick, env)
            ours.append(a)
            theirs.append(b)
            ratios.append(a / b)
        result = {"ms": statistics.median(ours) * 1000, "yardstick_ms": statistics.median(theirs) * 1000,
                  "ratio": statistics.median(ratios)}
        results[name] = result
        met = "met" if result["ratio"] <= TARGET else "not met"
        print(f"  ptdraft {name:<7} {result['ms']:6.0f} ms   yardstick {result['yardstick_ms']:6.0f} ms   "
              f"ratio {result['ratio']:.2f} (target ≤ {TARGET}: {met})")
    if args.json:
        print(json.dumps({"bench": "commands", "runs": args.runs, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
