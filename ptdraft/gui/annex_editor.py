"""Editors for the parts printed after the body that the form had none for: the annexes and the second signature.

- :class:`AnnexEditor`: the appendices (Phụ lục, numbered I, II … as the page prints them) and the texts a decision
  issues or approves (Mẫu 1.3): add, remove, reorder, each with its kind, title and body (the body markup of the
  main body, in the same outline editor); whether the document is electronic (Mẫu 2.2: the "Kèm theo" number and
  date left blank).
- :class:`CosignerEditor`: the second signature, printed beside the first on its left (Biên bản: THƯ KÝ beside
  CHỦ TỌA; the other party of a joint document), with its own prefix, titles and name.
- :func:`install`: File → "Export DOCX, appendices as separate files…".

Every edit goes through the DraftState, as in the other steps.
"""
from __future__ import annotations

import dataclasses
from typing import Any
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ptdraft import api
from ptdraft.gui.host import Host
from ptdraft.gui.i18n import _
from ptdraft.gui.outline_editor import OutlineEditor
from ptdraft.gui.part_editor import PartEditor
from ptdraft.gui.state import DraftState
from ptdraft.gui.layouting import SPACING, vbox
from ptdraft.gui.widgets import LineField
from ptdraft.model import ELECTRONIC, Annex, Content, Draft, Ref, Signature, SigningMode

# The texts a decision may issue or approve and print after it (Mẫu 1.3); "" is an appendix.
ATTACHED_TYPES = ("Quy chế", "Quy định", "Kế hoạch", "Chương trình", "Đề án", "Phương án", "Hướng dẫn", "Dự án")


def headings(annexes: tuple[Annex, ...]) -> list[str]:
    """How each annex is headed on its page: "Phụ lục" alone, "Phụ lục I", "Phụ lục II" … among several appendices
    (FORMAT.md §3.2), an attached text by its type name."""
    from ptdraft import rules

    count = sum(1 for a in annexes if not a.doc_type.strip())
    out, number = [], 0
    for annex in annexes:
        if annex.doc_type.strip():
            out.append(annex.doc_type.strip())
            continue
        number += 1
        out.append(rules.APPENDIX_WORD if count < 2 else f"{rules.APPENDIX_WORD} {rules.roman(number)}")
    return out


