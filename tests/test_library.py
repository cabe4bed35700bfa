"""Template library: life cycle with who and when, immutable approved versions, diff, hashes and tampering,
"Save as template", import and export, on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import hashlib
import tomllib

import pytest

from ptdraft import api
from ptdraft.templating import render
from ptdraft.office import library
from ptdraft.templating import sandbox_check
from ptdraft.errors import InputError, TemplateError
from ptdraft.model import FieldKind, TemplateRef
from ptdraft.templating.templates import parse_template
from tests.support.storage import (  # noqa: F401 - db is a fixture
    assert_one_message,
    db,
    letter,
    raw_execute,
    run_cli,
)

SMALL = """\
# Giấy mời họp giao ban của một phòng (thử nghiệm)
id = "thong-bao-hop"
title = "Thông báo họp giao ban"
doc_type = "Thông báo"
version = 4

[approval]
state = "approved"
by = "Chánh Văn phòng nơi khác"
at = 2025-01-02

[[fields]]
id = "ngay_hop"
label = "Ngày họp"
kind = "text"
required = true

[[fields]]
id = "thanh_phan"
label = "Thành phần"
kind = "list"
default = []

[content]
authority = "SỞ NỘI VỤ"
issuer_code = "SNV"
unit_code = "VP"
place = "Quảng Trị"
date = "today"
subject = "về cuộc họp giao ban ngày {{ ngay_hop }}"
body = '''
Sở Nội vụ thông báo họp giao ban vào ngày {{ ngay_hop }}.
{% for nguoi in thanh_phan %}
Mời: {{ nguoi }}.
{% endfor %}
'''
close = "./."
distribution = ["Lãnh đạo Sở"]
archive = ["VP"]

[content.signature]
mode = "KT."
head_title = "GIÁM ĐỐC"
position = "PHÓ GIÁM ĐỐC"
name = "Trần Văn Bình"

[example]
ngay_hop = "15/6/2026"
thanh_phan = ["Giám đốc Sở", "Các phòng chuyên môn"]
"""
BODY = "Sở Nội vụ thông báo họp giao ban vào ngày {{ ngay_hop }}."


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def approved_small(db, by="Chánh Văn phòng"):
    stored = api.save_template(SMALL, by="chuyên viên An", submit=True, db=db)
    return api.approve_template(stored.template_id, stored.version, by=by, db=db)


def test_life_cycle_records_who_did_each_step_and_when(db):
    """draft → submitted → approved → retired, each step an event with its actor and time; clerks see approved only."""
    stored = api.save_template(SMALL, by="chuyên viên An", db=db)
    assert (stored.template_id, stored.version, stored.state) == ("thong-bao-hop", 1, "draft")
    assert "thong-bao-hop" not in {t.id for t in api.library_templates(db).templates}
    everything = api.library_templates(db, include_all=True)
    assert [(e.template.id, e.state) for e in everything.entries if e.origin == "library"] == [("thong-bao-hop", "draft")]

    api.submit_template("thong-bao-hop", 1, by="chuyên viên An", db=db)
    approved = api.approve_template("thong-bao-hop", 1, by="Chánh Văn phòng", db=db)
    assert approved.state == "approved" and approved.approved_by == "Chánh Văn phòng"
    offered = {e.template.id: e for e in api.library_templates(db).entries}
    assert offered["thong-bao-hop"].state == "approved"

    api.retire_template("thong-bao-hop", by="Chánh Văn phòng", db=db)
    assert "thong-bao-hop" not in {t.id for t in api.library_templates(db).templates}
    events = api.template_history("thong-bao-hop", db=db)
    assert [(e.action, e.state, e.actor) for e in events] == [
        ("created", "draft", "chuyên viên An"),
        ("submitted", "submitted", "chuyên viên An"),
        ("approved", "approved", "Chánh Văn phòng"),
        ("retired", "retired", "Chánh Văn phòng"),
    ]
    assert all(e.at[:4].isdigit() and "T" in e.at for e in events)


def test_approval_stamps_the_text_and_records_its_hash(db):
    """The approved text says who approved it and when, its version is the library's, and its SHA-256 is recorded."""
    approved = approved_small(db)
    data = tomllib.loads(approved.source)
    assert data["version"] == 1  # the file said 4; the library numbers its own versions
    assert data["approval"]["state"] == "approved"
    assert data["approval"]["by"] == "Chánh Văn phòng"
    assert approved.sha256 == sha(approved.source)
    assert "# Giấy mời họp giao ban của một phòng (thử nghiệm)" in approved.source  # comments kept
    template = api.library_template("thong-bao-hop", db=db)
    assert template.ref == TemplateRef("thong-bao-hop", 1, approved.sha256)
    draft = api.new_draft(template, {"ngay_hop": "20/6/2026"})
    assert draft.template == TemplateRef("thong-bao-hop", 1, approved.sha256)
    assert api.check_draft_template(draft, db=db) == "library"


