"""Dialogs: each takes values in and gives values back; the window never reaches inside them.

:class:`Prompts` gathers the questions the window asks, so tests can answer them.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ptdraft import __version__
from ptdraft.gui.i18n import _, state_name
from ptdraft.gui.layouting import dialog_box
from ptdraft.gui.window_place import fit_dialog

DRAFT_SUFFIX = ".ptdraft.json"
BLANK = "blank"


def draft_filter() -> str:
    return _("ptdraft drafts (*.ptdraft.json *.json)")


class TemplateChooser(QDialog):
    """Start page: templates (approved first), searchable by title and type, plus "Văn bản trống" and recent drafts.

    ``choice`` after exec: ("template", Template), ("blank", None) or ("recent", Path).
    ``listing``, when given, is ``listing(include_all) -> api.TemplateListing``: the office library
    (approved templates for clerks; every state with "show all") replaces ``templates``, and a
    database that cannot be used shows its message above the shipped templates.
    """

    def __init__(self, templates, recent: list[Path], parent: QWidget | None = None, listing=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New document"))
        fit_dialog(self, 640, 520)
        self.templates = list(templates)
        self.states: dict[int, str] = {}
        self.listing = listing
        self.choice: tuple[str, object] | None = None
        self.show_all = QCheckBox(_("Show all versions and states (reviewer)"), self)
        self.show_all.setVisible(listing is not None)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a02000")
        self.error_label.hide()
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
        dialog_box(self, QLabel(_("Choose a template"), self), self.error_label, self.search, self.show_all,
                   (self.list, 1), QLabel(_("Recent drafts"), self), self.recent, buttons)
        self.search.textChanged.connect(self.fill)
        self.show_all.toggled.connect(lambda _on: self.load())
        self.list.itemActivated.connect(lambda item: self._accept(item))
        self.recent.itemActivated.connect(lambda item: self._accept(item))
        buttons.accepted.connect(self._accept_current)
        buttons.rejected.connect(self.reject)
        self.load()
        self.search.setFocus()

    def load(self) -> None:
        """Read the templates again from ``listing`` (never fails: the shipped ones stay on a database error)."""
        if self.listing is not None:
            result = self.listing(self.show_all.isChecked())
            self.templates = [entry.template for entry in result.entries]
            self.states = {id(entry.template): entry.state for entry in result.entries}
            problems = [str(p) for p in result.problems]
            if result.error is not None:
                problems.insert(0, _("The template library cannot be used; only the shipped templates are shown.")
                                + "\n" + str(result.error))
            self.error_label.setText("\n".join(problems))
            self.error_label.setVisible(bool(problems))
        self.fill(self.search.text())

    def fill(self, query: str) -> None:
        needle = query.casefold().strip()
        self.list.clear()
        blank = QListWidgetItem(_("Blank document (công văn)"))
        blank.setData(Qt.ItemDataRole.UserRole, (BLANK, None))
        self.list.addItem(blank)
        for template in self.templates:
            haystack = f"{template.title} {template.doc_type} {template.id}".casefold()
            if needle and needle not in haystack:
                continue
            state = state_name(self.states.get(id(template), template.approval.state))
            line = _("{doc_type} · version {version} · {state}").format(
                doc_type=template.doc_type, version=template.version, state=state)
            text = f"{template.title}\n    {line}"
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
            fix = getattr(problem, "fix", "")
            listing.addItem(_("{message}\nHow to fix: {fix}").format(message=problem.message, fix=fix) if fix
                            else problem.message)
        box.addWidget(listing, 1)
        note = QLabel(_("Exported anyway, the document is marked \"DỰ THẢO\" (draft) in a box at the top left of "
                        "page 1, as the preview shows."), self)
        note.setWordWrap(True)
        box.addWidget(note)
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


def _choose(parent: QWidget | None, text: str, choices, icon=None) -> str:
    """A question with buttons in the interface language; the key of the button clicked (the last one's when
    the box is closed)."""
    box = QMessageBox(parent)
    if icon is not None:
        box.setIcon(icon)
    box.setWindowTitle("ptdraft")
    box.setText(text)
    buttons = [(key, box.addButton(label, role)) for key, label, role in choices]
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons if button is clicked), choices[-1][0])


REPORT_LINES = 8  # a message of more lines (an import's report) is shown in a text box that scrolls


class ReportDialog(QDialog):
    """A long message (what an import recognised, line by line, labels and values in columns): in a read-only text
    box in a fixed-width font, so its columns stay apart and it scrolls instead of growing past the screen."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(text)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        dialog_box(self, self.text, buttons)
        fit_dialog(self, 900, 560)


def _tell(parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon) -> None:
    """A message with one button in the interface language; a long one in a text box that scrolls."""
    if text.count("\n") >= REPORT_LINES:
        ReportDialog(title, text, parent).exec()
        return
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


