"""The reviewer's tools in the window: the review panel, import of existing letters, checking any DOCX,
tone-mark style, and correcting a spelling finding. :class:`ToolsFeature` is made and kept by the main window
(``window.tools``), which places its panel under the preview and its actions in its menus."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ptdraft import api
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.i18n import _
from ptdraft.gui.review import ReviewPanel
from ptdraft.model import Content, Item, Ref, value_ref


class ToolsFeature:
    """The review panel (View → Review panel, F8) and its timer, and the tools: tone-mark style, Check a DOCX
    file…, Import a letter…."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.file_findings_dialog: QDialog | None = None
        self.panel = panel = ReviewPanel(as_parent(host))
        panel.hide()
        self.review_action = toggle = QAction(_("&Review panel"), as_parent(host))
        toggle.setCheckable(True)
        toggle.setShortcut(QKeySequence("F8"))
        toggle.toggled.connect(panel.setVisible)
        toggle.toggled.connect(lambda on: None if on else host.set_marks(set(), set()))  # closed: no outlines
        # Shown: review now (QTimer.start(0) would change the panel's debounce interval for good).
        toggle.toggled.connect(lambda on: on and QTimer.singleShot(0, lambda: host.guard(self.run_review)))
        panel.timer.timeout.connect(lambda: host.guard(self.run_review))
        host.state.changed.connect(panel.timer.start)
        panel.clicked_ref.connect(host.go_to_ref)
        panel.describe = host.describe_ref
        panel.replace_requested.connect(lambda finding, text: host.guard(lambda: self.replace_text(finding, text)))

        # For the Tools menu, in this order (a separator before the check).
        self.tone_actions = (
            host.make_action(_("Use new tone marks (hòa, thủy)"), lambda: self.unify_tones(api.ToneStyle.NEW)),
            host.make_action(_("Use old tone marks (hoà, thuỷ)"), lambda: self.unify_tones(api.ToneStyle.OLD)),
        )
        self.check_action = host.make_action(_("Check a DOCX file…"), self.check_file)
        self.import_action = host.make_action(_("&Import a letter…"), self.import_letter, QKeySequence("Ctrl+I"))

    def marks(self) -> tuple[set, set]:
        """What the preview outlines: the review's findings while the panel is open, else nothing."""
        return self.panel.marks if self.review_action.isChecked() else (set(), set())

    def run_review(self) -> None:
        if self.panel.isVisible():
            draft = self.host.state.draft
            # Its own problems, not the window's: the preview may not have caught up with the last change yet.
            self.panel.review(draft, api.find_problems(draft))
            self.host.set_marks(*self.panel.marks)

    def unify_tones(self, style) -> None:
        """Put every word of the draft in one tone-mark style, on request, saying how many words changed."""
        state = self.host.state
        draft, changed = api.with_tone_style(state.draft, style)
        if changed:
            state.replace(draft, state.path, dirty=True)
        self.host.show_notice(_("{count} word(s) changed to the chosen tone-mark style").format(count=changed))

    def import_letter(self) -> None:
        """File → Import: an existing letter (a .txt copy, a .docx or .doc, a born-digital PDF) becomes the draft."""
        host = self.host
        if not host.may_discard():
            return
        path = host.prompts.open_file(_("Import a letter"), str(host.settings.last_folder()),
                                      _("Letters (*.txt *.md *.docx *.doc *.pdf)"))
        if path is not None:
            host.settings.remember_folder(path)
            self.import_path(path)

    def import_path(self, path: Path) -> None:
        draft, report = api.import_file(path)
        self.host.state.replace(draft, None, dirty=True)
        self.host.go_to_step(0)
        self.host.prompts.info(_("Imported {name}").format(name=path.name), str(report))

    def check_file(self) -> None:
        """Check any DOCX (a letter made in Word by someone else) and list its findings."""
        host = self.host
        path = host.prompts.open_file(_("Check a DOCX file"), str(host.settings.last_folder()),
                                      _("Word documents (*.docx)"))
        if path is not None:
            host.settings.remember_folder(path)
            self.show_file_findings(path)

    def show_file_findings(self, path: Path) -> QDialog:
        findings = api.check_docx(path)
        dialog = QDialog(as_parent(self.host))
        dialog.setWindowTitle(_("Findings in {name}").format(name=path.name))
        dialog.resize(820, 420)
        panel = ReviewPanel(dialog)
        panel.format_findings = list(findings)
        panel.show_findings()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        box = QVBoxLayout(dialog)
        box.addWidget(panel)
        box.addWidget(buttons)
        dialog.setModal(False)
        dialog.show()
        self.file_findings_dialog = dialog
        return dialog

    def replace_text(self, finding, replacement: str) -> None:
        """Correct a spelling finding where it was typed: a part of the document, or a template field's value."""
        state = self.host.state
        if finding.ref.startswith("values."):
            if not self._replace_in_value(finding, replacement):
                self.host.show_notice(_("This text has changed since it was checked; check it again."))
            return
        content = state.draft.content
        ref = _text_ref(content, finding.ref)
        source = ref.get(content) if ref is not None else None
        if ref is None or not isinstance(source, str) or source[finding.start:finding.end] != finding.excerpt:
            self.host.show_notice(_("This text has changed since it was checked; check it again."))
            return
        fixed = source[: finding.start] + replacement + source[finding.end :]
        state.replace(dataclasses.replace(state.draft, content=ref.with_value(content, fixed)), state.path,
                      dirty=True)
        QTimer.singleShot(0, lambda: self.host.go_to_ref(finding.ref))

    def _replace_in_value(self, finding, replacement: str) -> bool:
        """Correct a finding in a template field's value ("values.cuoc_hop", "values.thanh_phan[2]")."""
        state = self.host.state
        name, index = value_ref(finding.ref) or ("", None)
        draft = state.draft
        field = draft.field(name)
        value = draft.values.get(name, field.default if field else None)
        if index is not None:
            if not isinstance(value, list) or not 0 < index <= len(value):
                return False
            text = value[index - 1]
        else:
            text = value
        if not isinstance(text, str) or text[finding.start:finding.end] != finding.excerpt:
            return False
        fixed = text[: finding.start] + replacement + text[finding.end :]
        if index is not None and isinstance(value, list):
            value = list(value)
            value[index - 1] = fixed
            state.set_value(name, value)
        else:
            state.set_value(name, fixed)
        state.replace(state.draft, state.path, dirty=True)  # the form shows the new value
        QTimer.singleShot(0, lambda: self.host.go_to_ref(f"values.{name}"))
        return True


def _text_ref(content: Content, text: str) -> Ref | None:
    """The ref of the text a finding's offsets point into: an item's own text for "requirements[2]"; None when
    ``text`` names no part."""
    try:
        ref = Ref.parse(text)
    except ValueError:
        return None
    if isinstance(ref.get(content), Item):
        return Ref(ref.steps + (("text", None),))
    return ref
