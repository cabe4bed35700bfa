"""Header forms clerks paste that the corpus does not hold: a Party letter's header with its number in the Party's
form ("Số: 45-CV/TU") above its title, the number line read before the issuing body (a PDF's text of the left
column), a type code joined to the issuer's by "." or "/" ("QĐ.UBND", the older "QĐ/UB"), a typist's "số:" in small
letters, and the place typed alone on the line over its date."""
from __future__ import annotations

import pytest

from ptdraft import api, layout
from ptdraft.reference import forms

TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------"

DECISION = """ỦY BAN NHÂN DÂN
HUYỆN QUỲNH LƯU
-------
{title}
Số: {number}
Quỳnh Lưu, ngày 03 tháng 5 năm 2012
QUYẾT ĐỊNH
Về việc kiện toàn Ban chỉ đạo
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN QUỲNH LƯU
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:

Điều 1. Kiện toàn Ban chỉ đạo.
"""

NOTICE = """ỦY BAN NHÂN DÂN
HUYỆN KIM BẢNG
-------
{title}
{number}
{date}
THÔNG BÁO
Về việc tuyển dụng viên chức
Ủy ban nhân dân huyện thông báo tuyển dụng viên chức như sau:
"""


def notice(number="Số: 67/TB-UBND", date="Kim Bảng, ngày 05 tháng 3 năm 2019"):
    return api.import_text(NOTICE.format(title=TITLE, number=number, date=date))


def assert_notice(content):
    assert content.authority.split("\n") == ["ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"]
    assert layout.number_line(content) == "Số: 67/TB-UBND"
    assert (content.doc_type, content.subject) == ("Thông báo", "Về việc tuyển dụng viên chức")
    assert (content.place, content.date.isoformat()) == ("Kim Bảng", "2019-03-05")
    assert content.body.startswith("Ủy ban nhân dân huyện thông báo")


