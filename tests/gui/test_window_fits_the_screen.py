"""The window on a 1366×768 screen (a common office laptop): no step of the form is cut off at the side."""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ptdraft import api  # noqa: E402
from ptdraft.gui import i18n  # noqa: E402
from tests.gui.conftest import LETTER_JSON  # noqa: E402

DRAFTS = {
    "letter": lambda: api.load_draft(LETTER_JSON),
    "decision": lambda: api.example_draft(api.get_template("quyet-dinh")),  # long template field labels
}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("draft", sorted(DRAFTS))
def test_every_step_fits_a_1366_by_768_window(make_window, language, draft):
    """At 1366×768 each step's form fits its column without a horizontal scroll bar (long labels wrap instead)."""
    i18n.set_language(language)
    window = make_window(DRAFTS[draft]())
    window.resize(1366, 768)
    too_wide = []
    for index in range(len(window.steps)):
        window.go_to_step(index)
        QApplication.processEvents()
        scroll = window.stack.currentWidget()
        if scroll.horizontalScrollBar().maximum() > 0:
            too_wide.append((index + 1, window.steps[index].title(), scroll.widget().minimumSizeHint().width(),
                             scroll.viewport().width()))
    assert too_wide == []
    assert window.preview.canvas.width() <= window.preview.scroll.viewport().width()
