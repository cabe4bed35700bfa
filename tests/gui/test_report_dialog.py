"""A long message (an import's report) shows in a read-only text box in a fixed-width font that scrolls, so its
labels and values stay in their columns and the dialog never grows past the screen; a short one stays a message."""
from __future__ import annotations

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from ptdraft import api
from ptdraft.gui import dialogs
from tests.support import REPO

LETTER = REPO / "examples" / "cong-van-chep-tu-pdf.txt"


def test_an_import_report_shows_in_a_text_box_that_scrolls(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs.ReportDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    _draft, report = api.import_file(LETTER)
    text = str(report)
    assert text.count("\n") >= dialogs.REPORT_LINES
    dialogs.Prompts(None).info("Đã nhập", text)
    (dialog,) = shown
    assert isinstance(dialog, dialogs.ReportDialog)
    box = dialog.findChild(QPlainTextEdit)
    assert box.toPlainText() == text and box.isReadOnly()
    assert box.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    assert QFontInfo(box.font()).fixedPitch()
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()


def test_a_short_message_stays_a_message_box(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs.ReportDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    dialogs.Prompts(None).info("ptdraft", "Đã lưu bản thảo.")
    (box,) = shown
    assert isinstance(box, QMessageBox) and box.text() == "Đã lưu bản thảo."
