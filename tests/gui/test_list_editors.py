"""The list editors of the form: Kính gửi / Nơi nhận entries and the numbered requirements with sub-items."""
from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ptdraft import api
from ptdraft.gui.widgets import ItemsEditor, ListEditor
from ptdraft.model import Item
from tests.support.gui import settle, type_text

ALT = Qt.KeyboardModifier.AltModifier
RECIPIENTS, REQUIREMENTS = 4, 6


@pytest.fixture
def list_editor(qtbot):
    editor = ListEditor()
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    return editor


@pytest.fixture
def items_editor(qtbot):
    editor = ItemsEditor()
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    return editor


def _add(qtbot, editor: ListEditor, text: str) -> list:
    with qtbot.waitSignal(editor.changed) as blocker:
        type_text(editor.entry, text)
        qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    return blocker.args[0]


def test_list_editor_adds_typed_entries_in_order_and_clears_the_line(qtbot, list_editor):
    """An entry typed and confirmed with Enter is appended, `changed` carries the whole list, the line empties."""
    assert _add(qtbot, list_editor, "Sở Tài chính") == ["Sở Tài chính"]
    assert _add(qtbot, list_editor, "  Sở   Xây dựng ") == ["Sở Tài chính", "Sở Xây dựng"]
    assert list_editor.entry.text() == ""
    with qtbot.assertNotEmitted(list_editor.changed):
        qtbot.keyClick(list_editor.entry, Qt.Key.Key_Return)  # an empty line adds nothing
    assert list_editor.values() == ["Sở Tài chính", "Sở Xây dựng"]


def test_list_editor_reorders_with_alt_up_and_alt_down(qtbot, list_editor):
    """Alt+Up / Alt+Down on the list move the selected entry, which stays selected, and report the new order."""
    for text in ("A", "B", "C"):
        _add(qtbot, list_editor, text)
    list_editor.list.setFocus()
    list_editor.list.setCurrentRow(2)
    with qtbot.waitSignal(list_editor.changed) as blocker:
        qtbot.keyClick(list_editor.list, Qt.Key.Key_Up, ALT)
    assert blocker.args[0] == ["A", "C", "B"]
    with qtbot.waitSignal(list_editor.changed) as blocker:
        qtbot.keyClick(list_editor.list, Qt.Key.Key_Up, ALT)
    assert blocker.args[0] == ["C", "A", "B"]
    assert list_editor.list.currentRow() == 0
    with qtbot.assertNotEmitted(list_editor.changed):
        qtbot.keyClick(list_editor.list, Qt.Key.Key_Up, ALT)  # already first
    with qtbot.waitSignal(list_editor.changed) as blocker:
        qtbot.keyClick(list_editor.list, Qt.Key.Key_Down, ALT)
    assert blocker.args[0] == ["A", "C", "B"]


