"""The body's outline editor: Tab and Shift+Tab change a line's level, Enter goes on at the same level, and the
numbers shown are the ones the page prints (key events sent as a keyboard would)."""
from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from ptdraft import body
from ptdraft.gui.outline_editor import OutlineEditor
from ptdraft.layout import Para, layout
from ptdraft.model import Content
from tests.support.gui import type_text


def _editor(qtbot, text: str, doc_type: str = "Kế hoạch") -> OutlineEditor:
    editor = OutlineEditor()
    qtbot.addWidget(editor)
    editor.set_doc_type(doc_type)
    editor.setPlainText(text)
    editor.show()
    editor.setFocus()
    return editor


def _to_line(editor: OutlineEditor, number: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(number).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)


def test_tab_and_shift_tab_change_the_level_and_the_numbers(qtbot):
    """In a plan: Tab on plain text under "1." makes it a sub-item 1.1.; Tab again a point a); Shift+Tab back to
    1.1.; Tab on an item makes it 1.1. of the item above and the next item is renumbered 1 → 2 → …"""
    edited = []
    editor = _editor(qtbot, "I. Mục đích\n1. Mục đích chung\nHội nghị\n1. Yêu cầu\n1. Tiến độ")
    editor.edited.connect(edited.append)
    _to_line(editor, 2)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n")[2] == "1.1. Hội nghị"
    assert editor.toPlainText().split("\n")[3:] == ["2. Yêu cầu", "3. Tiến độ"]
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n")[2] == "a) Hội nghị"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText().split("\n")[2] == "1.1. Hội nghị"
    _to_line(editor, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n")[2:] == ["1.1. Hội nghị", "1.2. Yêu cầu", "2. Tiến độ"]
    assert edited and edited[-1] == editor.toPlainText()  # the draft gets each change


def test_shift_tab_on_the_highest_level_gives_plain_text(qtbot):
    """Shift+Tab on a section "I." makes it a plain paragraph; the sections after it are renumbered."""
    editor = _editor(qtbot, "I. Mở đầu\nII. Nội dung\nIII. Kinh phí")
    _to_line(editor, 0)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "Mở đầu\nI. Nội dung\nII. Kinh phí"


def test_decision_ladder(qtbot):
    """In a decision the levels are Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm: Tab on plain text at the top
    makes it a Phần; Tab steps it down to Chương; under an article plain text becomes khoản 1."""
    editor = _editor(qtbot, "Quy định chung\nĐiều 4. Phạm vi\nNội dung khoản", doc_type="Quy chế")
    _to_line(editor, 0)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n")[0] == "Phần I. Quy định chung"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n")[:2] == ["Chương I. Quy định chung", "Điều 1. Phạm vi"]
    _to_line(editor, 2)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText().split("\n")[2] == "1. Nội dung khoản"


def test_enter_goes_on_at_the_same_level_and_typing_follows(qtbot):
    """Enter at the end of "1.1. …" opens "1.2. " and what is typed goes after the marker; Enter on a line with
    only its marker takes the marker away."""
    editor = _editor(qtbot, "I. Nội dung\n1. Hoạt động\n1.1. Khai mạc")
    _to_line(editor, 2)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_text(editor, "Bế mạc")
    assert editor.toPlainText().split("\n")[3] == "1.2. Bế mạc"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText().split("\n")[4] == ""


def test_the_editor_shows_the_numbers_the_page_prints():
    """body.renumber gives every marker the number the layout prints, for a plan and a regulation."""
    from tests.test_body_structure import DECISION, PLAN

    for text, doc_type in ((PLAN, "Kế hoạch"), (DECISION, "Quy chế")):
        shown = body.renumber(text)
        printed = [b.text for b in layout(Content(doc_type=doc_type, body=text)).blocks
                   if isinstance(b, Para) and b.ref == "body"]
        again = [b.text for b in layout(Content(doc_type=doc_type, body=shown)).blocks
                 if isinstance(b, Para) and b.ref == "body"]
        assert again == printed
        for line in shown.split("\n"):
            level = body.line_level(line)
            if level in ("section", "item", "sub", "article"):
                label = line.split(" ")[0] if level != "article" else " ".join(line.split(" ")[:2])
                assert any(p.startswith(label + " ") or p == label for p in printed), line


def test_the_window_edits_the_body_in_the_outline_editor(make_window, qtbot):
    """The Content step's body is the outline editor: Tab on the last paragraph of the letter's body (no structure
    above it) makes it a plan's section "I.", the draft's body changes with it and the layout prints it so."""
    from ptdraft import api
    from tests.support.gui import LETTER_JSON, settle

    import dataclasses

    from ptdraft.templating import part_fields

    letter = api.load_draft(LETTER_JSON)  # its body written out as free text: the outline editor shows it
    window = make_window(dataclasses.replace(letter, content=part_fields.as_free_text(letter, "body")))
    index = next(i for i, step in enumerate(window.steps) if step.key == "content")
    window.go_to_step(index)
    editor = window.steps[index].body
    assert isinstance(editor, OutlineEditor)
    editor.setFocus()
    lines = editor.toPlainText().split("\n")
    last = max(i for i, line in enumerate(lines) if line.strip())
    _to_line(editor, last)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    settle(window)
    body_lines = window.state.draft.content.body.split("\n")
    assert body_lines[last].startswith("I. Để tiếp tục")
    printed = [b.text for b in api.layout_draft(window.state.draft).blocks if isinstance(b, Para) and b.ref == "body"]
    assert any(text.startswith("I. ĐỂ TIẾP TỤC") for text in printed)
