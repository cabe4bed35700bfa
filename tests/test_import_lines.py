"""Rebuilding paragraphs from PDF lines, two columns side by side, leftovers, and the ``ptdraft import`` command."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ptdraft import api, body
from ptdraft.importer.lines import lines_of, paragraphs
from ptdraft.importer.structure import markup
from ptdraft.layout import Para, layout
from ptdraft.model import Content, SigningMode

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "tests" / "data" / "samples"


def rebuilt(text: str) -> list[str]:
    return [p.text for p in paragraphs(lines_of(text))]


def test_indented_paragraphs_start_at_their_indent():
    """In an indented text a line indented two spaces or more starts a paragraph, whatever it ends or starts with."""
    text = (
        "     Giao các Bộ có ý kiến, trong đó lưu ý làm rõ\n"
        "sự phù hợp với quy định. Ý kiến gửi trước ngày 10 tháng\n"
        "5 năm 2026 để tổng hợp.\n"
        "     Văn phòng thông báo để biết, thực hiện\n"
        "- Hà Nội, lần thứ II./.\n"
    )
    assert rebuilt(text) == [
        "Giao các Bộ có ý kiến, trong đó lưu ý làm rõ sự phù hợp với quy định. Ý kiến gửi trước ngày 10 tháng 5 năm 2026 để tổng hợp.",
        "Văn phòng thông báo để biết, thực hiện - Hà Nội, lần thứ II./.",
    ]


def test_flat_double_spaced_lines_are_rejoined_by_punctuation_and_capitals():
    """A PDF copy with a blank line after each line: a paragraph ends at . : ; before a capital or a list marker."""
    text = (
        "Trong thời gian qua, Văn phòng đã triển khai thực hiện \n\n"
        "nghiêm túc ý kiến chỉ đạo. Mặc dù vậy, toàn thể cán bộ đã \n\n"
        "không quản ngại khó khăn. \n\n"
        "Để tiếp tục thực hiện tốt, lãnh đạo Văn phòng đề nghị các \n\n"
        "nội dung sau đây: \n\n"
        "1. Tiếp tục nêu cao tinh thần trách nhiệm; tăng cường hiệu suất \n\n"
        "làm việc. \n\n"
        "2. Thực hiện nghiêm túc kỷ luật.\n"
    )
    assert rebuilt(text) == [
        "Trong thời gian qua, Văn phòng đã triển khai thực hiện nghiêm túc ý kiến chỉ đạo. Mặc dù vậy, toàn thể cán bộ đã không quản ngại khó khăn.",
        "Để tiếp tục thực hiện tốt, lãnh đạo Văn phòng đề nghị các nội dung sau đây:",
        "1. Tiếp tục nêu cao tinh thần trách nhiệm; tăng cường hiệu suất làm việc.",
        "2. Thực hiện nghiêm túc kỷ luật.",
    ]


def test_flat_lines_after_a_short_heading_and_a_dash_that_continues():
    """A short heading ends its paragraph; a full line ending mid-phrase continues even into a "- " line."""
    text = (
        "1. Mục đích\n"
        "- Tổ chức Festival Thăng Long nhằm tôn vinh và quảng bá sâu rộng giá trị lịch sử của Thăng Long\n"
        "- Hà Nội, góp phần khẳng định vị thế của Thủ đô ngàn năm văn hiến trong thời kỳ đổi mới và hội nhập.\n"
        "- Giới thiệu rộng rãi tới nhân dân trong nước và bạn bè quốc tế những giá trị tiêu biểu, đặc sắc.\n"
    )
    assert rebuilt(text) == [
        "1. Mục đích",
        "- Tổ chức Festival Thăng Long nhằm tôn vinh và quảng bá sâu rộng giá trị lịch sử của Thăng Long - Hà Nội, "
        "góp phần khẳng định vị thế của Thủ đô ngàn năm văn hiến trong thời kỳ đổi mới và hội nhập.",
        "- Giới thiệu rộng rãi tới nhân dân trong nước và bạn bè quốc tế những giá trị tiêu biểu, đặc sắc.",
    ]


def test_a_paragraph_cut_mid_sentence_at_a_page_s_end_goes_on_into_a_name():
    """A paragraph of full lines whose last line on a page stops short with a word in small letters and no mark goes on
    with the name on the next page's first line; after a mark, or after a short line alone (a heading in small
    letters), a name still starts a paragraph."""
    full = ("Năm 2024, các huyện ven biển đã hoàn thành việc nạo vét kênh mương nội đồng, gia cố bờ bao chống\n"
            "triều cường và chuẩn bị đủ giống cho sản xuất; để tiếp tục giữ vững diện tích gieo trồng, các\n"
            "địa phương cần chủ động cho vụ\n")
    assert rebuilt(full + "Hè Thu, Sở Nông nghiệp và Môi trường đề nghị các địa phương thực hiện việc chuyển đổi\n"
                   "cơ cấu cây trồng sớm hơn mọi năm.\n") == [
        "Năm 2024, các huyện ven biển đã hoàn thành việc nạo vét kênh mương nội đồng, gia cố bờ bao chống triều cường "
        "và chuẩn bị đủ giống cho sản xuất; để tiếp tục giữ vững diện tích gieo trồng, các địa phương cần chủ động cho "
        "vụ Hè Thu, Sở Nông nghiệp và Môi trường đề nghị các địa phương thực hiện việc chuyển đổi cơ cấu cây trồng sớm "
        "hơn mọi năm."]
    ended = full.replace("cho vụ\n", "cho vụ.\n")
    assert len(rebuilt(ended + "Hè Thu năm nay, Sở Nông nghiệp và Môi trường đề nghị các địa phương thực hiện.\n")) == 2
    heading = ("a) Kết quả sản xuất\n"
               "Hè Thu năm nay các địa phương đã gieo trồng được chín mươi nghìn héc ta lúa, đạt kế hoạch đề ra\n")
    assert len(rebuilt(ended + heading)) == 3


def test_a_short_line_that_stops_on_a_word_no_paragraph_ends_on_goes_on():
    """A site's odd wrapping leaves a short first line ("… ngày 10/5/2021 của") before a line opening with a name: a
    paragraph never ends on "của", "và", "tại" …, so the two are one; a short line ending otherwise still stands."""
    text = ("Thực hiện Quyết định số 695/QĐ-TTg ngày 10/5/2021 của\n"
            "Thủ tướng Chính phủ ban hành Đề án nâng cao năng lực giám sát, kiểm tra, thanh tra trong doanh nghiệp,\n"
            "Ủy ban nhân dân thành phố xây dựng kế hoạch triển khai thực hiện như sau:\n")
    assert rebuilt(text) == [" ".join(text.split())]
    kept = text.replace(" ngày 10/5/2021 của", "")
    assert len(rebuilt(kept)) == 2  # a short line ending on a symbol is a paragraph of its own


def test_words_broken_across_lines_are_joined():
    """A symbol broken after its hyphen and a word broken at a soft hyphen join without a space; others with one."""
    text = "      Quyết định số 5969/QĐ-\nUBND ngày 28/11/2025 về kinh tế -\nxã hội, văn hiến-\nnơi hội tụ, công tác tuyên truy\u00ad\nền.\n      Hết."
    assert rebuilt(text) == [
        "Quyết định số 5969/QĐ-UBND ngày 28/11/2025 về kinh tế - xã hội, văn hiến- nơi hội tụ, công tác tuyên truyền.",
        "Hết.",
    ]


def test_a_blank_line_or_a_centred_line_stands_apart():
    """In a single-spaced text a blank line ends a paragraph, and a centred heading is a paragraph of its own."""
    text = "     Căn cứ Luật Tổ chức chính quyền địa phương;\n\n                            QUYẾT ĐỊNH:\n\n     Điều 1. Phê duyệt.\n"
    assert rebuilt(text) == ["Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Phê duyệt."]


def test_markup_keeps_the_printed_numbers():
    """Body markup built from printed paragraphs prints them unchanged: a marker the layout would renumber is escaped
    ("c)" after "a)"), one it numbers as printed is not (items 2. and 3. go on after the dash line of section I.)."""
    source = ["I. MỤC ĐÍCH", "1. Mục đích", "- Tôn vinh giá trị di sản.", "2. Yêu cầu", "3. Tiết kiệm", "a) Điểm một", "c) Điểm ba"]
    text = markup(source)
    assert "\n\n\\c) Điểm ba" in text
    assert "\n\n2. Yêu cầu" in text and "\n\n3. Tiết kiệm" in text
    shown = [" ".join(b.text.split()) for b in layout(Content(body=text)).blocks if isinstance(b, Para) and b.ref == "body"]
    assert shown == source


def test_a_backslash_line_is_plain_text_in_the_body_markup():
    """"\\2. Hai" in a body is a paragraph "2. Hai", not a list item renumbered 1."""
    assert body.parse("\\2. Hai\n\n3. Ba") == (
        body.Paragraph("2. Hai"),
        body.NumberedList((body.Item("Ba"),)),
    )


SIDE_BY_SIDE = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ HÀ NỘI                        Độc lập – Tự do – Hạnh phúc
Số: 453 /TB-UBND                      Hà Nội, ngày 29 tháng 4 năm 2026

                               THÔNG BÁO
                         Về việc treo cờ Tổ quốc

      Ủy ban nhân dân thành phố Hà Nội đề nghị các cơ quan treo cờ Tổ quốc từ ngày
10/5/2026 đến hết ngày 14/5/2026.
      Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo, kiểm tra việc treo cờ
Tổ quốc ở địa bàn dân cư./.

Nơi nhận:                                          TL. CHỦ TỊCH
- Đ/c Bí thư Thành ủy;                         KT. CHÁNH VĂN PHÒNG
- UBND các phường, xã;                         PHÓ CHÁNH VĂN PHÒNG
- Lưu: VT, KGVX.

                                                   Võ Tuấn Anh
"""


