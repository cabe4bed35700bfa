"""Number lines and header lines as copies and typists write them, read without losing the header: the type's name
before "số" ("Kế hoạch số: 45/KH-UBND"), a number left as dots or not a number, a final ".", the Quốc hội's symbol
with no type group, a place and date with no comma, a type's name in small letters or letter-spaced, and a line no
form names between the header's lines."""
from __future__ import annotations

import pytest

from ptdraft import api, layout
from ptdraft.model import NO_TYPE_GROUP, SigningMode
from ptdraft.reference import forms
from tests.support.import_scoring import read_rendered

HEAD = """UBND TỈNH NINH BÌNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
{number}
{between}{date}
{kind}
Triển khai công tác phòng, chống dịch bệnh năm 2021

Thực hiện chỉ đạo của cấp trên, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:

1. Rà soát các vùng có nguy cơ.
"""


def imported(number="Số: 45/KH-UBND", date="Ninh Bình, ngày 05 tháng 3 năm 2021", kind="KẾ HOẠCH", between=""):
    return api.import_text(HEAD.format(number=number, date=date, kind=kind, between=between))


def assert_header_read(content, number=45):
    assert content.authority == "UBND TỈNH NINH BÌNH"
    assert content.doc_type == "Kế hoạch"
    assert content.number == number
    assert content.issuer_code == "UBND"
    assert (content.place, content.date.isoformat()) == ("Ninh Bình", "2021-03-05")
    assert content.subject == "Triển khai công tác phòng, chống dịch bệnh năm 2021"
    assert content.body.startswith("Thực hiện chỉ đạo") or content.body.split("\n\n")[1].startswith("Thực hiện")


@pytest.mark.parametrize("line", ["Kế hoạch số: 45/KH-UBND", "KẾ HOẠCH SỐ: 45/KH-UBND", "Số: 45/KH-UBND.",
                                  "Số : 45 / KH - UBND", "Số: 45/KH–UBND", "Số: 45/KH—UBND"])
def test_number_lines_as_copies_write_them(line):
    draft, _ = imported(number=line)
    assert_header_read(draft.content)
    assert layout.number_line(draft.content) == "Số: 45/KH-UBND"
    assert "45/KH-UBND" not in draft.content.body


@pytest.mark.parametrize(("line", "noted"), [("Số: …/KH-UBND", False), ("Số: ____/KH-UBND", False),
                                             ("Số: 45a/KH-UBND", True), ("Số: 0/KH-UBND", True)])
def test_a_number_left_blank_or_not_a_number_keeps_the_header(line, noted):
    draft, report = imported(number=line)
    assert_header_read(draft.content, number=None)
    assert layout.number_line(draft.content).endswith("/KH-UBND")
    assert any("không hợp lệ" in note for note in report.notes) is noted


def test_a_body_sentence_naming_a_decision_is_no_number_line():
    assert forms.NUMBER_LINE.match("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2020 của UBND tỉnh") is None
    assert forms.NUMBER_LINE.match("Nghị quyết số: 653/2019/UBTVQH14")["kind"] == "Nghị quyết"


def test_the_quoc_hoi_symbol_with_no_type_group_is_kept_as_written():
    text = HEAD.replace("UBND TỈNH NINH BÌNH", "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI").format(
        number="Nghị quyết số: 653/2019/UBTVQH14", date="Hà Nội, ngày 12 tháng 3 năm 2019", kind="NGHỊ QUYẾT",
        between="")
    draft, report = api.import_text(text)
    content = draft.content
    assert (content.doc_type, content.number, content.number_year) == ("Nghị quyết", 653, 2019)
    assert (content.type_code, content.issuer_code) == (NO_TYPE_GROUP, "UBTVQH14")
    assert layout.number_line(content) == "Số: 653/2019/UBTVQH14"
    assert any("Quốc hội" in note for note in report.notes)
    # A people's committee's one-group symbol still prints the decree's type code, as before.
    other, _ = imported(number="Số: 45/UBND")
    assert layout.number_line(other.content) == "Số: 45/KH-UBND"


def test_a_place_and_date_without_their_comma():
    draft, report = imported(date="Ninh Bình ngày 05 tháng 3 năm 2021")
    assert_header_read(draft.content)
    assert any("thiếu dấu phẩy" in note for note in report.notes)


def test_a_sentence_ending_in_a_date_is_no_place():
    draft, _ = imported(date="Ninh Bình, ngày 05 tháng 3 năm 2021\nthực hiện từ ngày 05 tháng 3 năm 2021")
    assert draft.content.place == "Ninh Bình"


@pytest.mark.parametrize("kind", ["Kế hoạch", "K Ế H O Ạ C H"])
def test_the_type_name_in_small_letters_or_letter_spaced(kind):
    draft, _ = imported(kind=kind)
    assert_header_read(draft.content)
    assert kind not in draft.content.body


