"""One part of the document in its step: the template fields it prints, or its plain text; never template code.

A part whose text comes from template fields ("{{ co_quan }}", a loop over the recipients) shows those fields,
with their labels, help and values, and the text it prints, read-only. A part of plain text shows its editor
(a line, a text, a list of entries, the numbered items). One button turns the part into free text (the text it
prints now, to edit as the clerk likes); another puts the template's wording back (docs/decisions/0018).
"""
from __future__ import annotations


from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ptdraft import rules
from ptdraft.rules import Element
from ptdraft.templating import part_fields
from ptdraft.reference.dates import as_date
from ptdraft.gui.i18n import _
from ptdraft.gui.state import DraftState
from ptdraft.gui.widgets import (
    DateField, ItemsEditor, LineField, ListEditor, TextField, is_time_field, push_button, typed_time,
)
from ptdraft.model import Content, Draft, Field, FieldKind, Item


def field_widget(parent: QWidget, item: Field, state: DraftState, notice) -> QWidget:
    """The input for one template field, writing its value to the draft as the clerk types."""
    widget: QWidget
    if item.kind is FieldKind.MULTILINE:
        text = TextField(parent, lines=3)
        text.edited.connect(lambda value, i=item.id: state.set_value(i, value))
        text.notice.connect(notice)
        widget = text
    elif item.kind is FieldKind.NUMBER:
        number = QDoubleSpinBox(parent)
        number.setRange(-1e12, 1e12)
        number.setDecimals(0 if not isinstance(item.default, float) else 2)
        number.valueChanged.connect(lambda v, i=item.id: state.set_value(i, int(v) if float(v).is_integer() else v))
        widget = number
    elif item.kind is FieldKind.DATE:
        day_field = DateField(parent, blank_allowed=False)
        day_field.printed.hide()
        day_field.edited.connect(lambda day, i=item.id: state.set_value(i, None if day is None else day.isoformat()))
        widget = day_field
    elif item.kind is FieldKind.CHOICE:
        choice = QComboBox(parent)
        for option in item.options:
            choice.addItem(option, option)
        choice.currentIndexChanged.connect(lambda _x, w=choice, i=item.id: state.set_value(i, w.currentData()))
        widget = choice
    elif item.kind is FieldKind.LIST:
        entries = ListEditor(parent)
        entries.changed.connect(lambda values, i=item.id: state.set_value(i, list(values)))
        entries.notice.connect(notice)
        widget = entries
    else:
        line = LineField(parent)
        line.edited.connect(lambda value, i=item.id: state.set_value(i, value))
        line.notice.connect(notice)
        if is_time_field(item.id):
            line.setToolTip(_("Type the time as 8:00 or 8h; it prints as \"8 giờ 00\"."))
            line.editingFinished.connect(lambda w=line, i=item.id: _time_typed(state, w, i))
        widget = line
    if item.help:
        widget.setToolTip(item.help)
        if isinstance(widget, (LineField, TextField)):
            widget.setPlaceholderText(item.help)
    return widget


def _time_typed(state: DraftState, widget: LineField, field_id: str) -> None:
    """A time typed as 8:00 or 8h becomes "8 giờ 00", the form the page prints."""
    written = typed_time(widget.text())
    if written is not None and written != widget.text():
        widget.set_quietly(written)
        state.set_value(field_id, written)


def focus_of(widget: QWidget) -> QWidget:
    """The widget that takes the cursor for a field (a list's entry line, a date's box)."""
    return getattr(widget, "entry", None) or getattr(widget, "picker", None) or widget


def set_field_value(widget: QWidget, item: Field, draft: Draft) -> None:
    """Show a field's value without sending an edit."""
    value = draft.values.get(item.id, item.default)
    widget.blockSignals(True)
    try:
        if isinstance(widget, (LineField, TextField)):
            text = "" if value is None else str(value)
            current = widget.text() if isinstance(widget, LineField) else widget.toPlainText()
            if current != text:
                widget.set_quietly(text)
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value) if isinstance(value, (int, float)) else 0.0)
        elif isinstance(widget, DateField):
            day = as_date(value)
            if widget.value() != day:
                widget.set_quietly(day)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, ListEditor):
            values = list(value) if isinstance(value, (list, tuple)) else []
            if widget.values() != values:
                widget.set_quietly(values)
    finally:
        widget.blockSignals(False)


