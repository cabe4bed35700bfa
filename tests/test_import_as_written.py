"""An imported letter prints its Nơi nhận as it was written, and a number with a year keeps the year (issue 11).

Only tuned letters are used here; the held-out letters (tests/data/corpus/heldout) are scored, never tuned against.
"""
from __future__ import annotations

from pathlib import Path

from ptdraft import api
from ptdraft.layout import distribution_entries, number_line
from ptdraft.model import Content
from tests.support.import_scoring import read_rendered
from tests.test_import_corpus_forms import _scored

_HEAD = ["ỦY BAN NHÂN DÂN", "HUYỆN AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "Số: 12/UBND-VP", "V/v họp dân", "An Phú, ngày 02 tháng 3 năm 2015", "", "Kính gửi: Các xã.", "",
         "Đề nghị các xã thực hiện./.", ""]
_SIGNER = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"]


def test_a_letter_without_nơi_nhận_prints_none():
    # tuned/02 and tuned/04 have no Nơi nhận; nothing ("Như trên", "Lưu: VT") is made up for them.
    for name in ("02", "04"):
        scores, rendered, _report = _scored(name)
        assert rendered.signature_left == [], name
        assert scores["distribution"] == 1.0 and scores["signer"] == 1.0, name
    draft, _report = api.import_text("\n".join(_HEAD + _SIGNER))
    content = draft.content
    assert content.distribution_as_written and distribution_entries(content) == []
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert not any("Nơi nhận" in line or "Như trên" in line or "Lưu" in line for line in rendered.everywhere)
    assert rendered.signature_right == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


def test_a_nơi_nhận_without_như_trên_gets_none_added():
    # tuned/07 lists its recipients after Kính gửi without "Như trên" and ends with "Lưu vp."
    _scores, rendered, _report = _scored("07")
    assert rendered.signature_left[:2] == ["Nơi nhận:", "- BT Đảng ủy, Ban TG ĐU (Báo cáo);"]
    draft, _report = api.import_text("\n".join(_HEAD + ["Nơi nhận:", "- Sở Tài chính;", "- Lưu: VT, VP.", ""] + _SIGNER))
    assert distribution_entries(draft.content) == ["Sở Tài chính;", "Lưu: VT, VP."]


def test_a_draft_not_imported_still_gets_như_trên_and_the_lưu_line():
    content = Content(recipients=("Các xã",), distribution=("Sở Tài chính",), archive=("VP",))
    assert distribution_entries(content) == ["Như trên;", "Sở Tài chính;", "Lưu: VT, VP."]
    assert distribution_entries(Content()) == ["Lưu: VT."]


def test_a_number_with_its_year_keeps_the_year():
    # tuned/04: "Số: 37/2007/QĐ-UBND" (a legal normative decision of 2007)
    scores, rendered, _report = _scored("04")
    assert scores["number"] == 1.0 and "Số: 37/2007/QĐ-UBND" in rendered.header_left
    draft, _report = api.import_file(Path(__file__).resolve().parent / "data" / "corpus" / "tuned" / "04.txt")
    content = draft.content
    assert (content.number, content.number_year, content.issuer_code, content.unit_code) == (37, 2007, "UBND", "")
    assert number_line(Content(doc_type="Quyết định", number=5, issuer_code="UBND")) == "Số: 05/QĐ-UBND"


def test_the_new_parts_survive_saving_the_draft(tmp_path):
    draft, _report = api.import_file(Path(__file__).resolve().parent / "data" / "corpus" / "tuned" / "04.txt")
    path = api.save_draft(draft, tmp_path / "qd.json")
    again = api.load_draft(path).content
    assert (again.number_year, again.distribution_as_written) == (2007, True)
    assert number_line(again) == "Số: 37/2007/QĐ-UBND" and distribution_entries(again) == []


def test_the_checker_still_reports_what_the_imported_letter_lacks():
    # Printed as written, the letter's own gaps stay findings: no Nơi nhận (tuned/02), no "Như trên" (tuned/07).
    tuned = Path(__file__).resolve().parent / "data" / "corpus" / "tuned"
    for name, rule in (("02", "element.missing"), ("07", "distribution.nhu-tren")):
        draft, _report = api.import_file(tuned / f"{name}.txt")
        assert rule in [finding.rule for finding in api.check_draft(draft)], name
