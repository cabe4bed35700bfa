"""Appendices and attached texts after the signature are imported as the draft's annexes (Mẫu 1.3, 2.1, 2.2).

A report's "Phụ lục I/II" with their tables of figures, a plan's appendix, the Quy chế a decision issues with the
issuing body's header repeated above it: each comes back as an Annex with its title and body, the "(Kèm theo …)"
line dropped (the draft prints it from its own number, date and issuer) and its issuer kept. Lines after the
signature that make no annex are kept as written, never taken for one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ptdraft import api
from ptdraft.model import Annex

LETTER = """UBND TỈNH QUẢNG TRỊ
SỞ NỘI VỤ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 15/BC-SNV
Quảng Trị, ngày 10 tháng 3 năm 2025

BÁO CÁO
Kết quả cải cách hành chính quý I năm 2025

Trong quý I năm 2025, Sở Nội vụ đã triển khai các nhiệm vụ cải cách hành chính theo kế hoạch.
Kết quả cụ thể tại các phụ lục kèm theo.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, CCHC.

GIÁM ĐỐC

Lê Văn Bình
"""

APPENDICES = """
PHỤ LỤC I
KẾT QUẢ THỰC HIỆN NHIỆM VỤ
(Kèm theo Báo cáo số 15/BC-SNV ngày 10 tháng 3 năm 2025 của Sở Nội vụ tỉnh Quảng Trị)

1. Cải cách thể chế: hoàn thành 5/5 nhiệm vụ.
2. Cải cách thủ tục hành chính: hoàn thành 7/8 nhiệm vụ./.

PHỤ LỤC II
SỐ HỒ SƠ ĐÃ GIẢI QUYẾT
(Kèm theo Báo cáo số 15/BC-SNV ngày 10 tháng 3 năm 2025 của Sở Nội vụ tỉnh Quảng Trị)

Tổng số hồ sơ tiếp nhận: 12.430 hồ sơ, giải quyết đúng hạn 98,6%./.
"""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 21/QĐ-UBND
Quảng Trị, ngày 4 tháng 2 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế tiếp công dân

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân.
Điều 2. Quyết định này có hiệu lực từ ngày ký./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

CHỦ TỊCH

Hoàng Văn Nam

ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
QUY CHẾ
Tiếp công dân của Ủy ban nhân dân tỉnh Quảng Trị
(Ban hành kèm theo Quyết định số 21/QĐ-UBND ngày 04 tháng 02 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị)

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc tiếp công dân tại Trụ sở Tiếp công dân tỉnh.
Điều 2. Đối tượng áp dụng
Quy chế này áp dụng đối với người tiếp công dân và công dân đến khiếu nại, tố cáo./.
"""


