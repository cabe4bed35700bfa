"""The window's editors for the annexes (Phụ lục, attached texts) and the second signature: what the clerk types
there prints in the preview and in the exported DOCX, where the form of Nghị định 30 puts it."""
from __future__ import annotations

import dataclasses
import datetime as _dt

from PySide6.QtCore import Qt

from ptdraft import api
from ptdraft.model import ELECTRONIC, Annex, Signature, SigningMode
from tests.support.gui import ScriptedPrompts, settle, type_text
from tests.support import iter_paras, open_docx


def _step(window, key: str) -> int:
    return next(index for index, step in enumerate(window.steps) if step.key == key)


def _page_texts(window) -> list[list[str]]:
    """Each preview page's paragraphs, top to bottom, as the page shows them."""
    out = []
    for page in window.pages:
        texts = [piece.lines[0].layout.text() for piece in page.pieces if piece.kind == "text" and piece.lines]
        out.append(texts)
    return out


def _pieces(window, ref: str):
    return [piece for page in window.pages for piece in page.pieces if piece.ref == ref and piece.lines]


def _draft(**changes):
    draft = api.blank_draft()
    content = dataclasses.replace(draft.content, authority="SỞ NỘI VỤ", issuer_code="SNV", unit_code="VP",
                                  place="Quảng Trị", date=_dt.date(2027, 1, 6), subject="Báo cáo số liệu",
                                  recipients=("Ủy ban nhân dân tỉnh",), body="Sở Nội vụ gửi số liệu kèm theo.",
                                  signature=Signature(SigningMode.KT, head_title="GIÁM ĐỐC", position="PHÓ GIÁM ĐỐC",
                                                      name="Trần Thị Minh Hà"), **changes)
    return dataclasses.replace(draft, content=content)


def _add(qtbot, editor, title: str, body: str) -> None:
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.focusWidget() is editor.title_field or editor.title_field.hasFocus()
    type_text(editor.title_field, title)
    editor.body.setFocus()
    type_text(editor.body, body)


def _docx_texts(path) -> list[str]:
    return [p.text for p in iter_paras(open_docx(path)) if p.text.strip()]


