"""File → Office information… (issue 12.4, 12.5): the province and commune from the 2025 list, the header forms
shown as the clerk types, and the next new draft starting from what was saved."""
from __future__ import annotations


from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from ptdraft import api
from tests.support.gui import ScriptedPrompts


def _dialog(make_window):
    prompts = ScriptedPrompts()
    window = make_window(prompts=prompts)
    window.sending.office_action.trigger()
    return window, window.sending.office_dialog, prompts


def test_the_commune_list_follows_the_province_and_the_forms_show(make_window, library_db, qtbot):
    _window, dialog, _prompts = _dialog(make_window)
    assert "Chọn tỉnh" in dialog.forms.text()
    dialog.edits["tinh"].setText("Quảng Trị")
    communes = [dialog.edits["xa"].itemText(i) for i in range(dialog.edits["xa"].count())]
    assert "Xã Triệu Phong" in communes and "Phường Ba Đình" not in communes
    assert 50 < len(communes) < 200  # one province's communes, not the whole country's 3,321
    dialog.edits["xa"].setText("Xã Triệu Phong")
    text = dialog.forms.text()
    assert "ỦY BAN NHÂN DÂN / XÃ TRIỆU PHONG" in text and "UBND XÃ TRIỆU PHONG" in text
    assert "Địa danh: Triệu Phong" in text


def test_saved_profile_fills_the_next_new_draft(make_window, library_db, qtbot):
    window, dialog, prompts = _dialog(make_window)
    dialog.edits["tinh"].setText("quảng trị")
    dialog.edits["xa"].setText("triệu phong")
    dialog.edits["nguoi_ky"].setText("Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch\nLê Thị Hoa; Chủ tịch")
    dialog.edits["ky_hieu_don_vi"].setText("VP, KT")
    window.guard(dialog.save)
    assert dialog.message.text() == ""
    assert dialog.edits["xa"].text() == "Xã Triệu Phong" and dialog.edits["tinh"].text() == "Quảng Trị"
    prompts.answers["choose_template"] = ("template", api.get_template("cong-van-chung"))
    window.new_document()
    values = window.state.draft.values
    assert values["co_quan"] == "ỦY BAN NHÂN DÂN\nXÃ TRIỆU PHONG" and values["dia_danh"] == "Triệu Phong"
    assert (values["nguoi_ky"], values["ky_hieu_don_vi"]) == ("Trần Văn Bình", "VP")


def test_a_bad_signer_is_shown_in_the_dialog_and_nothing_is_saved(make_window, library_db, qtbot):
    window, dialog, prompts = _dialog(make_window)
    dialog.edits["nguoi_ky"].setText("trần văn bình; Chủ tịch")
    window.guard(dialog.save)
    assert "Người ký, dòng 1" in dialog.message.text() and prompts.calls["error"]
    assert api.office_profile() == {}


def test_the_wheel_does_not_change_an_unfocused_province(make_window, library_db, qtbot):
    _window, dialog, _prompts = _dialog(make_window)
    box = dialog.edits["tinh"]
    box.setText("")
    dialog.edits["dia_chi"].setFocus()
    QApplication.processEvents()
    assert not box.hasFocus()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(box.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(box, wheel)
    assert box.text() == "" and box.currentIndex() == 0
