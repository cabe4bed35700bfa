"""Format tests: each produced DOCX, reopened with python-docx, follows FORMAT.md's numbers.

Every expected number below is written out from docs/FORMAT.md (the decree's own
examples, §3.2, where it gives a range), never read from ptdraft.rules, so a wrong
number there is caught here.
"""
from __future__ import annotations

import re

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from ptdraft import api, rules
from ptdraft.reference import doctypes
from tests.support import (
    FONT_SLOTS,
    W,
    Para,
    border,
    docx_parts,
    has_bottom_border,
    iter_paras,
    open_docx,
    run_flags,
    run_sizes,
    twips,
)

# ---- FORMAT.md, as literals -----------------------------------------------------------

FONT = "Times New Roman"  # §2
A4_WIDTH, A4_HEIGHT = 11906, 16838  # §1: 210 × 297 mm in twips
TOP_BOTTOM = (1134, 1417)  # §1: 20–25 mm
LEFT = (1701, 1984)  # §1: 30–35 mm
RIGHT = (850, 1134)  # §1: 15–20 mm

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Width of the motto in Times New Roman Bold 13 pt, in twips (advance widths of Liberation Serif Bold,
# which shares Times New Roman's metrics): the rule under it must be as long as the text (§3.2, ô 1).
MOTTO_WIDTH_13_BOLD = 3183
# Width of the Quốc hiệu in Times New Roman Bold 12 pt: the right header column must hold it on one line.
NATIONAL_TITLE_WIDTH_12_BOLD = 5007

# Sizes in the decree's own examples (FORMAT.md §3.2, "Sizes used in the decree's own examples").
SIZE_NATIONAL_TITLE = 12
SIZE_MOTTO = 13
SIZE_AUTHORITY = 12
SIZE_NUMBER = 13
SIZE_DATE = 13
SIZE_TYPE_NAME = 14
SIZE_SUBJECT = 14
SIZE_VV = 12
SIZE_BODY = 14
SIZE_SIGNATURE = 14
SIZE_KINH_GUI = 14
SIZE_NOI_NHAN_LABEL = 12
SIZE_NOI_NHAN_LIST = 11
SIZE_URGENCY = 13
SIZE_CONTACT = 11
SIZE_CIRCULATION = 13
SIZE_PAGE_NUMBER = 14
BODY_RANGE = (13, 14)  # §3.2 and §4.1: body-like elements without their own example size

BODY_FIRST_LINE = 567  # §4.1: 1 cm (or 1.27 cm = 720); ptdraft uses 1 cm
SPACE_BEFORE = 120  # §4.1: 6 pt before each paragraph (the samples' choice)
VV_SPACE_BEFORE = 120  # §3.2 ô 5b: 6 pt below the number line
LINE_SPACING = (1.0, 1.5)  # §4.1: single to 1.5 lines

URGENCY_FRAME = {"HỎA TỐC": 1701, "THƯỢNG KHẨN": 2268, "KHẨN": 1134}  # §3.2 ô 10b: 30, 40, 20 mm
RED = "FF0000"

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT_ALIGN = (None, WD_ALIGN_PARAGRAPH.LEFT)
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY

DOCS = ["letter", "decision", "full-decision", "full-cong-van"] + [f"template-{t.id}" for t in api.list_templates()]


# ---- helpers ----------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> list[str]:
    return [_fold(line) for line in text.split("\n") if line.strip()]


def check(para: Para | object, *, size=None, size_range=None, bold=None, italic=None, upper=None, align=None,
          first_line=None, before=None) -> None:
    """Assert one paragraph's formatting; ``None`` means "not checked"."""
    p = para.p if isinstance(para, Para) else para
    label = repr(p.text[:60])
    if size is not None:
        assert run_sizes(p) == {size}, f"{label}: sizes {run_sizes(p)}, expected {size} pt"
    if size_range is not None:
        sizes = run_sizes(p)
        assert sizes and all(s is not None and size_range[0] <= s <= size_range[1] for s in sizes), f"{label}: {sizes}"
    if bold is not None:
        assert run_flags(p, "bold") == {bold}, f"{label}: bold {run_flags(p, 'bold')}, expected {bold}"
    if italic is not None:
        assert run_flags(p, "italic") == {italic}, f"{label}: italic {run_flags(p, 'italic')}, expected {italic}"
    if upper is True:
        assert p.text == p.text.upper(), f"{label} is not in upper case"
    if align is not None:
        allowed = align if isinstance(align, tuple) else (align,)
        assert p.paragraph_format.alignment in allowed, f"{label}: alignment {p.paragraph_format.alignment}"
    if first_line is not None:
        assert twips(p.paragraph_format.first_line_indent) == first_line, (
            f"{label}: first-line indent {twips(p.paragraph_format.first_line_indent)}, expected {first_line}"
        )
    if before is not None:
        assert twips(p.paragraph_format.space_before) == before, (
            f"{label}: space before {twips(p.paragraph_format.space_before)}, expected {before}"
        )


def cell_margins(table_el) -> int:
    """Left plus right cell margin of a table (Word's default 108 twips each when unset)."""
    total = 0
    for side in ("left", "right"):
        found = table_el.find(f"{W}tblPr/{W}tblCellMar/{W}{side}")
        total += int(found.get(qn("w:w"))) if found is not None else 108
    return total


def rule_width(p, container: int) -> int:
    pf = p.paragraph_format
    return container - twips(pf.left_indent) - twips(pf.right_indent)


class Doc:
    """A rendered document opened with python-docx, with its paragraphs sorted by place."""

    def __init__(self, rendered):
        self.rendered = rendered
        self.content = rendered.content
        self.document = open_docx(rendered.path)
        self.paras = list(iter_paras(self.document))
        self.tables = self.document.element.body.findall(W + "tbl")

    def cell(self, table: int, row: int, cell: int) -> list[Para]:
        return [p for p in self.paras if (p.table, p.row, p.cell) == (table, row, cell)]

    @property
    def header_index(self) -> int:
        return 0

    @property
    def closing_index(self) -> int:
        """The Nơi nhận / signature table (annexes may follow it with tables of their own)."""
        for index in range(len(self.tables)):
            if any(p.text == "Nơi nhận:" for p in self.cell(index, 0, 0)):
                return index
        return len(self.tables) - 1

    def grid(self, table: int) -> list[int]:
        return [int(c.get(qn("w:w"))) for c in self.tables[table].findall(f"{W}tblGrid/{W}gridCol")]

    def body_between(self) -> list[Para]:
        """Paragraphs of the main story after the header table and before the closing row."""
        out, state = [], "before"
        for para in self.paras:
            if para.table == self.header_index:
                state = "inside"
            elif para.table is None and state in ("inside", "after-header"):
                state = "after-header"
                out.append(para)
            elif para.table == self.closing_index:
                break
        return out

    def find(self, text: str) -> Para:
        found = [p for p in self.paras if p.text == text]
        assert found, f"no paragraph {text!r}; have {[p.text[:40] for p in self.paras]}"
        return found[0]


@pytest.fixture(scope="module")
def docs(rendered):
    return {name: Doc(doc) for name, doc in rendered.items()}


@pytest.fixture(params=DOCS)
def doc(request, docs) -> Doc:
    return docs[request.param]


# ---- page, fonts, breaks, properties ----------------------------------------------------------


def test_page_is_a4_portrait_with_decree_margins(doc):
    """The page is A4 portrait (11906 × 16838 twips) with margins inside the decree's ranges, in the document's
    one section and in the section of each annex (an attached text or an appendix counts its own pages)."""
    sections = doc.document.sections
    assert len(sections) == 1 + len(doc.rendered.content.annexes)
    for s in sections:
        assert (twips(s.page_width), twips(s.page_height)) == (A4_WIDTH, A4_HEIGHT)
        assert s.orientation in (None, WD_ORIENT.PORTRAIT)
        assert TOP_BOTTOM[0] <= twips(s.top_margin) <= TOP_BOTTOM[1]
        assert TOP_BOTTOM[0] <= twips(s.bottom_margin) <= TOP_BOTTOM[1]
        assert LEFT[0] <= twips(s.left_margin) <= LEFT[1]
        assert RIGHT[0] <= twips(s.right_margin) <= RIGHT[1]
        assert twips(s.gutter) == 0


def test_every_font_slot_is_times_new_roman(doc):
    """Every run and every style sets Times New Roman in all four rFonts slots, with no theme font."""
    parts = docx_parts(doc.rendered.path)
    from lxml import etree

    stories = [name for name in parts if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name)]
    assert "word/document.xml" in stories
    runs_checked = 0
    for name in stories + ["word/styles.xml"]:
        root = etree.fromstring(parts[name])
        for fonts in root.iter(W + "rFonts"):
            values = {slot: fonts.get(qn(f"w:{slot}")) for slot in FONT_SLOTS}
            assert values == dict.fromkeys(FONT_SLOTS, FONT), f"{name}: {values}"
            themes = [k for k in fonts.attrib if k.endswith("Theme")]
            assert not themes, f"{name}: theme fonts {themes}"
        if name in stories:
            for run in root.iter(W + "r"):
                fonts = run.find(f"{W}rPr/{W}rFonts")
                assert fonts is not None, f"{name}: a run without rFonts: {etree.tostring(run)[:200]!r}"
                runs_checked += 1
    assert runs_checked > 10
    styles = etree.fromstring(parts["word/styles.xml"])
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert default is not None and all(default.get(qn(f"w:{s}")) == FONT for s in FONT_SLOTS)
    normal = [s for s in styles.iter(W + "style") if s.get(qn("w:styleId")) == "Normal"]
    assert normal and normal[0].find(f"{W}rPr/{W}rFonts") is not None
    # python-docx sees the same through its own API.
    assert doc.document.styles["Normal"].font.name == FONT


