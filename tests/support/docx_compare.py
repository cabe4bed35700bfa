"""What a DOCX prints, paragraph by paragraph, for comparing two exports with a readable difference.

Core properties (title, author, dates) are left out: two exports of the same letter
may differ there and still print the same.
"""
from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from tests.support import iter_paras, open_docx, twips

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


def _fonts(run) -> tuple:
    rpr = run._r.rPr
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    if fonts is None:
        return ()
    return tuple(fonts.get(qn(slot)) for slot in FONT_SLOTS)


def _run(run) -> tuple:
    font = run.font
    return (
        run.text,
        bool(run.bold),
        bool(run.italic),
        font.size.pt if font.size is not None else None,
        _fonts(run),
        str(font.color.rgb) if font.color is not None and font.color.type is not None else None,
    )


def _paragraph(p) -> tuple:
    fmt = p.paragraph_format
    return (
        p.text,
        str(p.alignment),
        twips(fmt.left_indent),
        twips(fmt.right_indent),
        twips(fmt.first_line_indent),
        twips(fmt.space_before),
        twips(fmt.space_after),
        str(fmt.line_spacing),
        bool(fmt.keep_with_next),
        tuple(_run(r) for r in p.runs if r.text),
    )


def printed_parts(path: Path) -> list[tuple]:
    """Every paragraph of the body (table cells included, with their place), the headers and footers, and the page."""
    document = open_docx(path)
    out: list[tuple] = []
    for para in iter_paras(document):
        out.append(("body", para.table, para.row, para.cell, *_paragraph(para.p)))
    for index, section in enumerate(document.sections):
        out.append(
            (
                "page",
                index,
                twips(section.page_width),
                twips(section.page_height),
                twips(section.top_margin),
                twips(section.bottom_margin),
                twips(section.left_margin),
                twips(section.right_margin),
                twips(section.header_distance),
                twips(section.footer_distance),
                section.different_first_page_header_footer,
            )
        )
        for kind, part in (
            ("header", section.header),
            ("first_header", section.first_page_header),
            ("footer", section.footer),
            ("first_footer", section.first_page_footer),
        ):
            for p in part.paragraphs:
                out.append((kind, index, *_paragraph(p), p._p.xml.count("PAGE")))
    return out


def first_difference(expected: list[tuple], actual: list[tuple]) -> str | None:
    """None when equal, else where the two first differ, both sides shown."""
    for index, (a, b) in enumerate(zip(expected, actual)):
        if a != b:
            return f"paragraph {index} differs:\n  expected {a!r}\n  actual   {b!r}"
    if len(expected) != len(actual):
        return f"{len(expected)} parts expected, {len(actual)} exported"
    return None
