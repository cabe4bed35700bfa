"""File → Make a copy…: the dialog takes the kind, the form, an extract's passages and the profile's signer, asks
before taking the copy's number, and exports the copy; a refusal shows in the dialog and takes no number."""
from __future__ import annotations


import dataclasses
import datetime as _dt

from PySide6.QtCore import Qt

from ptdraft import api
from tests.support.gui import ScriptedPrompts
from tests.support import template_example

PROFILE = {"ten_co_quan": "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", "ky_hieu_co_quan": "UBND", "dia_danh": "Quảng Trị",
           "nguoi_ky": "Hoàng Văn Nam; Phó Chủ tịch; KT. Chủ tịch\nLê Văn Cường; Chánh Văn phòng; TL. Chủ tịch"}


def issued_decision():
    draft = template_example(api.get_template("quyet-dinh"))
    day = _dt.date.today() - _dt.timedelta(days=1)
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, number=5, date=day))


def test_extract_from_the_dialog_is_numbered_and_exported(make_window, library_db, tmp_path):
    """TRÍCH SAO of passages 1 and 4 signed by the profile's second signer: the number 01/TrS-UBND is asked about,
    taken, and the copy written where the clerk chose; it keeps only those passages."""
    api.set_office_profile(PROFILE, by="văn thư")
    target = tmp_path / "trich-sao.docx"
    prompts = ScriptedPrompts(confirm=True, save_file=target)
    window = make_window(issued_decision(), prompts=prompts)
    window.copying.copy_action.trigger()
    dialog = window.copying.copy_dialog
    assert dialog is not None and not dialog.passages.isEnabled()
    dialog.kind.setCurrentIndex(2)
    assert dialog.passages.isEnabled() and not dialog.copier_name.isEnabled()
    for row in (0, 3):
        dialog.passages.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.signer.setCurrentIndex(1)
    dialog.recipients.setText("Sở Nội vụ; Sở Tài chính")
    dialog.make_button.click()
    assert prompts.calls["error"] == [] and dialog.message.text() == ""
    assert "01/TrS-UBND" in prompts.calls["confirm"][0][0]
    [entry] = api.register_entries(book="sao")
    assert (entry.symbol, entry.signer) == ("01/TrS-UBND", "Lê Văn Cường") and target.is_file()
    texts = [p.text for p in api.copy_layout(window.state.draft, dialog.request()).blocks if hasattr(p, "text")]
    assert sum(1 for t in texts if t.startswith("Căn cứ")) == 1


def test_extract_without_passages_is_refused_in_the_dialog(make_window, library_db, tmp_path):
    """Nothing chosen for TRÍCH SAO, or an electronic copy without the copying body's name: the reason shows in the
    dialog, nothing is asked, no number is taken, no file written."""
    api.set_office_profile(PROFILE, by="văn thư")
    prompts = ScriptedPrompts(confirm=True, save_file=tmp_path / "x.docx")
    window = make_window(issued_decision(), prompts=prompts)
    window.copying.copy_action.trigger()
    dialog = window.copying.copy_dialog
    dialog.kind.setCurrentIndex(2)
    dialog.make_button.click()
    assert "trích sao" in dialog.message.text()
    dialog.kind.setCurrentIndex(0)
    dialog.electronic.setChecked(True)
    dialog.make_button.click()
    assert "tên cơ quan sao" in dialog.message.text()
    assert prompts.calls["confirm"] == [] and api.register_entries() == []
    assert not (tmp_path / "x.docx").exists()


def test_copy_of_an_unnumbered_draft_is_refused(make_window, library_db):
    """A draft without its number: File → Make a copy… says so (one message) and opens no dialog."""
    draft = template_example(api.get_template("quyet-dinh"))
    prompts = ScriptedPrompts()
    window = make_window(draft, prompts=prompts)
    window.copying.copy_action.trigger()
    assert "chưa được cấp số" in prompts.calls["error"][-1][0]