def test_a_stray_line_inside_the_header_is_kept_and_the_header_read_on():
    draft, report = imported(between="Tải văn bản gốc\n")
    content = draft.content
    assert_header_read(content)
    assert content.body.split("\n\n")[0] == "Tải văn bản gốc"  # kept, as a paragraph of its own
    assert any("Tải văn bản gốc" in note for note in report.notes)


def test_the_body_after_a_header_with_no_date_is_not_taken_for_stray_lines():
    text = HEAD.format(number="Số: 45/KH-UBND", date="", kind="KẾ HOẠCH", between="")
    draft, _ = api.import_text(text)
    assert draft.content.body.startswith("Thực hiện chỉ đạo")
    assert draft.content.date is None


CONG_VAN = """ỦY BAN NHÂN DÂN
HUYỆN YÊN KHÁNH
{left}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Yên Khánh, ngày 05 tháng 3 năm 2021
{recipients}

Thực hiện Công văn số 12/SNV-CCHC của Sở Nội vụ, Ủy ban nhân dân huyện đề nghị các cơ quan báo cáo.
"""


@pytest.mark.parametrize(("summary", "subject", "said"), [
    ("V/v báo cáo công tác cải cách hành chính", "báo cáo công tác cải cách hành chính", None),
    ("v/v báo cáo công tác cải cách hành chính", "báo cáo công tác cải cách hành chính", "đọc là trích yếu"),
    ("(V/v báo cáo công tác cải cách hành chính)", "báo cáo công tác cải cách hành chính", "đọc là trích yếu"),
    ("Báo cáo công tác cải cách hành chính", "Báo cáo công tác cải cách hành chính", "không mở đầu bằng “V/v”"),
    # wrapped, with no V/v: the summary's own lines in small letters stand between it and the header's lines
    # the older lead-in "Về" is what "V/v" (về việc) stands for: printed once, as "V/v đẩy mạnh …", not "V/v Về …"
    ("Về đẩy mạnh công tác cải cách\nhành chính năm 2021", "đẩy mạnh công tác cải cách hành chính năm 2021",
     "in là “V/v đẩy mạnh công tác cải cách”"),
])
@pytest.mark.parametrize("recipients_word", ["Kính gửi", "Kínhgửi"])  # a site that lost the space between them
def test_a_cong_vans_summary_as_typists_write_it(summary, subject, said, recipients_word):
    draft, report = api.import_text(CONG_VAN.format(
        left=f"Số: 120/UBND-VP\n{summary}", recipients=f"{recipients_word}: Các phòng, ban chuyên môn thuộc huyện."))
    content = draft.content
    assert (content.doc_type, content.number, content.subject) == ("Công văn", 120, subject)
    assert content.recipients == ("Các phòng, ban chuyên môn thuộc huyện.",)  # a lone recipient keeps its "."
    assert content.body.startswith("Thực hiện Công văn số 12/SNV-CCHC")
    assert said is None or any(said in note for note in report.notes)


def test_a_line_in_small_letters_is_a_summary_only_before_kinh_gui():
    """With no "Kính gửi" under it, a line under the number is not taken for the summary: it stays in the body."""
    draft, _ = api.import_text(CONG_VAN.format(left="Số: 120/UBND-VP\nBáo cáo công tác cải cách hành chính",
                                               recipients=""))
    assert not draft.content.subject
    assert "Báo cáo công tác cải cách hành chính" in draft.content.body


SMALL_AUTHORITY = """{above}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 45/KH-UBND
Ninh Bình, ngày 05 tháng 3 năm 2021
KẾ HOẠCH
Triển khai công tác năm 2021
Thực hiện chỉ đạo của cấp trên, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:
1. Rà soát các vùng có nguy cơ.
"""


def test_an_authority_typed_in_small_letters_is_the_authority_in_capitals():
    draft, report = api.import_text(SMALL_AUTHORITY.format(above="Ủy ban nhân dân\ntỉnh Ninh Bình"))
    assert draft.content.authority == "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH"
    assert any("viết chữ thường" in note for note in report.notes)


def test_a_sites_line_over_an_authority_in_capitals_is_not_the_authority():
    draft, report = api.import_text(SMALL_AUTHORITY.format(above="Sở Nội vụ tỉnh Ninh Bình\nUBND TỈNH NINH BÌNH"))
    assert draft.content.authority == "UBND TỈNH NINH BÌNH"
    assert any("Sở Nội vụ tỉnh Ninh Bình" in note for note in report.notes)  # dropped, and said


# A letter of our own as a PDF viewer's copy gives it: every line run together, a site's lines in front.
RUN_TOGETHER = (
    "Quyết định 15/QĐ-UBND năm 2021 thành lập Tổ công tác Số hiệu: 15/QĐ-UBND Ngày ban hành: 05/03/2021 "
    "Tình trạng: Đang cập nhật ỦY BAN NHÂN DÂN XÃ YÊN PHONG ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
    "Tự do - Hạnh phúc --------------- Số: 15/QĐ-UBND Yên Phong, ngày 05 tháng 3 năm 2021 QUYẾT ĐỊNH "
    "{subject} CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ YÊN PHONG Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 "
    "năm 2015; Căn cứ Quyết định số 12/QĐ-UBND ngày 10 tháng 01 năm 2021 của Ủy ban nhân dân huyện; Xét đề nghị "
    "của Công chức Văn phòng - Thống kê xã, QUYẾT ĐỊNH: Điều 1. Thành lập Tổ công tác rà soát hộ nghèo năm 2021 "
    "của xã Yên Phong gồm các ông, bà có tên sau đây. Điều 2. Tổ công tác có nhiệm vụ rà soát, tổng hợp danh sách "
    "hộ nghèo, hộ cận nghèo trên địa bàn xã và báo cáo kết quả về Ủy ban nhân dân xã trước ngày 30 tháng 3."
)


