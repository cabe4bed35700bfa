"""Bad input in the window: pasted control characters and decomposed Unicode, a broken draft file, a locked target."""
from __future__ import annotations

import os

import unicodedata
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ptdraft import api
from ptdraft.gui.widgets import removed_notice
from tests.support.gui import LETTER_JSON, ScriptedPrompts, settle

CTRL_V = (Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
NUMBER, TYPE = 1, 3
# "Quảng Trị" decomposed (NFD), with a NUL, a zero-width space and a C1 control pasted from a PDF.
PASTED_PLACE = unicodedata.normalize("NFD", "Quảng") + "\x00 Tr\u200bị\x85"
PASTED_SUBJECT = unicodedata.normalize("NFD", "đôn đốc báo cáo") + "\x0c\ufeff tháng 7"


def _paste(qtbot, widget, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, *CTRL_V)


def test_pasted_control_characters_are_removed_with_a_notice_and_text_is_composed(make_window, qtbot):
    """Pasting into a one-line field drops control and zero-width characters, says so in the status bar,
    and stores the text composed (NFC) in the draft."""
    window = make_window(api.blank_draft())
    window.go_to_step(NUMBER)
    field = window.steps[NUMBER].place
    _paste(qtbot, field, PASTED_PLACE)
    place = window.state.draft.content.place
    assert place == "Quảng Trị"
    assert unicodedata.is_normalized("NFC", place)
    assert field.text() == "Quảng Trị"
    assert window.statusBar().currentMessage() == removed_notice()


def test_pasted_text_in_a_multi_line_field_is_cleaned_the_same_way(make_window, qtbot):
    """Pasting into a multi-line field (the subject) cleans it the same way and shows the notice."""
    window = make_window(api.blank_draft())
    window.go_to_step(TYPE)
    field = window.steps[TYPE].subject
    _paste(qtbot, field, PASTED_SUBJECT)
    subject = window.state.draft.content.subject
    assert subject == "đôn đốc báo cáo tháng 7"
    assert unicodedata.is_normalized("NFC", subject)
    assert field.toPlainText() == subject
    assert window.statusBar().currentMessage() == removed_notice()


def test_clean_paste_shows_no_notice(make_window, qtbot):
    """Pasting clean text changes the draft and says nothing about removed characters."""
    window = make_window(api.blank_draft())
    window.go_to_step(NUMBER)
    _paste(qtbot, window.steps[NUMBER].place, "Đông Hà")
    assert window.state.draft.content.place == "Đông Hà"
    assert window.statusBar().currentMessage() == ""


def test_opening_a_broken_draft_shows_one_error_and_keeps_the_draft(make_window, tmp_path):
    """Open… on a file that is not valid JSON shows one error message naming the file; nothing escapes the
    error boundary and the draft on screen stays as it was."""
    broken = tmp_path / "hong.ptdraft.json"
    broken.write_text('{"format": 1, "content": {"subject": "thiếu ngoặc"', encoding="utf-8")
    prompts = ScriptedPrompts(open_path=broken)
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    before = window.state.draft
    window.open_action.trigger()  # raises nothing: the action runs inside MainWindow.guard
    assert len(prompts.calls["error"]) == 1
    message = prompts.calls["error"][0][0]
    assert "hong.ptdraft.json" in message
    assert "Traceback" not in message
    assert window.state.draft is before
    assert window.state.path is None


def test_unexpected_error_becomes_one_message_and_an_autosave(make_window, data_dir, monkeypatch):
    """An exception that is not a PtdraftError, raised inside an action, is logged, the draft is autosaved,
    and the clerk sees one message instead of a traceback."""
    prompts = ScriptedPrompts()
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    window.state.update_content(subject="đang soạn dở")
    settle(window)

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "find_problems", broken)
    window.export_action.trigger()
    assert len(prompts.calls["error"]) == 1
    assert "boom" not in prompts.calls["error"][0][0]
    assert api.load_draft(data_dir / "autosave.ptdraft.json").content.subject == "đang soạn dở"


def test_preview_failure_while_typing_is_caught_by_the_error_boundary(make_window, monkeypatch):
    """If building the preview fails unexpectedly after an edit, the clerk gets one message (the preview update
    runs through MainWindow.guard like every action) and nothing escapes to the event loop."""
    prompts = ScriptedPrompts()
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    real_preview = api.preview
    monkeypatch.setattr(api, "preview", lambda draft: (_ for _ in ()).throw(RuntimeError("boom")))
    window.state.update_content(subject="gõ tiếp")
    settle(window)
    assert len(prompts.calls["error"]) == 1
    monkeypatch.setattr(api, "preview", real_preview)
    window.state.update_content(subject="gõ tiếp nữa")
    settle(window)
    assert len(prompts.calls["error"]) == 1
    assert any("gõ tiếp nữa" in line.layout.text() for page in window.pages for piece in page.pieces
               for line in piece.lines)


def test_export_over_a_locked_file_offers_another_name_and_keeps_the_old_file(make_window, tmp_path, monkeypatch):
    """When replacing the target fails with PermissionError (open in Word), the window says so and offers another
    name; the existing file stays byte for byte, no temporary file is left, the other name gets the DOCX."""
    locked = tmp_path / "cong-van.docx"
    locked.write_bytes(b"old document, open in Word")
    other = tmp_path / "cong-van-2.docx"
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst) == locked:
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    prompts = ScriptedPrompts(export_path=[locked, other], try_other_name=True)
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    window.export_action.trigger()

    assert len(prompts.calls["try_other_name"]) == 1
    assert "Word" in prompts.calls["try_other_name"][0][0]
    assert prompts.calls["error"] == []
    assert locked.read_bytes() == b"old document, open in Word"
    assert docx.Document(str(other)).paragraphs is not None
    assert prompts.calls["exported"] == [(other,)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["cong-van-2.docx", "cong-van.docx"]


def test_export_over_a_locked_file_can_be_abandoned(make_window, tmp_path, monkeypatch):
    """Declining another name after the PermissionError stops the export and leaves the old file intact."""
    locked = tmp_path / "cong-van.docx"
    locked.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", lambda *_a, **_k: (_ for _ in ()).throw(PermissionError(13, "denied")))
    prompts = ScriptedPrompts(export_path=locked, try_other_name=False)
    window = make_window(api.load_draft(LETTER_JSON), prompts=prompts)
    window.export_action.trigger()
    assert len(prompts.calls["try_other_name"]) == 1
    assert prompts.calls["exported"] == []
    assert locked.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["cong-van.docx"]


def test_export_with_a_template_error_says_so_before_asking_anything(make_window, qtbot):
    """A body with a broken template expression ("{{") cannot be exported: the clerk is told at once, without
    being asked to confirm problems or to choose a file."""
    import dataclasses

    prompts = ScriptedPrompts()
    draft = api.load_draft(LETTER_JSON)
    draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, body="Nội dung {{"))
    window = make_window(draft, prompts=prompts)
    window.guard(window.export_docx)
    window.guard(window.export_pdf)
    assert len(prompts.calls["error"]) == 2 and "Jinja" in prompts.calls["error"][0][0]
    assert not prompts.calls["export_path"] and not prompts.calls["confirm_problems"]


def test_a_pasted_tab_becomes_a_space_in_a_one_line_field(make_window, qtbot):
    """A one-line field never keeps a tab: "Quảng<Tab>Trị" pasted is stored as "Quảng Trị"."""
    window = make_window(api.blank_draft())
    window.go_to_step(NUMBER)
    _paste(qtbot, window.steps[NUMBER].place, "Quảng\tTrị")
    assert window.state.draft.content.place == "Quảng Trị"