def test_no_manual_line_breaks(doc):
    """No paragraph holds a manual line break (w:br / w:cr) or a newline: one paragraph per printed line."""
    for name, data in docx_parts(doc.rendered.path).items():
        if name.endswith(".xml"):
            assert b"<w:br" not in data and b"<w:cr" not in data, name
    for para in doc.paras:
        assert "\n" not in para.text and "\v" not in para.text, para.text


def test_core_properties_hold_title_and_author_never_the_body(doc):
    """Document properties carry the draft's title and an author, and no sentence of the body."""
    props = doc.document.core_properties
    assert props.title.strip()
    assert props.author.strip()
    if doc.rendered.draft.title:
        assert props.title == doc.rendered.draft.title
    if doc.rendered.draft.author:
        assert props.author == doc.rendered.draft.author
    fields = [props.title, props.author, props.subject, props.keywords, props.comments, props.category,
              props.last_modified_by, props.content_status, props.identifier]
    body_text = " ".join([doc.content.body, doc.content.closing] + [r.text for r in doc.content.requirements])
    sentences = [s.strip() for s in re.split(r"[.;:\n]", body_text) if len(s.strip()) >= 30]
    for value in fields:
        for sentence in sentences:
            assert sentence[:30] not in (value or ""), (value, sentence)
    app = docx_parts(doc.rendered.path).get("docProps/app.xml", b"").decode("utf-8")
    for sentence in sentences:
        assert sentence[:30] not in app