@pytest.mark.parametrize("subject", ["VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC RÀ SOÁT HỘ NGHÈO NĂM 2021",
                                     "Về việc thành lập Tổ công tác rà soát hộ nghèo năm 2021"])
def test_a_letter_run_together_on_one_line_is_cut_back_into_its_lines(subject):
    draft, report = api.import_text(RUN_TOGETHER.format(subject=subject))
    content = draft.content
    assert (content.authority, content.doc_type, content.number, content.issuer_code) == (
        "ỦY BAN NHÂN DÂN XÃ YÊN PHONG", "Quyết định", 15, "UBND")
    assert (content.place, content.date.isoformat()) == ("Yên Phong", "2021-03-05")
    assert content.subject.casefold() == "về việc thành lập tổ công tác rà soát hộ nghèo năm 2021"
    assert content.deciding_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ YÊN PHONG"
    assert content.legal_bases[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
    assert any("viết liền" in note for note in report.notes)
    assert any("Số hiệu: 15/QĐ-UBND" in note for note in report.notes)  # the site's lines dropped, and said
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert not any("Tình trạng" in line or "-------" in line for line in rendered.everywhere)


def test_a_long_line_of_the_body_is_not_cut():
    """Only a long line that holds the national title or the motto is cut: a long paragraph stays whole."""
    paragraph = ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2021, Ủy ban nhân dân xã đề nghị "
                 + "các thôn rà soát, Căn cứ vào kết quả báo cáo; " * 12).strip()
    text = HEAD.format(number="Số: 45/KH-UBND", date="Ninh Bình, ngày 05 tháng 3 năm 2021", kind="KẾ HOẠCH",
                       between="").replace("Thực hiện chỉ đạo của cấp trên, Ủy ban nhân dân tỉnh ban hành kế hoạch "
                                           "như sau:", paragraph)
    draft, report = api.import_text(text)
    assert len(paragraph) > 400
    assert not any("viết liền" in note for note in report.notes)
    assert draft.content.body.split("\n\n")[0] == paragraph


def test_a_subject_that_opens_with_a_types_name_is_not_cut_on_its_own_line():
    text = HEAD.format(number="Số: 45/NQ-HĐND", date="Ninh Bình, ngày 05 tháng 3 năm 2021", kind="NGHỊ QUYẾT",
                       between="").replace("Triển khai công tác phòng, chống dịch bệnh năm 2021",
                                           "QUY ĐỊNH MỨC CHI HỖ TRỢ CÔNG TÁC PHÒNG, CHỐNG DỊCH BỆNH")
    draft, _ = api.import_text(text)
    assert (draft.content.doc_type, draft.content.subject.casefold()) == (
        "Nghị quyết", "quy định mức chi hỗ trợ công tác phòng, chống dịch bệnh")


BROKEN_CELLS = """UBND
TỈNH
NINH BÌNH CỘNG HÒA
XÃ HỘI CHỦ NGHĨA VIỆT
NAM Độc lập - Tự
do - Hạnh phúc Số:
45/KH-UBND Ninh
Bình, ngày 05 tháng
3 năm 2021 KẾ
HOẠCH Triển khai công tác
phòng, chống dịch bệnh năm 2021
Thực hiện chỉ đạo của cấp trên, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:
1. Rà soát các vùng có nguy cơ.
"""


def test_a_header_broken_at_odd_places_is_read_again_run_together():
    """A copy whose lines break anywhere (two columns merged and rewrapped): read as its lines stand it gives an
    issuing body of four lines and nothing else; read again with the header's lines run together, every part."""
    draft, report = api.import_text(BROKEN_CELLS)
    assert_header_read(draft.content)
    assert any("đọc lại như viết liền" in note for note in report.notes)


def test_a_header_read_whole_as_it_stands_is_not_read_again():
    draft, report = imported()
    assert_header_read(draft.content)
    assert not any("đọc lại" in note for note in report.notes)


ONE_LINE_CONG_VAN = (
    "BỘ NỘI VỤ ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- "
    "Số: 120/BNV-VP V/v báo cáo công tác cải cách hành chính năm 2021 Hà Nội, ngày 05 tháng 3 năm 2021 Kính gửi: "
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương. Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ Nội vụ "
    "đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương báo cáo kết quả cải cách hành chính năm 2021 "
    "về Bộ Nội vụ trước ngày 30 tháng 3 năm 2021 để tổng hợp, báo cáo Thủ tướng Chính phủ theo quy định./. "
    "Nơi nhận: - Như trên; - Lưu: VT, VP. KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn An"
)