def _utf16(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (how a QTextDocument counts positions)."""
    return len(text.encode("utf-16-le")) // 2


def _same_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (halving the span: the comparisons run in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _same_end(a: str, b: str, most: int) -> int:
    """How many characters (at most ``most``) ``a`` and ``b`` share at their end."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:] == b[len(b) - middle:]:
            low = middle
        else:
            high = middle - 1
    return low


class PrintedBox(QPlainTextEdit):
    """The read-only box under a part its fields fill: what the part prints. A key changes a few characters of it,
    so only those are replaced (setPlainText would lay the whole text out again); while the box is not on the
    screen (its step is not the one shown) the new text waits until it is shown, or read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)  # read-only: the replacements keep no history
        self._waiting: str | None = None

    def show_text(self, text: str) -> None:
        self._waiting = text
        if self.isVisible():
            self._catch_up()

    def toPlainText(self) -> str:  # noqa: N802 - Qt override
        self._catch_up()
        return super().toPlainText()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._catch_up()
        super().showEvent(event)

    def _catch_up(self) -> None:
        if self._waiting is None:
            return
        text, self._waiting = self._waiting, None
        document = self.document()
        shown = document.toRawText().replace("\u2029", "\n")  # as set: no space in place of a no-break space
        if shown == text:
            return
        if "\u2029" in text or "\r" in text or document.characterCount() - 1 != _utf16(shown):
            self.setPlainText(text)  # no one-to-one splice: the box's own reading of the text
            return
        start = _same_start(shown, text)
        end = _same_end(shown, text, min(len(shown), len(text)) - start)
        cursor = QTextCursor(document)
        cursor.setPosition(_utf16(shown[:start]))
        cursor.setPosition(_utf16(shown[:len(shown) - end]), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text[start:len(text) - end])


# The parts the page prints in capitals whatever their case in the draft (rules.STYLES: upper), by their element.
_IN_CAPITALS = {"parent_authority": Element.PARENT_AUTHORITY, "authority": Element.AUTHORITY,
                "deciding_authority": Element.DECIDING_AUTHORITY, "circulation": Element.CIRCULATION}


def printed_text(value: object) -> str:
    """A part's printed value as the clerk reads it: a list one entry a line, items numbered."""
    if isinstance(value, str):
        return value.strip()
    lines: list[str] = []
    for number, entry in enumerate(value if isinstance(value, tuple) else (), 1):
        if isinstance(entry, Item):
            lines.append(f"{number}. {entry.text}")
            lines.extend(f"    {chr(96 + n)}) {sub}" for n, sub in enumerate(entry.subitems, 1))
        else:
            lines.append(f"- {entry}")
    return "\n".join(lines)


class PartEditor(QWidget):
    """A part of the document: its fields (and what it prints), or its plain editor."""

    mode_changed = Signal()  # the part became free text or went back to the template's wording

    def __init__(self, state: DraftState, part: str, plain: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.part = part
        self.plain = plain
        self.from_fields = False
        self.wording: Content | None = None
        self.field_widgets: dict[str, QWidget] = {}
        self._fields: tuple[Field, ...] = ()
        self.fields_box = QWidget(self)
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setContentsMargins(0, 0, 0, 0)
        self.fields_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # template labels run long
        # Read-only, of a height set by its lines (a word-wrapped label would not get its height in the
        # scrolling form and squeeze the fields above it).
        self.printed = PrintedBox(self)
        self.printed.setObjectName("printedResult")
        self.printed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.printed.setStyleSheet("color: #444; background: #f4f4f4;")
        self.printed.setToolTip(_("How this part prints (read-only); change the fields above"))
        self.to_free = push_button(_("Edit as free text"), self)
        self.to_free.setToolTip(_("Write this part out as the text it prints now and edit it freely; "
                                  "its fields no longer fill it"))
        self.to_template = push_button(_("Back to the template's wording"), self)
        self.to_template.setToolTip(_("Replace this part's text by the template's wording, filled from its fields"))
        for button in (self.to_free, self.to_template):
            button.setFlat(True)
            button.setStyleSheet("color: #0645ad; text-align: left;")
            button.setAutoDefault(False)
        self.to_free.clicked.connect(self.make_free_text)
        self.to_template.clicked.connect(self.restore_wording)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.to_free)
        buttons.addWidget(self.to_template)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        plain.setParent(self)
        box.addWidget(plain)
        box.addWidget(self.fields_box)
        box.addWidget(self.printed)
        box.addLayout(buttons)
        self.fields_box.hide()
        self.printed.hide()
        self.to_free.hide()
        self.to_template.hide()

    # -- showing -----------------------------------------------------------------------------
    def load(self, draft: Draft, wording: Content | None, skip: frozenset[str] = frozenset()) -> None:
        """Show the part as the draft has it: its fields when they fill it, else its plain editor. ``skip``: fields
        an earlier part of the same step already shows (one box per field in a step; the printed text shows both)."""
        self.wording = wording
        self.from_fields = part_fields.from_fields(draft.content, self.part)
        self.plain.setVisible(not self.from_fields)
        if self.from_fields:
            self._clear_plain()  # the template code never sits in a box, even a hidden one
        fields = part_fields.fields_of(draft, self.part) if self.from_fields else ()
        fields = tuple(item for item in fields if item.id not in skip)
        if fields != self._fields:
            self._build(fields)
        self.sync_values(draft)
        self.fields_box.setVisible(bool(fields))
        source = part_fields.part_value(draft.content, self.part)
        alone = isinstance(source, str) and len(fields) == 1 and source.strip() in (
            f"{{{{ {fields[0].id} }}}}", f"{{{{{fields[0].id}}}}}")
        self.printed.setVisible(self.from_fields and not alone)
        self.to_free.setVisible(self.from_fields)
        self.to_template.setVisible(part_fields.can_restore(draft, wording, self.part))

    def _clear_plain(self) -> None:
        if isinstance(self.plain, QComboBox):
            self.plain.blockSignals(True)
            self.plain.setCurrentText("")
            self.plain.blockSignals(False)
            return
        quiet = getattr(self.plain, "set_quietly")  # every plain editor but the combo box has it
        quiet(() if isinstance(self.plain, (ListEditor, ItemsEditor)) else "")

    def _build(self, fields: tuple[Field, ...]) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.field_widgets = {}
        for item in fields:
            widget = field_widget(self.fields_box, item, self.state, self._notice)
            label = f"{item.label} *" if item.required else item.label
            self.fields_form.addRow(label, widget)
            self.field_widgets[item.id] = widget
        self._fields = fields
        # Made after the rest of the step: put them where the part is in the Tab order.
        chain = [focus_of(self.plain)] + [focus_of(w) for w in self.field_widgets.values()]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _notice(self, text: str) -> None:
        notice = getattr(self.parent(), "notice", None)
        if notice is not None:
            notice.emit(text)

    def sync_values(self, draft: Draft) -> None:
        """Show the fields' values (typed here or in another step that prints them too)."""
        for item in self._fields:
            widget = self.field_widgets[item.id]
            if not (isinstance(widget, DateField) and widget.picker.hasFocus()):  # a date half typed stays
                set_field_value(widget, item, draft)

    def show_filled(self, filled: Content) -> None:
        if self.from_fields:
            value = part_fields.part_value(filled, self.part)
            if self.part == "archive" and isinstance(value, tuple):  # printed on one line: "Lưu: VT, KT."
                text = ", ".join(str(unit) for unit in value)
            else:
                text = printed_text(value)
            if self.part in _IN_CAPITALS and rules.STYLES[_IN_CAPITALS[self.part]].upper:
                text = text.upper()  # as the page prints it ("UBND TỈNH QUẢNG TRỊ" for "UBND TỈNH Quảng Trị")
            text = text if len(text) <= 3000 else text[:2997] + "…"
            self.printed.show_text(text)
            lines = min(6, max(1, len(text) // 60 + text.count("\n") + 1))
            height = lines * self.printed.fontMetrics().lineSpacing() + 14
            if self.printed.height() != height:
                self.printed.setFixedHeight(height)
                self.updateGeometry()

    def focus_widget(self) -> QWidget:
        if self.from_fields and self.field_widgets:
            return focus_of(next(iter(self.field_widgets.values())))
        return focus_of(self.plain)

    # -- the two actions ---------------------------------------------------------------------------
    def make_free_text(self) -> None:
        """The part becomes the text it prints now, edited as plain text."""
        self.state.set_content(part_fields.as_free_text(self.state.draft, self.part))
        self.mode_changed.emit()
        focus_of(self.plain).setFocus(Qt.FocusReason.OtherFocusReason)

    def restore_wording(self) -> None:
        """The part goes back to the template's wording, filled from its fields."""
        if self.wording is None:
            return
        self.state.set_content(part_fields.restored(self.state.draft, self.wording, self.part))
        self.mode_changed.emit()
        self.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
