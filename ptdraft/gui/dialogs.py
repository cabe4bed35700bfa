"""Dialogs: each takes values in and gives values back; the window never reaches inside them.

:class:`Prompts` gathers the questions the window asks, so tests can answer them.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ptdraft import __version__
from ptdraft.gui.i18n import _
from ptdraft.gui.widgets import MARGIN, SPACING

DRAFT_SUFFIX = ".ptdraft.json"
BLANK = "blank"


def draft_filter() -> str:
    return _("ptdraft drafts (*.ptdraft.json *.json)")


class TemplateChooser(QDialog):
    """Start page: templates (approved first), searchable by title and type, plus "Văn bản trống" and recent drafts.

    ``choice`` after exec: ("template", Template), ("blank", None) or ("recent", Path).
    """

    def __init__(self, templates, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New document"))
        self.resize(640, 480)
        self.templates = templates
        self.choice: tuple[str, object] | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by title or type"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.recent = QListWidget(self)
        self.recent.setMaximumHeight(110)
        for path in recent:
            item = QListWidgetItem(f"{path.name} — {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, ("recent", path))
            self.recent.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(_("Open"))  # Qt has no Vietnamese for its own
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        box = QVBoxLayout(self)
        box.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        box.setSpacing(SPACING)
        box.addWidget(QLabel(_("Choose a template"), self))
        box.addWidget(self.search)
        box.addWidget(self.list, 1)
        box.addWidget(QLabel(_("Recent drafts"), self))
        box.addWidget(self.recent)
        box.addWidget(buttons)
        self.search.textChanged.connect(self.fill)
        self.list.itemActivated.connect(lambda item: self._accept(item))
        self.recent.itemActivated.connect(lambda item: self._accept(item))
        buttons.accepted.connect(self._accept_current)
        buttons.rejected.connect(self.reject)
        self.fill("")
        self.search.setFocus()

    def fill(self, query: str) -> None:
        from ptdraft.templates import APPROVAL_LABELS

        needle = query.casefold().strip()
        self.list.clear()
        blank = QListWidgetItem(_("Blank document (công văn)"))
        blank.setData(Qt.ItemDataRole.UserRole, (BLANK, None))
        self.list.addItem(blank)
        for template in self.templates:
            haystack = f"{template.title} {template.doc_type} {template.id}".casefold()
            if needle and needle not in haystack:
                continue
            state = APPROVAL_LABELS.get(template.approval.state, template.approval.state)
            text = f"{template.title}\n    {template.doc_type} · {_('version')} {template.version} · {state}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ("template", template))
            self.list.addItem(item)
        self.list.setCurrentRow(1 if self.list.count() > 1 and needle else 0)

    def _accept(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.choice = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def _accept_current(self) -> None:
        item = self.recent.currentItem() if self.recent.hasFocus() else self.list.currentItem()
        self._accept(item)


class ProblemsDialog(QDialog):
    """The problems found before export; the clerk may still export (some finish in Word)."""

    def __init__(self, problems, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Check before export"))
        self.resize(520, 360)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(_("The document still has these problems:"), self))
        listing = QListWidget(self)
        for problem in problems:
            listing.addItem(problem.message)
        box.addWidget(listing, 1)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("Export anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Go back and fix"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)


def about_text() -> str:
    return _(
        "<b>ptdraft {version}</b><br>Drafting Vietnamese administrative documents in the format of "
        "Nghị định 30/2020/NĐ-CP.<br>Works offline."
    ).format(version=__version__)


def _ask(parent: QWidget | None, text: str) -> bool:
    """A yes/no question with the buttons in the interface language (Qt's own Yes/No stay English)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("ptdraft")
    box.setText(text)
    yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
    box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def _tell(parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon) -> None:
    """A message with one button in the interface language."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


class Prompts:
    """The questions the window asks the clerk. Tests replace it with scripted answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def save_changes(self, name: str) -> str:
        """"save", "discard" or "cancel"."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("ptdraft")
        box.setText(_("Save the changes to \"{name}\"?").format(name=name))
        save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def restore(self, when: float, path: Path | None) -> bool:
        stamp = _dt.datetime.fromtimestamp(when).strftime("%H:%M %d/%m/%Y")
        name = path.name if path else _("an unsaved draft")
        return _ask(
            self.parent,
            _("ptdraft did not close normally. Restore the work autosaved at {time} ({name})?").format(time=stamp, name=name),
        )

    def choose_template(self, templates, recent: list[Path]):
        dialog = TemplateChooser(templates, recent, self.parent)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_path(self, folder: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self.parent, _("Open draft"), folder, draft_filter())
        return Path(path) if path else None

    def save_path(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self.parent, _("Save draft"), suggested, draft_filter())
        if not path:
            return None
        if not path.endswith(".json"):
            path += DRAFT_SUFFIX
        return Path(path)

    def export_path(self, suggested: str, kind: str) -> Path | None:
        label = _("Word documents (*.docx)") if kind == "docx" else _("PDF files (*.pdf)")
        path, _filter = QFileDialog.getSaveFileName(self.parent, _("Export"), suggested, label)
        if not path:
            return None
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        return Path(path)

    def confirm_problems(self, problems) -> bool:
        return ProblemsDialog(problems, self.parent).exec() == QDialog.DialogCode.Accepted

    def info(self, title: str, text: str) -> None:
        _tell(self.parent, title, text, QMessageBox.Icon.Information)

    def error(self, message: str) -> None:
        _tell(self.parent, "ptdraft", message, QMessageBox.Icon.Warning)

    def try_other_name(self, message: str) -> bool:
        return _ask(self.parent, message + "\n\n" + _("Save under another name?"))

    def exported(self, path: Path) -> str:
        """After export: "file", "folder" or "close"."""
        box = QMessageBox(self.parent)
        box.setWindowTitle("ptdraft")
        box.setText(_("Exported to {path}").format(path=path))
        open_file = box.addButton(_("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "file" if clicked is open_file else "folder" if clicked is open_folder else "close"

    def about(self) -> None:
        _tell(self.parent, _("About ptdraft"), about_text(), QMessageBox.Icon.Information)
