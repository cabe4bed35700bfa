"""The letter's closing (Nơi nhận and the signature block) in the shapes copies give it: the two cells run together on
one line ("Nơi nhận: - Như trên; - Lưu: VT. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A", a PDF viewer's or a page's text
without its breaks), read row by row ("Nơi nhận: KT. CHỦ TỊCH" / "- Như trên; PHÓ CHỦ TỊCH" / "- Lưu: VT. Nguyễn Văn
A"), and both at once; wrapped in narrow cells. Each closing is imported inside a whole letter."""
from __future__ import annotations

import textwrap

import pytest

from ptdraft.importer import import_text
from ptdraft.layout import archive_line

HEAD = """UBND TỈNH QUẢNG NAM
SỞ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 345/STC-NS
V/v hướng dẫn lập dự toán ngân sách năm 2016
Quảng Nam, ngày 14 tháng 7 năm 2015

Kính gửi: Các sở, ban, ngành thuộc tỉnh.

Sở Tài chính hướng dẫn các đơn vị lập dự toán ngân sách năm 2016 theo Thông tư của Bộ Tài chính, gửi về Sở trước \
ngày 30 tháng 7 năm 2015 để tổng hợp trình Ủy ban nhân dân tỉnh.
Đề nghị các đơn vị thực hiện./.

"""

