"""``ptdraft check``: findings as text for a reviewer or as JSON for a program, and the exit code.

Exit codes: 0 no finding (after --fix: none left), 1 findings, 2 bad input (raised as
PtdraftError and turned into one message by the command line).

JSON (``--json``): ``{"file": …, "findings": [Finding…]}``; with ``--fix``:
``{"file": …, "output": …, "fixed": [Finding…], "remaining": [Finding…]}``. Each
finding is ``{"rule", "box", "section", "paragraph", "excerpt", "message", "fix",
"fixable", "ref"}``; ``paragraph`` counts from 0 in document order (paragraphs inside
tables included) and is null for page-wide or missing elements. Bad input under ``--json`` prints
``{"file": …, "error": {"message": …, "where": …}}`` on stdout (the message goes to stderr too) and exits 2, so a
program reading the JSON is told what went wrong instead of finding nothing to parse.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from ptdraft.checker.findings import Finding, proportionate
from ptdraft.errors import InputError, PtdraftError

EXIT_CLEAN = 0
EXIT_FINDINGS = 1


def describe(finding: Finding, number: int) -> str:
    """One finding as a few lines of Vietnamese text."""
    where = []
    if finding.box:
        where.append(f"ô {finding.box}")
    if finding.paragraph is not None:
        where.append(f"đoạn {finding.paragraph + 1}")
    place = ", ".join(where) or (f"FORMAT.md {finding.section}" if finding.section else "toàn văn bản")
    quote = f" «{finding.excerpt}»" if finding.excerpt else ""
    auto = " (--fix sửa được)" if finding.fixable else ""
    return (f"{number:3d}. [{finding.rule}] {place}{quote}\n"
            f"     {finding.message}\n"
            f"     Cách sửa: {finding.fix}{auto}")


def text_report(name: str, findings: Sequence[Finding], total: int | None = None) -> str:
    if not findings:
        return f"{name}: không có lỗi thể thức theo Nghị định 30/2020/NĐ-CP."
    fixable = sum(f.fixable * f.count for f in findings)
    total = sum(f.count for f in findings) if total is None else total
    head = f"{name}: {total} lỗi thể thức theo Nghị định 30/2020/NĐ-CP ({fixable} lỗi --fix sửa được)."
    return "\n".join([head, *(describe(f, n) for n, f in enumerate(findings, start=1))])


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def run(source: Path, *, as_json: bool = False, fix: bool = False, output: Path | None = None) -> int:
    """Check (and with ``fix`` correct into ``output``) one DOCX or draft JSON; print; return the exit code."""
    try:
        return _run(Path(source), as_json=as_json, fix=fix, output=output)
    except PtdraftError as exc:
        if as_json:
            print(_dump({"file": str(source), "error": {"message": exc.message, "where": exc.where}}))
        raise


def _run(source: Path, *, as_json: bool, fix: bool, output: Path | None) -> int:
    is_draft = source.suffix.lower() == ".json"
    if fix and output is None:
        raise InputError("--fix cần tệp kết quả: -o TỆP-ĐÃ-SỬA.docx", "--fix")
    if output is not None and not fix:
        raise InputError("-o chỉ dùng cùng --fix", "-o")
    if fix and is_draft:
        raise InputError("--fix chỉ sửa tệp DOCX; bản thảo JSON được ptdraft trình bày đúng khi xuất", str(source))
    if fix:
        from ptdraft.checker import fixer

        assert output is not None  # refused above without -o
        report = fixer.fix_docx(source, output)
        if as_json:
            print(_dump({"file": str(source), "output": str(report.path or output),
                         "fixed": [f.to_dict() for f in report.fixed],
                         "remaining": [f.to_dict() for f in report.remaining]}))
        else:
            print(f"Đã ghi bản đã sửa: {report.path or output} (tệp gốc {source} không thay đổi).")
            if report.fixed:
                print(f"Đã sửa {len(report.fixed)} lỗi:")
                for number, finding in enumerate(report.fixed, start=1):
                    print(f"{number:3d}. [{finding.rule}] {finding.message}")
            else:
                print("Không có lỗi nào cần sửa.")
            print(text_report(f"Còn lại trong {output}", proportionate(report.remaining),
                              total=len(report.remaining)))
        return EXIT_FINDINGS if report.remaining else EXIT_CLEAN
    if is_draft:
        from ptdraft import api

        findings = api.check_draft(api.load_draft(source))
    else:
        from ptdraft import checker

        findings = checker.check_docx(source)
    shown = proportionate(findings)
    if as_json:
        print(_dump({"file": str(source), "total": len(findings), "findings": [f.to_dict() for f in shown]}))
    else:
        print(text_report(str(source), shown, total=len(findings)))
    return EXIT_FINDINGS if findings else EXIT_CLEAN