@pytest.mark.parametrize(("header", "parent", "authority", "number"), [
    # The left column, number and all, before the right one (the Party's title and the date), as a site copies it.
    ("ĐẢNG BỘ TỈNH NGHỆ AN\nTỈNH ỦY\n*\nSố: 45-CV/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nVinh, ngày 06 tháng 7 năm 2016",
     "ĐẢNG BỘ TỈNH NGHỆ AN", "TỈNH ỦY", "Số: 45/CV-TU"),
    ("ĐẢNG BỘ TỈNH HÀ GIANG\nĐẢNG ỦY KHỐI CƠ QUAN\n*\nSố 210-CV/ĐUK\nĐẢNG CỘNG SẢN VIỆT NAM\n"
     "Hà Giang, ngày 06 tháng 7 năm 2016", "ĐẢNG BỘ TỈNH HÀ GIANG", "ĐẢNG ỦY KHỐI CƠ QUAN", "Số: 210/CV-ĐUK"),
    # The title under the committee's star, then the number.
    ("ĐẢNG BỘ TỈNH BÌNH ĐỊNH\nHUYỆN ỦY PHÙ CÁT\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\nSố: 112-CV/HU\n"
     "Phù Cát, ngày 06 tháng 7 năm 2016", "ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "HUYỆN ỦY PHÙ CÁT", "Số: 112/CV-HU"),
], ids=["number-over-title", "dang-uy-number-without-colon", "title-over-number"])
def test_a_party_letters_header_keeps_its_committee_and_number(header, parent, authority, number):
    text = f"{header}\nKính gửi: Các chi bộ, đảng bộ cơ sở.\nĐề nghị các cấp ủy báo cáo trước ngày 30.\n"
    draft, report = api.import_text(text)
    content = draft.content
    assert (content.parent_authority, content.authority) == (parent, authority)
    assert layout.number_line(content) == number
    assert content.place and content.date.isoformat() == "2016-07-06"
    assert content.recipients == ("Các chi bộ, đảng bộ cơ sở.",)
    assert not any("bỏ" in note and "dòng trên phần đầu" in note for note in report.notes)  # nothing dropped
    assert any("Hướng dẫn 36" in note for note in report.notes)


def test_the_number_line_read_before_the_issuing_body():
    text = NOTICE.format(title=TITLE, number="", date="Kim Bảng, ngày 05 tháng 3 năm 2019")
    draft, report = api.import_text("Số: 67/TB-UBND\n" + text.replace("\n\n", "\n", 1))
    assert_notice(draft.content)
    assert not any("không thuộc phần nào" in note for note in report.notes)


def test_a_cong_vans_number_and_summary_above_its_issuing_body():
    text = ("Số: 62/UBND-VX\nV/v tăng cường phòng, chống dịch sốt xuất huyết\nỦY BAN NHÂN DÂN\nHUYỆN HOÀI ĐỨC\n"
            f"{TITLE}\nHoài Đức, ngày 11 tháng 7 năm 2022\nKính gửi: Ủy ban nhân dân các xã, thị trấn.\n"
            "Đề nghị các xã báo cáo trước ngày 15.\n")
    content = api.import_text(text)[0].content
    assert content.authority.split("\n") == ["ỦY BAN NHÂN DÂN", "HUYỆN HOÀI ĐỨC"]
    assert layout.number_line(content) == "Số: 62/UBND-VX"
    assert content.subject == "tăng cường phòng, chống dịch sốt xuất huyết"
    assert content.body.startswith("Đề nghị các xã")


@pytest.mark.parametrize("number", ["123/QĐ.UBND", "123/QĐ/UB"])
def test_a_type_code_joined_by_a_dot_or_a_slash_prints_as_written(number):
    draft, report = api.import_text(DECISION.format(title=TITLE, number=number))
    content = draft.content
    assert content.doc_type == "Quyết định" and content.number == 123
    assert layout.number_line(content) == f"Số: {number}"  # not "QĐ-QĐ.UBND"
    assert any("giữ nguyên ký hiệu" in note for note in report.notes)
    assert content.subject == "Về việc kiện toàn Ban chỉ đạo"


def test_the_decrees_symbol_is_still_printed_after_its_type_code():
    draft, report = api.import_text(DECISION.format(title=TITLE, number="123/UBND"))
    assert layout.number_line(draft.content) == "Số: 123/QĐ-UBND"


def test_a_number_word_in_small_letters_before_its_colon():
    draft, _ = notice(number="số: 67/TB-UBND")
    assert_notice(draft.content)
    assert "67/TB-UBND" not in draft.content.body
    assert forms.NUMBER_LINE.match("số 12/QĐ-UBND ngày 05/3/2020 của UBND tỉnh") is None  # a sentence's words


@pytest.mark.parametrize("date", ["Kim Bảng\n…, ngày 05 tháng 3 năm 2019", "Kim Bảng\nngày 05 tháng 3 năm 2019",
                                  "Kim Bảng\n, ngày 05 tháng 3 năm 2019"], ids=["dots", "bare", "comma"])
def test_the_place_alone_on_the_line_over_its_date(date):
    draft, report = notice(date=date)
    assert_notice(draft.content)
    assert not any("không thuộc phần nào" in note for note in report.notes)


def test_a_line_over_a_date_that_is_no_place_stays_apart():
    # A subject-like line in small letters over a date: not a place, so not joined to the date.
    draft, _ = notice(date="về việc tuyển dụng\nngày 05 tháng 3 năm 2019")
    assert draft.content.place != "về việc tuyển dụng"


@pytest.mark.parametrize(("wrapped", "number"), [("Số: 67/TB\n-UBND", "Số: 67/TB-UBND"),
                                                 ("Số: 67/2019\n/TB-UBND", "Số: 67/2019/TB-UBND")],
                         ids=["before-dash", "before-slash"])
def test_a_number_wrapped_before_a_dash_or_slash_of_its_symbol(wrapped, number):
    draft, _ = notice(number=wrapped)
    content = draft.content
    assert layout.number_line(content) == number
    assert (content.place, content.date.isoformat()) == ("Kim Bảng", "2019-03-05")
    assert "UBND" not in content.body


def test_a_dash_line_under_a_number_that_makes_no_symbol_is_not_joined():
    draft, _ = notice(number="Số: 67/TB-UBND\n- - -")
    assert layout.number_line(draft.content) == "Số: 67/TB-UBND"


@pytest.mark.parametrize("cut", [1, 2, 3, 4])
def test_a_long_places_name_wrapped_inside_it(cut):
    words = "Thành phố Hồ Chí Minh".split()
    date = f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}, ngày 05 tháng 3 năm 2019"
    content = notice(date=date)[0].content
    assert (content.place, content.date.isoformat()) == ("Thành phố Hồ Chí Minh", "2019-03-05")
    assert content.body.startswith("Ủy ban nhân dân huyện thông báo")


