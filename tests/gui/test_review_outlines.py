"""The review panel in the window (issue 10): each finding says what to do in words; the preview outlines a
finding's own paragraph only while the panel is open (F8 closes it and the outlines go); a TL. signature by the
Phó Chủ tịch is not "ready to export"."""
from __future__ import annotations


import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from ptdraft import api
from ptdraft.gui.dialogs import ProblemsDialog
from ptdraft.gui.i18n import _
from ptdraft.model import Signature, SigningMode
from tests.support.gui import LETTER_JSON, settle, type_text
from tests.test_fix_wording import assert_sentence

FIRST = "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính."
SECOND = "Đề nghị các cơ quan nâng cao trâch nhiệm của người đứng đầu."
THIRD = "Báo cáo kết quả về Văn phòng trước ngày 15 hằng tháng."
WRONG_SIGNER = Signature(SigningMode.TL, head_title="CHỦ TỊCH", position="PHÓ CHỦ TỊCH", name="Lê Văn Bình")


def _draft(body: str = f"{FIRST}\n\n{SECOND}\n\n{THIRD}", signature: Signature | None = None):
    draft = api.load_draft(LETTER_JSON)
    content = dataclasses.replace(draft.content, body=body, requirements=(), closing="")
    if signature is not None:
        content = dataclasses.replace(content, signature=signature)
    return dataclasses.replace(draft, content=content)


def _f8(window, qtbot, reviewed: bool) -> None:
    """Press F8 with the focus in a form field, as a clerk would; wait for the review when it opens."""
    target = window.focusWidget() or window
    if reviewed:
        with qtbot.waitSignal(window.review.reviewed, timeout=5000):
            qtbot.keyClick(target, Qt.Key.Key_F8)
    else:
        qtbot.keyClick(target, Qt.Key.Key_F8)
    settle(window)


def _outlined(window) -> list[tuple[str, str]]:
    canvas = window.preview.canvas
    return [(piece.ref, piece.para.text if piece.para is not None else "")
            for page in window.pages for piece in page.pieces if canvas.outlined(piece)]


def _rows(window) -> list[tuple[str, str, str]]:
    tree = window.review.tree
    return [(tree.topLevelItem(g).child(i).text(0), tree.topLevelItem(g).child(i).text(1),
             tree.topLevelItem(g).child(i).text(2))
            for g in range(tree.topLevelItemCount()) for i in range(tree.topLevelItem(g).childCount())]


def test_outlines_show_while_the_panel_is_open_and_only_around_the_finding(make_window, qtbot):
    """A misspelt word in the second of three body paragraphs outlines that paragraph alone; the TL. signature
    of the Phó Chủ tịch outlines the signature block alone. F8 closes the panel and every outline goes, and they
    stay gone while the clerk types; F8 again brings them back."""
    window = make_window(_draft(signature=WRONG_SIGNER))
    settle(window)
    assert _outlined(window) == []  # the panel is closed: nothing outlined, although the signature is wrong
    _f8(window, qtbot, reviewed=True)
    assert window.review.isVisible()
    outlined = _outlined(window)
    assert [text for ref, text in outlined if ref == "body"] == [SECOND]
    assert {ref for ref, _text in outlined} == {"body", "signature"}
    signature_lines = [text for ref, text in outlined if ref == "signature"]
    assert "TL. CHỦ TỊCH" in signature_lines and "PHÓ CHỦ TỊCH" in signature_lines

    _f8(window, qtbot, reviewed=False)
    assert not window.review.isVisible()
    assert _outlined(window) == []
    window.go_to_step(8)  # the signer step: type into the name, the preview is redrawn
    name = window.steps[8].name
    name.setFocus()
    type_text(getattr(name, "entry", name), "h")
    settle(window)
    assert _outlined(window) == []

    _f8(window, qtbot, reviewed=True)
    assert [text for ref, text in _outlined(window) if ref == "body"] == [SECOND]


def test_the_tl_signature_of_the_vice_chairman_is_a_finding_in_the_panel_and_before_export(make_window, qtbot):
    """The preview no longer says "Ready to export"; the panel lists the mismatch with the KT. form to use; the
    check before export shows the same fix."""
    window = make_window(_draft(body=FIRST, signature=WRONG_SIGNER))
    settle(window)
    assert window.preview.status.text() != _("Ready to export")
    assert [p.ref for p in window.problems] == ["signature.mode"]
    _f8(window, qtbot, reviewed=True)
    rows = [row for row in _rows(window) if "PHÓ CHỦ TỊCH là cấp phó của CHỦ TỊCH" in row[0]]
    assert len(rows) == 1
    message, where, fix = rows[0]
    assert where.startswith("ô 7a") and "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in fix
    dialog = ProblemsDialog(api.find_problems(window.state.draft), window)
    listing = dialog.findChild(QListWidget)
    shown = [listing.item(i).text() for i in range(listing.count())]
    assert len(shown) == 1 and "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in shown[0] and _("How to fix") in shown[0]
    dialog.deleteLater()


def test_every_row_of_the_panel_says_what_to_do(make_window, qtbot):
    """Missing parts, format findings and text findings: the "How to fix" column is a sentence on every row; the
    dash of "2026 -2031" no longer shows as "- , -"."""
    draft = _draft(body="Giai đoạn 2026 -2031 , nâng cao trâch nhiệm của của người đứng đầu.Để ( đúng) hạn.")
    draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, subject="", place=""))
    window = make_window(draft)
    _f8(window, qtbot, reviewed=True)
    rows = _rows(window)
    assert len(rows) >= 7
    for message, _where, fix in rows:
        assert_sentence(fix, message)
    assert any("gạch ngang" in fix for _m, _w, fix in rows)
    assert not any(fix.strip() in ("- , -", "-, -") for _m, _w, fix in rows)