def test_two_columns_side_by_side_are_read_one_after_the_other():
    """pdftotext -layout's side-by-side header and Nơi nhận/signature columns are split and each part recognised."""
    draft, report = api.import_text(SIDE_BY_SIDE)
    c = draft.content
    assert (c.authority, c.number, c.issuer_code, c.place) == ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", 453, "UBND", "Hà Nội")
    assert (c.doc_type, c.subject) == ("Thông báo", "Về việc treo cờ Tổ quốc")
    assert c.body.startswith("Ủy ban nhân dân thành phố Hà Nội đề nghị") and c.closing.endswith("ở địa bàn dân cư./.")
    assert c.distribution == ("Đ/c Bí thư Thành ủy", "UBND các phường, xã") and c.archive == ("KGVX",)
    assert report.signature_lines == ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG")
    assert (c.signature.mode, c.signature.head_title, c.signature.order_title) == (
        SigningMode.TL_KT, "CHỦ TỊCH", "CHÁNH VĂN PHÒNG"
    )
    assert (c.signature.position, c.signature.name) == ("PHÓ CHÁNH VĂN PHÒNG", "Võ Tuấn Anh")


def test_text_that_fits_no_part_goes_into_the_body_and_the_report():
    """Lines after the signer's name are kept at the end of the text, in order, and listed as unrecognised."""
    text = (
        "Kính gửi: Sở Nội vụ.\n\n      Đề nghị Sở tổng hợp, báo cáo./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
        "GIÁM ĐỐC\n\nNguyễn Văn An\n\nĐịa chỉ: 01 Hùng Vương, Đông Hà\nĐiện thoại: 0233 3852 999\n"
    )
    draft, report = api.import_text(text)
    assert draft.content.signature.name == "Nguyễn Văn An"
    assert report.unrecognised == ("Địa chỉ: 01 Hùng Vương, Đông Hà", "Điện thoại: 0233 3852 999")
    assert draft.content.body.endswith("Đề nghị Sở tổng hợp, báo cáo./.\n\nĐịa chỉ: 01 Hùng Vương, Đông Hà\n\nĐiện thoại: 0233 3852 999")
    assert "Chưa nhận ra, đã giữ nguyên trong nội dung:" in report.lines()


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ptdraft", *args], capture_output=True, text=True, cwd=REPO)


