"""A letter whose header is typed as plain lines (no table), the way many Word users make it: the checker still
finds Kính gửi and judges the body, even when a body sentence mentions a date."""
from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from ptdraft.checker import check_bytes


def _plain_header_letter(body_size: float) -> bytes:
    document = docx.Document()
    for line in ("UBND TỈNH QUẢNG TRỊ", "SỞ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 125/STC-VP", "V/v triển khai chuyển đổi số",
                 "Quảng Trị, ngày 15 tháng 01 năm 2027", "Kính gửi: Sở Nội vụ."):
        document.add_paragraph(line)
    for text in ("Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2027 của Ủy ban nhân dân tỉnh về chuyển đổi "
                 "số, Sở Tài chính đề nghị các đơn vị rà soát và báo cáo kết quả thực hiện.",
                 "Báo cáo gửi về Sở Tài chính trước ngày 30 tháng 01 năm 2027 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh."):
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(body_size)
    document.add_paragraph("Trân trọng./.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_kinh_gui_is_found_after_a_header_of_plain_lines():
    rules = {(f.rule, f.box) for f in check_bytes(_plain_header_letter(14))}
    assert ("element.missing", "9a") not in rules
    assert ("header.column", "1") in rules  # the header out of its table is still reported


def test_a_body_sentence_with_a_date_is_judged_as_body():
    findings = check_bytes(_plain_header_letter(10))
    body = {f.rule for f in findings if f.box == "6"}
    assert {"font.size", "body.align"} <= body
