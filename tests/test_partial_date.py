"""A date whose day is left blank and whose month and year are known ("Hà Nội, ngày      tháng 11 năm 2023"):
held in the draft, printed on every page that prints the place-date line, saved and loaded, read from an imported
letter, and taken by the checker as the decree's blank form (FORMAT.md §5.1)."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import json
import re

import docx
import pytest

from ptdraft import api, cli, layout
from ptdraft.checker import check_bytes, check_docx, fix_docx
from ptdraft.files import drafts
from ptdraft.importer import import_text
from ptdraft.model import Annex, Content
from ptdraft.outputs.file_names import proposed_name
from ptdraft.reference import dates
from tests.support import letter_draft
from tests.support.checker import paragraphs, set_text

BLANK_NOV = "ngày      tháng 11 năm 2023"


def _partial(draft, month, year):
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, date=None, date_month=month,
                                                                  date_year=year))


def _place_date_paragraph(data: bytes) -> str:
    """The text of the DOCX's place-date paragraph, spaces as written."""
    texts = [p.text for p in paragraphs(docx.Document(io.BytesIO(data)))]
    found = [t for t in texts if re.search(r"ngày\s.*tháng\s.*năm", t)]
    assert found, texts
    return found[0]


# -- the printed words -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("month, expected", [
    (1, "ngày      tháng 01 năm 2023"), (2, "ngày      tháng 02 năm 2023"), (3, "ngày      tháng 3 năm 2023"),
    (9, "ngày      tháng 9 năm 2023"), (11, BLANK_NOV), (None, "ngày      tháng      năm 2023"),
])
def test_the_blank_day_keeps_the_month_with_the_decrees_leading_zero(month, expected):
    """The blank day as wide as the wholly blank form; the month with a 0 before 1 and 2 only, as a whole date."""
    assert dates.date_words(None, month, 2023) == expected
    assert dates.place_date("Hà Nội", None, month, 2023) == f"Hà Nội, {expected}"
    assert dates.date_words(None) == dates.BLANK_DATE  # nothing known: the blank form as before


def test_a_whole_date_ignores_month_and_year_given_beside_it():
    assert dates.place_date("Hà Nội", _dt.date(2023, 11, 5), 2, 2020) == \
        "Hà Nội, ngày 05 tháng 11 năm 2023"


@pytest.mark.parametrize("typed, expected", [
    ("11/2023", (11, 2023)), ("11-2023", (11, 2023)), ("1.2024", (1, 2024)), ("tháng 11/2023", (11, 2023)),
    ("Tháng 11 năm 2023", (11, 2023)), ("2023", (None, 2023)), ("năm 2023", (None, 2023)),
    ("15/11/2023", None), ("", None), ("tháng 11", None),
])
def test_month_and_year_as_a_clerk_types_them(typed, expected):
    assert dates.parse_blank_day(typed) == expected
    if expected:
        assert dates.parse_blank_day(dates.blank_day_text(*expected)) == expected


@pytest.mark.parametrize("typed, reason", [("13/2023", "tháng 13"), ("1800", "năm 1800"), ("11/3000", "năm 3000")])
def test_a_month_or_year_that_cannot_be_is_refused_in_vietnamese(typed, reason):
    with pytest.raises(ValueError, match=reason):
        dates.parse_blank_day(typed)


# -- the model ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("month, year, field", [(13, 2023, "date_month"), (0, 2023, "date_month"),
                                                (11, None, "date_month"), (None, 1899, "date_year"),
                                                (None, 3000, "date_year"), (True, 2023, "date_month")])
def test_content_refuses_a_month_or_year_out_of_range(month, year, field):
    with pytest.raises(ValueError, match=f"^{field}: "):
        Content(date_month=month, date_year=year)


def test_a_whole_date_clears_the_partial_one():
    """Setting a whole date (the clerk typed the day) leaves no stale month and year beside it."""
    content = Content(date_month=11, date_year=2023)
    whole = dataclasses.replace(content, date=_dt.date(2023, 11, 20))
    assert (whole.date_month, whole.date_year) == (None, None)