def test_text_is_black_except_urgency_stamp(doc):
    """All text is black; only the urgency stamp prints in bright red (§2)."""
    urgency = doc.content.urgency.strip().upper()
    for para in doc.paras:
        for run in para.p.runs:
            color = run.font.color.rgb if run.font.color and run.font.color.type is not None else None
            if urgency and para.text == urgency:
                assert str(color) == RED, para.text
            else:
                assert color is None or str(color) == "000000", (para.text, color)


# ---- header ---------------------------------------------------------------------------------


def test_header_table_is_fixed_borderless_with_grid(doc):
    """The two-column header is a fixed-layout table with a w:tblGrid matching the cells and no visible border."""
    table = doc.tables[doc.header_index]
    layout = table.find(f"{W}tblPr/{W}tblLayout")
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    grid = doc.grid(doc.header_index)
    assert len(grid) == 2 and all(w > 0 for w in grid)
    section = doc.document.sections[0]
    text_width = twips(section.page_width) - twips(section.left_margin) - twips(section.right_margin)
    assert sum(grid) <= text_width
    for tr in table.findall(W + "tr"):
        widths = [int(tc.find(f"{W}tcPr/{W}tcW").get(qn("w:w"))) for tc in tr.findall(W + "tc")]
        assert widths == grid
    for borders in list(table.iter(W + "tblBorders")) + list(table.iter(W + "tcBorders")):
        for edge in borders:
            assert edge.get(qn("w:val")) in ("nil", "none"), f"visible table border {edge.tag}"
    style = table.find(f"{W}tblPr/{W}tblStyle")
    assert style is None, "a table style could bring borders"
    # The right column holds the Quốc hiệu on one line.
    assert grid[1] - cell_margins(table) >= NATIONAL_TITLE_WIDTH_12_BOLD


def test_national_title_and_motto(doc):
    """Quốc hiệu 12 pt bold upper and Tiêu ngữ 13 pt bold, centred, with a rule as long as the motto under it."""
    right = doc.cell(doc.header_index, 0, 1)
    assert [p.text for p in right[:2]] == [NATIONAL_TITLE, MOTTO]
    check(right[0], size=SIZE_NATIONAL_TITLE, bold=True, italic=False, upper=True, align=CENTER)
    check(right[1], size=SIZE_MOTTO, bold=True, italic=False, align=CENTER)
    rule = right[2]
    assert rule.text == "" and has_bottom_border(rule.p)
    container = doc.grid(doc.header_index)[1] - cell_margins(doc.tables[doc.header_index])
    width = rule_width(rule.p, container)
    assert abs(width - MOTTO_WIDTH_13_BOLD) <= 0.04 * MOTTO_WIDTH_13_BOLD, width
    pf = rule.p.paragraph_format
    assert abs(twips(pf.left_indent) - twips(pf.right_indent)) <= 1, "the motto rule is not centred"


