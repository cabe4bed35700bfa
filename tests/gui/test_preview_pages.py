"""The preview's pages against LibreOffice's: same page count, and for letters the same first line on every page.

The DOCX files and the one ``soffice --convert-to pdf`` batch come from the session
fixtures ``rendered`` and ``pdfs`` (tests/conftest.py); tests/gui/documents.py adds
drafts whose page breaks an earlier preview placed wrongly.
"""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

from ptdraft import api  # noqa: E402
from ptdraft.gui.pages import Page, paginate  # noqa: E402
from tests.gui.documents import pagination_drafts  # noqa: E402
from tests.support import pdf_page_count, pdf_pages, tokens  # noqa: E402

pytestmark = pytest.mark.libreoffice

SHIPPED = ["letter"] + [f"template-{t.id}" for t in api.list_templates()]
EXTRA = ["decision", "full-decision", "full-cong-van", *pagination_drafts()]
# Documents whose first lines per page are not compared, only their page count: none since the DOCX turns widow and
# orphan control on and the preview applies it (the long decision's two-line articles, once split by the preview
# where LibreOffice kept them whole, now agree).
COUNT_ONLY: set[str] = set()
TOP_MARGIN_PT = 1134 / 20
BOTTOM_LIMIT_PT = (16838 - 1134) / 20


def preview_lines(page: Page) -> list[tuple[float, float, str]]:
    """(y, x, text) of each line of text on a preview page, the page number and the contact footer left out."""
    lines = []
    for piece in page.pieces:
        if piece.ref in ("page_number", "contact"):
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
        if (number == 1 or w.y1 > TOP_MARGIN_PT) and w.y0 < BOTTOM_LIMIT_PT  # no page number, no footer
    ]
    if not words:
        return []
    top = min(w.y0 for w in words)
    first_line = sorted((w for w in words if w.y0 < top + 4), key=lambda w: w.x0)
    return tokens(" ".join(w.text for w in first_line))[:3]


@pytest.mark.parametrize("name", SHIPPED + EXTRA)
def test_preview_has_as_many_pages_as_libreoffice_prints(qapp, rendered, pdfs, name):
    """paginate(layout) gives the page count LibreOffice gives the exported DOCX (every shipped template's example,
    the real letter, and the documents that once broke the preview)."""
    doc = rendered[name]
    pages = paginate(api.layout_draft(doc.draft))
    assert len(pages) == pdf_page_count(pdfs[doc.path])


@pytest.mark.parametrize("name", [n for n in SHIPPED + EXTRA if n not in COUNT_ONLY])
def test_preview_pages_start_with_the_printed_line(qapp, rendered, pdfs, name):
    """Each preview page starts with the same line of text as LibreOffice's page (an empty page is empty in both)."""
    doc = rendered[name]
    preview = [_preview_first_words(page) for page in paginate(api.layout_draft(doc.draft))]
    printed = [_printed_first_words(page, n) for n, page in enumerate(pdf_pages(pdfs[doc.path]), start=1)]
    assert preview == printed
