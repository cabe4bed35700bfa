"""Header and footer forms found in the tuned corpus (tests/data/corpus/tuned, issue 11 point 3), each read right.

Only tuned letters are used here; the held-out letters (tests/data/corpus/heldout) are scored, never tuned against.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ptdraft import api
from tests.support.import_scoring import read_rendered, score_rendered

TUNED = Path(__file__).resolve().parent / "data" / "corpus" / "tuned"


def _scored(name: str) -> tuple[dict[str, float], object, object]:
    draft, report = api.import_file(TUNED / f"{name}.txt")
    annotation = json.loads((TUNED / f"{name}.json").read_text(encoding="utf-8"))
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    return score_rendered(annotation, rendered), rendered, report


def test_cells_joined_by_a_bar_are_split_in_the_header_and_the_footer():
    # "------- | CỘNG HÒA …", "Số: 12/NQ-CP | Hà Nội, ngày …", "- Lưu: … | TM. CHÍNH PHỦ" (a website's table cells)
    scores, rendered, _report = _scored("01")
    for part in ("authority", "number", "place_date", "national_title", "subject", "signer"):
        assert scores[part] == 1.0, part
    assert rendered.signature_right == ["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Phạm Minh Chính"]
    assert not any("|" in line for line in rendered.everywhere)


def test_what_a_website_prints_above_the_header_is_dropped_with_a_note():
    # tuned/07: the post's date and title above "ỦY BAN NHÂN DÂN / XÃ GIA PHỐ"; tuned/09: "</xml" above merged columns
    for name, dropped in (("07", "25-09-2018 - 11:06"), ("09", "</xml")):
        scores, rendered, report = _scored(name)
        for part in ("authority", "number", "place_date", "national_title", "subject"):
            assert scores[part] == 1.0, (name, part)
        assert not any(dropped in line for line in rendered.everywhere), name
        assert any(dropped in note for note in report.notes), name


def test_a_page_marker_and_a_drawing_name_glued_to_a_line_are_cut_off():
    text = "\n".join([
        "Ô tô nhanh, giá rẻ: tải về 12 Kb", "Trang 1ỦY BAN NHÂN DÂN", "XÃ AN BÌNH",
        "straight connector 2Số: 15/UBND", "V/v họp dân", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "straight connector 1Độc lập - Tự do - Hạnh phúc", "An Bình, ngày 02 tháng 3 năm 2015", "",
        "Kính gửi: Các thôn.", "", "Đề nghị các thôn họp dân đúng ngày./.", "", "Nơi nhận:", "- Như trên;",
        "- Lưu: VT.", "", "CHỦ TỊCH", "", "Nguyễn Văn An", "", ". . . . .",
    ])
    draft, report = api.import_text(text)
    content = draft.content
    assert (content.authority, content.number, content.subject) == ("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", 15, "họp dân")
    assert content.place == "An Bình" and content.signature.name == "Nguyễn Văn An"
    assert content.body == "Đề nghị các thôn họp dân đúng ngày./."
    assert any("Trang 1" in note for note in report.notes)
    assert any("straight connector 2" in note for note in report.notes)
    assert any("tải về 12 Kb" in note for note in report.notes)
    assert any(". . . . ." in note for note in report.notes)


def test_nơi_nhận_and_signature_read_row_by_row_are_taken_apart():
    # tuned/06: "Nơi nhận: / TM. ỦY BAN NHÂN DÂN / - Như trên; / KT. CHỦ TỊCH / - Lưu: VT. / PHÓ CHỦ TỊCH / … name"
    scores, rendered, _report = _scored("06")
    assert scores["signer"] == 1.0 and scores["distribution"] == 1.0
    assert rendered.signature_right == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Tùng"]
    # tuned/10: the same from a Word file, with two entries on one line and the name glued to the title
    scores, rendered, _report = _scored("10")
    assert scores["signer"] == 1.0
    assert rendered.signature_left[-2:] == ["- Phòng VX;", "- Lưu: VT, (VX/P) T."]


def test_a_number_typed_with_gaps_and_a_type_code_in_capitals_read_as_the_symbol():
    for name, number in (("07", "Số: 111/CV-UBND"), ("12", "Số: 1755/VPCP-V.I"), ("06", "Số: 211/TTr-UBND")):
        _scores, rendered, _report = _scored(name)
        assert number in rendered.header_left, name


def test_a_subject_going_on_after_a_converter_s_blank_lines_and_the_site_s_lines_under_the_letter():
    scores, rendered, report = _scored("10")
    assert scores["subject"] == 1.0 and scores["body"] == 1.0
    assert not any("hocday" in line or "Quê hương" in line for line in rendered.everywhere)
    assert any("©hocday.com" in note for note in report.notes)


def test_a_lưu_line_that_does_not_read_in_the_decree_s_form_is_kept_as_written():
    # tuned/07 "Lưu vp." (no VT), tuned/17 "Lưu: VT, QHQT (3).15" (count before the typist's code): the decree's
    # form would add a word or move one, so the line prints as the letter wrote it, and the report says so.
    for name, line in (("07", "- Lưu vp."), ("17", "- Lưu: VT, QHQT (3).15.")):
        scores, rendered, report = _scored(name)
        assert rendered.signature_left[-1] == line, name
        assert any("giữ nguyên như văn bản viết" in note for note in report.notes), name
    # A line that reads in the form keeps its parts, and prints in the decree's form ("CN. pvc" -> "CN, pvc").
    draft, report = api.import_text("\n".join([
        "BỘ CÔNG THƯƠNG", "Số: 12/BCT-CN", "V/v báo cáo", "Hà Nội, ngày 02 tháng 3 năm 2015", "",
        "Kính gửi: Sở Công Thương.", "", "Đề nghị Sở báo cáo trước ngày 15./.", "", "Nơi nhận:", "- Như trên;",
        "- Lưu: VT, CN. pvc.", "", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Nguyễn Văn An",
    ]))
    assert (draft.content.archive, draft.content.drafter_code) == (("CN",), "pvc")
    assert draft.content.distribution == ("Như trên",)


def test_a_nơi_nhận_line_as_trên_with_a_note_is_the_như_trên_line():
    # tuned/10: "- Như trên (kèm QĐ số 468);" stands for "Như trên"; no second "- Như trên;" is printed above it.
    scores, rendered, _report = _scored("10")
    assert scores["distribution"] == 1.0
    assert sum(1 for line in rendered.signature_left if line.startswith("- Như trên")) == 1


def test_a_web_page_s_widgets_under_the_signature_are_dropped_with_a_note():
    # tuned/22 (hoatieu.vn): "Đánh giá bài viết / 1 38 / 0 Bình luận / Sắp xếp theo" under the signer's name.
    scores, rendered, report = _scored("22")
    assert scores["body"] == 1.0
    assert not any("Bình luận" in line or "Đánh giá" in line for line in rendered.everywhere)
    assert any("Đánh giá bài viết" in note for note in report.notes)
    assert rendered.flow[-1].endswith("thực hiện./.")


_HEADER = ["ỦY BAN NHÂN DÂN", "HUYỆN AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Số: 12/UBND-VP", "V/v họp dân", "An Phú, ngày 02 tháng 3 năm 2015"]
_UP_TO_CLOSE = ["", "Kính gửi: Các xã.", "", "Đề nghị các xã thực hiện./.", ""]
_LETTER_END = ["", "Kính gửi: Các xã.", "", "Đề nghị các xã thực hiện./.", "", "Nơi nhận:", "- Như trên;",
               "- Lưu: VT.", "", "CHỦ TỊCH", "", "Nguyễn Văn An"]


@pytest.mark.parametrize("header", [
    # the national title wrapped in its cell, under the authority or before it (right column first)
    ["ỦY BAN NHÂN DÂN", "HUYỆN AN PHÚ", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
     "Số: 12/UBND-VP", "V/v họp dân", "An Phú, ngày 02 tháng 3 năm 2015"],
    ["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN", "HUYỆN AN PHÚ",
     "Số: 12/UBND-VP", "V/v họp dân", "An Phú, ngày 02 tháng 3 năm 2015"],
    # the same with each half merged with a line of the left column, and both rules typed on one line
    ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI", "HUYỆN AN PHÚ CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
     "---o0o---      -----------", "Số: 12/UBND-VP An Phú, ngày 02 tháng 3 năm 2015", "V/v họp dân"],
])
def test_a_wrapped_national_title_and_two_rules_on_a_line_are_read_as_the_header(header):
    draft, report = api.import_text("\n".join(header + _LETTER_END))
    content = draft.content
    assert (content.authority, content.parent_authority) == ("ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ", "")
    assert (content.number, content.issuer_code, content.unit_code) == (12, "UBND", "VP")
    assert (content.place, content.date.isoformat(), content.subject) == ("An Phú", "2015-03-02", "họp dân")
    assert content.recipients == ("Các xã.",) and content.body == "Đề nghị các xã thực hiện./."
    assert not any(word in content.body for word in ("CỘNG", "NGHĨA", "o0o", "Số:"))


@pytest.mark.parametrize("signature", [
    ["CHỦ TỊCH", "(Đ", "ã ký)", "Nguyễn Văn An"],  # "(Đã ký)" broken over two lines by a converter
    ["CHỦ TỊCH(Đã ký)", "", "Nguyễn Văn An"],  # glued to the title
    ["CHỦ TỊCH [đã ký]", "Nguyễn Văn An"],
    ["CHỦ TỊCH", "(Đã ký)Nguyễn Văn An"],  # glued to the name
    ["CHỦ TỊCH", "Đã ký: Nguyễn Văn An"],
    # an e-signature stamp's fields between the title and the name
    ["CHỦ TỊCH", "Người ký: Nguyễn Văn An", "Email: an@anphu.gov.vn", "Cơ quan: UBND huyện An Phú",
     "Thời gian ký: 02.03.2015 09:12:00 +07:00", "Nguyễn Văn An"],
])
def test_signature_residue_broken_or_glued_is_dropped_with_a_note(signature):
    head = _HEADER
    draft, report = api.import_text("\n".join(head + _LETTER_END[:-3] + [""] + signature))
    content = draft.content
    assert (content.signature.position, content.signature.name) == ("CHỦ TỊCH", "Nguyễn Văn An")
    assert content.body == "Đề nghị các xã thực hiện./." and content.close == "./."
    assert any("ký" in note and ("khối chữ ký" in note or "chữ ký số" in note) for note in report.notes)


def test_an_email_line_of_the_letter_itself_is_kept():
    # "Email: …" is e-signature residue only beside the stamp's signing lines; the letter's contact line stays.
    text = _HEADER + ["", "Kính gửi: Các xã.", "", "Mọi chi tiết xin liên hệ Văn phòng.", "Email: vp@anphu.gov.vn"] + \
        _LETTER_END[2:]
    draft, _report = api.import_text("\n".join(text))
    assert "Email: vp@anphu.gov.vn" in draft.content.body


@pytest.mark.parametrize("lines", [
    ["Số:554/UBND-KT", "Long Xuyên, ngày 22/02/2006"],  # an older letter's date in figures
    ["Số: 554/UBND-KT Long Xuyên, ngày 22-2-2006"],  # merged with the number line
])
def test_a_date_written_in_figures_is_the_place_date_line(lines):
    head = ["UBND TỈNH AN GIANG", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    draft, _report = api.import_text("\n".join(head + lines + ["V/v treo cờ"] + _LETTER_END))
    content = draft.content
    assert (content.number, content.place, content.date.isoformat(), content.subject) == (
        554, "Long Xuyên", "2006-02-22", "treo cờ")
    assert content.body == "Đề nghị các xã thực hiện./."


@pytest.mark.parametrize("footer, entries", [
    # the two cells read row by row with one space between them, as a plain text copy joins them
    (["Nơi nhận: KT. CHỦ TỊCH", "- Như trên; PHÓ CHỦ TỊCH", "- Lưu: VT.", "", "Nguyễn Văn An"], ("Như trên", "Lưu: VT")),
    (["Nơi nhận:", "- Sở Tài chính;", "- Lưu: VT. KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"],
     ("Sở Tài chính", "Lưu: VT")),
    # two entries on the label's line
    (["Nơi nhận: - Sở Tài chính; - Lưu: VT.", "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"],
     ("Sở Tài chính", "Lưu: VT")),
    # capitals inside an entry are no signature
    (["Nơi nhận:", "- UBND các tỉnh: AN GIANG, KIÊN GIANG;", "- Lưu: VT.", "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
      "Nguyễn Văn An"], ("UBND các tỉnh: AN GIANG, KIÊN GIANG", "Lưu: VT")),
])
def test_nơi_nhận_and_the_signature_run_together_are_taken_apart(footer, entries):
    head = _HEADER + _UP_TO_CLOSE
    draft, _report = api.import_text("\n".join(head + footer))
    content = draft.content
    signature = content.signature
    assert (signature.head_title, signature.position, signature.name) == ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")
    assert content.distribution == entries and content.archive == ()
    assert content.body == "Đề nghị các xã thực hiện./."


@pytest.mark.parametrize("residue", ["Normal 0 false false false EN-US X-NONE X-NONE", "MicrosoftInternetExplorer4",
                                     "[image]", "<!--[if gte mso 9]><xml>"])
def test_a_converter_s_residue_between_the_header_lines_is_dropped_with_a_note(residue):
    head = ["UBND TỈNH AN GIANG", residue, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 554/UBND-KT", "Long Xuyên, ngày 22 tháng 02 năm 2006", "V/v treo cờ"]
    draft, report = api.import_text("\n".join(head + _LETTER_END))
    content = draft.content
    assert (content.authority, content.number, content.date.isoformat()) == ("UBND TỈNH AN GIANG", 554, "2006-02-22")
    assert content.body == "Đề nghị các xã thực hiện./."
    assert any(residue[:20] in note for note in report.notes)


@pytest.mark.parametrize("lines, mode, collective, head", [
    (["T/M. UBND HUYỆN", "CHỦ TỊCH"], "TM.", "UBND HUYỆN", ""),  # an older letter's "T/M", "K/T", "T/L"
    (["TM.UBND HUYỆN", "K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "TM.KT.", "UBND HUYỆN", "CHỦ TỊCH"),
    (["T/L CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "TL.", "", "CHỦ TỊCH"),
    (["K.T CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "KT.", "", "CHỦ TỊCH"),  # a typist's other ways of the same
    (["T.M UBND HUYỆN", "KT/ CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "TM.KT.", "UBND HUYỆN", "CHỦ TỊCH"),
    (["KT CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "KT.", "", "CHỦ TỊCH"),  # no dot, before a head's title
])
def test_the_older_signing_forms_are_read_as_the_decree_s(lines, mode, collective, head):
    text = _HEADER + _LETTER_END[:-3] + [""] + lines + [
            "Ksor Phước"]
    draft, _report = api.import_text("\n".join(text))
    signature = draft.content.signature
    assert (signature.mode.value, signature.collective, signature.head_title) == (mode, collective, head)
    assert (signature.position, signature.name) == (lines[-1], "Ksor Phước")
    assert draft.content.body == "Đề nghị các xã thực hiện./."


@pytest.mark.parametrize("title, motto", [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc."),  # a typist's full stop
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.", "Độc lập - Tự do - Hạnh phúc"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do - Hạnh phúc ---o0o---"),  # the rule glued to the motto
])
def test_the_national_title_and_motto_as_typists_end_them(title, motto):
    head = ["ỦY BAN NHÂN DÂN", "HUYỆN AN PHÚ", title, motto, "Số: 12/UBND-VP", "V/v họp dân",
            "An Phú, ngày 02 tháng 3 năm 2015"]
    draft, _report = api.import_text("\n".join(head + _LETTER_END))
    content = draft.content
    assert (content.authority, content.number, content.subject) == ("ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ", 12, "họp dân")
    assert content.body == "Đề nghị các xã thực hiện./."


@pytest.mark.parametrize("footer, entries", [
    (["CHỦ TỊCH", "", "Nguyễn Văn An"], ()),  # no Nơi nhận, no "TM."/"KT." line
    (["BỘ TRƯỞNG, CHỦ NHIỆM", "(Đã ký)", "Nguyễn Văn An"], ()),
    # above Nơi nhận; a bare "Lưu: VT" (no unit to keep apart) is the line as written
    (["CHỦ TỊCH", "Nguyễn Văn An", "", "Nơi nhận:", "- Sở Tài chính;", "- Lưu: VT."], ("Sở Tài chính", "Lưu: VT")),
])
def test_a_signature_without_a_signing_form_is_found_before_or_without_nơi_nhận(footer, entries):
    head = _HEADER + _UP_TO_CLOSE
    draft, _report = api.import_text("\n".join(head + footer))
    content = draft.content
    assert (content.signature.position, content.signature.name) == (footer[0], "Nguyễn Văn An")
    assert content.body == "Đề nghị các xã thực hiện./." and content.distribution == entries


def test_a_heading_in_capitals_inside_the_body_is_no_signature():
    head = _HEADER + ["", "Kính gửi: Các xã.", "", "Ý KIẾN CỦA CHỦ TỊCH", "Chủ tịch đề nghị các xã họp dân trong tháng."]
    draft, _report = api.import_text("\n".join(head + _LETTER_END[2:]))
    assert "Ý KIẾN CỦA CHỦ TỊCH" in draft.content.body
    assert (draft.content.signature.position, draft.content.signature.name) == ("CHỦ TỊCH", "Nguyễn Văn An")


@pytest.mark.parametrize("lines, place, subject", [
    (["Số: 126/TCHQ-GSQL V/v xử lý C/O mẫu E", "Hà Nội, ngày 08 tháng 01 năm 2009"], "Hà Nội", "xử lý C/O mẫu E"),
    (["Số: 126/TCHQ-GSQL", "V/v xử lý C/O mẫu E Hà Nội, ngày 08 tháng 01 năm 2009"], "Hà Nội", "xử lý C/O mẫu E"),
    (["Số: 126/TCHQ-GSQL", "V/v góp ý Luật Đất đai Thành phố Hồ Chí Minh, ngày 08 tháng 01 năm 2009"],
     "Thành phố Hồ Chí Minh", "góp ý Luật Đất đai"),
    # the subject ends in a commune's name with its kind in small letters: "xã" is the subject's, the place the name
    (["Số: 126/TCHQ-GSQL", "V/v kiểm tra hàng hóa quá cảnh trên địa bàn xã Mỹ Hòa, ngày 08 tháng 01 năm 2009"],
     "Mỹ Hòa", "kiểm tra hàng hóa quá cảnh trên địa bàn xã"),
    (["Số: 126/TCHQ-GSQL", "V/v kiểm tra hàng hóa tại thị trấn Long Thành, ngày 08 tháng 01 năm 2009"],
     "Long Thành", "kiểm tra hàng hóa tại thị trấn"),
])
def test_the_v_v_line_merged_with_the_number_or_the_date_is_cut_by_their_forms(lines, place, subject):
    head = ["BỘ TÀI CHÍNH", "TỔNG CỤC HẢI QUAN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    draft, _report = api.import_text("\n".join(head + lines + _LETTER_END))
    content = draft.content
    assert (content.number, content.issuer_code, content.unit_code) == (126, "TCHQ", "GSQL")
    assert (content.place, content.date.isoformat(), content.subject) == (place, "2009-01-08", subject)
    assert content.body == "Đề nghị các xã thực hiện./."


def test_a_lưu_line_whose_count_in_brackets_has_more_after_it_is_kept_as_written():
    # tuned/25 "- Lưu: VT, QHQT (3b).18": read as the decree's parts it would print "QHQT, 3b.18" (brackets lost).
    scores, rendered, report = _scored("25")
    assert all(value == 1.0 for value in scores.values()), scores
    assert rendered.signature_left[-1] == "- Lưu: VT, QHQT (3b).18."
    assert rendered.signature_right == ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Nguyễn Quốc Huy"]
    assert any("giữ nguyên như văn bản viết" in note for note in report.notes)


@pytest.mark.parametrize("line", [
    "Phó Chủ tịch Nguyễn Văn Phiên",  # the title in small letters before the name
    "Nguyễn Văn Phiên.",  # a mark typed after the name
    "Nguyễn Văn Phiên;",
    "Nguyễn Văn Phiên - Đã ký",  # a site's note after the name
    "Đ/c Nguyễn Văn Phiên",
])
def test_a_name_line_holding_more_than_the_name_gives_the_name_with_a_note(line):
    # tuned/28's signature block (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn Phiên) with its name line as other copies type it
    text = (TUNED / "28.txt").read_text(encoding="utf-8").replace("\nNguyễn Văn Phiên\n", f"\n{line}\n")
    draft, report = api.import_text(text)
    signature = draft.content.signature
    assert (signature.head_title, signature.position, signature.name) == ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Phiên")
    assert line not in draft.content.body
    if line != "Nguyễn Văn Phiên":
        assert any(line in note for note in report.notes)


def test_a_line_under_the_title_that_is_no_name_is_still_no_name():
    text = (TUNED / "28.txt").read_text(encoding="utf-8").replace("\nNguyễn Văn Phiên\n", "\nChủ tịch UBND huyện\n")
    draft, _report = api.import_text(text)
    assert draft.content.signature.name == ""
