"""Save, Save As, Open, and the question about unsaved changes."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from ptdraft import api
from tests.support.gui import LETTER_JSON, ScriptedPrompts, type_text

AUTHORITY = 0


def test_save_as_then_open_gives_the_same_draft(make_window, tmp_path):
    """A draft saved with Save As and opened again (Open…) is equal to the one saved, and the window is clean."""
    target = tmp_path / "cong-van.ptdraft.json"
    prompts = ScriptedPrompts(save_path=target, open_path=target)
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    window.state.update_content(subject="đôn đốc nộp báo cáo tháng 7")
    edited = window.state.draft

    window.save_as_action.trigger()
    assert prompts.calls["error"] == []
    assert target.is_file()
    assert window.state.path == target and not window.state.dirty
    assert api.load_draft(target) == edited

    window.state.replace(api.blank_draft(), None)
    window.open_action.trigger()
    assert window.state.draft == edited
    assert window.state.path == target and not window.state.dirty
    assert window.steps[AUTHORITY].authority_field.toPlainText() == edited.content.authority
    assert target.resolve() in window.settings.recent()


def test_save_writes_to_the_current_file_without_asking(make_window, tmp_path):
    """Save on a draft that has a file writes there and asks for no name."""
    target = tmp_path / "d.ptdraft.json"
    api.save_draft(api.load_draft(LETTER_JSON), target)
    prompts = ScriptedPrompts()
    window = make_window(api.load_draft(target), path=target, prompts=prompts)
    window.state.update_content(place="Đông Hà")
    window.save_action.trigger()
    assert prompts.calls["save_path"] == []
    assert api.load_draft(target).content.place == "Đông Hà"


def test_title_marks_unsaved_changes(make_window, qtbot, tmp_path):
    """The title shows the file name, gains "*" after an edit typed in the form and loses it after saving."""
    target = tmp_path / "letter.ptdraft.json"
    api.save_draft(api.load_draft(LETTER_JSON), target)
    window = make_window(api.load_draft(target), path=target)
    assert window.windowTitle().startswith("letter.ptdraft.json — ")
    assert "*" not in window.windowTitle()
    field = window.steps[AUTHORITY].authority_field
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    type_text(field, " X")
    assert window.state.dirty
    assert window.windowTitle().startswith("letter.ptdraft.json* — ")
    window.save_action.trigger()
    assert "*" not in window.windowTitle()


def test_closing_with_changes_asks_and_cancel_keeps_the_window(make_window, qtbot):
    """After an edit, closing asks to save the changes; "cancel" keeps the window open with the draft unchanged."""
    prompts = ScriptedPrompts(save_changes="cancel")
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    window.state.update_content(subject="việc khác")
    assert window.close() is False
    assert prompts.calls["save_changes"] == [("Công văn Văn phòng UBND tỉnh: phát huy tinh thần trách nhiệm",)]
    assert window.isVisible()
    assert window.state.draft.content.subject == "việc khác"
    prompts.answers["save_changes"] = "discard"  # let the test's teardown close it


def test_closing_with_changes_discard_closes(make_window, qtbot):
    """After an edit, answering "discard" closes the window without writing anything."""
    prompts = ScriptedPrompts(save_changes="discard")
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    window.state.update_content(subject="việc khác")
    assert window.close() is True
    assert not window.isVisible()
    assert len(prompts.calls["save_changes"]) == 1
    assert prompts.calls["save_path"] == []


def test_closing_with_changes_save_writes_then_closes(make_window, tmp_path):
    """Answering "save" on close saves (asking for a name when there is none) and then closes."""
    target = tmp_path / "new.ptdraft.json"
    prompts = ScriptedPrompts(save_changes="save", save_path=target)
    window = make_window(api.blank_draft(), prompts=prompts)
    window.state.update_content(subject="lịch họp")
    assert window.close() is True
    assert api.load_draft(target).content.subject == "lịch họp"


def test_closing_a_clean_window_asks_nothing(make_window):
    """A window whose draft is saved closes without a question."""
    prompts = ScriptedPrompts(save_changes="cancel")
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    assert window.close() is True
    assert prompts.calls["save_changes"] == []


def test_open_asks_about_unsaved_changes_first(make_window, tmp_path):
    """Open… on an edited draft asks first; "cancel" leaves the draft as it is and asks for no file."""
    prompts = ScriptedPrompts(save_changes="cancel", open_path=LETTER_JSON)
    window = make_window(api.blank_draft(), prompts=prompts)
    window.state.update_content(subject="chưa lưu")
    window.open_action.trigger()
    assert len(prompts.calls["save_changes"]) == 1
    assert prompts.calls["open_path"] == []
    assert window.state.draft.content.subject == "chưa lưu"
    prompts.answers["save_changes"] = "discard"
    window.open_action.trigger()
    assert window.state.draft == api.load_draft(LETTER_JSON)


def test_new_from_a_template_fills_the_form(make_window, qtbot):
    """New… with a template chosen loads the template's draft into every step, clean, at the first step."""
    template = api.get_template("giay-moi")
    prompts = ScriptedPrompts(choose_template=("template", template))
    window = make_window(api.blank_draft(), prompts=prompts)
    window.go_to_step(5)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(prompts.calls["choose_template"]) == 1
    expected = api.new_draft(template)
    assert window.state.draft.content == dataclasses.replace(expected.content, date=window.state.draft.content.date)
    assert (window.state.draft.title, window.state.draft.values) == (expected.title, expected.values)
    assert not window.state.dirty
    assert window.step_list.currentRow() == 0
