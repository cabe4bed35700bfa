"""The window on the screens of office machines (1366×768 at 100 %, 1920×1080 at 125 % and 150 %): it opens
inside the available screen, every control of every step can be reached without clipping (the form scrolls,
long labels wrap, the preview keeps its share), and its size, place, step and splitters survive a restart."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from ptdraft import api
from ptdraft.gui import i18n
from ptdraft.gui.steps import STEP_CLASSES
from ptdraft.gui.window_place import FRAME, OFFICE_SCREENS, fit_to_screen
from tests.support.gui import LETTER_JSON

DRAFTS = {
    "letter": lambda: api.load_draft(LETTER_JSON),
    "decision": lambda: api.example_draft(api.get_template("quyet-dinh")),  # long template field labels
}


def _inside(widget: QWidget, area: QWidget) -> bool:
    """Whether all of ``widget`` shows inside ``area`` (both visible)."""
    top_left = widget.mapTo(area, QPoint(0, 0))
    return widget.isVisible() and area.rect().contains(QRect(top_left, widget.size()))


def _unreachable(window, index: int) -> list[str]:
    """The controls of a step that cannot be brought fully into view (its full width, and its full height or
    the whole form's height) by scrolling the form: clipped by the form, by a parent, or by the window."""
    scroll = window.stack.currentWidget()
    form = scroll.widget()
    bar = scroll.verticalScrollBar()
    out = []
    for control in form.findChildren(QWidget):
        if not control.isVisibleTo(form) or not control.focusPolicy() or control.focusProxy():
            continue
        top = control.mapTo(form, QPoint(0, 0)).y()
        bar.setValue(min(top, bar.maximum()))
        room = scroll.viewport().height() - (top - bar.value())
        seen = control.visibleRegion().boundingRect()
        if seen.width() < control.width() or seen.height() < min(control.height(), room):
            out.append(f"{index + 1}:{type(control).__name__}:{seen.width()}x{seen.height()} of "
                       f"{control.width()}x{control.height()}")
    bar.setValue(0)
    return out


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("draft", sorted(DRAFTS))
@pytest.mark.parametrize("screen", sorted(OFFICE_SCREENS))
def test_every_step_fits_an_office_screen(make_window, language, draft, screen):
    """On each office screen the window with its frame fits the available geometry, its minimum size hint fits
    the room it gets, and on every step: no horizontal scroll bar in the form, every control reachable by
    scrolling, Back/Next in view, the preview at least a third of the window's width and not wider than its
    column."""
    available = OFFICE_SCREENS[screen]
    i18n.set_language(language)
    window = make_window(DRAFTS[draft]())
    rect = fit_to_screen(None, available, window.minimumSizeHint())
    assert available.contains(rect.marginsAdded(FRAME))
    window.setGeometry(rect)
    QApplication.processEvents()
    assert window.size() == rect.size()
    problems = []
    for index in range(len(window.steps)):
        window.go_to_step(index)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        if hint.width() > rect.width() or hint.height() > rect.height():
            problems.append((index + 1, "minimum size", hint.toTuple(), rect.size().toTuple()))
        scroll = window.stack.currentWidget()
        if scroll.horizontalScrollBar().maximum() > 0:
            problems.append((index + 1, window.steps[index].title(), scroll.widget().minimumSizeHint().width(),
                             scroll.viewport().width()))
        problems += _unreachable(window, index)
        for button in (window.back_button, window.next_button):
            if not _inside(button, window):
                problems.append((index + 1, button.text(), "off the window"))
    assert problems == []
    assert window.preview.width() >= window.width() // 3
    assert window.preview.canvas.width() <= window.preview.scroll_area.viewport().width()


@pytest.mark.parametrize("saved, expected", [
    # The room on a 1536×824 screen is 1520×784 at (8, 32), inside a Windows frame.
    (None, QRect(68, 32, 1400, 784)),  # first start: the default width, all the height there is, centred
    (QRect(40, 20, 1000, 600), QRect(40, 32, 1000, 600)),  # kept, only moved below the title bar's room
    (QRect(2500, 300, 1000, 600), QRect(268, 124, 1000, 600)),  # on a screen that is gone: centred here
    (QRect(300, 100, 1900, 1200), QRect(8, 32, 1520, 784)),  # larger than this screen: shrunk into it
])
def test_a_saved_place_is_fitted_to_the_screen_there_is_now(saved, expected):
    """The remembered geometry is kept when it fits; otherwise moved and shrunk into the available room."""
    assert fit_to_screen(saved, QRect(0, 0, 1536, 824), QSize(600, 300)) == expected


def test_the_first_window_opens_inside_the_screen(make_window):
    """With nothing remembered, the window and its frame open inside the screen's available geometry (the
    test screen is 800×800, smaller than the default size)."""
    window = make_window()
    available = window.screen().availableGeometry()
    assert available.contains(window.geometry().marginsAdded(FRAME))
    assert window.stack.currentIndex() == 0


def test_size_place_step_and_splitters_survive_a_restart(make_window):
    """Closing the window remembers where it was; the next window (a restart) opens the same way."""
    window = make_window(api.load_draft(LETTER_JSON))
    window.setGeometry(QRect(30, 40, 700, 500))
    window.go_to_step(4)
    window.splitter.setSizes([150, 250, 280])
    QApplication.processEvents()
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(api.load_draft(LETTER_JSON))
    assert again.geometry() == QRect(30, 40, 700, 500)
    assert again.stack.currentIndex() == 4
    assert again.step_list.currentRow() == 4
    assert again.splitter.sizes() == sizes


@pytest.mark.parametrize("entry", [
    '{"place": {"x": "a"}, "step": 99, "splitter": [1, -2, "x"]}',
    '{"place": {"x": 1e400, "y": 0, "width": 99999999999999, "height": 5}, "step": 99, '
    '"splitter": [99999999999999, 1, 1], "right_split": "x"}',
])
def test_a_damaged_window_entry_in_the_settings_is_ignored(make_window, data_dir, entry):
    """A hand-edited or damaged "window" entry never stops the window: the window opens inside the screen."""
    (data_dir / "settings.json").write_text('{"window": ' + entry + "}", encoding="utf-8")
    window = make_window()
    assert window.stack.currentIndex() == len(window.steps) - 1  # step 99 means the last one
    assert window.screen().availableGeometry().contains(window.geometry().marginsAdded(FRAME))


def test_the_screenshot_script_pictures_every_step(tmp_path):
    """scripts/screenshot_steps.py writes one picture per step (the window's inside on a 1366×768 screen with a
    taskbar), the guide and the file dialog."""
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    from tests.support.gui import REPO

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "screenshot_steps.py"), str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == ["file-dialog.png", "guide.png"] + [f"step-{n:02d}.png" for n in range(1, len(STEP_CLASSES) + 1)]
    room = fit_to_screen(None, OFFICE_SCREENS["1366x768 100%"], QSize(0, 0)).size()
    assert QImage(str(tmp_path / "step-01.png")).size() == room


