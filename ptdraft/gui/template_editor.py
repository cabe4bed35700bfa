"""The template editor: the template's TOML text with Jinja highlighted, errors with their file line as the author
types, and the page as it prints with the template's example values. Saving makes a new version in the library."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QWidget,
)

from ptdraft import api
from ptdraft.errors import PtdraftError
from ptdraft.gui.host import Host, as_parent
from ptdraft.gui.i18n import state_name
from ptdraft.gui.highlight import TemplateHighlighter, code_font
from ptdraft.gui.i18n import _
from ptdraft.gui.preview import PreviewPanel
from ptdraft.templating.template_lines import error_line
from ptdraft.gui.layouting import SPACING, dialog_box, page
from ptdraft.gui.widgets import single_shot
from ptdraft.gui.window_place import fit_dialog

DELAY_MS = 300  # the check and the preview run this long after the last keystroke

NEW_TEMPLATE = '''\
# Mẫu mới: sửa mã (id), tên, các trường và nội dung; [example] là giá trị ví dụ để xem trước.
id = "mau-moi"
title = "Công văn mới"
doc_type = "Công văn"
version = 1

[approval]
state = "draft"

[[fields]]
id = "co_quan"
label = "Cơ quan ban hành"
kind = "text"
required = true

[[fields]]
id = "trich_yeu"
label = "Trích yếu (V/v …)"
kind = "text"
required = true

[[fields]]
id = "noi_dung"
label = "Nội dung"
kind = "multiline"
required = true

[[fields]]
id = "nguoi_ky"
label = "Họ và tên người ký"
kind = "text"
required = true

[content]
authority = "{{ co_quan }}"
issuer_code = "UBND"
unit_code = "VP"
place = "Quảng Trị"
date = "today"
subject = "{{ trich_yeu }}"
recipients = ["Các sở, ban, ngành"]
body = "{{ noi_dung }}"
close = "Trân trọng./."

[content.signature]
mode = "TM."
collective = "ỦY BAN NHÂN DÂN"
position = "CHỦ TỊCH"
name = "{{ nguoi_ky }}"

[example]
co_quan = "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
trich_yeu = "triển khai nhiệm vụ năm 2027"
noi_dung = "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị triển khai các nhiệm vụ được giao."
nguoi_ky = "Nguyễn Văn An"
'''

if TYPE_CHECKING:
    from ptdraft.model import Content
    from ptdraft.storage import TemplateVersion
    from ptdraft.templating.template_check import TemplateCheck


class _LineNumbers(QWidget):
    """The gutter of line numbers beside the editor, the line with an error in red."""

    def __init__(self, editor: "CodeEdit") -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f0f0f0"))
        block = self.editor.firstVisibleBlock()
        top = round(self.editor.blockBoundingGeometry(block).translated(self.editor.contentOffset()).top())
        height = self.editor.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            number = block.blockNumber() + 1
            painter.setPen(QColor("#c00000") if number == self.editor.marked_line else QColor("#888888"))
            painter.drawText(0, top, self.width() - 4, height, Qt.AlignmentFlag.AlignRight, str(number))
            top += round(self.editor.blockBoundingRect(block).height())
            block = block.next()
        painter.end()


class CodeEdit(QPlainTextEdit):
    """A plain text editor with line numbers and one marked line (the error's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(code_font())
        self.marked_line: int | None = None
        self.gutter = _LineNumbers(self)
        self.blockCountChanged.connect(lambda _n: self.setViewportMargins(self.gutter_width(), 0, 0, 0))
        self.updateRequest.connect(self._scroll_gutter)
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def gutter_width(self) -> int:
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(3, len(str(self.blockCount())))

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def mark_line(self, line: int | None) -> None:
        """Colour the whole of 1-based ``line`` (None: no line marked)."""
        self.marked_line = line
        selections = []
        block = self.document().findBlockByNumber(line - 1) if line else None
        if block is not None and block.isValid():
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor("#ffd7d7"))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.setExtraSelections(selections)
        self.gutter.update()


