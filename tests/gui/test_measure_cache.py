"""The preview remembers measured paragraphs: pages made from remembered lines are the pages made from scratch,
and the memory holds what the last paginations used, not every version of the paragraph being typed."""
from __future__ import annotations


import dataclasses

from ptdraft import api
from ptdraft.gui import pages
from tests.support.gui import LETTER_JSON


def _summary(result):
    out = []
    for page in result:
        for piece in page.pieces:
            texts = [(round(line.x), round(line.y), line.text) for line in piece.lines]
            out.append((page.number, piece.kind, piece.ref, round(piece.rect.y()), tuple(texts)))
    return out


def _typed(draft, text):
    body = draft.content.body.replace("Trong thời gian qua", text, 1)
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, body=body))


def test_remembered_lines_give_the_same_pages(qapp):
    letter = api.load_draft(LETTER_JSON)
    long = dataclasses.replace(letter, content=dataclasses.replace(
        letter.content, body="\n\n".join([letter.content.body] * 6)))
    for draft in (letter, long, _typed(long, "Trong thời gian qua " + "rất " * 40)):
        layout = api.preview_layout(draft)[0]
        warm = _summary(pages.paginate(layout))
        pages._MEASURED.items.clear()
        pages._MEASURED.size = 0
        cold = _summary(pages.paginate(layout))
        assert warm == cold and len(warm) > 10


def test_versions_of_a_typed_paragraph_are_let_go(qapp):
    letter = api.load_draft(LETTER_JSON)
    pages.paginate(api.preview_layout(letter)[0])
    held = len(pages._MEASURED.items)
    for count in range(1, 60):
        pages.paginate(api.preview_layout(_typed(letter, "Trong thời gian qua" + "x" * count))[0])
    assert len(pages._MEASURED.items) <= held + 2
    assert pages._MEASURED.size <= pages._MeasureCache.LIMIT


def _fresh(layout):
    pages._MEASURED.items.clear()
    pages._MEASURED.size = 0
    pages._LAST.clear()
    return _summary(pages.paginate(layout))


def test_pages_after_each_keystroke_equal_pages_made_from_scratch(qapp):
    """Typing in one paragraph of a long letter (a character, a word that adds a line, deleting it again, a new
    paragraph): the pages re-flowed from the previous pagination are the pages made from nothing."""
    letter = api.load_draft(LETTER_JSON)
    long = dataclasses.replace(letter, content=dataclasses.replace(
        letter.content, body="\n\n".join([letter.content.body] * 8)))
    edits = ["Trong thời gian qua", "Trong thời gian quaX", "Trong thời gian qua " + "rất nhiều " * 30,
             "Trong thời gian qua", "Mở đầu.\n\nTrong thời gian qua", "Trong thời gian qua"]
    layouts = [api.preview_layout(_typed(long, edit))[0] for edit in edits]
    expected = [_fresh(layout) for layout in layouts]
    pages._LAST.clear()
    reused = 0
    for layout, want in zip(layouts, expected):
        paginator_before = dict(pages._LAST)
        got = _summary(pages.paginate(layout))
        assert got == want
        reused += bool(paginator_before)
    assert reused == len(layouts) - 1
    # the added words moved what follows them: the last pieces are elsewhere
    assert [(n, y) for n, _, _, y, _ in expected[2][-5:]] != [(n, y) for n, _, _, y, _ in expected[1][-5:]]
