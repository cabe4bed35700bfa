"""The printed forms of Decree 30, recognised one way (ptdraft/reference/forms.py) by the checker and the importer."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ptdraft.reference import forms

PACKAGE = Path(__file__).resolve().parent.parent / "ptdraft"


@pytest.mark.parametrize("line", [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "CỘNG HÒA XÃHỘI CHỦ NGHĨA VIỆT NAM.",
])
def test_the_national_title_in_its_spellings(line):
    assert forms.NATIONAL_TITLE_LINE.match(line) and forms.names_national_title(line)


def test_the_loose_tests_find_a_title_or_motto_written_wrong_and_the_strict_ones_do_not():
    """The checker must find a faulty title to report it; the importer must not take it for the title."""
    for cut in ("CỘNG HÒA XÃ HỘI", "XÃ HỘI CHỦ NGHĨA VIỆT NAM ***"):
        assert forms.names_national_title(cut) and not forms.NATIONAL_TITLE_LINE.match(cut)
    assert forms.names_motto("Độc lập-Tự do") and not forms.MOTTO_LINE.match("Độc lập-Tự do")
    assert forms.MOTTO_LINE.match("Độc lập - Tự do - Hạnh phúc.") and forms.MOTTO_IN.search("GIANG Độc lập – Tự do – Hạnh phúc")
    assert not forms.names_national_title("Ủy ban nhân dân tỉnh") and not forms.names_motto("Tự do đi lại")


def test_number_subject_and_place_date_lines():
    found = forms.NUMBER_LINE.match("Số: 125/SNV-CCVC")
    assert found and (found["n"], found["symbol"]) == ("125", "SNV-CCVC")
    assert forms.NUMBER_LINE.match("Số:   /UBND-VP")["n"] == ""
    assert forms.NUMBER_LINE.match("Số lượng công chức: 12/15 người") is None
    assert forms.SUBJECT_LINE.match("V/v báo cáo số lượng")["rest"] == "báo cáo số lượng"
    assert forms.SUBJECT_LINE.match("V/V: tổ chức hội nghị")["rest"] == "tổ chức hội nghị"
    assert forms.SUBJECT_LINE.match("v/v tổ chức") is None  # the importer reads the printed form only
    assert re.match(rf"^{forms.SUBJECT_WORD}\b", "v/v tổ chức", re.I)  # the checker finds any case, to judge it
    date = forms.PLACE_DATE.match("Quảng Trị, ngày 05 tháng 3 năm 2026")
    assert (date["place"], date["d"], date["m"], date["y"]) == ("Quảng Trị", "05", "3", "2026")
    assert forms.PLACE_DATE.match("Hà Nội, ngày 22/02/2006")["y2"] == "2006"


def test_symbol_groups_may_end_in_a_units_digits():
    """Công an and army units are numbered: "PC08-ĐTTNGT", "C08-P3", "PV01-TH" are symbols; a space, a lower-case
    group or digits before the letters are not."""
    for symbol in ("PC08-ĐTTNGT", "C08-P3", "PV01-TH", "QĐ-UBND", "UBND-VP", "TTr-SNV"):
        assert forms.SYMBOL.match(symbol), symbol
    for symbol in ("SNV - CCHC", "UBND-vp", "08PC-ĐTTNGT", "UBND", "PC08"):
        assert forms.SYMBOL.match(symbol) is None, symbol


@pytest.mark.parametrize("line, mode", [
    ("TM. ỦY BAN NHÂN DÂN", "TM"), ("KT. CHỦ TỊCH", "KT"), ("TL. BỘ TRƯỞNG", "TL"), ("TUQ. GIÁM ĐỐC", "TUQ"),
    ("Q. CHÁNH VĂN PHÒNG", "Q"), ("T/M UỶ BAN NHÂN DÂN", "T/M"), ("K.T CHỦ TỊCH", "K.T"), ("KT BỘ TRƯỞNG", "KT"),
])
def test_signing_forms_as_letters_print_them(line, mode):
    found = forms.SIGNING_FORM.match(line)
    assert found and (found["mode"] or found["old"] or found["bare"]) == mode
    assert forms.SIGNING_PREFIX.match(line) and forms.SIGNING_START.match(line)


def test_capitals_after_a_bare_prefix_are_no_signing_form():
    assert forms.SIGNING_FORM.match("TM NGƯỜI LAO ĐỘNG") is None
    assert forms.SIGNING_PREFIX.match("KT CHỦ TỊCH")["sep"] == " "  # the checker reports the missing dot


@pytest.mark.parametrize("text", ["(Đã ký)", "[đã ký]", "Đã ký và đóng dấu", "(Chữ ký, dấu)", "Ký tên",
                                  "(Ký tên, đóng dấu)", "Ký, ghi rõ họ tên", "da ky"])
def test_signature_marks(text):
    assert forms.SIGNED.match(text)


def test_a_digital_signatures_printed_words():
    for text in ("Ký bởi: Ủy ban nhân dân phường Bến Nghé", "Người ký: Sở Nội vụ", "Thời gian ký: 10.10.2023 09:15:22",
                 "Email: vanthu@hanoi.gov.vn", "Cơ quan: Ủy ban nhân dân tỉnh"):
        assert forms.E_SIGNATURE.match(text), text
    for text in ("Nguyễn Thị Bé Hai", "KT. CHỦ TỊCH", "Cơ quan chủ trì thực hiện"):
        assert forms.E_SIGNATURE.match(text) is None, text


def test_a_name_or_title_is_no_signature_mark():
    for text in ("Trần Thị Minh Hà", "PHÓ GIÁM ĐỐC", "Ký kết hợp đồng"):
        assert forms.SIGNED.match(text) is None


def test_typed_rules():
    for rule in ("-------", "*****", "---o0o---", "_______", "-----   ----------", "| ------ | ------- |"):
        assert forms.RULE_LINE.match(rule), rule
    assert forms.is_rule_line("………………") and not forms.RULE_LINE.match("………………")  # a blank to fill in stays text
    assert not forms.is_rule_line("- Như trên;") and not forms.RULE_LINE.match("- Như trên;")


_FORM_WORDS = re.compile(r"CỘNG\\s\+H|CHỦ\\s\+NGHĨA|Độc\\s\+lập|Kính\\s\+gửi|Nơi\\s\+nhận|\(\?:Số\|SỐ\)|V/v\|V/V|đã\\s\+ký\(")


def _regex_sources(path: Path) -> list[str]:
    """The literal text of every pattern ``re.compile`` is given in a module (the constant parts of an f-string)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "compile" and node.args:
            out.append("".join(part.value for part in ast.walk(node.args[0])
                               if isinstance(part, ast.Constant) and isinstance(part.value, str)))
    return out


def test_the_checker_and_the_importer_write_no_form_of_their_own():
    """The national title, the motto, Kính gửi, Nơi nhận, "Số", "V/v" and "(Đã ký)" are written as patterns only in
    ptdraft/reference/forms.py: the checker and the importer compile none of their own."""
    own = {}
    for folder in ("checker", "importer"):
        for path in (PACKAGE / folder).glob("*.py"):
            found = [source for source in _regex_sources(path) if _FORM_WORDS.search(source)]
            if found:
                own[path.name] = found
    assert own == {}
    assert any(_FORM_WORDS.search(source) for source in _regex_sources(PACKAGE / "reference" / "forms.py"))