# (Nơi nhận entries, the signature's lines in capitals, the signer's name, the residue under the titles)
CLOSINGS = [
    (["Như trên", "Lưu: VT, KT"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Văn An", None),
    (["Như trên", "Thường trực Tỉnh ủy (để b/c)", "Lưu: VT, NC (2b)"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
     "Trần Quốc Tuấn", "(Đã ký)"),
    (["Như trên", "Các Vụ: KH, TC", "Lưu: VT, PC"], ["TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ"], "Lê Thị Hồng Nhung",
     None),
    (["Như trên", "Lưu: VT"], ["Q. GIÁM ĐỐC"], "Phạm Minh", None),
    (["UBND các huyện, thành phố", "Lưu: VT, VX"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Hoàng Thị Mai Anh Thư",
     "(Đã ký và đóng dấu)"),
    (["Như trên", "Lưu: VT, TCCB"], ["TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "Đỗ Văn Hùng", None),
    (["Như trên", "Lưu: VT"], ["GIÁM ĐỐC"], "Vũ Đức Đam", None),
    (["Như trên", "Lưu: VT, KT"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Thị Lan", "(Đã ký)"),
    (["Như trên", "Sở Tài chính (phối hợp)", "Lưu: VT, NC (2b)"], ["PHÓ GIÁM ĐỐC", "PHỤ TRÁCH"], "Bùi Thanh Sơn", None),
    (["Bộ trưởng (để b/c)", "Lưu: VT, TCCB"], ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ", "PHÓ VỤ TRƯỞNG"],
     "Ngô Thanh Hà", None),
    (["Như trên", "Lưu: VT, KT"], ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"], "Mai Văn Tư", None),
    (["Như trên", "Ban Thường vụ Huyện ủy", "Lưu: VT"], ["TM. BAN THƯỜNG VỤ", "BÍ THƯ"], "Y Thanh Hà Niê Kđăm", None),
    (["Như trên", "Lưu: VT, TH"], ["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"], "Trịnh Văn Quyết", "(Đã ký)"),
    (["Như trên", "Lưu: VT, NC (2b)"], ["Q. CHÁNH VĂN PHÒNG"], "Lương Thị Thu", None),
    (["VPCP: BTCN, các PCN, Vụ TH (2b)", "Các sở, ban, ngành tỉnh", "Lưu: VT, TH"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
     "Đinh Văn Hùng", None),
    (["Như trên", "Lưu: VT, KT"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Trần Văn Nam", "(Đã ký)"),
    (["Như trên", "Lưu: VT, KT"], ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"], "Hà Thị Hoa", None),
]


def _entries(distribution: list[str]) -> list[str]:
    return [f"- {entry}{'.' if i == len(distribution) - 1 else ';'}" for i, entry in enumerate(distribution)]


def _cells(closing) -> tuple[list[str], list[str]]:
    distribution, titles, name, residue = closing
    return ["Nơi nhận:", *_entries(distribution)], [*titles, *([residue] if residue else []), name]


def _in_turn(closing) -> str:
    """The Nơi nhận cell, then the signature cell."""
    left, right = _cells(closing)
    return "\n".join(left) + "\n\n" + "\n".join(right) + "\n"


def _row_by_row(closing) -> str:
    """Each row of the two cells on a line, the left cell's line, a space, the right cell's."""
    left, right = _cells(closing)
    return "\n".join(" ".join(part for part in (left[i] if i < len(left) else "", right[i] if i < len(right) else "")
                              if part) for i in range(max(len(left), len(right)))) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _narrow(text: str) -> str:
    return "\n".join(part for line in text.split("\n") for part in (textwrap.wrap(line, 24) or [""]))


SHAPES = {
    "one line": lambda closing: _one_line(HEAD + _in_turn(closing)),
    "row by row": lambda closing: HEAD + _row_by_row(closing),
    "row by row on one line": lambda closing: _one_line(HEAD + _row_by_row(closing)),
    "narrow cells": lambda closing: _narrow(HEAD + _in_turn(closing)),
}


def _closing_read(text: str) -> tuple[str, str, list[str], str]:
    draft, _report = import_text(text)
    content = draft.content
    signature = content.signature
    titles = " ".join(" ".join(line.split("\n")) for line in signature.authority_lines())
    distribution = [entry.rstrip(".;") for entry in content.distribution]
    if content.archive or content.drafter_code or content.copies:
        distribution.append(archive_line(content).rstrip("."))
    return titles, signature.name, distribution, content.body


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("closing", CLOSINGS, ids=[closing[2] for closing in CLOSINGS])
def test_the_closing_is_read_in_the_shapes_copies_give_it(shape, closing):
    distribution, titles, name, _residue = closing
    read_titles, read_name, read_distribution, body = _closing_read(SHAPES[shape](closing))
    assert (read_titles, read_name) == (" ".join(titles), name)
    assert [entry.replace(" ", "") for entry in read_distribution] == [entry.replace(" ", "") for entry in distribution]
    assert name not in body and "Như trên" not in body and "Lưu" not in body and "ký" not in body


def test_a_drafters_name_after_the_lu_entry_stays_in_it_on_one_line():
    """"- Lưu: VT, CCTTHC (5). Tuấn." (the drafter's name after the copies) is the Lưu entry's, not a line of the text:
    only a signature after an entry's full stop is cut off."""
    text = _one_line(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT, CCTTHC (5). Tuấn.\n\nKT. TỔ TRƯỞNG\nTỔ PHÓ THƯỜNG TRỰC\n"
                            "Ngô Hải Phan\n")
    titles, name, distribution, body = _closing_read(text)
    assert (titles, name) == ("KT. TỔ TRƯỞNG TỔ PHÓ THƯỜNG TRỰC", "Ngô Hải Phan")
    assert distribution[-1].endswith("Tuấn") and "Tuấn" not in body


def test_a_unit_code_like_a_signing_form_in_the_lu_entry_on_one_line():
    """"- Lưu: VT, KT. KT. CHỦ TỊCH …": the first "KT." is the Lưu entry's unit (after a comma), the second opens the
    signature."""
    text = _one_line(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT, KT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n")
    titles, name, distribution, _body = _closing_read(text)
    assert (titles, name, distribution) == ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Văn An", ["Như trên", "Lưu: VT, KT"])


def test_a_signature_with_no_signing_form_after_the_last_sentence_on_one_line():
    """"… trước Đảng và Nhà nước. THỦ TƯỚNG Nguyễn Tấn Dũng": a title in capitals and a person's name ending the text."""
    text = _one_line(HEAD.replace("thực hiện./.", "thực hiện.") + "THỦ TƯỚNG\nNguyễn Tấn Dũng\n")
    titles, name, _distribution, body = _closing_read(text)
    assert (titles, name) == ("THỦ TƯỚNG", "Nguyễn Tấn Dũng") and "Dũng" not in body


def test_a_file_path_between_the_lu_entry_and_the_signature_on_one_line():
    """"- Lưu: VT,TH. TT. D\\2017\\CVUB\\uy quyen CDDH CHỦ TỊCH Lữ Văn Hùng": the path a typist left is cut off and
    dropped, the signature read after it."""
    text = _one_line(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT,TH. TT.\n\nD\\2017\\CVUB\\uy quyen CDDH\n\nCHỦ TỊCH\n"
                            "Lữ Văn Hùng\n")
    titles, name, distribution, body = _closing_read(text)
    assert (titles, name) == ("CHỦ TỊCH", "Lữ Văn Hùng")
    assert distribution[:1] == ["Như trên"] and "Lữ" not in body


def test_capitals_with_no_persons_name_after_them_are_not_taken_for_the_signer():
    """What follows the titles must read as a person's name: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bảng tổng hợp kèm theo" has
    none, so no name is read and the words stay in the draft."""
    text = _one_line(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBảng tổng hợp kèm theo\n")
    draft, report = import_text(text)
    assert draft.content.signature.name == ""
    kept = draft.content.body + draft.content.closing + " ".join(report.unrecognised)
    assert "Bảng tổng hợp kèm theo" in kept


def test_the_lu_entrys_end_wrapped_in_a_narrow_cell_stays_in_it():
    """"- Lưu: VT, CCTTHC (5)." / "Tuấn." and "- Lưu VT," / "(VX/P) T.": the entry's last word or its next units on
    the line under it, with no blank line between, are the entry's; the signature under them is not."""
    for lines, last in ((["- Lưu: VT, CCTTHC (5).", "Tuấn."], "Tuấn"), (["- Lưu VT,", "(VX/P) T."], "(VX/P) T")):
        text = HEAD + "\n".join(["Nơi nhận:", "- Như trên;", *lines, "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"])
        titles, name, distribution, body = _closing_read(text)
        assert (titles, name) == ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Văn An")
        assert distribution[-1].endswith(last) and last not in body


def test_a_name_glued_to_the_title_and_wrapped_in_a_narrow_cell():
    """"PHÓ CHỦ NHIỆMNguyễn Xuân" / "Phúc": the name's last word on the line under the title and the name's start."""
    text = HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT, QHQT (3).\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆMNguyễn Xuân\nPhúc\n"
    titles, name, _distribution, body = _closing_read(text)
    assert (titles, name) == ("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM", "Nguyễn Xuân Phúc") and "Phúc" not in body


def test_a_file_path_wrapped_in_a_narrow_cell_is_dropped_whole():
    """"d:\\2011\\CV\\SVH\\T4\\Bau" / "cho Vinh Ha Long" under the Lưu entry: the path's end (no Vietnamese letters)
    is dropped with it, with a note, and is not read into the Lưu entry."""
    text = HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT, NCTH.HH\n\nd:\\2011\\CV\\SVH\\T4\\Bau\ncho Vinh Ha Long\n\n" \
                  "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thành Lập\n"
    draft, report = import_text(text)
    assert draft.content.signature.name == "Trần Thành Lập"
    assert "Vinh Ha Long" not in archive_line(draft.content) + draft.content.body
    assert any("cho Vinh Ha Long" in note for note in report.notes)


@pytest.mark.parametrize("shape", ["as typed", "one line"])
def test_distribution_entries_typed_without_dashes(shape):
    """"Nơi nhận:" / "Như trên;" / "Lưu: VT.": each entry after the one before's ";" (an entry going on after its
    ";" in small letters stays one)."""
    text = HEAD + "Nơi nhận:\nNhư trên;\nSở Kế hoạch và Đầu tư;\ncác phòng thuộc Sở;\nLưu: VT, NS.\n\nKT. GIÁM ĐỐC\n" \
                  "PHÓ GIÁM ĐỐC\nNguyễn Văn An\n"
    titles, name, distribution, _body = _closing_read(text if shape == "as typed" else _one_line(text))
    assert (titles, name) == ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "Nguyễn Văn An")
    assert distribution == ["Như trên", "Sở Kế hoạch và Đầu tư; các phòng thuộc Sở", "Lưu: VT, NS"]


def test_a_degree_before_the_name_on_one_line_is_the_names():
    """"… PHÓ GIÁM ĐỐC TS. Nguyễn Văn An": the degree in capitals goes with the name, not with the title."""
    text = _one_line(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTS. Nguyễn Văn An\n")
    titles, name, _distribution, _body = _closing_read(text)
    assert (titles, name) == ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "TS. Nguyễn Văn An")


@pytest.mark.parametrize("titles, read", [
    (["KT. Bộ trưởng", "Thứ trưởng"], "KT. Bộ trưởng Thứ trưởng"),
    (["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"], "TM. Ủy ban nhân dân KT. Chủ tịch Phó Chủ tịch"),
    (["Giám đốc"], "Giám đốc"),
])
def test_titles_in_small_letters_on_one_line(titles, read):
    """An older letter's or a law site's titles in small letters ("KT. Bộ trưởng" / "Thứ trưởng"), run together with
    the name: the titles and the name apart, as on the page with its lines."""
    text = _one_line(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n" + "\n".join(titles) + "\nNguyễn Văn An\n")
    read_titles, name, distribution, body = _closing_read(text)
    assert (read_titles.casefold(), name, distribution) == (read.casefold(), "Nguyễn Văn An", ["Như trên", "Lưu: VT"])
    assert "Nguyễn Văn An" not in body


def test_a_digital_signatures_words_read_onto_an_entrys_row_are_dropped():
    """"- Lưu: VT. Ký bởi: Sở Tài chính" (the two cells read row by row, the stamp's words in the signature's cell):
    the entry stays, the stamp's words are dropped with a note."""
    text = HEAD + "Nơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Lưu: VT. Ký bởi: Sở Tài chính tỉnh Quảng Nam\n" \
                  "Nguyễn Văn An\n"
    _draft, report = import_text(text)
    titles, name, distribution, body = _closing_read(text)
    assert (titles, name, distribution) == ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "Nguyễn Văn An", ["Như trên", "Lưu: VT"])
    assert "Ký bởi" not in body and any("Ký bởi: Sở Tài chính" in note for note in report.notes)


@pytest.mark.parametrize("shape", ["one line", "row by row on one line"])
def test_a_mark_typed_after_the_name_on_one_line(shape):
    """"… PHÓ CHỦ TỊCH Nguyễn Văn An./.": the name with the mark after it is still the name (the mark is taken off)."""
    closing = (["Như trên", "Lưu: VT"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Văn An./.", None)
    titles, name, distribution, body = _closing_read(SHAPES[shape](closing))
    assert (titles, name, distribution) == ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Văn An", ["Như trên", "Lưu: VT"])
    assert "An./." not in body
