"""The date field with the day left blank: typed as month/year or chosen with "Leave the day blank", shown for an
imported letter, kept through saving and exporting (tests/test_partial_date.py has the rest of the way)."""
from __future__ import annotations

import datetime as _dt
import io
import json

import docx
from PySide6.QtCore import Qt

from ptdraft import api
from tests.support.checker import paragraphs
from tests.support.gui import LETTER_JSON, ScriptedPrompts, settle, type_text

NUMBER_STEP = 1
BLANK_NOV = "ngày      tháng 11 năm 2023"


def _retype(qtbot, entry, text: str) -> None:
    entry.setFocus()
    qtbot.keyClick(entry, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(entry, text)


def _date_line(path) -> str:
    texts = [p.text for p in paragraphs(docx.Document(io.BytesIO(path.read_bytes())))]
    return next(t for t in texts if t.startswith("Quảng Trị, ngày"))


def _shown(field) -> str:
    """The printed line under the date field, its no-break spaces (which keep the blanks' width) as spaces."""
    return field.printed.text().replace("\u00a0", " ")


def _parts(content):
    return content.date, content.date_month, content.date_year


def test_month_and_year_typed_leave_the_day_blank_and_export_so(make_window, qtbot, tmp_path):
    """"11/2023" typed in the date box: the day is blank, the box says so, the form and the DOCX print
    "ngày      tháng 11 năm 2023"; the saved draft keeps the month and year."""
    out, saved = tmp_path / "thu.docx", tmp_path / "thu.json"
    prompts = ScriptedPrompts(export_path=out, save_path=saved, exported="close")
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    window.go_to_step(NUMBER_STEP)
    field = window.steps[NUMBER_STEP].date
    _retype(qtbot, field.picker, "11/2023")
    qtbot.keyClick(field.picker, Qt.Key.Key_Tab)
    assert _parts(window.state.draft.content) == (None, 11, 2023)
    assert field.blank_day.isChecked() and not field.blank.isChecked()
    assert field.error_text() == ""
    field.blank_day.click()  # unticked with no day typed: the day stays blank until one is, and the field says so
    assert _parts(window.state.draft.content) == (None, 11, 2023)
    assert field.error_text().startswith("Gõ cả ngày")
    field.blank_day.click()
    settle(window)
    assert BLANK_NOV in _shown(field)  # as wide as it prints: the spaces are kept

    window.export_action.trigger()
    assert prompts.calls["error"] == []
    assert _date_line(out) == f"Quảng Trị, {BLANK_NOV}"
    window.save_as_action.trigger()
    content = json.loads(saved.read_text(encoding="utf-8"))["content"]
    assert (content.get("date"), content["date_month"], content["date_year"]) == (None, 11, 2023)


def test_the_day_blank_box_drops_the_day_and_gives_it_back(make_window, qtbot):
    """A whole date typed, then "Leave the day blank": month and year stay; unticked, the typed day is back.
    A whole date typed over the month and year clears them."""
    window = make_window(api.load_draft(LETTER_JSON))
    window.go_to_step(NUMBER_STEP)
    field = window.steps[NUMBER_STEP].date
    _retype(qtbot, field.picker, "20/02/2024")
    assert _parts(window.state.draft.content) == (_dt.date(2024, 2, 20), None, None)
    field.blank_day.click()
    assert _parts(window.state.draft.content) == (None, 2, 2024)
    settle(window)
    assert "ngày      tháng 02 năm 2024" in _shown(field)
    field.blank_day.click()
    assert _parts(window.state.draft.content) == (_dt.date(2024, 2, 20), None, None)
    _retype(qtbot, field.picker, "2023")  # the year alone: day and month blank
    assert _parts(window.state.draft.content) == (None, None, 2023)
    field.blank.click()  # wholly blank: nothing of the date is kept in the draft, the box greys out
    assert _parts(window.state.draft.content) == (None, None, None)
    assert not field.blank_day.isEnabled() and not field.picker.isEnabled()


def test_a_month_that_cannot_be_is_an_error_and_changes_nothing(make_window, qtbot):
    window = make_window(api.load_draft(LETTER_JSON))
    window.go_to_step(NUMBER_STEP)
    field = window.steps[NUMBER_STEP].date
    before = _parts(window.state.draft.content)
    _retype(qtbot, field.picker, "13/2023")
    qtbot.keyClick(field.picker, Qt.Key.Key_Tab)
    assert _parts(window.state.draft.content) == before
    assert "tháng 13" in field.error_text()


def test_an_imported_letter_with_a_blank_day_shows_and_keeps_it(make_window, qtbot, tmp_path):
    """File → Import of a letter dated "ngày … tháng 11 năm 2023": the field shows 11/2023 with the day blank, and
    the exported DOCX prints the month and year."""
    letter = tmp_path / "thu.txt"
    letter.write_text(
        "UBND TỈNH QUẢNG TRỊ\nSỞ GIAO THÔNG VẬN TẢI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:     /SGTVT-QLGT\nV/v phân luồng giao thông\nQuảng Trị, ngày … tháng 11 năm 2023\n\n"
        "Kính gửi: Công an tỉnh.\n\nSở Giao thông vận tải đề nghị các đơn vị phối hợp thực hiện./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nLê Văn An\n", encoding="utf-8")
    out = tmp_path / "thu.docx"
    prompts = ScriptedPrompts(export_path=out, exported="close")
    window = make_window(api.blank_draft(), prompts=prompts)
    window.tools.import_path(letter)
    settle(window)
    assert _parts(window.state.draft.content) == (None, 11, 2023)
    window.go_to_step(NUMBER_STEP)
    field = window.steps[NUMBER_STEP].date
    assert field.picker.text() == "11/2023" and field.blank_day.isChecked() and not field.blank.isChecked()
    window.export_action.trigger()
    assert prompts.calls["error"] == []
    assert _date_line(out) == f"Quảng Trị, {BLANK_NOV}"
    assert _parts(window.state.draft.content) == (None, 11, 2023)


def test_a_template_date_field_takes_no_month_and_year(make_window):
    """A template's own date fields (a deadline, a meeting day) want a whole date: no day-blank box there."""
    from ptdraft.gui.widgets import DateField

    window = make_window(api.new_draft(api.get_template("giay-moi")))
    template_dates = [w for w in window.findChildren(DateField) if not w.blank.isVisibleTo(w)]
    assert template_dates
    for field in template_dates:
        assert not field.blank_day.isVisibleTo(field)
        before = field.value()
        field.picker.clear()
        type_text(field.picker, "11/2023")
        assert field.value() == before and not isinstance(field.value(), tuple)