def test_approved_version_never_changes_and_editing_makes_a_new_version(db):
    """An approved version cannot be approved, submitted or rewritten again; a changed text becomes version 2."""
    first = approved_small(db)
    with pytest.raises(InputError):
        api.approve_template("thong-bao-hop", 1, db=db)
    with pytest.raises(InputError):
        api.submit_template("thong-bao-hop", 1, db=db)
    edited = SMALL.replace(BODY, "Sở Nội vụ thông báo họp giao ban tháng vào ngày {{ ngay_hop }}.")
    second = api.save_template(edited, by="chuyên viên An", db=db)
    assert second.version == 2 and second.state == "draft"
    with pytest.raises(InputError, match="nháp|không thể"):
        api.approve_template("thong-bao-hop", 2, db=db)  # a draft must be submitted first
    api.submit_template("thong-bao-hop", 2, db=db)
    api.approve_template("thong-bao-hop", 2, by="Chánh Văn phòng", db=db)
    again = api.template_versions("thong-bao-hop", db=db)[0]
    assert (again.source, again.sha256, again.state) == (first.source, first.sha256, "approved")
    assert api.library_template("thong-bao-hop", db=db).version == 2
    assert api.library_template("thong-bao-hop", 1, db=db).sha256 == first.sha256


def test_diff_between_two_versions(db, capsys):
    """``template diff`` prints a unified diff of two versions' texts, and says so when they are the same."""
    approved_small(db)
    edited = SMALL.replace(BODY, "Sở Nội vụ thông báo họp giao ban tháng vào ngày {{ ngay_hop }}.")
    api.save_template(edited, by="chuyên viên An", submit=True, db=db)
    text = api.template_diff("thong-bao-hop", 1, 2, db=db)
    assert "--- thong-bao-hop phiên bản 1 (đã duyệt)" in text
    assert "+++ thong-bao-hop phiên bản 2 (chờ duyệt)" in text
    assert f"-{BODY}" in text.splitlines()
    assert "+Sở Nội vụ thông báo họp giao ban tháng vào ngày {{ ngay_hop }}." in text.splitlines()
    code, out, err = run_cli(capsys, "template", "diff", "thong-bao-hop", "1", "2", "--db", db)
    assert code == 0, err
    assert out == text
    code, out, _ = run_cli(capsys, "template", "diff", "thong-bao-hop", "2", "2", "--db", db)
    assert code == 0 and "giống hệt" in out


def test_tampered_stored_template_is_refused(db, capsys):
    """A stored text whose hash no longer matches is refused when read, listed as a problem, and exits 2."""
    approved_small(db)
    raw_execute(db, "UPDATE template_versions SET source = REPLACE(source, 'giao ban', 'GIAO BAN')")
    with pytest.raises(TemplateError, match="bị sửa"):
        api.library_template("thong-bao-hop", db=db)
    listing = api.library_templates(db)
    assert listing.error is None and len(listing.problems) == 1
    assert "thong-bao-hop" not in {t.id for t in listing.templates}
    code, _out, err = run_cli(capsys, "template", "show", "thong-bao-hop", "--db", db)
    assert_one_message(code, err, "bị sửa", "thong-bao-hop")


