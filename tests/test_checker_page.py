"""The checker sees the page: letters made the way other generators and Word users make them (python-docx here),
each with one thing printed wrong, give the finding for it (rule id and box), and the right letter gives none.

The numbers are FORMAT.md's: the left column of the header about 40 % of the text width, the agency's rule 1/3 to
1/2 of its line, the motto's as long as the motto, the Quốc hiệu and the date each on one line.
"""
from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

from ptdraft.checker import check_bytes
from ptdraft.ooxml import docx_reader
from ptdraft.checker.page_layout import page_count
from ptdraft.checker.recognise import recognise, text_of
from ptdraft.rules import Element
from tests.support.checker import para, set_text, valid_docx, word_letter

_LONG_BODY = tuple(
    f"Đoạn {n}: Sở Tư pháp đề nghị các đơn vị, địa phương khẩn trương triển khai thực hiện các nội dung đã được phân "
    "công, báo cáo kết quả về Sở Tư pháp đúng thời hạn để tổng hợp." for n in range(1, 11)
)  # two pages in LibreOffice (python-docx's Normal style: 10 pt after, 1.15 lines)


def found(data: bytes) -> list[tuple[str, str, str]]:
    return [(f.rule, f.box, f.excerpt) for f in check_bytes(data)]


def test_a_letter_made_right_in_word_has_no_finding():
    """Header and closing in two-column tables, rules drawn as bottom borders of the right lengths."""
    assert found(word_letter()) == []


@pytest.mark.parametrize("typed", ["dashes", "stars", "o0o"])
def test_typed_rules_are_findings(typed):
    """"-----", "*****", "---o0o---" typed under the agency and the motto, as website copies and old templates have."""
    text = {"dashes": "-----------", "stars": "*****", "o0o": "---o0o---"}[typed]
    assert found(word_letter(typed_rules=typed)) == [("rule.typed", "2", text), ("rule.typed", "1", text)]


def test_rule_glued_onto_the_agency_line_is_typed():
    """"SỞ TƯ PHÁP*****" (the asterisks typed on the line itself) is the agency with a typed rule."""
    def change(d):
        set_text(d, "SỞ TƯ PHÁP", "SỞ TƯ PHÁP*****")

    document = docx.Document(io.BytesIO(word_letter()))
    change(document)
    out = io.BytesIO()
    document.save(out)
    assert ("rule.typed", "2", "SỞ TƯ PHÁP*****") in found(out.getvalue())


def test_no_rule_and_a_rule_of_the_wrong_length():
    document = docx.Document(io.BytesIO(word_letter()))
    for p in list(document.tables[0].rows[0].cells[1].paragraphs):
        if p._element.pPr is not None and p._element.pPr.find(qn("w:pBdr")) is not None:
            p._element.getparent().remove(p._element)
    out = io.BytesIO()
    document.save(out)
    assert found(out.getvalue()) == [("rule.missing", "1", "Độc lập - Tự do - Hạnh phúc")]
    # A rule of 5 cm under "SỞ TƯ PHÁP" (about 2.8 cm of text) is far longer than half its line.
    assert found(word_letter(authority_rule=5)) == [("rule.length", "2", "SỞ TƯ PHÁP")]


def test_a_line_shape_drawn_under_the_motto_is_a_drawn_rule():
    """Word users also draw the line with Insert → Shapes (a VML line in the file): measured by its length."""
    def letter(points: int) -> bytes:
        document = docx.Document(io.BytesIO(word_letter()))
        cell = document.tables[0].rows[0].cells[1]
        rule = next(p for p in cell.paragraphs if p._element.pPr is not None and p._element.pPr.find(qn("w:pBdr")) is not None)
        rule._element.pPr.remove(rule._element.pPr.find(qn("w:pBdr")))
        vml = "urn:schemas-microsoft-com:vml"
        run = rule._element.makeelement(qn("w:r"), {})
        pict = etree.SubElement(run, qn("w:pict"))
        etree.SubElement(pict, f"{{{vml}}}line", {"from": "0,0", "to": f"{points}pt,0"})
        rule._element.append(run)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    assert found(letter(173)) == []  # 6.1 cm, the motto's length
    assert found(letter(60)) == [("rule.length", "1", "Độc lập - Tự do - Hạnh phúc")]


