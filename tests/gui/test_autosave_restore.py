"""Never lose work: the autosave of a process killed with SIGKILL is offered back at the next start."""
from __future__ import annotations

import os

import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from ptdraft import api
from ptdraft.gui import autosave
from tests.support.gui import LETTER_JSON

CHILD = Path(__file__).resolve().parent.parent / "support" / "autosave_child.py"
STARTUP_TIMEOUT = 60  # seconds for the child to start Qt, edit and autosave


def _run_child_until_ready(marker: str) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), marker],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    deadline = time.monotonic() + STARTUP_TIMEOUT
    line = ""
    while time.monotonic() < deadline and child.poll() is None:
        ready, _, _ = select.select([child.stdout], [], [], 0.5)
        if ready:
            line = child.stdout.readline().strip()
            break
    if line != "ready":
        child.kill()
        _out, err = child.communicate(timeout=10)
        raise AssertionError(f"child did not autosave: {line!r}\n{err}")
    return child


def test_work_of_a_killed_process_is_restored_at_next_start(qtbot, data_dir, patched_prompts):
    """A window killed with SIGKILL after an edit leaves its autosave; the next start asks, restores the edit
    (with the file it belonged to) and marks the draft unsaved."""
    from ptdraft.gui.app import Application

    marker = "DẤU-7F3A"
    child = _run_child_until_ready(marker)
    try:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert (data_dir / "autosave.ptdraft.json").is_file()

    patched_prompts.answers["restore"] = True
    application = Application()
    qtbot.addWidget(application.window)

    assert len(patched_prompts.calls["restore"]) == 1
    when, path = patched_prompts.calls["restore"][0]
    assert path == LETTER_JSON
    assert time.time() - 120 < when <= time.time()
    state = application.state
    assert marker in state.draft.content.subject
    assert state.dirty
    assert state.path == LETTER_JSON
    assert state.draft.content.body == api.load_draft(LETTER_JSON).content.body
    window = application.window
    assert "*" in window.windowTitle()
    assert marker in window.steps[3].subject.toPlainText()
    assert patched_prompts.calls["choose_template"] == []


def test_declining_the_restore_discards_the_autosave(qtbot, data_dir, patched_prompts, make_window):
    """Answering no to the restore question starts clean and removes the autosave, so it is not offered twice."""
    from ptdraft.gui.app import Application

    window = make_window(api.load_draft(LETTER_JSON))
    window.state.update_content(subject="chưa lưu")
    assert window.autosaver.save_now()
    assert autosave.pending(data_dir) is not None
    window.autosaver.timer.stop()

    patched_prompts.answers["restore"] = False
    application = Application()
    qtbot.addWidget(application.window)
    assert len(patched_prompts.calls["restore"]) == 1
    assert application.state.draft.content.subject == ""
    assert not application.state.dirty
    assert autosave.pending(data_dir) is None


def test_autosave_follows_edits_and_a_clean_save_removes_it(make_window, data_dir, tmp_path, qtbot):
    """The autosave timer starts on an edit and writes the draft; saving the draft removes the autosave."""
    from tests.support.gui import ScriptedPrompts

    target = tmp_path / "saved.ptdraft.json"
    window = make_window(api.blank_draft(), prompts=ScriptedPrompts(save_path=target))
    window.autosaver.timer.setInterval(10)
    window.state.update_content(subject="bản nháp")
    assert window.autosaver.timer.isActive()
    qtbot.waitUntil(lambda: autosave.pending(data_dir) is not None, timeout=5000)
    assert autosave.pending(data_dir)[0].content.subject == "bản nháp"
    window.save_as_action.trigger()
    assert autosave.pending(data_dir) is None