@pytest.mark.parametrize("mark", ["DỰ THẢO", "(Dự thảo)", "Dự thảo lần 2"])
def test_a_drafts_mark_over_the_header_is_no_part_of_it(mark):
    draft, report = api.import_text(f"{mark}\n" + NOTICE.format(title=TITLE, number="Số: 67/TB-UBND",
                                                                   date="Kim Bảng, ngày 05 tháng 3 năm 2019"))
    assert_notice(draft.content)
    assert draft.content.parent_authority == ""
    assert any(f"bỏ dấu “{mark}”" in note for note in report.notes)
    assert mark not in draft.content.body


@pytest.mark.parametrize(("date", "place"), [
    ("Thành phố Hồ Chí Minh,\nngày 05 tháng 3 năm\n2019", "Thành phố Hồ Chí Minh"),
    ("Lào\nCai, ngày 05 tháng 3 năm\n2019", "Lào Cai"),
    ("Hải Dương\n…, ngày 05 tháng 3 năm\n2019", "Hải Dương"),
    ("Kim Bảng, Ngày 05 tháng\n3 năm 2019", "Kim Bảng"),
], ids=["comma-then-date-wrapped", "name-cut-date-wrapped", "alone-date-wrapped", "capital-ngay-wrapped"])
def test_a_place_over_a_date_that_a_narrow_cell_wrapped_again(date, place):
    content = notice(date=date)[0].content
    assert (content.place, content.date.isoformat()) == (place, "2019-03-05")
    assert content.body.startswith("Ủy ban nhân dân huyện thông báo")


@pytest.mark.parametrize("last", ["Cầu Vàm Cống", "Sinh Hùng"])
def test_a_summarys_last_line_of_names_over_the_date_is_no_place(last):
    text = (f"VĂN PHÒNG CHÍNH PHỦ\n-------\n{TITLE}\nSố: 2137/VPCP-QHQT\nV/v Thủ tướng Chính phủ tham dự\nLễ ký hiệp "
            f"định vay vốn Dự án\n{last}\nHà Nội, ngày 07 tháng 4 năm 2011\nKính gửi: Bộ Kế hoạch và Đầu tư.\n"
            "Xét đề nghị của Bộ, Thủ tướng Chính phủ có ý kiến như sau:\n")
    content = api.import_text(text)[0].content
    assert (content.place, content.date.isoformat()) == ("Hà Nội", "2011-04-07")
    assert content.subject.endswith(f"Dự án {last}")


# A letter copied from a viewer that runs all its lines together (the one-line benchmark's form): its header
# forms are cut back into lines.
BODY_ON = " ".join(["Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao tổ chức triển khai thực hiện."] * 5)


def one_line(number="Số: 67/TB-UBND", date="Kim Bảng, ngày 05 tháng 3 năm 2019", authority="ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG",
             subject="Về việc tuyển dụng viên chức"):
    text = (f"{authority} ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- "
            f"{number} {date} THÔNG BÁO {subject} Ủy ban nhân dân huyện thông báo như sau: {BODY_ON}")
    return api.import_text(text)


@pytest.mark.parametrize(("date", "place", "iso"), [
    ("Kim Bảng, ngày 5/3/2019", "Kim Bảng", "2019-03-05"),
    ("Kim Bảng, ngày 05-3-2019", "Kim Bảng", "2019-03-05"),
    ("Tp Hồ Chí Minh, ngày 05 tháng 3 năm 2019", "Tp Hồ Chí Minh", "2019-03-05"),
    ("Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2019", "Bà Rịa - Vũng Tàu", "2019-03-05"),
], ids=["figures", "dashes", "tp-without-dot", "name-with-dash"])
def test_a_run_together_place_date_in_its_other_forms(date, place, iso):
    content = one_line(date=date)[0].content
    assert layout.number_line(content) == "Số: 67/TB-UBND"
    assert (content.place, content.date.isoformat()) == (place, iso)
    assert content.doc_type == "Thông báo" and content.subject.startswith("Về việc tuyển dụng viên chức")


