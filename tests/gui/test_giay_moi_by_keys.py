"""The Giấy mời job of issue 10, typed from start to finish with key events only.

A first-time văn thư presses Ctrl+N, finds the template by typing in the chooser, goes through every step with
Tab and Ctrl+PgDown, types the fields, the invitees and the other recipients as list entries, the dates as
text and the meeting time as "14:00", the signer's name, then exports the DOCX with Ctrl+E and the PDF with
Ctrl+Shift+E, accepting the proposed file names with Enter. The dialogs are the window's real ones (the
template chooser, Qt's file dialog, the message after export), answered with keys from the event loop while
they run, the way a person answers them. The exported files hold exactly what was typed.
"""
from __future__ import annotations

import datetime as _dt
import shutil
import subprocess

import docx
import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ptdraft import api
from ptdraft.gui.dialogs import Prompts, TemplateChooser
from tests.support.gui import ScriptedPrompts, settle, type_text

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
GIVE_UP_AFTER_MS = 15000  # a dialog no key closes is closed by force and fails the test, never hangs it


class DialogKeys:
    """Answers the window's modal dialogs with keys, from the event loop, in the order they are expected.

    ``expect(kind, answer)`` queues one dialog: when a modal widget of ``kind`` is shown, ``answer(dialog)``
    sends it keys. A dialog that is still open after ``GIVE_UP_AFTER_MS`` (its keys did not close it), or one
    that was not expected, is rejected and recorded in ``failures``.
    """

    def __init__(self) -> None:
        self.queue: list[tuple[type, object]] = []
        self.answered: list[str] = []
        self.failures: list[str] = []
        self._current = None
        self._waited = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def expect(self, kind: type, answer) -> None:
        self.queue.append((kind, answer))

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            self._current, self._waited = None, 0
            return
        if dialog is self._current:
            self._waited += self.timer.interval()
            if self._waited > GIVE_UP_AFTER_MS:
                self.failures.append(f"{type(dialog).__name__} '{dialog.windowTitle()}' stayed open")
                dialog.reject()
            return
        self._current, self._waited = dialog, 0
        if not self.queue or not isinstance(dialog, self.queue[0][0]):
            self.failures.append(f"unexpected {type(dialog).__name__} '{dialog.windowTitle()}'")
            dialog.reject()
            return
        _kind, answer = self.queue.pop(0)
        self.answered.append(type(dialog).__name__)
        dialog.activateWindow()  # what the window manager does with a new dialog
        QApplication.processEvents()
        answer(dialog)


def back_to(window) -> None:
    """The dialog closed: the window manager gives the keyboard back to the window (offscreen Qt has none)."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def tab(times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)


def key(code, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), code, modifiers)


def type_here(text: str) -> None:
    type_text(focused(), text)


def next_step(window) -> None:
    before = window.stack.currentIndex()
    key(Qt.Key.Key_PageDown, CTRL)
    assert window.stack.currentIndex() == before + 1


def type_entries(entries) -> None:
    """Entries of a list editor: each typed on its line and added with Enter, the line staying ready for the next."""
    for entry in entries:
        type_here(entry)
        key(Qt.Key.Key_Return)


def choose_giay_moi(dialog) -> None:
    """The chooser opens with the cursor in its search box: type part of the title, Enter opens the first match."""
    type_text(focused(), "giấy mời")
    QTest.keyClick(focused(), Qt.Key.Key_Return)


def accept_proposed_name(dialog) -> None:
    """Qt's file dialog opens with the proposed name in its file name box: Enter saves under it."""
    QTest.keyClick(focused(), Qt.Key.Key_Return)


def close_message(dialog) -> None:
    QTest.keyClick(focused(), Qt.Key.Key_Escape)