def test_a_cong_van_on_one_line_keeps_its_recipient_signature_and_distribution():
    draft, _ = api.import_text(ONE_LINE_CONG_VAN)
    content = draft.content
    assert (content.authority, content.number, content.unit_code) == ("BỘ NỘI VỤ", 120, "VP")
    assert content.subject == "báo cáo công tác cải cách hành chính năm 2021"
    assert content.recipients == ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",)
    assert content.body.startswith("Thực hiện chỉ đạo của Thủ tướng Chính phủ")
    signature = content.signature
    assert (signature.position, signature.name) == ("THỨ TRƯỞNG", "Nguyễn Văn An")
    assert (content.distribution, content.archive) == (("Như trên",), ("VP",))  # "Lưu: VT, VP."


MARKDOWN = """**ỦY BAN NHÂN DÂN XÃ YÊN PHONG**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
*Độc lập – Tự do – Hạnh phúc***

Số: 45/UBND-VP

Yên Phong, ngày 05 tháng 3 năm 2021

V/v báo cáo công tác cải cách hành chính

**Kính gửi:** Ủy ban nhân dân huyện Yên Khánh.

Thực hiện chỉ đạo của Ủy ban nhân dân huyện, Ủy ban nhân dân xã báo cáo kết quả như sau./.

**Nơi nhận:**

- - Như trên;
- - Lưu: VT.

**CHỦ TỊCH**

*Nguyễn Văn An*
"""


def test_a_letter_written_in_markdown_loses_its_marks():
    """An OCR tool's or an assistant's Markdown: bold and italic marks, doubled list dashes; a typed rule of
    asterisks is no Markdown."""
    draft, report = api.import_text(MARKDOWN)
    content = draft.content
    assert content.authority == "ỦY BAN NHÂN DÂN XÃ YÊN PHONG"
    assert content.recipients == ("Ủy ban nhân dân huyện Yên Khánh.",)
    assert (content.signature.position, content.signature.name) == ("CHỦ TỊCH", "Nguyễn Văn An")
    assert content.distribution == ("Như trên", "Lưu: VT")
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert rendered.header_right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert not any("*" in line for line in rendered.everywhere)
    assert any("Markdown" in note for note in report.notes)
    plain, plain_report = imported(between="")
    assert not any("Markdown" in note for note in plain_report.notes)


NARROW = """UBND TỈNH NINH BÌNH
-------
CỘNG HÒA XÃ HỘI CHỦ
NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh
phúc
Số:
45/KH-UBND
{date}

KẾ HOẠCH

{subject}

Thực hiện chỉ đạo của cấp trên, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:
1. Rà soát các vùng có nguy cơ.
"""


@pytest.mark.parametrize("date", ["Ninh Bình, ngày 05 tháng\n3 năm 2021", "Ninh Bình,\nngày 05 tháng 3 năm 2021",
                                  "Ninh Bình, ngày 05\ntháng 3 năm 2021"])
def test_a_place_date_wrapped_in_a_narrow_cell(date):
    draft, _ = api.import_text(NARROW.format(date=date, subject="Triển khai công tác phòng, chống dịch bệnh năm 2021"))
    assert_header_read(draft.content)


@pytest.mark.parametrize(("subject", "expected"), [
    ("THỰC HIỆN CHỈ THỊ CỦA THỦ TƯỚNG\nCHÍNH PHỦ VỀ PHÒNG, CHỐNG DỊCH BỆNH NĂM 2021",
     "thực hiện chỉ thị của thủ tướng chính phủ về phòng, chống dịch bệnh năm 2021"),
    ("Triển khai công tác phòng, chống\n\ndịch bệnh năm 2021", "triển khai công tác phòng, chống dịch bệnh năm 2021"),
])
def test_a_subject_wrapped_in_a_narrow_cell(subject, expected):
    """A plan's subject in capitals whose next line opens with a body's name ("CHÍNH PHỦ …": only a decision has a
    deciding authority under its subject), and a subject in small letters that goes on after a gap."""
    draft, _ = api.import_text(NARROW.format(date="Ninh Bình, ngày 05 tháng 3 năm 2021", subject=subject))
    assert draft.content.subject.casefold() == expected
    assert draft.content.body.startswith("Thực hiện chỉ đạo")


def test_a_decisions_subject_line_that_opens_with_bo_goes_on_after_a_word_that_needs_its_next():
    text = NARROW.format(date="Ninh Bình, ngày 05 tháng 3 năm 2021",
                         subject="VỀ VIỆC BỔ SUNG THỦ TỤC VÀO\nBỘ THỦ TỤC HÀNH CHÍNH CỦA TỈNH\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN "
                                 "TỈNH NINH BÌNH").replace("KẾ HOẠCH", "QUYẾT ĐỊNH").replace("KH-UBND", "QĐ-UBND")
    draft, _ = api.import_text(text)
    assert draft.content.subject.casefold() == "về việc bổ sung thủ tục vào bộ thủ tục hành chính của tỉnh"
    assert draft.content.deciding_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"