# -- every page that prints the line -----------------------------------------------------------------------------------

def test_the_docx_prints_the_blank_day_with_month_and_year():
    """Rendered to DOCX and read back: the place-date paragraph holds the blank day, the month and the year."""
    draft = _partial(letter_draft(), 11, 2023)
    assert _place_date_paragraph(api.docx_bytes(draft)) == f"Quảng Trị, {BLANK_NOV}"
    year_only = _partial(letter_draft(), None, 2023)
    assert _place_date_paragraph(api.docx_bytes(year_only)) == "Quảng Trị, ngày      tháng      năm 2023"


def test_the_preview_and_the_form_show_the_same_line():
    """The page layout (the preview and its pagination draw it) and the line shown under the date field are the
    DOCX's line."""
    draft = _partial(letter_draft(), 2, 2024)
    content, pages, _errors = api.preview(draft)
    header = next(b for b in pages.blocks if isinstance(b, layout.Table) and b.name == "header")
    shown = [b.text for row in header.rows for cell in row.cells for b in cell.blocks
             if isinstance(b, layout.Para) and b.ref == "date"]
    line = "Quảng Trị, ngày      tháng 02 năm 2024"
    assert shown == [line]
    assert api.printed(content)["place_date"] == line
    assert _place_date_paragraph(api.docx_bytes(draft)) == line


def test_a_blank_day_line_prints_without_a_place():
    """No place typed: the line still prints what is known of the date (a wholly blank date and no place prints
    no line, as before)."""
    draft = dataclasses.replace(_partial(letter_draft(), 11, 2023), content=dataclasses.replace(
        _partial(letter_draft(), 11, 2023).content, place=""))
    assert _place_date_paragraph(api.docx_bytes(draft)) == BLANK_NOV


def test_an_annex_names_the_month_and_year_of_its_document():
    """The "(Kèm theo … ngày … tháng 11 năm 2023 …)" line of an appendix keeps the month and year too."""
    content = dataclasses.replace(_partial(letter_draft(), 11, 2023).content, annexes=(Annex(title="Danh sách"),))
    assert "ngày … tháng 11 năm 2023" in layout.annex_note(content)
    assert "ngày … tháng … năm …" in layout.annex_note(dataclasses.replace(content, date_year=None, date_month=None))
    electronic = dataclasses.replace(content, medium="điện tử")
    assert "ngày … tháng … năm …" in layout.annex_note(electronic)  # the electronic form: always blank (§9)


def test_the_file_name_keeps_month_and_year():
    content = _partial(letter_draft(), 11, 2023).content
    assert "-11-2023-" in proposed_name(content, "docx")
    assert "-2023-" in proposed_name(dataclasses.replace(content, date_month=None), "docx")


# -- saved drafts ------------------------------------------------------------------------------------------------------

