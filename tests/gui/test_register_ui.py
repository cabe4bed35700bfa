"""The outgoing register in the window: "Cấp số" on the current draft and the register view (search, filters,
cancelling a number, CSV and Excel export)."""
from __future__ import annotations


import csv
import datetime as _dt
import hashlib

import openpyxl
from PySide6.QtCore import Qt

from ptdraft import api
from tests.support.gui import LETTER_JSON, ScriptedPrompts, settle
from tests.support.storage import dated, letter


def test_cap_so_previews_then_issues_01_and_02_into_the_draft(make_window, library_db, tmp_path):
    """"Cấp số" first shows the number it would give ("Số: 01/SNV-CCHC"), then takes it, writes it into the draft
    (saved to its file, the preview printing "Số: 01/…"), exports the DOCX and records its SHA-256; the next
    draft gets 02."""
    path = tmp_path / "cong-van.ptdraft.json"
    api.save_draft(letter(), path)
    docx = tmp_path / "cong-van.docx"
    prompts = ScriptedPrompts(confirm=True, export_path=docx)
    window = make_window(api.load_draft(path), path, prompts=prompts)
    window.library.issue_number_action.trigger()
    assert prompts.calls["error"] == []
    question = prompts.calls["confirm"][0][0]
    assert "Số: 01/SNV-CCHC" in question and "Cấp số 01" in question
    assert window.state.draft.content.number == 1
    assert api.load_draft(path).content.number == 1 and not window.state.dirty
    settle(window)
    assert api.printed(window.filled)["number"] == "Số: 01/SNV-CCHC"
    [entry] = api.register_entries()
    assert entry.symbol == "01/SNV-CCHC" and entry.draft_path == str(path)
    assert entry.file_sha256 == hashlib.sha256(docx.read_bytes()).hexdigest()

    asked = len(prompts.calls["confirm"])
    window.library.issue_number_action.trigger()  # the same draft again: refused before any question, no number taken
    assert "đã được cấp số 01" in prompts.calls["error"][-1][0]
    assert len(prompts.calls["confirm"]) == asked
    window.state.replace(letter(trich_yeu="đề nghị cử cán bộ dự tập huấn"), None)
    prompts.answers["confirm"] = [True, False]  # take the number, no export
    window.library.issue_number_action.trigger()
    assert window.state.draft.content.number == 2 and window.state.dirty
    assert [e.symbol for e in api.register_entries()] == ["01/SNV-CCHC", "02/SNV-CCHC"]


def test_cap_so_answered_no_takes_no_number(make_window, library_db):
    """Answering "No" to the preview leaves the draft unnumbered and the register empty."""
    prompts = ScriptedPrompts(confirm=False)
    window = make_window(letter(), prompts=prompts)
    window.library.issue_number_action.trigger()
    assert "Số: 01/SNV-CCHC" in prompts.calls["confirm"][0][0]
    assert window.state.draft.content.number is None
    assert api.register_entries() == []


def _issue_three() -> None:
    for subject, signer in (
        ("báo cáo cải cách hành chính", "Trần Thị Minh Hà"),
        ("đề nghị cử cán bộ dự tập huấn", "Lê Văn Tâm"),
        ("hướng dẫn tuyển dụng công chức", "Trần Thị Minh Hà"),
    ):
        api.issue_number(letter(trich_yeu=subject, nguoi_ky=signer), user="văn thư")


def _symbols(dialog) -> list[str]:
    return [row.symbol for row in dialog.model.rows]


def _choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_register_view_lists_searches_and_filters(make_window, library_db):
    """The register view lists every number; search text, signer, type, year and status narrow the table."""
    _issue_three()
    api.issue_number(dated(letter(trich_yeu="tổng kết năm 2025"), _dt.date(2025, 12, 30)), user="văn thư")
    window = make_window()
    window.library.register_action.trigger()
    dialog = window.library.register_dialog
    model = dialog.model
    assert len(model.rows) == 4
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Số, ký hiệu"
    this_year = _dt.date.today().year
    _choose(dialog.year, str(this_year))
    assert _symbols(dialog) == ["01/SNV-CCHC", "02/SNV-CCHC", "03/SNV-CCHC"]
    assert model.data(model.index(1, 5)) == "đề nghị cử cán bộ dự tập huấn"
    _choose(dialog.year, "2025")
    assert [(r.symbol, r.subject) for r in model.rows] == [("01/SNV-CCHC", "tổng kết năm 2025")]
    _choose(dialog.year, "Mọi năm")
    dialog.search.setText("tuyển dụng")
    assert [r.subject for r in model.rows] == ["hướng dẫn tuyển dụng công chức"]
    dialog.search.setText("")
    _choose(dialog.signer, "Lê Văn Tâm")
    assert [r.subject for r in model.rows] == ["đề nghị cử cán bộ dự tập huấn"]
    _choose(dialog.signer, "Mọi người ký")
    _choose(dialog.doc_type, "Công văn")
    assert len(model.rows) == 4
    _choose(dialog.status, "Đã hủy")
    assert model.rows == []
    assert dialog.count_label.text() == "0 văn bản"


