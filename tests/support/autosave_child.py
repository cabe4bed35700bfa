"""Child process of test_autosave_restore.py: a window that edits its draft, autosaves, and waits to be killed.

    python tests/support/autosave_child.py MARKER

Runs offscreen with the data folder from PTDRAFT_DATA_DIR. Prints "ready" once the
autosave file holds the edit, then keeps the event loop running until SIGKILL.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from PySide6.QtWidgets import QApplication

from ptdraft import api
from ptdraft.gui import autosave
from ptdraft.gui.main_window import MainWindow
from ptdraft.gui.settings import Settings, data_dir
from ptdraft.gui.state import DraftState

LETTER = Path(__file__).resolve().parent.parent.parent / "examples" / "cong-van-van-phong-ubnd-tinh.json"


def main() -> int:
    marker = sys.argv[1]
    app = QApplication(sys.argv[:1])
    folder = data_dir()
    state = DraftState(api.load_draft(LETTER), LETTER)
    window = MainWindow(state, Settings(folder), folder)
    window.finish_start()
    window.autosaver.timer.setInterval(50)  # the real delay is a few seconds
    window.show()
    state.update_content(subject=f"tiếp tục phát huy tinh thần trách nhiệm {marker}")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        found = autosave.pending(folder)
        if found is not None and marker in found[0].content.subject:
            print("ready", flush=True)
            return app.exec()  # wait here for SIGKILL
        time.sleep(0.01)
    print("no autosave", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
