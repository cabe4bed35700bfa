"""The template editor: errors with their line in the file as the author types, the live preview with the
example values, and saving a new version (an approved version never changes)."""
from __future__ import annotations


from PySide6.QtGui import QTextCursor

from ptdraft import api
from ptdraft.templating.template_lines import part_line
from tests.support.gui import ScriptedPrompts, type_text
from tests.support.library_ui import approved


def _editor(window, qtbot, template_id: str | None = None, version: int | None = None):
    window.library.library_action.trigger()
    library = window.library.library_dialog
    if template_id is None:
        library.new_button.click()
    else:
        library.select(template_id, version)
        library.edit_button.click()
    editor = library.editor
    qtbot.waitUntil(lambda: editor.check_result is not None)
    editor.text.setFocus()
    return editor


def _line_of(editor, text: str) -> int:
    lines = editor.source().splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(text))


def _put_cursor(editor, line: int, column: int | None = None) -> None:
    """The cursor at ``column`` of 1-based ``line`` (its end when None)."""
    block = editor.text.document().findBlockByNumber(line - 1)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    if column is not None:
        cursor.setPosition(block.position() + column)
    editor.text.setTextCursor(cursor)


def _marked_line(editor) -> int | None:
    selections = editor.text.extraSelections()
    return selections[0].cursor.blockNumber() + 1 if selections else None


def test_toml_syntax_error_shows_its_file_line_as_the_author_types(make_window, qtbot, library_db):
    """Typing a stray "=" after the title breaks the TOML: the message under the editor names that line of the
    file, the line is marked, and saving is off until it is fixed."""
    editor = _editor(make_window(), qtbot)
    line = _line_of(editor, "title =")
    _put_cursor(editor, line)
    type_text(editor.text, " = x")
    qtbot.waitUntil(lambda: editor.error_line is not None)
    assert editor.error_line == line
    assert editor.problem.text().startswith(f"Dòng {line}:")
    assert "TOML" in editor.problem.text()
    assert _marked_line(editor) == line
    assert not editor.submit_button.isEnabled()
    for _ in range(4):
        editor.text.textCursor().deletePreviousChar()
    qtbot.waitUntil(lambda: editor.error_line is None)
    assert editor.submit_button.isEnabled() and _marked_line(editor) is None


def test_jinja_error_inside_a_multiline_part_shows_the_file_line(make_window, qtbot, library_db):
    """An unclosed {% if %} typed on the third line of a multi-line body is reported on that line of the file,
    though Jinja only knows the line within the body."""
    editor = _editor(make_window(), qtbot)
    source = editor.source().replace('body = "{{ noi_dung }}"', "body = '''\nMở đầu.\n\n{{ noi_dung }}\n'''")
    editor.text.setPlainText(source)
    qtbot.waitUntil(lambda: editor.check_result is not None and "Mở đầu" in editor.filled.body)
    line = _line_of(editor, "{{ noi_dung }}")
    _put_cursor(editor, line, 0)
    type_text(editor.text, "{% if ")
    qtbot.waitUntil(lambda: editor.error_line is not None)
    assert "dòng 3 của phần này" in editor.error_text
    assert editor.error_line == line == part_line(editor.source(), "body", 3)
    assert editor.problem.text().startswith(f"Dòng {line}:")
    assert _marked_line(editor) == line


def test_jinja_error_in_a_one_line_part_shows_its_key_line(make_window, qtbot, library_db):
    """A broken {{ }} in the signer's name is reported on the line of [content.signature]'s name key."""
    editor = _editor(make_window(), qtbot)
    line = _line_of(editor, "name = ")
    _put_cursor(editor, line, len('name = "{{ nguoi_ky'))
    type_text(editor.text, " +")
    qtbot.waitUntil(lambda: editor.error_line is not None)
    assert "content.signature.name" in editor.error_text
    assert editor.error_line == line


def test_preview_shows_the_example_values_as_they_are_typed(make_window, qtbot, library_db):
    """Changing an example value re-renders the preview with it; the preview shows the example document."""
    editor = _editor(make_window(), qtbot)
    assert editor.filled.signature.name == "Nguyễn Văn An"
    assert editor.preview.canvas.pages
    line = _line_of(editor, "trich_yeu = ")
    _put_cursor(editor, line, len('trich_yeu = "'))
    type_text(editor.text, "khẩn: ")
    qtbot.waitUntil(lambda: editor.filled.subject.startswith("khẩn: "))
    assert editor.filled.subject == "khẩn: triển khai nhiệm vụ năm 2027"
    assert editor.error_line is None


def test_editing_an_approved_version_saves_a_new_version(make_window, qtbot, library_db):
    """Saving an edited approved version stores version 2 (submitted); version 1 keeps its text and hash."""
    first = approved()
    prompts = ScriptedPrompts()
    window = make_window(prompts=prompts)
    editor = _editor(window, qtbot, first.template_id, first.version)
    line = _line_of(editor, 'default = "Trân trọng./."')
    _put_cursor(editor, line, len('default = "'))
    type_text(editor.text, "Xin ")
    qtbot.waitUntil(lambda: editor.check_result is not None and "Xin " in editor.source())
    editor.submit_button.click()
    assert prompts.calls["error"] == []
    versions = api.template_versions(first.template_id)
    assert [(v.version, v.state) for v in versions] == [(1, "approved"), (2, "submitted")]
    assert versions[0].source == first.source and versions[0].sha256 == first.sha256
    assert 'default = "Xin Trân trọng./."' in versions[1].source
    assert window.library.library_dialog.selected().template.version == 2
    assert not editor.isVisible()


def test_closing_with_unsaved_changes_asks_first(make_window, qtbot, library_db):
    """Closing the editor after typing asks; "No" keeps it open with the text."""
    prompts = ScriptedPrompts(confirm=False)
    editor = _editor(make_window(prompts=prompts), qtbot)
    type_text(editor.text, "# ghi chú\n")
    editor.close()
    assert editor.isVisible()
    assert "ghi chú" in editor.source()
    prompts.answers["confirm"] = True
    editor.close()
    assert not editor.isVisible()
