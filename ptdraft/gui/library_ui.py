"""The template library and the outgoing register in the window: :class:`LibraryFeature`, made and kept by the main
window (``window.library``), which puts its actions in File (Save as template…, Cấp số…) and Tools (Template
library…, Outgoing register…).

Each action opens its window beside the draft (not modal) and the feature keeps it (``library_dialog``,
``register_dialog``, ``save_template_dialog``) so one is open at a time and tests can reach it. Every action runs
through the host's error boundary.
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from ptdraft.gui.host import Host
from ptdraft.gui.i18n import _


class LibraryFeature:
    def __init__(self, host: Host) -> None:
        self.host = host
        self.library_dialog: QDialog | None = None
        self.register_dialog: QDialog | None = None
        self.save_template_dialog: QDialog | None = None
        # Tools menu
        self.library_action = host.make_action(_("Template &library…"), self.open_library)
        self.register_action = host.make_action(_("Outgoing &register…"), self.open_register)
        # File menu
        self.save_template_action = host.make_action(_("Save as &template…"), self.open_save_as_template)
        self.issue_number_action = host.make_action(_("Issue &number (Cấp số)…"), self.issue_number,
                                                    QKeySequence("Ctrl+Shift+N"))
        self.issue_number_action.setToolTip(_("Take the next number from the outgoing register and write it into "
                                              "the document"))

    def _show(self, name: str, make, again=None) -> QDialog:
        """Raise the open dialog ``name`` (calling ``again`` on it) or make a new one."""
        dialog = getattr(self, name)
        if dialog is not None and dialog.isVisible():
            if again is not None:
                self.host.guard(lambda: again(dialog))
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = make()
        dialog.setModal(False)
        setattr(self, name, dialog)
        dialog.show()
        return dialog

    def open_library(self) -> QDialog:
        from ptdraft.gui.library_window import LibraryDialog

        return self._show("library_dialog", lambda: LibraryDialog(self.host), lambda d: d.refresh())

    def open_register(self) -> QDialog:
        from ptdraft.gui.register_ui import RegisterDialog

        return self._show("register_dialog", lambda: RegisterDialog(self.host), lambda d: d.reload())

    def open_save_as_template(self) -> QDialog:
        from ptdraft.gui.save_template_ui import SaveAsTemplateDialog

        if self.save_template_dialog is not None:
            self.save_template_dialog.close()
        return self._show("save_template_dialog", lambda: SaveAsTemplateDialog(self.host))

    def issue_number(self):
        from ptdraft.gui import register_ui

        entry = register_ui.issue_number(self.host)
        if entry is not None and self.register_dialog is not None and self.register_dialog.isVisible():
            self.host.guard(self.register_dialog.reload)
        return entry
