"""File → Make a copy…: a copy (bản sao) of the issued draft: SAO Y, SAO LỤC or TRÍCH SAO, on paper or electronic.

The dialog takes the kind, the form, the passages an extract keeps, the copier's signer from the office profile and
the copy's Nơi nhận; "Make the copy" asks where to save, takes the copy's number from the register and exports.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from ptdraft import api
from ptdraft.office import office_defaults
from ptdraft.errors import PtdraftError
from ptdraft.gui.host import Host
from ptdraft.gui.i18n import _
from ptdraft.gui.layouting import STRETCH, dialog_box, form, hbox


class CopyFeature:
    """File → Make a copy…, made and kept by the main window (``window.copying``), which puts the action in its
    File menu before Export DOCX."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.copy_dialog: CopyDialog | None = None
        self.copy_action = host.make_action(_("Make a &copy…"), self.open_copy)
        self.copy_action.setToolTip(_("SAO Y, SAO LỤC or TRÍCH SAO of the issued document, numbered by the "
                                      "register"))

    def open_copy(self) -> "CopyDialog":
        draft = self.host.state.draft
        api.check_copyable(draft)  # an unfinished or unnumbered draft is refused here, with its message
        profile = api.office_profile_for_drafts()
        self.copy_dialog = CopyDialog(self.host, draft, profile)
        self.copy_dialog.show()
        return self.copy_dialog


class CopyDialog(QDialog):
    def __init__(self, window, draft, profile: dict) -> None:
        super().__init__(window)
        self.window_ = window
        self.draft = draft
        self.profile = profile
        self.setWindowTitle(_("Make a copy"))
        self.kind = QComboBox()
        for kind, label in ((api.CopyKind.SAO_Y, _("SAO Y (full copy)")),
                            (api.CopyKind.SAO_LUC, _("SAO LỤC (copy of a copy)")),
                            (api.CopyKind.TRICH_SAO, _("TRÍCH SAO (extract)"))):
            self.kind.addItem(label, kind)
        self.electronic = QCheckBox(_("Electronic copy (box 14 at the top right of page 1)"))
        self.signer = QComboBox()
        self.signers = office_defaults.signers(profile)
        for signer in self.signers:
            self.signer.addItem(f"{signer.name} ({signer.position})")
        if not self.signers:
            self.signer.addItem(_("(none: enter the signers in File → Office information…)"))
        self.copier_name = QLineEdit()
        self.copier_name.setPlaceholderText(_("e.g. Ủy ban nhân dân xã An Bình"))
        self.recipients = QLineEdit()
        self.recipients.setPlaceholderText(_("separated by ;"))
        self.passages = QListWidget()
        for number, text in enumerate(api.copy_passages(draft), start=1):
            item = QListWidgetItem(f"{number}. {text if len(text) <= 90 else text[:89] + '…'}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.passages.addItem(item)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.make_button = QPushButton(_("Make the copy…"))
        self.make_button.clicked.connect(lambda: self.window_.guard(self.make))
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)

        self.passages_label = QLabel(_("Passages the extract keeps"))
        dialog_box(
            self,
            form((_("Kind of copy"), self.kind),
                 ("", self.electronic),
                 (_("Signer of the copy"), self.signer),
                 (_("Copying body (normal case, electronic copy)"), self.copier_name),
                 (_("Copy sent to"), self.recipients)),
            self.passages_label,
            self.passages,
            self.message,
            hbox(STRETCH, self.make_button, close),
        )
        self.kind.currentIndexChanged.connect(self._update)
        self.electronic.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        extract = self.kind.currentData() is api.CopyKind.TRICH_SAO
        self.passages.setEnabled(extract)
        self.passages_label.setEnabled(extract)
        self.copier_name.setEnabled(self.electronic.isChecked())

    def chosen_passages(self) -> tuple[int, ...]:
        return tuple(n + 1 for n in range(self.passages.count())
                     if self.passages.item(n).checkState() == Qt.CheckState.Checked)

    def request(self):
        """The copy the dialog describes (its parts checked by the core, which names what is missing)."""
        copier = api.default_copier(self.draft, self.profile, signer=max(0, self.signer.currentIndex()))
        recipients = tuple(r.strip() for r in self.recipients.text().split(";") if r.strip())
        copier = dataclasses.replace(copier, name=self.copier_name.text().strip(), distribution=recipients)
        kind = self.kind.currentData()
        passages = self.chosen_passages() if kind is api.CopyKind.TRICH_SAO else ()
        return api.CopyRequest(kind, copier, _dt.date.today(), electronic=self.electronic.isChecked(),
                               passages=passages)

    def make(self):
        """Check, ask where to save and to take the number, then make the copy; a refusal shows in the dialog."""
        try:
            request = self.request()
            api.copy_layout(self.draft, request)
            number = api.next_copy_number(request)
        except PtdraftError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText("")
        prompts = self.window_.prompts
        symbol = api.copy_symbol(request, number)
        if not prompts.confirm(_("Give this copy number {symbol} from the register's book of copies? The number "
                                 "can never be given again.").format(symbol=symbol)):
            return None
        path = prompts.save_file(_("Save the copy"), f"ban-sao-{number:02d}.docx", _("Word documents (*.docx)"),
                                 ".docx")
        if path is None:
            return None
        written, entry = api.make_copy(self.draft, request, path)
        self.window_.show_notice(_("Copy {symbol} written to {path}").format(symbol=entry.symbol, path=written))
        self.accept()
        return entry
