"""Check a draft: write its DOCX in memory and check that, then point each finding at the draft's part.

The DOCX route (rather than checking the Layout) checks exactly what the clerk will
export, writer included, with the same rules as any other DOCX; writing a letter takes
a few milliseconds. The draft is filled leniently (as the preview does), so a draft
still being typed never raises.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ptdraft.checker import docx_reader
from ptdraft.checker.engine import check_package
from ptdraft.checker.findings import Finding

if TYPE_CHECKING:  # the writer and the layout load only when a draft is checked, not for a DOCX
    from ptdraft.layout import Layout
    from ptdraft.model import Draft

# Where a missing element is typed in the draft.
_MISSING_REF = {
    "1": "national_title", "2": "authority", "3": "number", "4": "date", "5a": "doc_type", "5b": "subject",
    "6": "body", "7a": "signature", "7b": "signature", "9a": "recipients", "9b": "distribution",
}


def paragraph_refs(layout: Layout) -> list[str]:
    """The draft part of each DOCX paragraph, in the order the DOCX writer writes them."""
    from ptdraft.layout import Table

    refs: list[str] = []
    for block in layout.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    refs.extend(b.ref for b in cell.blocks) if cell.blocks else refs.append("")
        else:
            refs.append(block.ref)
    if layout.blocks and isinstance(layout.blocks[-1], Table):
        refs.append("")  # the closing paragraph a document must end with
    return refs


def check_draft(draft: Draft) -> list[Finding]:
    """The findings of a draft's DOCX, each with ``ref`` naming the part of the draft it comes from."""
    from ptdraft import api, docx_writer

    layout, _errors = api.preview_layout(draft)
    package = docx_reader.read(docx_writer.to_bytes(layout), draft.title or "bản thảo")
    refs = paragraph_refs(layout)
    if len(refs) != len(package.info.paragraphs):
        refs = []
    out = []
    for result in check_package(package):
        finding = result.finding
        if finding.paragraph is not None and refs:
            ref = refs[finding.paragraph]
        else:
            ref = _MISSING_REF.get(finding.box, "") if finding.rule == "element.missing" else ""
        out.append(dataclasses.replace(finding, ref=ref))
    return out

