"""Header forms met on the law sites' copies of long letters (the excerpts of tests/data/corpus/excerpts): a portal's
post time above the header, a subject in capitals whose years wrap onto a line of their own, a stray "-" under the
authority's rule, a symbol with a group of its own after "/", and a people's committee issuing with the Fatherland
Front committee."""
from __future__ import annotations

import pytest

from ptdraft import api, layout
from ptdraft.reference import forms

HEAD = """{above}ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
-------
{stray}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: {number}
Lạng Sơn, ngày 13 tháng 01 năm 2020

KẾ HOẠCH
{subject}

Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, các cơ quan triển khai kế hoạch như sau:

1. Rà soát các vùng có nguy cơ thiếu nước.
"""


def imported(above: str = "", stray: str = "", number: str = "07/KH-UBND",
             subject: str = "TRIỂN KHAI CÁC GIẢI PHÁP PHÒNG, CHỐNG HẠN HÁN MÙA KHÔ NĂM 2019 -\n2020"):
    return api.import_text(HEAD.format(above=above, stray=stray, number=number, subject=subject))


def with_authority(lines: str):
    """The plan's header with other agency lines in place of its two."""
    return api.import_text(HEAD.format(above="", stray="", number="07/KH-UBND", subject="PHỐI HỢP CÔNG TÁC")
                           .replace("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", lines))


def test_a_portals_post_time_above_the_header_is_no_place_and_date():
    draft, report = imported(above="11:51, Ngày 21/10/2017\nVăn bản của cơ quan cấp trên\n127 lượt xem\n\n")
    content = draft.content
    assert (content.authority, content.place, content.date.isoformat()) == ("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN",
                                                                          "Lạng Sơn", "2020-01-13")
    assert any("11:51, Ngày 21/10/2017" in note for note in report.notes)
    assert forms.PLACE_DATE.match("11:51, Ngày 21/10/2017") is None
    assert forms.PLACE_DATE.match("Hà Nội, ngày 21/10/2017")


@pytest.mark.parametrize(("subject", "ending"), [
    ("TRIỂN KHAI CÁC GIẢI PHÁP PHÒNG, CHỐNG HẠN HÁN MÙA KHÔ NĂM 2019 -\n2020", "mùa khô năm 2019 - 2020"),
    ("PHỐI HỢP CÔNG TÁC GIỮA CÁC SỞ, NGÀNH GIAI ĐOẠN\n2017-2021", "giai đoạn 2017-2021"),
    ("PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM\n(2021 - 2025)", "5 năm (2021 - 2025)"),
])
def test_the_years_wrapped_off_a_subject_in_capitals_stay_in_it(subject, ending):
    draft, _ = imported(subject=subject)
    assert draft.content.subject.endswith(ending)
    assert draft.content.body.startswith("Thực hiện chỉ đạo")


def test_a_body_line_after_the_years_is_not_taken_into_the_subject():
    draft, _ = api.import_text(HEAD.format(above="", stray="", number="07/KH-UBND",
                                           subject="TRIỂN KHAI KẾ HOẠCH NĂM 2019 -\n2020").replace("\n\nThực hiện", "\nThực hiện"))
    assert draft.content.subject == "Triển khai kế hoạch năm 2019 - 2020"


def test_a_stray_dash_under_the_authoritys_rule_loses_nothing():
    draft, _ = imported(above="Hệ thống pháp luật\nĐang tải nội dung, vui lòng chờ giây lát...\n", stray="-\n")
    content = draft.content
    assert content.authority == "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN"
    assert layout.number_line(content) == "Số: 07/KH-UBND" and content.doc_type == "Kế hoạch"


@pytest.mark.parametrize("number", ["01/QCPH/UBND-UBMTTQ", "12/KH/UBND-SYT"])
def test_a_symbol_with_a_slash_inside_prints_as_written(number):
    draft, _ = imported(number=number)
    assert layout.number_line(draft.content) == f"Số: {number}"


def test_a_type_code_glued_to_the_issuer_is_still_read():
    draft, report = imported(number="07/KHUBND")
    assert layout.number_line(draft.content) == "Số: 07/KH-UBND"
    assert any("thiếu dấu" in note for note in report.notes)


@pytest.mark.parametrize(("lines", "joint"), [
    ("ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH ĐẮK LẮK", True),
    ("THƯỜNG TRỰC HĐND TỈNH HÒA BÌNH\nỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", True),
    ("ỦY BAN NHÂN DÂN HUYỆN NGA SƠN\nỦY BAN NHÂN DÂN XÃ NGA THANH", False),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH\nBAN PHÁP CHẾ", False),
])
def test_a_committee_issuing_with_the_front_or_the_council_is_a_joint_letter(lines, joint):
    draft, _ = with_authority(lines)
    content = draft.content
    if joint:
        assert (content.parent_authority, content.authority) == ("", lines)
    else:
        parent, issuer = lines.split("\n")
        assert (content.parent_authority, content.authority) == (parent, issuer)


LAID_OUT = """TB NGHI LE 30 4 by user123

VIEWS: 10 PAGES: 1

        UBND THỊ XÃ ĐỒNG XOÀI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      PHÒNG GIÁO DỤC VÀ ĐÀO TẠO              Độc lập - Tự do - Hạnh phúc
  Số : 151/TB-PGDĐT           Đồng Xoài, ngày 20 tháng 4 năm 2012.


                 THÔNG BÁO
   Về việc nghỉ Lễ 30 tháng 4 và 01 tháng 5 năm 2012


      Kính gửi:  Hiệu trưởng các trường Mầm non, Tiểu học,
                 THCS trên địa bàn thị xã Đồng Xoài.

   Thực hiện hướng dẫn của Sở Giáo dục và Đào tạo, Phòng Giáo dục và Đào tạo thông báo lịch nghỉ
Lễ như sau:
   1. Các trường nghỉ từ ngày 28/4/2012 đến hết ngày 01/5/2012.
"""


