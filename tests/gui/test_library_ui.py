"""The template library in the window: the start page's library templates, the library window's reviewer
actions, diff, import and export, and "Save as template" from the current draft."""
from __future__ import annotations


from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ptdraft import api
from ptdraft.gui import dialogs
from tests.support.gui import ScriptedPrompts
from tests.support.library_ui import approved, office_source, plain_letter

SHIPPED_TITLES = {t.title for t in api.list_templates()}


def _titles(chooser) -> list[str]:
    return [chooser.list.item(i).text() for i in range(chooser.list.count())]


def _library_chooser(qtbot):
    chooser = dialogs.TemplateChooser(
        api.list_templates(), [], listing=lambda include_all: api.library_templates(include_all=include_all)
    )
    qtbot.addWidget(chooser)
    return chooser


def test_start_page_offers_approved_library_templates_and_records_where_a_draft_came_from(qtbot, library_db):
    """File → New (Prompts.choose_template) lists an office's approved template beside the shipped ones, not its
    draft; choosing it gives a draft that records the template's id, version and SHA-256."""
    stored = approved()
    api.save_template(office_source("mau-nhap", "Mẫu còn nháp"), by="An")
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list = []

    def choose() -> None:
        chooser = QApplication.activeModalWidget()
        if chooser is None:
            QTimer.singleShot(10, choose)
            return
        seen.extend(_titles(chooser))
        row = next(i for i, text in enumerate(_titles(chooser)) if text.startswith("Công văn thử của Sở Nội vụ"))
        chooser.list.setCurrentRow(row)
        chooser._accept_current()

    QTimer.singleShot(0, choose)
    kind, template = dialogs.Prompts(parent).choose_template(api.list_templates(), [])
    assert kind == "template" and template.id == "cong-van-so-noi-vu"
    assert not any(text.startswith("Mẫu còn nháp") for text in seen)
    assert SHIPPED_TITLES <= {text.split("\n")[0] for text in seen}
    draft = api.new_draft(template)
    assert (draft.template.id, draft.template.version, draft.template.sha256) == ("cong-van-so-noi-vu", 1, stored.sha256)


def test_show_all_lists_every_version_with_its_state(qtbot, library_db):
    """The reviewer's toggle shows drafts, submitted and retired versions too, each with its state."""
    approved()
    api.save_template(office_source("mau-nhap", "Mẫu còn nháp"), by="An")
    api.save_template(office_source("mau-cho", "Mẫu chờ duyệt"), by="An", submit=True)
    retired = approved("mau-cu", "Mẫu cũ")
    api.retire_template(retired.template_id, retired.version)
    chooser = _library_chooser(qtbot)
    clerk = "\n".join(_titles(chooser))
    assert "Công văn thử của Sở Nội vụ" in clerk
    assert "Mẫu còn nháp" not in clerk and "Mẫu chờ duyệt" not in clerk and "Mẫu cũ" not in clerk
    chooser.show_all.setChecked(True)
    reviewer = {text.split("\n")[0]: text for text in _titles(chooser)}
    assert reviewer["Mẫu còn nháp"].endswith("Nháp")
    assert reviewer["Mẫu chờ duyệt"].endswith("Chờ duyệt")
    assert reviewer["Mẫu cũ"].endswith("Ngừng dùng")
    assert reviewer["Công văn thử của Sở Nội vụ"].endswith("Đã duyệt")
    assert not chooser.error_label.isVisibleTo(chooser)


def test_corrupt_database_still_offers_the_shipped_templates_with_the_message(qtbot, library_db):
    """A database file full of garbage: the chooser opens anyway, with every shipped template and the
    database's message naming the file."""
    library_db.write_bytes(b"this is not a database " * 200)
    chooser = _library_chooser(qtbot)
    assert chooser.error_label.isVisibleTo(chooser)
    assert str(library_db) in chooser.error_label.text()
    assert "thư viện mẫu" in chooser.error_label.text()
    assert SHIPPED_TITLES <= {text.split("\n")[0] for text in _titles(chooser)}
    chooser.show_all.setChecked(True)
    assert SHIPPED_TITLES <= {text.split("\n")[0] for text in _titles(chooser)}


def _library(window):
    window.library.library_action.trigger()
    return window.library.library_dialog


