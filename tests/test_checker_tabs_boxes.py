"""Headers laid out without a table, the two other ways Word users make them: lines split by tabs on tab stops
(centre stops for both columns, or a left stop for the right column), and the two columns in text boxes (VML, as
older Word letters have them, or DrawingML). The checker judges them by where they print; the importer reads the
boxes' header at the head of the letter. Each letter is built here as Word writes it (python-docx plus raw WordML).
"""
from __future__ import annotations

import io
import subprocess

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from ptdraft import api
from tests.support.word_letters import closing_row
from ptdraft.checker import check_bytes
from ptdraft.checker.recognise import recognise, text_of
from ptdraft.ooxml import docx_reader
from ptdraft.rules import Element

_VML = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
_WPS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def _document() -> docx.Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), "Times New Roman")
    normal.paragraph_format.space_after = Pt(0)
    return document


def _para(document, text, align=None, bold=False, indent=None):
    p = document.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent is not None:
        p.paragraph_format.first_line_indent = Cm(indent)
    p.add_run(text).bold = bold
    return p


def _rest(document, doc_type: str | None = "KẾ HOẠCH") -> None:
    """Under the header: the type line and the subject (or a Kính gửi), a body whose sentences mention dates, the
    Nơi nhận and the signature on tabbed lines."""
    document.add_paragraph()
    if doc_type:
        _para(document, doc_type, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        _para(document, "Tổ chức các hoạt động mừng Đảng, mừng Xuân Giáp Thìn năm 2024", WD_ALIGN_PARAGRAPH.CENTER,
              bold=True)
        document.add_paragraph()
    else:
        _para(document, "Kính gửi: Phòng Văn hóa và Thông tin các huyện, thành phố.")
    for text in ("Tổ chức các hoạt động vui Xuân, đón Tết an toàn, tiết kiệm, tạo không khí phấn khởi trong Nhân dân.",
                 "1. Trang trí, cắm cờ Tổ quốc tại trụ sở từ ngày 25/01/2024.",
                 "2. Tổ chức thăm, tặng quà vào ngày 01 và 02/02/2024.",
                 "Giao Văn phòng - Thống kê xã chủ trì, phối hợp triển khai thực hiện./."):
        _para(document, text, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=1.0)
    document.add_paragraph()
    for left, right, bold in (("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", True), ("- TT Đảng ủy, HĐND xã;", "CHỦ TỊCH", True),
                              ("- Lưu: VT.", "", False), ("", "", False), ("", "Trần Đức Thịnh", True)):
        p = document.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(12), WD_TAB_ALIGNMENT.CENTER)
        first = p.add_run(left)
        first.font.size = Pt(12 if left.startswith("Nơi") else 11)
        first.bold = first.italic = left.startswith("Nơi")
        p.add_run("\t" + right).bold = bold


