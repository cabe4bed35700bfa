"""File → Save as template…: the clerk names the template, marks which texts of the current draft become fields
(the authority, the place, the signer, any phrase selected in the body…), sees the template text it makes, and
submits it for approval."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ptdraft import api
from ptdraft.errors import PtdraftError
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.highlight import TemplateHighlighter, code_font
from ptdraft.gui.i18n import _
from ptdraft.gui.layouting import STRETCH, dialog_box, form, hbox, page
from ptdraft.gui.widgets import single_shot
from ptdraft.gui.window_place import fit_dialog
from ptdraft.model import Ref

TEXT, LABEL, FIELD = range(3)
# The parts of a document worth offering as fields: the field id and label the shipped templates use for them.
PARTS = (
    ("parent_authority", "co_quan_chu_quan", "Cơ quan chủ quản"),
    ("authority", "co_quan", "Cơ quan ban hành"),
    ("issuer_code", "ky_hieu_co_quan", "Chữ viết tắt tên cơ quan"),
    ("unit_code", "ky_hieu_don_vi", "Chữ viết tắt đơn vị soạn thảo"),
    ("place", "dia_danh", "Địa danh"),
    ("subject", "trich_yeu", "Trích yếu"),
    ("signature.collective", "tap_the", "Tập thể lãnh đạo"),
    ("signature.head_title", "ky_thay", "Chức danh người đứng đầu"),
    ("signature.position", "chuc_vu", "Chức vụ người ký"),
    ("signature.name", "nguoi_ky", "Họ và tên người ký"),
    ("drafter_code", "nguoi_soan", "Ký hiệu người soạn thảo"),
)

if TYPE_CHECKING:
    from ptdraft.storage import TemplateVersion


def template_id_for(title: str) -> str:
    """A template id proposed from a title: "Giấy mời họp" → "giay-moi-hop"."""
    return api.field_id_for(title).replace("_", "-").strip("-") or "mau-moi"


def candidate_texts(draft) -> list[tuple[str, str, str]]:
    """The draft's distinct texts a clerk may turn into fields, as printed, each with a proposed label and id."""
    content = api.fill(draft, strict=False)
    found: dict[str, tuple[str, str]] = {}

    def offer(text: str, label: str, field_id: str = "") -> None:
        text = text.strip()
        if text and "\n" not in text and text not in found:
            found[text] = (label, field_id or api.field_id_for(label))

    for part, field_id, label in PARTS:
        text = Ref.parse(part).get(content)
        if isinstance(text, str):
            offer(text, label, field_id)
    for number, recipient in enumerate(content.recipients, start=1):
        offer(recipient, f"Kính gửi {number}" if len(content.recipients) > 1 else "Kính gửi")
    for number, entry in enumerate(content.distribution, start=1):
        offer(entry, f"Nơi nhận {number}")
    for item in draft.fields:
        value = draft.values.get(item.id)
        if isinstance(value, str):
            offer(value, item.label, item.id)
    return [(text, label, field_id) for text, (label, field_id) in found.items()]


