"""The guide in the window: F1 (or Help → Guide) from any step shows that step's section (what the decree
requires of the part: its box, size, form, an example), then the steps and the keyboard, in the interface
language."""
from __future__ import annotations


import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ptdraft.gui import i18n
from ptdraft.gui.help_ui import guide
from ptdraft.gui.steps import STEP_CLASSES


def _plain(markdown: str) -> str:
    """The Markdown's words as the browser shows them (marks and list dashes dropped, spaces folded)."""
    text = re.sub(r"(?m)^\s*- ", " ", markdown)
    return " ".join(re.sub(r"[#|]", " ", re.sub(r"[*`]", "", text)).split())


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_step_has_its_section_with_a_box_and_an_example(language):
    """Each step of the form has a section in each language's guide that names its FORMAT.md box and gives an
    example; the general part lists the keys."""
    texts = guide(language)
    box_word = {"vi": "Ô", "en": "Box"}[language]
    example_word = {"vi": "Ví dụ", "en": "Example"}[language]
    for cls in STEP_CLASSES:
        section = texts["steps"][cls.key]["text"]
        assert re.search(rf"{box_word}(es)? \d", section, re.IGNORECASE), cls.key
        assert f"{example_word}:" in section, cls.key
    for key in ("Ctrl+S", "Ctrl+E", "Ctrl+P", "Ctrl+N", "Ctrl+O", "F1", "F8"):
        assert key in texts["general"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_f1_from_each_step_shows_that_steps_section(make_window, qtbot, language):
    """F1 pressed in the step's first field opens the guide at that step: its heading is the step's number and
    title, its text is the step's section and no other step's; the keyboard table follows."""
    i18n.set_language(language)
    window = make_window()
    texts = guide(language)
    sections = {cls.key: _plain(texts["steps"][cls.key]["text"]) for cls in STEP_CLASSES}
    for index, step in enumerate(window.steps):
        window.go_to_step(index)
        window.activateWindow()  # back in the window after reading the guide (as a click on it does)
        qtbot.waitUntil(window.isActiveWindow)
        target = QApplication.focusWidget()
        assert target is not None and target.window() is window
        qtbot.keyClick(target, Qt.Key.Key_F1)
        dialog = window.guide.dialog
        assert dialog.isVisible()
        shown = " ".join(dialog.browser.toPlainText().split())
        assert f"{texts['current']}: {index + 1}. {step.title()}" in shown
        assert sections[step.key][:120] in shown
        others = [key for key, text in sections.items() if key != step.key and text[:80] in shown]
        assert others == []
        assert "Ctrl+E" in shown and "F8" in shown
    assert window.guide.dialog.windowTitle() == i18n._("Guide")


def test_the_open_guide_follows_the_step(make_window):
    """With the guide open, going to another step shows that step's section."""
    window = make_window()
    window.guide.action.trigger()
    window.go_to_step(4)
    assert "Ô 9a" in window.guide.dialog.browser.toPlainText()
    window.go_to_step(9)
    assert "Ô 9b" in window.guide.dialog.browser.toPlainText()
    assert "Ô 9a" not in window.guide.dialog.browser.toPlainText()


def test_help_menu_opens_the_guide(make_window):
    """Trợ giúp → Hướng dẫn is the menu entry of the same guide, with F1 as its key."""
    window = make_window()
    help_menu = window.menuBar().actions()[-1].menu()
    entry = next(a for a in help_menu.actions() if a.text() == "&Hướng dẫn")
    assert entry.shortcut().toString() == "F1"
    window.go_to_step(8)
    entry.trigger()
    assert "Người ký" in window.guide.dialog.browser.toPlainText()
    assert "KT. CHỦ TỊCH" in window.guide.dialog.browser.toPlainText()