def test_a_run_together_date_left_blank_and_a_number_with_a_full_stop():
    content = one_line(number="Số: 67/TB-UBND.", date="Kim Bảng, ngày    tháng 3 năm 2019.")[0].content
    assert layout.number_line(content) == "Số: 67/TB-UBND"
    assert (content.place, content.date, content.date_month, content.date_year) == ("Kim Bảng", None, 3, 2019)
    assert content.doc_type == "Thông báo" and content.subject.startswith("Về việc tuyển dụng viên chức")


def test_a_run_together_number_before_its_issuing_body():
    text = (f"Số: 67/TB-UBND ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
            f"phúc Kim Bảng, ngày 05 tháng 3 năm 2019 THÔNG BÁO Về việc tuyển dụng viên chức {BODY_ON}")
    content = api.import_text(text)[0].content
    assert layout.number_line(content) == "Số: 67/TB-UBND"
    assert content.authority == "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG"


def test_a_run_together_party_letter():
    text = ("ĐẢNG BỘ TỈNH HÀ GIANG ĐẢNG ỦY KHỐI CƠ QUAN * Số 210-CV/ĐUK ĐẢNG CỘNG SẢN VIỆT NAM Hà Giang, ngày 14 tháng 8 "
            f"năm 2023 Kính gửi: Các chi bộ, đảng bộ cơ sở. {BODY_ON}")
    content = api.import_text(text)[0].content
    assert layout.number_line(content) == "Số: 210/CV-ĐUK"
    assert (content.place, content.date.isoformat()) == ("Hà Giang", "2023-08-14")
    assert "ĐẢNG ỦY KHỐI CƠ QUAN" in content.authority


def test_a_party_resolutions_number_in_a_run_together_subject_is_not_cut():
    subject = "VỀ VIỆC THỰC HIỆN NGHỊ QUYẾT SỐ 15-NQ/TW NGÀY 05 THÁNG 5 NĂM 2022 CỦA BỘ CHÍNH TRỊ"
    content = one_line(subject=subject)[0].content
    assert content.subject.casefold() == subject.casefold()


def test_a_sites_post_time_in_figures_is_not_cut_into_a_place_date():
    text = "Kim Bảng, ngày 14/3/2019 - 08:30 " + one_line.__defaults__[2] + " -------"  # the site's line, then the letter
    content = one_line(authority=text)[0].content
    assert (content.place, content.date.isoformat()) == ("Kim Bảng", "2019-03-05")


def test_an_eth_typed_for_dj_by_an_older_font_is_read_as_dj():
    """"Ð" (U+00D0) and "ð" look like "Đ" and "đ" and are not: "QÐ-UBND" is no symbol, "Ðộc lập" no motto."""
    text = DECISION.format(title=TITLE, number="123/QĐ-UBND").replace("Đ", "\u00d0").replace("đ", "\u00f0")
    draft, report = api.import_text(text)
    content = draft.content
    assert (content.doc_type, layout.number_line(content)) == ("Quyết định", "Số: 123/QĐ-UBND")
    assert content.subject == "Về việc kiện toàn Ban chỉ đạo"
    assert "\u00d0" not in content.body and "\u00f0" not in content.body
    assert any("chữ eth" in note for note in report.notes)


@pytest.mark.parametrize("slash", ["\u2215", "\uff0f"])
def test_a_slash_that_only_looks_like_one_in_the_number(slash):
    draft, report = notice(number=f"Số: 67{slash}TB-UBND")
    assert_notice(draft.content)
    assert any("gạch chéo" in note for note in report.notes)


CONG_VAN = """UBND TỈNH HÀ TĨNH
SỞ XÂY DỰNG
-------
{title}
Số: 123/SXD-QLN
{middle}
Kính gửi: Ủy ban nhân dân các huyện, thành phố, thị xã.
Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Xây dựng đề nghị các đơn vị báo cáo.
"""
DATE = "Hà Tĩnh, ngày 15 tháng 6 năm 2018"