def test_a_number_wrapped_before_its_symbol_keeps_the_header():
    text = ("UBND XÃ GIA PHỐ\nSố: 111\n/CV - UBND\nV/v thực hiện nghi thức\nQuốc tang\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nGia Phố, ngày 25 tháng 9 năm 2018\nKính gửi: Các thôn trên địa bàn xã.\n"
            "Thực hiện công văn của huyện, Ủy ban nhân dân xã đề nghị các thôn thực hiện.\n")
    draft, _ = api.import_text(text)
    content = draft.content
    assert (content.authority, content.number, content.issuer_code) == ("UBND XÃ GIA PHỐ", 111, "CV")
    assert content.subject.startswith("thực hiện nghi thức")


def test_a_one_line_letters_last_entries_and_signature_run_on_without_their_stops():
    text = ONE_LINE_CONG_VAN.replace("Nơi nhận: - Như trên; - Lưu: VT, VP. KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn An",
                                     "Nơi nhận: - Như trên; - Các Vụ: TH, KGVX - Lưu VT, VP (3) BỘ TRƯỞNG Nguyễn Văn An "
                                     r"d:\2021\CV\cai cach")
    draft, report = api.import_text(text)
    content = draft.content
    assert (content.signature.position, content.signature.name) == ("BỘ TRƯỞNG", "Nguyễn Văn An")
    assert content.distribution[:2] == ("Như trên", "Các Vụ: TH, KGVX")
    assert not any("d:" in part for part in (content.body, *content.distribution))


def test_a_line_ending_in_a_colon_under_the_subject_opens_the_body():
    """"Kết quả như sau:" under a report's subject (no blank line between) introduces the body; a table closing the
    body is reported as a table, not as its placeholder's words."""
    text = ("SỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 45/BC-SNV\n"
            "Ninh Bình, ngày 05 tháng 3 năm 2021\nBÁO CÁO\nKết quả giải quyết hồ sơ quý I năm 2021\nKết quả như sau:\n"
            "| TT | Đơn vị | Số hồ sơ |\n|---|---|---|\n| 1 | Phòng Tổ chức | 120 |\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n"
            "GIÁM ĐỐC\nTrần Văn Bình\n")
    draft, report = api.import_text(text)
    assert draft.content.subject == "Kết quả giải quyết hồ sơ quý I năm 2021"
    assert draft.content.body == "Kết quả như sau:"
    assert draft.content.closing.startswith("| TT | Đơn vị | Số hồ sơ |")
    assert "bảng 0" not in str(report) and "(bảng)" in str(report)


def test_kinh_gui_entries_on_one_line_each_after_its_dash():
    text = CONG_VAN.format(left="Số: 120/UBND-VP\nV/v báo cáo công tác cải cách hành chính",
                           recipients="Kính gửi: - Phòng Nội vụ; - Phòng Tài chính - Kế hoạch.")
    draft, _ = api.import_text(text)
    assert draft.content.recipients == ("Phòng Nội vụ", "Phòng Tài chính - Kế hoạch")


MINISTRY_HEAD = ("BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 120/BNV-VP\n"
                 "V/v báo cáo công tác cải cách hành chính\nHà Nội, ngày 05 tháng 3 năm 2021\nKính gửi: Các sở.\n")
MINISTRY_SIGNATURE = "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn An\n"


def test_nơi_nhận_entries_without_their_label_above_the_signature():
    letter = (MINISTRY_HEAD + "Bộ Nội vụ đề nghị các sở báo cáo kết quả cải cách hành chính./.\n- Như trên;\n"
              "- Lưu: VT, VP.\n" + MINISTRY_SIGNATURE)
    draft, report = api.import_text(letter)
    assert draft.content.body == "Bộ Nội vụ đề nghị các sở báo cáo kết quả cải cách hành chính./."
    assert (draft.content.distribution, draft.content.archive) == (("Như trên",), ("VP",))
    assert any("không có chữ “Nơi nhận:”" in note for note in report.notes)


def test_a_bodys_last_list_before_the_signature_stays_in_the_body():
    letter = (MINISTRY_HEAD + "Bộ Nội vụ đề nghị các sở báo cáo:\n- Kết quả cải cách thủ tục;\n"
              "- Kết quả số hóa hồ sơ.\n" + MINISTRY_SIGNATURE)
    draft, _ = api.import_text(letter)
    assert "Kết quả số hóa hồ sơ" in draft.content.body + draft.content.closing
    assert not draft.content.distribution


def test_an_assistants_note_after_the_letter_is_dropped_and_said():
    """A letter an AI assistant wrote in Markdown ends with its own note under a "---" rule: not a recipient, not
    the signer; a "---" note with the closing's forms in it is the letter's and stays."""
    letter = MARKDOWN + "\n---\n\n*Lưu ý: Bạn cần điền lại số văn bản trước khi ban hành.*\n"
    draft, report = api.import_text(letter)
    content = draft.content
    assert (content.signature.position, content.signature.name) == ("CHỦ TỊCH", "Nguyễn Văn An")
    assert content.distribution == ("Như trên", "Lưu: VT")
    assert "Lưu ý" not in str(content)
    assert any("Lưu ý: Bạn cần điền lại" in note for note in report.notes)


