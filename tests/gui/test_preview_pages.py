"""The preview's pages against LibreOffice's: same page count, and for letters the same first line on every page.

The DOCX files and the one ``soffice --convert-to pdf`` batch come from the session
fixtures ``rendered`` and ``pdfs`` (tests/conftest.py); tests/support/documents.py adds
drafts whose page breaks an earlier preview placed wrongly.
"""
from __future__ import annotations


import pytest

from ptdraft import api
from ptdraft.gui.pages import Page, paginate
from tests.support.documents import pagination_drafts
from tests.support import find_phrase, pdf_page_count, pdf_pages, tokens

pytestmark = pytest.mark.libreoffice

SHIPPED = ["letter"] + [f"template-{t.id}" for t in api.list_templates()]
EXTRA = ["decision", "full-decision", "full-cong-van", *pagination_drafts()]
# Drafts marked "DỰ THẢO" in the first page's header of each section (docs/decisions/0017-du-thao.md).
MARKED = ["du-thao-letter", "du-thao-appendices", "du-thao-giay-moi"]
# Documents whose first lines per page are not compared, only their page count: none since the DOCX turns widow and
# orphan control on and the preview applies it (the long decision's two-line articles, once split by the preview
# where LibreOffice kept them whole, now agree).
COUNT_ONLY: set[str] = set()
TOP_MARGIN_PT = 1134 / 20
BOTTOM_LIMIT_PT = (16838 - 1134) / 20


def preview_lines(page: Page) -> list[tuple[float, float, str]]:
    """(y, x, text) of each line of text on a preview page, the page number, the contact footer and a draft's mark
    (all outside the text area) left out."""
    lines = []
    for piece in page.pieces:
        if piece.ref in ("page_number", "contact", "draft_mark"):
            continue
        for line in piece.lines:
            text_line = line.layout.lineAt(line.index)
            start = text_line.textStart()
            lines.append((line.y, line.x, line.layout.text()[start:start + text_line.textLength()]))
    return lines


def _preview_first_words(page: Page) -> list[str]:
    """The first words of the page's top line (the cells of a table row side by side, as the PDF reads them)."""
    lines = preview_lines(page)
    if not lines:
        return []
    top = min(lines)[0]
    first = sorted((line for line in lines if line[0] < top + 20), key=lambda line: line[1])
    return tokens(" ".join(line[2] for line in first))[:3]


def _printed_first_words(page, number: int) -> list[str]:
    words = [
        w for w in page.words
        if w.y1 > TOP_MARGIN_PT and w.y0 < BOTTOM_LIMIT_PT  # no page number or draft mark, no footer
    ]
    if not words:
        return []
    top = min(w.y0 for w in words)
    first_line = sorted((w for w in words if w.y0 < top + 4), key=lambda w: w.x0)
    return tokens(" ".join(w.text for w in first_line))[:3]


@pytest.mark.parametrize("name", SHIPPED + EXTRA + MARKED)
def test_preview_has_as_many_pages_as_libreoffice_prints(qapp, rendered, pdfs, name):
    """paginate(layout) gives the page count LibreOffice gives the exported DOCX (every shipped template's example,
    the real letter, the documents that once broke the preview, and drafts marked "DỰ THẢO")."""
    doc = rendered[name]
    pages = paginate(doc.layout())
    assert len(pages) == pdf_page_count(pdfs[doc.path])


@pytest.mark.parametrize("name", [n for n in SHIPPED + EXTRA + MARKED if n not in COUNT_ONLY])
def test_preview_pages_start_with_the_printed_line(qapp, rendered, pdfs, name):
    """Each preview page starts with the same line of text as LibreOffice's page (an empty page is empty in both)."""
    doc = rendered[name]
    preview = [_preview_first_words(page) for page in paginate(doc.layout())]
    printed = [_printed_first_words(page, n) for n, page in enumerate(pdf_pages(pdfs[doc.path]), start=1)]
    assert preview == printed


def _preview_marks(page: Page) -> list[tuple[float, float, str]]:
    """(x, y, text) in points of each line of the draft mark on a preview page."""
    out = []
    for piece in page.pieces:
        if piece.ref != "draft_mark":
            continue
        for line in piece.lines:
            text_line = line.layout.lineAt(line.index)
            start = text_line.textStart()
            text = line.layout.text()[start:start + text_line.textLength()]
            out.append(((line.x + text_line.naturalTextRect().x()) / 20, line.y / 20, text.strip()))
    return out


@pytest.mark.parametrize("name", MARKED)
def test_preview_shows_the_draft_mark_where_libreoffice_prints_it(qapp, rendered, pdfs, name):
    """The mark is on the same pages as in LibreOffice's PDF (the first page of the document and of each appendix),
    with the same words, at the same place: its left within 2 pt, its line's top within 4 pt of the words' top."""
    doc = rendered[name]
    preview = [_preview_marks(page) for page in paginate(doc.layout())]
    words = doc.draft_mark.upper()
    printed = []
    for page in pdf_pages(pdfs[doc.path]):
        found = find_phrase(tuple(w for w in page.words if w.y1 < TOP_MARGIN_PT), words)
        printed.append([(found[0].x0, found[0].y0, words)] if found else [])
    assert [[text for _x, _y, text in page] for page in preview] == [[t for *_, t in p] for p in printed]
    assert any(printed) and printed[0], "no mark on page 1"
    for shown, seen in zip(preview, printed):
        for (x, y, _), (px, py, _) in zip(shown, seen):
            assert abs(x - px) < 2 and abs(y - py) < 4, ((x, y), (px, py))
