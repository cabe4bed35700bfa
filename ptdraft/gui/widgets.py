"""Form widgets shared by the steps: text fields that clean what is typed or pasted, list editors.

Each widget emits ``edited`` with clean text (Unicode NFC, no control
characters) and ``notice`` when it had to remove something the clerk pasted.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QListWidget,
    QTreeWidget,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptdraft.reference import dates
from ptdraft.gui.i18n import _
from ptdraft.model import Item
from ptdraft.text import clean


def single_shot(parent, interval_ms: int, slot=None) -> QTimer:
    """A one-shot timer: restarting it postpones ``slot`` until ``interval_ms`` after the last restart."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    if slot is not None:
        timer.timeout.connect(slot)
    return timer


def clean_typed(text: str, before: int) -> tuple[str, bool, str]:
    """Text as typed or pasted, made clean: NFC, no control characters, and a pasted piece in a legacy
    Vietnamese encoding (TCVN3, VNI) converted to Unicode. Returns the text, whether anything was removed,
    and the notice to show when an encoding was converted ("" otherwise)."""
    if len(text) - before >= 3:  # a paste, not a keystroke: only then can a legacy encoding arrive
        from ptdraft import api

        # Before clean(): TCVN3 writes "ư" as the soft hyphen (U+00AD), which clean() removes.
        converted, encoding = api.convert_legacy(text)
        if encoding:
            cleaned, removed = clean(converted)
            return cleaned, removed, _("Text in the {encoding} encoding was converted to Unicode.").format(
                encoding=encoding
            )
    cleaned, removed = clean(text)
    return cleaned, removed, ""


def removed_notice() -> str:
    return _("Invisible control characters were removed from the pasted text.")


class LineField(QLineEdit):
    """A one-line field; ``edited`` carries the cleaned text."""

    edited = Signal(str)
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._length = 0
        self.textEdited.connect(self._on_edit)

    def _on_edit(self, text: str) -> None:
        cleaned, removed, converted = clean_typed(text.replace("\n", " ").replace("\t", " "), self._length)
        self._length = len(cleaned)
        if converted:
            self.notice.emit(converted)
        if removed or converted:
            position = self.cursorPosition()
            self.setText(cleaned)
            self.setCursorPosition(min(position, len(cleaned)))
            if removed:
                self.notice.emit(removed_notice())
        self.edited.emit(cleaned)

    def set_quietly(self, text: str) -> None:
        if unicodedata.normalize("NFC", self.text()) != text:
            self.setText(text)
        self._length = len(text)


class TextField(QPlainTextEdit):
    """A multi-line field; Tab moves focus so the form works from the keyboard alone."""

    edited = Signal(str)
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None, lines: int = 4) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._quiet = False
        self._length = 0
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(height)
        if lines <= 3:
            self.setMaximumHeight(height)
        self.textChanged.connect(self._on_change)

    def _on_change(self) -> None:
        if self._quiet:
            return
        text = self.toPlainText()
        cleaned, removed, converted = clean_typed(text, self._length)
        self._length = len(cleaned)
        if converted:
            self.notice.emit(converted)
        if removed or converted:
            cursor = self.textCursor()
            position = cursor.position()
            self._quiet = True
            self.setPlainText(cleaned)
            self._quiet = False
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(cleaned)))
            self.setTextCursor(cursor)
            if removed:
                self.notice.emit(removed_notice())
        self.edited.emit(cleaned)

    def set_quietly(self, text: str) -> None:
        if unicodedata.normalize("NFC", self.toPlainText()) != text:
            self._quiet = True
            self.setPlainText(text)
            self._quiet = False
        self._length = len(text)


