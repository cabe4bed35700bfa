"""The window's File → Send to many… (mail merge with preview, progress, cancel and summary), File → Hand-off
package for e-office… and File → Office information…."""
from __future__ import annotations


import datetime as _dt
import json
import time
import zipfile

from ptdraft import api
from ptdraft.outputs import libreoffice
from ptdraft.outputs import merge
from tests.support.gui import ScriptedPrompts
from tests.support.storage import dated, letter

ROWS = [
    ("Kính gửi", "Tên tệp"),
    ("Sở Tài chính", "so-tai-chinh"),
    ("Sở Nội vụ", "so-tai-chinh"),
    ("Sở Xây dựng", "so-xay-dung"),
    ("Sở Y tế", "so-y-te"),
]


def _csv(path, rows) -> None:
    path.write_text("\n".join(",".join(f'"{c}"' for c in row) for row in rows) + "\n", encoding="utf-8")


def _open_merge(window, table, prompts):
    prompts.answers["open_file"] = table
    window.sending.merge_action.trigger()
    dialog = window.sending.merge_dialog
    assert dialog is not None and dialog.isVisible()
    for child in dialog.findChildren(type(dialog.write_button)):
        if child.text() == "Chọn…":
            child.click()  # the table's Choose… button comes first
            break
    return dialog


def test_merge_dialog_shows_the_mapping_and_bad_rows_then_writes_the_good_ones(make_window, tmp_path, qtbot):
    """Choosing the table shows which column fills what, the first letters and the bad row by number; with bad
    rows nothing is written until "skip the bad ones" is ticked; then every good row is a DOCX with its own
    Kính gửi, the file copy is written, the progress bar is full and a summary is shown."""
    table = tmp_path / "noi-nhan.csv"
    _csv(table, ROWS)
    prompts = ScriptedPrompts(open_file=table)
    window = make_window(dated(letter(), _dt.date(2026, 6, 5)), prompts=prompts)
    dialog = _open_merge(window, table, prompts)
    assert prompts.calls["error"] == []
    fills = [dialog.mapping.item(r, 1).text() for r in range(dialog.mapping.rowCount())]
    assert [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())] == ["Kính gửi", "Tên tệp"]
    assert fills[1] == "Tên tệp" and fills[0]
    assert dialog.letters.count() == 3 and "so-tai-chinh.docx" in dialog.letters.item(0).text()
    assert dialog.problems.count() == 1 and "dòng 3" in dialog.problems.item(0).text()
    out = tmp_path / "ket-qua"
    dialog.folder.setText(str(out))
    dialog._update_buttons()
    assert dialog.write_button.isEnabled()
    dialog.write_button.click()
    assert "3 dòng" not in prompts.calls["error"][-1][0] and "1 dòng" in prompts.calls["error"][-1][0]
    assert not out.exists() or list(out.iterdir()) == []
    dialog.skip_bad.setChecked(True)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30000)
    assert sorted(p.name for p in out.iterdir()) == ["ban-luu.docx", "so-tai-chinh.docx", "so-xay-dung.docx",
                                                      "so-y-te.docx"]
    import docx

    text = " ".join(p.text for p in docx.Document(str(out / "so-xay-dung.docx")).paragraphs)
    assert "Sở Xây dựng" in text and "Sở Tài chính" not in text
    assert dialog.progress.value() == dialog.progress.maximum() == 3
    title, summary = prompts.calls["info"][-1]
    assert title == "Gửi nhiều nơi" and "Đã ghi 3 tệp" in summary and "ban-luu.docx" in summary
    assert "bỏ qua 1 dòng" in summary
    assert dialog.cancel_button.text() == "Đóng"