def test_a_one_line_letters_numbered_items_and_points_stay_items():
    text = ONE_LINE_CONG_VAN.replace(
        "về Bộ Nội vụ trước ngày 30 tháng 3 năm 2021 để tổng hợp, báo cáo Thủ tướng Chính phủ theo quy định./.",
        "về Bộ Nội vụ như sau: 1. Đánh giá kết quả thực hiện; a) Cải cách thể chế; b) Cải cách thủ tục. "
        "2. Đề xuất nhiệm vụ năm 2022. Đề nghị các địa phương gửi báo cáo trước ngày 30 tháng 3 năm 2021./.")
    draft, _ = api.import_text(text)
    items = draft.content.requirements
    assert items[0].text == "Đánh giá kết quả thực hiện;"
    # On one line nothing tells where the last item ends: the closing sentence stays with it, no word lost.
    assert items[1].text.startswith("Đề xuất nhiệm vụ năm 2022. Đề nghị các địa phương")
    assert list(items[0].subitems) == ["Cải cách thể chế;", "Cải cách thủ tục."]


@pytest.mark.parametrize(("words", "place"), [("Số: 45/TB-UBND Hải Ba", "Hải Ba"),
                                              ("Dự án Cầu Vàm Cống Hà Nội", "Hà Nội"),
                                              ("tại Viêng-chăn, Lào Hà Nội", "Hà Nội")])
def test_the_place_before_a_run_on_date(words, place):
    from ptdraft.importer.header import _place_start

    split = words.split()
    assert " ".join(split[_place_start(split):]) == place


@pytest.mark.parametrize(("line", "head", "position", "name"), [
    ("KT. TỔ TRƯỞNG TỔ PHÓ THƯỜNG TRỰC Ngô Hải Phan", "TỔ TRƯỞNG", "TỔ PHÓ THƯỜNG TRỰC", "Ngô Hải Phan"),
    ("KT. CHỦ TỊCH P.CHỦ TỊCH Lê Quang Hòa", "CHỦ TỊCH", "P.CHỦ TỊCH", "Lê Quang Hòa"),
    ("KT. ĐOÀN TRƯỞNG PHÓ ĐOÀN TRƯỞNG Lê Văn An", "ĐOÀN TRƯỞNG", "PHÓ ĐOÀN TRƯỞNG", "Lê Văn An"),
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn An", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn An"),
])
def test_a_run_together_signature_into_its_lines(line, head, position, name):
    """The name cut off a run-together signature; the signature reader takes the form's and the signer's titles
    apart, as for a site's joined lines."""
    text = ONE_LINE_CONG_VAN.replace("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn An", line)
    signature = api.import_text(text)[0].content.signature
    assert (signature.mode, signature.head_title, signature.position, signature.name) == (
        SigningMode.KT, head, position, name)


@pytest.mark.parametrize(("left", "recipients", "said"), [
    ("Số: 120/UBND-VP\nV/v báo cáo công tác cải cách hành chính", "Kính gửi: Sở Nội vụ.", "(theo dòng V/v, Kính gửi)"),
    ("Số: 120/UBND-VP", "Kính gửi: Sở Nội vụ.", "(theo Kính gửi)"),
    ("Số: 120/UBND-VP\nV/v báo cáo công tác cải cách hành chính", "", "(theo dòng V/v)"),
])
def test_the_report_says_what_a_cong_van_was_known_by(left, recipients, said):
    draft, report = api.import_text(CONG_VAN.format(left=left, recipients=recipients))
    assert draft.content.doc_type == "Công văn"
    line = next(line for line in report.lines() if "Loại văn bản" in line)
    assert line.endswith(f"Công văn {said}")


