"""Page breaks of structured bodies, the preview against LibreOffice: the real 12-page kế hoạch typed in the body
markup (sections, items, sub-items, dash lines, an assignment table) and a regulation in parts and chapters.

The DOCX files come from the session's ``rendered`` documents (tests/support/documents.py) and LibreOffice converts them
in the session's one batch (``pdfs``). Each page must start and end with the same line in both; on the preview's
pages (the same breaks) no heading is the last thing on a page and no paragraph leaves one line alone at a page's
top or foot; the table's header row heads each page it runs onto.
"""
from __future__ import annotations


import pytest

from ptdraft import api
from ptdraft.gui.pages import measure, paginate
from ptdraft.layout import Para, Table
from tests.gui.test_preview_pages import BOTTOM_LIMIT_PT, TOP_MARGIN_PT, preview_lines
from tests.support import pdf_pages, tokens

pytestmark = pytest.mark.libreoffice

DOCUMENTS = ["preview-long-plan", "preview-regulation"]


def _edge(lines: list[tuple[float, float, str]], last: bool) -> list[str]:
    """The words of the top (or bottom) line, the cells of a table row side by side."""
    if not lines:
        return []
    edge = max(line[0] for line in lines) if last else min(line[0] for line in lines)
    row = sorted((line for line in lines if abs(line[0] - edge) < 20), key=lambda line: line[1])
    return tokens(" ".join(line[2] for line in row))


def _printed_edge(page, number: int, last: bool) -> list[str]:
    words = [w for w in page.words if (number == 1 or w.y1 > TOP_MARGIN_PT) and w.y0 < BOTTOM_LIMIT_PT]
    if not words:
        return []
    edge = max(w.y0 for w in words) if last else min(w.y0 for w in words)
    row = sorted((w for w in words if abs(w.y0 - edge) < 4), key=lambda w: w.x0)
    return tokens(" ".join(w.text for w in row))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pages_start_and_end_with_the_printed_lines(qapp, rendered, pdfs, name):
    """Every page of the preview starts and ends with the line LibreOffice's page starts and ends with."""
    doc = rendered[name]
    pages = paginate(api.layout_draft(doc.draft))
    printed = pdf_pages(pdfs[doc.path])
    assert len(pages) == len(printed)
    if name == "preview-long-plan":
        assert len(pages) > 10
    for number, (page, pdf_page) in enumerate(zip(pages, printed), start=1):
        lines = preview_lines(page)
        if number < len(pages):  # the last page ends in the Nơi nhận and signature columns
            assert _edge(lines, True) == _printed_edge(pdf_page, number, True), f"end of page {number}"
        assert _edge(lines, False)[:6] == _printed_edge(pdf_page, number, False)[:6], f"top of page {number}"


def _paragraphs_by_layout(result) -> dict[int, Para]:
    width = result.page.text_width
    return {id(measure(b, width, result.font).layout): b for b in result.blocks if isinstance(b, Para)}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_heading_ends_a_page_and_no_line_stands_alone(qapp, rendered, name):
    """On each page the last paragraph is not a heading (keep with next); a paragraph split over two pages leaves
    at least two lines on each (widow and orphan control)."""
    result = api.layout_draft(rendered[name].draft)
    by_layout = _paragraphs_by_layout(result)
    splits = 0
    for page in paginate(result):
        body = [p for p in page.pieces if p.kind == "text" and p.ref == "body" and p.lines]
        if not body:
            continue
        last = by_layout.get(id(body[-1].lines[0].layout))
        assert last is None or not last.style.keep_next, f"page {page.number} ends with the heading {last.text!r}"
        for piece in body:
            first, final = piece.lines[0].index, piece.lines[-1].index
            if first > 0 or final < piece.lines[0].layout.lineCount() - 1:  # a part of a split paragraph
                splits += 1
                assert len(piece.lines) >= 2, f"page {page.number}: {piece.lines[0].layout.text()[:60]!r} alone"
    assert splits >= 4  # the document does split paragraphs across pages
    assert any(isinstance(b, Para) and b.style.keep_next for b in result.blocks)  # and has headings to keep


def test_table_header_heads_each_page_it_runs_onto(qapp, rendered, pdfs):
    """The assignment table runs from one page onto the next; its header row ("TT Nhiệm vụ …") is printed at the
    top of the table on both pages, by LibreOffice and by the preview."""
    doc = rendered["preview-long-plan"]
    header = ["TT", "Nhiệm", "vụ", "Đơn", "vị", "chủ", "trì"]
    printed = [n for n, page in enumerate(pdf_pages(pdfs[doc.path]), start=1)
               if " ".join(header) in " ".join(tokens(" ".join(w.text for w in page.words)))]
    result = api.layout_draft(doc.draft)
    table = next(b for b in result.blocks if isinstance(b, Table) and b.grid)
    preview = []
    for page in paginate(result):
        text = " ".join(tokens(" ".join(line[2] for line in sorted(preview_lines(page)))))
        if " ".join(header) in text:
            preview.append(page.number)
    assert len(printed) == 2 and printed == preview
    assert table.header_rows == 1