def test_draft_whose_template_hash_differs_gets_no_number(db, tmp_path, capsys):
    """A draft recording another hash than its library template's is refused by "Cấp số", and no number is taken."""
    approved = approved_small(db)
    draft = api.new_draft(api.library_template("thong-bao-hop", db=db), {"ngay_hop": "20/6/2026"})
    forged = dataclasses.replace(draft, template=TemplateRef("thong-bao-hop", 1, "0" * 64))
    path = tmp_path / "gia.json"
    api.save_draft(forged, path)
    code, _out, err = run_cli(capsys, "register", "issue", path, "--db", db)
    assert_one_message(code, err, "mã băm", "thong-bao-hop")
    assert api.preview_number(draft, db=db).number == 1
    assert api.load_draft(path).content.number is None
    assert approved.sha256 != "0" * 64


def test_shipped_template_hash_is_checked(db):
    """A draft of a shipped template passes with the shipped hash and is refused with another."""
    draft = letter()
    assert api.check_draft_template(draft, db=db) == "shipped"
    forged = dataclasses.replace(draft, template=dataclasses.replace(draft.template, sha256="f" * 64))
    with pytest.raises(TemplateError, match="mã băm"):
        api.check_draft_template(forged, db=db)


def test_save_as_template_from_a_blank_draft_round_trips(db):
    """Marked texts become required fields used as {{ field }}; the TOML parses and its example renders the draft."""
    blank = api.blank_draft()
    content = dataclasses.replace(
        blank.content,
        authority="SỞ NỘI VỤ",
        issuer_code="SNV",
        unit_code="VP",
        place="Quảng Trị",
        subject="về việc tổ chức hội nghị tổng kết năm 2026",
        recipients=("Các phòng chuyên môn",),
        body="Sở Nội vụ tổ chức hội nghị vào ngày 20/12/2026 tại Hội trường A, có {{ so_nguoi }} đại biểu.",
        signature=dataclasses.replace(blank.content.signature, position="GIÁM ĐỐC", name="Lê Văn Hải"),
    )
    draft = dataclasses.replace(blank, content=content, title="Hội nghị tổng kết")
    marked = {"20/12/2026": ("ngay", "Ngày tổ chức"), "Hội trường A": ("dia_diem", "Địa điểm"), "năm 2026": "nam"}
    text = api.template_from_draft(draft, "hoi-nghi-tong-ket", "Hội nghị tổng kết", marked)
    template = parse_template(text, "round-trip")
    assert (template.id, template.title, template.doc_type) == ("hoi-nghi-tong-ket", "Hội nghị tổng kết", "Công văn")
    by_id = {f.id: f for f in template.fields}
    assert set(by_id) == {"ngay", "dia_diem", "nam", "so_nguoi"}  # so_nguoi found in the body's Jinja
    assert by_id["ngay"].label == "Ngày tổ chức" and by_id["ngay"].required and by_id["ngay"].kind is FieldKind.TEXT
    assert template.content.body == (
        "Sở Nội vụ tổ chức hội nghị vào ngày {{ ngay }} tại {{ dia_diem }}, có {{ so_nguoi }} đại biểu."
    )
    assert template.content.subject == "về việc tổ chức hội nghị tổng kết {{ nam }}"
    assert dict(template.example) == {"ngay": "20/12/2026", "dia_diem": "Hội trường A", "nam": "năm 2026"}
    filled = render.fill(api.new_draft(template, {**template.example, "so_nguoi": "150"}))
    assert filled.body == "Sở Nội vụ tổ chức hội nghị vào ngày 20/12/2026 tại Hội trường A, có 150 đại biểu."
    assert filled.subject == content.subject and filled.recipients == content.recipients

    stored = api.save_draft_as_template(draft, "hoi-nghi-tong-ket", "Hội nghị tổng kết", marked, by="An", db=db)
    assert (stored.version, stored.state) == (1, "submitted")
    api.approve_template("hoi-nghi-tong-ket", 1, by="Chánh Văn phòng", db=db)
    again = api.library_template("hoi-nghi-tong-ket", db=db)
    other = render.fill(api.new_draft(again, {"ngay": "05/01/2027", "dia_diem": "Phòng họp số 2", "nam": "năm 2027",
                                              "so_nguoi": "80"}))
    assert other.body == "Sở Nội vụ tổ chức hội nghị vào ngày 05/01/2027 tại Phòng họp số 2, có 80 đại biểu."


