"""The template library window (Tools → Template library…): every template and version with its state and
history, the reviewer's submit / approve / retire, a diff between any two versions, import and export of
template files, and the editor for a new template or a new version."""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as _dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ptdraft import api
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.i18n import state_name
from ptdraft.gui.highlight import DiffHighlighter, TemplateHighlighter, code_font
from ptdraft.gui.i18n import _
from ptdraft.gui.layouting import STRETCH, dialog_box, hbox, vbox
from ptdraft.gui.window_place import fit_dialog
from ptdraft.files.disk import read_text

ENTRY = Qt.ItemDataRole.UserRole

if TYPE_CHECKING:
    from ptdraft.gui.template_editor import TemplateEditor
    from ptdraft.office.library import LibraryEntry


def action_name(action: str) -> str:
    names = {
        "created": _("Created"),
        "submitted": _("Submitted for approval"),
        "approved": _("Approved"),
        "retired": _("Retired"),
        "imported": _("Imported"),
    }
    return names.get(action, action)


def origin_name(origin: str) -> str:
    return _("shipped with ptdraft") if origin == "shipped" else _("office library")


def when(text: str) -> str:
    """"2026-11-27T13:02:18+07:00" → "27/11/2026 13:02" (a date alone → "27/11/2026")."""
    if not text:
        return ""
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return moment.strftime("%d/%m/%Y %H:%M") if "T" in text else moment.strftime("%d/%m/%Y")


class _TextView(QPlainTextEdit):
    """A read-only text in the code font, coloured by its highlighter (kept here, so it lives as long as the view)."""

    def __init__(self, parent: QWidget, highlighter) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(code_font())
        self.highlighter = highlighter(self.document())


def _text_view(parent: QWidget, highlighter) -> QPlainTextEdit:
    return _TextView(parent, highlighter)


