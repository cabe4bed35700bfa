"""The guide in the window (F1, Help → Guide): the step the clerk is on first, with what the decree requires of
that part, then the steps and the keyboard.

The texts are resources/help/<language>.toml (Markdown), one per interface language, shown in a QTextBrowser.
"""
from __future__ import annotations

import functools
import tomllib

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser

from ptdraft.errors import InputError
from ptdraft.gui import i18n
from ptdraft.gui.host import Host
from ptdraft.gui.i18n import _
from ptdraft.gui.layouting import dialog_box
from ptdraft.resources import resource


@functools.cache
def guide(language: str) -> dict:
    """The guide's texts in ``language`` (Vietnamese when there is none in that language)."""
    path = resource("help", f"{language}.toml")
    if not path.is_file():
        path = resource("help", f"{i18n.DEFAULT}.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"không đọc được tệp hướng dẫn ({exc})", str(path)) from None


def guide_markdown(step_key: str, step_title: str) -> str:
    """The guide as Markdown: the current step's section (its heading is the step's number and title), then the
    steps and the keyboard."""
    texts = guide(i18n.language())
    section = texts.get("steps", {}).get(step_key, {}).get("text", "")
    parts = [f"# {texts.get('title', '')}"]
    if section:
        parts.append(f"## {texts.get('current', '')}: {step_title}\n\n{section.strip()}")
    parts.append(texts.get("general", "").strip())
    return "\n\n".join(parts) + "\n"


class GuideDialog(QDialog):
    """The guide, opened beside the window (not modal: the clerk reads it while typing)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Guide"))
        # Shown beside the window, which keeps the keyboard: the clerk reads and goes on typing (F1 again, the
        # next step's section).
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.resize(620, 600)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        dialog_box(self, (self.browser, 1), buttons)

    def show_step(self, step_key: str, step_title: str) -> None:
        self.browser.setMarkdown(guide_markdown(step_key, step_title))
        self.browser.verticalScrollBar().setValue(0)


class GuideFeature:
    """Help → Guide (F1): the guide for the step shown, the same dialog brought back on each press; made and kept
    by the main window (``window.guide``), which puts the action in its Help menu."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.dialog: GuideDialog | None = None
        self.action = host.make_action(_("&Guide"), self.show, QKeySequence.StandardKey.HelpContents)

    def _follow(self) -> None:
        if self.dialog is None:
            return
        _index, key, title = self.host.shown_step()
        self.dialog.show_step(key, title)

    def show(self) -> None:
        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = GuideDialog(self.host)
            # While the guide is open it follows the clerk from step to step.
            self.host.step_shown.connect(lambda _index: self._follow() if dialog.isVisible() else None)
        self._follow()
        dialog.show()
        dialog.raise_()
