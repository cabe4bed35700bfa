"""The review panel: what a reviewer checks before signing, updated while the clerk types.

Three groups: what is still missing (the engine's problems), the Decree-30 format
findings of the DOCX the draft exports to (the checker), and the Vietnamese text
findings (spelling, spacing, capitalisation). A click goes to the field; a
spelling finding with a suggestion can be corrected from its context menu.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ptdraft import api
from ptdraft.gui.i18n import _
from ptdraft.gui.widgets import single_shot
from ptdraft.model import Draft

DELAY_MS = 400  # the checks run this long after the last keystroke; the preview itself does not wait


class ReviewPanel(QWidget):
    clicked_ref = Signal(str)
    replace_requested = Signal(object, str)  # (TextFinding, replacement)
    reviewed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_("Finding"), _("Where"), _("How to fix")])
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 170)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.summary = QLabel(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.tree, 1)
        self.timer = single_shot(self, DELAY_MS)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.describe = lambda ref: ref  # the window names a draft part by the step that edits it
        self.problems: list = []
        self.format_findings: list = []
        self.text_findings: list = []

    def refs(self) -> set[str]:
        """The draft parts that have findings (for marking them on the preview)."""
        found = set()
        for item in (*self.problems, *self.format_findings, *self.text_findings):
            ref = getattr(item, "ref", "") or ""
            if ref:
                found.add(ref)
        return found

    def review(self, draft: Draft, problems: list) -> None:
        """Run the checks on ``draft`` now and show them."""
        self.problems = list(problems)
        # What the draft lacks is in the first group already; the format group holds the DOCX's findings.
        self.format_findings = [f for f in api.check_draft(draft) if not f.rule.startswith("draft.")]
        self.text_findings = list(api.check_spelling(draft))
        self._show()
        self.reviewed.emit()

    def _group(self, title: str, rows: list[tuple[str, str, str, object]]) -> None:
        group = QTreeWidgetItem([f"{title} ({len(rows)})"])
        group.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(group)
        for message, where, fix, payload in rows:
            item = QTreeWidgetItem([message, where, fix])
            item.setToolTip(0, message)
            item.setToolTip(2, fix)
            item.setData(0, Qt.ItemDataRole.UserRole, payload)
            group.addChild(item)
        group.setExpanded(True)

    def _show(self) -> None:
        self.tree.clear()
        self._group(
            _("Missing"),
            [(p.message, self.describe(p.ref), "", p) for p in self.problems],
        )
        self._group(
            _("Format (Nghị định 30)"),
            [(f.message, f"ô {f.box}: {f.excerpt[:40]}" if f.box else f.excerpt[:40], f.fix, f) for f in self.format_findings],
        )
        self._group(
            _("Spelling and wording"),
            [
                (f"{f.message}: «{f.excerpt}»", self.describe(f.ref), ", ".join(f.suggestions[:3]), f)
                for f in self.text_findings
            ],
        )
        total = len(self.problems) + len(self.format_findings) + len(self.text_findings)
        self.summary.setText(_("No findings") if not total else _("{count} finding(s)").format(count=total))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        payload = item.data(0, Qt.ItemDataRole.UserRole)
        ref = getattr(payload, "ref", "") if payload is not None else ""
        if ref:
            self.clicked_ref.emit(ref)

    def _menu(self, point) -> None:
        item = self.tree.itemAt(point)
        payload = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        suggestions = getattr(payload, "suggestions", ()) if payload is not None else ()
        if not suggestions:
            return
        menu = QMenu(self)
        for text in suggestions[:5]:
            action = menu.addAction(_("Replace with «{text}»").format(text=text))
            action.triggered.connect(lambda _c=False, t=text, f=payload: self.replace_requested.emit(f, t))
        menu.exec(self.tree.viewport().mapToGlobal(point))