def test_appendices_typed_print_from_new_pages_and_export(make_window, qtbot, tmp_path):
    """Two appendices added and typed (title, body with the body's markup): the list and the preview head them
    "Phụ lục I" and "Phụ lục II", each from a page of its own; moved up, they swap numbers; one removed, the other
    is "Phụ lục" alone; Export DOCX prints it after the signature, and the export with separate files writes it
    beside the document, in a file the checker finds nothing wrong with."""
    out = tmp_path / "bao-cao.docx"
    window = make_window(_draft(), prompts=ScriptedPrompts(export_path=out))
    window.go_to_step(_step(window, "annexes"))
    editor = window.steps[_step(window, "annexes")].editor
    _add(qtbot, editor, "Danh sách đơn vị", "Sở Nội vụ.\n\nSở Tài chính.")
    _add(qtbot, editor, "Kinh phí", "1. Năm 2026: 100 triệu đồng.")
    settle(window)
    assert window.state.draft.content.annexes == (
        Annex("Danh sách đơn vị", "Sở Nội vụ.\n\nSở Tài chính."), Annex("Kinh phí", "1. Năm 2026: 100 triệu đồng."))
    assert [editor.list.item(r).text() for r in range(editor.list.count())] == [
        "Phụ lục I: Danh sách đơn vị", "Phụ lục II: Kinh phí"]
    pages = _page_texts(window)
    firsts = [texts[0] for texts in pages if texts]
    assert "Phụ lục I" in firsts and "Phụ lục II" in firsts  # each opens a page
    first = pages[firsts.index("Phụ lục I")]
    assert first[:3] == ["Phụ lục I", "DANH SÁCH ĐƠN VỊ",
                         "(Kèm theo Công văn số …/SNV-VP ngày 06 tháng 01 năm 2027)"]
    assert first[3:] == ["Sở Nội vụ.", "Sở Tài chính./."]
    assert pages[firsts.index("Phụ lục II")][3] == "1. Năm 2026: 100 triệu đồng./."

    editor.list.setCurrentRow(1)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert [a.title for a in window.state.draft.content.annexes] == ["Kinh phí", "Danh sách đơn vị"]
    assert editor.list.currentRow() == 0 and editor.title_field.text() == "Kinh phí"
    editor.list.setCurrentRow(1)
    window.prompts.answers["confirm"] = False  # asked first: "No" keeps it
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert len(window.state.draft.content.annexes) == 2
    assert window.prompts.calls["confirm"] == [("Xóa Phụ lục II: Danh sách đơn vị cùng nội dung của nó?",)]
    window.prompts.answers["confirm"] = True
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.state.draft.content.annexes == (Annex("Kinh phí", "1. Năm 2026: 100 triệu đồng."),)
    assert editor.list.item(0).text() == "Phụ lục: Kinh phí" and editor.list.count() == 1
    assert ["Phụ lục", "KINH PHÍ"] == next(t for t in _page_texts(window) if t and t[0].startswith("Phụ lục"))[:2]

    window.export_action.trigger()
    texts = _docx_texts(out)
    assert texts.index("Phụ lục") > texts.index("Trần Thị Minh Hà") and "KINH PHÍ" in texts
    assert "1. Năm 2026: 100 triệu đồng./." in texts

    window.prompts.answers["export_path"] = tmp_path / "rieng.docx"
    window.annex_export.action.trigger()
    appendix = tmp_path / "rieng-phu-luc.docx"
    assert "Phụ lục" not in _docx_texts(tmp_path / "rieng.docx")
    assert _docx_texts(appendix)[:2] == ["Phụ lục", "KINH PHÍ"]
    assert api.check_docx(appendix) == []
    assert window.statusBar().currentMessage() == "Đã xuất 2 tệp: rieng.docx, rieng-phu-luc.docx"
    assert window.prompts.calls["error"] == []


def test_electronic_form_leaves_the_kem_theo_number_and_date_blank(make_window, qtbot):
    """Mẫu 2.2: ticking "electronic document" blanks the number and date of the "Kèm theo" line in the preview."""
    window = make_window(_draft(number=5))
    step = _step(window, "annexes")
    window.go_to_step(step)
    editor = window.steps[step].editor
    _add(qtbot, editor, "Danh sách", "Sở Nội vụ.")
    settle(window)
    note = [t for texts in _page_texts(window) for t in texts if t.startswith("(Kèm theo")]
    assert note == ["(Kèm theo Công văn số 05/SNV-VP ngày 06 tháng 01 năm 2027)"]
    editor.electronic.click()
    settle(window)
    assert window.state.draft.content.medium == ELECTRONIC
    note = [t for texts in _page_texts(window) for t in texts if t.startswith("(Kèm theo")]
    assert note == ["(Kèm theo Công văn số …/SNV-VP ngày … tháng … năm …)"]


def test_a_template_draft_shows_its_annexes_filled_in(make_window):
    """Báo cáo's two appendices come from template fields: the list shows their filled titles, and the text field
    the Jinja with what it prints under it; an attached text (Mẫu 1.3) shows its type."""
    window = make_window(api.example_draft(api.get_template("bao-cao")))
    settle(window)
    editor = window.steps[_step(window, "annexes")].editor
    titles = [a.title for a in api.fill(window.state.draft).annexes]
    assert "{{" not in titles[0] and titles[0]
    assert [editor.list.item(r).text() for r in range(2)] == [f"Phụ lục I: {titles[0]}", f"Phụ lục II: {titles[1]}"]
    body = editor.part_editors["annex.body"]  # the field that fills it and what it prints, never the Jinja
    assert body.from_fields and editor.body.toPlainText() == ""
    assert "phu_luc_1" in body.field_widgets and body.printed.toPlainText().startswith("1. ")
    decision = make_window(api.example_draft(api.get_template("quyet-dinh-ban-hanh")))
    settle(decision)
    attached = decision.steps[_step(decision, "annexes")].editor
    assert attached.list.item(0).text().startswith("Quy chế: ")  # its type comes from a template field
    assert attached.kind.currentData() == "{{ loai_kem_theo }}"


