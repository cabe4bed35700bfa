"""Helpers of the window tests: scripted answers to the window's questions, typing key by key, waiting for the
preview. The fixtures that use them are in tests/gui/conftest.py."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LETTER_JSON = REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json"
LETTER_TEMPLATE = "cong-van-van-phong-ubnd-tinh"

DEFAULT_ANSWERS = {
    "save_changes": "discard",
    "restore": False,
    "choose_template": None,
    "open_path": None,
    "save_path": None,
    "export_path": None,
    "confirm_problems": True,
    "error": None,
    "try_other_name": False,
    "exported": "close",
    "about": None,
    "info": None,
    "confirm": True,
    "ask_text": None,
    "open_file": None,
    "save_file": None,
    "choose_folder": None,
    "confirm_import": True,
    "print_setup": False,
}


class ScriptedPrompts:
    """Answers the window's questions from a script and records every call.

    ``answers[name]`` is either one value (given every time) or a list (given in
    order, the last one repeated). ``calls[name]`` lists the arguments of each call.
    """

    def __init__(self, **answers) -> None:
        self.answers = {**DEFAULT_ANSWERS, **answers}
        self.calls: dict[str, list[tuple]] = defaultdict(list)

    def _answer(self, name: str, *args):
        self.calls[name].append(args)
        answer = self.answers[name]
        if isinstance(answer, list):
            return answer.pop(0) if len(answer) > 1 else answer[0]
        return answer

    def save_changes(self, name):
        return self._answer("save_changes", name)

    def restore(self, when, path):
        return self._answer("restore", when, path)

    def choose_template(self, templates, recent):
        return self._answer("choose_template", templates, recent)

    def open_path(self, folder):
        return self._answer("open_path", folder)

    def save_path(self, suggested):
        return self._answer("save_path", suggested)

    def export_path(self, suggested, kind):
        return self._answer("export_path", suggested, kind)

    def confirm_problems(self, problems):
        return self._answer("confirm_problems", problems)

    def error(self, message):
        return self._answer("error", message)

    def try_other_name(self, message):
        return self._answer("try_other_name", message)

    def exported(self, path):
        return self._answer("exported", path)

    def about(self):
        return self._answer("about")

    def info(self, title, text):
        return self._answer("info", title, text)

    def confirm(self, text):
        return self._answer("confirm", text)

    def ask_text(self, title, label):
        return self._answer("ask_text", title, label)

    def choose_folder(self, title, folder):
        return self._answer("choose_folder", title, folder)

    def open_file(self, title, folder, filters):
        return self._answer("open_file", title, folder, filters)

    def save_file(self, title, suggested, filters, suffix=""):
        return self._answer("save_file", title, suggested, filters, suffix)

    def confirm_import(self, name, check):
        return self._answer("confirm_import", name, check)

    def print_setup(self, printer):
        return self._answer("print_setup", printer)


def type_text(widget, text: str) -> None:
    """Type ``text`` into a widget key by key, as a keyboard with a Vietnamese input method would.

    QTest.keyClicks only knows ASCII (it aborts on "ả"); each character here is one key
    press and release carrying the character as its text, like an IME's committed key.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch == "\n":
            key, ch = Qt.Key.Key_Return, "\r"
        elif ch.isascii() and ch.isalnum():
            key = Qt.Key(ord(ch.upper()))
        elif ch == " ":
            key = Qt.Key.Key_Space
        else:
            key = Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def settle(window) -> None:
    """Let the window run its pending preview update (a 0 ms timer after every change) from the event loop."""
    from PySide6.QtWidgets import QApplication

    for _ in range(100):
        QApplication.processEvents()
        if not window.preview_timer.isActive():
            return
    raise AssertionError("the preview update never ran")