def test_authority_lines_and_rule(doc):
    """Parent agency 12 pt upright upper, issuing agency 12 pt bold upper, both centred, then a short centred rule."""
    left = doc.cell(doc.header_index, 0, 0)
    parent = [line.upper() for line in _lines(doc.content.parent_authority)]
    authority = [line.upper() for line in _lines(doc.content.authority)]
    assert authority, "every test document has an issuing agency"
    assert [p.text for p in left[: len(parent) + len(authority)]] == parent + authority
    for para in left[: len(parent)]:
        check(para, size=SIZE_AUTHORITY, bold=False, italic=False, upper=True, align=CENTER)
    for para in left[len(parent) : len(parent) + len(authority)]:
        check(para, size=SIZE_AUTHORITY, bold=True, italic=False, upper=True, align=CENTER)
    rule = left[len(parent) + len(authority)]
    assert rule.text == "" and has_bottom_border(rule.p)
    container = doc.grid(doc.header_index)[0] - cell_margins(doc.tables[doc.header_index])
    width = rule_width(rule.p, container)
    # 1/3 to 1/2 of the text line, which is at most the column: never more than half the column, never a dot
    # (about 5 mm at least). The exact ratio to the printed text is checked on the PDF (test_libreoffice.py).
    assert 280 <= width <= 0.5 * container, (width, container)
    pf = rule.p.paragraph_format
    assert abs(twips(pf.left_indent) - twips(pf.right_indent)) <= 1, "the authority rule is not centred"


def test_number_and_date_share_a_row(doc):
    """"Số:" (13 pt upright) and the place/date (13 pt italic) sit in the same header row, both centred."""
    number = doc.cell(doc.header_index, 1, 0)[0]
    date = doc.cell(doc.header_index, 1, 1)[0]
    assert number.text.startswith("Số: ")
    check(number, size=SIZE_NUMBER, bold=False, italic=False, align=CENTER)
    content = doc.content
    if content.doc_type in doctypes.NO_DATE_LINE:
        # §5.1, Mẫu 1.9: a Biên bản has no place-and-date line; its time and place are in the body.
        assert not any(p.text for p in doc.cell(doc.header_index, 1, 1))
        return
    expected_place = f"{_fold(content.place)}, " if content.place.strip() else ""
    assert date.text.startswith(expected_place + "ngày ")
    check(date, size=SIZE_DATE, italic=True, bold=False, align=CENTER)
    # Same w:tr.
    assert number.element.getparent().getparent() is date.element.getparent().getparent()


# ---- title block and Kính gửi ---------------------------------------------------------------


def _is_cong_van(doc) -> bool:
    return doc.content.doc_type.strip().casefold() == "công văn"


def test_title_block(doc):
    """Công văn: "V/v …" 12 pt upright under the number, 6 pt below it; other types: the type name 14 pt bold
    upper and the summary 14 pt bold, centred, with a short rule under them."""
    subject = _fold(doc.content.subject)
    if _is_cong_van(doc):
        left = doc.cell(doc.header_index, 1, 0)
        vv = [p for p in left if p.text.startswith("V/v ")]
        assert len(vv) == 1 and vv[0].text == f"V/v {subject}"
        assert left.index(vv[0]) == 1, "V/v is right under the number"
        check(vv[0], size=SIZE_VV, bold=False, italic=False, align=CENTER, before=VV_SPACE_BEFORE)
        assert not any(p.text == "CÔNG VĂN" for p in doc.paras)
        return
    body = doc.body_between()
    type_name = body[0]
    printed = doctypes.PRINTED_NAME.get(doc.content.doc_type, doc.content.doc_type)
    assert type_name.text == type_name.text.upper() and type_name.text.casefold() == printed.casefold()
    check(type_name, size=SIZE_TYPE_NAME, bold=True, italic=False, upper=True, align=CENTER)
    index = 1
    if subject and doc.content.doc_type not in ("Giấy giới thiệu", "Giấy nghỉ phép"):
        check(body[1], size=SIZE_SUBJECT, bold=True, italic=False, align=CENTER)
        assert body[1].text == subject
        index = 2
    rule = body[index]
    assert rule.text == "" and has_bottom_border(rule.p)
    section = doc.document.sections[0]
    text_width = twips(section.page_width) - twips(section.left_margin) - twips(section.right_margin)
    width = rule_width(rule.p, text_width)
    assert 0 < width <= 0.5 * text_width