class AnnexEditor(QWidget):
    """The draft's annexes: a list in print order and the fields of the one selected."""

    notice = Signal(str)

    def __init__(self, state: DraftState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.list = QListWidget(self)
        self.list.setMinimumHeight(90)
        self.list.setAccessibleName(_("Annexes"))
        self.add_button = QPushButton(_("Add an appendix"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.up_button = QPushButton("↑", self)
        self.down_button = QPushButton("↓", self)
        self.remove_button.setToolTip(_("Remove the selected annex and its text"))
        self.up_button.setToolTip(_("Print it earlier"))
        self.down_button.setToolTip(_("Print it later"))
        side = QVBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)

        self.kind = QComboBox(self)
        self.kind.addItem(_("Appendix (Phụ lục)"), "")
        for name in ATTACHED_TYPES:
            self.kind.addItem(_("Attached text: {name}").format(name=name), name)
        self.title_field = LineField(self)
        self.title_field.setToolTip(_("Prints in capitals, in bold, under the heading"))
        self.body = OutlineEditor(self, lines=10)
        self.body.setToolTip(_("The same markup as the body: a blank line between paragraphs; \"1.\" starts an item"))
        self.fields = QWidget(self)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("Kind"), self.kind)
        # The title and the text show the template fields that fill them, never the template code.
        self.part_editors: dict[str, PartEditor] = {
            "annex.title": PartEditor(state, "annexes[1].title", self.title_field, self),
            "annex.body": PartEditor(state, "annexes[1].body", self.body, self),
        }
        form.addRow(_("Annex title"), self.part_editors["annex.title"])
        form.addRow(_("Annex text"), self.part_editors["annex.body"])
        self.electronic = QCheckBox(_("Electronic document (Mẫu 2.2)"), self)
        self.separate_note = QLabel(_("In the electronic form the number and date of the \"Kèm theo\" line stay "
                                      "blank. To issue each appendix as a file of its own: File → Export DOCX, "
                                      "appendices as separate files…"), self)
        self.separate_note.setWordWrap(True)
        vbox(top, self.fields, self.electronic, self.separate_note, margin=0, spacing=SPACING, parent=self)

        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.currentRowChanged.connect(self._show_current)
        self.kind.currentIndexChanged.connect(lambda _i: self._edit(doc_type=self.kind.currentData()))
        self.title_field.edited.connect(lambda text: self._edit(title=text))
        self.body.edited.connect(lambda text: self._edit(body=text))
        self.title_field.notice.connect(self.notice)
        self.body.notice.connect(self.notice)
        self.electronic.toggled.connect(
            lambda on: self.state.update_content(medium=ELECTRONIC if on else ""))
        self._show_current(-1)

    # -- the list --
    def annexes(self) -> tuple[Annex, ...]:
        return self.state.draft.content.annexes

    def _labels(self, filled: tuple[Annex, ...] = ()) -> None:
        """One row per annex: its heading and title (as filled in from the template fields, when known)."""
        annexes = self.annexes()
        while self.list.count() > len(annexes):
            self.list.takeItem(self.list.count() - 1)
        if len(filled) == len(annexes):
            self._filled = (annexes, filled)  # kept while the annexes stay as they were filled
        source, last = getattr(self, "_filled", ((), ()))
        shown = last if source == annexes and len(last) == len(annexes) else annexes
        for row, (heading, annex) in enumerate(zip(headings(shown), shown)):
            title = " ".join(annex.title.split())
            text = f"{heading}: {title}" if title else heading
            if row < self.list.count():
                self.list.item(row).setText(text)
            else:
                self.list.addItem(text)

    def _set(self, annexes: tuple[Annex, ...], row: int) -> None:
        self.state.update_content(annexes=annexes)
        self.list.blockSignals(True)
        self._labels()
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_current(row)

    def add(self) -> None:
        annexes = self.annexes() + (Annex(),)
        self._set(annexes, len(annexes) - 1)
        self.title_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        annexes = self.annexes()
        if 0 <= row < len(annexes):
            prompts = getattr(self.window(), "prompts", None)  # the window's questions (ptdraft.gui.dialogs)
            typed = annexes[row].title.strip() or annexes[row].body.strip()
            if typed and prompts is not None and not prompts.confirm(
                    _("Remove {heading} and its text?").format(heading=self.list.item(row).text())):
                return
            kept = annexes[:row] + annexes[row + 1:]
            self._set(kept, min(row, len(kept) - 1))

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        annexes = list(self.annexes())
        if not (0 <= row < len(annexes) and 0 <= target < len(annexes)):
            return
        annexes[row], annexes[target] = annexes[target], annexes[row]
        self._set(tuple(annexes), target)

    # -- the selected annex --
    def _edit(self, **changes: str) -> None:
        row = self.list.currentRow()
        annexes = self.annexes()
        if not 0 <= row < len(annexes):
            return
        changed = dataclasses.replace(annexes[row], **changes)
        self.state.update_content(annexes=annexes[:row] + (changed,) + annexes[row + 1:])
        if "doc_type" in changes:
            self.body.set_doc_type(changed.doc_type)
        self._labels()

    def _show_current(self, row: int) -> None:
        annexes = self.annexes()
        selected = 0 <= row < len(annexes)
        self.fields.setEnabled(selected)
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(selected)
        annex = annexes[row] if selected else Annex()
        self.kind.blockSignals(True)
        index = self.kind.findData(annex.doc_type)
        if index < 0:
            name = _("(from the template fields)") if "{" in annex.doc_type else annex.doc_type
            self.kind.addItem(_("Attached text: {name}").format(name=name), annex.doc_type)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.kind.blockSignals(False)
        self.title_field.set_quietly(annex.title)
        self.body.set_quietly(annex.body)
        self.body.set_doc_type(annex.doc_type)
        for name, editor in self.part_editors.items():
            part = Ref.parse(name).steps[-1][0]  # "annex.title": the title of the annex shown
            editor.part = str(Ref((("annexes", max(row, 0) + 1), (part, None))))
            editor.load(self.state.draft, editor.wording)

    def load(self, draft: Draft) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self._labels()
        count = len(draft.content.annexes)
        row = row if 0 <= row < count else (0 if count else -1)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_current(row)
        medium = draft.content.medium
        from_template = "{{" in medium or "{%" in medium
        self.electronic.blockSignals(True)
        self.electronic.setChecked(medium.strip() == ELECTRONIC)
        self.electronic.blockSignals(False)
        self.electronic.setEnabled(not from_template)
        self.electronic.setToolTip(_("Filled in from the template fields in the Content step") if from_template else "")

    def show_filled(self, source: Content, filled: Content) -> None:
        """Under the title and the text, what they print as when they use template fields ({{ … }})."""
        self._labels(filled.annexes)
        for editor in self.part_editors.values():
            editor.show_filled(filled)

    def focus_ref(self, ref: str) -> bool:
        """Select the annex ``ref`` names ("annexes[2].body") and focus its field; False when it names none."""
        try:
            steps = Ref.parse(ref).steps
        except ValueError:
            return False
        (head, number), part = steps[0], (steps[1][0] if len(steps) > 1 else "")
        if head != "annexes" or number is None or not 1 <= number <= self.list.count():
            return False
        self.list.setCurrentRow(number - 1)
        target = {"body": self.body, "doc_type": self.kind}.get(part, self.title_field)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


class CosignerEditor(QGroupBox):
    """The second signature, on the left of the first (Mẫu 1.9: THƯ KÝ beside CHỦ TỌA; the parties of a contract).

    Checked, it prints; unchecked, it is emptied and prints nothing. ``modes`` are the signing step's (mode, label)."""

    def __init__(self, state: DraftState, modes, parent: QWidget | None = None) -> None:
        super().__init__(_("Second signature, on the left"), parent)
        self.state = state
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = form
        note = QLabel(_("Biên bản: THƯ KÝ beside CHỦ TỌA; a joint document: the other signer. Nơi nhận prints "
                        "under it."), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.mode = QComboBox(self)
        for mode, label in modes:
            self.mode.addItem(label, mode)
        self.mode.currentIndexChanged.connect(lambda _i: self._edit(mode=self.mode.currentData()))
        self.mode.currentIndexChanged.connect(lambda _i: self._visible(self.mode.currentData()))
        form.addRow(_("Signing authority"), self.mode)
        self.fields: dict[str, LineField] = {}
        self.part_editors: dict[str, PartEditor] = {}  # each line, or the template fields that fill it
        for part, label, tip in (
            ("collective", _("On behalf of (TM.)"), _("e.g. ỦY BAN NHÂN DÂN")),
            ("head_title", _("Head's title (KT., TL., TUQ., Q.)"), _("e.g. CHỦ TỊCH")),
            ("order_title", _("Signing by order for (KT. after TL.)"), _("e.g. CHÁNH VĂN PHÒNG, whose deputy signs")),
            ("position", _("Signer's position"), _("e.g. THƯ KÝ")),
            ("name", _("Signer's full name"), _("No degrees or ranks before the name")),
        ):
            field = LineField(self)
            field.setToolTip(tip)
            field.edited.connect(lambda text, p=part: self._edit(**{p: text}))
            editor = PartEditor(state, f"cosigner.{part}", field, self)
            form.addRow(label, editor)
            self.fields[part] = field
            self.part_editors[f"cosigner.{part}"] = editor
        self.printed = QLabel(self)
        self.printed.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        form.addRow(_("Prints as"), self.printed)
        self.toggled.connect(self._toggled)

    def _edit(self, **changes: Any) -> None:
        self.state.update_content(cosigner=dataclasses.replace(self.state.draft.content.cosigner, **changes))

    def _toggled(self, on: bool) -> None:
        if not on:  # an unused second signature never prints
            self.state.update_content(cosigner=Signature())
            self.load(self.state.draft)
        self._visible(self.mode.currentData())

    def _visible(self, mode: SigningMode) -> None:
        shown = {
            "collective": mode in (SigningMode.TM, SigningMode.TM_KT),
            "head_title": mode not in (SigningMode.NONE, SigningMode.TM),
            "order_title": mode is SigningMode.TL_KT,
        }
        for part, visible in shown.items():
            self.form.setRowVisible(self.part_editors[f"cosigner.{part}"], visible and self.isChecked())

    def load(self, draft: Draft) -> None:
        sig = draft.content.cosigner
        self.blockSignals(True)
        self.setChecked(bool(sig.authority_lines() or sig.name.strip()))
        self.blockSignals(False)
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(0, self.mode.findData(sig.mode)))
        self.mode.blockSignals(False)
        for part, field in self.fields.items():
            field.set_quietly(getattr(sig, part))
        self._visible(sig.mode)

    def show_printed(self, content: Content) -> None:
        sig = content.cosigner
        self._visible(sig.mode)
        lines = [line.upper() for line in sig.authority_lines()] + ([sig.name] if sig.name.strip() else [])
        self.printed.setText("<br>".join(f"<b>{line}</b>" for line in lines))


class AnnexExportFeature:
    """File → "Export DOCX, appendices as separate files…": the document and each appendix beside it; made and
    kept by the main window (``window.annex_export``), which puts the action after Export DOCX…."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.action = host.make_action(_("Export DOCX, appendices as separate &files…"), self.export_separately)

    def export_separately(self) -> Path | None:
        host = self.host
        draft = host.state.draft
        api.layout_draft(draft, strict=False)  # a template error stops here, before any question is asked
        if not host.confirm_problems():
            return None
        written: list[Path] = []
        mark = host.export_mark()

        def write(path: Path) -> None:
            written[:] = api.export_docx_files(draft, path, strict=False, draft_mark=mark)

        path = host.export_loop("docx", write)
        if path is None:
            return None
        if len(written) > 1:
            host.show_notice(_("Exported {count} files: {names}").format(
                count=len(written), names=", ".join(p.name for p in written)))
        else:
            host.show_notice(_("The document has no appendix; only the document was exported."))
        host.after_export(written[0])
        return written[0]
