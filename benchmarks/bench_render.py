"""How long it takes to turn the real letter into a DOCX.

In-process: the draft examples/cong-van-van-phong-ubnd-tinh.json (the real letter in
tests/data/samples/) loaded and written to DOCX bytes, ``RUNS`` times after a warm-up,
as a whole (api.load_draft + api.docx_bytes) and stage by stage (load, fill, layout,
write). Whole command: ``ptdraft render <letter> -o <tmp>.docx`` as a subprocess,
``COMMAND_RUNS`` times, which adds the interpreter start and the imports.

    python benchmarks/bench_render.py [--runs 200] [--command-runs 10]

Target (issue 2): at most 10 ms per letter in-process. Nothing here is asserted;
the figures go into README.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import print_tables  # noqa: E402
from ptdraft import api, docx_writer  # noqa: E402
from ptdraft.layout import layout  # noqa: E402

LETTER = ROOT / "examples" / "cong-van-van-phong-ubnd-tinh.json"
WARMUP = 20


def bench_in_process(runs: int) -> dict[str, list[int]]:
    stages: dict[str, list[int]] = {"load": [], "fill": [], "layout": [], "write": [], "total": []}
    for _ in range(WARMUP):
        api.docx_bytes(api.load_draft(LETTER))
    clock = time.perf_counter_ns
    for _ in range(runs):
        t0 = clock()
        draft = api.load_draft(LETTER)
        t1 = clock()
        content = api.fill(draft)
        t2 = clock()
        result = layout(content, title=draft.title, author=draft.author)
        t3 = clock()
        data = docx_writer.to_bytes(result)
        t4 = clock()
        stages["load"].append(t1 - t0)
        stages["fill"].append(t2 - t1)
        stages["layout"].append(t3 - t2)
        stages["write"].append(t4 - t3)
        assert data[:2] == b"PK"
    for _ in range(runs):
        t0 = clock()
        data = api.docx_bytes(api.load_draft(LETTER))
        stages["total"].append(clock() - t0)
    return stages


def bench_floor(runs: int) -> tuple[list[int], list[int]]:
    """In-process render of the loaded letter (fill, layout, DOCX bytes) and, interleaved, the zipfile floor: the
    same parts, already made, written into a ZIP with Python's zipfile (deflated), as any writer must at least do."""
    import io
    import zipfile

    draft = api.load_draft(LETTER)
    with zipfile.ZipFile(io.BytesIO(api.docx_bytes(draft))) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    clock = time.perf_counter_ns
    ours, floor = [], []
    for _ in range(WARMUP):
        api.docx_bytes(draft)
    for _ in range(runs):
        t0 = clock()
        api.docx_bytes(draft)
        t1 = clock()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts:
                out.writestr(name, data)
        t2 = clock()
        ours.append(t1 - t0)
        floor.append(t2 - t1)
    return ours, floor


def _command() -> tuple[list[str], str]:
    script = shutil.which("ptdraft")
    if script:
        return [script], "ptdraft"
    return [sys.executable, "-m", "ptdraft"], f"{Path(sys.executable).name} -m ptdraft"


def bench_command(runs: int) -> tuple[list[int], str]:
    command, shown = _command()
    samples: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "x.docx"
        args = [*command, "render", str(LETTER), "-o", str(out)]
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)  # warm the disk cache
        for _ in range(runs):
            t0 = time.perf_counter_ns()
            subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
            samples.append(time.perf_counter_ns() - t0)
    return samples, f"{shown} render examples/{LETTER.name} -o x.docx"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="in-process runs (default 200)")
    parser.add_argument("--command-runs", type=int, default=10, help="runs of the whole command (default 10)")
    args = parser.parse_args()

    stages = bench_in_process(args.runs)
    command_samples, command_text = bench_command(args.command_runs)

    cpu = platform.processor() or platform.machine()
    print(f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    print(f"Letter: {LETTER.relative_to(ROOT)} ({len(api.docx_bytes(api.load_draft(LETTER)))} bytes of DOCX)")
    print()
    rows = [
        ("load draft (JSON + schema)", "load"),
        ("fill (Jinja)", "fill"),
        ("layout (Decree 30 rules)", "layout"),
        ("write DOCX bytes", "write"),
        ("load + docx_bytes, whole", "total"),
    ]
    print_tables(rows, stages, args.runs, "ptdraft render … -o x.docx", command_samples, args.command_runs, command_text)
    ours, floor = bench_floor(args.runs)
    import statistics

    ratio = statistics.median(a / b for a, b in zip(ours, floor))
    print()
    print(f"In-process render of the loaded letter {statistics.median(ours) / 1e6:.2f} ms, the zipfile floor (its parts "
          f"written with zipfile) {statistics.median(floor) / 1e6:.2f} ms: ratio {ratio:.2f} (issue 14 target ≤ 2.0), "
          f"median of {args.runs} interleaved pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