def test_kinh_gui(doc):
    """Kính gửi 14 pt upright: one recipient inline "Kính gửi: X"; several as "- X;" lines, the last ending "."."""
    recipients = [_fold(r).rstrip(";.,") for r in doc.content.recipients if r.strip()]
    texts = [p.text for p in doc.paras]
    if doc.content.doc_type == doctypes.CONG_DIEN:
        # Mẫu 1.6: "<AUTHORITY> điện:" centred, bold, then the dashed recipients indented, with no "Kính gửi".
        assert not any(t.startswith("Kính gửi") for t in texts)
        sender = doc.find(f"{_fold(doc.content.deciding_authority).upper()} {doctypes.TELEGRAM_WORD}")
        check(sender, size=SIZE_KINH_GUI, bold=True, italic=False, align=CENTER)
        start = doc.paras.index(sender) + 1
        lines = doc.paras[start : start + len(recipients)]
        assert [p.text for p in lines] == [f"- {r};" for r in recipients[:-1]] + [f"- {recipients[-1]}."]
        for para in lines:
            check(para, size=SIZE_KINH_GUI, bold=False, italic=False)
            pf = para.p.paragraph_format
            assert twips(pf.left_indent) + twips(pf.first_line_indent) == rules.TELEGRAM_DASH_INDENT
        return
    if not recipients:
        assert not any(t.startswith("Kính gửi") for t in texts)
        return
    if len(recipients) == 1:
        para = doc.find(f"Kính gửi: {recipients[0]}")
        check(para, size=SIZE_KINH_GUI, bold=False, italic=False)
        return
    label = doc.find("Kính gửi:")
    check(label, size=SIZE_KINH_GUI, bold=False, italic=False)
    start = texts.index("Kính gửi:") + 1
    lines = doc.paras[start : start + len(recipients)]
    expected = [f"- {r};" for r in recipients[:-1]] + [f"- {recipients[-1]}."]
    assert [p.text for p in lines] == expected
    indents = set()
    for para in lines:
        check(para, size=SIZE_KINH_GUI, bold=False, italic=False)
        pf = para.p.paragraph_format
        indents.add((twips(pf.left_indent), twips(pf.first_line_indent)))
    assert len(indents) == 1, f"the dashes do not line up: {indents}"
    dash_start = sum(indents.pop())
    assert dash_start > twips(label.p.paragraph_format.left_indent), "dashes sit under the colon, right of the label"


# ---- body -------------------------------------------------------------------------------------------


def _special_texts(doc) -> set[str]:
    content = doc.content
    out = {"Kính gửi:"}
    out.update(line.upper() for line in _lines(content.deciding_authority))
    out.add("QUYẾT ĐỊNH:")
    out.add("QUYẾT NGHỊ:")
    return out


def test_body_paragraphs(doc):
    """Body, items, points, closing: 14 pt upright, justified, first line 1 cm (567), 6 pt (120) before, single–1.5 spacing."""
    body = doc.body_between()
    special = _special_texts(doc)
    bases = {_fold(b).rstrip(";.") for b in doc.content.legal_bases}
    checked = 0
    for para in body:
        text = para.text
        if not text or text in special or text.startswith("- ") or text.startswith("Kính gửi"):
            continue
        if text.rstrip(";.") in bases:
            continue
        if para.p.paragraph_format.alignment == CENTER:
            continue  # the title block, checked above
        check(para, size=SIZE_BODY, italic=False, align=JUSTIFY, first_line=BODY_FIRST_LINE, before=SPACE_BEFORE)
        spacing = para.p.paragraph_format.line_spacing
        assert spacing is None or LINE_SPACING[0] <= spacing <= LINE_SPACING[1], (text[:40], spacing)
        runs = [r for r in para.p.runs if r.text]
        article = re.match(r"Điều \d+\.", text)
        if article:
            assert runs[0].text == article.group(0) and runs[0].bold, f"{text[:30]!r}: 'Điều n.' is bold"
            # §4.2: an article's title (a heading with no final punctuation) is bold; a sentence after it is not.
            is_title = not text.rstrip().endswith((".", ";", ":", "!", "?"))
            assert all(bool(r.bold) == is_title for r in runs[1:]), text[:40]
        else:
            assert not any(r.bold for r in runs), f"{text[:40]!r} has bold runs"
        checked += 1
    assert checked >= 1


