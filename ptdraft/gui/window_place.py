"""Where the drafting window opens: the size, place, step and splitters of last time, kept on the screen the
clerk has now.

Screens are measured in logical pixels, as Qt gives them: a 1920×1080 screen at 150 % scaling is 1280×720, and
its available geometry (without the taskbar) about 1280×680. The window and its frame must fit in that.
"""
from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication

# A title bar and borders as Windows 10/11 draw them, in logical pixels: room kept around the window's inside.
FRAME = QMargins(8, 32, 8, 8)
# The size of a first start on a large screen; smaller screens get all their room.
DEFAULT_SIZE = QSize(1400, 860)
# Screens of office machines the window must fit (available logical geometry after a 40 px taskbar):
# 1366×768 at 100 %, 1920×1080 at 125 % and at 150 %.
OFFICE_SCREENS = {
    "1366x768 100%": QRect(0, 0, 1366, 728),
    "1920x1080 125%": QRect(0, 0, 1536, 824),
    "1920x1080 150%": QRect(0, 0, 1280, 680),
}

# No screen is larger: a saved number beyond it is damage, not a place.
LARGEST = 100_000


def fit_to_screen(saved: QRect | None, available: QRect, minimum: QSize, frame: QMargins = FRAME) -> QRect:
    """The window's inside geometry: ``saved`` (None on a first start) made to fit ``available`` with its frame.

    Never larger than the room (the window's minimum is given up before the screen is), never off the screen:
    a place saved on a screen that is gone, or larger than this one, is moved and shrunk to fit."""
    room = available.marginsRemoved(frame)
    wanted = saved.size() if saved is not None and saved.isValid() else DEFAULT_SIZE
    size = wanted.expandedTo(minimum).boundedTo(room.size())
    if saved is None or not saved.isValid() or not room.intersects(saved):
        left = room.left() + (room.width() - size.width()) // 2
        top = room.top() + (room.height() - size.height()) // 2
        return QRect(QPoint(left, top), size)
    left = min(max(saved.left(), room.left()), room.right() + 1 - size.width())
    top = min(max(saved.top(), room.top()), room.bottom() + 1 - size.height())
    return QRect(QPoint(left, top), size)


def fit_dialog(dialog, width: int, height: int) -> None:
    """Give ``dialog`` its usual size, or all the room its screen has (less a frame) when the screen is smaller:
    a 1200×700 dialog on a 1280×680 screen (1920×1080 at 150 %) keeps its buttons on the screen."""
    screen = (dialog.parentWidget() or dialog).screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().marginsRemoved(FRAME).size()
    dialog.resize(QSize(width, height).boundedTo(room))


def screen_room(saved: QRect | None) -> QRect:
    """The available geometry of the screen the saved place is on (the primary screen otherwise)."""
    screen = QGuiApplication.screenAt(saved.center()) if saved is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_from_settings(values: object) -> tuple[QRect | None, bool]:
    """The saved inside geometry and "maximized" from the settings' ``window`` entry (None when absent or bad)."""
    if not isinstance(values, dict):
        return None, False
    try:
        numbers = [int(values[key]) for key in ("x", "y", "width", "height")]
    except (KeyError, TypeError, ValueError, OverflowError):
        return None, False
    if any(abs(n) > LARGEST for n in numbers):
        return None, False
    rect = QRect(*numbers)
    return (rect if rect.isValid() else None), bool(values.get("maximized"))


def place_to_settings(rect: QRect, maximized: bool) -> dict:
    return {"x": rect.x(), "y": rect.y(), "width": rect.width(), "height": rect.height(), "maximized": maximized}


def sizes_from_settings(values: object, count: int) -> list[int] | None:
    """Splitter sizes as saved: ``count`` non-negative whole numbers, not all zero; None otherwise."""
    if not isinstance(values, list) or len(values) != count:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= LARGEST for v in values) or not any(values):
        return None
    return list(values)
