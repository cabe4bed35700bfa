"""Checker rules: ptdraft's own output is clean, and a DOCX that breaks one rule gives exactly that finding.

The broken files are ptdraft's own valid output with one thing changed by python-docx,
the way a clerk would change it in Word.
"""
from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ptdraft import api
from ptdraft.checker import Finding, check_bytes
from tests.support.checker import (
    word_letter,
    broken,
    clear_page_number,
    para,
    paragraphs,
    remove,
    run_fonts,
    set_text,
    valid_docx,
)
from tests.support import decision_draft, full_cong_van_draft, full_decision_draft, letter_draft, template_example

TEMPLATE_IDS = [t.id for t in api.list_templates()]


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


# -- ptdraft's own output -------------------------------------------------------------


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_shipped_template_output_has_no_findings(template_id):
    """The DOCX of every shipped template's example passes the checker with no finding."""
    assert check_bytes(valid_docx(template_id)) == []


@pytest.mark.parametrize("make", [letter_draft, decision_draft, full_decision_draft, full_cong_van_draft],
                         ids=["letter", "decision", "full-decision", "full-cong-van"])
def test_drafts_with_every_optional_element_have_no_findings(make):
    """Drafts with stamps, circulation box, contact footer and combined TM./KT. signing also check clean."""
    assert check_bytes(api.docx_bytes(make())) == []


# -- one broken rule, one finding ---------------------------------------------------------

def _margin(side, mm):
    return lambda d: setattr(d.sections[0], f"{side}_margin", Mm(mm))


def _size(start, points):
    return lambda d: [setattr(r.font, "size", Pt(points)) for r in para(d, start).runs]


def _flag(start, name, value):
    return lambda d: [setattr(r.font, name, value) for r in para(d, start).runs]


def _text(start, text):
    return lambda d: set_text(d, start, text)


def _letter_size(d):
    d.sections[0].page_width, d.sections[0].page_height = Mm(216), Mm(279)


def _no_title_page(d):
    d.sections[0].different_first_page_header_footer = False


def _page_number_size(d):
    for p in d.sections[0].header.paragraphs:
        for r in p.runs:
            r.font.size = Pt(11)


def _arial_run(d):
    run_fonts(para(d, "Thực hiện").runs[0], ascii="Arial", hAnsi="Arial")


def _east_asia_slot(d):
    """SimSun in the East Asian slot of a run that quotes Chinese characters (the slot they print with)."""
    run = para(d, "Thực hiện").runs[0]
    run.text += " (越南)"
    run_fonts(run, eastAsia="SimSun")


def _theme_font(d):
    run_fonts(para(d, "Thực hiện").runs[0], hAnsiTheme="minorHAnsi")


def _style_font(d):
    """The run loses its own fonts and falls back to docDefaults, which name a theme font."""
    run = para(d, "Thực hiện").runs[0]
    run._element.rPr.remove(run._element.rPr.rFonts)
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    defaults.find(qn("w:rFonts")).set(qn("w:asciiTheme"), "minorHAnsi")
    for style in d.styles.element.iter(qn("w:style")):
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None:
            fonts.getparent().remove(fonts)


def _size_from_style(d):
    """The "Nơi nhận:" run loses its size and falls back to the Normal style (14 pt)."""
    rpr = para(d, "Nơi nhận").runs[0]._element.rPr
    for tag in ("w:sz", "w:szCs"):
        rpr.remove(rpr.find(qn(tag)))


def _align_left(d):
    para(d, "Thực hiện").alignment = WD_ALIGN_PARAGRAPH.LEFT


def _no_indent(d):
    para(d, "Thực hiện").paragraph_format.first_line_indent = Cm(0)


def _swap_title_and_motto(d):
    """The Quốc hiệu moved under the motto and the motto's drawn rule."""
    para(d, "Độc lập")._element.getnext().addnext(para(d, "CỘNG HÒA")._element)


CASES = [
    ("page.margin.left", "cong-van-chung", _margin("left", 20)),
    ("page.margin.top", "cong-van-chung", _margin("top", 30)),
    ("page.margin.bottom", "cong-van-chung", _margin("bottom", 15)),
    ("page.margin.right", "cong-van-chung", _margin("right", 25)),
    ("page.size", "cong-van-chung", _letter_size),
    ("page.number.first-page", "cong-van-chung", _no_title_page),
    ("page.number.missing", "cong-van-van-phong-ubnd-tinh", clear_page_number),
    ("page.number.style", "thong-bao", _page_number_size),
    ("font.family", "cong-van-chung", _arial_run),
    ("font.family", "cong-van-chung", _east_asia_slot),
    ("font.family", "cong-van-chung", _theme_font),
    ("font.family", "cong-van-chung", _style_font),
    ("font.size", "cong-van-chung", _size("CỘNG HÒA", 11)),
    ("font.size", "cong-van-chung", _size_from_style),
    ("font.size", "cong-van-chung", _size("Nơi nhận", 13)),
    ("font.size", "cong-van-chung", _size("- Lãnh đạo Sở", 12)),
    ("font.size", "cong-van-chung", _size("Thực hiện", 12)),
    ("font.size", "giay-moi", _size("GIẤY MỜI", 12)),
    ("font.bold", "cong-van-chung", _flag("SỞ NỘI VỤ", "bold", False)),
    ("font.bold", "cong-van-chung", _flag("UBND TỈNH", "bold", True)),
    ("font.bold", "quyet-dinh", _flag("QUYẾT ĐỊNH:", "bold", False)),
    ("font.italic", "cong-van-chung", _flag("Quảng Trị, ngày", "italic", False)),
    ("font.italic", "quyet-dinh", _flag("Căn cứ Luật", "italic", False)),
    ("font.italic", "cong-van-chung", _flag("Nơi nhận", "italic", False)),
    ("text.case", "cong-van-chung", _text("CỘNG HÒA", "Cộng hòa xã hội chủ nghĩa Việt Nam")),
    ("text.case", "thong-bao", _text("THÔNG BÁO", "Thông báo")),
    ("text.case", "quyet-dinh", _text("Hoàng Văn Nam", "HOÀNG VĂN NAM")),
    ("national-title.text", "cong-van-chung", _text("CỘNG HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM")),
    ("motto.text", "cong-van-chung", _text("Độc lập", "Độc lập – Tự do – Hạnh phúc")),
    ("motto.text", "cong-van-chung", _text("Độc lập", "Độc lập - tự do - hạnh phúc")),
    ("number.leading-zero", "cong-van-chung", _text("Số:", "Số: 5/SNV-CCHC")),
    ("number.form", "cong-van-chung", _text("Số:", "Số: 05/SNV - CCHC")),
    ("number.form", "thong-bao", _text("Số:", "Số: 12/2026/TB-UBND")),  # a year only on a normative type
    ("number.form", "cong-van-chung", _text("Số:", "Số: 05/2026/SNV-CCHC")),
    ("number.form", "cong-van-chung", _text("Số:", "Số: 05/SNV")),
    ("number.form", "quyet-dinh", _text("Số:", "Số: 05/UBND")),
    ("number.type-code", "cong-van-chung", _text("Số:", "Số: 05/CV-SNV")),
    ("number.type-code", "cong-van-chung", _text("Số:", "Số: 05/QĐ")),
    ("number.type-code", "thong-bao", _text("Số:", "Số: 05/QĐ-UBND")),
    ("date.leading-zero", "cong-van-chung", _text("Quảng Trị, ngày", "Quảng Trị, ngày 5 tháng 3 năm 2026")),
    ("date.leading-zero", "cong-van-chung", _text("Quảng Trị, ngày", "Quảng Trị, ngày 05 tháng 03 năm 2026")),
    ("date.leading-zero", "cong-van-chung", _text("Quảng Trị, ngày", "Quảng Trị, ngày 15 tháng 1 năm 2026")),
    ("date.form", "cong-van-chung", _text("Quảng Trị, ngày", "Quảng Trị, 05/3/2026")),
    ("date.form", "cong-van-chung", _text("Quảng Trị, ngày", "Quảng Trị ngày 05 tháng 3 năm 2026")),
    ("vv.form", "cong-van-chung", _text("V/v", "V/V báo cáo kết quả thực hiện công tác cải cách hành chính")),
    ("element.missing", "cong-van-chung", lambda d: remove(d, "V/v")),
    ("element.missing", "cong-van-chung", lambda d: remove(d, "Độc lập")),
    ("element.missing", "quyet-dinh", lambda d: remove(d, "QUYẾT ĐỊNH")),
    ("element.order", "cong-van-chung", _swap_title_and_motto),
    ("recipients.label", "cong-van-chung", _text("Kính gửi", "Kính gửi")),
    ("recipients.punctuation", "cong-van-chung", _text("- Các sở", "- Các sở, ban, ngành cấp tỉnh")),
    ("recipients.punctuation", "cong-van-chung", _text("- Ủy ban", "- Ủy ban nhân dân các xã, phường;")),
    ("recipients.dash", "cong-van-chung", _text("- Các sở", "Các sở, ban, ngành cấp tỉnh;")),
    ("body.align", "cong-van-chung", _align_left),
    ("body.indent", "cong-van-chung", _no_indent),
    ("body.end-mark", "cong-van-chung", _text("Trân trọng", "Trân trọng.")),
    ("body.end-mark", "quyet-dinh", _text("Chánh Văn phòng", "Chánh Văn phòng thi hành Quyết định này.")),
    ("distribution.label", "cong-van-chung", _text("Nơi nhận", "Nơi nhận")),
    ("distribution.punctuation", "cong-van-chung", _text("- Lãnh đạo Sở", "- Lãnh đạo Sở")),
    ("distribution.punctuation", "quyet-dinh", _text("- Lưu", "- Lưu: VT, NC;")),
    ("distribution.dash", "cong-van-chung", _text("- Lãnh đạo Sở", "Lãnh đạo Sở;")),
    ("distribution.dash", "cong-van-chung", _text("- Lãnh đạo Sở", "– Lãnh đạo Sở;")),
    ("distribution.nhu-tren", "cong-van-chung", lambda d: remove(d, "- Như trên")),
    ("archive.form", "cong-van-chung", _text("- Lưu", "- Lưu VT, CCHC, NTH.")),
    ("archive.missing", "quyet-dinh", lambda d: remove(d, "- Lưu")),
    ("signature.authority-form", "cong-van-chung", _text("KT. GIÁM", "KT GIÁM ĐỐC")),
    ("signature.authority-form", "quyet-dinh", _text("KT. CHỦ", "K/T CHỦ TỊCH")),
    ("signature.authority-form", "giay-moi", _text("TL. CHỦ", "Tl. CHỦ TỊCH")),
]


