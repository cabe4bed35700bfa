"""File → Office information…: the office profile, entered once, that every new draft starts from.

The province and the commune are chosen from the 2025 list (34 provinces, 3,321 communes); the dialog shows
the header forms they give (FORMAT.md §5.2) as the clerk types, and says which items fill which template fields.
What is stored is what ``ptdraft office set`` stores, checked the same way, through :mod:`ptdraft.api`.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
)

from ptdraft import api
from ptdraft.errors import PtdraftError
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.i18n import _
from ptdraft.gui.layouting import STRETCH, dialog_box, hbox, page
from ptdraft.gui.window_place import fit_dialog


class LinesEdit(QPlainTextEdit):
    """A few lines of text with the ``text()``/``setText()`` of a line edit (one item per line)."""

    edited = Signal()

    def __init__(self, text: str, parent=None) -> None:
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.textChanged.connect(self.edited)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's naming
        self.setPlainText(text)


class UnitBox(QComboBox):
    """An editable list of administrative units with completion, read and set as text."""

    edited = Signal()

    def __init__(self, names: list[str], text: str, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel never changes an unfocused choice
        self.set_names(names)
        self.setText(text)
        self.editTextChanged.connect(lambda _text: self.edited.emit())

    def set_names(self, names: list[str]) -> None:
        current = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItem("")
        self.addItems(names)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setEditText(current)
        self.blockSignals(False)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's naming
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def text(self) -> str:
        return self.currentText()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's naming
        self.setEditText(text)


def _labels() -> dict[str, str]:
    return {
        "ma_dinh_danh": _("Agency identifier (mã định danh)"),
        "ten_co_quan": _("Name of the agency"),
        "co_quan_chu_quan": _("Body in charge"),
        "dia_chi": _("Address"),
        "email": _("E-mail"),
        "dien_thoai": _("Telephone"),
        "fax": _("Fax"),
        "website": _("Website"),
        "tinh": _("Province or city (from 1 July 2025)"),
        "xa": _("Commune, ward or special zone"),
        "ky_hieu_co_quan": _("Abbreviation of the agency"),
        "ky_hieu_don_vi": _("Abbreviations of its units"),
        "dia_danh": _("Place name"),
        "nguoi_ky": _("Signers"),
        "nguoi_soan": _("Drafters' initials"),
        "noi_nhan": _("Usual recipient groups"),
    }


def _hints() -> dict[str, str]:
    return {
        "ten_co_quan": _("One printed line per line; empty: the People's Committee of the commune or province"),
        "co_quan_chu_quan": _("Empty: derived from the commune or province for the offices under its committee"),
        "ky_hieu_don_vi": _("Separated by commas, the usual one first: VP, KT, VX"),
        "dia_danh": _("Empty: the commune's name (commune bodies) or the province's"),
        "nguoi_ky": _("One per line: full name; position; signing form — e.g. Trần Văn Bình; Phó Chủ tịch; "
                      "KT. Chủ tịch"),
        "nguoi_soan": _("Separated by commas"),
        "noi_nhan": _("One group per line: name: recipient; recipient — e.g. Cấp trên: UBND tỉnh; Sở Nội vụ"),
    }


class OfficeDialog(QDialog):
    """The office profile, entered once and shared by every workstation through the office database."""

    def __init__(self, window: Host) -> None:
        from ptdraft.reference import admin_units
        from ptdraft.office import profile as office

        super().__init__(as_parent(window))
        self.host = window
        self.setWindowTitle(_("Office information"))
        fit_dialog(self, 720, 620)
        profile = api.office_profile()
        labels, hints = _labels(), _hints()
        self.edits: dict[str, QLineEdit | LinesEdit | UnitBox] = {}
        self.forms = QLabel(self)  # the header forms of 2025, updated as the clerk types
        self.forms.setWordWrap(True)
        self.forms.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        provinces = [unit.name for unit in admin_units.provinces()]
        for item in office.ITEMS:
            value = profile.get(item.id, "")
            edit: QLineEdit | LinesEdit | UnitBox
            if item.id == "tinh":
                edit = UnitBox(provinces, value, self)
            elif item.id == "xa":
                edit = UnitBox([], value, self)
            elif item.id in office.LINE_ITEMS:
                edit = LinesEdit(value, self)
            else:
                edit = QLineEdit(value, self)
            changed = edit.textChanged if isinstance(edit, QLineEdit) else edit.edited
            changed.connect(lambda *_args: self._update_forms())
            hint = hints.get(item.id) or item.hint
            if hint:
                if not isinstance(edit, UnitBox):
                    edit.setPlaceholderText(hint)
                edit.setToolTip(hint)
            edit.setAccessibleName(labels.get(item.id, item.label))
            self.edits[item.id] = edit
            form.addRow(labels.get(item.id, item.label) + ":", edit)
        self.units = {key: unit for key in ("tinh", "xa") if isinstance(unit := self.edits[key], UnitBox)}
        self.units["tinh"].edited.connect(self._province_changed)
        self._province_changed()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a02000")
        save = QPushButton(_("Save"), self)
        save.setDefault(True)
        save.clicked.connect(lambda: window.guard(self.save))
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.close)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page(self, form, self.forms, STRETCH))
        intro = QLabel(_("Entered once for the whole office: every new draft starts from it (agency, codes, place, "
                         "signer), and the hand-off package takes the agency identifier from here."), self)
        intro.setWordWrap(True)
        dialog_box(self, intro, (scroll, 1), self.message, hbox(STRETCH, save, close), spacing=None)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._update_forms()

    def _province_changed(self) -> None:
        from ptdraft.reference import admin_units

        province = admin_units.find_province(self.edits["tinh"].text().strip())
        names = [unit.full_name for unit in admin_units.communes(province)] if province is not None else []
        self.units["xa"].set_names(names)

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def _update_forms(self) -> None:
        from ptdraft.office import office_defaults

        forms = office_defaults.header_forms(self.values())
        if not forms.authority:
            self.forms.setText(_("Choose the province (and the commune) to see the header forms of 2025."))
            return
        self.forms.setText("\n".join([
            _("From the units of 2025 (used where the items above are empty):"),
            _("Header of the People's Committee: {authority} (no parent line)").format(
                authority=forms.authority.replace("\n", " / ")),
            _("Parent line of the offices under it: {parent}").format(parent=forms.parent_of_offices),
            _("Place name: {place}").format(place=forms.place),
            _("Signing for the committee: TM. {collective} / KT. {head} / {deputy}").format(
                collective=forms.collective, head=forms.head_title, deputy=forms.deputy_title),
        ]))

    def save(self) -> dict[str, str]:
        try:
            saved = api.set_office_profile(self.values())
        except PtdraftError as exc:
            self.message.setText(str(exc))
            raise
        self.message.setText("")
        for name, edit in self.edits.items():
            edit.setText(saved.get(name, ""))
        self.host.show_notice(_("Office information saved"))
        return saved
