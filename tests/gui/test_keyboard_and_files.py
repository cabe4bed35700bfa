"""Keyboard and files like Word: the window's keys work from every kind of field, file dialogs start in the
last folder used, the proposed file name comes from the document, and the PDF gets the DOCX's permissions."""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from tests.gui.conftest import ScriptedPrompts  # noqa: E402

NUMBER_STEP, RECIPIENTS_STEP, CLOSING_STEP = 1, 4, 7


def _field(window, kind: str):
    """The step and the widget of one kind of field: a line edit, a plain text edit, a list editor, a combo box."""
    if kind == "line edit":
        return NUMBER_STEP, window.steps[NUMBER_STEP].place
    if kind == "plain text edit":
        return CLOSING_STEP, window.steps[CLOSING_STEP].closing
    if kind == "list editor":
        return RECIPIENTS_STEP, window.steps[RECIPIENTS_STEP].editor.list
    return CLOSING_STEP, window.steps[CLOSING_STEP].close  # an editable combo box: the key goes to its line edit


KEYS = {  # the key, and the question the window asks when the key reaches its action
    "Ctrl+S": (Qt.Key.Key_S, "save_path"),
    "Ctrl+E": (Qt.Key.Key_E, "export_path"),
    "Ctrl+P": (Qt.Key.Key_P, "print_setup"),
    "Ctrl+N": (Qt.Key.Key_N, "choose_template"),
    "Ctrl+O": (Qt.Key.Key_O, "open_path"),
}


@pytest.mark.parametrize("key", sorted(KEYS))
@pytest.mark.parametrize("kind", ["line edit", "plain text edit", "list editor", "combo box"])
def test_the_window_keys_work_from_every_kind_of_field(make_window, qtbot, key, kind):
    """Each of Ctrl+S/E/P/N/O, pressed while the cursor is in a field, runs the window's action (it is not
    swallowed by the field as "move to end of line" or similar)."""
    prompts = ScriptedPrompts()
    window = make_window(prompts=prompts)
    index, widget = _field(window, kind)
    window.go_to_step(index)
    target = widget.lineEdit() if kind == "combo box" else widget
    target.setFocus()
    assert target.hasFocus()
    code, question = KEYS[key]
    qtbot.keyClick(target, code, Qt.KeyboardModifier.ControlModifier)
    assert len(prompts.calls[question]) == 1