@pytest.mark.parametrize("rule, template_id, change", CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_one_broken_rule_gives_exactly_that_finding(rule, template_id, change):
    """A valid DOCX with one thing broken gives exactly one finding, with the rule id of what was broken."""
    findings = check_bytes(broken(template_id, change))
    assert rules_of(findings) == [rule], [f.message for f in findings]


def test_finding_says_where_what_and_how_in_vietnamese():
    """A finding carries the box number, the paragraph index and excerpt, and Vietnamese message and fix."""
    (finding,) = check_bytes(broken("cong-van-chung", _text("Quảng Trị, ngày", "Quảng Trị, ngày 5 tháng 3 năm 2026")))
    assert finding.box == "4"
    assert finding.section == "§5.1"
    assert finding.paragraph == 8  # the date: the 9th paragraph, counting the header table's cells in order
    assert finding.excerpt == "Quảng Trị, ngày 5 tháng 3 năm 2026"
    assert "số 0" in finding.message
    assert "Quảng Trị, ngày 05 tháng 3 năm 2026" in finding.fix
    assert finding.fixable
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.rule = "x"


def test_margin_finding_gives_the_range_in_millimetres():
    """A left margin of 20 mm is reported with the decree's 30–35 mm range."""
    (finding,) = check_bytes(broken("cong-van-chung", _margin("left", 20)))
    assert "20 mm" in finding.message and "30–35 mm" in finding.message
    assert finding.paragraph is None


# -- what must not be reported -------------------------------------------------------------


@pytest.mark.parametrize("change", [
    _margin("left", 35), _margin("top", 25), _margin("bottom", 25), _margin("right", 20),
    lambda d: setattr(d.sections[0], "left_margin", docx.shared.Twips(1985)),  # 3.5 cm rounded up by LibreOffice
], ids=["left-35", "top-25", "bottom-25", "right-20", "left-3.5cm-rounded"])
def test_margins_anywhere_in_the_range_are_accepted(change):
    """Any margin inside the decree's range (edges included, rounding of cm to twips allowed) is no finding."""
    assert check_bytes(broken("cong-van-chung", change)) == []


@pytest.mark.parametrize("template_id, number", [
    ("quyet-dinh", "Số: 37/2006/QĐ-UBND"),  # a Quyết định of a People's Committee may be a legal normative one
    ("nghi-quyet", "Số: 15/2022/NQ-HĐND"),
    ("chi-thi", "Số: 04/2012/CT-UBND"),  # a Chỉ thị was one until the 2015 law took effect (1 July 2016)
])
def test_the_year_in_a_legal_normative_documents_number_is_no_finding(template_id, number):
    assert check_bytes(broken(template_id, _text("Số:", number))) == []


def test_a_chỉ_thị_after_2016_has_no_year_in_its_number():
    assert rules_of(check_bytes(broken("chi-thi", _text("Số:", "Số: 04/2020/CT-UBND")))) == ["number.form"]


def test_old_tone_mark_spelling_of_the_national_title_is_accepted():
    """"CỘNG HOÀ" (old tone-mark placement) is the same name as "CỘNG HÒA" and is not a finding."""
    assert check_bytes(broken("cong-van-chung", _text("CỘNG HÒA", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"))) == []


def test_caps_formatting_counts_as_upper_case():
    """A national title typed in lower case but formatted All Caps prints in capitals: no finding."""
    def change(d):
        set_text(d, "CỘNG HÒA", "Cộng hòa xã hội chủ nghĩa Việt Nam")
        para(d, "Cộng hòa").runs[0].font.all_caps = True
    assert check_bytes(broken("cong-van-chung", change)) == []


def test_sizes_allowed_by_a_range_are_accepted():
    """Quốc hiệu at 13 pt and body at 13 pt are inside the decree's ranges (12–13, 13–14)."""
    def change(d):
        _size("CỘNG HÒA", 13)(d)
        _size("Thực hiện", 13)(d)
    assert check_bytes(broken("cong-van-chung", change)) == []


def test_indent_of_1_27_cm_is_accepted():
    """A first-line indent of 1.27 cm (720 twips) is one of the decree's two values."""
    def change(d):
        para(d, "Thực hiện").paragraph_format.first_line_indent = docx.shared.Twips(720)
    assert check_bytes(broken("cong-van-chung", change)) == []


def test_a_wrong_font_in_many_paragraphs_is_one_finding_naming_them():
    """Arial in three paragraphs gives one font.family finding that names the three paragraphs."""
    def change(d):
        for start in ("Thực hiện", "Trong quá trình", "Trân trọng"):
            for run in para(d, start).runs:
                run_fonts(run, ascii="Arial", hAnsi="Arial")
    (finding,) = check_bytes(broken("cong-van-chung", change))
    assert finding.rule == "font.family"
    assert finding.paragraph == 12
    assert "3 đoạn" in finding.message and "Arial" in finding.message


def test_several_broken_rules_are_all_found_in_document_order():
    """Three broken rules give three findings, page-wide first, then by paragraph."""
    def change(d):
        _margin("left", 20)(d)
        set_text(d, "Quảng Trị, ngày", "Quảng Trị, ngày 5 tháng 3 năm 2026")
        set_text(d, "- Lãnh đạo Sở", "- Lãnh đạo Sở")
    findings = check_bytes(broken("cong-van-chung", change))
    assert rules_of(findings) == ["page.margin.left", "date.leading-zero", "distribution.punctuation"]


# -- documents made elsewhere -------------------------------------------------------------


def test_letter_made_from_word_default_template_is_read_and_clean():
    """A letter built on python-docx's default template, with Times New Roman in every style, has no finding."""
    assert check_bytes(word_letter(fonts_in_styles=True)) == []


def _style_fonts(data: bytes, **slots: str) -> bytes:
    """The DOCX with the Normal style's w:rFonts set as given ("asciiTheme": "minorHAnsi", …), others removed."""
    d = docx.Document(io.BytesIO(data))
    fonts = d.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for slot, value in slots.items():
        fonts.set(qn(f"w:{slot}"), value)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_times_new_roman_for_ascii_and_hansi_alone_is_no_finding():
    """python-docx's font.name (and many generators) set only ascii and hAnsi; Word's defaults leave cs to the theme
    font minorBidi and eastAsia to minorEastAsia. Vietnamese letters print with ascii and hAnsi only: no finding."""
    assert check_bytes(word_letter(fonts_in_styles=False)) == []
    data = _style_fonts(word_letter(fonts_in_styles=False), ascii="Times New Roman", hAnsi="Times New Roman",
                        cs="Arial", eastAsia="SimSun")
    assert check_bytes(data) == []


def test_the_slots_vietnamese_letters_print_with_are_judged():
    """ascii prints the plain letters and digits, hAnsi the Vietnamese ones: either one wrong is a finding that
    names it, and only it."""
    (finding,) = check_bytes(_style_fonts(word_letter(), ascii="Times New Roman", hAnsi="Arial"))
    assert finding.rule == "font.family"
    assert "hAnsi: Arial" in finding.message and "ascii" not in finding.message and "cs" not in finding.message
    (finding,) = check_bytes(_style_fonts(word_letter(fonts_in_styles=False), asciiTheme="minorHAnsi",
                                          hAnsi="Times New Roman"))
    assert "ascii: phông chủ đề minorHAnsi" in finding.message and "hAnsi" not in finding.message


def test_east_asian_characters_are_judged_by_their_own_slot():
    """A paragraph that quotes Chinese characters prints them with the eastAsia slot: a theme font there is a
    finding for that paragraph only."""
    d = docx.Document(io.BytesIO(word_letter(fonts_in_styles=False)))
    para(d, "Thực hiện").add_run(" (越南)")
    out = io.BytesIO()
    d.save(out)
    (finding,) = check_bytes(out.getvalue())
    assert finding.rule == "font.family" and finding.excerpt.startswith("Thực hiện")
    assert "eastAsia: phông chủ đề minorEastAsia" in finding.message and "cs" not in finding.message
    assert " đoạn:" not in finding.message  # one paragraph


def _letter_without_tables(date: str = "Nghệ An, ngày 15 tháng 3 năm 2026") -> bytes:
    """A công văn typed with no table at all: tabs split the header lines, the signature is indented right."""
    d = docx.Document(io.BytesIO(word_letter(fonts_in_styles=True)))
    body = d.element.body
    for table in body.findall(qn("w:tbl")):
        body.remove(table)

    def add(runs, align=WD_ALIGN_PARAGRAPH.LEFT, first=None, left=None):
        p = d.add_paragraph()
        p.alignment = align
        if any(text == "\t" for text, *_ in runs):  # the right column's lines centred on a stop, as typists set it
            p.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
        if first is not None:
            p.paragraph_format.first_line_indent = first
        if left is not None:
            p.paragraph_format.left_indent = left
        for text, size, bold, italic in runs:
            run = p.add_run(text)
            run.font.size, run.bold, run.italic = Pt(size), bold, italic
        return p

    for p in list(d.paragraphs):
        p._element.getparent().remove(p._element)
    add([("UBND TỈNH NGHỆ AN", 13, False, False), ("\t", 13, False, False),
         ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False)])
    add([("SỞ TƯ PHÁP", 13, True, False), ("\t", 13, False, False), ("Độc lập - Tự do - Hạnh phúc", 14, True, False)])
    add([("Số: 125/STP-VP", 13, False, False), ("\t", 13, False, False),
         (date, 14, False, True)])
    add([("V/v hướng dẫn thực hiện", 12, False, False)])
    add([("Kính gửi: Ủy ban nhân dân các xã, phường", 14, False, False)], WD_ALIGN_PARAGRAPH.CENTER)
    add([("Sở Tư pháp đề nghị các đơn vị thực hiện./.", 14, False, False)], WD_ALIGN_PARAGRAPH.JUSTIFY, first=Cm(1))
    add([("GIÁM ĐỐC", 14, True, False)], WD_ALIGN_PARAGRAPH.CENTER, left=Cm(8))
    add([("Nguyễn Văn Bình", 14, True, False)], WD_ALIGN_PARAGRAPH.CENTER, left=Cm(8))
    add([("Nơi nhận:", 12, True, True)])
    add([("- Như trên;", 11, False, False)])
    add([("- Lưu: VT, VP.", 11, False, False)])
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_letter_without_tables_is_recognised_and_judged_by_its_page():
    """A letter with a header of tabbed lines and no tables anywhere: every element found; what it prints wrong is
    what the page shows: no drawn rule under the agency or the motto, the signature above "Nơi nhận:"."""
    from ptdraft.ooxml import docx_reader
    from ptdraft.checker.recognise import recognise, text_of
    from ptdraft.rules import Element

    data = _letter_without_tables()
    assert [(f.rule, f.box, f.excerpt) for f in check_bytes(data)] == [
        ("rule.missing", "2", "SỞ TƯ PHÁP"), ("rule.missing", "1", "Độc lập - Tự do - Hạnh phúc"),
        ("closing.layout", "7a", "GIÁM ĐỐC"),
    ]
    package = docx_reader.read(data)
    parts = {(p.element, text_of(package.info, p)) for p in recognise(package.info).parts}
    assert {
        (Element.PARENT_AUTHORITY, "UBND TỈNH NGHỆ AN"), (Element.AUTHORITY, "SỞ TƯ PHÁP"),
        (Element.NATIONAL_TITLE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (Element.NUMBER, "Số: 125/STP-VP"),
        (Element.PLACE_DATE, "Nghệ An, ngày 15 tháng 3 năm 2026"), (Element.SUBJECT_VV, "V/v hướng dẫn thực hiện"),
        (Element.SIGN_AUTHORITY, "GIÁM ĐỐC"), (Element.SIGN_NAME, "Nguyễn Văn Bình"),
        (Element.DISTRIBUTION, "- Lưu: VT, VP."),
    } <= parts


def test_letter_without_tables_with_a_wrong_date_gives_that_finding():
    """In a table-free header, a date sharing its line with the number is still checked on its own."""
    findings = [f for f in check_bytes(_letter_without_tables("Nghệ An, ngày 15 tháng 03 năm 2026"))
                if f.rule.startswith("date.")]
    assert [(f.rule, f.paragraph, f.excerpt) for f in findings] == [
        ("date.leading-zero", 2, "Nghệ An, ngày 15 tháng 03 năm 2026")
    ]


def _title_and_motto_in_one_paragraph(motto: str):
    def change(d):
        title = para(d, "CỘNG HÒA")
        title.runs[0].add_break()
        motto_run = title.add_run(motto)
        motto_run.font.size, motto_run.bold = Pt(13), True
        remove(d, "Độc lập")
    return change


def test_title_and_motto_in_one_paragraph_split_by_a_line_break():
    """The national title and the motto typed in one paragraph with a line break are both recognised and checked."""
    assert check_bytes(broken("cong-van-chung", _title_and_motto_in_one_paragraph("Độc lập - Tự do - Hạnh phúc"))) == []
    findings = check_bytes(broken("cong-van-chung", _title_and_motto_in_one_paragraph("Độc lập – Tự do – Hạnh phúc")))
    assert [(f.rule, f.box, f.paragraph) for f in findings] == [("motto.text", "1", 3)]


def test_distribution_list_in_one_paragraph_with_line_breaks():
    """Nơi nhận typed as one paragraph with line breaks is checked line by line."""
    def change(d):
        label = para(d, "Nơi nhận")
        for text in ("- Như trên;", "- Lãnh đạo Sở", "- Lưu: VT, CCHC."):
            label.runs[-1].add_break()
            run = label.add_run(text)
            run.font.size, run.bold, run.italic = Pt(11), False, False
        for start in ("- Như trên", "- Lãnh đạo Sở", "- Trang thông tin", "- Lưu"):
            remove(d, start)
    findings = check_bytes(broken("cong-van-chung", change))
    assert rules_of(findings) == ["distribution.punctuation"]
    assert "Lãnh đạo Sở" in findings[0].fix


# -- drafts ------------------------------------------------------------------------------


def test_check_draft_points_each_finding_at_the_draft_part():
    """api.check_draft on a draft whose signer is typed in capitals names the "signature" part."""
    draft = template_example(api.get_template("quyet-dinh"))
    content = draft.content
    draft = dataclasses.replace(
        draft, content=dataclasses.replace(content, signature=dataclasses.replace(content.signature, name="HOÀNG VĂN NAM")),
        values={**draft.values, "nguoi_ky": "HOÀNG VĂN NAM"},
    )
    findings = api.check_draft(draft)
    assert [(f.rule, f.ref) for f in findings] == [("text.case", "signature")]


def test_check_draft_of_a_clean_draft_is_empty_and_matches_check_docx(tmp_path):
    """A shipped example checks clean as a draft and as the DOCX written from it."""
    draft = template_example(api.get_template("thong-bao"))
    assert api.check_draft(draft) == []
    path = tmp_path / "tb.docx"
    api.export_docx(draft, path)
    assert api.check_docx(path) == []


def test_paragraph_indices_follow_document_order_through_tables():
    """Finding.paragraph indexes paragraphs as python-docx meets them walking body and table cells in order."""
    def change(d):
        set_text(d, "- Trang thông tin", "- Trang thông tin điện tử Sở")
    (finding,) = check_bytes(broken("cong-van-chung", change))
    document = docx.Document(io.BytesIO(broken("cong-van-chung", change)))
    assert paragraphs(document)[finding.paragraph].text == "- Trang thông tin điện tử Sở"


def test_agency_typed_before_the_national_title_is_not_a_circulation_note(tmp_path):
    """In a letter typed as plain lines, a capitalised agency name above the national title is read as the
    issuing authority (box 2), not as a circulation note (box 11); a real note ("XEM XONG TRẢ LẠI") still is."""
    def letter(first_line: str):
        document = docx.Document()
        for text, bold in ((first_line, True), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                           ("Độc lập - Tự do - Hạnh phúc", True), ("Số: 12/UBND-VP", False),
                           ("Quảng Trị, ngày 05 tháng 3 năm 2026", False), ("Nội dung./.", False)):
            run = document.add_paragraph().add_run(text)
            run.bold, run.font.size = bold, Pt(11)
        path = tmp_path / f"{len(first_line)}.docx"
        document.save(str(path))
        return api.check_docx(path)

    boxes = {(f.box, f.message.split(" cỡ")[0]) for f in letter("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ") if f.rule == "font.size"}
    assert ("2", "Tên cơ quan ban hành") in boxes
    assert not any(box == "11" for box, _name in boxes)
    assert any(f.box == "11" for f in letter("XEM XONG TRẢ LẠI") if f.rule == "font.size")


@pytest.mark.parametrize("template_id, number", [
    ("cong-van-chung", "Số: 1520/PC08-ĐTTNGT"), ("cong-van-chung", "Số: 35/C08-P3"),
    ("quyet-dinh", "Số: 12/QĐ-PV01"), ("thong-bao", "Số: 07/TB-PC08"),
])
def test_a_police_or_army_units_digits_are_part_of_its_symbol(template_id, number):
    """Công an and army letters as ptdraft prints them: a unit numbered like PC08 or C08 is a valid group."""
    assert check_bytes(broken(template_id, _text("Số:", number))) == []


@pytest.mark.parametrize("number", ["Số: 653/2019/UBTVQH14", "Số: 01/2021/QH15"])
def test_the_quoc_hois_own_number_form_is_no_finding(number):
    """The Quốc hội and its Standing Committee number their laws and resolutions with the year and no type group;
    the checker does not ask them for the decree's "NQ-" (a committee's "Số: 05/UBND" still gets it, above)."""
    assert check_bytes(broken("quyet-dinh", _text("Số:", number))) == []


@pytest.mark.parametrize("template_id, number, said, fix", [
    ("cong-van-chung", "Số: 120/UBND", "chữ viết tắt tên đơn vị soạn thảo hoặc lĩnh vực", "Số: 120/UBND-VP"),
    ("quyet-dinh", "Số: 05/QĐ", "chỉ có chữ viết tắt tên loại", "Số: 05/QĐ-UBND"),
    ("quyet-dinh", "Số: 05/UBND", "thiếu chữ viết tắt tên loại \"QĐ\"", "Số: 05/QĐ-UBND"),
])
def test_a_symbol_of_one_group_is_told_what_group_it_lacks(template_id, number, said, fix):
    """"Số: 120/UBND" on a công văn is not a matter of hyphens or spaces: it lacks the drafting unit's (or the
    field's) abbreviation after the issuer's (FORMAT.md §6.1); a Quyết định's symbol lacks its type code or its
    issuer. One finding, no talk of hyphens and spaces."""
    (finding,) = check_bytes(broken(template_id, _text("Số:", number)))
    assert finding.rule == "number.form" and said in finding.message and fix in finding.fix
    assert "dấu cách" not in finding.message