def vietnamese_locale() -> QLocale:
    """The locale of the interface language: Vietnamese month and weekday names in the calendar."""
    from ptdraft.gui.i18n import language

    if language() == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def typed_date(text: str) -> _dt.date | None:
    """The date typed as dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or ddmmyyyy; None for an empty box.

    Exactly that date: an impossible one raises ValueError with the reason in Vietnamese."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 8 and text.isdigit():
        text = f"{text[:2]}/{text[2:4]}/{text[4:]}"
    return dates.parse_date(text)


class DateEntry(QLineEdit):
    """The typed date. The mouse wheel never changes it (there is nothing to spin)."""


# What a DateField holds: a date, the (month or None, year) of a date whose day is left blank, or None.
DateValue = _dt.date | tuple[int | None, int] | None


class DateField(QWidget):
    """A date typed as text (dd/mm/yyyy) or picked from a calendar, with the printed form under it.

    What is typed is taken exactly: an impossible date ("31/04/2027") is shown as an error beside the
    field and the draft keeps its last good date, never a neighbouring one. ``blank_allowed`` shows the
    "leave blank" box (the records office writes the date in) and the "leave the day blank" box: the month and
    year stay ("ngày      tháng 11 năm 2023"), typed as "11/2023" (or the year alone) or kept from a whole date."""

    edited = Signal(object)  # a DateValue: datetime.date, (month | None, year) with the day blank, or None

    def __init__(self, parent: QWidget | None = None, blank_allowed: bool = True) -> None:
        super().__init__(parent)
        self._day: _dt.date | None = None
        self._month_year: tuple[int | None, int] | None = None  # typed as "11/2023": the day blank
        self._partial = blank_allowed
        self.picker = DateEntry(self)
        self.picker.setPlaceholderText(_("dd/mm/yyyy"))
        self.picker.setToolTip(
            _("Type the date as day/month/year, e.g. 15/01/2027; with the day left blank, month/year, e.g. 11/2023.")
            if blank_allowed else _("Type the date as day/month/year, e.g. 15/01/2027."))
        widest = max(_("dd/mm/yyyy"), "00/00/00000", key=self.picker.fontMetrics().horizontalAdvance)
        self.picker.setMaximumWidth(self.picker.fontMetrics().horizontalAdvance(widest) + 24)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText(_("Calendar"))
        self.calendar_button.setToolTip(_("Choose the date from a calendar (Alt+Down)"))
        self.calendar_button.clicked.connect(self.open_calendar)
        # Not a Tab stop (Tab goes field to field); from the keyboard, Alt+Down or F4 in the box opens it.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for keys in ("Alt+Down", "F4"):
            QShortcut(QKeySequence(keys), self.picker, self.open_calendar, context=Qt.ShortcutContext.WidgetShortcut)
        self.setFocusProxy(self.picker)
        self.calendar: QCalendarWidget | None = None
        self.blank = QCheckBox(_("Leave blank"), self)
        self.blank.setVisible(blank_allowed)
        self.blank_day = QCheckBox(_("Leave the day blank"), self)
        self.blank_day.setToolTip(_("The day is written in after signing; the month and year print."))
        self.blank_day.setVisible(blank_allowed)
        self.error = QLabel(self)
        self.error.setObjectName("dateError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.printed = QLabel(self)
        self.printed.setObjectName("printedForm")
        self.printed.setWordWrap(True)
        # The printed line goes under the picker: beside it, it widened the form past a 1366-pixel screen.
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.picker)
        row.addWidget(self.calendar_button)
        row.addWidget(self.blank_day)
        row.addWidget(self.blank)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.error)
        box.addWidget(self.printed)
        self.picker.textEdited.connect(self._typed)
        self.picker.editingFinished.connect(self._finished)
        self.blank.toggled.connect(self._emit)
        self.blank_day.toggled.connect(self._emit)

    def value(self) -> DateValue:
        if self.blank.isChecked():
            return None
        if self._month_year is not None:
            return self._month_year
        if self._day is not None and self.blank_day.isChecked():
            return self._day.month, self._day.year
        return self._day

    def _read(self, text: str) -> tuple[_dt.date | None, tuple[int | None, int] | None]:
        """The whole date or the month and year typed; ValueError for anything else."""
        if self._partial:
            month_year = dates.parse_blank_day(text)
            if month_year is not None:
                return None, month_year
        return typed_date(text), None

    def _typed(self, text: str) -> None:
        try:
            day, month_year = self._read(text)
        except ValueError as reason:
            # Only a finished-looking date is an error while typing; a half-typed one waits for Tab.
            if len(text.strip()) >= 8:
                self._show_error(str(reason))
            return
        self._show_error("")
        if (day, month_year) != (self._day, self._month_year):
            self._day, self._month_year = day, month_year
            if month_year is not None:  # "11/2023": the day is blank, and the box says so
                self.blank_day.blockSignals(True)
                self.blank_day.setChecked(True)
                self.blank_day.blockSignals(False)
            self._emit()

    def _finished(self) -> None:
        try:
            self._read(self.picker.text())
        except ValueError as reason:
            self._show_error(str(reason))

    def _show_error(self, message: str) -> None:
        if message:
            message = _("{reason}. The date was not changed.").format(reason=message)
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def _emit(self, *_args) -> None:
        self.picker.setEnabled(not self.blank.isChecked())
        self.calendar_button.setEnabled(not self.blank.isChecked())
        self.blank_day.setEnabled(not self.blank.isChecked())
        if self._month_year is not None and not self.blank_day.isChecked() and not self.blank.isChecked():
            self.error.setText(_("Type the day too (day/month/year) to print it."))  # a hint: the value stands
            self.error.show()
        self.edited.emit(self.value())

    def open_calendar(self) -> None:
        """A calendar under the field, in the interface language; a click or Enter sets the date."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setLocale(vietnamese_locale())
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        day = self._day or _dt.date.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.activated.connect(self._picked)
        calendar.clicked.connect(self._picked)
        calendar.move(self.picker.mapToGlobal(self.picker.rect().bottomLeft()))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()

    def _picked(self, chosen: QDate) -> None:
        day = chosen.toPython()
        assert isinstance(day, _dt.date)
        if self.calendar is not None:
            self.calendar.close()
            self.calendar.deleteLater()
            self.calendar = None
        self.picker.setText(dates.short_date(day))
        self._show_error("")
        self._day, self._month_year = day, None
        self._emit()
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_quietly(self, day: DateValue) -> None:
        """Show ``day`` without saying so: a date, (month or None, year) with the day blank, or None."""
        month_year = day if isinstance(day, tuple) and self._partial else None
        day = day if isinstance(day, _dt.date) else None
        self.blockSignals(True)
        self.blank.blockSignals(True)
        self.blank_day.blockSignals(True)
        self.blank.setChecked(day is None and month_year is None and self.blank.isVisibleTo(self))
        self.blank_day.setChecked(month_year is not None)
        self._day, self._month_year = day, month_year
        if month_year is not None:
            self.picker.setText(dates.blank_day_text(*month_year))
        else:
            self.picker.setText("" if day is None else dates.short_date(day))
        self._show_error("")
        self.picker.setEnabled(day is not None or month_year is not None or not self.blank.isChecked())
        self.calendar_button.setEnabled(self.picker.isEnabled())
        self.blank_day.setEnabled(not self.blank.isChecked())
        self.blank_day.blockSignals(False)
        self.blank.blockSignals(False)
        self.blockSignals(False)


