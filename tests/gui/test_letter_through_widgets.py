"""The real letter of tests/data/samples, typed into the window and exported, prints as the command line renders it."""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt

from ptdraft import api, cli
from tests.support.gui import LETTER_JSON, LETTER_TEMPLATE, ScriptedPrompts, settle, type_text
from tests.support.docx_compare import first_difference, printed_parts

STEP = {name: index for index, name in enumerate(
    ["authority", "number", "marks", "type", "recipients", "content", "requirements", "closing", "signature", "distribution"]
)}


def _clear_list(qtbot, window, editor) -> None:
    """Remove every entry of a ListEditor with the Delete key, as a clerk would."""
    editor.list.setFocus()
    while editor.list.count():
        editor.list.setCurrentRow(0)
        qtbot.keyClick(editor.list, Qt.Key.Key_Delete)


def _type_entries(qtbot, editor, entries) -> None:
    """Type each entry into a ListEditor's line and press Enter."""
    for text in entries:
        type_text(editor.entry, text)
        qtbot.keyClick(editor.entry, Qt.Key.Key_Return)


def _retype(qtbot, field, text: str) -> None:
    """Select all of a one-line field and type over it."""
    field.setFocus()
    field.selectAll()
    type_text(field, text)


def test_real_letter_typed_into_the_window_exports_like_the_command_line(make_window, qtbot, tmp_path):
    """Typing the real letter into the form (fields, date picker, list and item editors) and exporting with
    Ctrl+E's action gives the same DOCX, paragraph by paragraph, as `ptdraft render` of the saved example."""
    example = api.load_draft(LETTER_JSON)
    out = tmp_path / "typed.docx"
    prompts = ScriptedPrompts(export_path=out, exported="close")
    window = make_window(api.new_draft(api.get_template(LETTER_TEMPLATE)), prompts=prompts)
    state = window.state

    # Template fields: the two without a default.
    # Each is typed in the step of the part that prints it: the province in the header, the name under the signature.
    window.go_to_step(STEP["authority"])
    type_text(window.steps[STEP["authority"]].field_widgets["tinh"], "Quảng Trị")
    window.go_to_step(STEP["signature"])
    type_text(window.steps[STEP["signature"]].field_widgets["nguoi_ky"], "Nguyễn Văn An")
    assert state.draft.values["tinh"] == "Quảng Trị"
    assert state.draft.values["nguoi_ky"] == "Nguyễn Văn An"

    # The date, typed into the picker reached with Tab from the place name.
    number_step = window.steps[STEP["number"]]
    window.go_to_step(STEP["number"])
    number_step.date.picker.setFocus()
    number_step.date.picker.selectAll()
    qtbot.keyClicks(number_step.date.picker, "15072025")
    assert state.draft.content.date == _dt.date(2025, 7, 15)

    # Kính gửi: cleared with Delete and typed again.
    recipients = window.steps[STEP["recipients"]].editor
    window.go_to_step(STEP["recipients"])
    _clear_list(qtbot, window, recipients)
    assert state.draft.content.recipients == ()
    _type_entries(qtbot, recipients, example.content.recipients)
    assert state.draft.content.recipients == example.content.recipients

    # The four requirements print the agency field (item 4): the step shows that field and the printed items.
    requirements = window.steps[STEP["requirements"]]
    assert requirements.part_editors["requirements"].from_fields
    assert "co_quan" in requirements.field_widgets
    assert state.draft.content.requirements == example.content.requirements

    # Nơi nhận, the units keeping a copy and the drafter's code.
    distribution_step = window.steps[STEP["distribution"]]
    window.go_to_step(STEP["distribution"])
    _clear_list(qtbot, window, distribution_step.editor)
    _type_entries(qtbot, distribution_step.editor, example.content.distribution)
    _retype(qtbot, distribution_step.archive, ", ".join(example.content.archive))
    _retype(qtbot, distribution_step.drafter, example.content.drafter_code)

    settle(window)
    assert state.draft.content == example.content
    assert state.draft.values == example.values

    window.export_action.trigger()
    assert prompts.calls["error"] == []
    assert prompts.calls["exported"] == [(out,)]
    assert out.is_file()

    expected = tmp_path / "cli.docx"
    assert cli.main(["render", str(LETTER_JSON), "-o", str(expected)]) == 0
    difference = first_difference(printed_parts(expected), printed_parts(out))
    assert difference is None, difference