class TemplateEditor(QDialog):
    """Edit a template text; "Save" stores it as the next version of its id (approved versions never change).

    ``saved`` carries the stored TemplateVersion.
    """

    saved = Signal(object)

    def __init__(self, window: Host, source: str, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent or as_parent(window))
        self.host = window
        self.setWindowTitle(_("Template editor") + (f" — {name}" if name else ""))
        fit_dialog(self, 1240, 700)
        self.text = CodeEdit(self)
        self.text.setAccessibleName(_("Template text"))
        self.text.setPlainText(source)
        self.highlighter = TemplateHighlighter(self.text.document())
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setMinimumHeight(self.problem.fontMetrics().lineSpacing() * 3)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview = PreviewPanel(self)
        self.check_result: TemplateCheck | None = None
        self.error_line: int | None = None
        self.error_text = ""
        self.filled: Content | None = None
        self.saved_version: TemplateVersion | None = None

        hint = QLabel(_("Template text (TOML; the document's texts may use Jinja: {{ field }}, {% if … %})"), self)
        hint.setWordWrap(True)
        left = page(self, hint, (self.text, 1), self.problem, spacing=SPACING)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([700, 520])

        buttons = QDialogButtonBox(self)
        self.save_draft_button = buttons.addButton(_("Save as a draft"), QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button = buttons.addButton(_("Save and submit for approval"), QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_draft_button.setToolTip(_("Store the text as a new version in the draft state"))
        self.submit_button.setToolTip(_("Store the text as a new version waiting for a reviewer's approval"))
        self.save_draft_button.clicked.connect(lambda: window.guard(lambda: self.save(submit=False)))
        self.submit_button.clicked.connect(lambda: window.guard(lambda: self.save(submit=True)))
        close.clicked.connect(self.close)

        dialog_box(self, (splitter, 1), buttons)

        self.timer = single_shot(self, DELAY_MS, lambda: window.guard(self.check))
        self.text.textChanged.connect(self.timer.start)
        self.text.document().setModified(False)
        self.check()

    def source(self) -> str:
        return self.text.toPlainText()

    def check(self) -> None:
        """Check the text now: an error is shown with its file line and that line marked; otherwise the example
        values are rendered into the preview."""
        source = self.source()
        try:
            check = api.check_template_source(source)
        except PtdraftError as exc:
            self.check_result = None
            self.error_line = error_line(source, exc)
            self.error_text = str(exc)
            if self.error_line is not None:
                shown = _("Line {line}: {message}").format(line=self.error_line, message=exc)
            else:
                shown = str(exc)
            self.problem.setText(shown)
            self.problem.setStyleSheet("color: #a02000")
            self.text.mark_line(self.error_line)
            self.preview.status.setText(_("The preview shows the text as it was before the error."))
            self._enable(False)
            return
        self.check_result = check
        self.error_line = None
        self.error_text = ""
        self.text.mark_line(None)
        self.problem.setStyleSheet("")
        self.problem.setText(
            _("No errors. The preview shows \"{title}\" with its example values.").format(title=check.template.title)
        )
        content, layout, _errors = api.preview(api.example_draft(check.template))
        self.filled = content
        self.preview.show_layout(layout)
        self.preview.status.setText("")
        self._enable(True)

    def _enable(self, valid: bool) -> None:
        self.save_draft_button.setEnabled(valid)
        self.submit_button.setEnabled(valid)

    def save(self, *, submit: bool) -> None:
        """Store the text as the next version of its id (a draft, or submitted for approval)."""
        self.timer.stop()
        self.check()
        if self.check_result is None:
            self.host.prompts.error(self.problem.text())
            return
        stored = api.save_template(self.source(), submit=submit)
        self.saved_version = stored
        self.text.document().setModified(False)
        self.host.show_notice(
            _("Template {id} saved as version {version} ({state})").format(
                id=stored.template_id, version=stored.version, state=state_name(stored.state)
            )
        )
        self.saved.emit(stored)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.text.document().isModified() and not self.host.prompts.confirm(
            _("Close the template editor without saving your changes?")
        ):
            event.ignore()
            return
        self.timer.stop()
        event.accept()
