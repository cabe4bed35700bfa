"""Template fields sit in the step of the part that prints them; a clerk never sees template code.

Issue 10, point 1: every shipped template's steps show values, never "{{ }}" or "{% %}"; typing the agency,
number, date, subject and recipients into steps 1–5 leaves nothing missing there; a part turned into free text and
back shows the template's wording again; the exported DOCX holds what was typed.
"""
from __future__ import annotations

import datetime as _dt

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidget,
)

from ptdraft import api
from ptdraft.gui.part_editor import PartEditor
from ptdraft.gui.widgets import ListEditor
from tests.support.gui import ScriptedPrompts, settle, type_text

STEP = {"authority": 0, "number": 1, "marks": 2, "type": 3, "recipients": 4, "content": 5}
CODE = ("{{", "{%", "{#")


def _texts(widget) -> list[str]:
    """Every text a widget shows a clerk."""
    if isinstance(widget, QLineEdit):
        return [widget.text(), widget.placeholderText()]
    if isinstance(widget, QPlainTextEdit):
        return [widget.toPlainText()]
    if isinstance(widget, QTextEdit):
        return [widget.toPlainText()]
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QListWidget):
        return [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QTreeWidget):
        out = []
        stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while stack:
            node = stack.pop()
            out.extend(node.text(c) for c in range(node.columnCount()))
            stack.extend(node.child(i) for i in range(node.childCount()))
        return out
    if isinstance(widget, QComboBox):
        return [widget.currentText()] + [widget.itemText(i) for i in range(widget.count())]
    return []


def template_code_on_screen(window) -> list[tuple[str, str]]:
    """(step, text) for every widget of every step, shown or hidden, whose text holds template code."""
    found = []
    for step in window.steps:
        for widget in [step, *step.findChildren(object)]:
            for text in _texts(widget):
                if any(mark in text for mark in CODE):
                    found.append((step.title(), text[:80]))
    return found


@pytest.mark.parametrize("template_id", [t.id for t in api.list_templates()])
def test_no_step_shows_template_code(make_window, template_id):
    """A new draft of each shipped template: no box, label, list or button in any step shows "{{", "{%"."""
    window = make_window(api.new_draft(api.get_template(template_id)))
    settle(window)
    assert template_code_on_screen(window) == []
    # Each field the page prints is in the step of a part that prints it, and each field can be filled somewhere.
    shown = set()
    for step in window.steps:
        shown |= set(step.field_widgets)
    assert shown >= {f.id for f in window.state.draft.fields}


def test_fields_are_in_the_step_of_the_part_that_prints_them(make_window):
    window = make_window(api.new_draft(api.get_template("giay-moi")))
    settle(window)
    steps = window.steps
    assert {"co_quan_chu_quan", "co_quan"} <= set(steps[STEP["authority"]].field_widgets)
    assert {"ky_hieu_co_quan", "dia_danh"} <= set(steps[STEP["number"]].field_widgets)
    assert "cuoc_hop" in steps[STEP["type"]].field_widgets
    assert {"gio", "thoi_gian", "dia_diem", "thanh_phan"} <= set(steps[STEP["content"]].field_widgets)
    signature = next(s for s in steps if s.key == "signature")
    assert {"thua_lenh", "chuc_vu", "nguoi_ky"} <= set(signature.field_widgets)
    distribution = next(s for s in steps if s.key == "distribution")
    assert {"noi_nhan", "ky_hieu_luu"} <= set(distribution.field_widgets)
    # Label, help and default come with the field.
    editor = steps[STEP["authority"]].part_editors["authority"]
    label = editor.fields_form.labelForField(editor.field_widgets["co_quan"]).text()
    assert label == "Cơ quan ban hành *"
    assert "ỦY BAN NHÂN DÂN" in editor.field_widgets["co_quan"].toolTip()
    assert signature.field_widgets["chuc_vu"].text() == "CHÁNH VĂN PHÒNG"


def test_recipients_of_a_cong_van_are_entries_not_a_loop(make_window, qtbot):
    """cong-van-chung's Kính gửi is a loop over the kinh_gui field: step 5 shows that field's entries."""
    window = make_window(api.new_draft(api.get_template("cong-van-chung")))
    settle(window)
    step = window.steps[STEP["recipients"]]
    window.go_to_step(STEP["recipients"])
    entries = step.field_widgets["kinh_gui"]
    assert isinstance(entries, ListEditor)
    assert window.focusWidget() is entries.entry
    for name in ("Sở Tài chính", "Sở Xây dựng"):
        type_text(entries.entry, name)
        qtbot.keyClick(entries.entry, Qt.Key.Key_Return)
    settle(window)
    assert window.state.draft.values["kinh_gui"] == ["Sở Tài chính", "Sở Xây dựng"]
    printed = step.part_editors["recipients"].printed.toPlainText()
    assert printed == "- Sở Tài chính\n- Sở Xây dựng"
    assert template_code_on_screen(window) == []



