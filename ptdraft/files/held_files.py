"""Files another program holds: Word keeps a document it has open, an antivirus briefly holds a file it scans.

On Windows such a file cannot be replaced: the final rename of an atomic save fails with PermissionError.
:func:`replace` tries the rename again after short pauses (the antivirus lets go); when the file stays held,
a program that chose so with :func:`save_elsewhere_when_held` (the command line) gets the data written under
the first free "NAME (1).docx", "NAME (2).docx"… beside it and is told which; the window asks for another
name itself. Nothing here imports more than the standard library, so the command line pays nothing for it.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

# Seconds to wait before each new try of the rename while the target is held.
RETRY_DELAYS = (0.1, 0.2, 0.3, 0.4)
MAX_OTHER_NAMES = 99

_notice: Callable[[str], None] | None = None


def save_elsewhere_when_held(notify: Callable[[str], None] | None) -> Callable[[str], None] | None:
    """With ``notify``, a held target is saved under another name and ``notify`` gets one Vietnamese sentence
    naming both files; with None, the save fails with an OutputError. Returns the previous choice."""
    global _notice
    previous, _notice = _notice, notify
    return previous


def notice() -> Callable[[str], None] | None:
    """The program's choice (:func:`save_elsewhere_when_held`)."""
    return _notice


def replace(temp: str, path: Path) -> None:
    """os.replace(temp, path), tried again after each of RETRY_DELAYS while it fails with PermissionError."""
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def other_names(path: Path):
    """"NAME (1).ext", "NAME (2).ext", … beside ``path``."""
    for number in range(1, MAX_OTHER_NAMES + 1):
        yield path.with_name(f"{path.stem} ({number}){path.suffix}")


def move_to_other_name(temp: str, path: Path) -> Path | None:
    """Move ``temp`` to the first free name of :func:`other_names`; None when none can be taken."""
    for other in other_names(path):
        try:
            os.close(os.open(other, os.O_WRONLY | os.O_CREAT | os.O_EXCL))  # reserved: no other program takes it
        except FileExistsError:
            continue
        except OSError:
            return None
        try:
            os.replace(temp, other)
            return other
        except OSError:
            try:
                os.unlink(other)
            except OSError:
                pass
            return None
    return None


def held_message(path: Path, written: Path) -> str:
    return (f"tệp '{path}' đang mở trong Word hoặc chương trình khác (hoặc chỉ cho đọc) nên không ghi đè được; "
            f"đã ghi vào '{written}'")