def test_merge_can_be_cancelled_leaving_complete_files_only(make_window, tmp_path, qtbot, monkeypatch):
    """Cancel while writing stops after the letter being written: fewer files than rows, each a whole DOCX."""
    table = tmp_path / "nhieu.csv"
    _csv(table, [("Kính gửi", "Tên tệp")] + [(f"Ủy ban nhân dân xã số {n}", f"xa-{n:03d}") for n in range(1, 121)])
    slow_docx = merge.Letter.docx

    def slowly(self):
        time.sleep(0.02)
        return slow_docx(self)

    monkeypatch.setattr(merge.Letter, "docx", slowly)
    prompts = ScriptedPrompts(open_file=table)
    window = make_window(dated(letter(), _dt.date(2026, 6, 5)), prompts=prompts)
    dialog = _open_merge(window, table, prompts)
    out = tmp_path / "ket-qua"
    dialog.folder.setText(str(out))
    dialog._update_buttons()
    dialog.write_button.click()
    assert dialog.cancel_button.text() == "Hủy"
    qtbot.waitUntil(lambda: dialog.progress.value() >= 5, timeout=30000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30000)
    assert dialog.summary.cancelled
    written = sorted(out.iterdir())
    assert 5 <= len(written) < 120
    for path in written:
        with zipfile.ZipFile(path) as docx:
            assert docx.testzip() is None
    assert "Đã dừng theo yêu cầu" in prompts.calls["info"][-1][1]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_table_that_cannot_be_read_says_why_in_the_dialog(make_window, tmp_path):
    table = tmp_path / "hong.xlsx"
    table.write_bytes(b"not a workbook")
    prompts = ScriptedPrompts(open_file=table)
    window = make_window(letter(), prompts=prompts)
    dialog = _open_merge(window, table, prompts)
    assert "không phải tệp Excel" in prompts.calls["error"][-1][0]
    assert "không phải tệp Excel" in dialog.status.text()
    assert not dialog.write_button.isEnabled()


def test_package_from_the_window_after_cap_so(make_window, library_db, tmp_path, monkeypatch):
    """An unnumbered draft is told to use Cấp số first; a numbered one gets its package where the clerk chose, and
    the summary names the PDF kind and pages."""
    monkeypatch.setattr(libreoffice, "find", lambda: None)  # ptdraft's own PDF: quicker, and the path without LO
    api.set_office_profile({"ma_dinh_danh": "000.00.00.H41"})
    target = tmp_path / "goi.zip"
    prompts = ScriptedPrompts(save_file=target)
    window = make_window(dated(letter(), _dt.date(2026, 6, 5)), prompts=prompts)
    window.sending.package_action.trigger()
    assert "Cấp số" in prompts.calls["error"][-1][0] and not target.exists()
    numbered, entry = api.issue_number(window.state.draft)
    window.state.replace(numbered, None)
    window.sending.package_action.trigger()
    assert len(prompts.calls["error"]) == 1
    with zipfile.ZipFile(target) as package:
        data = json.loads(package.read("metadata.json"))
    assert data["so_ky_hieu"] == entry.symbol == "01/SNV-CCHC"
    title, text = prompts.calls["info"][-1]
    assert title == "Gói văn bản gửi hệ thống quản lý văn bản" and "01/SNV-CCHC" in text
    assert f"{data['so_trang']} trang" in text
    assert [r.seq for r in api.register_packages(entry)] == [1]


def test_office_information_dialog_checks_and_saves(make_window, library_db, qtbot):
    prompts = ScriptedPrompts()
    window = make_window(letter(), prompts=prompts)
    window.sending.office_action.trigger()
    dialog = window.sending.office_dialog
    assert dialog.windowTitle() == "Thông tin cơ quan"
    dialog.edits["ma_dinh_danh"].setText("H41")
    dialog.edits["ten_co_quan"].setText("ỦY BAN NHÂN DÂN XÃ AN BÌNH")
    window.guard(dialog.save)
    assert "000.00.00.H41" in prompts.calls["error"][-1][0] and "000.00.00.H41" in dialog.message.text()
    assert api.office_profile() == {}
    dialog.edits["ma_dinh_danh"].setText("000.00.12.h41")
    window.guard(dialog.save)
    assert api.office_profile() == {"ma_dinh_danh": "000.00.12.H41", "ten_co_quan": "ỦY BAN NHÂN DÂN XÃ AN BÌNH"}
    assert dialog.edits["ma_dinh_danh"].text() == "000.00.12.H41" and dialog.message.text() == ""
