"""The keystroke benchmark (benchmarks/bench_gui.py, issue 14) types where a clerk types: into a shown, focused
widget whose every key changes the draft's filled text and the preview's pages; never into a hidden, empty box."""
from __future__ import annotations

import importlib.util

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from ptdraft.gui.outline_editor import OutlineEditor  # noqa: E402
from ptdraft.gui.widgets import LineField  # noqa: E402
from tests.support.gui import REPO  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_gui", REPO / "benchmarks" / "bench_gui.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _pages_words(window) -> str:
    return " ".join(text for piece in bench.pages_text(window.pages) for text, _x, _y in piece[3])


@pytest.mark.parametrize(("copies", "free", "kind"), [
    (3, None, LineField),  # the letter: its body is the template's wording, "{{ co_quan }}" typed in its box
    (75, None, OutlineEditor),  # the 28-page draft: its body written out as free text, typed in the body's editor
    (3, True, OutlineEditor),
])
def test_the_benchmark_types_where_the_clerk_types(qtbot, make_window, copies, free, kind):
    window = make_window(bench.typing_draft(copies, free))
    window.resize(1366, 768)
    target, where = bench.typing_target(window)
    assert isinstance(target, kind), where
    assert target.isVisible() and target.hasFocus()
    filled, shown, words = window.filled, bench.pages_text(window.pages), _pages_words(window)
    assert "Trong thời gian qua" in words and "qx" not in words

    with qtbot.waitSignal(window.preview_updated, timeout=10000):
        QTest.keyClick(target, Qt.Key.Key_Q)
    with qtbot.waitSignal(window.preview_updated, timeout=10000):
        QTest.keyClick(target, Qt.Key.Key_X)

    assert window.filled != filled
    first = window.filled.body.split("\n\n")[0]
    if kind is LineField:  # the field's value, wherever the body prints it
        assert window.state.draft.values["co_quan"] == "Văn phòng UBND tỉnhqx"
        assert first.count("Văn phòng UBND tỉnhqx") == 3
    else:  # at the end of the first paragraph, as the clerk's cursor was put
        assert first.endswith("qx")
    assert bench.pages_text(window.pages) != shown
    assert "qx" in _pages_words(window)
    assert len(window.pages) >= (28 if copies == 75 else 3)


def test_the_benchmark_refuses_a_hidden_box(qapp, make_window):
    """The body's own editor on the letter is hidden (its fields fill the body): typing there measures nothing."""
    window = make_window(bench.typing_draft(3))
    target, _where = bench.typing_target(window)
    hidden = window.steps[[s.key for s in window.steps].index("content")].body
    assert not hidden.isVisible() and target is not hidden
    with pytest.raises(SystemExit, match="hidden"):
        bench.check_premise(qapp, window, hidden)