def test_register_view_shows_and_filters_the_book(make_window, library_db, tmp_path):
    """Two "01/SNV-CCHC" of the same day, ordinary and secret, are told apart by the Sổ column ("Thường", "Mật");
    the book filter narrows the table and the export to one book."""
    today = _dt.date.today()
    api.issue_number(dated(letter(), today))
    api.issue_number(dated(letter(trich_yeu="kế hoạch bảo vệ bí mật nhà nước"), today, secrecy="MẬT"))
    prompts = ScriptedPrompts(save_file=[tmp_path / "so-mat.csv"])
    window = make_window(prompts=prompts)
    window.library.register_action.trigger()
    dialog = window.library.register_dialog
    model = dialog.model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Sổ"
    assert [(model.data(model.index(r, 1)), model.data(model.index(r, 2))) for r in range(2)] == [
        ("01/SNV-CCHC", "Thường"), ("01/SNV-CCHC", "Mật"),
    ]
    assert [dialog.book.itemText(i) for i in range(dialog.book.count())] == ["Mọi sổ", "Thường", "Mật"]
    _choose(dialog.book, "Mật")
    assert [r.subject for r in model.rows] == ["kế hoạch bảo vệ bí mật nhà nước"]
    dialog.csv_button.click()
    assert prompts.calls["error"] == []
    with open(tmp_path / "so-mat.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Số, ký hiệu văn bản"], r["Sổ"]) for r in rows] == [("01/SNV-CCHC", "Mật")]
    _choose(dialog.book, "Thường")
    assert [r.book for r in model.rows] == ["ordinary"]


def test_cancel_marks_the_number_cancelled_after_a_reason_and_a_confirmation(make_window, library_db):
    """Cancelling 02 asks why and asks to confirm; it stays in the register as cancelled, shown so, and cannot
    be cancelled twice; without a reason nothing changes."""
    _issue_three()
    prompts = ScriptedPrompts(ask_text=None)
    window = make_window(prompts=prompts)
    window.library.register_action.trigger()
    dialog = window.library.register_dialog
    dialog.table.selectRow(1)
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    assert "02/SNV-CCHC" in prompts.calls["ask_text"][0][1]
    assert prompts.calls["confirm"] == []
    assert {e.status for e in api.register_entries()} == {"issued"}

    prompts.answers["ask_text"] = "cấp nhầm cho văn bản chưa ký"
    dialog.cancel_button.click()
    assert "02/SNV-CCHC" in prompts.calls["confirm"][0][0]
    entry = api.register_entries(search="tập huấn")[0]
    assert (entry.status, entry.cancel_reason) == ("cancelled", "cấp nhầm cho văn bản chưa ký")
    row = _symbols(dialog).index("02/SNV-CCHC")
    assert dialog.model.data(dialog.model.index(row, 8)) == "Đã hủy"
    dialog.table.selectRow(row)
    assert not dialog.cancel_button.isEnabled()
    _choose(dialog.status, "Đã hủy")
    assert _symbols(dialog) == ["02/SNV-CCHC"]
    assert api.preview_number(letter()).number == 4  # a cancelled number is never given again


def test_register_exports_to_csv_and_xlsx_that_reopen_with_the_rows(make_window, library_db, tmp_path):
    """Export CSV… and Export Excel… write the register to the chosen files, which reopen with every row."""
    _issue_three()
    api.cancel_number(2, issuer="SNV", reason="nhầm")
    prompts = ScriptedPrompts(save_file=[tmp_path / "so.csv", tmp_path / "so.xlsx"])
    window = make_window(prompts=prompts)
    window.library.register_action.trigger()
    dialog = window.library.register_dialog
    dialog.csv_button.click()
    dialog.xlsx_button.click()
    assert prompts.calls["error"] == []
    with open(tmp_path / "so.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["Số", "Số, ký hiệu văn bản"]
    assert [r[1] for r in rows[1:]] == ["01/SNV-CCHC", "02/SNV-CCHC", "03/SNV-CCHC"]
    assert "đã hủy" in rows[2]
    sheet = openpyxl.load_workbook(tmp_path / "so.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    assert [v[1] for v in values[1:]] == ["01/SNV-CCHC", "02/SNV-CCHC", "03/SNV-CCHC"]
    assert values[3][4] == "hướng dẫn tuyển dụng công chức"


def test_register_view_on_a_corrupt_database_says_so(make_window, library_db):
    """A database file full of garbage: the register view opens with the message, and the window still works."""
    library_db.write_bytes(b"garbage" * 300)
    prompts = ScriptedPrompts()
    window = make_window(prompts=prompts)
    window.library.register_action.trigger()
    dialog = window.library.register_dialog
    assert str(library_db) in prompts.calls["error"][0][0]
    assert dialog.error_label.isVisibleTo(dialog) and str(library_db) in dialog.error_label.text()
    assert dialog.model.rowCount() == 0


def test_the_window_says_once_when_the_database_history_was_changed_behind_its_back(qtbot, patched_prompts,
                                                                                    monkeypatch, tmp_path):
    """The history's chain is checked whenever the window opens the database: a row edited outside the program
    is told to the clerk in one warning (once, however often the database is opened), and drafting goes on."""
    from ptdraft.gui.app import Application
    from tests.support.storage import raw_execute

    db = tmp_path / "office.sqlite3"
    monkeypatch.setenv("PTDRAFT_DB", str(db))
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    _numbered, entry = api.issue_number(letter(), user="văn thư")
    api.issue_number(letter(trich_yeu="việc thứ hai"), user="văn thư")
    application = Application(str(LETTER_JSON))
    qtbot.addWidget(application.window)
    api.register_entries()
    qtbot.wait(10)
    assert patched_prompts.calls["error"] == []  # a whole history: nothing to say
    raw_execute(str(db), "DROP TRIGGER audit_history_no_update")
    raw_execute(str(db), "UPDATE audit_history SET actor = 'người khác' WHERE seq = 1")
    for _ in range(3):
        assert [e.number for e in api.register_entries()] == [entry.number, entry.number + 1]
    qtbot.waitUntil(lambda: patched_prompts.calls["error"] != [])
    qtbot.wait(10)
    assert len(patched_prompts.calls["error"]) == 1
    message = patched_prompts.calls["error"][0][0]
    assert "dòng 1" in message and "đã bị sửa" in message and "ngoài chương trình" in message, message
