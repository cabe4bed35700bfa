"""A keystroke repaints only what changed on the preview's pages in view (PageCanvas.set_pages, issue 14): a change
on page 2 repaints rows of page 2 and none of page 1, and the canvas then shows, pixel for pixel, what a canvas
painting a fresh layout and pagination of the draft shows. The read-only "prints as" boxes replace only the
characters that changed, and a box whose step is hidden shows the new text once it is read or shown."""
from __future__ import annotations

import dataclasses
import importlib.util
import random

from PySide6.QtCore import QRect

from ptdraft import api
from ptdraft.gui import pages as pages_module
from ptdraft.gui.part_editor import PrintedBox
from ptdraft.gui.preview import PageCanvas
from tests.support.gui import REPO

_spec = importlib.util.spec_from_file_location("bench_gui", REPO / "benchmarks" / "bench_gui.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

NOTE = "Ghi chú đổi trên trang hai: "


def _fresh_pages(draft):
    """The draft's layout and its pages made from nothing remembered (no measured paragraph, no earlier flow)."""
    layout = api.with_draft_mark(api.preview(draft)[1], api.draft_mark_for(draft))
    saved_last, saved_measured = dict(pages_module._LAST), pages_module._MEASURED
    pages_module._LAST.clear()
    pages_module._MEASURED = pages_module._MeasureCache()
    try:
        return layout, pages_module.paginate(layout)
    finally:
        pages_module._LAST.clear()
        pages_module._LAST.update(saved_last)
        pages_module._MEASURED = saved_measured


def _page_of(pages, words: str) -> int:
    return next(page.number - 1 for page in pages for piece in page.pieces for line in piece.lines
                if words in line.text)


def _page_rect(canvas: PageCanvas, index: int) -> QRect:
    origin, size = canvas._page_origin(index), canvas.page_pixels()
    return QRect(round(origin.x()), round(origin.y()), size.width(), size.height())


def test_a_change_on_page_two_repaints_page_two_as_a_fresh_layout_paints_it(qtbot, make_window):
    draft = bench.typing_draft(3, free=True)
    body = draft.content.body
    # Words at the start of the body's last paragraph (the body ends on page 2: the requirements follow it).
    for start in (len(body) - len(body.split("\n")[-1]), ):
        changed = dataclasses.replace(draft, content=dataclasses.replace(
            draft.content, body=body[:start] + NOTE + body[start:]))
        page = _page_of(_fresh_pages(changed)[1], NOTE[:11])
        if page >= 1:
            break
    assert page >= 1  # the words go on page 2 (or later), not on the first page

    window = make_window(draft)
    window.resize(1366, 768)
    qtbot.wait(50)
    canvas = window.preview.canvas
    viewport = window.preview.scroll_area.viewport()
    # In view: the foot of the page above and the head of the page the change goes on.
    window.preview.scroll_area.verticalScrollBar().setValue(round(canvas._page_origin(page).y() - viewport.height() / 2))
    qtbot.wait(50)
    before = canvas.grab().toImage()

    with qtbot.waitSignal(window.preview_updated, timeout=10000):
        window.state.set_content(changed.content)

    region = canvas.repainting
    assert not region.isEmpty()
    assert region.intersects(_page_rect(canvas, page))
    assert not region.intersects(_page_rect(canvas, page - 1))
    assert region.boundingRect().height() < canvas.visibleRegion().boundingRect().height()  # not the whole view

    # The old picture with only the region painted again is the new picture, wherever it is in view.
    patched = before.copy()
    canvas.render(patched, region.boundingRect().topLeft(), region)  # the region's corner lands on the offset
    after = canvas.grab().toImage()
    view = canvas.visibleRegion().boundingRect()
    assert patched.copy(view) == after.copy(view)
    assert patched.copy(view) != before.copy(view)

    # And the new picture is what a fresh layout of the draft paints, the pages the same to the line.
    layout, fresh = _fresh_pages(window.state.draft)
    assert bench.pages_text(window.pages) == bench.pages_text(fresh)
    other = PageCanvas()
    other.set_zoom(canvas.zoom)
    other.set_pages(fresh, layout)
    other.resize(canvas.size())
    assert other.grab().toImage() == after


def test_nothing_in_view_changed_nothing_repainted(qtbot, make_window):
    """A change on a page below the part in view asks for no paint (that page is painted as it is now when it is
    scrolled into view)."""
    draft = bench.typing_draft(3, free=True)
    window = make_window(draft)
    window.resize(1366, 768)
    window.preview.scroll_area.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    canvas = window.preview.canvas
    body = draft.content.body
    last = len(body) - len(body.split("\n")[-1])  # the body's last paragraph, on page 2
    changed = dataclasses.replace(draft.content, body=body[:last] + "Đổi ở trang hai. " + body[last:])
    with qtbot.waitSignal(window.preview_updated, timeout=10000):
        window.state.set_content(changed)
    page = _page_of(window.pages, "Đổi ở trang hai.")
    assert page >= 1
    assert not canvas.visibleRegion().intersects(_page_rect(canvas, page))
    assert canvas.visibleRegion().intersected(canvas.repainting).isEmpty()
    layout, fresh = _fresh_pages(window.state.draft)
    assert bench.pages_text(window.pages) == bench.pages_text(fresh)


def test_the_printed_box_shows_what_setplaintext_would(qapp):
    """Random edits (inserted, removed, replaced characters; lines, no-break spaces, characters outside the BMP) give
    the box the text a box set with setPlainText has, shown or hidden."""
    box = PrintedBox()
    box.show()
    rng = random.Random(14)
    alphabet = "ab ệ\n\u00a0😀x\r"
    text = ""
    for step in range(600):
        piece = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        at = rng.randint(0, len(text))
        text = text[:at] + piece + text[at + rng.randint(0, 4):] if step % 7 else piece + text[:30]
        if step % 50 == 0:
            box.setVisible(not box.isVisible())
        box.show_text(text)
        reference = PrintedBox()
        reference.setPlainText(text)
        assert box.document().toRawText() == reference.document().toRawText() or not box.isVisible()
        assert box.toPlainText() == reference.toPlainText()
    assert not box.document().isUndoAvailable()  # the replacements keep no history


def test_a_hidden_step_shows_the_new_value_when_opened(qtbot, make_window):
    """A box under a part of a step not shown waits for the new text; opening the step (or reading it) shows it."""
    window = make_window(bench.typing_draft(3))
    target, _where = bench.typing_target(window)
    content_step = window.stack.currentIndex()
    hidden = [(index, editor) for index, step in enumerate(window.steps) if index != content_step
              for editor in step.part_editors.values() if editor.from_fields and editor.printed.isVisibleTo(step)
              and "Văn phòng UBND tỉnh" in editor.printed.toPlainText()]
    assert hidden  # another step prints the field typed into
    with qtbot.waitSignal(window.preview_updated, timeout=10000):
        target.insert("Q")
    index, editor = hidden[0]
    assert not editor.printed.isVisible()
    window.go_to_step(index)
    assert editor.printed.isVisible()
    assert "Văn phòng UBND tỉnhQ" in editor.printed.document().toRawText()