def _import(tmp_path, text, name="van-ban.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return api.import_file(path)


def test_a_reports_two_appendices_come_back_as_annexes(tmp_path):
    draft, report = _import(tmp_path, LETTER + APPENDICES)
    content = draft.content
    assert [(a.doc_type, a.title) for a in content.annexes] == [
        ("", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), ("", "SỐ HỒ SƠ ĐÃ GIẢI QUYẾT")]
    first, second = content.annexes
    assert "Cải cách thể chế: hoàn thành 5/5 nhiệm vụ." in first.body and "Kèm theo" not in first.body
    assert first.body.rstrip().endswith("nhiệm vụ./.")  # each annex's end mark as the letter wrote it
    assert second.body.startswith("Tổng số hồ sơ tiếp nhận")
    assert content.issuer_name == "Sở Nội vụ tỉnh Quảng Trị"
    assert report.unrecognised == ()
    assert content.signature.name == "Lê Văn Bình"
    assert any("Kèm theo Báo cáo số 15/BC-SNV" in note for note in report.notes)
    # The Nơi nhận and the body are untouched by the annexes after them.
    assert content.distribution[0].startswith("UBND tỉnh")
    assert "phụ lục kèm theo" in content.body + content.closing


def test_the_appendices_print_again_with_their_headings_and_the_kem_theo_line(tmp_path):
    draft, _report = _import(tmp_path, LETTER + APPENDICES)
    out = tmp_path / "ra.docx"
    api.export_docx(draft, out, strict=False)
    again, report = api.import_file(out)
    assert again.content.annexes == draft.content.annexes and report.unrecognised == ()
    from ptdraft.importer.docx_reader import docx_paragraphs

    texts = docx_paragraphs(out)
    assert "Phụ lục I" in texts and "Phụ lục II" in texts
    assert "(Kèm theo Báo cáo số 15/BC-SNV ngày 10 tháng 3 năm 2025 của Sở Nội vụ tỉnh Quảng Trị)" in texts


def test_the_quy_che_a_decision_issues_comes_back_with_its_type_and_without_its_repeated_header(tmp_path):
    draft, report = _import(tmp_path, DECISION)
    content = draft.content
    assert content.doc_type == "Quyết định" and content.number == 21
    assert len(content.annexes) == 1
    annex = content.annexes[0]
    assert annex.doc_type == "Quy chế" and annex.title == "Tiếp công dân của Ủy ban nhân dân tỉnh Quảng Trị"
    assert annex.body.startswith("Điều 1. Phạm vi điều chỉnh")
    assert "CỘNG HÒA" not in annex.body and "ỦY BAN NHÂN DÂN\n" not in annex.body
    assert content.issuer_name == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị"
    assert report.unrecognised == () and content.signature.name == "Hoàng Văn Nam"
    assert any("tiêu đề lặp lại" in note for note in report.notes)


@pytest.mark.parametrize("tail", [
    "\nPhụ lục kèm theo gửi qua hệ thống quản lý văn bản.\n",  # a sentence, not a heading
    "\nPHỤ LỤC\n",  # a heading with nothing under it
    "\nQUY CHẾ\nTiếp công dân\n",  # a type name with no "(Kèm theo …)" line: not an attached text
])
def test_lines_after_the_signature_that_make_no_annex_are_kept_as_written(tmp_path, tail):
    draft, report = _import(tmp_path, LETTER + tail)
    assert draft.content.annexes == ()
    assert report.unrecognised, tail
    kept = draft.content.closing + draft.content.body
    assert all(line in kept for line in tail.strip().splitlines())


def test_an_annex_round_trips_through_docx_with_the_drafts_own_number_and_date(tmp_path):
    """A draft with an appendix exported and imported: the annex and the issuer come back, and the Kèm theo line
    prints from the imported draft's number and date, not from the text it was read from."""
    draft = api.example_draft(api.get_template("ke-hoach"))
    content = dataclasses.replace(draft.content, date=dt.date(2026, 2, 3), number=9,
                                  annexes=(Annex(title="DANH MỤC NHIỆM VỤ", body="1. Nhiệm vụ một.\n\n2. Nhiệm vụ hai."),))
    draft = dataclasses.replace(draft, content=content)
    path = tmp_path / "ke-hoach.docx"
    api.export_docx(draft, path)
    imported, report = api.import_file(path)
    # The annex comes back as it printed: with the "./." the draft put at its end.
    assert imported.content.annexes == (Annex(title="DANH MỤC NHIỆM VỤ", body="1. Nhiệm vụ một.\n\n2. Nhiệm vụ hai./."),)
    assert report.unrecognised == ()
    moved = dataclasses.replace(imported, content=dataclasses.replace(imported.content, number=10))
    out = tmp_path / "ke-hoach-10.docx"
    api.export_docx(moved, out, strict=False)
    from ptdraft.importer.docx_reader import docx_paragraphs

    notes = [t for t in docx_paragraphs(out) if t.startswith("(Kèm theo")]
    assert len(notes) == 1 and "số 10/" in notes[0] and "ngày 03 tháng 02 năm 2026" in notes[0]


_ANNEX_HEAD = "\n\nỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nCỘNG HÒA"


@pytest.mark.parametrize("change", [
    lambda t: t.replace(_ANNEX_HEAD, "\n\nUBND TỈNH QUẢNG TRỊ\n-------\nCỘNG HÒA"),  # the body's name shortened
    lambda t: t.replace("CHỦ TỊCH\n\nHoàng Văn Nam", "CHỦ TỊCH\n(Đã ký)\nHoàng Văn Nam"),  # a website's residue
    lambda t: t.replace(_ANNEX_HEAD, "\n\nCỘNG HÒA"),  # no issuing body above the national title
], ids=["short-name", "da-ky", "title-only"])
def test_the_repeated_header_is_told_apart_from_the_signature_above_it(tmp_path, change):
    draft, report = _import(tmp_path, change(DECISION))
    assert draft.content.signature.name == "Hoàng Văn Nam" and draft.content.signature.position == "CHỦ TỊCH"
    assert [a.doc_type for a in draft.content.annexes] == ["Quy chế"]
    assert report.unrecognised == ()