def test_the_archive_line_shows_as_it_prints(make_window, qtbot):
    """The Lưu units from a field read "KT" (as after "Lưu: VT,"), not as a list entry "- KT"."""
    window = make_window(api.new_draft(api.get_template("giay-moi")))
    settle(window)
    step = next(s for s in window.steps if "archive" in getattr(s, "part_editors", {}))
    editor = step.part_editors["archive"]
    assert editor.from_fields
    assert editor.printed.toPlainText() == ", ".join(window.filled.archive) != ""
    assert not editor.printed.toPlainText().startswith("-")

def _retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)


def _key_type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    type_text(widget, text)


def test_typing_steps_one_to_five_leaves_nothing_missing_there(make_window, qtbot, tmp_path):
    """A clerk types the agency in step 1, the number and date in step 2, the subject in step 4 and the recipients
    in step 5, with keys only: the review panel and the export check report nothing missing for those parts, and
    the exported DOCX holds what was typed."""
    out = tmp_path / "gm.docx"
    prompts = ScriptedPrompts(export_path=out, exported="close", confirm_problems=True)
    window = make_window(api.new_draft(api.get_template("giay-moi")), prompts=prompts)
    steps = window.steps

    window.go_to_step(STEP["authority"])
    authority = steps[STEP["authority"]].field_widgets
    _key_type(qtbot, authority["co_quan_chu_quan"], "UBND TỈNH QUẢNG TRỊ")
    _key_type(qtbot, authority["co_quan"], "SỞ NỘI VỤ")

    window.go_to_step(STEP["number"])
    number = steps[STEP["number"]]
    number.number.setFocus()
    number.number.lineEdit().selectAll()
    qtbot.keyClicks(number.number.lineEdit(), "15")
    issuer = number.field_widgets["ky_hieu_co_quan"]
    issuer.setFocus()
    issuer.selectAll()
    qtbot.keyClicks(issuer, "SNV")
    _key_type(qtbot, number.field_widgets["dia_danh"], "Quảng Trị")
    number.date.picker.setFocus()
    number.date.picker.selectAll()
    qtbot.keyClicks(number.date.picker, "15/01/2027")
    qtbot.keyClick(number.date.picker, Qt.Key.Key_Tab)

    window.go_to_step(STEP["type"])
    _key_type(qtbot, steps[STEP["type"]].field_widgets["cuoc_hop"], "hội nghị triển khai chuyển đổi số")

    settle(window)
    draft = window.state.draft
    assert draft.content.number == 15
    assert draft.content.date == _dt.date(2027, 1, 15)
    filled = api.fill(draft, strict=False)
    assert filled.parent_authority == "UBND TỈNH QUẢNG TRỊ"
    assert filled.authority == "SỞ NỘI VỤ"
    assert filled.issuer_code == "SNV"
    assert filled.place == "Quảng Trị"
    assert filled.subject == "Dự hội nghị triển khai chuyển đổi số"

    # Steps 1-5 report nothing missing: not in the step list, not in the review panel, not before export.
    first_five = window.step_messages()[:5]
    assert first_five == [[], [], [], [], []], first_five
    qtbot.keyClick(window, Qt.Key.Key_F8)
    settle(window)
    panel_refs = {p.ref for p in window.problems}
    for field_id in ("co_quan", "ky_hieu_co_quan", "dia_danh", "cuoc_hop"):
        assert f"values.{field_id}" not in panel_refs
    for part in ("authority", "issuer_code", "place", "subject", "recipients"):
        assert part not in panel_refs
    missing = " | ".join(p.message for p in window.problems)
    for label in ("Cơ quan ban hành", "Địa danh", "Cuộc họp", "Chữ viết tắt tên cơ quan"):
        assert label not in missing, missing

    window.export_action.trigger()
    asked = " ".join(str(a) for call in prompts.calls["confirm_problems"] for a in call)
    for label in ("Cơ quan ban hành", "Địa danh", "Cuộc họp"):
        assert label not in asked
    assert out.is_file()
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    for typed in ("UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ", "15/GM-SNV", "Quảng Trị, ngày 15 tháng 01 năm 2027",
                  "hội nghị triển khai chuyển đổi số"):
        assert typed in text, typed


def test_typing_the_agency_as_free_text_is_not_reported_missing(make_window, qtbot):
    """The issue's clerk: the agency typed straight into step 1 (the part turned into free text) prints, and the
    field it replaced, printed nowhere now, is not "Chưa điền"."""
    window = make_window(api.new_draft(api.get_template("giay-moi")))
    step = window.steps[STEP["authority"]]
    window.go_to_step(STEP["authority"])
    editor = step.part_editors["authority"]
    qtbot.mouseClick(editor.to_free, Qt.MouseButton.LeftButton)
    settle(window)
    editor = step.part_editors["authority"]
    assert not editor.from_fields and editor.plain.isVisibleTo(step)
    _key_type(qtbot, editor.plain, "SỞ NỘI VỤ")
    settle(window)
    assert window.state.draft.content.authority == "SỞ NỘI VỤ"
    assert "values.co_quan" not in {p.ref for p in window.problems}
    assert "authority" not in {p.ref for p in window.problems}
    assert window.step_messages()[STEP["authority"]] == []


