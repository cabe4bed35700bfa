"""The real client: LibreOffice converts every produced DOCX to PDF in one batch, and the printed pages are checked.

All conversions happen in the session fixture ``pdfs`` (tests/conftest.py): one
``soffice --convert-to pdf`` call for the format documents and the property test's files.
A missing LibreOffice fails these tests; it never skips them.
"""
from __future__ import annotations

import re
import subprocess

import pytest

from ptdraft import api
from ptdraft.reference import doctypes
from ptdraft.layout import Table
from tests.support import (
    first_missing_in_order,
    find_phrase,
    open_docx,
    pdf_page_count,
    pdf_pages,
    pdf_text,
    tokens,
)

pytestmark = pytest.mark.libreoffice

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TWIPS_PER_PT = 20
TOP_MARGIN_PT = 1134 / TWIPS_PER_PT  # 20 mm, the smallest top margin: the page number prints above it
DOCS = ["letter", "decision", "full-decision", "full-cong-van"] + [f"template-{t.id}" for t in api.list_templates()]


@pytest.fixture(params=DOCS)
def printed(request, rendered, pdfs):
    doc = rendered[request.param]
    pdf = pdfs[doc.path]
    assert pdf.is_file(), f"LibreOffice did not convert {doc.path.name}"
    return doc, pdf


def _fold(text: str) -> str:
    return " ".join(text.split())


def test_every_docx_converts(rendered, pdfs, fuzz_corpus):
    """LibreOffice opens and converts every DOCX of the session, the property test's files included."""
    assert fuzz_corpus.paths, "the property test produced no DOCX to open"
    missing = [source.name for source, pdf in pdfs.items() if not pdf.is_file()]
    assert not missing, f"not converted: {missing}"
    for source, pdf in pdfs.items():
        assert pdf_page_count(pdf) >= 1, source.name


def test_real_letter_prints_on_two_pages(rendered, pdfs):
    """The real letter fills exactly two A4 pages, as the original does."""
    assert pdf_page_count(pdfs[rendered["letter"].path]) == 2


def test_real_letter_page_numbers(rendered, pdfs):
    """Page 1 shows no number; page 2 shows "2" as the first line at the top of the page."""
    pdf = pdfs[rendered["letter"].path]
    page1 = [line for line in pdf_text(pdf, "-layout", "-f", "1", "-l", "1").splitlines() if line.strip()]
    page2 = [line for line in pdf_text(pdf, "-layout", "-f", "2", "-l", "2").splitlines() if line.strip()]
    assert page2[0].strip() == "2"
    assert not re.fullmatch(r"\s*\d+\s*", page1[0]), page1[0]
    assert NATIONAL_TITLE in _fold(page1[0]) or NATIONAL_TITLE in _fold(page1[1])


def test_merged_letters_each_number_their_own_pages(rendered, pdfs):
    """Two two-page letters in one file (``merge --one-file``): four pages, numbered -, 2, -, 2 in the top margin."""
    pages = pdf_pages(pdfs[rendered["merged-letters"].path])
    assert len(pages) == 4
    bands = [[w.text for w in page.words if w.y1 <= TOP_MARGIN_PT] for page in pages]
    assert bands == [[], ["2"], [], ["2"]]
    assert all(any(w.text == "Kính" for w in pages[i].words) for i in (0, 2))


def test_page_numbers_in_the_header_band(printed):
    """On every page after the first, the only word in the top margin is the page number, centred; page 1 has none."""
    doc, pdf = printed
    pages = pdf_pages(pdf)
    sections = 0  # each annex (attached text, appendix) starts a section counting its own pages (FORMAT.md §1)
    for number, page in enumerate(pages, start=1):
        band = [w for w in page.words if w.y1 <= TOP_MARGIN_PT]
        if number == 1 or (not band and doc.content.annexes):
            assert band == [], f"page {number} prints {[w.text for w in band]} in the top margin"
            sections += 1
            counted = 1
            continue
        counted += 1
        assert [w.text for w in band] == [str(counted)], f"page {number}: {[w.text for w in band]}"
        section = open_docx(doc.path).sections[0]
        left = section.left_margin.twips / TWIPS_PER_PT
        right = page.width - section.right_margin.twips / TWIPS_PER_PT
        middle = (band[0].x0 + band[0].x1) / 2
        assert abs(middle - (left + right) / 2) <= 6, "the page number is centred on the text width"
    assert sections == 1 + len(doc.content.annexes), "each annex starts on a page of its own with no number"


def _place_date(content) -> str:
    """The place/date line written out by the rule of FORMAT.md §5.1, independently of ptdraft.reference.dates."""
    day = content.date
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    words = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{_fold(content.place)}, {words}" if content.place.strip() else words


