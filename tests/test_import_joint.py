"""A joint letter (văn bản liên tịch): two issuing bodies in the header, a symbol naming both, two signatures.

Two bodies of one kind one above the other ("SỞ Y TẾ" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO") are both issuers, printed in
bold like one issuing body, not a parent over a child; the older joint symbol "KHLT-SYT-SGDĐT" and a type group of
the letter's own ("KL-UBND" on a Thông báo) print as written, not after the decree's abbreviation.
"""
from __future__ import annotations


import dataclasses

import docx
import pytest

from ptdraft import api, layout, rules
from ptdraft.files.drafts import content_from_dict, content_to_dict
from ptdraft.model import Content, Signature, SigningMode
from ptdraft.reference.metrics import line_height
from ptdraft.rules import Element

HEAD = """{authority}
-------
Số: {number}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Giang, ngày 12 tháng 3 năm 2019

{type}
{subject}

Thực hiện Thông tư liên tịch số 13/2016/TTLT-BYT-BGDĐT ngày 12/5/2016 của Bộ Y tế và Bộ Giáo dục và Đào tạo, \
hai cơ quan thống nhất như sau:

1. Bảo đảm các điều kiện chăm sóc sức khỏe học sinh.

Trên đây là nội dung phối hợp năm học 2019 - 2020./.

KT. GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO
PHÓ GIÁM ĐỐC
Nguyễn Văn An

KT. GIÁM ĐỐC SỞ Y TẾ
PHÓ GIÁM ĐỐC
Trần Thị Bình

Nơi nhận:
- UBND tỉnh (b/c);
- Các phòng GD&ĐT;
- Lưu: VT.
"""


def letter(authority: str, number: str = "15/KHLT-SYT-SGDĐT", type_: str = "KẾ HOẠCH",
           subject: str = "Triển khai công tác y tế trường học năm học 2019 - 2020") -> str:
    return HEAD.format(authority=authority, number=number, type=type_, subject=subject)




