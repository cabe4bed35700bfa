"""Older and other offices' forms a new user's letters showed (issue 11, review 13): a decision titled "QUYẾT ĐỊNH
CỦA ỦY BAN NHÂN DÂN TỈNH", legal bases printed as the letter wrote them, a standing body's deputy signing "TM.",
a legal normative document's number with its year. Every letter here is written in the test.
"""
from __future__ import annotations

import dataclasses
import json

from ptdraft import api, cli
from ptdraft.layout import Para, layout, number_line

_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "------o0o------", "Số: 21/2007/QĐ-UBND", "Long Xuyên, ngày 14 tháng 5 năm 2007",
         ""]
_BASES = ["Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003",
          "Căn cứ Luật Giao thông đường bộ ngày 29 tháng 6 năm 2001;",
          "Xét đề nghị của Giám đốc Sở Giao thông vận tải tại Tờ trình số 88/TTr-SGTVT ngày 02/5/2007,"]
_REST = ["QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý bến khách ngang sông.",
         "Điều 2. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký./.", "", "Nơi nhận:", "- Như Điều 2;",
         "- Lưu: VT, KT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Hoàng Sơn"]
_SUBJECT = "Về việc ban hành Quy định quản lý bến khách ngang sông trên địa bàn tỉnh"


def _imported(title: list[str], deciding: list[str]):
    draft, report = api.import_text("\n".join(_HEAD + title + [_SUBJECT, ""] + deciding + _BASES + _REST))
    return draft.content, report


def test_a_title_naming_its_issuer_is_the_type_and_the_subject_follows():
    content, report = _imported(["QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH"], ["ỦY BAN NHÂN DÂN TỈNH AN GIANG"])
    assert (content.doc_type, content.subject) == ("Quyết định", _SUBJECT)
    assert content.deciding_authority == "ỦY BAN NHÂN DÂN TỈNH AN GIANG"
    assert content.legal_bases == tuple(_BASES)  # the title, the subject and the deciding line are not bases
    assert any("QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH" in note and "mẫu cũ" in note for note in report.notes)
    assert content.body.startswith("Điều 1. Ban hành")


def test_an_issuer_line_under_the_type_is_the_deciding_authority_when_the_letter_has_no_other():
    content, _report = _imported(["QUYẾT ĐỊNH", "CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG"], [])
    assert (content.doc_type, content.subject) == ("Quyết định", _SUBJECT)
    assert content.deciding_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG"
    assert content.legal_bases == tuple(_BASES)


def test_a_sentence_with_của_is_no_title():
    # In small letters "Quyết định của …" opens a sentence of the body, as before.
    draft, _report = api.import_text("\n".join(_HEAD[:-1] + ["V/v thực hiện Quyết định", "", "Kính gửi: Các sở.", "",
                                                           "Quyết định của Ủy ban nhân dân tỉnh về bến khách ngang sông "
                                                           "được thực hiện từ ngày 01/6/2007./.", ""]))
    assert draft.content.body.startswith("Quyết định của Ủy ban nhân dân tỉnh")


def test_the_imported_legal_bases_print_with_the_marks_the_letter_wrote():
    content, _report = _imported(["QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH"], ["ỦY BAN NHÂN DÂN TỈNH AN GIANG"])
    printed = [" ".join(b.text.split()) for b in layout(content).blocks
               if isinstance(b, Para) and b.ref == "legal_bases"]
    assert printed == _BASES  # no ";" added to the first, the last keeps its ",": none turned into "."


def test_a_new_drafts_legal_bases_still_get_the_decrees_marks():
    draft = api.new_draft(api.get_template("quyet-dinh"))
    content = dataclasses.replace(draft.content, legal_bases=("Căn cứ Luật A", "Căn cứ Luật B"))
    printed = [b.text for b in layout(content).blocks if isinstance(b, Para) and b.ref == "legal_bases"]
    assert printed == ["Căn cứ Luật A;", "Căn cứ Luật B."]


