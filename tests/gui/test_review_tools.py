"""The reviewer's tools in the window: the review panel, spelling corrections, import, checking any DOCX,
tone-mark style, and legacy-encoded text pasted into a field."""
from __future__ import annotations


import dataclasses
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ptdraft import api
from tests.support.gui import LETTER_JSON, ScriptedPrompts, settle

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "cong-van-van-phong-ubnd-tinh.txt"
CONTENT = 5


def _with_body(body: str):
    draft = api.load_draft(LETTER_JSON)
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, body=body))


def _review(window, qtbot) -> None:
    if not window.tools.review_action.isChecked():
        with qtbot.waitSignal(window.review.reviewed, timeout=5000):
            window.tools.review_action.setChecked(True)
    with qtbot.waitSignal(window.review.reviewed, timeout=5000):
        window.review.timer.start()


def test_review_panel_lists_a_misspelt_syllable_and_corrects_it(make_window, qtbot):
    """F8 shows the review panel; a misspelt syllable typed in the body is listed with its suggestion, marked on
    the preview, and choosing the suggestion corrects the body and nothing else."""
    window = make_window(_with_body("Nâng cao vai trò, trâch nhiệm người đứng đầu."))
    _review(window, qtbot)
    spelling = [f for f in window.review.text_findings if f.excerpt == "trâch"]
    assert spelling and spelling[0].ref == "body" and "trách" in spelling[0].suggestions
    canvas = window.preview.canvas
    outlined = [piece.para.text for page in window.pages for piece in page.pieces if canvas.outlined(piece)]
    assert outlined == ["Nâng cao vai trò, trâch nhiệm người đứng đầu."]  # the paragraph of the word, alone
    assert window.review.format_findings == []  # ptdraft's own output follows the decree
    window.tools.replace_text(spelling[0], "trách")
    settle(window)
    assert window.state.draft.content.body == "Nâng cao vai trò, trách nhiệm người đứng đầu."
    assert window.state.dirty
    _review(window, qtbot)
    assert not [f for f in window.review.text_findings if f.ref == "body"]


def test_clicking_a_finding_goes_to_its_field(make_window, qtbot):
    """Activating a finding in the review panel opens the step that owns its part."""
    window = make_window(_with_body("Nâng cao vai trò, trâch nhiệm."))
    _review(window, qtbot)
    group = window.review.tree.topLevelItem(2)
    item = next(group.child(i) for i in range(group.childCount()) if "trâch" in group.child(i).text(0))
    window.review.tree.itemActivated.emit(item, 0)
    assert window.step_list.currentRow() == CONTENT


def test_a_word_typed_in_a_template_field_is_found_once_and_corrected_in_the_field(make_window, qtbot):
    """A misspelt word in a template field's value is one finding on that field (not one per part printing it);
    a click goes to the field, and the suggestion corrects the value, so every part that prints it changes."""
    draft = api.load_draft(LETTER_JSON)
    draft = api.with_values(draft, {**draft.values, "co_quan": "Văn phòng UBND tỉnh trâch"})
    window = make_window(draft)
    _review(window, qtbot)
    findings = [f for f in window.review.text_findings if f.excerpt == "trâch"]
    assert [f.ref for f in findings] == ["values.co_quan"]
    window.go_to_ref(findings[0].ref)
    assert window.stack.currentIndex() == CONTENT
    window.tools.replace_text(findings[0], "trách")
    settle(window)
    assert window.state.draft.values["co_quan"] == "Văn phòng UBND tỉnh trách"
    assert "Văn phòng UBND tỉnh trách" in api.fill(window.state.draft).body
    assert window.steps[CONTENT].field_widgets["co_quan"].text() == "Văn phòng UBND tỉnh trách"


def test_import_a_letter_copied_out_of_a_pdf(make_window, qtbot):
    """File → Import reads the real letter's text, replaces the draft with it (unsaved) and reports what it found."""
    prompts = ScriptedPrompts()
    window = make_window(api.blank_draft(), prompts=prompts)
    window.tools.import_path(SAMPLE)
    settle(window)
    content = window.state.draft.content
    assert len(content.recipients) == 2
    assert len(content.requirements) == 4
    assert window.state.dirty and window.state.path is None
    assert prompts.calls["info"] and SAMPLE.name in prompts.calls["info"][0][0]