class _DropList(QListWidget):
    """A list that says when a drag has finished moving rows."""

    dropped = Signal()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().dropEvent(event)
        self.dropped.emit()


class _DropTree(QTreeWidget):
    """A tree that says when a drag has finished moving rows."""

    dropped = Signal()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().dropEvent(event)
        self.dropped.emit()


def _wire_moves(editor, view: QWidget) -> None:
    """Buttons and keys (Alt+Up, Alt+Down, Delete) that move and remove the editor's current entry."""
    editor.remove_button.clicked.connect(editor.remove_current)
    editor.up_button.clicked.connect(lambda: editor.move_current(-1))
    editor.down_button.clicked.connect(lambda: editor.move_current(1))
    # Alt+Up/Down work anywhere in the editor (right after Enter the focus is still in the entry line);
    # Delete only in the list, where it cannot mean "delete a character".
    for keys, slot, target, context in (
        ("Alt+Up", lambda: editor.move_current(-1), editor, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        ("Alt+Down", lambda: editor.move_current(1), editor, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        ("Delete", editor.remove_current, view, Qt.ShortcutContext.WidgetShortcut),
    ):
        shortcut = QShortcut(QKeySequence(keys), target)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)


def push_button(text: str, parent: QWidget) -> QPushButton:
    """A push button with ``text``. Made from its parent and given its text after: PySide6 resolves
    ``QPushButton(text, parent)`` against the constructor taking an icon too, which builds QIcon's enums (~2 ms
    before the window's first frame)."""
    button = QPushButton(parent)
    button.setText(text)
    return button


def _button(text: str, tip: str, parent: QWidget) -> QPushButton:
    button = push_button(text, parent)
    button.setToolTip(tip)
    return button


class ListEditor(QWidget):
    """A list of one-line entries: add, remove, edit in place, reorder by drag or Alt+Up/Alt+Down.

    The clerk types only the text; dashes and the ";" / "." at the end are added by the layout.
    """

    changed = Signal(list)
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.list = _DropList(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setMinimumHeight(110)
        self.entry = LineField(self)
        self.entry.setPlaceholderText(_("Type an entry and press Enter"))
        self.add_button = _button(_("Add"), _("Add the entry (Enter)"), self)
        self.remove_button = _button(_("Remove"), _("Remove the selected entry (Delete)"), self)
        self.up_button = _button("↑", _("Move up (Alt+Up)"), self)
        self.down_button = _button("↓", _("Move down (Alt+Down)"), self)
        top = QHBoxLayout()
        top.addWidget(self.entry, 1)
        top.addWidget(self.add_button)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addLayout(middle)
        if suggestions:
            row = QHBoxLayout()
            row.addWidget(QLabel(_("Suggestions:"), self))
            for text in suggestions:
                button = QPushButton(text, self)
                button.clicked.connect(lambda _checked=False, t=text: self.add(t))
                row.addWidget(button)
            row.addStretch(1)
            box.addLayout(row)
        self.entry.returnPressed.connect(self._add_entry)
        self.entry.notice.connect(self.notice)
        self.add_button.clicked.connect(self._add_entry)
        _wire_moves(self, self.list)
        self.list.dropped.connect(self._emit)
        self.list.itemChanged.connect(self._item_changed)

    def values(self) -> list[str]:
        """The entries; an entry from a template keeps its lines (a Jinja loop prints one entry per line)."""
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            stored = item.data(Qt.ItemDataRole.UserRole)
            text = stored if stored is not None else " ".join(item.text().split())
            if text.strip():
                out.append(text)
        return out

    def _emit(self) -> None:
        self.changed.emit(self.values())

    def _new_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        if "{{" in text or "{%" in text:
            # Filled from the template's fields: kept whole (it may print several entries), moved but not edited here.
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setText(" ".join(text.split()))
            item.setToolTip(_("Filled in from the template fields in the Content step"))
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        else:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add(self, text: str) -> None:
        text = " ".join(clean(text)[0].split())
        if not text:
            return
        self.list.blockSignals(True)
        self.list.addItem(self._new_item(text))
        self.list.setCurrentRow(self.list.count() - 1)
        self.list.blockSignals(False)
        self._emit()

    def _add_entry(self) -> None:
        self.add(self.entry.text())
        self.entry.clear()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.list.blockSignals(False)
        self._emit()

    def _item_changed(self, item: QListWidgetItem) -> None:
        cleaned, removed = clean(item.text())
        if removed or cleaned != item.text():
            self.list.blockSignals(True)
            item.setText(cleaned)
            self.list.blockSignals(False)
            if removed:
                self.notice.emit(removed_notice())
        self._emit()

    def set_quietly(self, values) -> None:
        if list(values) == self.values():
            return
        self.list.blockSignals(True)
        self.list.clear()
        for text in values:
            self.list.addItem(self._new_item(text))
        self.list.blockSignals(False)


class _ItemEntry(TextField):
    """The text box of the items editor: Enter adds an item, Ctrl+Enter a sub-item, Shift+Enter breaks the line."""

    add_item = Signal()
    add_subitem = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            modifiers = event.modifiers()
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                super().keyPressEvent(event)
            elif modifiers & Qt.KeyboardModifier.ControlModifier:
                self.add_subitem.emit()
            else:
                self.add_item.emit()
            return
        super().keyPressEvent(event)


class ItemsEditor(QWidget):
    """Numbered items with lettered sub-items, renumbered whenever they move.

    Items show as "1.", "2." …; sub-items as "a)", "b)" … in the Vietnamese order.
    """

    changed = Signal(tuple)
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = _DropTree(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("No."), _("Content")])
        self.tree.setColumnWidth(0, 56)
        self.tree.setWordWrap(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setMinimumHeight(180)
        self.entry = _ItemEntry(self, lines=3)
        self.entry.setPlaceholderText(_("Text of the item: Enter adds it, Ctrl+Enter adds it as a sub-item"))
        self.entry.add_item.connect(self._add_item)
        self.entry.add_subitem.connect(self._add_sub)
        self.add_button = _button(_("Add item"), _("Add a numbered item (1., 2., …) (Enter)"), self)
        self.sub_button = _button(
            _("Add sub-item"), _("Add a sub-item a), b), … under the selected item (Ctrl+Enter)"), self
        )
        self.save_button = _button(_("Update"), _("Replace the selected item's text with the text above"), self)
        self.remove_button = _button(_("Remove"), _("Remove the selected item (Delete)"), self)
        self.up_button = _button("↑", _("Move up (Alt+Up)"), self)
        self.down_button = _button("↓", _("Move down (Alt+Down)"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.sub_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.tree, 1)
        middle.addLayout(side)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.entry)
        box.addLayout(buttons)
        box.addLayout(middle)
        self.entry.notice.connect(self.notice)
        self.add_button.clicked.connect(self._add_item)
        self.sub_button.clicked.connect(self._add_sub)
        self.save_button.clicked.connect(self._update_current)
        _wire_moves(self, self.tree)
        self.tree.dropped.connect(self._after_drop)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._current_changed)

    # -- reading --
    def _tops(self) -> list[QTreeWidgetItem]:
        return [item for row in range(self.tree.topLevelItemCount()) if (item := self.tree.topLevelItem(row))]

    def items(self) -> tuple[Item, ...]:
        out = []
        for top in self._tops():
            subs = tuple(" ".join(sub.text(1).split()) for sub in _children(top) if sub.text(1).strip())
            out.append(Item(" ".join(top.text(1).split()), subs))
        return tuple(out)

    def _emit(self) -> None:
        self.renumber()
        self.changed.emit(self.items())

    def renumber(self) -> None:
        from ptdraft import rules

        self.tree.blockSignals(True)
        for row, top in enumerate(self._tops()):
            top.setText(0, f"{row + 1}.")
            for index, sub in enumerate(_children(top)):
                letter = rules.POINT_LETTERS[index % len(rules.POINT_LETTERS)]
                sub.setText(0, f"{letter})")
        self.tree.blockSignals(False)

    # -- editing --
    def _node(self, text: str) -> QTreeWidgetItem:
        node = QTreeWidgetItem(["", text])
        node.setFlags(node.flags() | Qt.ItemFlag.ItemIsEditable)
        return node

    def _top_of(self, node: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        if node is None:
            return None
        return node.parent() or node

    def add_item(self, text: str, subitems: tuple[str, ...] = ()) -> None:
        text = " ".join(clean(text)[0].split())
        if not text:
            return
        self.tree.blockSignals(True)
        node = self._node(text)
        current = self._top_of(self.tree.currentItem())
        if current is not None:
            self.tree.insertTopLevelItem(self.tree.indexOfTopLevelItem(current) + 1, node)
        else:
            self.tree.addTopLevelItem(node)
        for sub in subitems:
            node.addChild(self._node(sub))
        node.setExpanded(True)
        self.tree.setCurrentItem(node)
        self.tree.blockSignals(False)
        self._emit()

    def add_subitem(self, text: str) -> None:
        text = " ".join(clean(text)[0].split())
        top = self._top_of(self.tree.currentItem())
        if not text or top is None:
            return
        self.tree.blockSignals(True)
        node = self._node(text)
        current = self.tree.currentItem()
        if current is not None and current.parent() is top:
            top.insertChild(top.indexOfChild(current) + 1, node)
        else:
            top.addChild(node)
        top.setExpanded(True)
        self.tree.setCurrentItem(node)
        self.tree.blockSignals(False)
        self._emit()

    def _add_item(self) -> None:
        self.add_item(self.entry.toPlainText())
        self.entry.clear()

    def _add_sub(self) -> None:
        self.add_subitem(self.entry.toPlainText())
        self.entry.clear()

    def _update_current(self) -> None:
        node = self.tree.currentItem()
        text = " ".join(self.entry.toPlainText().split())
        if node is not None and text:
            node.setText(1, text)

    def _current_changed(self, node, _previous) -> None:
        if node is not None:
            self.entry.set_quietly(node.text(1))

    def remove_current(self) -> None:
        node = self.tree.currentItem()
        if node is None:
            return
        parent = node.parent()
        if parent is not None:
            parent.removeChild(node)
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(node))
        if self.tree.currentItem() is None:
            self.entry.set_quietly("")  # the removed item's text must not linger as if it were still there
        self._emit()

    def move_current(self, step: int) -> None:
        node = self.tree.currentItem()
        if node is None:
            return
        parent = node.parent()
        self.tree.blockSignals(True)
        if parent is None:
            row = self.tree.indexOfTopLevelItem(node)
            target = row + step
            if 0 <= target < self.tree.topLevelItemCount():
                expanded = node.isExpanded()
                self.tree.takeTopLevelItem(row)
                self.tree.insertTopLevelItem(target, node)
                node.setExpanded(expanded)
        else:
            row = parent.indexOfChild(node)
            target = row + step
            if 0 <= target < parent.childCount():
                parent.takeChild(row)
                parent.insertChild(target, node)
        self.tree.setCurrentItem(node)
        self.tree.blockSignals(False)
        self._emit()

    def _after_drop(self) -> None:
        # A drop may nest a sub-item one level too deep: lift grandchildren to their item.
        self.tree.blockSignals(True)
        for top in self._tops():
            for child in _children(top):
                while child.childCount():
                    grand = child.takeChild(0)
                    if grand is not None:
                        top.insertChild(top.indexOfChild(child) + 1, grand)
        self.tree.blockSignals(False)
        self._emit()

    def _item_changed(self, node: QTreeWidgetItem, column: int) -> None:
        if column != 1:
            return
        cleaned, removed = clean(node.text(1))
        if removed:
            self.tree.blockSignals(True)
            node.setText(1, cleaned)
            self.tree.blockSignals(False)
            self.notice.emit(removed_notice())
        self._emit()

    def set_quietly(self, items) -> None:
        if tuple(items) == self.items():
            return
        self.tree.blockSignals(True)
        self.tree.clear()
        for item in items:
            node = self._node(item.text)
            self.tree.addTopLevelItem(node)
            for sub in item.subitems:
                node.addChild(self._node(sub))
            node.setExpanded(True)
        self.tree.blockSignals(False)
        self.renumber()


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{2})?\s*(?:phút|p)?\s*$", re.IGNORECASE)


