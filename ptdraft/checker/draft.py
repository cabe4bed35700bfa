"""Check a draft through its DOCX (written in memory by the caller), then point each finding at the draft's part.

The DOCX route (rather than checking the Layout) checks exactly what the clerk will
export, writer included, with the same rules as any other DOCX; writing a letter takes
a few milliseconds. The draft is filled leniently (as the preview does), so a draft
still being typed never raises.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ptdraft.ooxml import docx_reader
from ptdraft.checker.engine import check_package
from ptdraft.checker.findings import Finding
from ptdraft.model import ref_head

if TYPE_CHECKING:  # the writer and the layout load only when a draft is checked, not for a DOCX
    from ptdraft.layout import Layout
    from ptdraft.model import Draft

# Where a missing element is typed in the draft.
_MISSING_REF = {
    "1": "national_title", "2": "authority", "3": "number", "4": "date", "5a": "doc_type", "5b": "subject",
    "6": "body", "7a": "signature", "7b": "signature", "9a": "recipients", "9b": "distribution",
}


def paragraph_blocks(layout: Layout) -> list[tuple[str, object]]:
    """The draft part and the layout paragraph (None for a section's closing paragraph or the document's last one)
    of each DOCX paragraph, in the order the DOCX writer writes them."""
    from ptdraft.layout import SectionBreak, Table

    out: list[tuple[str, object]] = []
    for block in layout.blocks:
        if isinstance(block, SectionBreak):
            out.append((block.ref, None))  # the paragraph ending the section
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    out.extend((b.ref, b) for b in cell.blocks) if cell.blocks else out.append(("", None))
        else:
            out.append((block.ref, block))
    if layout.blocks and isinstance(layout.blocks[-1], Table):
        out.append(("", None))  # the closing paragraph a document must end with
    return out


def paragraph_refs(layout: Layout) -> list[str]:
    """The draft part of each DOCX paragraph, in the order the DOCX writer writes them."""
    return [ref for ref, _block in paragraph_blocks(layout)]


# The box (ô số) of a draft part, for what is missing or wrong in the draft itself.
_BOX_OF = {
    "parent_authority": "2", "authority": "2", "number": "3", "issuer_code": "3", "unit_code": "3", "type_code": "3", "place": "4",
    "date": "4", "doc_type": "5a", "subject": "5a", "recipients": "9a", "signature": "7a", "cosigner": "7a", "distribution": "9b",
}


def draft_findings(draft: Draft) -> list[Finding]:
    """What the draft itself still lacks (required values, parts, template errors): the DOCX would print
    placeholders or nothing there, so these come first."""
    from ptdraft import problems
    from ptdraft.templating import render

    def part_using(field_id: str) -> str:
        """The first part of the document (in print order) whose text uses a template field."""
        return next(iter(render.parts_using(draft.content, field_id)), "body")

    out = []
    for problem in problems.find(draft):
        ref = problem.ref
        if ref.startswith("values."):
            ref = part_using(ref.removeprefix("values."))
        head = ref_head(ref)
        out.append(
            Finding(
                rule=problem.rule,
                box=_BOX_OF.get(head, "6"),
                section="§8" if problem.rule == "draft.signature" else "",
                paragraph=None,
                excerpt="",
                message=problem.message,
                fix=problem.fix or "Điền hoặc sửa phần này trong bản thảo trước khi xuất.",
                ref=problem.ref,
            )
        )
    return out


def check_written(draft: Draft, layout: Layout, data: bytes) -> list[Finding]:
    """The findings of a draft: what it still lacks, then those of ``data``, the DOCX written from ``layout`` (its
    lenient layout), each with ``ref`` naming the part of the draft it comes from. The caller lays out and writes
    (:func:`ptdraft.api.check_draft`): the checker reads DOCX bytes and never drives the writer."""
    package = docx_reader.read(data, draft.title or "bản thảo")
    refs = paragraph_refs(layout)
    if len(refs) != len(package.info.paragraphs):
        refs = []
    out = draft_findings(draft)
    for result in check_package(package):
        finding = result.finding
        if finding.paragraph is not None and refs:
            ref = refs[finding.paragraph]
        else:
            ref = _MISSING_REF.get(finding.box, "") if finding.rule == "element.missing" else ""
        out.append(dataclasses.replace(finding, ref=ref))
    return out