class SaveAsTemplateDialog(QDialog):
    """Id, title, description; a table of texts with a check to make each a field, its label and field id;
    the body to select more phrases from; the resulting template text; "Submit for approval"."""

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent or as_parent(window))
        self.host = window
        self.draft = window.state.draft
        self.setWindowTitle(_("Save as template"))
        fit_dialog(self, 1200, 700)
        self.stored: TemplateVersion | None = None
        self.toml = ""
        self.title_edit = QLineEdit(self.draft.title or self.draft.content.subject, self)
        self.id_edit = QLineEdit(template_id_for(self.title_edit.text()), self)
        self.id_edit.setToolTip(_("Lower-case letters without accents, digits and '-'"))
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(_("What the template is for (optional)"))
        self._id_typed = False

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([_("Text (check to make it a field)"), _("Field label"), _("Field id")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(LABEL, 190)
        self.table.setColumnWidth(FIELD, 150)
        for text, label, field_id in candidate_texts(self.draft):
            self.add_row(text, label, field_id, checked=False)

        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setPlainText(api.fill(self.draft, strict=False).body)
        self.body.setAccessibleName(_("Body of the draft"))
        self.add_phrase_button = QPushButton(_("Make the selected phrase a field"), self)
        self.add_phrase_button.setToolTip(_("Select a phrase in the body above, then press this button"))
        self.add_phrase_button.setEnabled(False)

        self.result_view = QPlainTextEdit(self)
        self.result_view.setReadOnly(True)
        self.result_view.setFont(code_font())
        self.highlighter = TemplateHighlighter(self.result_view.document())
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a02000")

        left = page(
            self,
            form((_("Title"), self.title_edit),
                 (_("Template id"), self.id_edit),
                 (_("Description"), self.description)),
            QLabel(_("Texts that become fields"), self),
            (self.table, 3),
            QLabel(_("Body (select a phrase to make it a field)"), self),
            (self.body, 2),
            hbox(self.add_phrase_button, STRETCH),
        )
        right = page(self, QLabel(_("The template text it makes"), self), (self.result_view, 1), self.problem)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 540])

        buttons = QDialogButtonBox(self)
        self.submit_button = buttons.addButton(_("Submit for approval"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(lambda: window.guard(self.submit))
        buttons.rejected.connect(self.reject)
        dialog_box(self, (splitter, 1), buttons)

        self.timer = single_shot(self, 150, lambda: window.guard(self.update_result))
        self.title_edit.textEdited.connect(self._title_edited)
        self.id_edit.textEdited.connect(self._id_edited)
        self.description.textEdited.connect(lambda _t: self.timer.start())
        self.table.itemChanged.connect(self._item_changed)
        self.body.selectionChanged.connect(
            lambda: self.add_phrase_button.setEnabled(bool(self.body.textCursor().selectedText().strip()))
        )
        self.add_phrase_button.clicked.connect(lambda: window.guard(self.add_selected_phrase))
        self.update_result()

    # -- the table of texts -------------------------------------------------------------------------
    def add_row(self, text: str, label: str, field_id: str = "", *, checked: bool) -> int:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setToolTip(text)
        self.table.setItem(row, TEXT, item)
        label_item = QTableWidgetItem(label)
        label_item.setData(Qt.ItemDataRole.UserRole, label)
        self.table.setItem(row, LABEL, label_item)
        self.table.setItem(row, FIELD, QTableWidgetItem(field_id or api.field_id_for(label)))
        self.table.blockSignals(False)
        return row

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """The item of a cell; every cell of the table has one (:meth:`add_row` makes them)."""
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.table.setItem(row, column, item)
        return item

    def row_of(self, text: str) -> int | None:
        for row in range(self.table.rowCount()):
            if self.cell(row, TEXT).text() == text:
                return row
        return None

    def mark(self, text: str, label: str | None = None, field_id: str | None = None) -> None:
        """Check the row of ``text`` (added when missing), with a label and field id when given."""
        row = self.row_of(text)
        if row is None:
            row = self.add_row(text, label or text, checked=True)
        self.cell(row, TEXT).setCheckState(Qt.CheckState.Checked)
        if label is not None:
            self.cell(row, LABEL).setText(label)
        if field_id is not None:
            self.cell(row, FIELD).setText(field_id)
        self.update_result()

    def add_selected_phrase(self) -> None:
        phrase = self.body.textCursor().selectedText().replace("\u2029", "\n").strip()
        if not phrase:
            return
        if self.row_of(phrase) is not None:
            self.mark(phrase)
            return
        number = self.table.rowCount() + 1
        self.add_row(phrase, f"Cụm từ {number}", checked=True)
        self.table.scrollToBottom()
        self.update_result()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == LABEL:
            before = item.data(Qt.ItemDataRole.UserRole) or ""
            field = self.table.item(item.row(), FIELD)
            if field is not None and field.text() == api.field_id_for(before):
                self.table.blockSignals(True)
                field.setText(api.field_id_for(item.text()))
                self.table.blockSignals(False)
            self.table.blockSignals(True)
            item.setData(Qt.ItemDataRole.UserRole, item.text())
            self.table.blockSignals(False)
        self.timer.start()

    def marked(self) -> dict[str, tuple[str, str]]:
        """Each checked text → (field id, label)."""
        out = {}
        for row in range(self.table.rowCount()):
            text = self.cell(row, TEXT)
            if text.checkState() == Qt.CheckState.Checked:
                label = self.cell(row, LABEL).text().strip()
                out[text.text()] = (self.cell(row, FIELD).text().strip(), label)
        return out

    # -- names --------------------------------------------------------------------------------------
    def _title_edited(self, title: str) -> None:
        if not self._id_typed:
            self.id_edit.setText(template_id_for(title))
        self.timer.start()

    def _id_edited(self, _text: str) -> None:
        self._id_typed = True
        self.timer.start()

    # -- the result ---------------------------------------------------------------------------------
    def update_result(self) -> None:
        """Make the template text now; a problem (an invalid id, a text not found) is shown under it."""
        self.timer.stop()
        try:
            self.toml = api.template_from_draft(
                self.draft, self.id_edit.text(), self.title_edit.text(), self.marked(),
                description=self.description.text(),
            )
        except PtdraftError as exc:
            self.toml = ""
            self.problem.setText(str(exc))
            self.submit_button.setEnabled(False)
            return
        self.problem.setText("")
        self.result_view.setPlainText(self.toml)
        self.submit_button.setEnabled(True)

    def submit(self) -> None:
        """Store the template, waiting for a reviewer's approval."""
        self.update_result()
        if not self.toml:
            self.host.prompts.error(self.problem.text())
            return
        self.stored = api.save_draft_as_template(
            self.draft, self.id_edit.text(), self.title_edit.text(), self.marked(),
            description=self.description.text(),
        )
        self.host.prompts.info(
            _("Save as template"),
            _("Template {id} version {version} is stored, waiting for a reviewer's approval.").format(
                id=self.stored.template_id, version=self.stored.version),
        )
        self.accept()
