"""``ptdraft check --fix``: a corrected copy of a DOCX, for what can be repaired without changing a word.

Repairs sizes, weight and slant, fonts (all four slots, everywhere), page size and
margins, page numbering on page 1, body alignment and indent, and punctuation,
spacing and leading zeros (date, number, Kính gửi and Nơi nhận lists, "./.").
Every text repair is checked to keep the words: letters and numbers stay as they were.
The original file is only read; the copy is written beside the output and renamed.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from ptdraft.checker import docx_edit
from ptdraft.ooxml import docx_reader
from ptdraft.checker.engine import check_package
from ptdraft.checker.findings import Finding, Fix, wording
from ptdraft.errors import InputError

ROUNDS = 4  # a text repair can reveal the next one on the same paragraph (title and motto on one line)


@dataclass(frozen=True)
class FixReport:
    """What the copy fixed and what is still to do by hand (found again in the copy)."""

    fixed: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    data: bytes
    path: Path | None = None  # where the copy was written (another name when the output file was held)


def _apply(package: docx_reader.Package, repair: Fix) -> bool:
    kind = repair.kind
    if kind == "fonts":
        docx_edit.set_fonts(package)
    elif kind == "page":
        docx_edit.set_page(package, repair.target, repair.name, repair.value)
    elif kind == "runs":
        docx_edit.set_runs(package, repair.target, repair.runs, size=repair.size, bold=repair.bold, italic=repair.italic)
    elif kind == "paragraph":
        docx_edit.set_paragraph(package, repair.target, align=repair.align, first_indent=repair.first_indent)
    elif kind == "title-page":
        docx_edit.hide_first_page_number(package, repair.target)
    elif kind == "text":
        old = package.info.paragraphs[repair.target].text
        if wording(old) != wording(repair.text):
            return False
        return docx_edit.set_text(package, repair.target, repair.text)
    return True


def fix_package(package: docx_reader.Package) -> FixReport:
    """Repair an opened package in place; the report compares the findings before and after."""
    before = [result.finding for result in check_package(package)]
    failed: set[tuple] = set()
    for _round in range(ROUNDS):
        repairs = [r.repair for r in check_package(package) if r.repair is not None]
        repairs = [r for r in repairs if (r.kind, r.target, r.text) not in failed]
        if not repairs:
            break
        done_fonts, texts = False, set()
        for repair in repairs:
            if repair.kind == "fonts":
                if done_fonts:
                    continue
                done_fonts = True
            if repair.kind == "text":
                if repair.target in texts:
                    continue  # one text repair per paragraph per round: the next is computed on the new text
                texts.add(repair.target)
            if not _apply(package, repair):
                failed.add((repair.kind, repair.target, repair.text))
        package.reload()
    data = package.to_bytes()
    after = [result.finding for result in check_package(docx_reader.read(data, package.where))]
    left = {(f.rule, f.paragraph) for f in after}
    fixed = tuple(f for f in before if (f.rule, f.paragraph) not in left)
    return FixReport(fixed, tuple(after), data)


def fix_docx(source: Path, output: Path) -> FixReport:
    """Write a corrected copy of ``source`` to ``output`` (atomically); ``source`` is never written."""
    source, output = Path(source), Path(output)
    if output.exists() and source.exists() and os.path.samefile(source, output):
        raise InputError("tệp kết quả phải khác tệp gốc (tệp gốc không bao giờ bị ghi đè)", str(output))
    report = fix_package(docx_reader.read(source))
    from ptdraft.files.disk import write_atomic

    written = write_atomic(output, report.data)
    return dataclasses.replace(report, path=written)
