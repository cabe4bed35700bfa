"""Dates a clerk can trust: typed dates taken exactly, impossible ones shown as errors, a Vietnamese calendar,
no value changed by the mouse wheel, times typed as 8:00 or 8h, and the window's keys from every field."""
from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QTableView

from ptdraft import api
from ptdraft.gui.widgets import DateField, typed_time
from tests.support.gui import ScriptedPrompts, settle, type_text

NUMBER_STEP = 1


def _giay_moi(make_window, prompts=None):
    return make_window(api.new_draft(api.get_template("giay-moi")), prompts=prompts)


def _retype(qtbot, entry, text: str) -> None:
    entry.setFocus()
    qtbot.keyClick(entry, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # Ctrl+A, then type over it
    type_text(entry, text)


@pytest.mark.parametrize("typed", ["15/01/2027", "15/1/2027", "15-01-2027", "15.01.2027", "15012027"])
def test_a_typed_date_is_exactly_that_date(make_window, qtbot, typed):
    window = make_window()
    window.go_to_step(NUMBER_STEP)
    field = window.steps[NUMBER_STEP].date
    _retype(qtbot, field.picker, typed)
    qtbot.keyClick(field.picker, Qt.Key.Key_Tab)
    assert window.state.draft.content.date == _dt.date(2027, 1, 15)
    assert field.error_text() == ""
    settle(window)
    assert "ngày 15 tháng 01 năm 2027" in field.printed.text()


def test_an_impossible_date_is_an_error_beside_the_field_and_changes_nothing(make_window, qtbot):
    window = make_window()
    window.go_to_step(NUMBER_STEP)
    field = window.steps[NUMBER_STEP].date
    _retype(qtbot, field.picker, "15/01/2027")
    _retype(qtbot, field.picker, "31/04/2027")
    qtbot.keyClick(field.picker, Qt.Key.Key_Tab)
    assert window.state.draft.content.date == _dt.date(2027, 1, 15)  # the last good date, not 01/05 or 30/04
    assert field.picker.text() == "31/04/2027"  # what the clerk typed stays, to be corrected
    assert "chỉ có 30 ngày" in field.error_text()
    assert "chưa được đổi" in field.error_text()
    _retype(qtbot, field.picker, "30/04/2027")
    assert window.state.draft.content.date == _dt.date(2027, 4, 30)
    assert field.error_text() == ""


def test_the_calendar_speaks_vietnamese_and_sets_the_date(make_window, qtbot):
    window = make_window()
    window.go_to_step(NUMBER_STEP)
    field = window.steps[NUMBER_STEP].date
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    locale = calendar.locale()
    assert locale.monthName(1).lower() == "tháng 1"
    assert "thứ" in locale.dayName(1).lower()  # "Thứ Hai"
    calendar.setSelectedDate(QDate(2027, 3, 9))
    qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Return)  # the day grid, where the keys go
    assert window.state.draft.content.date == _dt.date(2027, 3, 9)
    assert field.picker.text() == "09/03/2027"


def _wheel(widget, delta: int = -120) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, delta),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_field_changes_nothing_in_the_whole_window(make_window, qtbot):
    window = _giay_moi(make_window)
    template_date = next(w for w in window.findChildren(DateField) if not w.blank.isVisibleTo(w))
    _retype(qtbot, template_date.picker, "15/01/2027")
    window.steps[0].setFocus()
    before = window.state.draft
    spinners = [w for w in window.findChildren(QAbstractSpinBox) + window.findChildren(QComboBox) if w.isEnabled()]
    assert len(spinners) >= 5  # number, copies, combo boxes of marks, type, closing, signature, zoom
    for step in range(len(window.steps)):
        window.go_to_step(step)
        for widget in spinners + [d.picker for d in window.findChildren(DateField)]:
            widget.clearFocus()
            for _ in range(3):
                _wheel(widget)
    settle(window)
    assert window.state.draft == before
    assert window.state.draft.values["thoi_gian"] == "2027-01-15"
    # With the focus, the wheel still works as the clerk expects (the number spin box counts up).
    number = window.steps[NUMBER_STEP].number
    window.go_to_step(NUMBER_STEP)
    number.setFocus()
    assert number.hasFocus()
    _wheel(number, 120)
    assert window.state.draft.content.number is not None


@pytest.mark.parametrize("typed, written", [("8:00", "8 giờ 00"), ("8h", "8 giờ 00"), ("14h30", "14 giờ 30"),
                                            ("08:05", "8 giờ 05"), ("8 giờ 30", "8 giờ 30")])
def test_a_time_typed_as_digits_prints_in_words(typed, written):
    assert typed_time(typed) == written


def test_a_time_field_writes_the_typed_time_in_words(make_window, qtbot):
    window = _giay_moi(make_window)
    content = window.steps[5]
    assert content.key == "content"
    window.go_to_step(5)
    hour = content.field_widgets["gio"]
    _retype(qtbot, hour, "8:00")
    qtbot.keyClick(hour, Qt.Key.Key_Tab)
    assert hour.text() == "8 giờ 00"
    assert window.state.draft.values["gio"] == "8 giờ 00"
    assert typed_time("sáng mai") is None and typed_time("25:00") is None


def test_ctrl_e_and_ctrl_s_work_from_a_text_field(make_window, qtbot, tmp_path):
    out = tmp_path / "x.docx"
    prompts = ScriptedPrompts(export_path=out, save_path=tmp_path / "x.json", confirm_problems=True)
    window = make_window(prompts=prompts)
    window.go_to_step(NUMBER_STEP)
    place = window.steps[NUMBER_STEP].place
    place.setFocus()
    qtbot.keyClick(place, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(prompts.calls["export_path"]) == 1
    qtbot.keyClick(place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(prompts.calls["save_path"]) == 1
