"""The reviewer's tools in the window: the review panel, import of existing letters, checking any DOCX,
tone-mark style, and correcting a spelling finding. Installed into the main window by :func:`install`."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ptdraft import api
from ptdraft.gui.i18n import _
from ptdraft.gui.review import ReviewPanel
from ptdraft.model import Content, Item, Signature


def install(window, view_menu, file_menu) -> ReviewPanel:
    """Add the review panel (under the preview, View → Review panel, F8), its timer and the tool actions."""
    panel = ReviewPanel(window)
    window.right_split.addWidget(panel)
    window.right_split.setStretchFactor(0, 3)
    window.right_split.setStretchFactor(1, 1)
    panel.hide()
    toggle = QAction(_("&Review panel"), window)
    toggle.setCheckable(True)
    toggle.setShortcut(QKeySequence("F8"))
    toggle.toggled.connect(panel.setVisible)
    toggle.toggled.connect(lambda on: on or window.preview.canvas.set_marks(set(), set()))  # closed: no outlines
    toggle.toggled.connect(lambda on: on and _share_height(window.right_split))
    # Shown: review now (QTimer.start(0) would change the panel's debounce interval for good).
    toggle.toggled.connect(lambda on: on and QTimer.singleShot(0, lambda: window.guard(run_review)))
    view_menu.addAction(toggle)
    window.review_action = toggle

    def run_review() -> None:
        if panel.isVisible():
            # Its own problems, not the window's: the preview may not have caught up with the last change yet.
            panel.review(window.state.draft, api.find_problems(window.state.draft))
            window.preview.canvas.set_marks(*panel.marks)

    panel.timer.timeout.connect(lambda: window.guard(run_review))
    window.state.changed.connect(panel.timer.start)
    panel.clicked_ref.connect(window.go_to_ref)
    panel.describe = window.describe_ref
    panel.replace_requested.connect(lambda finding, text: window.guard(lambda: replace_text(window, finding, text)))

    tools = window.tools_menu  # made with the menu bar (MainWindow._build_menu_bar), filled here
    tools.addAction(window._action(_("Use new tone marks (hòa, thủy)"), lambda: unify_tones(window, api.ToneStyle.NEW)))
    tools.addAction(window._action(_("Use old tone marks (hoà, thuỷ)"), lambda: unify_tones(window, api.ToneStyle.OLD)))
    tools.addSeparator()
    tools.addAction(window._action(_("Check a DOCX file…"), lambda: check_file(window)))
    import_action = window._action(_("&Import a letter…"), lambda: import_letter(window), QKeySequence("Ctrl+I"))
    file_menu.insertAction(window.recent_menu.menuAction(), import_action)
    window.import_action = import_action
    return panel


def _share_height(split) -> None:
    """Shown, the review panel takes a third of the height under the preview (it starts as a sliver)."""
    total = sum(split.sizes()) or split.height()
    if total and split.sizes()[-1] < total // 4:
        split.setSizes([total - total // 3, total // 3])


def unify_tones(window, style) -> None:
    """Put every word of the draft in one tone-mark style, on request, saying how many words changed."""
    draft, changed = api.with_tone_style(window.state.draft, style)
    if changed:
        window.state.replace(draft, window.state.path, dirty=True)
    window.show_notice(_("{count} word(s) changed to the chosen tone-mark style").format(count=changed))


def import_letter(window) -> None:
    """File → Import: an existing letter (.txt copied out of a PDF, or .docx) becomes the draft."""
    if not window._may_discard():
        return
    path = window.prompts.open_file(_("Import a letter"), str(window.settings.last_folder()), _("Letters (*.txt *.docx)"))
    if path is not None:
        window.settings.remember_folder(path)
        import_path(window, path)


def import_path(window, path: Path) -> None:
    draft, report = api.import_file(path)
    window.state.replace(draft, None, dirty=True)
    window.go_to_step(0)
    window.prompts.info(_("Imported {name}").format(name=path.name), str(report))


def check_file(window) -> None:
    """Check any DOCX (a letter made in Word by someone else) and list its findings."""
    path = window.prompts.open_file(_("Check a DOCX file"), str(window.settings.last_folder()),
                                    _("Word documents (*.docx)"))
    if path is not None:
        window.settings.remember_folder(path)
        show_file_findings(window, path)


def show_file_findings(window, path: Path) -> QDialog:
    findings = api.check_docx(path)
    dialog = QDialog(window)
    dialog.setWindowTitle(_("Findings in {name}").format(name=path.name))
    dialog.resize(820, 420)
    panel = ReviewPanel(dialog)
    panel.format_findings = list(findings)
    panel._show()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    box = QVBoxLayout(dialog)
    box.addWidget(panel)
    box.addWidget(buttons)
    dialog.setModal(False)
    dialog.show()
    window.file_findings_dialog = dialog
    return dialog


def _get(content: Content, ref: str) -> str | None:
    """The source text of a draft part named like the findings name it; None if there is no such text."""
    head, _sep, rest = ref.partition(".")
    name, _b, index = head.partition("[")
    value = getattr(content, name, None)
    if index:
        position = int(index.rstrip("]")) - 1
        if not isinstance(value, tuple) or not 0 <= position < len(value):
            return None
        value = value[position]
    if isinstance(value, Item):
        if rest.startswith("subitems["):
            position = int(rest[len("subitems["):].rstrip("]")) - 1
            return value.subitems[position] if 0 <= position < len(value.subitems) else None
        return value.text
    if isinstance(value, Signature):
        return getattr(value, rest, None)
    return value if isinstance(value, str) else None


def _set(content: Content, ref: str, text: str) -> Content:
    head, _sep, rest = ref.partition(".")
    name, _b, index = head.partition("[")
    value = getattr(content, name)
    if not index:
        if isinstance(value, Signature):
            return dataclasses.replace(content, signature=dataclasses.replace(value, **{rest: text}))
        return dataclasses.replace(content, **{name: text})
    position = int(index.rstrip("]")) - 1
    items = list(value)
    item = items[position]
    if isinstance(item, Item):
        if rest.startswith("subitems["):
            sub = int(rest[len("subitems["):].rstrip("]")) - 1
            subitems = list(item.subitems)
            subitems[sub] = text
            items[position] = dataclasses.replace(item, subitems=tuple(subitems))
        else:
            items[position] = dataclasses.replace(item, text=text)
    else:
        items[position] = text
    return dataclasses.replace(content, **{name: tuple(items)})


def _replace_in_value(window, finding, replacement: str) -> bool:
    """Correct a finding in a template field's value ("values.cuoc_hop", "values.thanh_phan[2]")."""
    name, _b, index = finding.ref.removeprefix("values.").partition("[")
    draft = window.state.draft
    value = draft.values.get(name, draft.field(name).default if draft.field(name) else None)
    if index:
        position = int(index.rstrip("]")) - 1
        if not isinstance(value, list) or not 0 <= position < len(value):
            return False
        text = value[position]
    else:
        text = value
    if not isinstance(text, str) or text[finding.start:finding.end] != finding.excerpt:
        return False
    fixed = text[: finding.start] + replacement + text[finding.end :]
    if index:
        value = list(value)
        value[position] = fixed
        window.state.set_value(name, value)
    else:
        window.state.set_value(name, fixed)
    window.state.replace(window.state.draft, window.state.path, dirty=True)  # the form shows the new value
    QTimer.singleShot(0, lambda: window.go_to_ref(f"values.{name}"))
    return True


def replace_text(window, finding, replacement: str) -> None:
    """Correct a spelling finding where it was typed: a part of the document, or a template field's value."""
    if finding.ref.startswith("values."):
        if not _replace_in_value(window, finding, replacement):
            window.show_notice(_("This text has changed since it was checked; check it again."))
        return
    content = window.state.draft.content
    source = _get(content, finding.ref)
    if source is None or source[finding.start:finding.end] != finding.excerpt:
        window.show_notice(_("This text has changed since it was checked; check it again."))
        return
    fixed = source[: finding.start] + replacement + source[finding.end :]
    window.state.replace(dataclasses.replace(window.state.draft, content=_set(content, finding.ref, fixed)),
                         window.state.path, dirty=True)
    QTimer.singleShot(0, lambda: window.go_to_ref(finding.ref))