def test_every_large_dialog_fits_the_screen(make_window, qtbot, library_db):
    """The library, the template editor, "Save as template", the register, "Send to many", the office
    information, the import review and the start page open no larger than the screen's room (the test screen,
    800×800, is smaller than most of them) unless their minimum needs it, and no minimum is larger than the
    smallest office screen (1920×1080 at 150 %)."""
    from ptdraft.gui import dialogs
    from ptdraft.gui.import_review import ImportReview
    from tests.support.library_ui import approved, plain_letter

    first = approved()
    window = make_window(plain_letter())
    window.library.library_action.trigger()
    window.library.library_dialog.select(first.template_id, 1)
    window.library.library_dialog.new_button.click()
    for action in (window.library.register_action, window.library.save_template_action, window.sending.merge_action, window.sending.office_action):
        action.trigger()
    opened = {
        "library": window.library.library_dialog, "editor": window.library.library_dialog.editor,
        "register": window.library.register_dialog, "save as template": window.library.save_template_dialog,
        "send to many": window.sending.merge_dialog, "office": window.sending.office_dialog,
        "import review": ImportReview("mau.toml", api.check_template_source(first.source), window),
        "start page": dialogs.TemplateChooser(api.list_templates(), [], window),
    }
    smallest = min((r.marginsRemoved(FRAME).size() for r in OFFICE_SCREENS.values()), key=lambda s: s.width())
    room = window.screen().availableGeometry().marginsRemoved(FRAME).size()
    too_big = []
    for name, dialog in opened.items():
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        hint = dialog.minimumSizeHint()
        if dialog.width() > max(room.width(), hint.width()) or dialog.height() > max(room.height(), hint.height()):
            too_big.append((name, dialog.size().toTuple(), "on", room.toTuple()))
        if hint.width() > smallest.width() or hint.height() > smallest.height():
            too_big.append((name, "minimum", hint.toTuple()))
    assert too_big == []
