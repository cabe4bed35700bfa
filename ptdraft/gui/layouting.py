"""The window's spacing and the small helpers its dialogs are laid out with, so a constructor reads like a table:

    dialog_box(self,
               form((_("Title"), self.title_edit),
                    (_("Folder"), (self.folder, 1), choose_button)),
               (self.list, 1),
               hbox(STRETCH, ok_button, close_button))

An item is a widget, a layout, :data:`STRETCH` (room that grows), or ``(item, stretch)`` for an item that takes a
share of the room. Margins and spacing are set only where asked for; a layout left alone keeps Qt's own.
"""
from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QFormLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

MARGIN = 8  # around a dialog's or a step's content, in pixels
SPACING = 6  # between the items of a dialog's or a step's content

STRETCH = object()  # an item: room that grows, pushing what follows to the end


def _spaced(layout: QLayout, margin: int | None, spacing: int | None) -> None:
    if margin is not None:
        layout.setContentsMargins(margin, margin, margin, margin)
    if spacing is not None:
        layout.setSpacing(spacing)


def add_items(layout: QBoxLayout, *items) -> QBoxLayout:
    """Add ``items`` (widgets, layouts, :data:`STRETCH`, ``(item, stretch)``) to a box layout, in order."""
    for entry in items:
        item, stretch = entry if isinstance(entry, tuple) else (entry, 0)
        if item is STRETCH:
            layout.addStretch(1)
        elif isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout


def hbox(*items, margin: int | None = None, spacing: int | None = None, parent: QWidget | None = None) -> QHBoxLayout:
    """``items`` side by side (the layout of ``parent`` when one is given)."""
    layout = QHBoxLayout(parent) if parent is not None else QHBoxLayout()
    _spaced(layout, margin, spacing)
    add_items(layout, *items)
    return layout


def vbox(*items, margin: int | None = None, spacing: int | None = None, parent: QWidget | None = None) -> QVBoxLayout:
    """``items`` one under the other (the layout of ``parent`` when one is given)."""
    layout = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    _spaced(layout, margin, spacing)
    add_items(layout, *items)
    return layout


def dialog_box(dialog: QWidget, *items, spacing: int | None = SPACING) -> QVBoxLayout:
    """The layout of a dialog (or a page of one): ``items`` one under the other, :data:`MARGIN` around them and
    ``spacing`` between them."""
    return vbox(*items, margin=MARGIN, spacing=spacing, parent=dialog)


def page(parent: QWidget, *items, spacing: int | None = None) -> QWidget:
    """A widget holding ``items`` one under the other, flush with its edges (a side of a splitter, a tab)."""
    widget = QWidget(parent)
    vbox(*items, margin=0, spacing=spacing, parent=widget)
    return widget


def form(*rows, margin: int | None = None, spacing: int | None = None) -> QFormLayout:
    """A form, one row per ``(label, *items)``: one item is the row's field; several are laid side by side."""
    layout = QFormLayout()
    _spaced(layout, margin, spacing)
    for label, *items in rows:
        if len(items) == 1 and not isinstance(items[0], tuple) and items[0] is not STRETCH:
            layout.addRow(label, items[0])
        else:
            layout.addRow(label, hbox(*items))
    return layout
