"""Helpers for the checker tests: ptdraft's own valid DOCX, and python-docx edits that break one rule.

Each edit takes a python-docx Document of a shipped template's example and changes
one thing. Expected numbers are written out from FORMAT.md here, never read from
ptdraft.rules.
"""
from __future__ import annotations

import functools
import io
import itertools

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
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
__all__ = ["Mm", "Pt", "LEFT", "broken", "para", "paragraphs", "remove", "run_fonts", "set_text", "valid_docx", "word_letter",
           "move_after", "clear_page_number"]


TYPED_RULES = {"dashes": "-----------", "stars": "*****", "o0o": "---o0o---"}


def _add(cell, text, size, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    fresh = len(cell.paragraphs) == 1 and not cell.paragraphs[0].text  # a new table cell's own empty paragraph
    p = cell.paragraphs[0] if fresh else cell.add_paragraph()
    run = p.add_run(text)
    run.font.size, run.bold, run.italic, p.alignment = Pt(size), bold, italic, align
    return p


def _drawn_rule(cell, length, width) -> None:
    """An empty paragraph with a bottom border, indented to ``length`` centred in a box ``width`` wide: a rule as
    Word users draw one (Borders → Bottom border)."""
    p = cell.add_paragraph()
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = (width - length) // 2
    borders = p._element.get_or_add_pPr().makeelement(qn("w:pBdr"), {})
    borders.append(borders.makeelement(qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "6"}))
    p._element.get_or_add_pPr().append(borders)


def _widths(table, widths) -> None:
    for cell, width in zip(table.rows[0].cells, widths):
        cell.width = width
    for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(round(width.twips)))