@pytest.mark.parametrize("middle", [
    f"V/v triển khai thực hiện\n{DATE}\nNghị định số 15/2021/NĐ-CP của Chính phủ",  # a PDF's rows: the date between
    f"V/v triển khai thực hiện Nghị định số 15/2021/NĐ-\nCP của Chính phủ\n{DATE}",  # a cell broke the symbol
], ids=["date-between", "symbol-broken"])
def test_a_cong_vans_summary_as_a_pdf_or_a_narrow_cell_breaks_it(middle):
    content = api.import_text(CONG_VAN.format(title=TITLE, middle=middle))[0].content
    assert content.subject == "triển khai thực hiện Nghị định số 15/2021/NĐ-CP của Chính phủ"
    assert (content.place, content.date.isoformat()) == ("Hà Tĩnh", "2018-06-15")
    assert content.recipients == ("Ủy ban nhân dân các huyện, thành phố, thị xã.",)
    assert content.body.startswith("Thực hiện chỉ đạo")


def test_a_line_after_the_date_with_no_kinh_gui_under_it_is_not_the_summarys():
    text = CONG_VAN.format(title=TITLE, middle=f"V/v triển khai thực hiện\n{DATE}").replace(
        "Kính gửi: Ủy ban nhân dân các huyện, thành phố, thị xã.\n", "")
    content = api.import_text(text)[0].content
    assert content.subject == "triển khai thực hiện"
    assert content.body.startswith("Thực hiện chỉ đạo")


@pytest.mark.parametrize("opening", ["Thực hiện Chỉ thị số", "Ngày 20 tháng 3 năm", "Nhằm nâng cao hiệu"])
def test_a_bodys_opening_words_in_a_narrow_cell_are_not_the_subjects(opening):
    text = NOTICE.format(title=TITLE, number="Số: 67/TB-UBND", date="Kim Bảng, ngày 05 tháng 3 năm 2019").replace(
        "Về việc tuyển dụng viên chức\nỦy ban nhân dân huyện thông báo tuyển dụng viên chức như sau:",
        f"Về việc tuyển dụng viên\nchức năm 2019\n{opening}\nquả, Ủy ban nhân dân huyện\nthông báo như sau:")
    content = api.import_text(text)[0].content
    assert content.subject == "Về việc tuyển dụng viên chức năm 2019"
    assert content.body.startswith(opening)


def test_a_vv_whose_last_word_a_narrow_cell_wrapped_is_an_abbreviation():
    """"V/v báo cáo … cấp sổ BHXH, thẻ" / "BHYT": an abbreviation in capitals under a summary line that stops on a
    word in small letters goes on with the summary."""
    middle = f"V/v báo cáo nhanh công\ntác cấp sổ BHXH, thẻ\nBHYT\n{DATE}"
    content = api.import_text(CONG_VAN.format(title=TITLE, middle=middle))[0].content
    assert content.subject == "báo cáo nhanh công tác cấp sổ BHXH, thẻ BHYT"
    assert (content.place, content.date.isoformat()) == ("Hà Tĩnh", "2018-06-15")
    assert content.recipients == ("Ủy ban nhân dân các huyện, thành phố, thị xã.",)


def test_figures_that_close_a_capitals_subjects_bracket_on_a_line_of_their_own():
    """"… (MÃ QUY TRÌNH 803 VÀ PGN: 208, 607," / "803)": a narrow cell wrapped the figures that close the subject's
    bracket onto a line with no letters; they are the subject's, not the body's."""
    text = NOTICE.format(title=TITLE, number="Số: 67/TB-UBND", date="Kim Bảng, ngày 05 tháng 3 năm 2019").replace(
        "Về việc tuyển dụng viên chức", "VỀ VIỆC ĐIỀU CHỈNH QUY TRÌNH\n(MÃ QUY TRÌNH 803 VÀ PGN: 208, 607,\n803)")
    content = api.import_text(text)[0].content
    assert content.subject.casefold() == "về việc điều chỉnh quy trình (mã quy trình 803 và pgn: 208, 607, 803)"
    assert content.body.startswith("Ủy ban nhân dân huyện thông báo")
