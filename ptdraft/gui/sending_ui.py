"""After drafting, in the window: File → Send to many… (mail merge), File → Hand-off package for e-office… and
File → Office information….

The merge dialog reads the table as soon as it is chosen and shows how its columns map to the template's fields,
the first letters and every bad row (by row and column) before anything is written; writing runs in a thread of
its own with a progress bar and a Cancel button, and ends with a summary. The package and the office profile are
those of the command line (``ptdraft package``, ``ptdraft office``), through :mod:`ptdraft.api`.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from ptdraft import api
from ptdraft.errors import PtdraftError
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.i18n import _
from ptdraft.gui.layouting import dialog_box, form, hbox, vbox
from ptdraft.gui.window_place import fit_dialog

if TYPE_CHECKING:
    from ptdraft.outputs import merge


class SendingFeature:
    """File → Send to many…, Hand-off package for e-office… and Office information…, made and kept by the main
    window (``window.sending``), which puts the three actions in its File menu."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.merge_dialog: QDialog | None = None
        self.office_dialog: QDialog | None = None
        self.merge_action = host.make_action(_("Send to &many…"), self.open_merge)
        self.merge_action.setToolTip(_("One original of this document for each row of a table of recipients"))
        self.package_action = host.make_action(_("Hand-off &package for e-office…"), self.make_package)
        self.package_action.setToolTip(_("DOCX, PDF and the document's metadata for the e-office system, after "
                                         "Cấp số"))
        self.office_action = host.make_action(_("&Office information…"), self.open_office)

    def actions(self) -> tuple[QAction, ...]:
        """The actions in the order of the File menu."""
        return self.merge_action, self.package_action, self.office_action

    def _open(self, name: str, make) -> QDialog:
        """The dialog kept as ``name``, raised, or a new one."""
        dialog = getattr(self, name)
        if dialog is None or not dialog.isVisible():
            dialog = make(self.host)
            setattr(self, name, dialog)
            dialog.show()
        dialog.raise_()
        return dialog

    def open_merge(self) -> QDialog:
        return self._open("merge_dialog", MergeDialog)

    def make_package(self):
        return make_package(self.host)

    def open_office(self) -> QDialog:
        from ptdraft.gui.office_ui import OfficeDialog

        return self._open("office_dialog", OfficeDialog)


