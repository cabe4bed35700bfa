"""How long ``ptdraft check`` takes on a three-page DOCX.

The document: the shipped "cong-van-chung" example with a long body (its paragraphs
repeated until the letter fills three A4 pages; with ``--pages`` LibreOffice converts
it once and the page count is printed). Whole command: ``ptdraft check <file>.docx``
as a subprocess, ``COMMAND_RUNS`` times after one warm-up; it includes the interpreter
start and the imports. In-process: ``checker.check_docx`` ``RUNS`` times after a
warm-up, whole and stage by stage (read + parse + resolve formatting, recognise the
elements, run the rules), plus the ``--fix`` of the same file with a few findings.

    python benchmarks/bench_check.py [--runs 100] [--command-runs 10] [--pages]

Target (issue 5): under 300 ms for the whole command. Nothing here is asserted; the
figures go into README.md.
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
from ptdraft import api  # noqa: E402
from ptdraft.checker import check_docx, engine, rules_format, rules_text  # noqa: E402
from ptdraft.ooxml import docx_reader  # noqa: E402
from ptdraft.checker.fixer import fix_package  # noqa: E402
from ptdraft.checker.recognise import recognise  # noqa: E402

TEMPLATE = "cong-van-chung"
BODY_COPIES = 12  # copies of the body's first and last paragraphs: three A4 pages (LibreOffice: 3 from 8 to 15)
WARMUP = 10


def three_page_docx() -> bytes:
    template = api.get_template(TEMPLATE)
    draft = api.example_draft(template)
    body = draft.values["noi_dung"].strip()
    long_body = "\n\n".join([body] + [body.split("\n\n")[0]] * BODY_COPIES + [body.split("\n\n")[-1]] * BODY_COPIES)
    draft = api.with_values(draft, {**draft.values, "noi_dung": long_body})
    return api.docx_bytes(draft)


def bench_in_process(path: Path, runs: int) -> dict[str, list[int]]:
    stages: dict[str, list[int]] = {"read": [], "recognise": [], "rules": [], "total": [], "fix": []}
    for _ in range(WARMUP):
        check_docx(path)
    clock = time.perf_counter_ns
    data = path.read_bytes()
    for _ in range(runs):
        t0 = clock()
        package = docx_reader.read(data, str(path))
        t1 = clock()
        found = recognise(package.info)
        t2 = clock()
        doc = package.info
        results = rules_format.page_rules(doc) + rules_format.font_rules(doc) + rules_format.element_rules(doc, found)
        results += rules_format.body_rules(doc, found)
        for rule in rules_text.TEXT_RULES:
            results += rule(doc, found)
        t3 = clock()
        stages["read"].append(t1 - t0)
        stages["recognise"].append(t2 - t1)
        stages["rules"].append(t3 - t2)
    for _ in range(runs):
        t0 = clock()
        check_docx(path)
        stages["total"].append(clock() - t0)
    broken = _with_findings(data)
    for _ in range(max(1, runs // 5)):
        t0 = clock()
        fix_package(docx_reader.read(broken))
        stages["fix"].append(clock() - t0)
    return stages


def _with_findings(data: bytes) -> bytes:
    """The same letter with a narrow margin, a date without its leading zero and a Nơi nhận line without ";"."""
    package = docx_reader.read(data)
    from ptdraft.checker import docx_edit

    docx_edit.set_page(package, 0, "left", 1000)
    for para in package.info.paragraphs:
        if para.text.startswith("Quảng Trị, ngày"):
            docx_edit.set_text(package, para.index, "Quảng Trị, ngày 5 tháng 3 năm 2026")
        if para.text == "- Lãnh đạo Sở;":
            docx_edit.set_text(package, para.index, "- Lãnh đạo Sở")
    broken = package.to_bytes()
    assert len(engine.check_bytes(broken)) == 3
    return broken


def _command() -> tuple[list[str], str]:
    script = shutil.which("ptdraft")
    if script:
        return [script], "ptdraft"
    return [sys.executable, "-m", "ptdraft"], f"{Path(sys.executable).name} -m ptdraft"


def bench_command(path: Path, runs: int) -> tuple[list[int], str]:
    command, shown = _command()
    args = [*command, "check", str(path)]
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT)  # warm the disk cache
    samples: list[int] = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
        samples.append(time.perf_counter_ns() - t0)
    return samples, f"{shown} check {path.name}"


def page_count(path: Path) -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdfinfo"):
        return "unknown (LibreOffice or pdfinfo missing)"
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", folder, str(path)], check=True, capture_output=True, timeout=300)
        info = subprocess.run(["pdfinfo", str(Path(folder) / f"{path.stem}.pdf")], capture_output=True, text=True)
    return next((line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")), "unknown")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100, help="in-process runs (default 100)")
    parser.add_argument("--command-runs", type=int, default=10, help="runs of the whole command (default 10)")
    parser.add_argument("--pages", action="store_true", help="count the pages with LibreOffice (slow, once)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ba-trang.docx"
        path.write_bytes(three_page_docx())
        paragraphs = len(docx_reader.read(path).info.paragraphs)
        findings = len(check_docx(path))
        stages = bench_in_process(path, args.runs)
        command_samples, command_text = bench_command(path, args.command_runs)
        pages = page_count(path) if args.pages else "not counted (use --pages)"
        size = path.stat().st_size

    cpu = platform.processor() or platform.machine()
    print(f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    print(f"Document: {TEMPLATE} with a long body, {size} bytes, {paragraphs} paragraphs, "
          f"pages: {pages}, findings: {findings}")
    print()
    rows = [
        ("read (unzip, parse, resolve styles)", "read"),
        ("recognise the elements", "recognise"),
        ("rules", "rules"),
        ("check_docx, whole", "total"),
        ("fix (3 findings) + re-check", "fix"),
    ]
    print_tables(rows, stages, args.runs, "ptdraft check ba-trang.docx", command_samples, args.command_runs, command_text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
