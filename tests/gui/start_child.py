"""Run by test_window_start.py in a fresh process: start the window on a draft (the real letter, or the file named
by the first argument) the way ``ptdraft letter.json`` does (ptdraft.gui.app.run) and report, as one JSON line, what the process had loaded and built when the window's first
frame was painted and when its start was finished.

Observing only: ``MainWindow.show`` is wrapped to watch the window's Paint events, and the window quits itself once
complete (PTDRAFT_BENCH_EXIT, as benchmarks/bench_gui.py runs it).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["PTDRAFT_BENCH_EXIT"] = "1"

from PySide6.QtCore import QEvent, QObject

from ptdraft.gui import main_window

LETTER = Path(__file__).resolve().parent.parent.parent / "examples" / "cong-van-van-phong-ubnd-tinh.json"
seen: dict[str, dict] = {}


def _text(widget) -> str | None:
    for name in ("toPlainText", "text", "currentText"):
        if hasattr(widget, name):
            return getattr(widget, name)()
    return None


def snapshot(window) -> dict:
    step = window.stack.currentWidget().widget()
    return {
        "started": window.started,
        "modules": sorted(name for name in sys.modules if name.startswith(("ptdraft", "jinja2", "sqlite3", "docx"))),
        "step_titles": [window.step_list.item(i).text() for i in range(window.step_list.count())],
        "current_step": window.stack.currentIndex(),
        "current_step_built": step is not None,
        "authority": step.authority_field.toPlainText() if step is not None and hasattr(step, "authority_field") else None,
        "fields": {field_id: _text(widget) for field_id, widget in step.field_widgets.items()} if step else {},
        "menus": [action.text() for action in window.menuBar().actions()],
        "menu_actions": sum(len(action.menu().actions()) for action in window.menuBar().actions() if action.menu()),
        "pages": len(window.pages),
        "steps": len(window.steps),
    }


class Watch(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = snapshot(watched)
        return False


original_show = main_window.MainWindow.show


def show(window) -> None:
    window.installEventFilter(watch)
    window.start_finished.connect(lambda: seen.setdefault("finished", snapshot(window)))
    original_show(window)


watch = Watch()
main_window.MainWindow.show = show

from ptdraft.gui.app import run  # noqa: E402 - after the patch above

code = run(sys.argv[1] if len(sys.argv) > 1 else str(LETTER))
print(json.dumps(seen, ensure_ascii=False), flush=True)
sys.exit(code)
