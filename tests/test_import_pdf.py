"""Importing a PDF letter (issue 11): the text of a born-digital PDF read with pypdf, the header's two columns side
by side as they print, then read as any text; a scan, a password, a broken file or a file that is no PDF is one
message and exit code 2, nothing written."""
from __future__ import annotations

import subprocess
import sys

import pytest

from ptdraft import api
from ptdraft.errors import InputError
from ptdraft.model import SigningMode

LEFT = ["UBND TỈNH NINH BÌNH", "SỞ NỘI VỤ", "Số: 45/SNV-VP", "V/v báo cáo cải cách hành chính"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
         "Ninh Bình, ngày 05 tháng 3 năm 2021"]
BODY = ["Kính gửi: Các phòng, ban chuyên môn thuộc Sở.", "",
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị các phòng báo cáo kết quả./."]
SIGNATURE = [("Nơi nhận:", "KT. GIÁM ĐỐC"), ("- Như trên;", "PHÓ GIÁM ĐỐC"), ("- Lưu: VT, VP.", ""),
             ("", "Trần Văn Bình")]


def _pdf(path, rows, *, words_apart=False, table=(), after=(), header=(), scanned_pages=0):
    """A PDF drawn by Qt: ``header``'s rows first, each row's left and right text centred in its cell (a Word
    letter's header table), then each row's left and right text at their columns (``words_apart``: each word placed
    on its own, the way some generators write, with no space between them in the file); ``scanned_pages`` pages with
    a picture only after them."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(sys.argv[:1])  # the one the window's tests share (pytest-qt's qapp)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    font = QFont("Liberation Serif")
    font.setPointSize(12)
    painter.setFont(font)
    y = 60
    for left, right in header:  # cells of 230 points from x = 60 and from x = 300
        for x, text in ((60, left), (300, right)):
            painter.drawText(x + (230 - painter.fontMetrics().horizontalAdvance(text)) // 2, y, text)
        y += 18
    for left, right in rows:
        for x, text in ((60, left), (300, right)):
            if words_apart:
                at = x
                for word in text.split():
                    painter.drawText(at, y, word)
                    at += painter.fontMetrics().horizontalAdvance(word) + painter.fontMetrics().horizontalAdvance("  ")
            elif text:
                painter.drawText(x, y, text)
        y += 18
    for row in table:  # a table's rows after the text, its cells at four columns
        for x, text in zip((60, 110, 260, 380), row):
            painter.drawText(x, y, text)
        y += 18
    for line in after:
        painter.drawText(60, y, line)
        y += 18
    for _ in range(scanned_pages):  # a page with a picture only, as a signed page scanned in
        writer.newPage()
        painter.fillRect(60, 60, 300, 200, 0x808080)
    painter.end()
    return path


def _letter_rows():
    return [*zip(LEFT, RIGHT), *((line, "") for line in BODY), *SIGNATURE]


@pytest.mark.parametrize("words_apart", [False, True])
def test_a_pdf_letter_is_read_as_it_prints(tmp_path, words_apart):
    draft, report = api.import_file(_pdf(tmp_path / "cong-van.pdf", _letter_rows(), words_apart=words_apart))
    content = draft.content
    assert (content.parent_authority, content.authority) == ("UBND TỈNH NINH BÌNH", "SỞ NỘI VỤ")
    assert (content.number, content.issuer_code, content.unit_code) == (45, "SNV", "VP")
    assert (content.place, content.date.isoformat()) == ("Ninh Bình", "2021-03-05")
    assert content.subject == "báo cáo cải cách hành chính"
    assert content.recipients == ("Các phòng, ban chuyên môn thuộc Sở.",)
    assert content.body.startswith("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh")
    assert (content.signature.mode, content.signature.position, content.signature.name) == (
        SigningMode.KT, "PHÓ GIÁM ĐỐC", "Trần Văn Bình")
    assert any("tệp PDF (1 trang)" in note for note in report.notes)


def test_a_scan_with_no_text_is_refused(tmp_path):
    with pytest.raises(InputError, match="không có chữ"):
        api.import_file(_pdf(tmp_path / "scan.pdf", [("", "")]))


def test_a_password_pdf_is_refused(tmp_path):
    import pypdf

    plain = _pdf(tmp_path / "plain.pdf", _letter_rows())
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt("mat-khau")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as out:
        writer.write(out)
    with pytest.raises(InputError, match="mật khẩu"):
        api.import_file(locked)


@pytest.mark.parametrize(("data", "said"), [(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF", "hỏng"),
                                            (b"PK\x03\x04 not a pdf", "không phải tệp PDF")])
def test_a_broken_pdf_is_one_message_with_exit_2_and_nothing_written(tmp_path, data, said):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(data)
    out = tmp_path / "hong.json"
    result = subprocess.run([sys.executable, "-m", "ptdraft", "import", str(bad), "-o", str(out)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert said in result.stderr and "hong.pdf" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


@pytest.mark.parametrize(("left", "authority"), [
    (["UBND TỈNH QUẢNG TRỊ", "SỞ NÔNG NGHIỆP VÀ MÔI", "TRƯỜNG"], "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),  # inside a word
    (["UBND TỈNH QUẢNG TRỊ", "SỞ NÔNG NGHIỆP VÀ", "MÔI TRƯỜNG"], "SỞ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG"),  # lines kept
    (["UBND TỈNH QUẢNG TRỊ", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", ""], "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")])
def test_a_pdf_header_whose_columns_both_wrap_keeps_them_apart(tmp_path, left, authority):
    """Both header cells wrapped (the issuing body's name, and the national title in a cell too narrow for it): the
    right cell's "VIỆT NAM" shares its printed line with the left cell's second line, yet each column is read on
    its own."""
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    header = [*zip(left, right), ("", ""), ("Số: 215/BC-SNNMT", "Quảng Trị, ngày 14 tháng 3 năm 2025"), ("", ""),
              ("", "BÁO CÁO"), ("Kết quả sản xuất vụ Đông Xuân 2024 - 2025", "")]
    rows = [("", ""), *((line, "") for line in BODY[2:]), *SIGNATURE]
    draft, _report = api.import_file(_pdf(tmp_path / "bao-cao.pdf", rows, header=header))
    content = draft.content
    assert (content.parent_authority, content.authority) == ("UBND TỈNH QUẢNG TRỊ", authority)
    assert (content.number, content.issuer_code) == (215, "SNNMT")
    assert (content.place, content.date.isoformat()) == ("Quảng Trị", "2025-03-14")
    assert content.body.startswith("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh")


@pytest.mark.libreoffice
def test_ptdraft_s_own_letter_printed_to_pdf_imports_back(rendered, pdfs):
    """The real letter ptdraft exports, printed to PDF by LibreOffice (the file an office sends on), imported: its
    header, recipients, signature and Nơi nhận come back."""
    doc = rendered["letter"]
    draft, _report = api.import_file(pdfs[doc.path])
    content, source = draft.content, doc.content
    assert (content.authority, content.number, content.issuer_code) == (source.authority, source.number,
                                                                        source.issuer_code)
    assert (content.place, content.date) == (source.place, source.date)
    assert content.subject == source.subject
    assert content.recipients == source.recipients
    assert (content.signature.position, content.signature.name) == (source.signature.position,
                                                                    source.signature.name)


LAYOUT_TABLE = """     Tình hình giải ngân vốn theo từng dự án thành phần:
      TT            Dự án thành       Kế hoạch vốn       Đã giải ngân         Tỷ lệ (%)
                        phần           (triệu đồng)       (triệu đồng)
1                 Dự án 1: Hỗ trợ    182.450            98.523            54,0
                  đầu tư phát
                  triển hạ tầng
2                 Dự án 2: Đa        45.300             21.744            48,0
                  dạng hóa sinh
                  kế
                  Tổng cộng          227.750            120.267           52,8
     II. KHÓ KHĂN, VƯỚNG MẮC
Nơi nhận:                                               KT. GIÁM ĐỐC
- Như trên;                                            PHÓ GIÁM ĐỐC"""


def test_a_pdf_tables_lined_up_columns_become_rows_of_cells():
    """Wrapped cells join their row (a centred heading, numbers under "TT" standing off it), the total row with no
    number is a row of its own, and the text after the table and the two columns of the signature stay lines."""
    from ptdraft.importer.layout_tables import layout_tables

    text, count = layout_tables(LAYOUT_TABLE)
    assert count == 1
    lines = text.split("\n")
    rule = [len(cell) for cell in lines[2].strip("|").split("|")]
    assert len(rule) == 5 and rule[1] > rule[0] and min(rule) == 3  # the dashes follow the columns' widths
    assert lines[:2] + lines[3:] == [
        "     Tình hình giải ngân vốn theo từng dự án thành phần:",
        "| TT | Dự án thành phần | Kế hoạch vốn (triệu đồng) | Đã giải ngân (triệu đồng) | Tỷ lệ (%) |",
        "| 1 | Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng | 182.450 | 98.523 | 54,0 |",
        "| 2 | Dự án 2: Đa dạng hóa sinh kế | 45.300 | 21.744 | 48,0 |",
        "|  | Tổng cộng | 227.750 | 120.267 | 52,8 |",
        "     II. KHÓ KHĂN, VƯỚNG MẮC",
        "Nơi nhận:                                               KT. GIÁM ĐỐC",
        "- Như trên;                                            PHÓ GIÁM ĐỐC",
    ]


def test_two_columns_are_no_table():
    from ptdraft.importer.layout_tables import layout_tables

    header = "UBND TỈNH NINH BÌNH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ        Độc lập - Tự do - Hạnh phúc"
    assert layout_tables(header) == (header, 0)


def test_a_table_in_a_pdf_letter_is_imported_whole(tmp_path):
    rows = [*zip(LEFT, RIGHT), ("Kính gửi: Các phòng, ban chuyên môn thuộc Sở.", ""), ("", ""),
            ("Kết quả như sau:", "")]
    path = _pdf(tmp_path / "bang.pdf", rows, table=[("TT", "Đơn vị", "Số hồ sơ", "Đúng hạn"),
                                                    ("1", "Phòng Tổ chức", "120", "118"),
                                                    ("2", "Phòng Công chức", "95", "95")],
                after=["", "Sở Nội vụ báo cáo để các phòng biết, thực hiện./."])
    draft, report = api.import_file(path)
    rows = draft.content.body.split("\n")
    at = rows.index("| TT | Đơn vị | Số hồ sơ | Đúng hạn |")
    assert rows[at + 1].startswith("|---|") and rows[at + 2] == "| 1 | Phòng Tổ chức | 120 | 118 |"
    assert any("bảng" in note for note in report.notes)


def test_a_scanned_page_among_text_pages_is_said(tmp_path):
    """A letter whose signed last page was scanned in: the text pages are read, and the report says the scanned
    page's content was not (nothing lost without a word)."""
    draft, report = api.import_file(_pdf(tmp_path / "scan-cuoi.pdf", _letter_rows(), scanned_pages=1))
    assert draft.content.subject == "báo cáo cải cách hành chính"
    assert any("trang 2 không có chữ" in note for note in report.notes)
    plain, plain_report = api.import_file(_pdf(tmp_path / "chu.pdf", _letter_rows()))
    assert not any("không có chữ" in note for note in plain_report.notes)
