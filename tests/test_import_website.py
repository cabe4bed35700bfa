"""Headers as website copies and old letters type them (issue 11, point 3), built from the real samples.

Each real sample's header is rewritten the ways a legal-document website or a Word user lays it out (typed
rules "-------", "*****", "---o0o---" between the lines or glued to them, a "|" column separator, "Số:" alone on
its line, the right column first, both columns merged on one line); the rest of the letter is left as printed.
Imported, rendered and scored by structure (tests/support/import_scoring.py), each variant reads exactly as the
sample itself does.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ptdraft import api
from tests.support.import_scoring import read_rendered, score_file, score_rendered

REAL = Path(__file__).resolve().parent / "data" / "samples" / "real"
NAMES = ["03", "11", "12", "13", "14"]


def _parts(name: str) -> tuple[dict[str, list[str]], list[str]]:
    lines = (REAL / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    blank = lines.index("")
    head, rest = lines[:blank], lines[blank:]
    number = next(i for i, line in enumerate(head) if line.startswith("Số"))
    title = next(i for i, line in enumerate(head) if line.upper().startswith("CỘNG H"))
    return {
        "left": head[:number], "number": [head[number]], "vv": head[number + 1:title],
        "title": [head[title]], "motto": [head[title + 1]], "date": head[title + 2:],
    }, rest


def _website(p):
    return p["left"] + ["-------"] + p["title"] + p["motto"] + ["---------------"] + p["number"] + p["date"] + p["vv"]


def _asterisks(p):
    left = p["left"][:-1] + [p["left"][-1] + "*******"]
    return left + p["title"] + [p["motto"][0] + " ****************"] + p["number"] + p["vv"] + p["date"]


def _table_cells(p):
    number = p["number"][0].split(":", 1)[1].strip()
    return (p["left"] + ["-------", "|"] + p["title"] + p["motto"] + ["---------------", "|", "Số:", number, "|"]
            + p["date"] + p["vv"])


def _right_first(p):
    return p["title"] + p["motto"] + ["---o0o---"] + p["left"] + ["--------"] + p["number"] + p["vv"] + p["date"]


def _merged(p):
    left = p["left"]
    first = [f"{left[0]} {p['title'][0]}"]
    second = [f"{left[1]} {p['motto'][0]}"] + left[2:] if len(left) > 1 else p["motto"]
    return first + second + [f"{p['number'][0]} {p['date'][0]}"] + p["vv"]


VARIANTS = {"website": _website, "asterisks": _asterisks, "table-cells": _table_cells,
            "right-first": _right_first, "merged": _merged}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", NAMES)
def test_a_typed_header_reads_as_the_sample_does(tmp_path, name, variant):
    parts, rest = _parts(name)
    source = tmp_path / f"{name}.txt"
    source.write_text("\n".join(VARIANTS[variant](parts) + rest), encoding="utf-8")
    annotation = REAL / f"{name}.json"
    expected = score_file(REAL / f"{name}.txt", annotation)
    assert score_file(source, annotation) == expected


def test_typed_rules_are_dropped_with_a_note(tmp_path):
    parts, rest = _parts("03")
    source = tmp_path / "03.txt"
    source.write_text("\n".join(_website(parts) + rest), encoding="utf-8")
    draft, report = api.import_file(source)
    assert any("đường kẻ" in note for note in report.notes)
    rendered = read_rendered(api.docx_bytes(draft, strict=False))
    assert not any(set(line) <= set("-*| ") for line in rendered.everywhere)
    ann = json.loads((REAL / "03.json").read_text(encoding="utf-8"))
    assert score_rendered(ann, rendered)["body"] == 1.0


def _sample_03_with(edit) -> str:
    text = (REAL / "03.txt").read_text(encoding="utf-8")
    return edit(text)


def _import_text(tmp_path, text: str):
    source = tmp_path / "letter.txt"
    source.write_text(text, encoding="utf-8")
    return api.import_file(source)


def test_signature_residue_and_page_furniture_are_dropped_with_notes(tmp_path):
    def edit(text: str) -> str:
        text = text.replace("PHÓ CHỦ NHIỆM\n\nPhạm Mạnh Cường",
                            "PHÓ CHỦ NHIỆM\n(Đã ký)\nPhạm Mạnh Cường\nD:\\2026\\cong van\\3722.doc")
        text = text.replace("     Giao các Bộ:", "Trang 1/2\nKý bởi: Văn phòng Chính phủ\n"
                            "Thời gian ký: 28.04.2026 15:49:15 +07:00\nhttps://vanban.chinhphu.vn/\n     Giao các Bộ:")
        return text

    draft, report = _import_text(tmp_path, _sample_03_with(edit))
    notes = "\n".join(report.notes)
    for dropped in ("Trang 1/2", "Ký bởi: Văn phòng Chính phủ", "Thời gian ký", "https://vanban.chinhphu.vn/",
                    "3722.doc"):
        assert dropped in notes
    ann = json.loads((REAL / "03.json").read_text(encoding="utf-8"))
    scores = score_rendered(ann, read_rendered(api.docx_bytes(draft, strict=False)))
    assert scores == score_file(REAL / "03.txt", REAL / "03.json")


def test_a_name_glued_to_the_title_is_split(tmp_path):
    draft, _report = _import_text(tmp_path, _sample_03_with(
        lambda text: text.replace("PHÓ CHỦ NHIỆM\n\nPhạm Mạnh Cường", "PHÓ CHỦ NHIỆMPhạm Mạnh Cường")))
    signature = draft.content.signature
    assert (signature.position, signature.name) == ("PHÓ CHỦ NHIỆM", "Phạm Mạnh Cường")


def test_a_signer_line_that_is_no_name_stays_in_the_text_and_is_reported(tmp_path):
    draft, report = _import_text(tmp_path, _sample_03_with(
        lambda text: text.replace("PHÓ CHỦ NHIỆM\n\nPhạm Mạnh Cường", "PHÓ CHỦ NHIỆM\n\n(Đ")))
    assert draft.content.signature.name == ""
    assert any("(Đ" in note and "họ tên" in note for note in report.notes)
    assert "(Đ" in (draft.content.closing or "") + (draft.content.body or "")
    flow = read_rendered(api.docx_bytes(draft, strict=False)).flow
    # "./." stays after the closing sentence, and is not added after the line left over.
    assert flow[-2:] == ["Văn phòng Chính phủ thông báo để các Bộ, cơ quan biết, thực hiện./.", "(Đ"]


# The Central Highlands' names ("Ksor Phước", "Y Bhim Niê") hold syllables that are no Kinh syllables.
@pytest.mark.parametrize("name", ["Phạm Mạnh Cường", "Thiếu tướng Nguyễn Văn An", "TS. Lê Thị Hồng", "Ksor Phước",
                                  "Y Bhim Niê"])
def test_personal_names_are_accepted(name):
    from ptdraft.vietnamese.names import is_personal_name

    assert is_personal_name(name)


@pytest.mark.parametrize("text", ["(Đ", "Q.Cường", "CHÁNH VĂN PHÒNGThái Hữu Phép", "Xem tiếp trang sau", "Đ",
                                  "Cổng TTĐT", "Website CP"])
def test_what_is_no_name_is_refused(text):
    from ptdraft.vietnamese.names import is_personal_name

    assert not is_personal_name(text)


def test_a_number_line_not_in_the_number_form_stays_in_the_text_and_is_reported(tmp_path):
    draft, report = _import_text(tmp_path, _sample_03_with(
        lambda text: text.replace("Số: 3722/VPCP-CN", "Số: 3722/VPCP-CN (xem tệp đính kèm)")))
    assert draft.content.number is None
    assert any("không đúng dạng số" in note for note in report.notes)
    assert draft.content.body.startswith("Số: 3722/VPCP-CN (xem tệp đính kèm)")
    # The rest of the header is still read as a header.
    assert (draft.content.place, draft.content.date.isoformat()) == ("Hà Nội", "2026-04-28")
    assert draft.content.subject.startswith("cơ chế đặc thù")