def test_list_editor_move_current_and_buttons(qtbot, list_editor):
    """move_current, the arrow buttons and Remove/Delete give the order they say and keep the selection on the moved row."""
    for text in ("A", "B", "C", "D"):
        _add(qtbot, list_editor, text)
    list_editor.list.setCurrentRow(0)
    with qtbot.waitSignal(list_editor.changed) as blocker:
        list_editor.move_current(1)
    assert blocker.args[0] == ["B", "A", "C", "D"]
    assert list_editor.list.currentRow() == 1
    with qtbot.waitSignal(list_editor.changed) as blocker:
        qtbot.mouseClick(list_editor.down_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == ["B", "C", "A", "D"]
    with qtbot.waitSignal(list_editor.changed) as blocker:
        qtbot.mouseClick(list_editor.remove_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == ["B", "C", "D"]
    list_editor.list.setFocus()
    list_editor.list.setCurrentRow(0)
    with qtbot.waitSignal(list_editor.changed) as blocker:
        qtbot.keyClick(list_editor.list, Qt.Key.Key_Delete)
    assert blocker.args[0] == ["C", "D"]


def _labels(editor: ItemsEditor) -> list:
    """The tree as the clerk sees it: (number, text, [(letter, text), …]) per item."""
    out = []
    for row in range(editor.tree.topLevelItemCount()):
        top = editor.tree.topLevelItem(row)
        subs = [(top.child(i).text(0), top.child(i).text(1)) for i in range(top.childCount())]
        out.append((top.text(0), top.text(1), subs))
    return out


def _type_and_click(qtbot, editor: ItemsEditor, text: str, button) -> tuple:
    editor.entry.setFocus()
    editor.entry.selectAll()
    with qtbot.waitSignal(editor.changed) as blocker:
        type_text(editor.entry, text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_items_editor_numbers_items_and_letters_sub_items(qtbot, items_editor):
    """Items added with "Add item" are numbered 1., 2., sub-items added under the selected item are lettered a), b)."""
    _type_and_click(qtbot, items_editor, "Báo cáo thu chi", items_editor.add_button)
    _type_and_click(qtbot, items_editor, "Phân bổ vốn", items_editor.add_button)
    _type_and_click(qtbot, items_editor, "vốn trong nước", items_editor.sub_button)
    items = _type_and_click(qtbot, items_editor, "vốn ODA", items_editor.sub_button)
    assert _labels(items_editor) == [
        ("1.", "Báo cáo thu chi", []),
        ("2.", "Phân bổ vốn", [("a)", "vốn trong nước"), ("b)", "vốn ODA")]),
    ]
    assert items == (Item("Báo cáo thu chi"), Item("Phân bổ vốn", ("vốn trong nước", "vốn ODA")))


def test_items_editor_renumbers_after_moves_and_removals(qtbot, items_editor):
    """Moving or removing items and sub-items renumbers 1., 2., 3. and a), b), c) at once, in the order shown."""
    for text in ("Một", "Hai", "Ba"):
        _type_and_click(qtbot, items_editor, text, items_editor.add_button)
    for text in ("x", "y", "z"):
        _type_and_click(qtbot, items_editor, text, items_editor.sub_button)  # under "Ba"
    ba = items_editor.tree.topLevelItem(2)
    items_editor.tree.setCurrentItem(ba)
    items_editor.tree.setFocus()
    with qtbot.waitSignal(items_editor.changed) as blocker:
        qtbot.keyClick(items_editor.tree, Qt.Key.Key_Up, ALT)
    assert [item.text for item in blocker.args[0]] == ["Một", "Ba", "Hai"]
    assert _labels(items_editor)[1] == ("2.", "Ba", [("a)", "x"), ("b)", "y"), ("c)", "z")])
    items_editor.tree.setCurrentItem(ba.child(2))
    with qtbot.waitSignal(items_editor.changed):
        items_editor.move_current(-1)
    with qtbot.waitSignal(items_editor.changed):
        items_editor.move_current(-1)
    assert _labels(items_editor)[1][2] == [("a)", "z"), ("b)", "x"), ("c)", "y")]
    items_editor.tree.setCurrentItem(ba.child(1))
    with qtbot.waitSignal(items_editor.changed):
        qtbot.mouseClick(items_editor.remove_button, Qt.MouseButton.LeftButton)
    items_editor.tree.setCurrentItem(items_editor.tree.topLevelItem(0))
    items_editor.tree.setFocus()
    with qtbot.waitSignal(items_editor.changed) as blocker:
        qtbot.keyClick(items_editor.tree, Qt.Key.Key_Delete)
    assert _labels(items_editor) == [("1.", "Ba", [("a)", "z"), ("b)", "y")]), ("2.", "Hai", [])]
    assert blocker.args[0] == (Item("Ba", ("z", "y")), Item("Hai"))


def test_window_requirements_and_recipients_follow_the_editors(make_window, qtbot):
    """Edits in the window's editors reach the draft, the page preview, and come back when the draft is reloaded."""
    window = make_window(api.blank_draft())
    window.go_to_step(REQUIREMENTS)
    editor = window.steps[REQUIREMENTS].editor
    _type_and_click(qtbot, editor, "Rà soát hồ sơ", editor.add_button)
    _type_and_click(qtbot, editor, "Báo cáo kết quả", editor.add_button)
    _type_and_click(qtbot, editor, "trước ngày 20", editor.sub_button)
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, ALT)
    expected = (Item("Báo cáo kết quả", ("trước ngày 20",)), Item("Rà soát hồ sơ"))
    assert window.state.draft.content.requirements == expected

    window.go_to_step(RECIPIENTS)
    recipients = window.steps[RECIPIENTS].editor
    for name in ("Sở Tài chính", "Sở Nội vụ"):
        type_text(recipients.entry, name)
        qtbot.keyClick(recipients.entry, Qt.Key.Key_Return)
    recipients.list.setFocus()
    recipients.list.setCurrentRow(1)
    qtbot.keyClick(recipients.list, Qt.Key.Key_Up, ALT)
    assert window.state.draft.content.recipients == ("Sở Nội vụ", "Sở Tài chính")

    settle(window)
    printed = [" ".join(line.layout.text()[line.layout.lineAt(line.index).textStart():].split())
               for page in window.pages for piece in page.pieces for line in piece.lines]
    joined = "\n".join(printed)
    assert joined.index("1. Báo cáo kết quả") < joined.index("a) trước ngày 20") < joined.index("2. Rà soát hồ sơ")
    assert joined.index("- Sở Nội vụ;") < joined.index("- Sở Tài chính.")

    window.state.replace(window.state.draft, None)  # reload every form from the draft
    assert window.steps[REQUIREMENTS].editor.items() == expected
    assert window.steps[RECIPIENTS].editor.values() == ["Sở Nội vụ", "Sở Tài chính"]
    assert _labels(window.steps[REQUIREMENTS].editor)[0][0:2] == ("1.", "Báo cáo kết quả")


def test_a_template_loop_entry_stays_whole_when_the_list_is_edited(qtbot, list_editor):
    """An entry filled from template fields (a Jinja loop printing one line per value) is kept exactly as the
    template wrote it when the clerk adds, moves or removes other entries, and cannot be edited in place."""
    loop = "{% for x in noi_nhan %}{{ x }}\n{% endfor %}"
    list_editor.set_quietly(["Như trên", loop])
    assert not list_editor.list.item(1).flags() & Qt.ItemFlag.ItemIsEditable
    assert list_editor.list.item(0).flags() & Qt.ItemFlag.ItemIsEditable
    changed = _add(qtbot, list_editor, "Sở Tài chính")
    assert changed == ["Như trên", loop, "Sở Tài chính"]
    list_editor.list.setCurrentRow(1)
    list_editor.move_current(1)
    assert list_editor.values() == ["Như trên", "Sở Tài chính", loop]


def test_a_loop_entry_prints_its_values_as_separate_lines_after_an_edit(make_window, qtbot):
    """In a Giấy mời, adding a Nơi nhận entry in the window keeps the template's recipients on lines of their own."""
    from ptdraft.layout import distribution_entries

    template = api.get_template("giay-moi")
    window = make_window(api.new_draft(template, {**template.example}))
    before = distribution_entries(api.fill(window.state.draft, strict=False))
    step = window.steps[9]
    entries = step.field_widgets["noi_nhan"]  # the loop's field, its entries shown (never the loop)
    type_text(entries.entry, "Sở Tài chính")
    qtbot.keyClick(entries.entry, Qt.Key.Key_Return)
    settle(window)
    after = distribution_entries(api.fill(window.state.draft, strict=False))
    assert window.state.draft.values["noi_nhan"][-1] == "Sở Tài chính"
    assert "Sở Tài chính;" in after and len(after) == len(before) + 1
    assert all(line in after or line.rstrip(";.") + ";" in after for line in before[:-1])


def test_items_editor_from_the_keyboard(qtbot, items_editor):
    """Enter in the item box adds a numbered item, Ctrl+Enter adds a sub-item under it, Shift+Enter only breaks
    the line; no click needed."""
    type_text(items_editor.entry, "Rà soát hồ sơ")
    qtbot.keyClick(items_editor.entry, Qt.Key.Key_Return)
    type_text(items_editor.entry, "Hồ sơ tồn")
    qtbot.keyClick(items_editor.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    type_text(items_editor.entry, "Báo cáo")
    qtbot.keyClick(items_editor.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert items_editor.entry.toPlainText() == "Báo cáo\n"
    type_text(items_editor.entry, "kết quả")
    qtbot.keyClick(items_editor.entry, Qt.Key.Key_Return)
    assert items_editor.items() == (Item("Rà soát hồ sơ", ("Hồ sơ tồn",)), Item("Báo cáo kết quả"))
    assert items_editor.entry.toPlainText() == ""


def test_list_entries_move_with_alt_arrows_right_after_enter(qtbot, list_editor):
    """After adding an entry with Enter (focus still in the entry line), Alt+Up moves it up the list."""
    list_editor.entry.setFocus()
    _add(qtbot, list_editor, "A")
    _add(qtbot, list_editor, "B")
    assert list_editor.entry.hasFocus()
    with qtbot.waitSignal(list_editor.changed) as blocker:
        qtbot.keyClick(list_editor.entry, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert blocker.args[0] == ["B", "A"]


def test_content_step_starts_at_its_first_template_field_and_tabs_through_its_fields(make_window, qtbot):
    """Entering the Content step puts the cursor in the first template field; Tab walks the fields in screen
    order and then reaches the body."""
    template = api.get_template("giay-moi")
    window = make_window(api.new_draft(template, dict(template.example)))
    window.go_to_step(5)
    step = window.steps[5]
    widgets = [getattr(w, "entry", w) for w in step.field_widgets.values()]
    assert widgets[0].hasFocus()
    seen = []
    for _ in range(3 * len(widgets) + 6):  # the body comes from the fields: Tab walks them, in screen order
        focused = QApplication.focusWidget()
        seen.append(focused)
        if focused is widgets[-1]:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert widgets[-1] in seen
    order = [w for w in seen if w in widgets]
    assert order == sorted(order, key=widgets.index)
