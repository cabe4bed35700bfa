"""Mail merge: 1,000 letters from a 1,000-row XLSX, ptdraft against docxtpl doing the same 1,000, in one run.

Both read the same workbook with openpyxl and write one DOCX per row into an empty folder:
- ptdraft: ``merge.read_table`` + ``merge.plan`` + ``merge.write`` (no fsync per file; one sync at the end),
  the general công văn template (``cong-van-chung``) with its example values and the row's Kính gửi;
- docxtpl: the same letter, rendered once by ptdraft with "{{ kinh_gui }}" where the recipient goes, used as a
  docxtpl template; per row ``DocxTemplate(template).render({...})`` and ``save``.

Rounds are interleaved (ptdraft, docxtpl, ptdraft, …) and the medians compared, since the machine is shared.

    python benchmarks/bench_merge.py [--rows 1000] [--rounds 3] [--json]

docxtpl is a benchmark tool only (``pip install docxtpl``), never a dependency of ptdraft.
Target (issue 13): at least 500 letters/s. Nothing is asserted; the figures go into README.md.
"""
from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ptdraft import api  # noqa: E402
from ptdraft.outputs import merge  # noqa: E402

MARK = "NƠI-NHẬN-MẪU-BENCH"


def _workbook(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kính gửi", "Tên tệp"])
    for number in range(1, rows + 1):
        sheet.append([f"Ủy ban nhân dân xã Số {number}", f"thu-{number:05d}"])
    book.save(path)


def _draft():
    template = api.get_template("cong-van-chung")
    return api.example_draft(template)


def _docxtpl_template(draft, path: Path) -> None:
    """ptdraft's own letter with the recipient replaced by a docxtpl tag, so both write the same document."""
    marked = api.with_values(draft, {**draft.values, "kinh_gui": [MARK]})
    data = api.docx_bytes(marked)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = part.decode("utf-8")
                assert MARK in text
                part = text.replace(MARK, "{{ kinh_gui }}").encode("utf-8")
            out.writestr(info, part)


def run_ptdraft(draft, workbook: Path, folder: Path) -> float:
    start = time.perf_counter()
    table = merge.read_table(workbook)
    plan = merge.plan(draft, table)
    summary = merge.write(plan, folder, with_file_copy=False)
    elapsed = time.perf_counter() - start
    assert len(summary.written) == len(table.rows)
    return elapsed


def run_docxtpl(template: Path, workbook: Path, folder: Path) -> float:
    import openpyxl
    from docxtpl import DocxTemplate

    start = time.perf_counter()
    book = openpyxl.load_workbook(workbook, read_only=True)
    rows = list(book.active.iter_rows(min_row=2, values_only=True))
    book.close()
    folder.mkdir()
    for recipient, name in rows:
        document = DocxTemplate(str(template))
        document.render({"kinh_gui": recipient})
        document.save(str(folder / f"{name}.docx"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one machine-readable line")
    args = parser.parse_args()
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        sys.exit("docxtpl is needed for the comparison: pip install docxtpl")
    draft = _draft()
    with tempfile.TemporaryDirectory(prefix="ptdraft-bench-merge-") as tmp:
        work = Path(tmp)
        workbook = work / "danh-sach.xlsx"
        _workbook(workbook, args.rows)
        template = work / "mau-docxtpl.docx"
        _docxtpl_template(draft, template)
        run_ptdraft(draft, workbook, work / "warm")  # imports, caches
        ours, theirs = [], []
        for round_ in range(args.rounds):
            gc.collect()  # each contender starts without the other's garbage
            ours.append(run_ptdraft(draft, workbook, work / f"ptdraft-{round_}"))
            shutil.rmtree(work / f"ptdraft-{round_}")
            gc.collect()
            theirs.append(run_docxtpl(template, workbook, work / f"docxtpl-{round_}"))
            shutil.rmtree(work / f"docxtpl-{round_}")
            if not args.json:
                print(f"  round {round_ + 1}: ptdraft {ours[-1]:.2f} s, docxtpl {theirs[-1]:.2f} s", flush=True)
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    result = {
        "rows": args.rows,
        "rounds": args.rounds,
        "ptdraft_s": round(ours_s, 3),
        "ptdraft_letters_per_s": round(args.rows / ours_s),
        "docxtpl_s": round(theirs_s, 3),
        "docxtpl_letters_per_s": round(args.rows / theirs_s, 1),
        "ratio_docxtpl_over_ptdraft": round(theirs_s / ours_s, 1),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.rows} letters from a {args.rows}-row XLSX, median of {args.rounds} interleaved rounds:")
    print(f"  ptdraft merge : {ours_s:6.2f} s  ({result['ptdraft_letters_per_s']} letters/s)")
    print(f"  docxtpl       : {theirs_s:6.2f} s  ({result['docxtpl_letters_per_s']} letters/s)")
    print(f"  docxtpl takes {result['ratio_docxtpl_over_ptdraft']}× as long as ptdraft")


if __name__ == "__main__":
    main()