def test_header_lines_print_on_one_line(printed):
    """The Quốc hiệu, the motto and the place/date line each print on one line (one baseline) on page 1."""
    doc, pdf = printed
    words = pdf_pages(pdf)[0].words
    dated = doc.content.doc_type not in doctypes.NO_DATE_LINE  # a Biên bản has no date line (Mẫu 1.9)
    for phrase in (NATIONAL_TITLE, MOTTO, *([_place_date(doc.content)] if dated else [])):
        found = find_phrase(words, phrase)
        assert found is not None, f"{phrase!r} not found on page 1"
        baselines = {round(w.y1) for w in found}
        assert len(baselines) == 1, f"{phrase!r} wraps over {len(baselines)} lines"


def test_pdf_text_holds_the_body_in_order(printed):
    """Every word of the draft's filled body, items, closing and close appears in the PDF text, in order."""
    doc, pdf = printed
    content = doc.content
    parts = [content.body]
    for item in content.requirements:
        parts.append(item.text)
        parts.extend(item.subitems)
    parts += [content.closing, content.close]
    # The markers typed before items, points and articles are renumbered by the layout (tested elsewhere).
    text = "\n".join(parts)
    text = re.sub(r"(?m)^\s*(\d{1,3}\.|[a-zđ]\)|Điều\s+\d{1,3}\.)\s+", " ", text)
    expected = tokens(text)
    assert len(expected) > 5
    printed_tokens = tokens(pdf_text(pdf, "-layout"))
    missing = first_missing_in_order(expected, printed_tokens)
    assert missing is None, f"word {missing} {expected[missing]!r} (after {expected[max(0, missing - 5):missing]}) not in order"


def test_pdf_text_holds_every_part(printed):
    """Header, title, Kính gửi, signature and Nơi nhận words all print."""
    doc, pdf = printed
    content = doc.content
    text = tokens(pdf_text(pdf))
    parts = [content.parent_authority.upper(), content.authority.upper(), content.subject, content.signature.name,
             *content.recipients, *content.distribution, *content.legal_bases, content.deciding_authority.upper()]
    for part in parts:
        missing = first_missing_in_order(tokens(part), text)
        assert missing is None, f"{part!r}: {tokens(part)[missing]!r} does not print"


def test_only_times_new_roman_metrics_fonts(printed):
    """The PDF embeds only Times New Roman or its metric twin Liberation Serif: Vietnamese never falls back to another font."""
    _, pdf = printed
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    assert names
    for name in names:
        base = name.split("+", 1)[-1]
        assert re.match(r"(TimesNewRoman|LiberationSerif)", base), f"fallback font {name}"


def _rule_width_twips(table, cell_index: int, after_text: str) -> int:
    """Width of the rule paragraph right after ``after_text`` in the first row of the layout's header table."""
    cell = table.rows[0].cells[cell_index]
    blocks = list(cell.blocks)
    for index, block in enumerate(blocks):
        if getattr(block, "text", None) == after_text:
            rule = blocks[index + 1]
            return rule.width
    raise AssertionError(f"{after_text!r} not in the header")


def test_rules_match_the_printed_text(printed):
    """The motto's rule is as long as the printed motto (±5%); the authority's rule is 1/3–1/2 of its printed line."""
    doc, pdf = printed
    layout = api.layout_draft(doc.draft)
    header = next(block for block in layout.blocks if isinstance(block, Table))
    words = pdf_pages(pdf)[0].words
    motto = find_phrase(words, MOTTO)
    motto_printed = (motto[-1].x1 - motto[0].x0) * TWIPS_PER_PT
    motto_rule = _rule_width_twips(header, 1, MOTTO)
    assert abs(motto_rule - motto_printed) <= 0.05 * motto_printed, (motto_rule, motto_printed)

    lines = [_fold(line).upper() for line in doc.content.authority.split("\n") if line.strip()]
    widest = 0.0
    for line in lines:
        found = find_phrase(words, line)
        assert found is not None and len({round(w.y1) for w in found}) == 1, f"{line!r} does not print on one line"
        widest = max(widest, (found[-1].x1 - found[0].x0) * TWIPS_PER_PT)
    rule = _rule_width_twips(header, 0, lines[-1])
    assert widest / 3 * 0.95 <= rule <= widest / 2 * 1.05, (rule, widest)


def test_fuzz_documents_open(fuzz_corpus, pdfs):
    """The DOCX files made from arbitrary Unicode text open in LibreOffice and print at least one page."""
    assert fuzz_corpus.paths
    for path in fuzz_corpus.paths:
        pdf = pdfs[path]
        assert pdf.is_file(), path.name
        assert pdf_page_count(pdf) >= 1
