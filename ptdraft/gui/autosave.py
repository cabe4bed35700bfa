"""Autosave: the current draft is written to the data folder a few seconds after each change.

After a crash or a killed process the next start finds the file and offers to
restore it. A clean save or a clean close removes it.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QObject

from ptdraft.files import disk
from ptdraft.files import drafts
from ptdraft.errors import PtdraftError
from ptdraft.gui.state import DraftState
from ptdraft.gui.widgets import single_shot
from ptdraft.model import Draft

DELAY_MS = 3000


class Autosaver(QObject):
    def __init__(self, state: DraftState, folder: Path, delay_ms: int = DELAY_MS) -> None:
        super().__init__()
        self.state = state
        self.file = folder / "autosave.ptdraft.json"
        self.meta = folder / "autosave.meta.json"
        self.timer = single_shot(self, delay_ms, self.save_now)
        state.changed.connect(self._changed)
        state.status_changed.connect(self._status)

    def _changed(self) -> None:
        if self.state.dirty:
            self.timer.start()

    def _status(self) -> None:
        if not self.state.dirty:
            self.timer.stop()
            self.discard()

    def save_now(self) -> bool:
        try:
            drafts.save_draft(self.state.draft, self.file)
            info = {"path": str(self.state.path) if self.state.path else None, "time": time.time()}
            disk.write_atomic(self.meta, json.dumps(info, ensure_ascii=False).encode("utf-8"))
            return True
        except PtdraftError:
            return False

    def discard(self) -> None:
        for path in (self.file, self.meta):
            try:
                path.unlink()
            except OSError:
                pass


def pending(folder: Path) -> tuple[Draft, Path | None, float] | None:
    """The autosaved draft left by a session that did not close cleanly, if any and readable."""
    file = folder / "autosave.ptdraft.json"
    if not file.is_file():
        return None
    try:
        draft = drafts.load_draft(file)
    except PtdraftError:
        return None
    path: Path | None = None
    stamp = file.stat().st_mtime
    try:
        info = json.loads((folder / "autosave.meta.json").read_text(encoding="utf-8"))
        path = Path(info["path"]) if info.get("path") else None
        stamp = float(info.get("time", stamp))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return draft, path, stamp