def test_checking_a_docx_lists_its_findings(make_window, qtbot, tmp_path):
    """Tools → Check a DOCX file lists the format findings of a letter made elsewhere, e.g. a wrong left margin."""
    path = tmp_path / "thu.docx"
    path.write_bytes(api.docx_bytes(api.load_draft(LETTER_JSON)))
    document = docx.Document(str(path))
    document.sections[0].left_margin = docx.shared.Mm(20)
    document.save(str(path))
    window = make_window(api.blank_draft())
    dialog = window.tools.show_file_findings(path)
    qtbot.addWidget(dialog)
    panel = dialog.findChild(type(window.review))
    assert [f.rule for f in panel.format_findings] == ["page.margin.left"]
    assert "1" in panel.summary.text()


def test_tone_marks_are_unified_only_on_request(make_window, qtbot):
    """Tools → old tone marks turns "hòa" into "hoà" in the whole draft and says how many words changed."""
    window = make_window(_with_body("Hòa giải và thủy lợi."))
    assert window.state.draft.content.body == "Hòa giải và thủy lợi."
    _expected, changed = api.with_tone_style(window.state.draft, api.ToneStyle.OLD)
    assert changed == 3  # the body's two words and "Tỉnh ủy" in the letter's second requirement
    window.tools.unify_tones(api.ToneStyle.OLD)
    assert window.state.draft.content.body == "Hoà giải và thuỷ lợi."
    assert "Tỉnh uỷ" in window.state.draft.content.requirements[1].text
    assert str(changed) in window.statusBar().currentMessage()


def test_pasted_tcvn3_text_is_converted_with_a_notice(make_window, qtbot):
    """Text in the old TCVN3 encoding pasted into a field arrives as Unicode, and the clerk is told."""
    window = make_window(api.blank_draft())
    window.go_to_step(3)
    field = window.steps[3].subject
    QApplication.clipboard().setText("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.state.draft.content.subject == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert "TCVN3" in window.statusBar().currentMessage()


def test_review_panel_follows_a_paste(make_window, qtbot):
    """After a paste fills a missing part, the review panel (which waits for typing to pause) drops that problem
    and keeps its debounce interval."""
    window = make_window(dataclasses.replace(api.load_draft(LETTER_JSON), content=dataclasses.replace(
        api.load_draft(LETTER_JSON).content, authority="")))
    _review(window, qtbot)
    assert any(p.ref == "authority" for p in window.review.problems)
    window.go_to_step(0)
    field = window.steps[0].authority_field
    QApplication.clipboard().setText("SỞ NỘI VỤ")
    field.setFocus()
    with qtbot.waitSignal(window.review.reviewed, timeout=5000):
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.state.draft.content.authority == "SỞ NỘI VỤ"
    assert not any(p.ref == "authority" for p in window.review.problems)
    assert window.review.timer.interval() == 400


def test_findings_name_the_step_that_edits_them(make_window, qtbot):
    """The review panel says where a finding is by the step the clerk knows ("7. Requirements and tasks (4)")."""
    from ptdraft.gui import i18n

    draft = api.load_draft(LETTER_JSON)
    items = list(draft.content.requirements)
    items[3] = dataclasses.replace(items[3], text="Nâng cao vai trò, trâch nhiệm.")
    window = make_window(dataclasses.replace(draft, content=dataclasses.replace(draft.content, requirements=tuple(items))))
    _review(window, qtbot)
    group = window.review.tree.topLevelItem(2)
    where = [group.child(i).text(1) for i in range(group.childCount())]
    assert f"7. {i18n._('Requirements and tasks')} (4)" in where


def test_a_missing_template_value_marks_the_steps_that_print_it(make_window, qtbot):
    """On a fresh Giấy mời, the issuing authority step is marked too (its header prints "[Cơ quan ban hành]"),
    where the field that fills it is typed."""

    window = make_window(api.new_draft(api.get_template("giay-moi")))
    settle(window)
    authority = window.step_problems(0)
    assert authority and any("Cơ quan ban hành" in m for m in authority)  # the field is typed in that step
    assert window.step_list.item(0).text().startswith("⚠")
    assert window.step_problems(5)  # the Content step itself