def test_items_are_numbered_and_points_lettered_in_order(doc):
    """Numbered items print 1., 2., … and their points a), b), c), d), đ), e), g) … in order within each item."""
    letters = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
    body = [p.text for p in doc.body_between()]
    expected_number, expected_letter = 1, 0
    for text in body:
        if re.match(r"Điều \d+\.", text):
            expected_number, expected_letter = 1, 0
            continue
        item = re.match(r"(\d+)\. ", text)
        point = re.match(r"([a-zđ])\) ", text)
        if item:
            assert int(item.group(1)) == expected_number, text[:30]
            expected_number += 1
            expected_letter = 0
        elif point:
            assert point.group(1) == letters[expected_letter], text[:30]
            expected_letter += 1
        elif text and not text.startswith("- "):
            expected_letter = 0


def test_body_ends_with_end_mark(doc):
    """The body closes with "./." (a "Trân trọng./." close, or appended to the last body paragraph)."""
    body = [p.text for p in doc.body_between() if p.text]
    assert body[-1].endswith("./.")


# ---- closing row ------------------------------------------------------------------------------------------


def test_closing_row_never_splits(doc):
    """The Nơi nhận / signature table is fixed-layout, borderless, each row cantSplit, and the paragraph before keeps with it."""
    table = doc.tables[doc.closing_index]
    assert table is not doc.tables[doc.header_index]
    layout = table.find(f"{W}tblPr/{W}tblLayout")
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    assert len(doc.grid(doc.closing_index)) == 2
    for tr in table.findall(W + "tr"):
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
    for borders in list(table.iter(W + "tblBorders")) + list(table.iter(W + "tcBorders")):
        for edge in borders:
            assert edge.get(qn("w:val")) in ("nil", "none")
    previous = table.getprevious()
    assert previous is not None and previous.find(f"{W}pPr/{W}keepNext") is not None


def test_noi_nhan(doc):
    """"Nơi nhận:" 12 pt bold italic flush left; entries 11 pt upright "- …;", "Như trên" first with a Kính gửi,
    "- Lưu: VT, …." last."""
    left = doc.cell(doc.closing_index, 0, 0)
    cosigner = [_fold(line).upper() for line in doc.content.cosigner.authority_lines()]
    if cosigner:
        # Mẫu 1.9: the second signature on the left (title lines, then the name), Nơi nhận under it.
        assert [p.text for p in left[: len(cosigner) + 1]] == cosigner + [_fold(doc.content.cosigner.name)]
        left = left[len(cosigner) + 1:]
    assert left[0].text == "Nơi nhận:"
    check(left[0], size=SIZE_NOI_NHAN_LABEL, bold=True, italic=True, align=LEFT_ALIGN)
    entries = left[1:]
    assert entries
    for para in entries:
        check(para, size=SIZE_NOI_NHAN_LIST, bold=False, italic=False, align=LEFT_ALIGN)
        assert para.text.startswith("- ")
        assert twips(para.p.paragraph_format.left_indent) + twips(para.p.paragraph_format.first_line_indent) == 0, (
            "the dash is flush left"
        )
    for para in entries[:-1]:
        assert para.text.endswith(";"), para.text
    assert entries[-1].text.startswith("- Lưu: VT") and entries[-1].text.endswith(".")
    if any(r.strip() for r in doc.content.recipients):
        assert entries[0].text == "- Như trên;"
    elif not any(_fold(d).rstrip(";.") == "Như trên" for d in doc.content.distribution):
        assert all(p.text != "- Như trên;" for p in entries)


def test_signature_block(doc):
    """Authority and title lines 14 pt bold upper centred; the name 14 pt bold in normal case, level with Nơi nhận."""
    right = doc.cell(doc.closing_index, 0, 1)
    lines = [line.upper() for line in doc.content.signature.authority_lines()]
    name = _fold(doc.content.signature.name)
    assert [p.text for p in right] == [_fold(line) for line in lines] + [name]
    for para in right[:-1]:
        check(para, size=SIZE_SIGNATURE, bold=True, italic=False, upper=True, align=CENTER)
    check(right[-1], size=SIZE_SIGNATURE, bold=True, italic=False, align=CENTER)
    assert right[-1].text != right[-1].text.upper() or not any(c.isalpha() for c in name)
    assert twips(right[-1].p.paragraph_format.space_before) >= 3 * 280, "room for the signature and seal"
    # "Nơi nhận:" and the first authority line open the same row.
    left = doc.cell(doc.closing_index, 0, 0)
    assert left[0].element.getparent().getparent() is right[0].element.getparent().getparent()


# ---- page numbers -------------------------------------------------------------------------------------------