@pytest.mark.parametrize("kind", ["THÔNG TƯ", "NGHỊ ĐỊNH", "THÔNG TƯ LIÊN TỊCH"])
def test_a_legal_normative_type_ptdraft_does_not_draft_is_said_so(kind):
    text = ("BỘ TÀI CHÍNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: 07/2020/TT-BTC\nHà Nội, ngày 05 tháng 02 năm 2020\n\n{kind}\nHướng dẫn quản lý kinh phí\n\n"
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n")
    draft, report = api.import_text(text)
    assert draft.content.doc_type == "Công văn" and draft.content.body.startswith(kind)  # kept for the clerk to see
    assert any("văn bản quy phạm pháp luật" in note and "không thấy tên loại" not in note for note in report.notes)


@pytest.mark.parametrize("number", ["Số: 120/BNV-VP", "Số: 120 /BNV –VP", "Số: 120/BNV - VP"])
def test_a_one_line_cong_vans_summary_typed_without_vv_after_its_number(number):
    """An older công văn's summary under its number with no "V/v" ("Về …"), the symbol with a typist's spaces: on one
    line the number ends where its symbol does, and the summary is read as the summary."""
    text = ONE_LINE_CONG_VAN.replace("Số: 120/BNV-VP V/v báo cáo", f"{number} Về báo cáo")
    content = api.import_text(text)[0].content
    assert (content.number, content.issuer_code, content.unit_code) == (120, "BNV", "VP")
    assert content.subject == "báo cáo công tác cải cách hành chính năm 2021"  # "Về" is what "V/v" stands for
    assert (content.place, content.date.isoformat()) == ("Hà Nội", "2021-03-05")
    assert content.recipients == ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",)


@pytest.mark.parametrize("place", ["TP.Hồ Chí Minh", "Tp.Hồ Chí Minh", "TX.Sơn Tây"])
def test_a_place_with_its_kind_glued_on_after_a_run_on_summary(place):
    """"TP.Hồ Chí Minh, ngày …" after the summary's last words on one line: the abbreviated kind glued to the name
    is the place's, not a word of the summary's."""
    text = ONE_LINE_CONG_VAN.replace("năm 2021 Hà Nội, ngày", f"năm 2021. {place}, ngày")
    content = api.import_text(text)[0].content
    assert (content.place, content.date.isoformat()) == (place, "2021-03-05")
    assert content.subject == "báo cáo công tác cải cách hành chính năm 2021."


def test_a_sites_copy_of_the_number_above_a_one_line_header_is_not_the_header():
    """A blog's post title ("Công văn Số: 120/BNV-VP V/v: …") above the letter, all on one line: the number and
    summary are the letter's own, under its issuing body; the copy is the site's."""
    text = ("Thứ Ba, 29 tháng 7, 2021 Công văn Số: 120/BNV-VP V/v: Thực hiện chế độ báo cáo năm 2021. "
            + ONE_LINE_CONG_VAN.replace("V/v báo cáo công tác cải cách hành chính năm 2021",
                                        "V/v: Thực hiện chế độ báo cáo năm 2021."))
    content = api.import_text(text)[0].content
    assert (content.authority, content.number, content.unit_code) == ("BỘ NỘI VỤ", 120, "VP")
    assert content.subject == "Thực hiện chế độ báo cáo năm 2021."
    assert (content.place, content.date.isoformat()) == ("Hà Nội", "2021-03-05")
    assert content.recipients == ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",)


def test_a_one_line_line_under_the_number_before_the_national_title():
    """The left column read before the right one, on one line: the number, a line with no "V/v" and no "Kính gửi"
    after the header (no summary, then: it is kept in the body), then the national title and the date, which are
    read: the header is read on past the line, however long."""
    text = ("ỦY BAN NHÂN DÂN HUYỆN PHÚ TÂN Số: 12/BC-UBND Báo cáo kết quả thực hiện nhiệm vụ sáu tháng đầu năm và "
            "phương hướng nhiệm vụ sáu tháng cuối năm của Ủy ban nhân dân huyện Phú Tân trên các lĩnh vực "
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Phú Tân, ngày 12 tháng 6 năm 2020 "
            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện báo cáo kết quả như sau: 1. Kết quả "
            "đạt được trong sáu tháng đầu năm rất đáng khích lệ, với nhiều chỉ tiêu đạt và vượt kế hoạch đề ra "
            "trong năm. 2. Phương hướng nhiệm vụ sáu tháng cuối năm được xây dựng sát với tình hình thực tế./.")
    content = api.import_text(text)[0].content
    assert (content.authority, content.number, layout.number_line(content)) == (
        "ỦY BAN NHÂN DÂN HUYỆN PHÚ TÂN", 12, "Số: 12/BC-UBND")
    assert (content.place, content.date.isoformat()) == ("Phú Tân", "2020-06-12")
    assert content.body.startswith("Báo cáo kết quả thực hiện nhiệm vụ sáu tháng đầu năm và phương hướng")
    assert "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh" in content.body


def test_a_decisions_subject_listing_bodies_keeps_them_before_the_deciding_authority():
    """A subject in capitals whose list of bodies ends with a committee ("… CÁC SỞ, BAN, NGÀNH, ỦY BAN NHÂN DÂN CÁC
    XÃ …"): a body after a comma goes on with the list; the deciding authority is the name after the subject."""
    subject = ("BAN HÀNH QUY ĐỊNH TIÊU CHUẨN CHỨC DANH TRƯỞNG PHÒNG THUỘC CÁC SỞ, BAN, NGÀNH, ỦY BAN NHÂN DÂN CÁC XÃ "
               "THUỘC HUYỆN YÊN PHONG")
    content = api.import_text(RUN_TOGETHER.format(subject=subject))[0].content
    assert content.subject.casefold() == subject.casefold()
    assert content.deciding_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ YÊN PHONG"


@pytest.mark.parametrize(("summary", "subject"), [
    # a narrow cell's break after a word that needs its next, before a capital
    ("Về thúc đẩy đầu tư của\nViệt Nam\nra nước ngoài", "thúc đẩy đầu tư của Việt Nam ra nước ngoài"),
    # a converter's gap before the last line, in small letters
    ("Về thực hiện chế độ\nthông tin,\n\nbáo cáo định kỳ.", "thực hiện chế độ thông tin, báo cáo định kỳ."),
])
def test_a_summary_without_vv_wrapped_in_a_narrow_cell(summary, subject):
    content = api.import_text(CONG_VAN.format(
        left=f"Số: 120/UBND-VP\n{summary}", recipients="Kính gửi: Các phòng, ban chuyên môn thuộc huyện."))[0].content
    assert (content.doc_type, content.number, content.subject) == ("Công văn", 120, subject)
    assert content.recipients == ("Các phòng, ban chuyên môn thuộc huyện.",)


def test_a_one_line_issuing_body_under_a_district_with_a_number_keeps_it():
    """A site's words before the header's capitals on one line ("… Thư mời ỦY BAN NHÂN DÂN QUẬN 9 TRUNG TÂM VĂN HÓA"):
    the district's number is a word of the body's name, and the committee over the centre is read whole."""
    text = ONE_LINE_CONG_VAN.replace("BỘ NỘI VỤ -------", "Văn bản - Thông báo - Thư mời ỦY BAN NHÂN DÂN QUẬN 9 "
                                     "TRUNG TÂM VĂN HÓA -------").replace("BNV-VP", "TTVH-VP")
    content = api.import_text(text)[0].content
    assert (content.parent_authority, content.authority) == ("ỦY BAN NHÂN DÂN QUẬN 9", "TRUNG TÂM VĂN HÓA")
    assert (content.number, content.issuer_code) == (120, "TTVH")


def test_words_drawn_rule_name_glued_to_the_number_inside_a_one_line_header_is_dropped():
    """A DOCX converted to text names Word's drawn rules ("straight connector 2") and glues them to the next line; on
    one line the name stands between the issuing body and "Số: …": it is dropped, with a note, and the body, the
    number and the summary are read."""
    text = ONE_LINE_CONG_VAN.replace("BỘ NỘI VỤ ------- ", "BỘ NỘI VỤ straight connector 2").replace(
        "Độc lập - Tự do - Hạnh phúc ---------------", "straight connector 1Độc lập - Tự do - Hạnh phúc")
    text = text.replace("Số: 120/BNV-VP", "straight connector 3Số: 120/BNV-VP")
    draft, report = api.import_text(text)
    content = draft.content
    assert (content.authority, content.number, content.unit_code) == ("BỘ NỘI VỤ", 120, "VP")
    assert content.subject == "báo cáo công tác cải cách hành chính năm 2021"
    assert (content.place, content.date.isoformat()) == ("Hà Nội", "2021-03-05")
    assert any("straight connector 3" in note for note in report.notes)
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert not any("connector" in line for line in rendered.everywhere)


@pytest.mark.parametrize("words", ["VÌ SỰ TIẾN BỘ PHỤ NỮ", "ĐỐI VỚI CÁN BỘ XÃ", "VỀ KIỂM TRA NỘI BỘ NGÀNH"])
def test_a_decisions_subject_with_a_word_of_bo_is_not_cut_at_bo(words):
    """"BỘ" after a word it makes a word with ("TIẾN BỘ", "CÁN BỘ", "NỘI BỘ") opens no ministry's name: a run-together
    decision's subject goes on past it to the deciding authority."""
    subject = f"BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG {words} XÃ YÊN PHONG GIAI ĐOẠN 2021 - 2025"
    content = api.import_text(RUN_TOGETHER.format(subject=subject))[0].content
    assert content.subject.casefold() == subject.casefold()
    assert content.deciding_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ YÊN PHONG"


def test_a_sites_field_in_capitals_before_a_one_line_issuing_body_is_not_the_body():
    """A site's field in capitals before the header on one line ("LAI-AHLLVT: 68 2 UBND HUYỆN …"): a name has
    no colon, so the issuing body is the capitals after the field, which is dropped as the site's."""
    text = "HỒ SƠ-AHLLVT: 68 2 " + ONE_LINE_CONG_VAN
    draft, report = api.import_text(text)
    assert (draft.content.authority, draft.content.number) == ("BỘ NỘI VỤ", 120)
    assert any("HỒ SƠ-AHLLVT: 68 2" in note for note in report.notes)


@pytest.mark.parametrize("opening", ["Thực hiện chỉ đạo", "Ngày 10/3/2021, Thủ tướng Chính phủ chỉ đạo",
                                     "Trả lời công văn số 12/UBND của các tỉnh về chỉ đạo"])
def test_a_one_line_recipient_left_without_its_full_stop_ends_where_the_body_opens(opening):
    text = ONE_LINE_CONG_VAN.replace("trực thuộc Trung ương. Thực hiện chỉ đạo", f"trực thuộc Trung ương {opening}", 1)
    content = api.import_text(text)[0].content
    assert content.recipients == ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",)
    assert content.body.startswith(opening)
