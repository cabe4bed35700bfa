"""An imported joint letter in the window: its symbol's own type group is shown, editable, and printed as written;
a new draft shows no such field."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ptdraft import api
from tests.support.gui import settle
from tests.test_import_joint import letter

NUMBER_STEP = 1


def test_the_type_group_as_written_is_shown_and_printed(make_window):
    draft, _ = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    window = make_window(draft)
    window.go_to_step(NUMBER_STEP)
    step = window.steps[NUMBER_STEP]
    settle(window)
    assert step.form.isRowVisible(step.row_widget(step.type_code))
    assert step.type_code.text() == "KHLT"
    assert step.printed_number.text() == "Số: 15/KHLT-SYT-SGDĐT"


def test_clearing_it_prints_the_decrees_abbreviation(make_window, qtbot):
    draft, _ = api.import_text(letter("SỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    window = make_window(draft)
    window.go_to_step(NUMBER_STEP)
    step = window.steps[NUMBER_STEP]
    entry = step.type_code
    entry.setFocus()
    qtbot.keyClick(entry, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(entry, Qt.Key.Key_Delete)
    qtbot.keyClick(entry, Qt.Key.Key_Tab)
    settle(window)
    assert window.state.draft.content.type_code == ""
    assert step.printed_number.text() == "Số: 15/KH-SYT-SGDĐT"


def test_a_new_draft_has_no_such_field(make_window):
    window = make_window(api.new_draft(api.get_template("giay-moi")))
    window.go_to_step(NUMBER_STEP)
    step = window.steps[NUMBER_STEP]
    assert not step.form.isRowVisible(step.row_widget(step.type_code))