def test_page_number_from_page_two(doc):
    """Different first page is on; page 1's header is empty, the other pages' header holds a centred 14 pt PAGE field."""
    section = doc.document.sections[0]
    assert section.different_first_page_header_footer
    sect_pr = section._sectPr
    title_pg = sect_pr.find(W + "titlePg")
    assert title_pg is not None and title_pg.get(qn("w:val")) in (None, "1", "true", "on")
    first = section.first_page_header
    assert not first.is_linked_to_previous
    first_xml = first._element.xml
    assert "fldChar" not in first_xml and "instrText" not in first_xml and "fldSimple" not in first_xml
    assert all(not p.text.strip() for p in first.paragraphs)
    header = section.header
    assert not header.is_linked_to_previous
    fields = [p for p in header.paragraphs if "instrText" in p._p.xml]
    assert len(fields) == 1
    para = fields[0]
    instr = "".join(t.text for t in para._p.iter(W + "instrText"))
    assert instr.strip() == "PAGE"
    kinds = [f.get(qn("w:fldCharType")) for f in para._p.iter(W + "fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert para.paragraph_format.alignment == CENTER
    for run in para.runs:
        assert run.font.size.pt == SIZE_PAGE_NUMBER
        assert not run.bold and not run.italic


def test_first_page_footer_holds_only_the_contact(doc):
    """Box 13 (address, phone, e-mail) prints only in page 1's footer, 11 pt, under a full-width solid line."""
    section = doc.document.sections[0]
    lines = _lines(doc.content.contact)
    first = [p for p in section.first_page_footer.paragraphs if p.text]
    assert [p.text for p in first] == lines
    assert all(not p.text for p in section.footer.paragraphs)
    if lines:
        for para in first:
            check(para, size=SIZE_CONTACT, bold=False, italic=False)
        top = border(first[0], "top")
        assert top is not None and top.get(qn("w:val")) == "single"
        pf = first[0].paragraph_format
        assert twips(pf.left_indent) == 0 and twips(pf.right_indent) == 0, "the rule runs the full text width"
        assert not any(lines[0][:20] in p.text for p in doc.paras), "the contact prints only in the footer"


# ---- documents with every optional element -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["full-decision", "full-cong-van"])
def test_stamps_and_circulation_box(docs, name):
    """Secrecy and urgency stamps sit under the number in framed boxes (urgency 13 pt bold, its frame 30/40/20 mm);
    the circulation box is a framed 13 pt bold line above the header, in the right column."""
    doc = docs[name]
    content = doc.content
    left = doc.cell(doc.header_index, 1, 0)
    texts = [p.text for p in left]
    secrecy, urgency = content.secrecy.upper(), content.urgency.upper()
    assert texts.index(secrecy) < texts.index(urgency), "secrecy (10a) above urgency (10b)"
    container = doc.grid(doc.header_index)[0] - cell_margins(doc.tables[doc.header_index])
    for text in (secrecy, urgency):
        para = left[texts.index(text)]
        check(para, bold=True, upper=True, align=CENTER, size_range=BODY_RANGE)
        for side in ("top", "left", "bottom", "right"):
            assert border(para.p, side) is not None, f"{text}: no {side} frame line"
    urgency_para = left[texts.index(urgency)]
    check(urgency_para, size=SIZE_URGENCY)
    frame = rule_width(urgency_para.p, container)
    assert abs(frame - URGENCY_FRAME[urgency]) <= 30, (urgency, frame)

    first = doc.paras[0]
    assert first.table is None and first.text == content.circulation.upper()
    check(first, size=SIZE_CIRCULATION, bold=True, upper=True, align=CENTER)
    for side in ("top", "left", "bottom", "right"):
        assert border(first.p, side) is not None
    left_width = doc.grid(doc.header_index)[0]
    assert twips(first.p.paragraph_format.left_indent) >= left_width, "the circulation box sits over the right column"


def test_decision_parts(docs):
    """A decision: authority line centred bold upper, italic legal bases ending ";" then ".", "QUYẾT ĐỊNH:" centred bold,
    "Số: 15/QĐ-UBND", and a Nơi nhận without "Như trên"."""
    doc = docs["decision"]
    assert doc.cell(doc.header_index, 1, 0)[0].text == "Số: 15/QĐ-UBND"
    check(doc.find("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"), size_range=BODY_RANGE, bold=True, upper=True, align=CENTER)
    bases = [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
        "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.",
    ]
    for text in bases:
        para = doc.find(text)
        check(para, size_range=BODY_RANGE, italic=True, bold=False, align=JUSTIFY, first_line=BODY_FIRST_LINE,
              before=SPACE_BEFORE)
    word = doc.find("QUYẾT ĐỊNH:")
    check(word, size_range=BODY_RANGE, bold=True, upper=True, align=CENTER)
    texts = [p.text for p in doc.paras]
    assert texts.index(bases[-1]) < texts.index("QUYẾT ĐỊNH:") < next(i for i, t in enumerate(texts) if t.startswith("Điều 1."))
    assert texts.index("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ") < texts.index(bases[0])
    left = [p.text for p in doc.cell(doc.closing_index, 0, 0)]
    assert left[1:] == ["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, KGVX."]
    assert [p.text for p in doc.cell(doc.closing_index, 0, 1)] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Cường"]
    body = [p.text for p in doc.body_between() if p.text]
    assert body[-1].endswith("chịu trách nhiệm thi hành Quyết định này./.")


def test_full_decision_parts(docs):
    """Every optional element: the TM./KT. three-line signature, points a)…g) renumbered, the Lưu line with drafter and copies."""
    doc = docs["full-decision"]
    assert doc.cell(doc.header_index, 1, 0)[0].text == "Số: 07/QĐ-HĐTĐKT"
    assert [p.text for p in doc.cell(doc.header_index, 0, 0)][:3] == ["UBND TỈNH QUẢNG TRỊ", "HỘI ĐỒNG THI ĐUA", "KHEN THƯỞNG"]
    assert [p.text for p in doc.cell(doc.closing_index, 0, 1)] == ["TM. HỘI ĐỒNG", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Thị Lan"]
    points = [p.text[:3] for p in doc.body_between() if re.match(r"[a-zđ]\) ", p.text)]
    assert points == ["a) ", "b) ", "c) ", "d) ", "đ) ", "e) ", "g) "]
    left = [p.text for p in doc.cell(doc.closing_index, 0, 0)]
    assert left[1:] == ["- Như Điều 2;", "- Lưu: VT, TĐKT, TH.(30)."]
    assert doc.find("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    assert doc.find("Xét đề nghị của Thường trực Hội đồng.")
    date = doc.cell(doc.header_index, 1, 1)[0].text
    assert date == "Quảng Trị, ngày 03 tháng 02 năm 2026"


def test_full_cong_van_parts(docs):
    """A công văn: "Số: 05/UBND-VP", one recipient inline, Như trên first, the Lưu line with drafter and copies."""
    doc = docs["full-cong-van"]
    left = [p.text for p in doc.cell(doc.header_index, 1, 0)]
    assert left == ["Số: 05/UBND-VP", "V/v chuẩn bị nội dung phiên họp thường kỳ tháng 12", "TỐI MẬT", "KHẨN"]
    assert doc.find("Kính gửi: Sở Tài chính")
    assert [p.text for p in doc.cell(doc.closing_index, 0, 0)][1:] == [
        "- Như trên;",
        "- Chủ tịch UBND tỉnh (b/c);",
        "- Lưu: VT, TH, NVA.(12).",
    ]
    assert doc.cell(doc.header_index, 1, 1)[0].text == "Quảng Trị, ngày 01 tháng 12 năm 2026"


def test_real_letter_matches_the_sample(docs):
    """The real letter prints as the sample: its header, V/v, Kính gửi, four numbered items, signature and Nơi nhận."""
    doc = docs["letter"]
    assert [p.text for p in doc.cell(doc.header_index, 0, 0)][:2] == ["UBND TỈNH QUẢNG TRỊ", "VĂN PHÒNG"]
    number = doc.cell(doc.header_index, 1, 0)
    assert number[0].text.replace("\u00a0", " ").split() == ["Số:", "/VP-HCQT"]
    assert number[1].text == (
        "V/v tiếp tục phát huy tinh thần đoàn kết, trách nhiệm trong thực hiện nhiệm vụ năm 2025"
    )
    assert doc.cell(doc.header_index, 1, 1)[0].text == "Quảng Trị, ngày 15 tháng 7 năm 2025"
    texts = [p.text for p in doc.paras]
    i = texts.index("Kính gửi:")
    assert texts[i + 1 : i + 3] == [
        "- Các phòng, đơn vị thuộc Văn phòng;",
        "- Công chức, viên chức, người lao động cơ quan.",
    ]
    items = [t[:3] for t in texts if re.match(r"\d\. ", t)]
    assert items == ["1. ", "2. ", "3. ", "4. "]
    assert "Trân trọng./." in texts
    assert [p.text for p in doc.cell(doc.closing_index, 0, 1)] == [
        "KT. CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
        "Nguyễn Văn An",
    ]
    assert [p.text for p in doc.cell(doc.closing_index, 0, 0)] == [
        "Nơi nhận:",
        "- Như trên;",
        "- CT, PCT UBND tỉnh (b/c);",
        "- LĐVP UBND tỉnh;",
        "- Lưu: VT, HCQT, H2b.",
    ]
