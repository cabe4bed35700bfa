"""The template library and the outgoing register in the window, installed by :func:`install`:
File → Save as template… and Cấp số…, Tools → Template library… and Outgoing register….

Each action opens its window beside the draft (not modal) and keeps it on the main window
(``window.library_dialog``, ``window.register_dialog``, ``window.save_template_dialog``) so
one is open at a time and tests can reach it. Every action runs through ``window.guard``.
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from ptdraft.gui.i18n import _


def _tools_menu(window) -> QMenu:
    """The Tools menu that tools.install made (a new one if there is none)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title() == _("&Tools"):
            return menu
    return window.menuBar().addMenu(_("&Tools"))


def install(window, file_menu) -> None:
    """Add the actions to the File and Tools menus."""
    window.library_dialog = None
    window.register_dialog = None
    window.save_template_dialog = None
    tools = _tools_menu(window)
    tools.addSeparator()
    window.library_action = window._action(_("Template &library…"), lambda: open_library(window))
    window.register_action = window._action(_("Outgoing &register…"), lambda: open_register(window))
    tools.addAction(window.library_action)
    tools.addAction(window.register_action)

    window.save_template_action = window._action(_("Save as &template…"), lambda: open_save_as_template(window))
    window.issue_number_action = window._action(_("Issue &number (Cấp số)…"), lambda: issue_number(window),
                                                 QKeySequence("Ctrl+Shift+N"))
    window.issue_number_action.setToolTip(_("Take the next number from the outgoing register and write it into "
                                            "the document"))
    before = window.export_action
    file_menu.insertAction(before, window.save_template_action)
    file_menu.insertAction(before, window.issue_number_action)
    file_menu.insertSeparator(before)


def _show(window, name: str, make, again=None) -> QDialog:
    """Raise the open dialog ``name`` (calling ``again`` on it) or make a new one."""
    dialog = getattr(window, name, None)
    if dialog is not None and dialog.isVisible():
        if again is not None:
            window.guard(lambda: again(dialog))
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    dialog = make()
    dialog.setModal(False)
    setattr(window, name, dialog)
    dialog.show()
    return dialog


def open_library(window) -> QDialog:
    from ptdraft.gui.library_window import LibraryDialog

    return _show(window, "library_dialog", lambda: LibraryDialog(window), lambda d: d.refresh())


def open_register(window) -> QDialog:
    from ptdraft.gui.register_ui import RegisterDialog

    return _show(window, "register_dialog", lambda: RegisterDialog(window), lambda d: d.reload())


def open_save_as_template(window) -> QDialog:
    from ptdraft.gui.save_template_ui import SaveAsTemplateDialog

    if window.save_template_dialog is not None:
        window.save_template_dialog.close()
    return _show(window, "save_template_dialog", lambda: SaveAsTemplateDialog(window))


def issue_number(window):
    from ptdraft.gui import register_ui

    entry = register_ui.issue_number(window)
    if entry is not None and window.register_dialog is not None and window.register_dialog.isVisible():
        window.guard(window.register_dialog.reload)
    return entry
