"""The preview numbers the pages of annexes (an attached text, appendices) as LibreOffice prints them: each annex
from a new page that shows no number, then 2, 3 … again (FORMAT.md §1)."""
from __future__ import annotations


import pytest

from ptdraft import api
from ptdraft.gui.pages import paginate
from tests.support import pdf_pages

pytestmark = pytest.mark.libreoffice

TOP_MARGIN_PT = 1134 / 20
WITH_ANNEXES = [f"template-{t.id}" for t in api.list_templates() if t.content.annexes] + ["preview-long-appendices"]


def _preview_numbers(layout) -> list[str]:
    out = []
    for page in paginate(layout):
        numbers = [p for p in page.pieces if p.ref == "page_number"]
        out.append("".join(line.layout.text() for piece in numbers for line in piece.lines))
    return out


def test_the_long_appendix_numbers_its_own_pages(qapp, rendered):
    """The letter's two pages, then the first appendix's pages numbered from 2 again, then the second appendix."""
    numbers = _preview_numbers(api.layout_draft(rendered["preview-long-appendices"].draft))
    assert numbers[:2] == ["", "2"] and numbers[2] == "" and numbers[3:5] == ["2", "3"] and numbers[-1] == ""


@pytest.mark.parametrize("name", WITH_ANNEXES)
def test_preview_numbers_annex_pages_as_libreoffice(qapp, rendered, pdfs, name):
    doc = rendered[name]
    printed = [" ".join(w.text for w in page.words if w.y1 <= TOP_MARGIN_PT) for page in pdf_pages(pdfs[doc.path])]
    preview = _preview_numbers(api.layout_draft(doc.draft))
    assert preview == printed
    assert preview.count("") == 1 + len(doc.content.annexes)