def test_save_as_template_from_a_template_draft_keeps_its_fields(db):
    """From a draft of a shipped template, its fields stay and a text marked inside a value becomes a new field."""
    draft = letter()
    marked = {"15 tháng 6 năm 2026": ("han_bao_cao", "Hạn báo cáo"), "Quảng Trị": ("dia_danh", "Tỉnh")}
    text = api.template_from_draft(draft, "cong-van-bao-cao", "Công văn đề nghị báo cáo", marked)
    template = parse_template(text, "round-trip")
    by_id = {f.id: f for f in template.fields}
    assert {"co_quan", "ky_hieu_co_quan", "kinh_gui", "nguoi_ky", "han_bao_cao", "dia_danh"} <= set(by_id)
    assert by_id["dia_danh"].label == "Tỉnh"  # the whole value of a field: that field, relabelled
    assert "noi_dung" not in by_id  # its value was written into the text to mark a part of it
    assert "{{ han_bao_cao }}" in template.content.body
    original = render.fill(draft)
    again = render.fill(api.new_draft(template, template.example))
    assert again.body == original.body
    assert again.recipients == original.recipients and again.subject == original.subject
    assert again.number is None


def test_save_as_template_refuses_bad_marks():
    """A marked text not in the draft, or a field id with accents, is refused with a message."""
    draft = letter()
    with pytest.raises(InputError, match="không tìm thấy"):
        api.template_from_draft(draft, "mau-moi", "Mẫu mới", {"không có trong văn bản": "x"})
    with pytest.raises(InputError, match="mã trường"):
        api.template_from_draft(draft, "mau-moi", "Mẫu mới", {"Sở Nội vụ đề nghị": "Trường Mới"})
    with pytest.raises(InputError, match="mã mẫu"):
        api.template_from_draft(draft, "Mẫu Mới", "Mẫu mới", {"Sở Nội vụ đề nghị": "de_nghi"})
    assert api.field_id_for("Địa điểm tổ chức") == "dia_diem_to_chuc"


def test_import_shows_what_the_file_holds_and_waits_for_approval(db, tmp_path, capsys):
    """``template import`` prints a summary, stores the file as submitted, and replaces the other office's approval."""
    path = tmp_path / "thong-bao-hop.toml"
    path.write_text(SMALL, encoding="utf-8")
    code, out, err = run_cli(capsys, "template", "import", path, "--by", "văn thư", "--db", db)
    assert code == 0, err
    assert "Mẫu: Thông báo họp giao ban (mã thong-bao-hop" in out
    assert "ngay_hop: Ngày họp" in out and "Dựng thử với giá trị ví dụ: được" in out
    assert "chờ duyệt" in out
    [stored] = api.template_versions("thong-bao-hop", db=db)
    assert stored.state == "submitted" and stored.created_by == "văn thư"
    approval = tomllib.loads(stored.source)["approval"]
    assert approval["state"] == "submitted" and approval["by"] == "văn thư"
    assert api.template_history("thong-bao-hop", db=db)[0].action == "imported"