def test_a_laid_out_copy_with_a_sharing_sites_lines_above_it():
    """Columns apart by spaces (a PDF's text laid out), "Số :" with a space, a full stop after the year, a
    document-sharing site's "VIEWS: 10 PAGES: 1" above the header, one recipient wrapped under its own text."""
    draft, report = api.import_text(LAID_OUT)
    content = draft.content
    assert (content.parent_authority, content.authority) == ("UBND THỊ XÃ ĐỒNG XOÀI", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    assert layout.number_line(content) == "Số: 151/TB-PGDĐT"
    assert (content.place, content.date.isoformat()) == ("Đồng Xoài", "2012-04-20")
    assert content.recipients == ("Hiệu trưởng các trường Mầm non, Tiểu học, THCS trên địa bàn thị xã Đồng Xoài.",)
    assert content.body.startswith("Thực hiện hướng dẫn")
    assert any("VIEWS: 10 PAGES: 1" in note for note in report.notes)


def test_a_recipient_line_under_kinh_gui_at_the_bodys_indent_is_the_body():
    text = LAID_OUT.replace("Tiểu học,\n                 THCS trên địa bàn thị xã Đồng Xoài.", "Tiểu học.")
    draft, _ = api.import_text(text)
    assert draft.content.recipients == ("Hiệu trưởng các trường Mầm non, Tiểu học.",)
    assert draft.content.body.startswith("Thực hiện hướng dẫn")


@pytest.mark.parametrize(("first", "parent", "issuer"), [
    ("UBND TỈNH QUẢNG NGÃI SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "UBND TỈNH QUẢNG NGÃI",
     "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
    ("ỦY BAN NHÂN DÂN HUYỆN KỲ ANH PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "ỦY BAN NHÂN DÂN HUYỆN KỲ ANH",
     "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
    # the unit's name holds a body's word ("HẢI PHÒNG"): the office starts after it
    ("UBND THÀNH PHỐ HẢI PHÒNG VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI", "UBND THÀNH PHỐ HẢI PHÒNG",
     "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI"),
    # one body only: nothing to cut
    ("UBND THÀNH PHỐ HẢI PHÒNG", "", "UBND THÀNH PHỐ HẢI PHÒNG"),
])
def test_a_parent_body_and_its_office_run_together_on_one_line_are_cut_apart(first, parent, issuer):
    text = (f"{first} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
            "Số: 88/BC-NN Quảng Ngãi, ngày 04 tháng 3 năm 2024\n"
            "BÁO CÁO Tình hình sản xuất vụ Đông Xuân năm 2024\n"
            "Kính gửi: Ủy ban nhân dân tỉnh.\n"
            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, cơ quan báo cáo tình hình sản xuất như sau./.\n")
    draft, _report = api.import_text(text)
    content = draft.content
    assert (content.parent_authority, content.authority) == (parent, issuer)
    assert (content.number, content.place, content.doc_type) == (88, "Quảng Ngãi", "Báo cáo")


@pytest.mark.parametrize(("lines", "kept"), [
    # broken in a wider cell than ptdraft's: each line would wrap again inside the left cell, so the name is one
    ("TỔ CÔNG TÁC CHUYÊN TRÁCH CẢI\nCÁCH THỦ TỤC HÀNH CHÍNH CỦA THỦ\nTƯỚNG CHÍNH PHỦ",
     "TỔ CÔNG TÁC CHUYÊN TRÁCH CẢI CÁCH THỦ TỤC HÀNH CHÍNH CỦA THỦ TƯỚNG CHÍNH PHỦ"),
    # lines that fit the cell keep the letter's own breaks
    ("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN"),
    ("BỘ NÔNG NGHIỆP VÀ PHÁT\nTRIỂN NÔNG THÔN", "BỘ NÔNG NGHIỆP VÀ PHÁT\nTRIỂN NÔNG THÔN"),
])
def test_an_agency_name_broken_in_a_wider_cell_is_printed_as_one_name(lines, kept):
    from ptdraft.reference.metrics import wrapped_widths
    from ptdraft import rules

    draft, _ = with_authority(lines)
    assert draft.content.authority == kept
    style = rules.STYLES[rules.Element.AUTHORITY]
    printed = [len(wrapped_widths(line, rules.HEADER_LEFT, style.size, bold=True)) for line in kept.split("\n")]
    assert printed[0] >= 2 if "\n" not in kept else printed == [1] * len(printed)


def test_the_period_in_brackets_under_a_subject_in_capitals_is_the_subjects_end():
    draft, report = imported(subject="NÂNG CAO HIỆU QUẢ GIÁM SÁT TRONG DOANH NGHIỆP NHÀ NƯỚC\n(Giai đoạn: 2021- 2025)")
    content = draft.content
    assert content.subject == "Nâng cao hiệu quả giám sát trong doanh nghiệp nhà nước (Giai đoạn: 2021- 2025)"
    assert content.body.startswith("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh")


@pytest.mark.parametrize(("glued", "lines"), [
    ("ỦY BAN NHÂN DÂNTHÀNH PHỐ HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH"),
    ("ỦY BAN NHÂN DÂNTỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN"),
    ("HỘI ĐỒNG NHÂN DÂNHUYỆN YÊN PHONG", "HỘI ĐỒNG NHÂN DÂN\nHUYỆN YÊN PHONG"),
])
def test_a_body_glued_to_its_unit_by_a_copy_is_taken_apart(glued, lines):
    draft, _ = with_authority(glued)
    assert (draft.content.parent_authority, draft.content.authority) == ("", lines)