class LibraryDialog(QDialog):
    """Templates (top level) and their versions (children); the selected version's history, text and diffs."""

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent or as_parent(window))
        self.host = window
        self.setWindowTitle(_("Template library"))
        fit_dialog(self, 1200, 700)
        self.entries: list = []
        self.editor: TemplateEditor | None = None
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a02000")
        self.error_label.hide()

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_("Template"), _("Version"), _("State"), _("Approved by")])
        self.tree.setColumnWidth(0, 230)
        self.tree.setColumnWidth(1, 76)
        self.tree.setColumnWidth(2, 90)
        self.tree.setAccessibleName(_("Templates and versions"))

        self.tabs = QTabWidget(self)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QTreeWidget(self)
        self.history.setHeaderLabels([_("Version"), _("Step"), _("State"), _("By"), _("When"), _("Note")])
        self.history.setRootIsDecorated(False)
        for column, width in enumerate((76, 150, 90, 130, 130)):
            self.history.setColumnWidth(column, width)
        history_page = QWidget(self)
        vbox(self.details, (self.history, 1), parent=history_page)
        self.text_view = _text_view(self, TemplateHighlighter)
        self.old_box = QComboBox(self)
        self.new_box = QComboBox(self)
        self.compare_button = QPushButton(_("Compare"), self)
        self.diff_view = _text_view(self, DiffHighlighter)
        diff_page = QWidget(self)
        vbox(hbox(QLabel(_("From version"), diff_page), self.old_box, QLabel(_("to version"), diff_page),
                  self.new_box, self.compare_button, STRETCH),
             (self.diff_view, 1), parent=diff_page)
        self.tabs.addTab(history_page, _("History"))
        self.tabs.addTab(self.text_view, _("Text"))
        self.tabs.addTab(diff_page, _("Compare versions"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.tabs)
        splitter.setSizes([480, 700])

        self.new_button = self._button(_("New…"), _("Write a new template in the editor"), self.new_template)
        self.edit_button = self._button(_("Edit…"), _("Edit this version's text; saving makes a new version"),
                                        self.edit_template)
        self.submit_button = self._button(_("Submit"), _("Send this draft version for approval"), self.submit)
        self.approve_button = self._button(_("Approve"), _("Approve this version (reviewer)"), self.approve)
        self.retire_button = self._button(_("Retire"), _("Stop offering this version to clerks (reviewer)"),
                                          self.retire)
        self.import_button = self._button(_("Import…"), _("Check a template file from another office and add it"),
                                          self.import_file)
        self.export_button = self._button(_("Export…"), _("Write this version to a .toml file"), self.export_file)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.close)
        dialog_box(
            self,
            self.error_label,
            (splitter, 1),
            hbox(self.new_button, self.edit_button, self.submit_button, self.approve_button, self.retire_button,
                 self.import_button, self.export_button, STRETCH, close),
        )

        self.tree.currentItemChanged.connect(lambda _item, _old: window.guard(self.show_selected))
        self.compare_button.clicked.connect(lambda: window.guard(self.compare))
        self.refresh()

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self.host.guard(slot))
        return button

    # -- listing ----------------------------------------------------------------------------------
    def refresh(self, select: tuple[str, int] | None = None) -> None:
        """Read the library again (every state); keep the selection, or select ``(id, version)``."""
        current = self.selected()
        if select is None and current is not None:
            select = (current.template.id, current.template.version)
        listing = api.library_templates(include_all=True)
        self.entries = list(listing.entries)
        problems = [str(p) for p in listing.problems]
        if listing.error is not None:
            problems.insert(0, _("The template library cannot be used; only the shipped templates are shown.")
                            + "\n" + str(listing.error))
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems))
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        chosen = None
        for entry in sorted(self.entries, key=lambda e: (e.template.id, e.template.version)):
            template = entry.template
            group = groups.get(template.id)
            if group is None:
                group = QTreeWidgetItem([f"{template.title} ({template.id})"])
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)
                groups[template.id] = group
            else:
                group.setText(0, f"{template.title} ({template.id})")
            item = QTreeWidgetItem([
                f"{template.doc_type} · {origin_name(entry.origin)}",
                str(template.version),
                state_name(entry.state),
                entry.approved_by,
            ])
            item.setData(0, ENTRY, entry)
            item.setToolTip(0, template.description or template.title)
            group.addChild(item)
            if select == (template.id, template.version):
                chosen = item
        self.tree.expandAll()
        if chosen is None and groups:
            first = next(iter(groups.values()))
            chosen = first.child(first.childCount() - 1)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.show_selected()

    def selected(self):
        """The LibraryEntry of the selected version (a template's row means its latest version)."""
        item = self.tree.currentItem()
        if item is None:
            return None
        if item.data(0, ENTRY) is None and item.childCount():
            item = item.child(item.childCount() - 1)
        return item.data(0, ENTRY)

    def select(self, template_id: str, version: int) -> None:
        self.refresh(select=(template_id, version))

    def versions_of(self, template_id: str) -> list:
        return [e for e in self.entries if e.template.id == template_id]

    def show_selected(self) -> None:
        entry = self.selected()
        self.history.clear()
        self.old_box.clear()
        self.new_box.clear()
        self.diff_view.clear()
        library = entry is not None and entry.origin == "library"
        for button in (self.edit_button, self.export_button):
            button.setEnabled(entry is not None)
        self.submit_button.setEnabled(library and entry.state == "draft")
        self.approve_button.setEnabled(library and entry.state == "submitted")
        self.retire_button.setEnabled(library and entry.state != "retired")
        if entry is None:
            self.details.setText(_("No template selected."))
            self.text_view.clear()
            return
        template = entry.template
        lines = [
            f"<b>{html.escape(template.title)}</b> — "
            + _("{id}, version {version}").format(id=template.id, version=template.version),
            _("State: {state}; {origin}").format(state=state_name(entry.state), origin=origin_name(entry.origin)),
        ]
        if entry.sha256:
            lines.append(f"SHA-256: {entry.sha256[:16]}…")
        self.details.setText("<br>".join(lines))
        self.text_view.setPlainText(template.source)
        if library:
            events = api.template_history(template.id)
            for event in events:
                row = QTreeWidgetItem([str(event.version), action_name(event.action), state_name(event.state),
                                       event.actor, when(event.at), event.note])
                self.history.addTopLevelItem(row)
                if event.version == template.version:
                    for column in range(6):
                        font = row.font(column)
                        font.setBold(True)
                        row.setFont(column, font)
        else:
            approval = template.approval
            self.history.addTopLevelItem(QTreeWidgetItem([
                str(template.version), _("Shipped with ptdraft"), state_name(entry.state), approval.by,
                approval.at.strftime("%d/%m/%Y") if approval.at else "", "",
            ]))
        versions = [e.template.version for e in self.versions_of(template.id)]
        for number in versions:
            self.old_box.addItem(str(number), number)
            self.new_box.addItem(str(number), number)
        self.new_box.setCurrentIndex(versions.index(template.version))
        self.old_box.setCurrentIndex(max(0, versions.index(template.version) - 1))
        if len(versions) > 1:
            self.compare()

    def compare(self) -> None:
        """The diff between the two chosen versions, +/- lines coloured."""
        entry = self.selected()
        old, new = self.old_box.currentData(), self.new_box.currentData()
        if entry is None or old is None or new is None:
            return
        text = api.template_diff(entry.template.id, old, new)
        self.diff_view.setPlainText(text or _("The two versions have the same text."))

    # -- reviewer actions ---------------------------------------------------------------------------
    def _confirm(self, question: str) -> LibraryEntry | None:
        entry = self.selected()
        if entry is None:
            return None
        text = question.format(id=entry.template.id, version=entry.template.version)
        return entry if self.host.prompts.confirm(text) else None

    def submit(self) -> None:
        entry = self._confirm(_("Submit template {id} version {version} for approval?"))
        if entry is not None:
            api.submit_template(entry.template.id, entry.template.version)
            self.refresh()

    def approve(self) -> None:
        entry = self._confirm(
            _("Approve template {id} version {version}? An approved version never changes, and clerks will use it.")
        )
        if entry is not None:
            api.approve_template(entry.template.id, entry.template.version)
            self.refresh()

    def retire(self) -> None:
        entry = self._confirm(_("Retire template {id} version {version}? Clerks will no longer see it."))
        if entry is not None:
            api.retire_template(entry.template.id, entry.template.version)
            self.refresh()

    # -- files ------------------------------------------------------------------------------------
    def import_file(self) -> None:
        """A template file from another office: checked in the sandbox (its example rendered), shown, then stored
        waiting for approval; an invalid or unsafe file is refused with the engine's message."""
        path = self.host.prompts.open_file(_("Import a template file"), str(self.host.settings.last_folder()),
                                             _("Templates (*.toml)"))
        if path is None:
            return
        self.host.settings.remember_folder(path)
        check = api.check_template_source(read_text(path), str(path), isolated=True)
        if not self.host.prompts.confirm_import(path.name, check):
            return
        stored, _check = api.import_template_file(path)
        self.host.show_notice(
            _("Template {id} imported as version {version}, waiting for approval").format(
                id=stored.template_id, version=stored.version
            )
        )
        self.select(stored.template_id, stored.version)

    def export_file(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        template = entry.template
        suggested = str(self.host.settings.last_folder() / f"{template.id}-v{template.version}.toml")
        path = self.host.prompts.save_file(_("Export a template version"), suggested, _("Templates (*.toml)"),
                                             ".toml")
        if path is None:
            return
        self.host.settings.remember_folder(path)
        api.export_template(template.id, path, version=template.version)
        self.host.show_notice(_("Exported {id} version {version} to {path}").format(
            id=template.id, version=template.version, path=path))

    # -- editing ----------------------------------------------------------------------------------
    def new_template(self) -> None:
        from ptdraft.gui.template_editor import NEW_TEMPLATE

        self._edit(NEW_TEMPLATE, _("new template"))

    def edit_template(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._edit(entry.template.source,
                       _("{id}, version {version}").format(id=entry.template.id, version=entry.template.version))

    def _edit(self, source: str, name: str) -> None:
        from ptdraft.gui.template_editor import TemplateEditor

        editor = TemplateEditor(self.host, source, self, name=name)
        editor.saved.connect(lambda stored: self.select(stored.template_id, stored.version))
        editor.show()
        self.editor = editor
