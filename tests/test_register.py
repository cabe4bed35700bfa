"""Outgoing register: numbers from 01, a series per issuer, year and book, preview, cancel, the record kept,
the command line, and the XLSX and CSV exports, on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import json

import pytest

from ptdraft import api
from ptdraft.errors import InputError, OutputError
from tests.support.storage import (  # noqa: F401 - db is a fixture
    assert_one_message,
    dated,
    db,
    letter,
    raw_execute,
    run_cli,
)

JAN_2026 = _dt.date(2026, 1, 5)


def decision(**changes):
    """A Quyết định of the provincial People's Committee (Số: …/QĐ-UBND)."""
    template = api.get_template("quyet-dinh")
    return dated(api.example_draft(template), JAN_2026, **changes)


def test_numbers_start_at_01_and_follow_each_other(db):
    """The first number of a series is 01, then 02, 03, each with its full symbol."""
    symbols = [api.issue_number(dated(letter(), JAN_2026), db=db, user="văn thư")[1].symbol for _ in range(3)]
    assert symbols == ["01/SNV-CCHC", "02/SNV-CCHC", "03/SNV-CCHC"]
    first = api.issue_number(decision(), db=db)[1]
    assert (first.number, first.symbol, first.issuer) == (1, "01/QĐ-UBND", "UBND")


def test_numbers_restart_each_year(db):
    """A document dated in a new year starts again at 01; the old year's series goes on where it was."""
    last_year = dated(letter(), _dt.date(2025, 12, 31))
    assert api.issue_number(last_year, db=db)[1].symbol == "01/SNV-CCHC"
    assert api.issue_number(last_year, db=db)[1].number == 2
    new_year = api.issue_number(dated(letter(), _dt.date(2026, 1, 1)), db=db)[1]
    assert (new_year.year, new_year.number) == (2026, 1)
    assert api.issue_number(last_year, db=db)[1].number == 3
    assert [e.number for e in api.register_entries(db=db, year=2025)] == [1, 2, 3]


def test_secret_documents_have_their_own_book(db):
    """A document with a secrecy mark takes its number from the secret book, which counts from 01 on its own."""
    for _ in range(2):
        api.issue_number(dated(letter(), JAN_2026), db=db)
    secret = api.issue_number(dated(letter(), JAN_2026, secrecy="MẬT"), db=db)[1]
    assert (secret.book, secret.number) == ("secret", 1)
    ordinary = api.issue_number(dated(letter(), JAN_2026), db=db)[1]
    assert (ordinary.book, ordinary.number) == ("ordinary", 3)
    assert [e.number for e in api.register_entries(db=db, book="mat")] == [1]


def test_preview_does_not_take_the_number(db):
    """Previewing shows the next number and takes nothing; "Cấp số" then gives exactly that number."""
    draft = dated(letter(), JAN_2026)
    api.issue_number(draft, db=db)
    assert api.preview_number(draft, db=db).symbol == "02/SNV-CCHC"
    assert api.preview_number(draft, db=db).line == "Số: 02/SNV-CCHC"
    assert api.issue_number(draft, db=db)[1].symbol == "02/SNV-CCHC"


def test_cancelled_number_is_kept_and_never_given_again(db):
    """A cancelled number stays in the register as cancelled; the next document gets the next number."""
    draft = dated(letter(), JAN_2026)
    for _ in range(3):
        api.issue_number(draft, db=db)
    cancelled = api.cancel_number(2, year=2026, reason="cấp nhầm", user="văn thư", db=db)
    assert (cancelled.status, cancelled.cancelled_by, cancelled.cancel_reason) == ("cancelled", "văn thư", "cấp nhầm")
    assert api.issue_number(draft, db=db)[1].number == 4
    entries = api.register_entries(db=db, year=2026)
    assert [(e.number, e.status) for e in entries] == [(1, "issued"), (2, "cancelled"), (3, "issued"), (4, "issued")]
    with pytest.raises(InputError, match="đã bị hủy"):
        api.cancel_number(2, year=2026, db=db)
    with pytest.raises(InputError, match="không có số 09"):
        api.cancel_number(9, year=2026, db=db)


