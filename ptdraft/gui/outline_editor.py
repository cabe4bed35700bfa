"""The body's editor: the clerk types the structure, the numbers follow.

A multi-line text field (the same signals as the other fields) holding the body markup
(ptdraft/body.py). Tab makes the line under the cursor one level lower (a plan's
I. → 1. → 1.1. → a) → -, a decision's Phần → Chương → Mục → Tiểu mục → Điều → 1. → a) → -;
plain text becomes the level under the nearest structured line above it), Shift+Tab one
level higher (from the highest, plain text). Enter at the end of a structured line opens
the next line at the same level, and Enter on a line holding only its marker takes the
marker away. After each of these every marker shows the number the page prints.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QWidget

from ptdraft.gui.widgets import TextField

DECISION_TYPES = ("Quyết định", "Nghị quyết", "Quy chế", "Quy định")


class OutlineEditor(TextField):
    """The body markup, with Tab and Shift+Tab changing a line's level and the numbers kept right."""

    def __init__(self, parent: QWidget | None = None, lines: int = 12) -> None:
        super().__init__(parent, lines=lines)
        self.setTabChangesFocus(False)  # Tab changes the level; Ctrl+Tab leaves the field
        self.decision = False  # the doc type's ladder: a decision's (Phần … Điều) or a plan's (I. …)

    def set_doc_type(self, doc_type: str) -> None:
        self.decision = doc_type in DECISION_TYPES

    def levels(self) -> tuple[str, ...]:
        from ptdraft import body  # the numbering rules load with the first key that needs them

        lines = self.toPlainText().split("\n")
        if self.decision or any(body.line_level(line) in body.DECISION_LEVELS[:5] for line in lines):
            return body.DECISION_LEVELS
        return body.PLAN_LEVELS

    # -- keys --
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ShiftModifier):
            self.change_level(-1)
        elif key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
            self.change_level(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self._enter(event)
        else:
            super().keyPressEvent(event)

    def change_level(self, step: int) -> None:
        """One level lower (``step`` 1) or higher (-1) for the line under the cursor, and the numbers put right."""
        from ptdraft import body  # the numbering rules load with the first key that needs them

        cursor = self.textCursor()
        number = cursor.blockNumber()
        lines = self.toPlainText().split("\n")
        levels = self.levels()
        current = body.line_level(lines[number])
        if current not in levels:
            current = None
        if current is None:
            if step < 0:
                return
            above = next((body.line_level(line) for line in reversed(lines[:number]) if body.line_level(line) in levels),
                         None)
            wanted: str | None = levels[min(levels.index(above) + 1, len(levels) - 1)] if above else levels[0]
        else:
            index = levels.index(current) + step
            wanted = None if index < 0 else levels[min(index, len(levels) - 1)]
        column = cursor.positionInBlock() - len(lines[number]) + len(body.line_text(lines[number]))
        lines[number] = body.with_level(lines[number], wanted)
        self._replace(lines, number, column)

    def _enter(self, event: QKeyEvent) -> None:
        from ptdraft import body  # the numbering rules load with the first key that needs them

        cursor = self.textCursor()
        line = cursor.block().text()
        level = body.line_level(line)
        at_end = cursor.positionInBlock() == len(line) and not cursor.hasSelection()
        if level is None or not at_end:
            super().keyPressEvent(event)
            return
        lines = self.toPlainText().split("\n")
        number = cursor.blockNumber()
        if not body.line_text(line).strip():  # only the marker: Enter takes it away
            lines[number] = ""
            self._replace(lines, number, 0)
            return
        if level in body.DIVISIONS or level in ("section", "article"):
            lines.insert(number + 1, "")  # after a heading, the text under it
        else:
            lines.insert(number + 1, body.with_level("", level))
        self._replace(lines, number + 1, 0)

    def _replace(self, lines: list[str], number: int, column: int) -> None:
        """Put the renumbered text in (one undo step) and the cursor on line ``number``, ``column`` characters into
        its text (after its marker)."""
        from ptdraft import body  # the numbering rules load with the first key that needs them

        text = body.renumber("\n".join(lines))
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        line = text.split("\n")[number]
        marker = len(line) - len(body.line_text(line))
        block = self.document().findBlockByNumber(number)
        cursor.setPosition(block.position() + max(0, min(len(line), marker + column)))
        self.setTextCursor(cursor)