_TB = ["HỘI ĐỒNG NHÂN DÂN", "TỈNH AN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
       "Số: 45/TB-HĐND", "An Giang, ngày 04 tháng 6 năm 2024", "", "THÔNG BÁO",
       "Kết luận của Thường trực HĐND tỉnh tại phiên họp tháng 6 năm 2024", "",
       "Thường trực HĐND tỉnh thống nhất tổ chức kỳ họp thứ 18 trong 02 ngày.",
       "Thường trực HĐND tỉnh thông báo để các cơ quan biết, thực hiện./.", "", "Nơi nhận:", "- UBND tỉnh;",
       "- Lưu: VT."]


def _render(tmp_path, signature: list[str], capsys) -> tuple[int, str]:
    source = tmp_path / "tb.txt"
    source.write_text("\n".join(_TB + signature), encoding="utf-8")
    assert cli.main(["import", str(source), "-o", str(tmp_path / "tb.json")]) == 0
    capsys.readouterr()
    code = cli.main(["render", str(tmp_path / "tb.json"), "-o", str(tmp_path / "tb.docx")])
    return code, capsys.readouterr().err


def test_the_standing_committees_deputy_signing_tm_renders(tmp_path, capsys):
    code, err = _render(tmp_path, ["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH", "", "Lâm Thị Hương"], capsys)
    assert (code, err) == (0, "")
    assert cli.main(["check", "--json", str(tmp_path / "tb.docx")]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_a_party_letters_deputy_secretary_signing_t_m_renders(tmp_path, capsys):
    code, err = _render(tmp_path, ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Trần Văn Hải"], capsys)
    assert (code, err) == (0, "")


def test_a_committees_deputy_signing_tm_alone_is_still_refused(tmp_path, capsys):
    code, err = _render(tmp_path, ["TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "", "Lâm Thị Hương"], capsys)
    assert code == 2 and "không ký \"TM.\" một mình" in err and not (tmp_path / "tb.docx").exists()


def test_an_imported_decision_with_its_year_checks_clean_of_number_form(tmp_path, capsys):
    source = tmp_path / "qd.txt"
    source.write_text("\n".join(_HEAD + ["QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH", _SUBJECT, "",
                                         "ỦY BAN NHÂN DÂN TỈNH AN GIANG"] + _BASES + _REST), encoding="utf-8")
    assert cli.main(["import", str(source), "-o", str(tmp_path / "qd.json")]) == 0
    assert cli.main(["render", str(tmp_path / "qd.json"), "-o", str(tmp_path / "qd.docx")]) == 0
    capsys.readouterr()
    cli.main(["check", "--json", str(tmp_path / "qd.docx")])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert "number.form" not in [f["rule"] for f in findings], findings


def test_a_party_letters_title_is_no_authority_and_its_number_is_kept():
    text = ["ĐẢNG ỦY XÃ", "TÂN PHÚ", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Phú, ngày 12 tháng 4 năm 2024",
            "Số 17-TB/ĐU", "", "THÔNG BÁO", "Lịch sinh hoạt chi bộ tháng 4 năm 2024", "",
            "Các chi bộ sinh hoạt thường kỳ vào ngày 05 hằng tháng./.", "", "Nơi nhận:", "- Các chi bộ;",
            "- Lưu: VT.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Lê Văn Tám"]
    draft, report = api.import_text("\n".join(text))
    content = draft.content
    assert content.authority == "ĐẢNG ỦY XÃ\nTÂN PHÚ"
    assert (content.number, content.issuer_code, content.doc_type) == (17, "ĐU", "Thông báo")
    assert number_line(content) == "Số: 17/TB-ĐU"  # the decree's form the draft prints; the letter's form in a note
    assert any("Hướng dẫn 36-HD/VPTW" in note for note in report.notes)
    assert any("17-TB/ĐU" in note for note in report.notes)