def test_a_header_without_a_table_puts_every_line_in_the_middle():
    """A generator that writes the header as centred lines one under another: no columns at all."""
    assert found(word_letter(header_table=False)) == [
        ("header.column", "2", "UBND TỈNH NGHỆ AN"), ("header.column", "2", "SỞ TƯ PHÁP"),
        ("header.column", "3", "Số: 125/STP-VP"), ("header.column", "5b", "V/v hướng dẫn thực hiện"),
        ("header.column", "1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("header.column", "1", "Độc lập - Tự do - Hạnh phúc"),
    ]


def test_vv_centred_under_the_header_is_outside_the_left_column():
    assert found(word_letter(vv_centred=True)) == [("header.column", "5b", "V/v hướng dẫn thực hiện")]


def test_the_national_title_twice():
    assert found(word_letter(title_twice=True)) == [("element.duplicate", "1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]


def test_the_national_title_and_the_date_each_on_one_line():
    """Columns of equal width (Word's default table): the 13 pt bold Quốc hiệu (9.6 cm) wraps in 8.1 cm."""
    assert found(word_letter(equal_columns=True)) == [("national-title.one-line", "1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]

    document = docx.Document(io.BytesIO(word_letter()))
    set_text(document, "Nghệ An, ngày", "Thành phố Hồ Chí Minh, ngày 15 tháng 3 năm 2026")
    para(document, "Thành phố Hồ Chí Minh").runs[0].font.size = docx.shared.Pt(14)
    document.tables[0].rows[0].cells[1].paragraphs[-1].paragraph_format.left_indent = docx.shared.Cm(1.5)
    out = io.BytesIO()
    document.save(out)
    assert ("date.one-line", "4", "Thành phố Hồ Chí Minh, ngày 15 tháng 3 năm 2026") in found(out.getvalue())


def test_centred_recipients_are_a_finding_and_lined_up_ones_are_not():
    names = ("Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ")
    assert found(word_letter(recipients=names)) == []
    assert found(word_letter(recipients=names, centred_recipients=True)) == [("recipients.align", "9a", "- Sở Tài chính;")]


@pytest.mark.parametrize("closing, where", [("one-column", "ở trên"), ("paragraphs", "ở dưới")])
def test_the_signature_beside_noi_nhan(closing, where):
    """A signature table of one column (signature over Nơi nhận), or the signature typed under Nơi nhận."""
    (finding,) = check_bytes(word_letter(closing=closing))
    assert (finding.rule, finding.box, finding.excerpt) == ("closing.layout", "7a", "GIÁM ĐỐC")
    assert where in finding.message


@pytest.mark.parametrize("closing, where", [("table-below", "ở dưới"), ("table-above", "ở trên")])
@pytest.mark.parametrize("signature", [("GIÁM ĐỐC",), ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")])
def test_a_signature_table_of_its_own_beside_noi_nhan_typed_as_paragraphs(closing, where, signature):
    """Nơi nhận typed as paragraphs, the signature in a one-column table under or over it: the signer and the Lưu
    line are found, the Nơi nhận lines are not judged as body text; the one finding is where the signature sits."""
    data = word_letter(closing=closing, signature=signature)
    (finding,) = check_bytes(data)
    assert (finding.rule, finding.box, finding.excerpt) == ("closing.layout", "7a", signature[0])
    assert where in finding.message
    parts = _parts(data)
    assert {(Element.SIGN_NAME, "Nguyễn Văn Bình"), (Element.DISTRIBUTION, "- Lưu: VT, VP."),
            (Element.SIGN_AUTHORITY, signature[0])} <= parts
    assert not any(element is Element.BODY and text.startswith("- ") for element, text in parts)


@pytest.mark.parametrize("signature", [("GIÁM ĐỐC",), ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")])
def test_noi_nhan_and_the_signature_on_tabbed_lines(signature):
    """"Nơi nhận:⇥KT. GIÁM ĐỐC", "- Như trên;⇥PHÓ GIÁM ĐỐC" …: the text before the tab is Nơi nhận's, after it the
    signature's; side by side, well formatted, it is no finding."""
    data = word_letter(closing="tabs", signature=signature)
    assert check_bytes(data) == []
    parts = _parts(data)
    assert {(Element.DISTRIBUTION_LABEL, "Nơi nhận:"), (Element.DISTRIBUTION, "- Như trên;"),
            (Element.DISTRIBUTION, "- Lưu: VT, VP."), (Element.SIGN_AUTHORITY, signature[0]),
            (Element.SIGN_NAME, "Nguyễn Văn Bình")} <= parts


def test_a_tabbed_line_shared_by_two_elements_gets_no_run_fix():
    """"Nơi nhận:⇥KT. GIÁM ĐỐC" typed in one run, in 12 pt regular: the label's weight and slant are findings, but
    setting them on the run would slant the signature too, so --fix leaves them."""
    d = docx.Document(io.BytesIO(word_letter(closing="tabs", signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))))
    label = next(p for p in d.paragraphs if p.text.startswith("Nơi nhận"))
    for run in label.runs[1:]:
        run._element.getparent().remove(run._element)
    label.runs[0].text = "Nơi nhận:\tKT. GIÁM ĐỐC"
    label.runs[0].bold = label.runs[0].italic = False
    out = io.BytesIO()
    d.save(out)
    findings = [(f.rule, f.excerpt, f.fixable) for f in check_bytes(out.getvalue())]
    assert findings == [("font.bold", "Nơi nhận:", False), ("font.italic", "Nơi nhận:", False),
                        ("font.size", "KT. GIÁM ĐỐC", False), ("font.bold", "KT. GIÁM ĐỐC", False)]


def test_a_signature_mark_where_the_name_goes_is_one_finding_that_names_it():
    """"Đã ký" typed where the name goes, under "KT. GIÁM ĐỐC" and "PHÓ GIÁM ĐỐC": the name is missing, said once
    with the mark named; the title line over it stays a title (no "name in capitals", no "not a name", no "KT.
    without a title")."""
    findings = check_bytes(word_letter(signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name="Đã ký"))
    assert [(f.rule, f.box, f.excerpt) for f in findings] == [("element.missing", "7b", "Đã ký")]
    assert "\"Đã ký\"" in findings[0].message
    assert found(word_letter(signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name="")) == [
        ("element.missing", "7b", "(Đã ký)")]
    # KT. with no title line and no name: both are said.
    assert found(word_letter(signature=("KT. GIÁM ĐỐC",), name="Đã ký")) == [
        ("signature.title-missing", "7a", "KT. GIÁM ĐỐC"), ("element.missing", "7b", "Đã ký")]
    # A name typed in capitals is still a name.
    assert found(word_letter(signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), name="NGUYỄN VĂN BÌNH")) == [
        ("text.case", "7b", "NGUYỄN VĂN BÌNH")]


def test_a_digital_signatures_printed_words_are_residue_not_the_position_line():
    """"Ký bởi: …" (9 pt, left from a signed PDF) between the title and the name: one finding naming it, not the
    position line's size, weight and case."""
    d = docx.Document(io.BytesIO(word_letter(signature=("GIÁM ĐỐC", "Ký bởi: Sở Tư pháp tỉnh Nghệ An"))))
    para(d, "Ký bởi").runs[0].font.size, para(d, "Ký bởi").runs[0].bold = docx.shared.Pt(9), False
    out = io.BytesIO()
    d.save(out)
    (finding,) = check_bytes(out.getvalue())
    assert (finding.rule, finding.box, finding.excerpt) == ("signature.residue", "7c", "Ký bởi: Sở Tư pháp tỉnh Nghệ An")
    assert (Element.SIGN_NAME, "Nguyễn Văn Bình") in _parts(out.getvalue())


def _parts(data: bytes) -> set:
    package = docx_reader.read(data)
    return {(p.element, text_of(package.info, p)) for p in recognise(package.info).parts}


def test_each_signing_form_has_the_lines_it_needs():
    assert found(word_letter(signature=("KT. GIÁM ĐỐC",))) == [("signature.title-missing", "7a", "KT. GIÁM ĐỐC")]
    assert found(word_letter(signature=("TL. GIÁM ĐỐC",))) == [("signature.title-missing", "7a", "TL. GIÁM ĐỐC")]
    assert found(word_letter(signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))) == []
    assert found(word_letter(signature=("Q. GIÁM ĐỐC",))) == []  # the acting head's title is the title
    assert found(word_letter(name="Giám đốc Sở")) == [("signature.name", "7b", "Giám đốc Sở")]


def test_page_numbers_are_judged_from_the_pages_the_letter_lays_out_to():
    """app.xml says one page (python-docx, like many generators, never lays the letter out): the letter is two
    pages long and has no page number, which is a finding; the one-page letter without one is fine."""
    two_pages = word_letter(body=_LONG_BODY, page_number=False, stale_pages=1)
    assert b"<Pages>1</Pages>" in __import__("zipfile").ZipFile(io.BytesIO(two_pages)).read("docProps/app.xml")
    assert page_count(docx_reader.read(two_pages).info) == 2
    assert found(two_pages) == [("page.number.missing", "", "")]
    assert found(word_letter(page_number=False, stale_pages=3)) == []


def test_a_one_line_paragraph_flush_left_is_no_alignment_finding():
    """"Trân trọng./." left-aligned prints as it would justified; a long paragraph left-aligned does not."""
    def letter(text: str) -> bytes:
        document = docx.Document(io.BytesIO(word_letter(body=(text,))))
        for start in (text[:10], "Trân trọng"):
            para(document, start).alignment = WD_ALIGN_PARAGRAPH.LEFT
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    assert found(letter("Sở Tư pháp đề nghị các đơn vị thực hiện.")) == []
    long = " ".join(["Sở Tư pháp đề nghị các đơn vị thực hiện nghiêm túc các nội dung trên."] * 3)
    assert [(rule, box) for rule, box, _text in found(letter(long))] == [("body.align", "6")]


def test_official_mixed_case_codes_in_the_symbol_are_accepted():
    """"…/TTg-KTTH" (the Prime Minister's code), "…/UBND-TTr" (Thanh tra) are as the state writes them."""
    for symbol in ("Số: 345/TTg-KTTH", "Số: 12/UBND-TTr"):
        document = docx.Document(io.BytesIO(word_letter()))
        set_text(document, "Số:", symbol)
        out = io.BytesIO()
        document.save(out)
        assert found(out.getvalue()) == []
    document = docx.Document(io.BytesIO(word_letter()))
    set_text(document, "Số:", "Số: 12/UBND-Vp")
    out = io.BytesIO()
    document.save(out)
    assert [rule for rule, _box, _text in found(out.getvalue())] == ["number.form"]


def test_the_quyet_dinh_issuing_a_regulation_keeps_its_second_header():
    """Mẫu 1.3: the regulation a Quyết định issues starts a section of its own, whose header is not a duplicate."""
    assert check_bytes(valid_docx("quyet-dinh-ban-hanh")) == []


@pytest.mark.libreoffice
def test_the_page_count_is_the_one_libreoffice_prints(rendered, pdfs):
    """Every document the suite renders (each template, the 12-page kế hoạch, a regulation in parts and chapters, two
    letters in one file) lays out to as many pages in the checker as LibreOffice prints."""
    from tests.support import pdf_page_count

    counts = {name: (page_count(docx_reader.read(doc.path).info), pdf_page_count(pdfs[doc.path]))
              for name, doc in rendered.items()}
    assert {name: pair for name, pair in counts.items() if pair[0] != pair[1]} == {}
    assert max(printed for _mine, printed in counts.values()) >= 10


@pytest.mark.parametrize("keep_cell_widths", [True, False])
def test_a_header_table_without_its_grid_is_placed_by_cell_widths_or_not_judged(keep_cell_widths):
    """Some generators write no w:tblGrid: the cells' own widths place the columns; with neither, where a line
    prints is unknown and no column, length or wrapping finding is given (never a false one)."""
    document = docx.Document(io.BytesIO(word_letter()))
    table = document.tables[0]._tbl
    table.remove(table.tblGrid)
    if not keep_cell_widths:
        for width in table.iter(qn("w:tcW")):
            width.getparent().remove(width)
    out = io.BytesIO()
    document.save(out)
    info = docx_reader.read(out.getvalue()).info
    title = next(p for p in info.paragraphs if p.text.startswith("CỘNG HÒA"))
    assert (title.cell is not None) is keep_cell_widths
    assert found(out.getvalue()) == []


@pytest.mark.libreoffice
def test_letters_saved_again_by_libreoffice_keep_zero_findings(soffice, tmp_path):
    """LibreOffice writes its own tables, borders and spacing when it saves a DOCX again: the page rules read its
    file the same way (ptdraft's letters, opened and saved in LibreOffice Writer, stay clean)."""
    import subprocess

    names = ["cong-van-chung", "cong-van-van-phong-ubnd-tinh", "giay-moi", "quyet-dinh", "to-trinh", "bien-ban"]
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for name in names:
        (source / f"{name}.docx").write_bytes(valid_docx(name))
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), *(str(source / f"{n}.docx") for n in names)],
                   capture_output=True, timeout=300, check=True)
    for name in names:
        saved = (out / f"{name}.docx").read_bytes()
        assert saved != valid_docx(name)
        assert found(saved) == [], name
