"""Tools → Template library → Import…: what a template file from another office holds, before it is added."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from ptdraft import api
from ptdraft.gui.i18n import _
from ptdraft.gui.preview import PreviewPanel
from ptdraft.gui.window_place import fit_dialog


class ImportReview(QDialog):
    """What a template file holds (the engine's summary) and its example rendered, before it is added."""

    def __init__(self, name: str, check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import {name}").format(name=name))
        fit_dialog(self, 1100, 660)
        summary = QPlainTextEdit(self)
        summary.setReadOnly(True)
        summary.setPlainText("\n".join(check.summary))
        self.summary = summary
        self.preview = PreviewPanel(self)
        _content, layout, _errors = api.preview(api.example_draft(check.template))
        self.preview.show_layout(layout)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(summary)
        splitter.addWidget(self.preview)
        splitter.setSizes([560, 500])
        note = QLabel(_("The file is a valid template and its example renders in the sandbox. "
                        "Add it to the library, waiting for a reviewer's approval?"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("Add to the library"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addWidget(splitter, 1)
        box.addWidget(buttons)