def test_the_record_holds_what_the_register_needs(db):
    """"Cấp số" records symbol, date, type, subject, signer, recipients, Nơi nhận, template, who and when."""
    numbered, entry = api.issue_number(dated(letter(), JAN_2026), db=db, user="Nguyễn Thị Lan", draft_path="d.json")
    assert numbered.content.number == 1
    assert entry.doc_date == JAN_2026 and entry.doc_type == "Công văn"
    assert entry.subject == "báo cáo kết quả cải cách hành chính"
    assert entry.signer == "Trần Thị Minh Hà"
    assert entry.recipients == ("Các sở, ban, ngành", "Ủy ban nhân dân các xã")
    assert entry.distribution[0].startswith("Như trên") and entry.distribution[-1].startswith("Lưu: VT")
    assert entry.issued_by == "Nguyễn Thị Lan" and entry.issued_at[:4].isdigit()
    assert (entry.template_id, entry.template_version) == ("cong-van-chung", 1)
    assert entry.template_sha256 == api.get_template("cong-van-chung").sha256
    assert entry.status == "issued" and entry.draft_path == "d.json"


def test_unfinished_or_numbered_drafts_get_no_number(db):
    """A draft missing a required value or the issuer code, or already numbered, is refused and takes nothing."""
    draft = dated(letter(), JAN_2026)
    missing = api.with_values(draft, {**draft.values, "nguoi_ky": ""})
    with pytest.raises(InputError, match="nguoi_ky"):
        api.issue_number(missing, db=db)
    no_issuer = api.with_values(draft, {**draft.values, "ky_hieu_co_quan": ""})
    with pytest.raises(InputError, match="thiếu|viết tắt"):
        api.issue_number(no_issuer, db=db)
    numbered = api.issue_number(draft, db=db)[0]
    with pytest.raises(InputError, match="đã được cấp số 01"):
        api.issue_number(numbered, db=db)
    assert api.preview_number(draft, db=db).number == 2


def test_issue_command_writes_the_number_into_the_draft(db, tmp_path, capsys):
    """``register issue`` prints the number, writes it into the draft file and records the DOCX's path and hash."""
    path = tmp_path / "cong-van.json"
    api.save_draft(dated(letter(), JAN_2026), path)
    code, out, err = run_cli(capsys, "register", "issue", path, "--preview", "--db", db)
    assert code == 0 and "01/SNV-CCHC" in out and "chưa lấy số" in out, err
    assert api.load_draft(path).content.number is None
    docx = tmp_path / "cong-van.docx"
    code, out, err = run_cli(capsys, "register", "issue", path, "--docx", docx, "--user", "văn thư", "--db", db)
    assert code == 0, err
    assert "Đã cấp số: 01/SNV-CCHC" in out
    assert api.load_draft(path).content.number == 1
    [entry] = api.register_entries(db=db)
    assert entry.file_path == str(docx.resolve())
    assert entry.file_sha256 == hashlib.sha256(docx.read_bytes()).hexdigest()
    assert entry.issued_by == "văn thư"
    code, _out, err = run_cli(capsys, "register", "issue", path, "--db", db)
    assert_one_message(code, err, "đã được cấp số 01")
    assert len(api.register_entries(db=db)) == 1


def test_list_command_prints_one_json_object_per_entry(db, capsys):
    """``register list --json`` prints one object a line with number, symbol, date, subject and status."""
    for day in (_dt.date(2025, 3, 1), JAN_2026, JAN_2026):
        api.issue_number(dated(letter(), day), db=db)
    api.cancel_number(1, year=2026, db=db)
    code, out, err = run_cli(capsys, "register", "list", "--year", "2026", "--json", "--db", db)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["number"], r["symbol"], r["date"], r["status"]) for r in rows] == [
        (1, "01/SNV-CCHC", "2026-01-05", "cancelled"),
        (2, "02/SNV-CCHC", "2026-01-05", "issued"),
    ]
    assert all(r["subject"] == "báo cáo kết quả cải cách hành chính" for r in rows)
    code, out, err = run_cli(capsys, "register", "list", "--db", db)
    assert code == 0 and "01/SNV-CCHC" in out and "đã hủy" in out, err