def test_submit_then_approve_in_the_library_window(make_window, library_db):
    """A draft version is submitted, then approved, each after a confirmation; a "No" changes nothing, and the
    history lists who did each step."""
    stored = api.save_template(office_source(), by="chuyên viên An")
    prompts = ScriptedPrompts(confirm=False)
    window = make_window(prompts=prompts)
    library = _library(window)
    library.select(stored.template_id, stored.version)
    assert library.selected().state == "draft"
    assert library.submit_button.isEnabled() and not library.approve_button.isEnabled()
    library.submit_button.click()
    assert "cong-van-so-noi-vu" in prompts.calls["confirm"][-1][0]
    assert api.template_versions("cong-van-so-noi-vu")[0].state == "draft"

    prompts.answers["confirm"] = True
    library.submit_button.click()
    assert library.selected().state == "submitted"
    assert library.approve_button.isEnabled()
    library.approve_button.click()
    assert library.selected().state == "approved"
    assert api.template_versions("cong-van-so-noi-vu")[0].state == "approved"
    steps = [library.history.topLevelItem(i) for i in range(library.history.topLevelItemCount())]
    assert [s.text(1) for s in steps] == ["Tạo", "Gửi duyệt", "Đã duyệt"]
    assert steps[0].text(3) == "chuyên viên An" and steps[2].text(3)  # the reviewer: whoever is logged in
    assert all(s.text(4) for s in steps)  # when
    assert not library.submit_button.isEnabled() and not library.approve_button.isEnabled()
    assert prompts.calls["error"] == []


def test_diff_view_shows_the_changed_line(make_window, library_db):
    """Selecting version 2 compares it with version 1: the changed line shows as - and + lines, coloured."""
    first = approved()
    api.save_template(first.source.replace('default = "Trân trọng./."', 'default = "Xin trân trọng cảm ơn./."'),
                      by="An", submit=True)
    library = _library(make_window())
    library.select("cong-van-so-noi-vu", 2)
    text = library.diff_view.toPlainText()
    assert '-default = "Trân trọng./."' in text.splitlines()
    assert '+default = "Xin trân trọng cảm ơn./."' in text.splitlines()
    document = library.diff_view.document()
    added = next(document.findBlockByNumber(i) for i in range(document.blockCount())
                 if document.findBlockByNumber(i).text().startswith('+default'))
    colours = {f.format.background().color().name() for f in added.layout().formats()}
    assert "#e3f6e3" in colours
    library.old_box.setCurrentIndex(library.old_box.findData(2))
    library.compare_button.click()
    assert library.diff_view.toPlainText() == "Hai phiên bản có nội dung giống nhau."


def test_import_refuses_a_template_that_reaches_python_internals(make_window, library_db, tmp_path):
    """Importing a file whose Jinja reaches Python internals shows the engine's message and stores nothing."""
    path = tmp_path / "doc-hai.toml"
    path.write_text(office_source("mau-doc-hai").replace(
        'subject = "{{ trich_yeu }}"', "subject = \"{{ ''.__class__.__mro__ }}\""), encoding="utf-8")
    prompts = ScriptedPrompts(open_file=path)
    library = _library(make_window(prompts=prompts))
    library.import_button.click()
    assert len(prompts.calls["error"]) == 1
    message = prompts.calls["error"][0][0]
    assert "doc-hai.toml" in message and "nội bộ Python" in message
    assert prompts.calls["confirm_import"] == []
    assert "mau-doc-hai" not in {e.template.id for e in api.library_templates(include_all=True).entries}


def test_import_shows_the_summary_then_stores_the_file_waiting_for_approval(make_window, library_db, tmp_path):
    """A valid file is summarised (its fields, its example rendered), then stored as submitted and selected."""
    path = tmp_path / "cong-van-noi-khac.toml"
    path.write_text(office_source("cong-van-noi-khac", "Công văn của nơi khác"), encoding="utf-8")
    prompts = ScriptedPrompts(open_file=path)
    window = make_window(prompts=prompts)
    library = _library(window)
    library.import_button.click()
    assert prompts.calls["error"] == []
    name, check = prompts.calls["confirm_import"][0]
    assert name == "cong-van-noi-khac.toml"
    assert any(line.startswith("Dựng thử với giá trị ví dụ: được") for line in check.summary)
    entry = library.selected()
    assert (entry.template.id, entry.state) == ("cong-van-noi-khac", "submitted")