MALICIOUS = {
    "toml": ("version = = 1", "dòng"),
    "undeclared": ("{{ khong_khai_bao }}", "khong_khai_bao"),
    "internals": ("{{ ''.__class__.__mro__ }}", "không được phép"),
    "cycler-globals": ("{{ cycler.__init__.__globals__ }}", "cycler"),  # Jinja's globals are removed
    "value-internals": ("{{ ngay_hop.__class__.__mro__ }}", "không được phép"),
    "list-subclasses": ("{{ thanh_phan.__class__.__base__.__subclasses__() }}", "không được phép"),
    "format-internals": ("{{ '{0.__class__}'.format(ngay_hop) }}", "không được phép"),
    "include": ("{% include '/etc/passwd' %}", "đọc tệp"),
    "import": ("{% import 'macros.html' as m %}", "đọc tệp"),
    "nested-loops": ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "dừng"),
    "silent-loops": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "dừng"),
    "huge-string": ("{{ 'x' * 1000000000 }}", "quá lớn"),
    "huge-width": ("{{ '{:>999999999}'.format('x') }}", "quá lớn"),
    "doubling-macro": ("{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s }}{% endmacro %}{{ d('x', 60) }}", "quá lớn"),
}


@pytest.mark.parametrize("case", list(MALICIOUS), ids=list(MALICIOUS))
def test_import_refuses_invalid_and_malicious_templates(case, tmp_path, capsys):
    """A file that is not a valid template, reaches for internals, reads files or loops forever is refused, and nothing is stored."""
    code_text, word = MALICIOUS[case]
    if case == "toml":
        source = SMALL.replace("version = 4", code_text)
    else:
        source = SMALL.replace(BODY, BODY + "\n" + code_text)
    path = tmp_path / f"{case}.toml"
    path.write_text(source, encoding="utf-8")
    db_path = tmp_path / "ptdraft.sqlite3"
    code, out, err = run_cli(capsys, "template", "import", path, "--db", db_path)
    message = assert_one_message(code, err, word, path.name)
    assert "Traceback" not in out and "<class" not in message and "__globals__" not in message.split(":", 2)[-1]
    if db_path.exists():
        assert raw_execute(str(db_path), "SELECT COUNT(*) FROM template_versions") == [(0,)]


def test_refused_import_stores_nothing(db, tmp_path):
    """An import refused by the render limits leaves the library unchanged on either engine."""
    approved_small(db)
    path = tmp_path / "vong-lap.toml"
    path.write_text(SMALL.replace(BODY, BODY + "{% for i in range(100000) %}{% for j in range(100000) %}x"
                                              "{% endfor %}{% endfor %}"), encoding="utf-8")
    with pytest.raises(TemplateError, match="dừng"):
        api.import_template_file(path, db=db)
    assert raw_execute(db, "SELECT COUNT(*) FROM template_versions") == [(1,)]


def test_render_time_limit_stops_a_slow_template(monkeypatch):
    """A template that is slow in every step, not only long, is stopped by the time limit with a message."""
    from ptdraft.templating import render_limits

    monkeypatch.setattr(render_limits, "RENDER_SECONDS", 0.2)
    slow = "{% for i in range(100000) %}{{ range(100000)|list|length }}{% endfor %}"
    with pytest.raises(TemplateError, match="quá 0.2 giây"):
        render.render_text(slow, {}, "body")


def test_child_process_render_is_stopped_when_it_runs_too_long():
    """The import's child render is killed at its time limit, with a message naming the file."""
    source = parse_template(SMALL, "x").source
    with pytest.raises(TemplateError, match="chạy quá") as caught:
        sandbox_check.check_in_child(source, "cham.toml", timeout=0.001)
    assert caught.value.where == "cham.toml"
    sandbox_check.check_in_child(source, "tot.toml")  # a good template passes


def test_export_writes_the_stored_text(db, tmp_path, capsys):
    """``template export`` writes a version's text exactly as stored, which imports elsewhere as a new submission."""
    approved = approved_small(db)
    out_path = tmp_path / "xuat.toml"
    code, out, err = run_cli(capsys, "template", "export", "thong-bao-hop", "-o", out_path, "--db", db)
    assert code == 0, err
    assert out_path.read_bytes() == approved.source.encode("utf-8")
    assert sha(out_path.read_text(encoding="utf-8")) == approved.sha256
    elsewhere = tmp_path / "noi-khac.sqlite3"
    stored, _check = api.import_template_file(out_path, db=elsewhere)
    assert (stored.version, stored.state) == (1, "submitted")
    code, _out, err = run_cli(capsys, "template", "export", "giay-moi", "-o", tmp_path / "gm.toml", "--db", db)
    assert code == 0, err
    assert (tmp_path / "gm.toml").read_text(encoding="utf-8") == api.get_template("giay-moi").source