def test_the_import_command_writes_a_draft_and_prints_the_report(tmp_path):
    """``ptdraft import FILE -o DRAFT.json`` saves a draft that renders, and prints what it recognised."""
    output = tmp_path / "13.json"
    result = _run("import", str(SAMPLES / "real" / "13.txt"), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "Số, ký hiệu" in result.stdout and "2280/QĐ-UBND" in result.stdout
    assert "bỏ dòng “QUYẾT ĐỊNH:”" in result.stdout and f"Đã ghi bản thảo {output}" in result.stdout
    draft = api.load_draft(output)
    assert draft.content.signature.name == "Trương Việt Dũng"
    assert api.docx_bytes(draft)[:2] == b"PK"


def _not_docx_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    return path


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "không tìm thấy tệp"),
        ("binary.txt", b"abc\x00def", "không phải văn bản"),
        ("latin.txt", b"caf\xe9 cr\xe8me \x93quoted\x94", "không phải văn bản UTF-8"),
        ("empty.txt", b"  \n", "tệp rỗng"),
        ("fake.docx", b"just text", "không phải DOCX"),
        ("zip.docx", "zip", "DOCX"),
        ("letter.pdf", b"%PDF-1.4", "PDF"),
        ("old.doc", b"\xd0\xcf\x11\xe0", ".doc"),
    ],
)
def test_bad_input_is_one_message_and_exit_code_2(tmp_path, name, content, message):
    """A missing, binary, undecodable, empty, non-DOCX or unsupported file gives one Vietnamese line, exit 2, no traceback."""
    path = tmp_path / name
    if content == "zip":
        _not_docx_zip(path)
    elif content is not None:
        path.write_bytes(content)
    result = _run("import", str(path), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("ptdraft: lỗi: ")
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()


def _flattened(text: str) -> str:
    """The text as a PDF viewer copies it: no indents, a blank line after every line (like the sample letter)."""
    return "\n\n".join(line.strip() + " " for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("name", ["03", "11", "13", "14"])
def test_a_flat_copy_of_a_real_document_imports_like_the_indented_one(name):
    """Without indents and with blank lines everywhere, the four shorter documents give exactly the same draft."""
    text = (SAMPLES / "real" / f"{name}.txt").read_text(encoding="utf-8")
    flat, _ = api.import_text(_flattened(text))
    indented, _ = api.import_file(SAMPLES / "real" / f"{name}.txt")
    assert flat.content == indented.content


def test_a_flat_copy_of_the_plan_differs_in_one_heading_only():
    """The 12-page plan, flattened, gives the same draft but for one paragraph break: item 20's heading fills 88%
    of a line and ends without a mark, so nothing in a flat text tells it from a wrapped line, and it is joined to
    the "- Đề nghị …" line under it (every word kept, in order)."""
    text = (SAMPLES / "real" / "12.txt").read_text(encoding="utf-8")
    flat, _ = api.import_text(_flattened(text))
    indented, _ = api.import_file(SAMPLES / "real" / "12.txt")
    # Items are numbered on through the paragraphs of a plan's section, so item 20 needs no "\\" to print as 20.
    heading = "\n\n20. Mời Đại sứ quán các nước: Trung Quốc, Ấn Độ, Cộng hoà Liên bang Nga"
    expected = indented.content.body.replace(heading + "\n\n- Đề nghị", heading + " - Đề nghị")
    assert expected != indented.content.body
    assert flat.content.body == expected
    assert flat.content.closing == indented.content.closing and flat.content.subject == indented.content.subject


def test_a_blank_or_impossible_number_and_date_are_left_blank_and_reported():
    """A number or day left blank for the records office, a number 0 and 31 February stay blank, each with a note."""
    blank = "BỘ NỘI VỤ\nSố:      /BNV-VP\nV/v góp ý dự thảo\nHà Nội, ngày      tháng 4 năm 2026\n\nKính gửi: Sở Nội vụ.\n\n     Đề nghị góp ý./."
    draft, report = api.import_text(blank)
    c = draft.content
    assert (c.number, c.issuer_code, c.unit_code, c.place, c.date) == (None, "BNV", "VP", "Hà Nội", None)
    assert c.subject == "góp ý dự thảo" and c.recipients == ("Sở Nội vụ.",)
    assert any("để trống" in note for note in report.notes)
    wrong = blank.replace("Số:      /", "Số: 0/").replace("ngày      tháng 4", "ngày 31 tháng 2")
    draft, report = api.import_text(wrong)
    assert (draft.content.number, draft.content.date) == (None, None)
    assert any("“0” không hợp lệ" in note for note in report.notes)
    assert any("không có thật" in note for note in report.notes)