def test_export_writes_the_selected_version(make_window, library_db, tmp_path):
    """Export writes the selected version's text, as stored, to the chosen .toml file."""
    stored = approved()
    target = tmp_path / "xuat" / "mau"
    target.parent.mkdir()
    prompts = ScriptedPrompts(save_file=target.with_suffix(".toml"))
    library = _library(make_window(prompts=prompts))
    library.select(stored.template_id, stored.version)
    library.export_button.click()
    assert target.with_suffix(".toml").read_text(encoding="utf-8") == stored.source


def _check(dialog, text: str, label: str | None = None) -> None:
    row = dialog.row_of(text)
    assert row is not None, text
    if label is not None:
        dialog.table.item(row, 1).setText(label)
    dialog.table.item(row, 0).setCheckState(Qt.CheckState.Checked)


def test_save_as_template_replaces_the_marked_texts_and_renders_the_same_document(make_window, library_db):
    """The clerk marks the place, the signer and a phrase selected in the body: the template text uses fields
    there, is submitted for approval, and its example renders the very same document."""
    draft = plain_letter()
    prompts = ScriptedPrompts()
    window = make_window(draft, prompts=prompts)
    window.library.save_template_action.trigger()
    dialog = window.library.save_template_dialog
    assert dialog.id_edit.text() == "giay-moi-hop-giao-ban"
    _check(dialog, "Quảng Trị")
    _check(dialog, "Nguyễn Văn An")
    cursor = dialog.body.document().find("phòng họp số 2, tầng 3")
    assert not cursor.isNull()
    dialog.body.setTextCursor(cursor)
    assert dialog.add_phrase_button.isEnabled()
    dialog.add_phrase_button.click()
    row = dialog.row_of("phòng họp số 2, tầng 3")
    dialog.table.item(row, 1).setText("Phòng họp")
    dialog.update_result()
    toml = dialog.result_view.toPlainText()
    assert 'place = "{{ dia_danh }}"' in toml
    assert 'name = "{{ nguoi_ky }}"' in toml
    assert "tại {{ phong_hop }}." in toml
    assert dialog.submit_button.isEnabled()
    dialog.submit_button.click()
    assert prompts.calls["error"] == []
    stored = dialog.stored
    assert (stored.template_id, stored.state) == ("giay-moi-hop-giao-ban", "submitted")
    template = api.library_template(stored.template_id, stored.version)
    assert {f.id for f in template.fields} == {"dia_danh", "nguoi_ky", "phong_hop"}
    assert api.fill(api.example_draft(template)) == api.fill(draft)
    assert "giay-moi-hop-giao-ban" in prompts.calls["info"][0][1]


def test_save_as_template_shows_a_bad_id_under_the_text(make_window, library_db):
    """An id with capitals or accents is refused under the template text, and nothing can be submitted."""
    window = make_window(plain_letter())
    window.library.save_template_action.trigger()
    dialog = window.library.save_template_dialog
    dialog.id_edit.setText("Mẫu Mời")
    dialog.update_result()
    assert "mã mẫu" in dialog.problem.text()
    assert not dialog.submit_button.isEnabled()
    assert api.library_templates(include_all=True).error is None


def test_a_refused_approval_shows_the_message_in_a_dialog(make_window, library_db):
    """Issue 15: on a SQLite office whose profile names other reviewers, Approve shows the same one Vietnamese message
    as the command line (in the error dialog, no traceback) and the version stays waiting."""
    stored = api.save_template(office_source(), by="chuyên viên An", submit=True)
    api.set_office_profile({"nguoi_duyet": "chanh.vp"})
    prompts = ScriptedPrompts(confirm=True)
    window = make_window(prompts=prompts)
    library = _library(window)
    library.select(stored.template_id, stored.version)
    library.approve_button.click()
    [message] = [call[0] for call in prompts.calls["error"]]
    assert "không có quyền duyệt mẫu" in message and "chanh.vp" in message and "Traceback" not in message
    assert api.template_versions(stored.template_id)[0].state == "submitted"