def test_cancel_command(db, capsys):
    """``register cancel 05/…`` cancels by number in the current year; an unknown number is one message."""
    today = _dt.date.today()
    for _ in range(2):
        api.issue_number(dated(letter(), today), db=db)
    code, out, err = run_cli(capsys, "register", "cancel", "02/SNV-CCHC", "--reason", "trùng", "--db", db)
    assert code == 0 and "Đã hủy số 02/SNV-CCHC" in out, err
    code, _out, err = run_cli(capsys, "register", "cancel", "7", "--db", db)
    assert_one_message(code, err, "không có số 07")
    with pytest.raises(SystemExit) as stopped:
        run_cli(capsys, "register", "cancel", "bảy", "--db", db)
    assert stopped.value.code == 2 and "không phải số văn bản" in capsys.readouterr().err


def test_exports_reopen_with_the_right_rows(db, tmp_path, capsys):
    """The XLSX (openpyxl) and CSV exports hold a header and one row per entry, with Vietnamese text intact."""
    from openpyxl import load_workbook

    api.issue_number(dated(letter(), JAN_2026), db=db)
    api.issue_number(dated(letter(), _dt.date(2026, 2, 3), secrecy="MẬT"), db=db)
    api.issue_number(decision(), db=db)
    api.cancel_number(1, year=2026, issuer="UBND", db=db)
    xlsx, csv_path = tmp_path / "so.xlsx", tmp_path / "so.csv"
    assert run_cli(capsys, "register", "export", "--xlsx", "-o", xlsx, "--db", db)[0] == 0
    assert run_cli(capsys, "register", "export", "--csv", "-o", csv_path, "--db", db)[0] == 0

    sheet = load_workbook(xlsx).active
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:6] == ("Số", "Số, ký hiệu văn bản", "Ngày văn bản", "Tên loại văn bản", "Trích yếu nội dung", "Người ký")
    column = {name: i for i, name in enumerate(header)}
    body = sorted(rows[1:], key=lambda r: r[column["Số, ký hiệu văn bản"]])
    assert [r[column["Số, ký hiệu văn bản"]] for r in body] == ["01/QĐ-UBND", "01/SNV-CCHC", "01/SNV-CCHC"]
    assert {r[column["Sổ"]] for r in body} == {"Thường", "Mật"}
    assert [r[column["Trạng thái"]] for r in body].count("đã hủy") == 1
    dates = {r[column["Ngày văn bản"]].date() for r in body}
    assert dates == {JAN_2026, _dt.date(2026, 2, 3)}

    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert tuple(table[0]) == header
    assert len(table) == 4
    assert {row[column["Ngày văn bản"]] for row in table[1:]} == {"05/01/2026", "03/02/2026"}
    assert any(row[column["Trích yếu nội dung"]].startswith("Về việc thành lập") for row in table[1:])


def test_a_docx_path_that_cannot_be_written_takes_no_number(db, tmp_path, capsys):
    """``register issue --docx`` into a missing folder or onto a folder is refused before a number is taken."""
    path = tmp_path / "z.json"
    api.save_draft(dated(letter(), JAN_2026), path)
    (tmp_path / "thu-muc.docx").mkdir()
    for docx, words in (
        (tmp_path / "khong-co" / "z.docx", ("không tồn tại", "chưa cấp số")),
        (tmp_path / "thu-muc.docx", ("thư mục", "chưa cấp số")),
    ):
        code, out, err = run_cli(capsys, "register", "issue", path, "--docx", docx, "--db", db)
        assert_one_message(code, err, str(docx), *words)
        assert out == ""
    assert api.register_entries(db=db) == []
    assert api.load_draft(path).content.number is None
    assert api.preview_number(api.load_draft(path), db=db).number == 1


def test_a_docx_that_fails_after_the_number_was_taken_says_the_number_was_issued(db, tmp_path, capsys, monkeypatch):
    """When writing the DOCX fails after "Cấp số", the one message says which number was issued and recorded."""
    path = tmp_path / "z.json"
    api.save_draft(dated(letter(), JAN_2026), path)
    docx = tmp_path / "z.docx"

    def disk_full(_draft, target, **_kwargs):
        raise OutputError("không ghi được tệp (No space left on device)", str(target))

    from ptdraft.api import drafting

    monkeypatch.setattr(drafting, "export_docx", disk_full)  # where the library part of the interface finds it
    code, out, err = run_cli(capsys, "register", "issue", path, "--docx", docx, "--db", db)
    assert_one_message(
        code, err, "đã cấp số 01/SNV-CCHC và ghi vào sổ, nhưng không ghi được tệp DOCX", "No space left", str(docx)
    )
    [entry] = api.register_entries(db=db)
    assert (entry.symbol, entry.file_path) == ("01/SNV-CCHC", "")
    assert api.load_draft(path).content.number == 1