def _tabbed_header(stops, leading_tab: bool, lines) -> bytes:
    document = _document()
    for left, right, left_bold, right_bold, italic in lines:
        p = document.add_paragraph()
        for position, kind in stops:
            p.paragraph_format.tab_stops.add_tab_stop(Cm(position), kind)
        first = p.add_run(("\t" if leading_tab else "") + left)
        first.bold, first.font.size = left_bold, Pt(13 if not left.startswith("V/v") else 12)
        if right:
            second = p.add_run("\t" + right)
            second.bold, second.italic, second.font.size = right_bold, italic, Pt(13)
    _rest(document, "KẾ HOẠCH" if leading_tab else None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _centre_stops() -> bytes:
    """Word's usual tabbed header: a centre stop for each column, each line opening with a tab."""
    center = WD_TAB_ALIGNMENT.CENTER
    return _tabbed_header([(3.2, center), (11.5, center)], True, [
        ("UỶ BAN NHÂN DÂN", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", False, True, False),
        ("XÃ HƯƠNG SƠN", "Độc lập - Tự do - Hạnh phúc", True, True, False),
        ("", "", False, False, False),
        ("Số: 09/KH-UBND", "Hương Sơn, ngày 16 tháng 01 năm 2024", False, False, True)])


def _left_stop(position: float) -> bytes:
    """The agency's column from the margin, the right column from a left stop at ``position`` cm."""
    return _tabbed_header([(position, WD_TAB_ALIGNMENT.LEFT)], False, [
        ("UBND TỈNH NINH BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False, True, False),
        ("SỞ VĂN HÓA VÀ THỂ THAO", "Độc lập - Tự do - Hạnh phúc", True, True, False),
        ("Số: 640/SVHTT-QLVH", "Ninh Bình, ngày 08 tháng 7 năm 2024", False, False, True),
        ("V/v quản lý hoạt động lễ hội", "", False, False, False)])


def _rules(data: bytes) -> list[str]:
    return [finding.rule for finding in check_bytes(data)]


# -- tab stops ------------------------------------------------------------------------------------------------------

def test_a_header_on_centre_tab_stops_is_read_in_its_columns():
    """The agency, the issuer and Số on the stop at 3.2 cm print in the left column, the Quốc hiệu and the date on
    the one at 11.5 cm in the right: no column finding; the type line and the subject under the header are found
    though the body mentions dates (the header ends at the type line)."""
    data = _centre_stops()
    assert sorted(_rules(data)) == ["rule.missing", "rule.missing"]  # the page draws no rule: that is all
    info = docx_reader.read(data).info
    parts = {(p.element, text_of(info, p)) for p in recognise(info).parts}
    assert {(Element.PARENT_AUTHORITY, "UỶ BAN NHÂN DÂN"), (Element.AUTHORITY, "XÃ HƯƠNG SƠN"),
            (Element.NUMBER, "Số: 09/KH-UBND"), (Element.DOC_TYPE, "KẾ HOẠCH"),
            (Element.SUBJECT, "Tổ chức các hoạt động mừng Đảng, mừng Xuân Giáp Thìn năm 2024")} <= parts
    assert info.paragraphs[0].tabs == ((1814, "center"), (6520, "center"))


def test_a_header_on_the_default_stops_is_judged_where_they_put_it():
    """With no stop set, a tab goes to the next 1.27 cm: the Tiêu ngữ after "XÃ HƯƠNG SƠN" then prints left of the
    page's middle, and that is what the column rule says."""
    lines = [("UỶ BAN NHÂN DÂN", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", False, True, False),
             ("XÃ HƯƠNG SƠN", "Độc lập - Tự do - Hạnh phúc", True, True, False),
             ("Số: 09/KH-UBND", "Hương Sơn, ngày 16 tháng 01 năm 2024", False, False, True)]
    findings = [(f.rule, f.excerpt) for f in check_bytes(_tabbed_header([], False, lines))]
    assert ("header.column", "Độc lập - Tự do - Hạnh phúc") in findings
    assert not any(rule == "header.column" and text in ("UỶ BAN NHÂN DÂN", "XÃ HƯƠNG SƠN") for rule, text in findings)


def test_a_quoc_hieu_on_a_left_stop_too_far_right_wraps():
    """On a left stop at 7.3 cm the Quốc hiệu (9.57 cm of bold 13 pt) has 9.2 cm to the right margin: it wraps, as
    with a header table; at 6.5 cm it fits."""
    assert "national-title.one-line" in _rules(_left_stop(7.3))
    (finding,) = [f for f in check_bytes(_left_stop(7.3)) if f.rule == "national-title.one-line"]
    assert "9,57 cm" in finding.message and "9,2 cm" in finding.message
    assert "national-title.one-line" not in _rules(_left_stop(6.5))
    assert "header.column" not in _rules(_left_stop(7.3))


@pytest.mark.libreoffice
def test_libreoffice_wraps_the_quoc_hieu_where_the_checker_says(soffice, tmp_path):
    """One conversion of both letters: LibreOffice breaks the Quốc hiệu on the 7.3 cm stop before "NAM", and keeps
    it whole on the 6.5 cm stop."""
    names = {"wraps": _left_stop(7.3), "fits": _left_stop(6.5)}
    for name, data in names.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), *(str(tmp_path / f"{n}.docx") for n in names)],
                   capture_output=True, timeout=300, check=True)

    def whole(name: str) -> bool:
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{name}.pdf"), "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        line = next(line for line in text.splitlines() if "CỘNG HÒA" in line)
        return "VIỆT NAM" in line

    assert not whole("wraps")
    assert whole("fits")


# -- text boxes -----------------------------------------------------------------------------------------------------

def _vml_box(lines, left_pt: int, width_pt: int):
    inner = "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{"<w:b/>" if bold else ""}'
                    f'<w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
                    for text, bold in lines)
    return parse_xml(
        f'<w:p {nsdecls("w")} {_VML}><w:r><w:pict><v:shape id="tb{left_pt}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:{left_pt}pt;margin-top:0;width:{width_pt}pt;height:70pt;z-index:1" '
        f'stroked="f"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')


def _wps_box(lines, left_cm: float, width_cm: float, ident: int):
    inner = "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{"<w:b/>" if bold else ""}'
                    f'<w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
                    for text, bold in lines)
    emu = 360000  # a centimetre
    return parse_xml(
        f'<w:p {nsdecls("w")} {_WPS}><w:r><w:drawing><wp:anchor simplePos="0" relativeHeight="2" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(left_cm * emu)}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{int(width_cm * emu)}" cy="900000"/><wp:wrapNone/><wp:docPr id="{ident}" name="Text Box"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>'
        f'<w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></w:r></w:p>')