def test_free_text_and_back_restores_the_template_wording(make_window, qtbot):
    """Turning the subject into free text writes out what it prints; editing it keeps the edit; the "back"
    button puts "Dự {{ cuoc_hop }}" back, filled from the field again."""
    template = api.get_template("giay-moi")
    window = make_window(api.new_draft(template, dict(template.example)))
    window.go_to_step(STEP["type"])
    step = window.steps[STEP["type"]]
    editor = step.part_editors["subject"]
    assert editor.from_fields and editor.to_free.isVisibleTo(step) and not editor.to_template.isVisibleTo(step)
    qtbot.mouseClick(editor.to_free, Qt.MouseButton.LeftButton)
    settle(window)
    written = "Dự " + template.example["cuoc_hop"]
    assert window.state.draft.content.subject == written
    assert editor.plain.toPlainText() == written
    assert editor.to_template.isVisibleTo(step) and not editor.to_free.isVisibleTo(step)
    editor.plain.setFocus()
    qtbot.keyClick(editor.plain, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(editor.plain, " (lần 2)")
    settle(window)
    assert window.state.draft.content.subject == written + " (lần 2)"
    qtbot.mouseClick(editor.to_template, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.state.draft.content.subject == template.content.subject == "Dự {{ cuoc_hop }}"
    assert editor.from_fields and not editor.plain.isVisibleTo(step)
    assert editor.field_widgets["cuoc_hop"].text() == template.example["cuoc_hop"]
    assert template_code_on_screen(window) == []


def test_back_to_the_wording_of_an_office_library_template(make_window, qtbot, library_db):
    """A template only the office library holds (approved there, not shipped): its wording is found there."""
    from tests.support.library_ui import approved

    stored = approved("cong-van-so-noi-vu")
    template = api.library_template(stored.template_id, stored.version)
    with pytest.raises(Exception):
        api.get_template(stored.template_id)  # not a shipped template
    window = make_window(api.new_draft(template, dict(template.example)))
    window.go_to_step(STEP["authority"])
    step = window.steps[STEP["authority"]]
    editor = step.part_editors["authority"]
    assert editor.from_fields
    qtbot.mouseClick(editor.to_free, Qt.MouseButton.LeftButton)
    settle(window)
    assert "{{" not in window.state.draft.content.authority
    assert editor.to_template.isVisibleTo(step)
    qtbot.mouseClick(editor.to_template, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.state.draft.content.authority == template.content.authority
    assert "{{" in template.content.authority and editor.from_fields

def test_a_field_two_parts_of_one_step_print_has_one_box_there(make_window, qtbot):
    """The head's title and the signer's post both from "chuc_vu" (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH written with one
    field): the signature step shows one box for it, and typing there fills both printed lines."""
    import dataclasses

    template = api.get_template("giay-moi")
    draft = api.new_draft(template, dict(template.example))
    signature = dataclasses.replace(draft.content.signature, position="PHÓ {{ chuc_vu }}", head_title="{{ chuc_vu }}")
    draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, signature=signature))
    window = make_window(draft)
    step = next(s for s in window.steps if "signature.position" in getattr(s, "part_editors", {}))
    boxes = [e.field_widgets["chuc_vu"] for e in step.part_editors.values() if "chuc_vu" in e.field_widgets]
    assert len(boxes) == 1
    assert step.part_editors["signature.position"].printed.isVisibleTo(step)  # what it prints, read-only
    window.go_to_step(window.steps.index(step))
    _retype(qtbot, boxes[0], "CHỦ TỊCH")
    settle(window)
    assert window.filled.signature.head_title == "CHỦ TỊCH"
    assert window.filled.signature.position == "PHÓ CHỦ TỊCH"

def test_a_field_printed_in_two_steps_shows_one_value(make_window):
    """The letter's province prints in the header (step 1) and as the place (step 2): typing it in one step shows it
    in the other."""
    window = make_window(api.new_draft(api.get_template("cong-van-van-phong-ubnd-tinh")))
    first = window.steps[STEP["authority"]].field_widgets["tinh"]
    second = window.steps[STEP["number"]].field_widgets["tinh"]
    type_text(first, "Quảng Trị")
    settle(window)
    assert second.text() == "Quảng Trị"
    # The box says how the part prints: the header prints the parent body in capitals.
    assert window.steps[STEP["authority"]].part_editors["parent_authority"].printed.toPlainText() == "UBND TỈNH QUẢNG TRỊ"
    assert window.filled.parent_authority == "UBND TỈNH Quảng Trị"


def test_a_saved_draft_keeps_loading_and_its_parts_stay(make_window, tmp_path):
    """A draft saved before this change (the example letter) loads with each part in its mode; nothing lost."""
    from tests.support.gui import LETTER_JSON

    draft = api.load_draft(LETTER_JSON)
    window = make_window(draft, path=LETTER_JSON)
    settle(window)
    assert window.state.draft == draft
    assert template_code_on_screen(window) == []
    parts = [e for s in window.steps for e in s.findChildren(PartEditor)]
    assert any(e.from_fields for e in parts) and any(not e.from_fields for e in parts)