def word_letter(*, fonts_in_styles: bool = True, typed_rules: str = "", header_table: bool = True,
                title_twice: bool = False, equal_columns: bool = False, authority_rule: float = 1.2,
                vv_centred: bool = False, recipients: tuple[str, ...] = (), centred_recipients: bool = False,
                body: tuple[str, ...] = (), closing: str = "two-columns", signature: tuple[str, ...] = ("GIÁM ĐỐC",),
                name: str = "Nguyễn Văn Bình", page_number: bool = True, stale_pages: int = 0) -> bytes:
    """A công văn as a Word user (or another generator through python-docx) makes one: header and closing in
    borderless two-column tables, rules drawn as bottom borders, Times New Roman in every style. The options make
    it the way others get it wrong: ``typed_rules`` ("dashes", "stars", "o0o") typed under the agency and the
    motto; ``header_table=False`` every header line centred one under another; ``title_twice``; columns of equal
    width; a longer ``authority_rule`` (cm); "V/v" centred under the header; several ``recipients`` (centred);
    ``closing="one-column"`` (signature over Nơi nhận in a one-column table), "paragraphs" (signature typed
    under Nơi nhận), "table-below" / "table-above" (Nơi nhận typed as paragraphs, the signature in a table of one
    column of its own under or over it) or "tabs" (each line "Nơi nhận line⇥signature line", a centred tab stop at
    11.5 cm); ``signature`` lines over the name; no page number; ``stale_pages`` written to app.xml."""
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(30), Mm(20), Mm(20), Mm(20)
    section.different_first_page_header_footer = True
    if page_number:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header._element.append(header._element.makeelement(qn("w:fldSimple"), {qn("w:instr"): " PAGE "}))
        header.add_run().font.size = Pt(14)
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    if fonts_in_styles:
        for fonts in d.styles.element.iter(qn("w:rFonts")):
            for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
                fonts.set(qn(f"w:{slot}"), "Times New Roman")
            for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                fonts.attrib.pop(qn(f"w:{theme}"), None)
    margins = Cm(0.38)  # Word's cell margins, 0.19 cm each side
    widths = (Cm(8.5), Cm(8.5)) if equal_columns else (Cm(6.5), Cm(10.5))

    def rule(cell, length, width):
        if typed_rules:
            _add(cell, TYPED_RULES[typed_rules], 13)
        else:
            _drawn_rule(cell, length, width)

    if header_table:
        table = d.add_table(rows=1, cols=2)
        _widths(table, widths)
        left, right = table.rows[0].cells
        left_width, right_width = widths[0] - margins, widths[1] - margins
    else:
        left = right = d
        left_width = right_width = Cm(16)
    _add(left, "UBND TỈNH NGHỆ AN", 13)
    _add(left, "SỞ TƯ PHÁP", 13, bold=True)
    rule(left, Cm(authority_rule), left_width)
    _add(left, "Số: 125/STP-VP", 13)
    if not vv_centred:
        _add(left, "V/v hướng dẫn thực hiện", 12)
    _add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    _add(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    rule(right, Cm(6.1), right_width)
    if title_twice:
        _add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    _add(right, "Nghệ An, ngày 15 tháng 3 năm 2026", 14, italic=True)
    if vv_centred:
        _add(d, "V/v hướng dẫn thực hiện", 12)
    if len(recipients) > 1:
        p = d.add_paragraph()
        p.paragraph_format.left_indent = Cm(2)
        p.add_run("Kính gửi:")
        for number, text in enumerate(recipients):
            item = d.add_paragraph(f"- {text}{'.' if number == len(recipients) - 1 else ';'}")
            if centred_recipients:
                item.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                item.paragraph_format.left_indent = Cm(3)
    else:
        d.add_paragraph("Kính gửi: Ủy ban nhân dân các xã, phường").alignment = WD_ALIGN_PARAGRAPH.CENTER
    texts = body or ("Thực hiện chỉ đạo của UBND tỉnh, Sở Tư pháp đề nghị các đơn vị thực hiện.",)
    for text in (*texts, "Trân trọng./."):
        p = d.add_paragraph(text)
        p.alignment, p.paragraph_format.first_line_indent = WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1)
    sign = [(line, 14, True, False) for line in signature] + [("(Đã ký)", 14, False, True), (name, 14, True, False)]
    labels = [("Nơi nhận:", 12, True, True), ("- Như trên;", 11, False, False), ("- Lưu: VT, VP.", 11, False, False)]
    if closing == "two-columns":
        table = d.add_table(rows=1, cols=2)
        _widths(table, (Cm(7), Cm(10)))
        cells = table.rows[0].cells
        for cell, lines, align in ((cells[0], labels, WD_ALIGN_PARAGRAPH.LEFT), (cells[1], sign, WD_ALIGN_PARAGRAPH.CENTER)):
            for text, size, bold, italic in lines:
                _add(cell, text, size, bold, italic, align)
    elif closing == "one-column":
        table = d.add_table(rows=2, cols=1)
        for text, size, bold, italic in sign:
            _add(table.rows[0].cells[0], text, size, bold, italic)
        for text, size, bold, italic in labels:
            _add(table.rows[1].cells[0], text, size, bold, italic, WD_ALIGN_PARAGRAPH.LEFT)
    elif closing in ("table-below", "table-above"):
        table = None if closing == "table-below" else d.add_table(rows=1, cols=1)
        for text, size, bold, italic in labels:
            _add(d, text, size, bold, italic, WD_ALIGN_PARAGRAPH.LEFT)
        table = table or d.add_table(rows=1, cols=1)
        for text, size, bold, italic in sign:
            _add(table.rows[0].cells[0], text, size, bold, italic)
    elif closing == "tabs":
        for left, right in itertools.zip_longest(labels, sign):
            p = d.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
            if left:
                run = p.add_run(left[0])
                run.font.size, run.bold, run.italic = Pt(left[1]), left[2], left[3]
            if right:
                run = p.add_run("\t" + right[0])
                run.font.size, run.bold, run.italic = Pt(right[1]), right[2], right[3]
    else:
        for text, size, bold, italic in labels:
            _add(d, text, size, bold, italic, WD_ALIGN_PARAGRAPH.LEFT)
        for text, size, bold, italic in sign:
            p = _add(d, text, size, bold, italic)
            p.paragraph_format.left_indent = Cm(8)
    out = io.BytesIO()
    d.save(out)
    data = out.getvalue()
    return with_app_pages(data, stale_pages) if stale_pages else data


def with_app_pages(data: bytes, pages: int) -> bytes:
    """The DOCX with docProps/app.xml saying it has ``pages`` pages, as programs that never lay it out leave it."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "docProps/app.xml":
                part = re.sub(rb"<Pages>\d+</Pages>", f"<Pages>{pages}</Pages>".encode(), part)
                if b"<Pages>" not in part:
                    part = part.replace(b"</Properties>", f"<Pages>{pages}</Pages></Properties>".encode())
            target.writestr(info, part)
    return out.getvalue()