_LEFT_BOX = [("HỘI ĐỒNG NHÂN DÂN", False), ("HUYỆN BA VÌ", True), ("Số: 15/TB-HĐND", False)]
_RIGHT_BOX = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
              ("Ba Vì, ngày 11 tháng 6 năm 2024", False)]


def _boxed_header(kind: str = "vml", right_first: bool = False) -> bytes:
    """A thông báo whose header is two text boxes anchored in the first paragraphs, then the type line, the subject
    ("Về việc …", as a thông báo's subject may start), a body mentioning a date, the closing in a table."""
    document = _document()
    body = document.element.body
    if kind == "vml":
        boxes = [_vml_box(_LEFT_BOX, 0, 190), _vml_box(_RIGHT_BOX, 200, 280)]
    else:
        boxes = [_wps_box(_LEFT_BOX, 0, 6.7, 11), _wps_box(_RIGHT_BOX, 7.0, 9.5, 12)]
    for box in (boxes[::-1] if right_first else boxes):
        body.insert(len(body) - 1, box)
    for _ in range(3):
        document.add_paragraph()
    _para(document, "THÔNG BÁO", WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _para(document, "Về việc tiếp công dân định kỳ tháng 7 năm 2024 của Thường trực HĐND huyện",
          WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    document.add_paragraph()
    for text in ("Thực hiện Luật Tiếp công dân, Thường trực Hội đồng nhân dân huyện thông báo lịch tiếp công dân:",
                 "1. Thời gian: từ 08 giờ 00 đến 11 giờ 30, thứ Năm, ngày 04/7/2024.",
                 "2. Địa điểm: Trụ sở Tiếp công dân huyện, thị trấn Tây Đằng.",
                 "Thường trực Hội đồng nhân dân huyện thông báo để công dân được biết./."):
        _para(document, text, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=1.0)
    closing_row(document, ["- TT Huyện ủy;", "- Lưu: VT."], ["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH", "", "", "Đỗ Mạnh Hùng"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["vml", "wps"])
def test_the_reader_places_each_text_box(kind):
    info = docx_reader.read(_boxed_header(kind)).info
    frames = {p.text: p.frame for p in info.paragraphs if p.in_textbox}
    assert frames["HUYỆN BA VÌ"][0] < frames["Độc lập - Tự do - Hạnh phúc"][0]
    assert all(frame is not None and frame[1] > 2500 for frame in frames.values())


@pytest.mark.parametrize("kind, right_first", [("vml", False), ("wps", False), ("vml", True)])
def test_a_header_in_text_boxes_is_found_and_the_type_line_under_it(kind, right_first):
    """The boxes' parts are found (the agency by its box's place, whichever box the file holds first), and the
    "THÔNG BÁO" and its subject under them: no type missing, no misplaced V/v."""
    data = _boxed_header(kind, right_first)
    rules = _rules(data)
    assert not {"element.missing", "vv.form", "header.column"} & set(rules), rules
    info = docx_reader.read(data).info
    parts = {(p.element, text_of(info, p)) for p in recognise(info).parts}
    assert {(Element.AUTHORITY, "HUYỆN BA VÌ"), (Element.NUMBER, "Số: 15/TB-HĐND"), (Element.DOC_TYPE, "THÔNG BÁO"),
            (Element.NATIONAL_TITLE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (Element.PLACE_DATE, "Ba Vì, ngày 11 tháng 6 năm 2024")} <= parts


@pytest.mark.parametrize("kind, right_first", [("vml", False), ("wps", True)])
def test_the_importer_reads_a_header_in_text_boxes_as_the_header(tmp_path, kind, right_first):
    """The boxes above the first text go to the head of the letter, the left one first: the header parser reads the
    issuer, the number and the date; nothing of the header is left in the body; one note says so."""
    path = tmp_path / "thong-bao.docx"
    path.write_bytes(_boxed_header(kind, right_first))
    draft, report = api.import_file(path)
    content = draft.content
    assert content.authority.split("\n")[-1] == "HUYỆN BA VÌ" and content.number == 15
    assert content.place == "Ba Vì" and str(content.date) == "2024-06-11"
    assert content.doc_type == "Thông báo"
    assert content.subject.startswith("Về việc tiếp công dân")
    assert "CỘNG HÒA" not in content.body and "HUYỆN BA VÌ" not in content.body and "Số: 15" not in content.body
    assert sum("hộp văn bản" in note for note in report.notes) == 1
    assert any("hộp bên trái trước hộp bên phải" in note for note in report.notes)