def test_template_commands_submit_approve_show_retire(db, tmp_path, capsys):
    """The command line takes a template from a file to approved and retired, and shows its history."""
    path = tmp_path / "mau.toml"
    path.write_text(SMALL, encoding="utf-8")
    code, out, err = run_cli(capsys, "template", "submit", path, "--by", "An", "--db", db)
    assert code == 0 and "chờ duyệt" in out, err
    code, out, err = run_cli(capsys, "templates", "--db", db)
    assert code == 0 and "thong-bao-hop" not in out, err
    code, out, err = run_cli(capsys, "templates", "--all", "--db", db)
    assert code == 0 and "thong-bao-hop" in out and "chờ duyệt" in out and "thư viện" in out, err
    code, out, err = run_cli(capsys, "template", "approve", "thong-bao-hop", "--by", "Bình", "--db", db)
    assert code == 0 and "Đã duyệt" in out, err
    code, out, err = run_cli(capsys, "templates", "--db", db)
    assert code == 0 and "thong-bao-hop" in out, err
    code, out, err = run_cli(capsys, "template", "show", "thong-bao-hop", "--db", db)
    assert code == 0, err
    assert "gửi duyệt bởi An" in out and "duyệt bởi Bình" in out and 'id = "thong-bao-hop"' in out
    code, out, err = run_cli(capsys, "template", "retire", "thong-bao-hop", "--db", db)
    assert code == 0 and "ngừng dùng" in out, err
    code, _out, err = run_cli(capsys, "template", "approve", "thong-bao-hop", "--db", db)
    assert_one_message(code, err, "chờ duyệt")



def test_refused_state_changes_name_the_states_in_vietnamese(db, tmp_path, capsys):
    """Approving or retiring a version twice names the states in Vietnamese (đã duyệt, ngừng dùng), never by their
    codes."""
    path = tmp_path / "mau.toml"
    path.write_text(SMALL, encoding="utf-8")
    assert run_cli(capsys, "template", "submit", path, "--db", db)[0] == 0
    assert run_cli(capsys, "template", "approve", "thong-bao-hop", "--version", "1", "--db", db)[0] == 0
    code, _out, err = run_cli(capsys, "template", "approve", "thong-bao-hop", "--version", "1", "--db", db)
    line = assert_one_message(code, err, "đang ở trạng thái 'đã duyệt'", "'chờ duyệt'")
    assert "approved" not in line and "submitted" not in line
    assert run_cli(capsys, "template", "retire", "thong-bao-hop", "--version", "1", "--db", db)[0] == 0
    code, _out, err = run_cli(capsys, "template", "retire", "thong-bao-hop", "--version", "1", "--db", db)
    line = assert_one_message(code, err, "'ngừng dùng'")
    assert not {"retired", "draft", "approved", "submitted"} & set(line.replace("'", " ").replace(",", " ").split())
    with pytest.raises(InputError) as refused:
        api.submit_template("thong-bao-hop", 1, db=db)
    assert "'ngừng dùng'" in refused.value.message and "'nháp'" in refused.value.message
    assert "retired" not in refused.value.message


def test_stamp_keeps_every_other_line():
    """Stamping a version and approval changes only those lines of a shipped template's text."""
    for template in api.list_templates():
        import datetime as _dt

        from ptdraft.templating import template_text

        stamped = template_text.stamp(template.source, version=9, state="approved", by="Bình", at=_dt.date(2026, 1, 2))
        changed = set(stamped.splitlines()) ^ set(template.source.splitlines())
        assert changed <= {f"version = {template.version}", "version = 9", 'state = "approved"', 'by = "Bình"',
                           "at = 2026-01-02", f'by = "{template.approval.by}"', f"at = {template.approval.at}"}
        assert library.check_source(stamped, "stamped").template.version == 9
