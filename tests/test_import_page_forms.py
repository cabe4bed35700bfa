"""Header forms of two common sources a clerk copies from (issue 11, point 3), each read right.

The headers are the real headers of public documents as the `search` tool's pages corpus holds their pages (the
texts themselves are not in the corpus folders: the stored excerpts stop before the signature). Each is followed
here by one short ending, the same for all.

- thuvienphapluat.vn / thuviennhadat.vn: every table cell's text wrapped at the site's width and closed by a "|"
  line of its own ("ỦY" / "BAN NHÂN DÂN", "Quảng" / "Trị, ngày …", "Số:" / "06/2024/QĐ-UBND"), the subject in
  capitals and wrapped the same way under the type name.
- 123doc / text.123docz.net (text out of a PDF): the site's lines above the header, the "-" of the symbol and the
  motto lost, "XÃ HỘI" read as "XàHỘI", "Số:" apart from its "/SYMBOL", the date broken over three lines.
"""
from __future__ import annotations

import pytest

from ptdraft import api
from tests.support.import_scoring import read_rendered

_END = ["", "Điều 1. Ban hành kèm theo Quyết định này.", "", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"]

# https://thuviennhadat.vn/vbpl/quyet-dinh-3330-qd-ubnd-2016-quy-hoach-tham-do-khai-thac-su-dung-khoang-san-quang-tri-358934.html
_QUANG_TRI = ["ỦY", "BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "-------", "|", "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "Số: 3330/QĐ-UBND", "|", "Quảng",
              "Trị, ngày 27 tháng 12 năm 2016", "|", "QUYẾT ĐỊNH",
              "PHÊ DUYỆT QUY HOẠCH THĂM DÒ, KHAI THÁC, SỬ DỤNG KHOÁNG SẢN TỈNH QUẢNG",
              "TRỊ ĐẾN NĂM 2020, CÓ TÍNH ĐẾN NĂM 2030", "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
              "Căn cứ Luật Tổ chức chính quyền địa", "phương năm 2015;", "QUYẾT ĐỊNH:"]
# https://thuvienphapluat.vn/bulletin/document.aspx?bid=3d461a6e-8cde-4ce4-98ed-897461299905&key=D0nSLey1u8TCxd97xR9ltQ%3D%3D
_KON_TUM = ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "-------", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "Số:", "06/2024/QĐ-UBND", "|", "Kon Tum, ngày 25",
            "tháng 01 năm 2024", "|", "QUYẾT ĐỊNH", "QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ PHỤC VỤ MỤC TIÊU QUẢN LÝ",
            "TRÊN ĐỊA BÀN TỈNH KON TUM", "ỦY BAN NHÂN DÂN TỈNH KON TUM", "Căn cứ Luật Tổ chức chính",
            "quyền địa phương ngày 19 tháng 6 năm 2015;", "QUYẾT ĐỊNH:"]
