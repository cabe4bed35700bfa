"""What the main window offers the features it owns (the review tools, the library, sending, copies, the guide…).

A feature is an object the window makes in :meth:`MainWindow.finish_start` and keeps (``window.tools``,
``window.library``…); it is written against :class:`Host`, never against the window's own members: it makes its
actions through :meth:`Host.make_action` (each one runs through the error boundary, :meth:`Host.guard`), asks its
questions through ``prompts``, reads and changes the draft through ``state``, and tells the clerk through
:meth:`Host.show_notice`. The window puts the features' actions and menus in its menu bar itself. The one host is
the main window; as a widget it is also the parent of the features' dialogs.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol, cast

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from ptdraft.gui.dialogs import Prompts
    from ptdraft.gui.settings import Settings
    from ptdraft.gui.state import DraftState


class Host(Protocol):
    """The main window as its features see it."""

    state: DraftState
    settings: Settings
    prompts: Prompts
    step_shown: SignalInstance  # emitted with the index of the step the window has just shown

    def make_action(self, text: str, slot: Callable[[], object], keys=None) -> QAction:
        """An action of the window (its shortcut works everywhere in it) that runs ``slot`` through :meth:`guard`."""
        ...

    def guard(self, action: Callable[[], object]) -> object:
        """Run ``action``; any error becomes one message to the clerk (the error boundary)."""
        ...

    def may_discard(self) -> bool:
        """Whether the draft shown may be replaced: saved, or the clerk chose to save or discard the changes."""
        ...

    def save(self) -> bool:
        """Save the draft (asking where when it has no file yet); False when it was not saved."""
        ...

    def show_notice(self, text: str) -> None:
        """A short message in the status bar."""
        ...

    def go_to_step(self, index: int) -> None:
        """Show step ``index`` (from 0)."""
        ...

    def go_to_ref(self, ref: str) -> None:
        """Show the step that edits the draft part ``ref`` and put the cursor in it."""
        ...

    def describe_ref(self, ref: str) -> str:
        """The draft part ``ref`` as the clerk knows it (the step's number and title, the entry's number)."""
        ...

    def shown_step(self) -> tuple[int, str, str]:
        """The step shown: its index, key and title as the step list numbers it ("3. Nội dung")."""
        ...

    def set_marks(self, refs: set, paragraphs: set) -> None:
        """Outline these draft parts and layout paragraphs on the page preview (empty sets: none)."""
        ...

    # The export, shared by File → Export DOCX… and the exports features add.
    def confirm_problems(self) -> bool:
        """True when the draft has no problems, or the clerk chose to export anyway."""
        ...

    def export_mark(self) -> str | None:
        """"DỰ THẢO" while the draft has problems, else None."""
        ...

    def export_loop(self, kind: str, write: Callable[[Path], None]) -> Path | None:
        """Ask where to export ("docx", "pdf") and ``write`` there, asking again while the file cannot be written."""
        ...

    def after_export(self, path: Path) -> None:
        """Offer to open what was exported, or its folder."""
        ...

    def export_docx(self) -> Path | None:
        """File → Export DOCX…."""
        ...


def as_parent(host: Host) -> QWidget:
    """The host as the parent widget of a feature's dialog (the one host is the main window, a QWidget)."""
    return cast("QWidget", host)
