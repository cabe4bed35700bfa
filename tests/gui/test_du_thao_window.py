"""An honest draft in the window (issue 10, point 7): a document exported with parts still missing, after the clerk
pressed "Vẫn xuất tệp" in the real check-before-export dialog, carries the "DỰ THẢO" mark, and the preview shows it
first; a complete document never does. docs/decisions/0017-du-thao.md."""
from __future__ import annotations


import docx
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from ptdraft import api
from ptdraft.gui import dialogs
from tests.support.gui import LETTER_JSON, ScriptedPrompts, settle
from tests.support import pdf_text


class AskingForReal(ScriptedPrompts):
    """Scripted answers, except the check before export: the window's own dialog opens, and ``press`` answers it."""

    def __init__(self, press: str, **answers) -> None:
        super().__init__(**answers)
        self.press = press
        self.seen: list[list[str]] = []

    def confirm_problems(self, problems):
        self.calls["confirm_problems"].append((problems,))
        QTimer.singleShot(0, self._answer_dialog)
        return dialogs.Prompts(None).confirm_problems(problems)

    def _answer_dialog(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, self._answer_dialog)
            return
        self.seen.append([label.text() for label in dialog.findChildren(QLabel)])
        button = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == self.press)
        button.click()


def marks_on_preview(window) -> list[int]:
    """The numbers of the preview's pages that show the draft mark."""
    return [page.number for page in window.pages if any(p.ref == "draft_mark" for p in page.pieces)]


def header_text(path) -> str:
    return "".join(p.text for p in docx.Document(str(path)).sections[0].first_page_header.paragraphs)


def incomplete_giay_moi():
    return api.new_draft(api.get_template("giay-moi"))


def test_export_anyway_marks_the_document_as_the_preview_showed(make_window, tmp_path):
    out = tmp_path / "giay-moi.docx"
    prompts = AskingForReal("Vẫn xuất tệp", export_path=out)
    window = make_window(incomplete_giay_moi(), prompts=prompts)
    settle(window)
    assert window.problems
    assert marks_on_preview(window) == [1]
    assert window.export_docx() == out
    assert prompts.calls["confirm_problems"]
    assert any("DỰ THẢO" in text and "góc trên bên trái trang 1" in text for text in prompts.seen[0])
    assert header_text(out) == "DỰ THẢO"


def test_going_back_to_fix_writes_nothing(make_window, tmp_path):
    out = tmp_path / "giay-moi.docx"
    prompts = AskingForReal("Quay lại sửa", export_path=out)
    window = make_window(incomplete_giay_moi(), prompts=prompts)
    settle(window)
    assert window.export_docx() is None
    assert not out.exists() and not prompts.calls["export_path"]


def test_the_pdf_of_an_incomplete_draft_is_marked_too(make_window, tmp_path):
    out = tmp_path / "giay-moi.pdf"
    window = make_window(incomplete_giay_moi(), prompts=AskingForReal("Vẫn xuất tệp", export_path=out))
    settle(window)
    assert window.export_pdf() == out
    assert pdf_text(out, "-f", "1", "-l", "1").split()[:2] == ["DỰ", "THẢO"]


def test_a_complete_document_is_never_marked(make_window, tmp_path):
    out = tmp_path / "cong-van.docx"
    prompts = ScriptedPrompts(export_path=out)
    window = make_window(api.load_draft(LETTER_JSON), LETTER_JSON, prompts=prompts)
    settle(window)
    assert not window.problems
    assert marks_on_preview(window) == []
    assert window.export_docx() == out
    assert not prompts.calls["confirm_problems"]
    assert header_text(out) == ""


def test_the_mark_goes_once_the_last_missing_part_is_filled(make_window):
    """The preview shows the mark while something is missing and drops it when the draft becomes complete."""
    letter = api.load_draft(LETTER_JSON)
    window = make_window(api.with_values(letter, {**letter.values, "nguoi_ky": ""}))
    settle(window)
    assert marks_on_preview(window) == [1]
    window.state.replace(letter, None)
    settle(window)
    assert not window.problems and marks_on_preview(window) == []