# https://text.123docz.net/document/5932142-quyet-dinh-so-1961-2019-qd-ubnd-tinh-kien-giang.htm
_KIEN_GIANG = ["Tải bản đầy đủ (.pdf) (12 trang)", "", "Quyết định số 1961/2019/QĐ-UBND tỉnh Kiên Giang", "",
               "Bạn đang xem bản rút gọn của tài liệu. Xem và tải ngay bản đầy đủ của tài liệu tại đây (491.32 KB, "
               "12 trang )", "", "ỦY BAN NHÂN DÂN ", "TỈNH KIÊN GIANG", "", "Số: 1961/QĐUBND", "",
               "CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM", "Độc lập  Tự do  Hạnh phúc ", "",
               "Kiên Giang, ngày 28 tháng 8 năm 2019", "", " ", "QUYẾT ĐỊNH",
               "BAN HÀNH QUY CHẾ PHỐI HỢP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ CHẾ ",
               "MỘT CỬA, MỘT CỬA LIÊN THÔNG TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG ", "TỈNH KIÊN GIANG",
               "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
               "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "QUYẾT ĐỊNH:"]


@pytest.mark.parametrize("head, authority, number, place, date, subject, decider", [
    (_QUANG_TRI, "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", "Số: 3330/QĐ-UBND", "Quảng Trị", "2016-12-27",
     "Phê duyệt Quy hoạch thăm dò, khai thác, sử dụng khoáng sản tỉnh Quảng Trị đến năm 2020, có tính đến năm 2030",
     "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"),
    (_KON_TUM, "ỦY BAN NHÂN DÂN\nTỈNH KON TUM", "Số: 06/2024/QĐ-UBND", "Kon Tum", "2024-01-25",
     "Quy định chế độ báo cáo định kỳ phục vụ mục tiêu quản lý trên địa bàn tỉnh Kon Tum",
     "ỦY BAN NHÂN DÂN TỈNH KON TUM"),
    (_KIEN_GIANG, "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG", "Số: 1961/QĐ-UBND", "Kiên Giang", "2019-08-28",
     "Ban hành Quy chế phối hợp giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Trung "
     "tâm Phục vụ hành chính công tỉnh Kiên Giang", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"),
])
def test_a_decision_s_header_as_the_site_prints_it(head, authority, number, place, date, subject, decider):
    draft, report = api.import_text("\n".join(head + _END))
    content = draft.content
    assert (content.doc_type, content.authority, content.place, content.date.isoformat()) == (
        "Quyết định", authority, place, date)
    assert (content.subject, content.deciding_authority) == (subject, decider)
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert number in rendered.header_left
    assert rendered.header_right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert content.legal_bases[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
    assert not any("|" in line or "Bạn đang xem" in line or "Tải bản" in line for line in rendered.everywhere)
    assert rendered.signature_right == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


def test_a_symbol_that_lost_its_dash_is_read_with_a_note():
    draft, report = api.import_text("\n".join(_KIEN_GIANG + _END))
    assert (draft.content.issuer_code, draft.content.unit_code) == ("UBND", "")
    assert any("QĐUBND" in note for note in report.notes)


def test_a_công_văn_s_cells_wrapped_and_its_lists_after_them():
    # The Quảng Nam page's header cells (thuviennhadat.vn, Kế hoạch 4544/KH-UBND) with a công văn's number cell.
    head = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "-------", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "Số: 4544/UBND-KTN", "V/v triển khai thực hiện",
            "kế hoạch giám sát", "|", "Quảng Nam, ngày", "13 tháng 7 năm 2023", "|", "Kính gửi:", "- Sở Tài chính;",
            "- Sở Xây dựng.", "Thực hiện Nghị định số", "27/2022/NĐ-CP của Chính phủ, đề nghị các Sở thực hiện./.",
            "Nơi nhận:", "- Như trên;", "- CT, các PCT UBND", "tỉnh;", "- Lưu: VT, KTN.", "|", "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH", "", "", "Nguyễn Văn An"]
    draft, _report = api.import_text("\n".join(head))
    content = draft.content
    assert (content.authority, content.number, content.subject) == (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM", 4544, "triển khai thực hiện kế hoạch giám sát")
    assert (content.place, content.date.isoformat()) == ("Quảng Nam", "2023-07-13")
    assert content.recipients == ("Sở Tài chính", "Sở Xây dựng")
    assert content.body == "Thực hiện Nghị định số 27/2022/NĐ-CP của Chính phủ, đề nghị các Sở thực hiện./."
    assert content.distribution == ("Như trên", "CT, các PCT UBND tỉnh")
    assert (content.archive, content.signature.name) == (("KTN",), "Nguyễn Văn An")


def test_a_pdf_s_number_apart_from_its_symbol_and_a_date_over_three_lines():
    # The layout of a VPCP tờ trình's PDF text (text.123docz.net, document 4710024), with a number and a day put in.
    head = ["VĂN PHÒNG CHÍNH PHỦ", "Số: 123", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "", "/TTr-VPCP", "", "Hà Nội, ngày 05", "", "tháng 8", "", "năm 2016", "", "TỜ TRÌNH",
            "Về dự thảo Nghị định ban hành Quy chế làm việc của Chính phủ (sửa đổi)", "Kính gửi: Chính phủ",
            "Thực hiện Nghị quyết số 01/NQ-CP ngày 07 tháng 01 năm 2016 của Chính phủ và ý kiến chỉ đạo của Thủ "
            "tướng Chính phủ, Văn phòng Chính phủ trình Chính phủ dự thảo Nghị định như sau:"]
    draft, _report = api.import_text("\n".join(head + _END[2:]))
    content = draft.content
    assert (content.authority, content.number, content.issuer_code) == ("VĂN PHÒNG CHÍNH PHỦ", 123, "VPCP")
    assert (content.doc_type, content.place, content.date.isoformat()) == ("Tờ trình", "Hà Nội", "2016-08-05")
    assert content.recipients == ("Chính phủ",)
    assert content.body.startswith("Thực hiện Nghị quyết số 01/NQ-CP")


@pytest.mark.parametrize("mark", ["[daky]", "(Đã ký, đóng dấu)", "(Đã ký và đóng dấu)"])
def test_an_e_office_s_signed_mark_is_dropped(mark):
    draft, report = api.import_text("\n".join(_KON_TUM + _END[:-1] + [mark, "", "Nguyễn Văn An"]))
    assert (draft.content.signature.position, draft.content.signature.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn An")
    assert any(mark in note for note in report.notes)


def test_a_blog_s_title_above_the_header_and_a_colon_under_v_v():
    # https://hocketoanmaytaihanoi.blogspot.com/2014/07/ (Công văn 2728/TCT-DNL of 2014): the post's date and title
    # above the header (the title holds "Số: …" after lower-case words: not the header), "V/v" / ": Thực hiện …".
    head = ["Thứ Ba, 29 tháng 7, 2014", "", "Công văn Số: 2728/TCT-DNL V/v: Thực hiện quy định về hóa đơn.", "",
            "BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 2728/TCT-DNL", "V/v",
            ": Thực hiện quy định về hóa đơn.", "Hà Nội, ngày 18 tháng 07 năm 2014", "",
            "Kính gửi: Cục thuế tỉnh Đắk Nông.", "",
            "Trả lời công văn số 636/CT-THNVDT ngày 25/4/2014 của Cục thuế tỉnh Đắk Nông hỏi về sử dụng hóa đơn, "
            "Tổng cục Thuế có ý kiến như sau:"]
    draft, report = api.import_text("\n".join(head + _END[2:]))
    content = draft.content
    assert (content.parent_authority, content.authority) == ("BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ")
    assert (content.number, content.issuer_code, content.unit_code) == (2728, "TCT", "DNL")
    assert (content.subject, content.date.isoformat()) == ("Thực hiện quy định về hóa đơn.", "2014-07-18")
    assert content.recipients == ("Cục thuế tỉnh Đắk Nông.",)
    assert any("Thứ Ba, 29 tháng 7, 2014" in note for note in report.notes)


def test_a_header_whose_cells_end_with_a_bar_on_their_lines():
    # https://ls1.hethongphapluat.com/quyet-dinh-232-qd-ubnd-nam-2019-cong-bo-danh-muc-thu-tuc-hanh-chinh-thuc-hien-theo-co-che-mot-cua-mot-cua-lien-thong-thuoc-tham-quyen-giai-quyet-cua-so-giao-duc-va-dao-tao-tinh-ninh-binh.html
    head = ["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
            "Số: 232/QĐ-UBND | Ninh Bình, ngày 12 tháng 4 năm 2019 |", "QUYẾT ĐỊNH",
            "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THỰC HIỆN THEO CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG THUỘC THẨM "
            "QUYỀN GIẢI QUYẾT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
            "Xét đề nghị của Giám đốc sở Giáo dục và Đào tạo,", "QUYẾT ĐỊNH:"]
    draft, _report = api.import_text("\n".join(head + _END))
    content = draft.content
    assert (content.authority, content.number, content.place, content.date.isoformat()) == (
        "ỦY BAN NHÂN DÂN", 232, "Ninh Bình", "2019-04-12")
    assert content.subject.startswith("Về việc công bố danh mục")  # the site's capitals in the decree's case
    assert content.deciding_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"
    assert content.legal_bases == ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
                                   "Xét đề nghị của Giám đốc sở Giáo dục và Đào tạo,")


def test_a_signer_s_title_in_small_letters_and_vbpl_s_lines_under_the_letter():
    # http://vbpl.vn/thaibinh/Pages/vbpq-toanvan.aspx?ItemID=8877 (Quyết định 923/TTg): "KT. THỦ TƯỚNG" /
    # "Phó Thủ tướng" / "(Đã ký)" / name, then the page's "Tải file đính kèm" and its template's "This div …".
    text = ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 923/TTg", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Thái Bình, ngày 13 tháng 12 năm 1996", "", "QUYẾT ĐỊNH", "",
            "Về việc thưởng Cờ thi đua luân lưu của Chính phủ hàng năm", "", "_______________", "", "THỦ TƯỚNG CHÍNH PHỦ",
            "", "Căn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992.", "", "QUYẾT ĐỊNH:", "",
            "Điều 1. Kể từ ngày 01 tháng 01 năm1997 tặng thưởng cờ Luân lưu của Chính phủ do Thủ tướng Chính phủ "
            "quyết định.", "", "Điều 3. Những quy định trước đây tráivới quyết định này đều bãi bỏ.", "", " ", "",
            "KT. THỦ TƯỚNG", "", "Phó Thủ tướng", "", "(Đã ký)", "", " ", "", "Phan Văn Khải", "", "Tải file đính kèm",
            " ", "This div, which you should delete, represents the content area that your Page Layouts and pages "
            "will fill. D"]
    draft, report = api.import_text("\n".join(text))
    signature = draft.content.signature
    assert (signature.head_title, signature.position, signature.name) == ("THỦ TƯỚNG", "Phó Thủ tướng", "Phan Văn Khải")
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert not any("Tải file" in line or "This div" in line for line in rendered.everywhere)
    assert any("Tải file đính kèm" in note for note in report.notes)
    # Typed in Word with tabs, the title in small letters beside a Nơi nhận entry still goes to the signature.
    tabbed = ["Nơi nhận:\t\tKT. BỘ TRƯỞNG", "- Như trên;\t\tThứ trưởng", "- Lưu: VT.\t\t", "\t\tNguyễn Văn An"]
    draft, _report = api.import_text("\n".join(text[:20] + tabbed))
    signature = draft.content.signature
    assert (signature.head_title, signature.position, signature.name) == ("BỘ TRƯỞNG", "Thứ trưởng", "Nguyễn Văn An")
    assert draft.content.distribution == ("Như trên", "Lưu: VT")


def test_a_page_that_prints_its_line_breaks_as_characters():
    # https://dulieuphapluat.vn/van-ban/the-thao-y-te-van-ban/ke-hoach-54kh-ubnd-nam-2020-… (Kế hoạch 54/KH-UBND Lạng
    # Sơn): "\r\n" printed as four characters, each cell's text closed by " |" on its own last line.
    head = ("\\r\\n ỦY BAN NHÂN DÂN | \\r\\n \\r\\n CỘNG\\r\\n HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | \\r\\n\n"
            "\\r\\n Số: 54/KH-UBND \\r\\n | \\r\\n \\r\\n Lạng Sơn, ngày 27 tháng 3 năm 2020 \\r\\n | \\r\\n\n"
            "\\r\\n\\r\\n\\r\\n\\r\\n\\r\\n\\r\\n\nThực hiện Quyết định số 1896/QĐ-TTg\\r\\nngày 25/12/2019 của Thủ tướng "
            "Chính phủ, UBND tỉnh xây dựng Kế hoạch như sau:\n")
    draft, report = api.import_text(head + "\n".join(_END[2:]))
    content = draft.content
    assert (content.authority, content.number, content.place, content.date.isoformat()) == (
        "ỦY BAN NHÂN DÂN", 54, "Lạng Sơn", "2020-03-27")
    assert content.body.startswith("Thực hiện Quyết định số 1896/QĐ-TTg ngày 25/12/2019")
    assert "\\r\\n" not in content.body and any("\\r\\n" in note for note in report.notes)


def test_cells_closed_by_a_bar_at_their_last_line_s_end():
    # https://uat.nhansu.vn/van-ban-phap-luat/Quyet-dinh-44-2025-QD-CTUBND-… (Gia Lai, 2025): the site's metadata
    # table above, then "CHỦ TỊCH ỦY BAN" / "NHÂN DÂN |", "Số: 44/2025/QĐ-CTUBND |".
    head = ["Quyết định 44/2025/QĐ-CTUBND phân cấp thẩm quyền", "| Số hiệu | 44/2025/QĐ-CTUBND |",
            "| Ngày ban hành | 20/11/2025 |", "| Người ký | Nguyễn Tuấn Thanh |", "|", "CHỦ TỊCH ỦY BAN", "NHÂN DÂN |",
            "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM |", "|", "Số: 44/2025/QĐ-CTUBND |", "Gia Lai, ngày 20 tháng 11 năm 2025 |",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"]
    draft, report = api.import_text("\n".join(head + _END))
    content = draft.content
    assert (content.authority, content.number, content.number_year) == ("CHỦ TỊCH ỦY BAN NHÂN DÂN", 44, 2025)
    assert (content.issuer_code, content.place, content.date.isoformat()) == ("CTUBND", "Gia Lai", "2025-11-20")
    # The site left out the type name: the symbol's "QĐ" names it.
    assert content.doc_type == "Quyết định" and any("theo ký hiệu “QĐ”" in note for note in report.notes)


def test_an_older_letter_s_signing_form_without_its_dot():
    # https://luatminhkhue.vn/cong-van-2257-vpcp-vx-kien-nghi-sua-lai-qd-28-2002-qd-bvhtt.aspx (2003): "KT BỘ TRƯỞNG,
    # CHỦ NHIỆM VPCP" with no dot after "KT", and no Nơi nhận at all.
    text = ["VĂN PHÒNG CHÍNH PHỦ", "********", "", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "********", "", "Số: 2257/VPCP-VX", "V/v kiến nghị sửa lại Quyết định số 28/2002/QĐ-BVHTT ngày 21/11/2002",
            "", "Hà Nội, ngày 09 tháng 5 năm 2003", "", "Kính gửi:", "", "- Bộ Văn hoá-Thông tin", "- Bộ Ngoại Giao", "",
            "Bộ Văn hoá-Thông tin chủ trì, phối hợp với Bộ Ngoại Giao xem xét, xử lý và báo cáo Thủ tướng Chính phủ "
            "trước ngày 20 tháng 5 năm 2003.", "",
            "Văn phòng Chính phủ thông báo để Bộ Văn hoá-Thông tin, Bộ Ngoại Giao và các cơ quan liên quan biết, thực "
            "hiện./.", "", "KT BỘ TRƯỞNG, CHỦ NHIỆM VPCP", "PHÓ CHỦ NHIỆM", "Trần Quốc Toản"]
    draft, _report = api.import_text("\n".join(text))
    signature = draft.content.signature
    assert (signature.mode.value, signature.head_title) == ("KT.", "BỘ TRƯỞNG, CHỦ NHIỆM VPCP")
    assert (signature.position, signature.name) == ("PHÓ CHỦ NHIỆM", "Trần Quốc Toản")
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert rendered.signature_left == [] and rendered.signature_right[-1] == "Trần Quốc Toản"
    # A capitals line that only starts with the letters "TM" is no signing form.
    assert api.import_text("\n".join(text[:-3] + ["TMĐT VIỆT NAM", "Trần Quốc Toản"]))[0].content.signature.mode.value == ""


def test_the_kính_gửi_cell_of_a_wrapped_cells_copy():
    # https://thuviennhadat.vn/vbpl/cong-van-12568-btc-cdkt-giai-thich-thong-tu-200-2014-tt-btc-che-do-ke-toan-doanh-nghiep-292661.html
    # "Kính" / "gửi:" wrapped in its cell, the recipients in the next cell closed by "|", the body wrapped.
    head = ["BỘ TÀI CHÍNH", "--------", "|", "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "--------------------", "|", "Số: 12568/BTC-CĐKT", "V/v: Giải thích nội dung Thông tư số", "200/2014/TT-BTC",
            "|", "Hà", "Nội, ngày 09 tháng 09 năm 2015", "|", "Kính", "gửi:", "|", "- Công ty TNHH Deloitte Việt Nam",
            "- Công ty TNHH Ernst & Young Việt Nam", "- Công ty TNHH KPMG Việt Nam", "- Công ty TNHH PwC Việt Nam", "|",
            "Trả lời công văn không số ngày", "26/6/2015 của các công ty kiểm toán Deloitte, E&Y, KPMG, PwC đề nghị giải",
            "thích rõ một số nội dung quy định tại Thông tư số 200/2014/TT-BTC, Bộ", "Tài chính có ý kiến như sau:"]
    draft, _report = api.import_text("\n".join(head + _END[3:]))
    content = draft.content
    assert (content.authority, content.number, content.unit_code) == ("BỘ TÀI CHÍNH", 12568, "CĐKT")
    assert content.subject == "Giải thích nội dung Thông tư số 200/2014/TT-BTC"
    assert (content.place, content.date.isoformat()) == ("Hà Nội", "2015-09-09")
    assert content.recipients == ("Công ty TNHH Deloitte Việt Nam", "Công ty TNHH Ernst & Young Việt Nam",
                                  "Công ty TNHH KPMG Việt Nam", "Công ty TNHH PwC Việt Nam")
    assert content.body == ("Trả lời công văn không số ngày 26/6/2015 của các công ty kiểm toán Deloitte, E&Y, KPMG, "
                            "PwC đề nghị giải thích rõ một số nội dung quy định tại Thông tư số 200/2014/TT-BTC, Bộ Tài "
                            "chính có ý kiến như sau:")


def test_a_word_letter_s_pdf_text_as_pdftotext_reads_it():
    # tuned/07 and tuned/12 typed in Word and read out of their PDF: the national title broken where the cell is
    # narrow, the year on a line of its own, the two cells of the last row one after the other with the name inside
    # an entry the PDF breaks ("… các PCN: Nguyễn" / name / "Xuân Phúc, …"), an entry broken at a "-".
    head = ["ỦY BAN NHÂN DÂN XÃ GIA PHỐ", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "", "Số: 111/CV-UBND", "V/v thực hiện nghi thức Quốc tang", "đồng chí Trần Đại Quang", "",
            "Gia Phố, ngày 25 tháng 09 năm", "2018", "", "Kính gửi: Các thôn.",
            "Ủy ban nhân dân xã Gia Phố đề nghị các đơn vị thôn thực hiện nghiêm túc./."]
    footer = ["Nơi nhận:", "", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "", "- Như trên;", "", "PHÓ CHỦ NHIỆM", "",
              "- Văn phòng Trung ương (để b/c", "lãnh đạo);", "- VPCP: BTCN, các PCN: Nguyễn", "", "Nguyễn Xuân Phúc",
              "", "Xuân Phúc, Trần Quốc Toản, các Vụ:", "VX, TH, TTCB, QT-", "", "TV;", "- Lưu: VT, QHQT (3), 22."]
    draft, _report = api.import_text("\n".join(head + footer))
    content = draft.content
    assert (content.authority, content.number, content.subject) == (
        "ỦY BAN NHÂN DÂN XÃ GIA PHỐ", 111, "thực hiện nghi thức Quốc tang đồng chí Trần Đại Quang")
    assert (content.place, content.date.isoformat()) == ("Gia Phố", "2018-09-25")
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert rendered.header_right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert rendered.signature_right == ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Nguyễn Xuân Phúc"]
    assert content.distribution == (
        "Như trên", "Văn phòng Trung ương (để b/c lãnh đạo)",
        "VPCP: BTCN, các PCN: Nguyễn Xuân Phúc, Trần Quốc Toản, các Vụ: VX, TH, TTCB, QT-TV")
    assert rendered.signature_left[-1] == "- Lưu: VT, QHQT (3), 22."


def test_a_header_pdftotext_layout_prints_side_by_side():
    # tuned/08 typed in Word and read by "pdftotext -layout": each column wrapped in its cell, the right one starting
    # at the same place on every line ("TỈNH HẬU" / "GIANG" beside "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM").
    pad = " " * 38
    head = ["ỦY BAN NHÂN DÂN TỈNH HẬU              CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
            "GIANG                                 VIỆT NAM", "", pad + "Độc lập - Tự do - Hạnh phúc", "",
            "Số: 454/UBND-NCTH                     Vị Thanh, ngày 06 tháng 04 năm", pad + "2011",
            "V/v tiếp tục phối hợp tuyên truyền", "và tham gia bầu chọn Vịnh Hạ Long", "là kỳ quan thiên nhiên thế giới",
            "", "Kính gửi:", "", "- Giám đốc Sở Văn hóa, Thể thao và Du lịch;", "",
            "- Chủ tịch UBND huyện, thị xã, thành phố.", "", "Ủy ban nhân dân tỉnh đề nghị các cơ quan thực hiện./."]
    draft, _report = api.import_text("\n".join(head + _END[3:]))
    content = draft.content
    assert (content.authority, content.number, content.unit_code) == ("ỦY BAN NHÂN DÂN TỈNH HẬU GIANG", 454, "NCTH")
    assert (content.place, content.date.isoformat()) == ("Vị Thanh", "2011-04-06")
    assert content.subject == "tiếp tục phối hợp tuyên truyền và tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới"
    assert content.recipients == ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Chủ tịch UBND huyện, thị xã, thành phố")
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert rendered.header_right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def test_a_layout_header_whose_right_column_is_centred():
    # "pdftotext -layout" of a letter whose right cell is centred: the title's end ("VIỆT NAM") and the motto start
    # a few places right of the title's head, and the place-date a place left of it, beside a V/v whose last word
    # wraps under it.
    head = ["       ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
            "       TỈNH QUẢNG TRỊ                                   VIỆT NAM",
            "                                                   Độc lập - Tự do - Hạnh phúc",
            "          Số: 2207/UBND-KT",
            "V/v rà soát hồ sơ cấp giấy chứng nhận năm   Quảng Trị, ngày 14 tháng 8 năm 2023",
            "                  2023", "", "",
            "               Kính gửi:",
            "                         - Sở Tài nguyên và Môi trường;",
            "                         - Ủy ban nhân dân các huyện, thị xã.",
            "      Ủy ban nhân dân tỉnh đề nghị các cơ quan rà soát hồ sơ và báo cáo trước ngày 30/9/2023./."]
    draft, _report = api.import_text("\n".join(head + _END[3:]))
    content = draft.content
    assert (content.authority, content.number, content.unit_code) == ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", 2207, "KT")
    assert content.subject == "rà soát hồ sơ cấp giấy chứng nhận năm 2023"
    assert (content.place, content.date.isoformat()) == ("Quảng Trị", "2023-08-14")
    assert content.recipients == ("Sở Tài nguyên và Môi trường", "Ủy ban nhân dân các huyện, thị xã")
    assert content.body.startswith("Ủy ban nhân dân tỉnh đề nghị")
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert rendered.header_right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert not any("VIỆT NAM" in line for line in rendered.header_left)


@pytest.mark.parametrize("head", [
    # typed with tabs, read by pdftotext: the title's last words wrapped to the margin come out first
    ["VĂN PHÒNG CHÍNH PHỦ", "VIỆT NAM", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "", "Độc lập - Tự do - Hạnh phúc"],
    # the same read by pdftotext -layout: the title's head beside the agency, its end under it at the margin
    ["VĂN PHÒNG CHÍNH PHỦ                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "",
     "              Độc lập - Tự do - Hạnh phúc"],
])
def test_a_national_title_wrapped_to_the_left_margin(head):
    rest = ["Số: 2137/VPCP-QHQT", "Hà Nội, ngày 07 tháng 04 năm 2011", "V/v Thủ tướng Chính phủ tham dự Lễ ký",
            "", "Kính gửi: Bộ Giao thông vận tải.", "", "Văn phòng Chính phủ xin thông báo để các cơ quan biết./."]
    draft, _report = api.import_text("\n".join(head + rest + _END[3:]))
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert draft.content.authority == "VĂN PHÒNG CHÍNH PHỦ"
    assert rendered.header_right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert not any(line == "VIỆT NAM" for line in rendered.everywhere)


def test_a_law_site_s_list_bullet_and_its_metadata_above_the_header():
    # https://hieuluat.vn/giao-duc/quyet-dinh-1449-qd-bgddt-bo-giao-duc-va-dao-tao-2f51a.html: the page's "Thuộc tính
    # văn bản" box, then the letter as an item of its list ("• BỘ GIÁO DỤC VÀ ĐÀO TẠO"), rules of underscores.
    head = ["hieuluat", "", "Quyết định 1449/QĐ-BGDĐT thủ tục hành chính được thay thế lĩnh vực thi và tuyển sinh", "",
            " • Thuộc tính văn bản", "", "  Cơ quan ban hành:Bộ Giáo dục và Đào tạoSố công báo:Đang cập nhật",
            "  Số hiệu:1449/QĐ-BGDĐTNgày đăng công báo:Đang cập nhật", "  Loại văn bản:Quyết địnhNgười ký:Phạm Ngọc Thưởng",
            " • BỘ GIÁO DỤC VÀ ĐÀO TẠO", "  __________", "", "  Số: 1449/QĐ-BGDĐT", "",
            "  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "  Độc lập - Tự do - Hạnh phúc", "", "  _______________________", "",
            "  Hà Nội, ngày 02 tháng 6 năm 2020", "", "   ", "", "  QUYẾT ĐỊNH", "",
            "  Về việc công bố thủ tục hành chính được thay thế lĩnh vực thi và tuyển sinh thuộc phạm vi chức năng quản "
            "lý của Bộ Giáo dục và Đào tạo", "", "  _____________", "", "  BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO", "",
            "  Theo đề nghị của Vụ Giáo dục Đại học và Chánh Văn phòng.", "", "  QUYẾT ĐỊNH:"]
    draft, report = api.import_text("\n".join(head + _END))
    content = draft.content
    assert (content.doc_type, content.authority, content.number, content.issuer_code) == (
        "Quyết định", "BỘ GIÁO DỤC VÀ ĐÀO TẠO", 1449, "BGDĐT")
    assert (content.place, content.date.isoformat()) == ("Hà Nội", "2020-06-02")
    assert content.subject.startswith("Về việc công bố thủ tục hành chính")
    assert content.deciding_authority == "BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO"
    assert any("“•”" in note for note in report.notes)


_UNDER_THE_SIGNATURE = ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Số: 64/UBND-VP", "V/v vệ sinh môi trường khu dân cư",
                        "Hòa Bình, ngày 11 tháng 3 năm 2024", "", "Kính gửi: Trưởng các thôn.", "",
                        "Ủy ban nhân dân xã đề nghị các thôn ra quân vệ sinh môi trường vào sáng Chủ nhật./.", "",
                        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "CHỦ TỊCH", "", "Đinh Văn Khoa"]


@pytest.mark.parametrize("tail", [
    ["", "Văn bản liên quan | Lược đồ | Tiếng Anh", "Bạn chưa đăng nhập. Đăng ký thành viên để xem toàn văn."],
    ["", "2"],  # a page's number on the last line
])
def test_a_site_s_tabs_and_login_box_and_a_page_number_under_the_signature_are_dropped_with_a_note(tail):
    draft, report = api.import_text("\n".join(_UNDER_THE_SIGNATURE + tail))
    content = draft.content
    assert content.body == "Ủy ban nhân dân xã đề nghị các thôn ra quân vệ sinh môi trường vào sáng Chủ nhật./."
    assert (content.signature.position, content.signature.name) == ("CHỦ TỊCH", "Đinh Văn Khoa")
    assert not report.unrecognised and not content.closing
    notes = "\n".join(report.notes)
    assert all(line in notes for line in tail if line)  # each dropped line named
    assert not any("không thêm" in note for note in report.notes)


def test_a_drafter_s_code_on_its_own_line_under_lưu_is_the_lưu_line_s():
    # A website's two cells joined by " | ": the Nơi nhận cell's last line "(PTH-12b)", the drafter's initials and the
    # copies, beside the signature's first line.
    footer = ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP.", "(PTH-12b) | CHỦ TỊCH", "Đinh Văn Khoa"]
    draft, report = api.import_text("\n".join(_UNDER_THE_SIGNATURE[:12] + footer))
    content = draft.content
    assert (content.archive, content.drafter_code) == (("VP",), "PTH-12b")
    assert "(PTH-12b)" not in content.body and not report.unrecognised
    assert (content.signature.position, content.signature.name) == ("CHỦ TỊCH", "Đinh Văn Khoa")
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert rendered.signature_left[-1] == "- Lưu: VT, VP, PTH-12b."