def test_preview_of_a_numbered_draft_says_the_number_it_has(db, tmp_path, capsys):
    """``--preview`` and api.preview_number on a draft that already has 01 say so, as "Cấp số" does, and take
    nothing."""
    path = tmp_path / "d1.json"
    api.save_draft(dated(letter(), JAN_2026), path)
    assert run_cli(capsys, "register", "issue", path, "--db", db)[0] == 0
    code, out, err = run_cli(capsys, "register", "issue", path, "--preview", "--db", db)
    assert_one_message(code, err, "đã được cấp số 01")
    assert "Số sẽ cấp" not in out
    with pytest.raises(InputError, match="đã được cấp số 01"):
        api.preview_number(api.load_draft(path), db=db)
    assert [e.number for e in api.register_entries(db=db)] == [1]


def test_list_and_exports_name_the_book_of_each_number(db, tmp_path, capsys):
    """Two 01/SNV-CCHC of the same day, one ordinary and one secret, are told apart by the book in the table, the
    JSON and the CSV and XLSX exports."""
    from openpyxl import load_workbook

    api.issue_number(dated(letter(), JAN_2026), db=db)
    api.issue_number(dated(letter(), JAN_2026, secrecy="MẬT"), db=db)
    code, out, err = run_cli(capsys, "register", "list", "--db", db)
    assert code == 0, err
    header, *lines = out.splitlines()
    assert "SỔ" in header.split()
    assert [line.split()[2] for line in lines] == ["Thường", "Mật"]
    code, out, err = run_cli(capsys, "register", "list", "--json", "--db", db)
    assert [(json.loads(line)["symbol"], json.loads(line)["book"]) for line in out.splitlines()] == [
        ("01/SNV-CCHC", "ordinary"), ("01/SNV-CCHC", "secret"),
    ]
    csv_path, xlsx = tmp_path / "so.csv", tmp_path / "so.xlsx"
    assert run_cli(capsys, "register", "export", "--csv", "-o", csv_path, "--db", db)[0] == 0
    assert run_cli(capsys, "register", "export", "--xlsx", "-o", xlsx, "--db", db)[0] == 0
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["Số, ký hiệu văn bản"], r["Sổ"]) for r in table] == [("01/SNV-CCHC", "Thường"), ("01/SNV-CCHC", "Mật")]
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    book = rows[0].index("Sổ")
    assert [r[book] for r in rows[1:]] == ["Thường", "Mật"]


def test_exports_join_kinh_gui_and_noi_nhan_with_one_semicolon(db, tmp_path):
    """The register stores list entries without their own final punctuation, and the CSV and XLSX exports join
    them with one "; " (also for entries recorded with punctuation by an earlier version)."""
    from openpyxl import load_workbook

    draft = letter(kinh_gui=["Các sở, ban, ngành;", "Ủy ban nhân dân các xã."], noi_nhan=["CT, PCT UBND tỉnh (b/c);"])
    entry = api.issue_number(dated(draft, JAN_2026), db=db)[1]
    assert entry.recipients == ("Các sở, ban, ngành", "Ủy ban nhân dân các xã")
    assert entry.distribution == ("Như trên", "CT, PCT UBND tỉnh (b/c)", "Lưu: VT, CCHC")
    api.issue_number(dated(draft, JAN_2026), db=db)
    raw_execute(db, "UPDATE register_entries SET distribution = ? WHERE number = 2",
                (json.dumps(["Như trên;", "CT, PCT UBND tỉnh (b/c);", "Lưu: VT, CCHC."], ensure_ascii=False),))
    expected = ("Các sở, ban, ngành; Ủy ban nhân dân các xã", "Như trên; CT, PCT UBND tỉnh (b/c); Lưu: VT, CCHC")
    csv_path, xlsx = tmp_path / "so.csv", tmp_path / "so.xlsx"
    api.export_register(csv_path, "csv", db=db)
    api.export_register(xlsx, "xlsx", db=db)
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["Kính gửi"], r["Nơi nhận"]) for r in table] == [expected, expected]
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    columns = (rows[0].index("Kính gửi"), rows[0].index("Nơi nhận"))
    assert [tuple(r[i] for i in columns) for r in rows[1:]] == [expected, expected]
