"""Keyboard and files like Word: the window's keys work from every kind of field, file dialogs start in the
last folder used, the proposed file name comes from the document, and the PDF gets the DOCX's permissions."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ptdraft import api

from tests.support.gui import ScriptedPrompts

NUMBER_STEP, RECIPIENTS_STEP, CLOSING_STEP = 1, 4, 7


def _field(window, kind: str):
    """The step and the widget of one kind of field: a line edit, a plain text edit, a list editor, a combo box."""
    if kind == "line edit":
        return NUMBER_STEP, window.steps[NUMBER_STEP].place
    if kind == "plain text edit":
        return CLOSING_STEP, window.steps[CLOSING_STEP].closing
    if kind == "list editor":
        return RECIPIENTS_STEP, window.steps[RECIPIENTS_STEP].editor.list
    return CLOSING_STEP, window.steps[CLOSING_STEP].close_box  # an editable combo box: the key goes to its line edit


CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
KEYS = {  # the key, its modifiers, and the question the window asks when the key reaches its action
    "Ctrl+S": (Qt.Key.Key_S, CTRL, "save_path"),
    "Ctrl+E": (Qt.Key.Key_E, CTRL, "export_path"),
    "Ctrl+Shift+E": (Qt.Key.Key_E, CTRL | SHIFT, "export_path"),
    "Ctrl+P": (Qt.Key.Key_P, CTRL, "print_setup"),
    "Ctrl+N": (Qt.Key.Key_N, CTRL, "choose_template"),
    "Ctrl+O": (Qt.Key.Key_O, CTRL, "open_path"),
}


@pytest.mark.parametrize("key", sorted(KEYS))
@pytest.mark.parametrize("kind", ["line edit", "plain text edit", "list editor", "combo box"])
def test_the_window_keys_work_from_every_kind_of_field(make_window, qtbot, key, kind):
    """Each of Ctrl+S/E/Shift+E/P/N/O, pressed while the cursor is in a field, runs the window's action (it is not
    swallowed by the field as "move to end of line" or similar)."""
    prompts = ScriptedPrompts()
    window = make_window(prompts=prompts)
    index, widget = _field(window, kind)
    window.go_to_step(index)
    target = widget.lineEdit() if kind == "combo box" else widget
    target.setFocus()
    assert target.hasFocus()
    code, modifiers, question = KEYS[key]
    qtbot.keyClick(target, code, modifiers)
    assert len(prompts.calls[question]) == 1
    if question == "export_path":  # Ctrl+E asks for the DOCX, Ctrl+Shift+E for the PDF
        assert prompts.calls[question][0][1] == ("pdf" if modifiers & SHIFT else "docx")


def test_export_proposes_the_documents_name_and_the_next_dialog_starts_in_its_folder(make_window, tmp_path):
    """The export dialog proposes the name built from the document (not the template's title), in the home
    folder at first; once a file is exported elsewhere, the next save, open and export dialogs, and those of a
    restarted window, start in that folder."""
    first_prompts = ScriptedPrompts(export_path=None)
    window = make_window(api.example_draft(api.get_template("giay-moi")), prompts=first_prompts)
    window.export_docx()
    suggested = Path(first_prompts.calls["export_path"][0][0])
    assert suggested.parent == Path.home()
    assert suggested.name == api.proposed_file_name(window.state.draft, "docx")
    assert suggested.name.startswith("GM-") and suggested.name.isascii()

    folder = tmp_path / "Văn bản đi"
    folder.mkdir()
    window.prompts = prompts = ScriptedPrompts(export_path=folder / "giay-moi.docx")
    window.export_docx()
    assert (folder / "giay-moi.docx").is_file()
    window.save_as()
    window.open_document()
    assert Path(prompts.calls["save_path"][0][0]).parent == folder
    assert Path(prompts.calls["save_path"][0][0]).name.endswith(".ptdraft.json")
    assert prompts.calls["open_path"][0][0] == str(folder)
    window.close()

    again = make_window(prompts=(later := ScriptedPrompts()))
    again.export_pdf()
    assert Path(later.calls["export_path"][0][0]).parent == folder


def test_a_folder_that_is_gone_falls_back_to_home(make_window, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    window = make_window(prompts=(prompts := ScriptedPrompts()))
    window.settings.remember_folder(folder / "x.docx")
    folder.rmdir()
    window.open_document()
    assert prompts.calls["open_path"][0][0] == str(Path.home())


def test_the_pdf_gets_the_same_permissions_as_the_docx(make_window, tmp_path):
    """Both exported files carry the mode a new file gets here (not the temporary file's private 0o600)."""
    docx, pdf = tmp_path / "a.docx", tmp_path / "a.pdf"
    window = make_window(api.example_draft(api.get_template("giay-moi")),
                         prompts=ScriptedPrompts(export_path=[docx, pdf]))
    assert window.export_docx() == docx
    assert window.export_pdf() == pdf
    mode = stat.S_IMODE(os.stat(docx).st_mode)
    assert stat.S_IMODE(os.stat(pdf).st_mode) == mode
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask
