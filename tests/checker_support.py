"""Helpers for the checker tests: ptdraft's own valid DOCX, and python-docx edits that break one rule.

Each edit takes a python-docx Document of a shipped template's example and changes
one thing. Expected numbers are written out from FORMAT.md here, never read from
ptdraft.rules.
"""
from __future__ import annotations

import functools
import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ptdraft import api
from tests.support import template_example


@functools.cache
def valid_docx(template_id: str) -> bytes:
    """ptdraft's DOCX of a shipped template's example (dated 05/01/2026)."""
    return api.docx_bytes(template_example(api.get_template(template_id)))


def paragraphs(document) -> list[Paragraph]:
    """Every paragraph in document order, table cells included (as the checker counts them)."""
    out: list[Paragraph] = []

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                out.append(Paragraph(child, document))
            elif child.tag == qn("w:tbl"):
                for row in child.iterchildren(qn("w:tr")):
                    for cell in row.iterchildren(qn("w:tc")):
                        walk(cell)

    walk(document.element.body)
    return out


def para(document, start: str) -> Paragraph:
    """The first paragraph whose text starts with ``start``."""
    return next(p for p in paragraphs(document) if p.text.startswith(start))


def set_text(document, start: str, text: str) -> None:
    """Replace the text of the paragraph starting with ``start`` (its first run keeps its formatting)."""
    p = para(document, start)
    p.runs[0].text = text
    for run in p.runs[1:]:
        run.text = ""


def remove(document, start: str) -> None:
    p = para(document, start)
    p._element.getparent().remove(p._element)


def broken(template_id: str, change) -> bytes:
    """The template's valid DOCX with ``change(document)`` applied, saved again by python-docx."""
    document = docx.Document(io.BytesIO(valid_docx(template_id)))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def run_fonts(run, **slots: str) -> None:
    """Set font slots of a run directly: run_fonts(r, ascii="Arial", eastAsiaTheme="minorEastAsia")."""
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot, value in slots.items():
        fonts.set(qn(f"w:{slot}"), value)


def move_after(document, moved: str, anchor: str) -> None:
    para(document, anchor)._element.addnext(para(document, moved)._element)


def clear_page_number(document) -> None:
    for p in document.sections[0].header.paragraphs:
        for child in list(p._element):
            if child.tag == qn("w:r"):
                p._element.remove(child)


LEFT = WD_ALIGN_PARAGRAPH.LEFT
__all__ = ["Mm", "Pt", "LEFT", "broken", "para", "paragraphs", "remove", "run_fonts", "set_text", "valid_docx",
           "move_after", "clear_page_number"]