class TextQuestion(QDialog):
    """One line of text asked for (the reason a number is cancelled), with buttons in the interface language."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(480, 140)
        self.edit = QLineEdit(self)
        text = QLabel(label, self)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(text)
        box.addWidget(self.edit)
        box.addWidget(buttons)


# The size of the file dialog Qt draws itself (its own default is too small for a sidebar in Vietnamese and the
# four columns); a smaller screen gets what it has. The system's dialogs (Windows) size themselves.
FILE_DIALOG_SIZE = (900, 560)


def _ask_file(parent: QWidget | None, title: str, folder: str, filters: str = "", *, save: bool = False,
              folder_only: bool = False) -> str:
    """The path chosen in a file dialog ("" when cancelled): the system's own where it has one (it speaks the
    system's language), else Qt's, in the interface language (ptdraft/gui/qt_texts.py) and large enough."""
    dialog = QFileDialog(parent, title, folder, filters)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    elif folder_only:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    room = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
    dialog.resize(min(FILE_DIALOG_SIZE[0], room.width() - 40), min(FILE_DIALOG_SIZE[1], room.height() - 60))
    sidebar = dialog.findChild(QSplitter, "splitter")
    if sidebar is not None and sidebar.count() == 2:  # room for "Máy tính" and the folders' names
        sidebar.setSizes([170, dialog.width() - 170])
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # the name takes the room; size and date as wide as they need
        header = details.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.hideSection(2)  # the type, which the filter already says, in the system's English description
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def _file_path(path: str, suffix: str) -> Path | None:
    if not path:
        return None
    if suffix and not path.lower().endswith(suffix):
        path += suffix
    return Path(path)


class Prompts:
    """The questions the window asks the clerk. Tests replace it with scripted answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def save_changes(self, name: str) -> str:
        """"save", "discard" or "cancel"."""
        return _choose(
            self.parent,
            _("Save the changes to \"{name}\"?").format(name=name),
            (("save", _("Save"), QMessageBox.ButtonRole.AcceptRole),
             ("discard", _("Don't save"), QMessageBox.ButtonRole.DestructiveRole),
             ("cancel", _("Cancel"), QMessageBox.ButtonRole.RejectRole)),
            QMessageBox.Icon.Question,
        )

    def restore(self, when: float, path: Path | None) -> bool:
        stamp = _dt.datetime.fromtimestamp(when).strftime("%H:%M %d/%m/%Y")
        name = path.name if path else _("an unsaved draft")
        return _ask(
            self.parent,
            _("ptdraft did not close normally. Restore the work autosaved at {time} ({name})?").format(time=stamp, name=name),
        )

    def choose_template(self, templates, recent: list[Path]):
        """The start page: the office library's templates (the shipped ``templates`` when it cannot be used)."""
        from ptdraft import api

        dialog = TemplateChooser(
            templates, recent, self.parent, listing=lambda include_all: api.library_templates(include_all=include_all)
        )
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_path(self, folder: str) -> Path | None:
        path = _ask_file(self.parent, _("Open draft"), folder, draft_filter())
        return Path(path) if path else None

    def save_path(self, suggested: str) -> Path | None:
        path = _ask_file(self.parent, _("Save draft"), suggested, draft_filter(), save=True)
        if not path:
            return None
        if not path.endswith(".json"):
            path += DRAFT_SUFFIX
        return Path(path)

    def export_path(self, suggested: str, kind: str) -> Path | None:
        label = _("Word documents (*.docx)") if kind == "docx" else _("PDF files (*.pdf)")
        path = _ask_file(self.parent, _("Export"), suggested, label, save=True)
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
        return _choose(
            self.parent,
            _("Exported to {path}").format(path=path),
            (("file", _("Open file"), QMessageBox.ButtonRole.AcceptRole),
             ("folder", _("Open folder"), QMessageBox.ButtonRole.ActionRole),
             ("close", _("Close"), QMessageBox.ButtonRole.RejectRole)),
        )

    def about(self) -> None:
        _tell(self.parent, _("About ptdraft"), about_text(), QMessageBox.Icon.Information)

    def confirm(self, text: str) -> bool:
        """A yes/no question before an action that cannot be undone (approve, retire, "Cấp số", cancel a number)."""
        return _ask(self.parent, text)

    def ask_text(self, title: str, label: str) -> str | None:
        """One line of text (a reason); None when the clerk cancels."""
        dialog = TextQuestion(title, label, self.parent)
        return dialog.edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_file(self, title: str, folder: str, filters: str) -> Path | None:
        path = _ask_file(self.parent, title, folder, filters)
        return Path(path) if path else None

    def choose_folder(self, title: str, folder: str) -> Path | None:
        chosen = _ask_file(self.parent, title, folder, folder_only=True)
        return Path(chosen) if chosen else None

    def save_file(self, title: str, suggested: str, filters: str, suffix: str = "") -> Path | None:
        """A file to write (``suffix`` added when the name lacks it)."""
        return _file_path(_ask_file(self.parent, title, suggested, filters, save=True), suffix)

    def print_setup(self, printer) -> bool:
        """The system's print dialog for ``printer``; True when the clerk chose to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, self.parent).exec() == QDialog.DialogCode.Accepted

    def confirm_import(self, name: str, check) -> bool:
        """What a template file holds and its example as printed, before it enters the library."""
        from ptdraft.gui.import_review import ImportReview

        return ImportReview(name, check, self.parent).exec() == QDialog.DialogCode.Accepted
