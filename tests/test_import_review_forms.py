"""Forms a new user's review of the importer met (issue 11): an e-signature stamp's fields in a column beside the
Nơi nhận entries, a giấy mời's invitation sentence under its subject, Word's automatic I./II. section numbering under
a plan's subject, a signer's name alone in its table cell, one Kính gửi recipient's full stop, and the end mark
after an annex. Each letter is our own, written here."""
from __future__ import annotations

import dataclasses

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ptdraft import api
from ptdraft.importer.lines import lines_of
from ptdraft.layout import layout
from ptdraft.model import SigningMode
from tests.support.word_letters import word_header
from tests.test_import_docx import printed


def _printed(content) -> list[str]:
    """Every printed paragraph of the draft's layout, table cells left to right, white space folded."""
    return printed(layout(content))


# -- a. the stamp's fields in the signature's column ---------------------------------------------------------

STAMPED = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "HUYỆN BẮC MÊ\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 112/UBND-VP\tBắc Mê, ngày 04 tháng 4 năm 2024\n"
    "V/v rà soát hộ nghèo năm 2024\n\n"
    "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n\n"
    "Ủy ban nhân dân huyện đề nghị các xã rà soát danh sách hộ nghèo, gửi về Phòng Lao động - Thương binh và Xã "
    "hội trước ngày 20/4/2024./.\n\n"
    "Nơi nhận:\tKT. CHỦ TỊCH\n"
    "- Như trên;\tPHÓ CHỦ TỊCH\n"
    "- Phòng LĐTBXH;\tKý bởi: Ủy ban nhân dân huyện Bắc Mê\n"
    "- Lưu: VT.\tCơ quan: Huyện Bắc Mê, Tỉnh Hà Giang\n"
    "\tNgày ký: 04-04-2024 09:12:40 +07:00\n"
    "\tHoàng Văn Minh\n"
)


def test_a_tab_after_text_sets_two_columns_apart_however_close_its_stop():
    # "- Như trên;" is 11 characters: its tab reaches the next stop after one space, still a column's gap.
    assert lines_of("- Như trên;\tPHÓ CHỦ TỊCH")[0].columns == ["- Như trên;", "PHÓ CHỦ TỊCH"]
    assert lines_of("\tHoàng Văn Minh")[0].indent == 4


def test_e_signature_fields_beside_the_noi_nhan_entries_are_dropped_with_a_note():
    draft, report = api.import_text(STAMPED)
    content = draft.content
    assert content.distribution == ("Như trên", "Phòng LĐTBXH", "Lưu: VT")
    sig = content.signature
    assert (sig.mode, sig.head_title, sig.position, sig.name) == (SigningMode.KT, "CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                                  "Hoàng Văn Minh")
    for field in ("Ký bởi: Ủy ban nhân dân huyện Bắc Mê", "Cơ quan: Huyện Bắc Mê, Tỉnh Hà Giang",
                  "Ngày ký: 04-04-2024 09:12:40 +07:00"):
        assert any(field in note and note.startswith("bỏ dấu vết chữ ký số") for note in report.notes), field
    everything = " ".join([content.body, content.closing, *content.distribution, *report.unrecognised])
    assert "Ký bởi" not in everything and "Cơ quan:" not in everything


def test_a_stamp_field_other_than_its_own_is_kept_away_from_a_signature():
    # "Cơ quan: …" is residue only near the stamp's own fields; a letter's own two-column line keeps it.
    text = STAMPED.replace("- Phòng LĐTBXH;\tKý bởi: Ủy ban nhân dân huyện Bắc Mê\n", "- Phòng LĐTBXH;\n") \
        .replace("\tNgày ký: 04-04-2024 09:12:40 +07:00\n", "\n\n\n\n")
    text = text.replace("Ủy ban nhân dân huyện đề nghị", "Cơ quan:   Phòng Lao động huyện.\n\nỦy ban nhân dân huyện đề nghị")
    draft, report = api.import_text(text)
    assert "Cơ quan: Phòng Lao động huyện." in draft.content.body
    assert not any("Phòng Lao động huyện" in note for note in report.notes)


# -- b. a giấy mời's invitation sentence ------------------------------------------------------------------------

INVITATION = """UBND HUYỆN ĐỒNG VĂN
PHÒNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 21/GM-NN
Đồng Văn, ngày 09 tháng 9 năm 2024
GIẤY MỜI
Dự họp triển khai gieo trồng vụ Đông năm 2024
{invite}
- Chủ tịch Ủy ban nhân dân các xã, thị trấn;
- Trưởng Trạm Khuyến nông huyện.
Thời gian: 14 giờ 00 phút, ngày 12/9/2024.
Địa điểm: Phòng họp số 2, Ủy ban nhân dân huyện.
Nội dung: đánh giá kết quả sản xuất vụ Mùa năm 2024 và thống nhất kế hoạch gieo trồng, chăm sóc cây vụ Đông trên địa bàn huyện.
Đề nghị Trạm Khuyến nông huyện chuẩn bị báo cáo tình hình giống, phân bón, gửi về Phòng trước ngày 11/9/2024 để tổng hợp.
Rất mong các đồng chí tham dự đúng thời gian./.
Nơi nhận:
- Như thành phần mời;
- Lưu: VT.
TRƯỞNG PHÒNG
Sùng Mí Pó
"""


@pytest.mark.parametrize("invite", [
    "Phòng Nông nghiệp trân trọng kính mời:",  # shorter than the subject: no width tells it apart
    "Phòng Nông nghiệp và PTNT trân trọng mời:",
    "Kính mời:",
])
def test_a_giay_mois_invitation_line_under_its_subject_opens_the_body(invite):
    draft, _ = api.import_text(INVITATION.format(invite=invite))
    content = draft.content
    assert content.doc_type == "Giấy mời"
    assert content.subject == "Dự họp triển khai gieo trồng vụ Đông năm 2024"
    assert content.body.startswith(invite)
    assert content.signature.name == "Sùng Mí Pó"


def test_a_subject_wrapped_onto_a_second_short_line_still_goes_on():
    text = INVITATION.format(invite="Phòng Nông nghiệp trân trọng kính mời:").replace(
        "Dự họp triển khai gieo trồng vụ Đông năm 2024", "Dự họp triển khai gieo trồng vụ Đông\nnăm 2024")
    draft, _ = api.import_text(text)
    assert draft.content.subject == "Dự họp triển khai gieo trồng vụ Đông năm 2024"


# -- c. Word's automatic I./II. numbering under a plan's subject ---------------------------------------------------

def _numbering(document, num_id: int) -> None:
    """A list of sections "I." with items "1." under them as numbering ``num_id``."""
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                     f'</w:lvl>' for i, (fmt, text) in enumerate([("upperRoman", "%1."), ("decimal", "%2.")]))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id + 100}">{levels}'
                                  f'</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id + 100}"/>'
                               f'</w:num>'))