class _Worker(QObject):
    """Runs one job in a thread and reports back on the window's thread."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def start(self, job: Callable[["_Worker"], object]) -> threading.Thread:
        def run() -> None:
            try:
                result = job(self)
            except PtdraftError as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # noqa: BLE001 - reported in the dialog, never a crash
                self.failed.emit(_("Something unexpected went wrong: {error}").format(error=exc))
            else:
                self.done.emit(result)

        thread = threading.Thread(target=run, name="ptdraft-job", daemon=True)
        thread.start()
        return thread


# -- Send to many -------------------------------------------------------------------------------------


def _target_text(column) -> str:
    from ptdraft.outputs.merge import Target

    if column.target is Target.FIELD and column.field is not None:
        return column.field.label
    return {
        Target.RECIPIENTS: _("Kính gửi (addressed to)"),
        Target.FILE_NAME: _("File name"),
    }.get(column.target, _("(not used: no field of that name)"))


class MergeDialog(QDialog):
    """The same document to many: table, mapping and preview, options, progress, summary."""

    def __init__(self, window: Host) -> None:
        super().__init__(as_parent(window))
        self.host = window
        self.setWindowTitle(_("Send to many"))
        fit_dialog(self, 860, 640)
        self.table: merge.Table | None = None
        self.plan: merge.Plan | None = None
        self.summary = None
        self.worker_thread: threading.Thread | None = None
        self._stop = threading.Event()

        self.table_path = QLineEdit(self)
        self.table_path.setPlaceholderText(_("An Excel (.xlsx) or CSV file, one row per recipient"))
        self.table_path.editingFinished.connect(lambda: window.guard(self.load_table))
        choose_table = QPushButton(_("Choose…"), self)
        choose_table.clicked.connect(lambda: window.guard(self.choose_table))
        self.sheet = QComboBox(self)
        self.sheet.setEnabled(False)
        self.sheet.activated.connect(lambda _index: window.guard(self.load_table))
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(_("The folder the letters are written to"))
        choose_folder = QPushButton(_("Choose…"), self)
        choose_folder.clicked.connect(lambda: window.guard(self.choose_folder))
        self.one_file = QCheckBox(_("All letters in one DOCX file, each from a new page"), self)
        self.with_pdf = QCheckBox(_("Also write a PDF of each letter (needs LibreOffice)"), self)
        self.skip_bad = QCheckBox(_("Write the good rows and skip the bad ones"), self)
        self.replace = QCheckBox(_("Replace files that already exist"), self)

        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setHorizontalHeaderLabels([_("Column of the table"), _("Fills")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.letters = QListWidget(self)
        self.problems = QListWidget(self)
        self.problems.setStyleSheet("color: #a02000")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.write_button = QPushButton(_("Write letters"), self)
        self.write_button.setDefault(True)
        self.write_button.setEnabled(False)
        self.write_button.clicked.connect(lambda: window.guard(self.write))
        self.cancel_button = QPushButton(_("Close"), self)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        lists = [(vbox(QLabel(title, self), (widget, 1)), 1)
                 for title, widget in ((_("How the columns are used"), self.mapping),
                                       (_("First letters"), self.letters), (_("Rows with problems"), self.problems))]
        dialog_box(
            self,
            form((_("Table of recipients:"), (self.table_path, 1), choose_table),
                 (_("Sheet:"), self.sheet),
                 (_("Write to folder:"), (self.folder, 1), choose_folder),
                 (_("Options:"), vbox(self.one_file, self.with_pdf, self.skip_bad, self.replace))),
            (hbox(*lists), 1),
            self.status,
            hbox((self.progress, 1), self.write_button, self.cancel_button),
        )

    # -- choosing --
    def choose_table(self) -> None:
        path = self.host.prompts.open_file(_("Table of recipients"), str(self.host.settings.last_folder()),
                                             _("Tables (*.xlsx *.csv);;All files (*)"))
        if path is not None:
            self.host.settings.remember_folder(path)
            self.table_path.setText(str(path))
            self.sheet.clear()
            self.load_table()

    def choose_folder(self) -> None:
        folder = self.host.prompts.choose_folder(_("Write the letters to"), self.folder.text()
                                                 or str(self.host.settings.last_folder()))
        if folder is not None:
            self.folder.setText(str(folder))
            self._update_buttons()

    def load_table(self) -> None:
        """Read the table and plan the merge; show the mapping, the first letters and the bad rows."""
        from ptdraft.outputs import merge

        text = self.table_path.text().strip()
        self.plan = None
        self._show_plan()
        if not text:
            return
        sheet = self.sheet.currentText() if self.sheet.count() else None
        try:
            table = self.table = merge.read_table(Path(text), sheet)
            self.plan = merge.plan(self.host.state.draft, table)
        except PtdraftError as exc:
            self.status.setText(str(exc))
            raise
        if table.sheets and self.sheet.count() == 0:
            self.sheet.addItems(list(table.sheets))
            self.sheet.setCurrentText(table.sheet)
        self.sheet.setEnabled(bool(table.sheets))
        if not self.folder.text():
            self.folder.setText(str(Path(text).with_suffix("").parent / (Path(text).stem + "-van-ban")))
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        self.mapping.setRowCount(0)
        self.letters.clear()
        self.problems.clear()
        if plan is None:
            self.status.setText("")
            self._update_buttons()
            return
        self.mapping.setRowCount(len(plan.columns))
        for row, column in enumerate(plan.columns):
            self.mapping.setItem(row, 0, QTableWidgetItem(column.name))
            self.mapping.setItem(row, 1, QTableWidgetItem(_target_text(column)))
        for letter in plan.letters[:50]:
            who = "; ".join(letter.recipients) or "—"
            self.letters.addItem(_("Row {row}: {file} — {who}").format(row=letter.row, file=letter.file_name, who=who))
        for problem in plan.problems:
            self.problems.addItem(str(problem))
        self.status.setText(_("{letters} letters to write; {problems} rows with problems.").format(
            letters=len(plan.letters), problems=len(plan.problems)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.worker_thread is not None and self.worker_thread.is_alive()
        self.write_button.setEnabled(bool(self.plan and self.plan.letters and self.folder.text().strip()) and not running)
        self.cancel_button.setText(_("Cancel") if running else _("Close"))

    # -- writing --
    def write(self) -> None:
        from ptdraft.outputs import merge

        if self.plan is None:
            return
        if self.plan.problems and not self.skip_bad.isChecked():
            self.host.prompts.error(_("{count} rows have problems, so nothing was written. Fix them in the table, "
                                        "or tick \"Write the good rows and skip the bad ones\".").format(
                count=len(self.plan.problems)))
            return
        folder = Path(self.folder.text().strip())
        plan = self.plan
        skip_bad_rows, replace, pdf = self.skip_bad.isChecked(), self.replace.isChecked(), self.with_pdf.isChecked()
        one_file = "tat-ca-van-ban.docx" if self.one_file.isChecked() else None
        self._stop.clear()
        self.summary = None
        self.progress.setRange(0, len(plan.letters))
        self.progress.setValue(0)
        self.status.setText(_("Writing…"))
        worker = _Worker(self)
        worker.progress.connect(lambda done, total: self.progress.setValue(done))
        worker.done.connect(self._finished)
        worker.failed.connect(self._failed)
        self.worker = worker
        self.worker_thread = worker.start(lambda w: merge.write(
            plan, folder, progress=lambda done, total: w.progress.emit(done, total),
            cancelled=self._stop.is_set, skip_bad_rows=skip_bad_rows, replace=replace, pdf=pdf, one_file=one_file))
        self._update_buttons()

    def cancel_or_close(self) -> None:
        if self.worker_thread is not None and self.worker_thread.is_alive():
            self._stop.set()
            self.status.setText(_("Stopping after the letter being written…"))
        else:
            self.close()

    def _finished(self, summary) -> None:
        self.summary = summary
        self.worker_thread = None
        written = len(summary.written)
        lines = [_("{count} files written to {folder}.").format(count=written, folder=self.folder.text())]
        if summary.pdfs:
            lines.append(_("{count} PDF files.").format(count=len(summary.pdfs)))
        if summary.file_copy is not None:
            lines.append(_("File copy with every recipient: {name}.").format(name=summary.file_copy.name))
        if summary.skipped:
            lines.append(_("{count} rows skipped (see the list).").format(count=len(summary.skipped)))
        if summary.cancelled:
            lines.append(_("Stopped on request: only complete files were left."))
        self.status.setText(" ".join(lines))
        self._update_buttons()
        self.host.prompts.info(_("Send to many"), "\n".join(lines))

    def _failed(self, message: str) -> None:
        self.worker_thread = None
        self.status.setText(message)
        self._update_buttons()
        self.host.prompts.error(message)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.worker_thread is not None and self.worker_thread.is_alive():
            self._stop.set()
            self.worker_thread.join(timeout=30)
        super().closeEvent(event)


# -- Hand-off package ----------------------------------------------------------------------------------


def make_package(window: Host):
    """Ask where, write the package of the (numbered) draft, say what was written."""
    draft = window.state.draft
    if not draft.content.number:
        window.prompts.error(_("This document has no number yet: use Cấp số first, then make the package."))
        return None
    suggested = f"goi-{draft.content.number:02d}.zip"
    if window.state.path is not None:
        suggested = str(Path(window.state.path).with_name(Path(window.state.path).stem.split(".")[0] + "-goi.zip"))
    path = window.prompts.save_file(_("Hand-off package for e-office"), suggested, _("ZIP files (*.zip)"), ".zip")
    if path is None:
        return None
    from ptdraft.gui import printing  # Qt's PDF, where LibreOffice is missing

    made = api.make_package(draft, path, replace=path.exists(), painter=printing.layout_pdf)
    lines = [_("Package {symbol} written to {path}: {files}.").format(
        symbol=made.entry.symbol, path=made.path, files=", ".join(made.files)),
        _("PDF: {kind}, {pages} pages. The register records the package.").format(kind=made.pdf_kind,
                                                                                  pages=made.page_count)]
    lines.extend(made.warnings)
    window.prompts.info(_("Hand-off package for e-office"), "\n".join(lines))
    window.show_notice(lines[0])
    return made
