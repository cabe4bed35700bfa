"""Start the window: language, error boundary, restore after a crash, the first template choice."""
from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from ptdraft import api
from ptdraft.errors import PtdraftError, listen_for_history_breaks
from ptdraft.gui import i18n

if TYPE_CHECKING:  # the window's module is loaded when the window is made
    from ptdraft.gui.main_window import MainWindow


def _setup_logging(folder: Path) -> None:
    handler = logging.FileHandler(folder / "ptdraft.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("ptdraft")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


class Application:
    """Owns the draft state across windows (a language change rebuilds the window, not the draft)."""

    def __init__(self, path: str | None = None, *, finish_later: bool = False) -> None:
        """``finish_later``: leave the window's :meth:`~ptdraft.gui.main_window.MainWindow.finish_start` to the
        caller (:func:`run` has it run once the first frame is painted); otherwise the window is complete here."""
        from PySide6.QtCore import QTimer

        from ptdraft.gui import autosave
        from ptdraft.gui.settings import Settings, data_dir
        from ptdraft.gui.state import DraftState

        self.folder = data_dir()
        self.settings = Settings(self.folder)
        i18n.set_language(self.settings.language or i18n.DEFAULT)
        draft = api.blank_draft()
        file: Path | None = None
        restored = False
        self.load_error: str | None = None
        if path:
            try:
                draft = api.load_draft(Path(path))
                file = Path(path)
                self.settings.add_recent(file)
            except PtdraftError as exc:
                self.load_error = str(exc)
        self.state = DraftState(draft, file)
        self.window = self._make_window()
        if not finish_later:
            self.window.finish_start()
        listen_for_history_breaks(self._history_broken)
        pending = autosave.pending(self.folder)
        if pending is not None:
            self.window.finish_start()  # the whole window before the question (a restore replaces the draft)
            saved, saved_path, when = pending
            if self.window.prompts.restore(when, saved_path):
                self.state.replace(saved, saved_path, dirty=True)
                restored = True
            else:
                self.window.autosaver.discard()
        if self.load_error:
            message = self.load_error
            QTimer.singleShot(0, lambda: self.window.prompts.error(message))
        elif not path and not restored:
            self._once_started(lambda: self.window.guard(self._first_choice))

    def _once_started(self, action) -> None:
        """Run ``action`` from the event loop once the window is complete (at once if it already is)."""
        from PySide6.QtCore import QTimer

        if self.window.started:
            QTimer.singleShot(0, action)
        else:
            self.window.start_finished.connect(lambda: QTimer.singleShot(0, action))

    def _history_broken(self, location: str, problem: str) -> None:
        """A database whose history was changed outside the program has just been opened: say so once, after the
        work that opened it is done (the clerk goes on drafting; reviewers' actions are refused)."""
        from PySide6.QtCore import QTimer

        from ptdraft.storage import history_warning

        message = history_warning(location, problem)
        QTimer.singleShot(0, lambda: self.window.prompts.error(message))

    def _first_choice(self) -> None:
        choice = self.window.prompts.choose_template(api.list_templates(), self.settings.recent())
        if choice is None:
            return
        kind, value = choice
        if kind == "recent":
            self.window.open_path(Path(value))
        elif kind == "template":
            self.state.replace(api.new_draft(value, profile=api.office_profile_for_drafts()), None)
        self.window.go_to_step(0)

    def _make_window(self) -> MainWindow:
        from ptdraft.gui.main_window import MainWindow

        window = MainWindow(self.state, self.settings, self.folder)
        window.language_requested.connect(self.switch_language)
        return window

    def switch_language(self, code: str) -> None:
        self.settings.language = i18n.set_language(code)
        old = self.window
        self.window = self._make_window()
        self.window.finish_start()
        if old is not None:
            self.window.setGeometry(old.geometry())
            self.window.tools.review_action.setChecked(old.tools.review_action.isChecked())
            self.window.go_to_step(old.stack.currentIndex())
            old.autosaver.timer.stop()
            old.close_for_language()
            old.deleteLater()
        self.window.show()


def run(path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ptdraft")
    from ptdraft.gui.settings import data_dir

    _setup_logging(data_dir())

    def hook(kind, value, tb) -> None:  # the last line of the error boundary: never a traceback window
        logging.getLogger("ptdraft").error("uncaught\n%s", "".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook
    application = Application(path, finish_later=True)
    window = application.window
    window.finish_start_when_painted()  # the rest of the window once its first frame is on the screen
    window.show()
    if os.environ.get("PTDRAFT_BENCH_EXIT"):  # benchmarks/bench_gui.py: the first frame drawn, the window complete
        def ready() -> None:
            print("ptdraft: window ready", flush=True)
            window.autosaver.timer.stop()
            window.close_for_language()  # no save question
            app.quit()

        window.first_frame_painted.connect(lambda: print("ptdraft: window shown", flush=True))
        application._once_started(ready)
    return app.exec()