INVITED = ["Lãnh đạo các sở, ban, ngành cấp tỉnh", "Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố"]
CHAIR = "đồng chí Nguyễn Văn Hải, Phó Chủ tịch Ủy ban nhân dân tỉnh"
VENUE = "Hội trường tầng 3, trụ sở Ủy ban nhân dân tỉnh"
PREPARE = "Giao Sở Khoa học và Công nghệ chuẩn bị báo cáo tình hình chuyển đổi số của tỉnh."
ALSO_SENT = ["Chủ tịch UBND tỉnh (để b/c)"]
SIGNER = "Trần Thị Bình"
MEETING = "hội nghị triển khai chuyển đổi số"
NAME = "GM-15-01-2027-du-hoi-nghi-trien-khai-chuyen-doi-so"  # type, date, the subject's first words


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext reads the exported PDF")
def test_the_giay_moi_job_typed_with_keys_only(make_window, qtbot, tmp_path, monkeypatch, request):
    monkeypatch.setenv("HOME", str(tmp_path))  # the first file dialog starts in the home folder
    window = make_window()
    window.prompts = Prompts(window)  # the real dialogs, answered with keys
    keys = DialogKeys()
    # Whatever happens, the window closes after the test without asking (its draft is unsaved).
    request.addfinalizer(lambda: (keys.timer.stop(), setattr(window, "prompts", ScriptedPrompts())))

    # Ctrl+N: the template chooser.
    keys.expect(TemplateChooser, choose_giay_moi)
    key(Qt.Key.Key_N, CTRL)
    assert keys.failures == []
    back_to(window)
    draft = window.state.draft
    assert draft.template is not None and draft.template.id == "giay-moi"
    assert window.stack.currentIndex() == 0

    # Step 1, the issuing authority: no parent authority above a province's people's committee; the
    # agency's name on two lines, as it prints.
    tab(2)  # from the parent authority, past its "Sửa thành văn bản tự do"
    type_here("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ")
    next_step(window)

    # Step 2: number (issued later, left blank), the agency's code as the template has it (UBND), the place
    # and the date typed as text.
    tab(4)  # the code, its button, the unit's code (none), to the place
    type_here("Quảng Trị")
    tab(2)
    type_here("15/01/2027")
    tab()
    assert window.state.draft.content.date == _dt.date(2027, 1, 15)
    next_step(window)

    next_step(window)  # step 3: not secret, not urgent

    # Step 4: the meeting, printed in the subject "Dự …" and in "Tới dự …".
    tab()  # the document type stays Giấy mời
    type_here(MEETING)
    next_step(window)

    next_step(window)  # step 5: a Giấy mời's recipients are the invitees of the content

    # Step 6, the content: the invitees, the chair, the time, the meeting's date, the venue, what to prepare.
    tab(2)  # "Ủy ban nhân dân tỉnh" invites; the meeting is already typed
    type_entries(INVITED)
    tab()
    type_here(CHAIR)
    tab()
    type_here("14:00")  # Tab selected the default "08 giờ 00 phút"
    tab()
    type_here("20/01/2027")
    tab()
    type_here(VENUE)
    tab()
    type_here(PREPARE)
    next_step(window)

    next_step(window)  # step 7: no requirements
    next_step(window)  # step 8: the closing stays "./."

    # Step 9, the signer: TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG as the template has it; the name typed.
    tab(5)
    type_here(SIGNER)
    next_step(window)

    # Step 10, Nơi nhận: one more recipient besides "Như thành phần mời" and "Lưu: VT, TH.".
    type_entries(ALSO_SENT)
    settle(window)

    values = window.state.draft.values
    assert values["thanh_phan"] == INVITED
    assert values["thoi_gian"] == "2027-01-20"  # a date field keeps the ISO date in the draft
    assert values["gio"] == "14 giờ 00"
    assert values["noi_nhan"] == ALSO_SENT
    assert api.find_problems(window.state.draft) == []

    # Ctrl+E and Ctrl+Shift+E: the proposed names, in the home folder then in the folder used last.
    for kind, modifiers in (("docx", CTRL), ("pdf", CTRL | SHIFT)):
        keys.expect(QFileDialog, accept_proposed_name)
        keys.expect(QMessageBox, close_message)
        key(Qt.Key.Key_E, modifiers)
        assert keys.failures == []
        back_to(window)
        assert (tmp_path / f"{NAME}.{kind}").is_file(), sorted(p.name for p in tmp_path.iterdir())
    assert keys.answered == ["TemplateChooser", "QFileDialog", "QMessageBox", "QFileDialog", "QMessageBox"]

    document = docx.Document(str(tmp_path / f"{NAME}.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join(cells + [p.text for p in document.paragraphs])
    lines = [" ".join(line.split()) for line in text.splitlines()]  # the blank number's spaces are no-break ones
    for expected in ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: /GM-UBND", "Quảng Trị, ngày 15 tháng 01 năm 2027",
                     "GIẤY MỜI", "Dự hội nghị triển khai chuyển đổi số", "Ủy ban nhân dân tỉnh trân trọng kính mời:",
                     f"- {INVITED[0]};", f"- {INVITED[1]}.", f"Tới dự {MEETING}.", f"Chủ trì: {CHAIR}.",
                     "Thời gian: 14 giờ 00, ngày 20 tháng 01 năm 2027 (thứ Tư).", f"Địa điểm: {VENUE}.", PREPARE + "/.",  # the end mark after the last paragraph
                     "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", SIGNER, "- Như thành phần mời;", f"- {ALSO_SENT[0]};",
                     "- Lưu: VT, TH."):
        assert expected in lines, (expected, "\n".join(lines))
    assert "DỰ THẢO" not in text  # a complete letter is never marked as a draft

    pdf = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{NAME}.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    for expected in ("GIẤY MỜI", "Quảng Trị, ngày 15 tháng 01 năm 2027", SIGNER, "Lưu: VT, TH."):
        assert expected in pdf, expected