def test_a_draft_with_a_blank_day_saves_and_loads_back(tmp_path):
    draft = _partial(letter_draft(), 11, 2023)
    path = api.save_draft(draft, tmp_path / "nhap.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["content"].get("date"), data["content"]["date_month"], data["content"]["date_year"]) == \
        (None, 11, 2023)
    loaded = api.load_draft(path)
    assert (loaded.content.date, loaded.content.date_month, loaded.content.date_year) == (None, 11, 2023)
    assert loaded.content == draft.content
    assert _place_date_paragraph(api.docx_bytes(loaded)) == f"Quảng Trị, {BLANK_NOV}"


def test_an_older_draft_without_the_new_keys_still_loads(tmp_path):
    """A file written before: no date_month or date_year; with no date it prints the blank form as it did."""
    data = drafts.draft_to_dict(letter_draft())
    data["content"].pop("date", None)
    assert "date_month" not in data["content"] and "date_year" not in data["content"]
    path = tmp_path / "cu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = api.load_draft(path)
    assert (loaded.content.date, loaded.content.date_month, loaded.content.date_year) == (None, None, None)


@pytest.mark.parametrize("changes, named", [
    ({"date_month": 13, "date_year": 2023}, "content.date_month"),
    ({"date_month": 11}, "content.date_month"),
    ({"date_year": 1800}, "content.date_year"),
    ({"date_month": "11", "date_year": 2023}, "content.date_month"),
])
def test_a_bad_month_or_year_in_a_file_is_named_without_a_traceback(tmp_path, capsys, changes, named):
    data = drafts.draft_to_dict(letter_draft())
    data["content"].pop("date", None)
    data["content"].update(changes)
    path = tmp_path / "hong.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["render", str(path), "-o", str(tmp_path / "out.docx")]) == 2
    err = capsys.readouterr().err
    assert named in err and "hong.json" in err and "Traceback" not in err
    assert not (tmp_path / "out.docx").exists()


def test_saving_as_a_template_leaves_the_drafts_month_and_year_out():
    """A template made from a draft with the day blank carries no month and year of that one draft."""
    from ptdraft.templating.save_as_template import template_from_draft

    text = template_from_draft(_partial(letter_draft(), 11, 2023), "thu-thang", "Thử", {})
    assert "date_month" not in text and "date_year" not in text and "2023" not in text.split("[content]")[-1]


# -- imported letters --------------------------------------------------------------------------------------------------

LETTER = ("UBND TỈNH QUẢNG TRỊ\nSỞ GIAO THÔNG VẬN TẢI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Số:     /SGTVT-QLGT\nV/v phân luồng giao thông\nQuảng Trị, {date}\n\n"
          "Kính gửi: Công an tỉnh.\n\n"
          "Sở Giao thông vận tải đề nghị các đơn vị phối hợp thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
          "GIÁM ĐỐC\n\nLê Văn An\n")


@pytest.mark.parametrize("written, month, year, printed", [
    ("ngày … tháng 11 năm 2023", 11, 2023, BLANK_NOV),
    ("ngày .... tháng 11 năm 2023", 11, 2023, BLANK_NOV),
    ("ngày ___ tháng 02 năm 2024", 2, 2024, "ngày      tháng 02 năm 2024"),
    ("ngày    tháng   năm 2023", None, 2023, "ngày      tháng      năm 2023"),
    ("ngày ... tháng ... năm 2023", None, 2023, "ngày      tháng      năm 2023"),
])
def test_an_imported_blank_day_keeps_month_and_year_into_the_docx(written, month, year, printed):
    draft, report = import_text(LETTER.format(date=written))
    content = draft.content
    assert (content.place, content.date, content.date_month, content.date_year) == ("Quảng Trị", None, month, year)
    assert any("còn để trống" in note and "để trống ngày" in note for note in report.notes), report.notes
    assert _place_date_paragraph(api.docx_bytes(draft)) == f"Quảng Trị, {printed}"


def test_an_imported_blank_day_survives_saving_and_loading(tmp_path):
    draft, _report = import_text(LETTER.format(date="ngày … tháng 11 năm 2023"))
    loaded = api.load_draft(api.save_draft(draft, tmp_path / "nhap.json"))
    assert (loaded.content.date_month, loaded.content.date_year) == (11, 2023)


def test_a_word_letter_with_a_blank_day_is_read_so(tmp_path):
    """The same letter typed in Word (the date in the header's right cell) imports with its month and year."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "UBND TỈNH QUẢNG TRỊ\nSỞ GIAO THÔNG VẬN TẢI"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số:      /SGTVT-QLGT\nV/v phân luồng giao thông"
    table.cell(1, 1).text = "Quảng Trị, ngày      tháng 11 năm 2023"
    for text in ("Kính gửi: Công an tỉnh.", "Sở Giao thông vận tải đề nghị các đơn vị phối hợp thực hiện./.",
                 "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Lê Văn An"):
        document.add_paragraph(text)
    path = tmp_path / "thu.docx"
    document.save(path)
    draft, _report = api.import_file(path)
    assert (draft.content.date, draft.content.date_month, draft.content.date_year) == (None, 11, 2023)


def test_the_place_date_form_reads_a_blank_day_of_spaces_or_dots():
    from ptdraft.reference import forms

    for line, month in (("Hà Nội, ngày … tháng 11 năm 2023", "11"), ("Hà Nội, ngày .... tháng 11 năm 2023", "11"),
                        ("Hà Nội, ngày      tháng 11 năm 2023", "11"), ("Hà Nội, ngày … tháng … năm 2023", None)):
        found = forms.PLACE_DATE.match(line)
        assert found and (found["place"], found["d"], found["m"], found["y"]) == ("Hà Nội", None, month, "2023"), line
    assert forms.PLACE_DATE.match("Hà Nội, ngày … tháng … năm …") is None  # no year: not read as a date


def test_a_whole_date_is_still_read_whole():
    content = import_text(LETTER.format(date="ngày 5 tháng 3 năm 2023"))[0].content
    assert (content.date, content.date_month, content.date_year) == (_dt.date(2023, 3, 5),
                                                                     None, None)


# -- the checker -------------------------------------------------------------------------------------------------------

def test_a_docx_with_a_blank_day_is_no_finding_of_the_date():
    """ptdraft's own DOCX with the day blank checks clean, as the wholly blank date does."""
    for month in (11, 2, None):
        assert check_bytes(api.docx_bytes(_partial(letter_draft(), month, 2023))) == []


@pytest.mark.parametrize("line", ["Quảng Trị, ngày … tháng 11 năm 2023", "Quảng Trị, ngày ..... tháng 6 năm 2023",
                                  "Quảng Trị, ngày tháng 01 năm 2024"])
def test_blank_days_written_by_hand_pass(line):
    document = docx.Document(io.BytesIO(api.docx_bytes(letter_draft())))
    set_text(document, "Quảng Trị, ngày", line)
    out = io.BytesIO()
    document.save(out)
    assert [f for f in check_bytes(out.getvalue()) if f.rule.startswith("date.")] == []


def test_a_blank_days_month_with_a_wrong_zero_is_found_and_fixed(tmp_path):
    """"tháng 03" with the day blank is the leading-zero finding, and --fix writes the month as the decree does."""
    document = docx.Document(io.BytesIO(api.docx_bytes(letter_draft())))
    set_text(document, "Quảng Trị, ngày", "Quảng Trị, ngày      tháng 03 năm 2023")
    source, fixed = tmp_path / "sai.docx", tmp_path / "da-sua.docx"
    document.save(source)
    found = [f for f in check_docx(source) if f.rule.startswith("date.")]
    assert [(f.rule, f.box) for f in found] == [("date.leading-zero", "4")]
    assert "tháng 3 năm 2023" in found[0].fix
    fix_docx(source, fixed)
    assert [f for f in check_docx(fixed) if f.rule.startswith("date.")] == []
    assert _place_date_paragraph(fixed.read_bytes()) == "Quảng Trị, ngày      tháng 3 năm 2023"


def test_a_blank_day_before_the_2025_reform_is_dated_so():
    """A district body in a letter of "tháng 11 năm 2023" is no finding (before 1 July 2025); in "tháng 11 năm
    2025" it is, and the finding names the month."""
    def units_found(month, year):
        draft = _partial(letter_draft(), month, year)
        draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content,
                                                                       parent_authority="UBND HUYỆN TRIỆU PHONG"))
        return [f for f in check_bytes(api.docx_bytes(draft)) if f.rule.startswith("units.")]

    assert units_found(11, 2023) == [] and units_found(6, 2025) == [] and units_found(None, 2024) == []
    after = units_found(11, 2025)
    assert [f.rule for f in after] == ["units.district-level"]
    assert "tháng 11/2025" in after[0].message