@pytest.mark.parametrize("bodies", [
    ("SỞ Y TẾ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
    ("BỘ Y TẾ", "BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "PHÒNG Y TẾ"),
])
def test_two_bodies_of_one_kind_are_both_issuers(bodies):
    draft, report = api.import_text(letter("\n".join(bodies)))
    assert draft.content.parent_authority == ""
    assert draft.content.authority.split("\n") == list(bodies)


def test_a_parent_above_two_joint_bodies_stays_the_parent():
    draft, _ = api.import_text(letter("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    assert draft.content.parent_authority == "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG"
    assert draft.content.authority == "SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"


@pytest.mark.parametrize(("lines", "parent", "issuer"), [
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSỞ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"),
    ("BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ", "BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THPT CHUYÊN HÀ GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT CHUYÊN HÀ GIANG"),
    ("BỘ QUỐC PHÒNG\nBỘ TƯ LỆNH BỘ ĐỘI BIÊN PHÒNG", "BỘ QUỐC PHÒNG", "BỘ TƯ LỆNH BỘ ĐỘI BIÊN PHÒNG"),
    ("BỘ QUỐC PHÒNG\nBỘ TỔNG THAM MƯU", "BỘ QUỐC PHÒNG", "BỘ TỔNG THAM MƯU"),
    ("ỦY BAN NHÂN DÂN HUYỆN VỊ XUYÊN\nỦY BAN NHÂN DÂN XÃ ĐẠO ĐỨC",
     "ỦY BAN NHÂN DÂN HUYỆN VỊ XUYÊN", "ỦY BAN NHÂN DÂN XÃ ĐẠO ĐỨC"),
])
def test_a_body_under_another_is_still_parent_and_child(lines, parent, issuer):
    draft, _ = api.import_text(letter(lines, number="15/KH-SYT"))
    assert (draft.content.parent_authority, draft.content.authority) == (parent, issuer)


def test_the_older_joint_symbol_prints_as_written():
    draft, report = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    content = draft.content
    assert (content.type_code, content.issuer_code, content.unit_code) == ("KHLT", "SYT", "SGDĐT")
    assert layout.number_line(content) == "Số: 15/KHLT-SYT-SGDĐT"
    assert any("liên tịch" in note and "KHLT" in note for note in report.notes)


def test_the_decree_joint_symbol_needs_no_type_code():
    draft, _ = api.import_text(letter("BỘ Y TẾ\nBỘ GIÁO DỤC VÀ ĐÀO TẠO", number="1557/KH-BYT-BGDĐT"))
    assert draft.content.type_code == ""
    assert layout.number_line(draft.content) == "Số: 1557/KH-BYT-BGDĐT"


def test_a_type_group_of_the_letters_own_is_not_printed_after_the_decrees():
    draft, report = api.import_text(letter("ỦY BAN NHÂN DÂN\nXÃ ĐẠO ĐỨC", number="08/KL-UBND", type_="THÔNG BÁO",
                                           subject="Kết luận của Chủ tịch Ủy ban nhân dân xã tại buổi làm việc"))
    assert draft.content.doc_type == "Thông báo"
    assert layout.number_line(draft.content) == "Số: 08/KL-UBND"
    assert any("KL-UBND" in note for note in report.notes)


def test_the_exported_header_prints_both_bodies_bold_and_the_symbol_as_written(tmp_path):
    draft, _ = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    out = api.export_docx(draft, tmp_path / "kh.docx", strict=False)
    left = [row.cells[0] for row in docx.Document(str(out)).tables[0].rows]  # the header's left column
    printed = [(p.text, all(r.bold for r in p.runs if r.text.strip()))
               for cell in left for p in cell.paragraphs if p.text.strip()]
    assert printed[:2] == [("SỞ Y TẾ", True), ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", True)]
    assert any(text.replace("\u00a0", " ") == "Số: 15/KHLT-SYT-SGDĐT" for text, _bold in printed)


def test_a_type_code_survives_the_draft_file():
    content = Content(doc_type="Kế hoạch", authority="SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", issuer_code="SYT",
                      unit_code="SGDĐT", type_code="KHLT", number=15)
    saved = content_to_dict(content)
    assert saved["type_code"] == "KHLT"
    assert content_from_dict(saved) == content
    assert "type_code" not in content_to_dict(Content(doc_type="Kế hoạch"))


def _findings(path) -> list[str]:
    return [finding.rule for finding in api.check_docx(path)]


def test_the_checker_takes_both_bold_bodies_for_issuers(tmp_path):
    """A joint letter ptdraft prints with the decree's symbol has no finding; with the older "KHLT" the symbol is
    the one finding (Nghị định 30 writes a joint symbol "KH-SYT-SGDĐT"), never a bold parent agency."""
    draft, _ = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    older = api.export_docx(draft, tmp_path / "older.docx", strict=False)
    assert _findings(older) == ["number.type-code"]
    (finding,) = api.check_docx(older)
    assert "liên tịch" in finding.message and "KH-SYT-SGDĐT" in finding.fix
    current = dataclasses.replace(draft, content=dataclasses.replace(draft.content, type_code=""))
    assert _findings(api.export_docx(current, tmp_path / "current.docx", strict=False)) == []


def test_the_checker_still_reports_a_bold_parent(tmp_path):
    draft, _ = api.import_text(letter("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSỞ Y TẾ", number="15/KH-SYT"))
    out = api.export_docx(draft, tmp_path / "kh.docx", strict=False)
    document = docx.Document(str(out))
    for run in document.tables[0].cell(0, 0).paragraphs[0].runs:
        run.bold = True
    document.save(str(out))
    assert "font.bold" in _findings(out)


def test_the_exported_joint_letter_imports_back_the_same(tmp_path):
    draft, _ = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    out = api.export_docx(draft, tmp_path / "kh.docx", strict=False)
    again, _ = api.import_file(out)
    fields = ("parent_authority", "authority", "type_code", "issuer_code", "unit_code", "number")
    assert [getattr(again.content, f) for f in fields] == [getattr(draft.content, f) for f in fields]


def _closing_names(content: Content) -> tuple:
    table = next(b for b in layout.layout(content).blocks if getattr(b, "name", "") == "closing")
    left, right = table.rows[0].cells
    name_of = {block.ref: block for cell in (left, right) for block in cell.blocks
               if isinstance(block, layout.Para) and block.element is Element.SIGN_NAME}
    return name_of["cosigner"], name_of["signature"]


def test_two_signatures_side_by_side_have_their_names_on_one_level():
    """The co-signer's "KT. GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO" wraps onto two lines in its 7 cm cell: its name gets no
    room above it the other's lacks — the other name is lowered by that one line instead."""
    draft, _ = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    left, right = _closing_names(draft.content)
    style = rules.STYLES[Element.SIGN_AUTHORITY]
    one_line = round(line_height(style.size, bold=style.bold))
    assert left.style.space_before == rules.STYLES[Element.SIGN_NAME].space_before
    assert right.style.space_before - left.style.space_before == one_line


def test_names_already_level_are_left_as_they_are():
    short = Signature(SigningMode.KT, head_title="GIÁM ĐỐC SỞ Y TẾ", position="PHÓ GIÁM ĐỐC", name="Trần Thị Bình")
    content = Content(doc_type="Kế hoạch", authority="SỞ Y TẾ\nSỞ NỘI VỤ", signature=short,
                      cosigner=dataclasses.replace(short, head_title="GIÁM ĐỐC SỞ NỘI VỤ", name="Lê Văn Nam"))
    left, right = _closing_names(content)
    assert left.style.space_before == right.style.space_before == rules.STYLES[Element.SIGN_NAME].space_before


def test_a_symbol_without_the_type_group_says_what_the_draft_prints():
    draft, report = api.import_text(letter("ỦY BAN NHÂN DÂN\nXÃ ĐẠO ĐỨC", number="08/UBND", type_="THÔNG BÁO",
                                           subject="Lịch tiếp công dân tháng 4 năm 2019"))
    assert layout.number_line(draft.content) == "Số: 08/TB-UBND"
    assert any("“TB-UBND”" in note for note in report.notes)


def test_a_joint_plan_named_ke_hoach_lien_tich_is_a_ke_hoach():
    draft, _ = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", type_="KẾ HOẠCH LIÊN TỊCH"))
    content = draft.content
    assert content.doc_type == "Kế hoạch"
    assert content.subject == "Triển khai công tác y tế trường học năm học 2019 - 2020"
    assert layout.number_line(content) == "Số: 15/KHLT-SYT-SGDĐT"


def test_a_plans_first_section_in_capitals_is_not_taken_into_its_subject():
    text = letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", type_="KẾ HOẠCH LIÊN TỊCH").replace(
        "năm học 2019 - 2020\n\n", "năm học 2019 - 2020\nI. MỤC ĐÍCH, YÊU CẦU\n", 1)
    draft, _ = api.import_text(text)
    assert draft.content.subject == "Triển khai công tác y tế trường học năm học 2019 - 2020"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in draft.content.body