def _listed(document, text: str, num_id: int, level: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


@pytest.mark.parametrize(("subject", "sections"), [
    ("Tổ chức Ngày hội văn hóa các dân tộc năm 2024", ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN")),
    ("TỔ CHỨC NGÀY HỘI VĂN HÓA CÁC DÂN TỘC NĂM 2024", ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN")),
    ("Tổ chức Ngày hội văn hóa các dân tộc năm 2024", ("Mục đích, yêu cầu", "Tổ chức thực hiện")),
])
def test_sections_numbered_by_word_under_a_plans_subject_are_the_body(tmp_path, subject, sections):
    document = docx.Document()
    word_header(document, "Số: 52/KH-UBND")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(subject)
    _numbering(document, 61)
    _listed(document, sections[0], 61)
    _listed(document, "Mục đích", 61, 1)
    document.add_paragraph("Giữ gìn bản sắc văn hóa các dân tộc trên địa bàn tỉnh.")
    _listed(document, sections[1], 61)
    document.add_paragraph("Giao Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện Kế hoạch này./.")
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Các sở, ngành;")
    document.add_paragraph("- Lưu: VT.")
    document.add_paragraph("CHỦ TỊCH")
    document.add_paragraph("Nguyễn Văn Sơn")
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, report = api.import_file(path)
    content = draft.content
    assert content.doc_type == "Kế hoạch"
    assert content.subject.casefold() == "tổ chức ngày hội văn hóa các dân tộc năm 2024"
    body = content.body + "\n\n" + content.closing
    assert f"I. {sections[0]}" in body and "1. Mục đích" in body and f"II. {sections[1]}" in body
    assert body.index("I. ") < body.index("Giữ gìn") < body.index("II. ") < body.index("Giao Sở")
    assert content.signature.name == "Nguyễn Văn Sơn" and report.unrecognised == ()


# -- d. a signer's name alone in its cell ----------------------------------------------------------------------

_LIST = "Nơi nhận:\n- Như trên;\n- Lưu: VT."


@pytest.mark.parametrize(("rows", "position"), [
    ([[_LIST, "\n\n\nBùi Văn Tỉnh"]], ""),  # no title at all, the name under the room for the signature
    ([["", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"], [_LIST, "Bùi Văn Tỉnh"]], "PHÓ CHỦ TỊCH"),  # the titles a row above
    ([[_LIST], ["Bùi Văn Tỉnh"]], ""),  # a one-column table
    ([["Bùi Văn Tỉnh", _LIST]], ""),  # the signature's cell on the left
])
def test_a_signers_name_alone_in_its_table_cell_is_the_signer(tmp_path, rows, position):
    document = docx.Document()
    word_header(document, "Số: 125/UBND-VX", "kiểm tra y tế trường học")
    document.add_paragraph("Kính gửi: Phòng Giáo dục và Đào tạo.")
    document.add_paragraph("Ủy ban nhân dân huyện đề nghị Phòng Giáo dục và Đào tạo kiểm tra y tế trường học trong "
                           "tháng 4 năm 2024./.")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "cong-van.docx"
    document.save(str(path))
    draft, report = api.import_file(path)
    content = draft.content
    assert (content.signature.position, content.signature.name) == (position, "Bùi Văn Tỉnh")
    assert content.distribution == ("Như trên", "Lưu: VT")
    assert "Bùi Văn Tỉnh" not in content.body + content.closing and report.unrecognised == ()
    assert content.body.endswith("tháng 4 năm 2024./.") or content.closing.endswith("tháng 4 năm 2024./.")
    if not position:
        assert any("Bùi Văn Tỉnh" in note and "không có chức vụ" in note for note in report.notes)


def test_a_name_line_inside_the_body_stays_in_the_body():
    text = STAMPED.replace("trước ngày 20/4/2024./.", "trước ngày 20/4/2024.\n\nNguyễn Thị Lan\n\nĐề nghị các xã "
                           "thực hiện./.")
    draft, _ = api.import_text(text)
    assert "Nguyễn Thị Lan" in draft.content.body + draft.content.closing
    assert draft.content.signature.name == "Hoàng Văn Minh"


# -- e. one Kính gửi recipient's full stop ------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "entry", "printed"), [
    ("Kính gửi: Sở Tài chính tỉnh Hà Giang.", "Sở Tài chính tỉnh Hà Giang.", "Kính gửi: Sở Tài chính tỉnh Hà Giang."),
    ("Kính gửi: Sở Tài chính tỉnh Hà Giang", "Sở Tài chính tỉnh Hà Giang", "Kính gửi: Sở Tài chính tỉnh Hà Giang"),
])
def test_one_recipient_prints_with_the_mark_the_letter_gave_it(line, entry, printed):
    draft, _ = api.import_text(STAMPED.replace("Kính gửi: Ủy ban nhân dân các xã, thị trấn.", line))
    assert draft.content.recipients == (entry,)
    assert printed in _printed(draft.content)


def test_several_recipients_still_get_their_marks_from_the_draft():
    draft, _ = api.import_text(STAMPED.replace("Kính gửi: Ủy ban nhân dân các xã, thị trấn.",
                                               "Kính gửi:\n- Ủy ban nhân dân các xã;\n- Phòng Tài chính huyện."))
    assert draft.content.recipients == ("Ủy ban nhân dân các xã", "Phòng Tài chính huyện")
    shown = _printed(draft.content)
    assert "- Ủy ban nhân dân các xã;" in shown and "- Phòng Tài chính huyện." in shown


# -- f. no "./." after an annex's last line ---------------------------------------------------------------------

ANNEXED = """ỦY BAN NHÂN DÂN
HUYỆN BẮC MÊ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/BC-UBND
Bắc Mê, ngày 10 tháng 6 năm 2024

BÁO CÁO
Kết quả giảm nghèo 6 tháng đầu năm 2024

Sáu tháng đầu năm, toàn huyện giảm 412 hộ nghèo (chi tiết tại Phụ lục kèm theo).

Trên đây là báo cáo kết quả giảm nghèo 6 tháng đầu năm 2024 của Ủy ban nhân dân huyện./.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Hoàng Văn Minh

Phụ lục
KẾT QUẢ GIẢM NGHÈO THEO XÃ
(Kèm theo Báo cáo số 77/BC-UBND ngày 10/6/2024 của Ủy ban nhân dân huyện Bắc Mê)

Xã Minh Ngọc: giảm 120 hộ.
Xã Yên Phong: giảm 292 hộ{end}
"""


@pytest.mark.parametrize(("end", "last"), [
    ("", "Xã Yên Phong: giảm 292 hộ"),  # none written: none printed
    (".", "Xã Yên Phong: giảm 292 hộ."),
    ("./.", "Xã Yên Phong: giảm 292 hộ./."),  # written: kept, once
])
def test_an_imported_annex_ends_as_it_was_written(end, last):
    draft, report = api.import_text(ANNEXED.format(end=end))
    content = draft.content
    assert len(content.annexes) == 1 and report.unrecognised == ()
    assert content.close == "./." and content.closing.endswith("của Ủy ban nhân dân huyện./.")
    shown = _printed(content)
    assert shown[-1] == last
    assert "./." not in shown  # no line of "./." alone, under the annex or anywhere
    assert sum(text.endswith("./.") for text in shown) == (2 if end == "./." else 1)


def test_a_new_drafts_annex_still_ends_with_the_end_mark():
    draft = api.example_draft(api.get_template("bao-cao"))
    imported, _ = api.import_text(ANNEXED.format(end=""))
    content = dataclasses.replace(draft.content, annexes=imported.content.annexes)
    assert not content.distribution_as_written
    assert _printed(content)[-1] == "Xã Yên Phong: giảm 292 hộ./."