def typed_time(text: str) -> str | None:
    """"8 giờ 00" for a time typed as 8:00, 8h, 8h30, 08:30 or 8 giờ 30; None when the text is not a time."""
    found = _TIME.match(unicodedata.normalize("NFC", text))
    if not found:
        return None
    hour, minute = int(found[1]), int(found[2] or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour} giờ {minute:02d}"


def is_time_field(field_id: str) -> bool:
    """A template field holding a clock time: ``gio``, ``gio_…`` or ``…_gio`` (ids are Vietnamese, no diacritics)."""
    return field_id == "gio" or field_id.startswith("gio_") or field_id.endswith("_gio")


# The window's own keys, as in Word: a text field must not take them for itself (QLineEdit reads Ctrl+E as
# "end of line" on X11), so they reach the menu actions from every field.
WINDOW_KEYS = frozenset((Qt.Key.Key_S, Qt.Key.Key_E, Qt.Key.Key_P, Qt.Key.Key_N, Qt.Key.Key_O))


class WheelGuard(QObject):
    """Spin boxes, combo boxes and calendars without focus let the wheel scroll the form instead of changing
    their value: a date or a number never changes because the pointer passed over it. Also leaves the
    window's Ctrl+S/E/P/N/O to the menu actions whatever field has the focus."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ShortcutOverride:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers == Qt.KeyboardModifier.ControlModifier and Qt.Key(event.key()) in WINDOW_KEYS:
                event.ignore()  # not claimed by the field: the shortcut map gives it to the action
                return True
            return False
        if event.type() == QEvent.Type.Wheel and isinstance(watched, (QAbstractSpinBox, QComboBox)):
            if not watched.hasFocus():
                parent = watched.parentWidget()
                if parent is not None:
                    QApplication.sendEvent(parent, event)  # the scroll area above scrolls
                return True
        return False


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for index in range(item.childCount()) if (child := item.child(index))]


def install_wheel_guard(app: QApplication) -> None:
    """Install the guard once for the whole application (every window, every dialog)."""
    if app.findChild(WheelGuard) is None:  # the guard is the application's child
        app.installEventFilter(WheelGuard(app))
