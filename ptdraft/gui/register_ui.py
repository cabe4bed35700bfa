"""The outgoing register in the window: "Cấp số" on the current draft (File menu) and the register view
(Tools → Outgoing register…): a table with search and filters, cancelling a number, CSV and Excel export."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from ptdraft import api
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.i18n import _
from ptdraft.gui.library_window import when
from ptdraft.gui.layouting import dialog_box, hbox
from ptdraft.gui.window_place import fit_dialog
from ptdraft.office.register import list_text


def status_name(status: str) -> str:
    return {"issued": _("Issued"), "cancelled": _("Cancelled")}.get(status, status)


def book_name(book: str) -> str:
    return {"ordinary": _("ordinary"), "secret": _("secret")}.get(book, book)


def book_title(book: str) -> str:
    """The register book as the Book column and filter show it ("Thường", "Mật")."""
    return {"ordinary": _("Ordinary"), "secret": _("Secret")}.get(book, book)


# -- "Cấp số" ----------------------------------------------------------------------------------------


def issue_number(window) -> object:
    """File → "Cấp số": show the number and symbol the draft would get, ask, take it, write it into the draft
    (saved when the draft has a file), then offer to export the DOCX and record its SHA-256 in the register.
    A draft that already has a number is refused (by the preview) before anything is asked."""
    draft = window.state.draft
    preview = api.preview_number(draft)
    question = _("Issue number {number} to this document?\n\n{line}\n\nThe number is taken from the register "
                 "({book} book of {issuer}, {year}) and can never be given again.").format(
        number=f"{preview.number:02d}", line=preview.line, book=book_name(preview.book), issuer=preview.issuer,
        year=preview.year)
    if not window.prompts.confirm(question):
        return None
    path = window.state.path
    numbered, entry = api.issue_number(draft, draft_path=path or "")
    window.state.replace(numbered, path, dirty=True)
    if path is not None:
        window.save()
    window.show_notice(_("Number {symbol} issued and recorded in the register").format(symbol=entry.symbol))
    if window.prompts.confirm(
        _("Number {symbol} is recorded. Export the numbered document to DOCX now? The file's SHA-256 is recorded "
          "in the register.").format(symbol=entry.symbol)
    ):
        exported = window.export_docx()
        if exported is not None:
            entry = api.attach_register_file(entry, exported)
    return entry


# -- the register view ----------------------------------------------------------------------------


class RegisterModel(QAbstractTableModel):
    """Register entries as rows; a cancelled number shown grey and struck through."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list = []
        self.columns = (
            (_("No."), lambda e: e.number_text),
            (_("Number and symbol"), lambda e: e.symbol),
            (_("Book"), lambda e: book_title(e.book)),
            (_("Date"), lambda e: e.doc_date.strftime("%d/%m/%Y")),
            (_("Type"), lambda e: e.doc_type),
            (_("Subject"), lambda e: e.subject),
            (_("Signer"), lambda e: e.signer),
            (_("Addressed to"), lambda e: list_text(e.recipients)),
            (_("Status"), lambda e: status_name(e.status)),
            (_("Issued by"), lambda e: f"{e.issued_by}, {when(e.issued_at)}"),
            (_("File"), lambda e: Path(e.file_path).name if e.file_path else ""),
        )

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        cancelled = entry.status == "cancelled"
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            if cancelled:
                return _("Cancelled by {who} ({when}): {reason}").format(
                    who=entry.cancelled_by, when=when(entry.cancelled_at), reason=entry.cancel_reason)
            return self.columns[index.column()][1](entry)
        if role == Qt.ItemDataRole.ForegroundRole and cancelled:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.FontRole and cancelled:
            font = QFont()
            font.setStrikeOut(index.column() in (0, 1))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RegisterDialog(QDialog):
    """The outgoing register: search, filters by year, book, type, signer and status; cancel; export."""

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent or as_parent(window))
        self.host = window
        self.setWindowTitle(_("Outgoing register"))
        fit_dialog(self, 1240, 640)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search number, subject, signer, recipients"))
        self.search.setClearButtonEnabled(True)
        self.year = QComboBox(self)
        self.book = QComboBox(self)
        self.doc_type = QComboBox(self)
        self.signer = QComboBox(self)
        self.status = QComboBox(self)
        self.year.setToolTip(_("Year"))
        self.book.setToolTip(_("Register book: ordinary or secret (each has its own numbers)"))
        self.book.addItem(_("All books"), None)
        for code in ("ordinary", "secret"):
            self.book.addItem(book_title(code), code)
        self.doc_type.setToolTip(_("Document type"))
        self.signer.setToolTip(_("Signer"))
        self.status.setToolTip(_("Status"))
        self.status.addItem(_("All statuses"), None)
        for code in ("issued", "cancelled"):
            self.status.addItem(status_name(code), code)
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((40, 120, 64, 104, 90, 290, 140, 180, 75, 150)):
            self.table.setColumnWidth(column, width)
        self.count_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a02000")
        self.error_label.hide()

        filters: list[QWidget | tuple[QWidget, int]] = [(self.search, 3)]
        for label, combo in ((_("Year"), self.year), (_("Book"), self.book), (_("Type"), self.doc_type),
                             (_("Signer"), self.signer), (_("Status"), self.status)):
            filters += [QLabel(label, self), (combo, 1)]
        self.cancel_button = QPushButton(_("Cancel number…"), self)
        self.cancel_button.setToolTip(_("Mark the selected number as given in error; it is never given again"))
        self.csv_button = QPushButton(_("Export CSV…"), self)
        self.xlsx_button = QPushButton(_("Export Excel…"), self)
        refresh = QPushButton(_("Refresh"), self)
        close = QPushButton(_("Close"), self)
        dialog_box(
            self,
            self.error_label,
            hbox(*filters),
            (self.table, 1),
            hbox(self.cancel_button, self.csv_button, self.xlsx_button, refresh, (self.count_label, 1), close),
        )

        guard = window.guard
        self.search.textChanged.connect(lambda _t: guard(self.refresh))
        for combo in (self.year, self.book, self.doc_type, self.signer, self.status):
            combo.currentIndexChanged.connect(lambda _i: guard(self.refresh))
        self.cancel_button.clicked.connect(lambda: guard(self.cancel_selected))
        self.csv_button.clicked.connect(lambda: guard(lambda: self.export("csv")))
        self.xlsx_button.clicked.connect(lambda: guard(lambda: self.export("xlsx")))
        refresh.clicked.connect(lambda: guard(self.reload))
        close.clicked.connect(self.close)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._enable())
        self._loading = False
        guard(self.reload)
        self._enable()

    # -- filters ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Fill the filter choices from the whole register, keep what was chosen, and show the rows."""
        try:
            everything = api.register_entries()
        except api.PtdraftError as exc:
            self.error_label.setText(_("The register cannot be used:") + "\n" + str(exc))
            self.error_label.show()
            self.model.set_rows([])
            raise
        self.error_label.hide()
        self._loading = True
        try:
            years = sorted({e.year for e in everything} | {_dt.date.today().year}, reverse=True)
            self._fill(self.year, _("All years"), [(str(y), y) for y in years])
            types = sorted({e.doc_type for e in everything})
            self._fill(self.doc_type, _("All types"), [(t, t) for t in types])
            signers = sorted({e.signer for e in everything if e.signer})
            self._fill(self.signer, _("All signers"), [(s, s) for s in signers])
        finally:
            self._loading = False
        self.refresh()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: list[tuple[str, object]]) -> None:
        kept = combo.currentData()
        combo.clear()
        combo.addItem(everything, None)
        for text, value in choices:
            combo.addItem(text, value)
        position = combo.findData(kept) if kept is not None else 0
        combo.setCurrentIndex(max(0, position))

    def filters(self) -> dict:
        return {
            "year": self.year.currentData(),
            "book": self.book.currentData(),
            "doc_type": self.doc_type.currentData(),
            "signer": self.signer.currentData(),
            "status": self.status.currentData(),
            "search": self.search.text().strip() or None,
        }

    def refresh(self) -> None:
        if self._loading:
            return
        rows = api.register_entries(**self.filters())
        self.model.set_rows(rows)
        self.count_label.setText(_("{count} document(s)").format(count=len(rows)))
        self._enable()

    def selected(self):
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _enable(self) -> None:
        entry = self.selected()
        self.cancel_button.setEnabled(entry is not None and entry.status == "issued")

    # -- actions ----------------------------------------------------------------------------------
    def cancel_selected(self) -> None:
        """Cancel the selected number, with a reason and a confirmation; it stays in the register as cancelled."""
        entry = self.selected()
        if entry is None or entry.status != "issued":
            return
        reason = self.host.prompts.ask_text(
            _("Cancel a number"), _("Why is number {symbol} cancelled?").format(symbol=entry.symbol)
        )
        if reason is None:
            return
        if not self.host.prompts.confirm(
            _("Cancel number {symbol}? It stays in the register, marked cancelled, and is never given again.").format(
                symbol=entry.symbol)
        ):
            return
        api.cancel_number(entry.number, year=entry.year, issuer=entry.issuer, book=entry.book, reason=reason.strip())
        self.refresh()
        self.host.show_notice(_("Number {symbol} cancelled").format(symbol=entry.symbol))

    def export(self, fmt: str) -> Path | None:
        """Write the register (of the chosen year and book) to a CSV or Excel file chosen by the clerk."""
        year, book = self.year.currentData(), self.book.currentData()
        name = "so-van-ban-di" + (f"-{year}" if year else "") + ("-mat" if book == "secret" else "") + f".{fmt}"
        label = _("CSV files (*.csv)") if fmt == "csv" else _("Excel workbooks (*.xlsx)")
        path = self.host.prompts.save_file(_("Export the register"), str(self.host.settings.last_folder() / name),
                                             label, f".{fmt}")
        if path is None:
            return None
        self.host.settings.remember_folder(path)
        count = api.export_register(path, fmt, year=year, book=book)
        self.host.show_notice(_("{count} row(s) written to {path}").format(count=count, path=path))
        return path
