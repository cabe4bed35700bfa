"""A click on a part of the previewed page takes the clerk to the step (and field) that fills it."""
from __future__ import annotations


import pytest
from PySide6.QtCore import QPointF, Qt

from ptdraft import api
from ptdraft.model import ref_within
from tests.support.gui import LETTER_JSON, settle

STEPS = ["authority", "number", "marks", "type", "recipients", "content", "requirements", "closing", "signature",
         "distribution"]


def _point_of(window, ref: str) -> QPointF:
    """Where on the canvas (widget pixels) the centre of the first piece printed for ``ref`` lies."""
    canvas = window.preview.canvas
    for index, page in enumerate(window.pages):
        for piece in page.pieces:
            if ref_within(piece.ref, ref):
                return canvas._page_origin(index) + piece.rect.center() * canvas.zoom
    raise AssertionError(f"nothing printed for {ref!r}")


@pytest.mark.parametrize(
    ("ref", "step"),
    [("recipients", "recipients"), ("subject", "type"), ("date", "number"), ("authority", "authority"),
     ("requirements", "requirements"), ("signature", "signature"), ("distribution", "distribution")],
)
def test_click_on_a_printed_part_opens_its_step(make_window, qtbot, ref, step):
    """Clicking the printed recipients, subject, date, … selects that part's step in the list and shows its form."""
    window = make_window(api.load_draft(LETTER_JSON))
    settle(window)
    window.go_to_step(STEPS.index("closing"))
    point = _point_of(window, ref)
    assert ref_within(window.preview.canvas.ref_at(point), ref)
    qtbot.mouseClick(window.preview.canvas, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.step_list.currentRow() == STEPS.index(step)
    assert window.stack.currentIndex() == STEPS.index(step)
    assert window.step_for(ref) == STEPS.index(step)


def test_click_on_the_recipients_focuses_the_recipient_entry(make_window, qtbot):
    """After the click on the Kính gửi lines, typing goes into the recipients' entry line."""
    window = make_window(api.load_draft(LETTER_JSON))
    settle(window)
    qtbot.mouseClick(window.preview.canvas, Qt.MouseButton.LeftButton, pos=_point_of(window, "recipients").toPoint())
    assert window.focusWidget() is window.steps[STEPS.index("recipients")].editor.entry


def test_click_on_a_second_page_part_and_on_blank_paper(make_window, qtbot):
    """A part printed on page 2 (the closing paragraph) is found there too; a click on the empty margin does nothing."""
    window = make_window(api.load_draft(LETTER_JSON))
    settle(window)
    assert len(window.pages) == 2
    assert any(piece.ref == "closing" for piece in window.pages[1].pieces)
    window.go_to_step(0)
    canvas = window.preview.canvas
    corner = canvas._page_origin(1) + QPointF(2, 2)  # the top-left corner of page 2: blank paper
    assert canvas.ref_at(corner) is None
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=corner.toPoint())
    assert window.step_list.currentRow() == 0
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_point_of(window, "closing").toPoint())
    assert window.step_list.currentRow() == STEPS.index("closing")


def test_click_on_a_requirement_selects_that_item(make_window, qtbot):
    """Clicking the third printed requirement opens the requirements step with item 3 selected in its editor
    (the items written out as free text, so the item editor shows them)."""
    import dataclasses

    from ptdraft.templating import part_fields

    letter = api.load_draft(LETTER_JSON)
    window = make_window(dataclasses.replace(letter, content=part_fields.as_free_text(letter, "requirements")))
    settle(window)
    point = _point_of(window, "requirements[3]")
    qtbot.mouseClick(window.preview.canvas, Qt.MouseButton.LeftButton, pos=point.toPoint())
    step = window.steps[STEPS.index("requirements")]
    assert window.stack.currentIndex() == STEPS.index("requirements")
    tree = step.editor.tree
    assert tree.indexOfTopLevelItem(tree.currentItem()) == 2


def test_a_finding_marks_only_its_own_item_on_the_preview(make_window, qtbot):
    """A problem in requirement 4 outlines requirement 4 on the page, not the other requirements."""
    window = make_window(api.load_draft(LETTER_JSON))
    settle(window)
    canvas = window.preview.canvas
    canvas.marked = {"requirements[4]"}
    marked = {piece.ref for page in window.pages for piece in page.pieces if canvas.is_marked(piece.ref)}
    assert marked == {"requirements[4]"}
    canvas.marked = {"signature.name"}
    assert {piece.ref for page in window.pages for piece in page.pieces if canvas.is_marked(piece.ref)} == {"signature"}
