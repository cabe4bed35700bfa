"""The review panel: what a reviewer checks before signing, updated while the clerk types.

Three groups: what is still missing (the engine's problems), the Decree-30 format
findings of the DOCX the draft exports to (the checker) with the signature that does not
fit the office (FORMAT.md §8), and the Vietnamese text findings (spelling, spacing,
capitalisation). Each says what to do in words. A click goes to the field; a spelling
finding with a suggestion can be corrected from its context menu. While the panel is open
the preview outlines the printed paragraph of each finding (:func:`outline_marks`).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ptdraft import api
from ptdraft.templating import render
from ptdraft.gui.i18n import _
from ptdraft.gui.widgets import single_shot
from ptdraft.layout import Layout, Para
from ptdraft.model import Draft, ref_field, ref_within, value_ref

DELAY_MS = 400  # the checks run this long after the last keystroke; the preview itself does not wait
SIGNATURE_RULE = "draft.signature"  # a signature that does not fit the office: listed with the format findings
CONTEXT = 20  # characters either side of a text finding used to find the paragraph printing it


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
        self.marks: tuple[set[str], set] = (set(), set())  # what the preview outlines (see outline_marks)

    def review(self, draft: Draft, problems: list) -> None:
        """Run the checks on ``draft`` now and show them."""
        self.problems = [p for p in problems if getattr(p, "rule", "") != SIGNATURE_RULE]
        # What the draft lacks is in the first group already; the format group holds the DOCX's findings and the
        # signature's form.
        self.format_findings = [f for f in api.check_draft(draft)
                                if not f.rule.startswith("draft.") or f.rule == SIGNATURE_RULE]
        self.text_findings = list(api.check_spelling(draft))
        layout, _errors = api.preview_layout(draft)
        self.marks = outline_marks(draft, layout, self.problems, self.format_findings, self.text_findings)
        self.show_findings()
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

    def _where(self, finding) -> str:
        place = finding.excerpt[:40] or (self.describe(finding.ref) if finding.ref else "")
        return f"ô {finding.box}: {place}" if finding.box else place

    def show_findings(self) -> None:
        self.tree.clear()
        self._group(
            _("Missing"),
            [(p.message, self.describe(p.ref), p.fix or _("Fill in this part of the draft."), p) for p in self.problems],
        )
        self._group(
            _("Format (Nghị định 30)"),
            [(f.message, self._where(f), f.fix, f) for f in self.format_findings],
        )
        self._group(
            _("Spelling and wording"),
            [(f"{f.message}: «{f.excerpt}»", self.describe(f.ref), f.how_to_fix, f) for f in self.text_findings],
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


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def _source(draft: Draft, ref: str) -> tuple[str | None, list[str]]:
    """The text a text finding's offsets point into, and the parts of the document that print it."""
    if ref.startswith("values."):
        name, index = value_ref(ref) or ("", None)
        value = draft.values.get(name)
        field = draft.field(name)
        if value is None and field is not None:
            value = field.default
        if index is not None and isinstance(value, list):
            value = value[index - 1] if 0 < index <= len(value) else None
        return (value if isinstance(value, str) else None), render.parts_using(draft.content, name)
    return dict(render.content_sources(draft.content)).get(ref), [ref]


def _printing(paras: list[Para], parts: list[str], text: str) -> set[Para]:
    key = _flat(text)
    if not key:
        return set()
    return {p for p in paras if any(ref_within(p.ref, part) or ref_within(part, p.ref) for part in parts)
            and key in _flat(p.text)}


def outline_marks(draft: Draft, layout: Layout, problems, format_findings, text_findings) -> tuple[set[str], set]:
    """What the preview outlines for these findings: the layout paragraphs that print each one (a DOCX finding's
    own paragraph; the paragraph holding a misspelt word, or the placeholder of a value still missing), and, for a
    finding with no paragraph of its own (a missing part, the signature), the draft part it names."""
    from ptdraft.checker.draft import paragraph_blocks  # the checker loads when a review first runs

    blocks = paragraph_blocks(layout)
    paras = [block for _ref, block in blocks if isinstance(block, Para)]
    refs: set[str] = set()
    marked: set[Para] = set()
    for problem in problems:
        if problem.ref.startswith("values."):
            field_id = ref_field(problem.ref)
            item = draft.field(field_id) if field_id is not None else None
            if item is not None:
                marked |= {p for p in paras if _flat(f"[{item.label}]") in _flat(p.text)}
        elif problem.ref:
            refs.add(problem.ref)
    for finding in format_findings:
        index = finding.paragraph
        block = blocks[index][1] if index is not None and 0 <= index < len(blocks) else None
        if isinstance(block, Para) and finding.ref and block.ref == finding.ref:
            marked.add(block)
        elif finding.ref:
            refs.add(finding.ref)
    for finding in text_findings:
        source, parts = _source(draft, finding.ref)
        found: set[Para] = set()
        if source is not None and finding.end <= len(source):
            start = source.rfind("\n", 0, finding.start) + 1
            end = source.find("\n", finding.end)
            end = len(source) if end < 0 else end
            around = source[max(start, finding.start - CONTEXT):min(end, finding.end + CONTEXT)]
            found = _printing(paras, parts, around) or _printing(paras, parts, finding.excerpt)
        if found:
            marked |= found
        elif finding.ref and not finding.ref.startswith("values."):
            refs.add(finding.ref)
    return refs, marked
