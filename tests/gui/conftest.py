"""Qt fixtures for the window tests: offscreen Qt, a private data folder, a window answered from a script.

The window asks the clerk everything through ``window.prompts`` (ptdraft.gui.dialogs.Prompts);
``make_window`` gives it a :class:`tests.support.gui.ScriptedPrompts`, which answers from a script and records
each call, so no dialog ever opens and blocks a test. The test modules need not set QT_QPA_PLATFORM: this file
is imported before any of them.
"""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

from ptdraft import api
from ptdraft.gui import i18n
from tests.support.gui import DEFAULT_ANSWERS, ScriptedPrompts


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    """Each test gets its own data folder (settings, recent files, autosave, log)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def vietnamese():
    """The interface starts in Vietnamese, the default, and is put back after a test that switches it."""
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def library_db(tmp_path, monkeypatch) -> Path:
    """A temporary SQLite database for the template library and the register, chosen through PTDRAFT_DB."""
    path = tmp_path / "db.sqlite3"
    monkeypatch.setenv("PTDRAFT_DB", str(path))
    return path


@pytest.fixture
def make_window(qtbot, data_dir):
    """``make_window(draft=None, path=None, prompts=None)``: a shown MainWindow on a draft, closed after the test."""
    from ptdraft.gui.main_window import MainWindow
    from ptdraft.gui.settings import Settings
    from ptdraft.gui.state import DraftState

    def make(draft=None, path=None, prompts=None):
        state = DraftState(draft if draft is not None else api.blank_draft(), path)
        window = MainWindow(state, Settings(data_dir), data_dir, prompts or ScriptedPrompts())
        window.finish_start()  # the whole window, as the program has it once its first frame is up
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # keys go to the focused widget of the active window only
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture(autouse=True)
def no_history_listener_left():
    """An Application listens for broken database histories; its window is gone after the test, so is the listener."""
    from ptdraft.errors import listen_for_history_breaks

    yield
    listen_for_history_breaks(None)


@pytest.fixture
def patched_prompts(monkeypatch):
    """Script the real Prompts class, for code that makes its own window (Application)."""
    from ptdraft.gui import dialogs

    script = ScriptedPrompts()
    for name in DEFAULT_ANSWERS:
        monkeypatch.setattr(dialogs.Prompts, name, lambda self, *args, _n=name: script._answer(_n, *args))
    return script


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs() -> list[Path]:
    """Compile the interface catalogs (.po → .mo) when the tests run, as the wheel build does."""
    from ptdraft.gui.catalogs import compile_catalogs
    from ptdraft.resources import resource

    return compile_catalogs(resource("locale"))