def test_clicking_an_annex_in_the_preview_goes_to_its_field(make_window, qtbot):
    """The page's parts of annex 2 lead to the annex step, annex 2 selected, its text focused; the second
    signature leads to the signer step."""
    window = make_window(_draft(annexes=(Annex("Một", "Thứ nhất."), Annex("Hai", "Thứ hai.")),
                                cosigner=Signature(position="THƯ KÝ", name="Đỗ Thị Mai")))
    settle(window)
    window.go_to_ref("annexes[2].body")
    step = _step(window, "annexes")
    assert window.stack.currentIndex() == step
    editor = window.steps[step].editor
    assert editor.list.currentRow() == 1 and editor.body.toPlainText() == "Thứ hai." and editor.body.hasFocus()
    window.go_to_ref("cosigner")
    assert window.stack.currentIndex() == _step(window, "signature")


def test_second_signature_typed_prints_left_of_the_first(make_window, qtbot, tmp_path):
    """Mẫu 1.9: ticked and typed, the second signature prints in the closing row left of the first, Nơi nhận under
    it, in the preview and in the DOCX; a prefix (TM.) and its body print over the title; unticked, it is gone."""
    out = tmp_path / "bien-ban.docx"
    window = make_window(_draft(), prompts=ScriptedPrompts(export_path=out))
    step = window.steps[_step(window, "signature")]
    window.go_to_step(_step(window, "signature"))
    cosigner = step.cosigner
    assert not cosigner.isChecked()
    cosigner.setChecked(True)
    type_text(cosigner.fields["position"], "THƯ KÝ")
    type_text(cosigner.fields["name"], "Đỗ Thị Mai")
    settle(window)
    assert window.state.draft.content.cosigner == Signature(position="THƯ KÝ", name="Đỗ Thị Mai")
    assert cosigner.printed.text() == "<b>THƯ KÝ</b><br><b>Đỗ Thị Mai</b>"
    left = [p.lines[0].layout.text() for p in _pieces(window, "cosigner")]
    assert left == ["THƯ KÝ", "Đỗ Thị Mai"]
    right = _pieces(window, "signature")
    assert max(p.rect.right() for p in _pieces(window, "cosigner")) <= min(p.rect.left() for p in right) + 1
    label = _pieces(window, "distribution")[0]
    assert label.rect.top() > max(p.rect.bottom() for p in _pieces(window, "cosigner"))

    cosigner.mode.setCurrentIndex(cosigner.mode.findData(SigningMode.TM))
    assert cosigner.form.isRowVisible(cosigner.part_editors["cosigner.collective"])
    type_text(cosigner.fields["collective"], "BAN CHẤP HÀNH")
    settle(window)
    assert [p.lines[0].layout.text() for p in _pieces(window, "cosigner")] == ["TM. BAN CHẤP HÀNH", "THƯ KÝ",
                                                                              "Đỗ Thị Mai"]
    window.export_action.trigger()
    document = open_docx(out)
    paras = list(iter_paras(document))
    table = next(p.table for p in paras if p.text == "Nơi nhận:")
    closing = [p for p in paras if p.table == table and p.text.strip()]
    left_cell = [p.text for p in closing if p.cell == 0]
    right_cell = [p.text for p in closing if p.cell == 1]
    assert left_cell[:3] == ["TM. BAN CHẤP HÀNH", "THƯ KÝ", "Đỗ Thị Mai"] and left_cell[3] == "Nơi nhận:"
    assert right_cell == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Minh Hà"]

    cosigner.setChecked(False)
    settle(window)
    assert window.state.draft.content.cosigner == Signature()
    assert _pieces(window, "cosigner") == [] and cosigner.fields["name"].text() == ""
