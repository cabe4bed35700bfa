"""Mail merge: one draft and a table of recipients give one original per row, checked before anything is written.

Tables are built here with openpyxl or as CSV text; every letter written is reopened and its
Kính gửi, number and date read back.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from ptdraft import api, cli
from ptdraft.outputs import merge
from ptdraft.errors import InputError, OutputError
from tests.support import FIXED_DATE, with_fixed_date


def _xlsx(path: Path, rows: list[list[object]], *, merged: str | None = None, title: str = "Danh sách") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if merged:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def cong_van():
    """The general công văn with its example values, dated FIXED_DATE and numbered 7."""
    draft = with_fixed_date(api.example_draft(api.get_template("cong-van-chung")))
    import dataclasses

    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, number=7))


@pytest.fixture
def giay_moi():
    return with_fixed_date(api.example_draft(api.get_template("giay-moi")))


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


# -- reading tables -------------------------------------------------------------------------------------


def test_xlsx_and_csv_read_alike(tmp_path):
    """The same table as XLSX, as a comma CSV and as a semicolon CSV with a BOM gives the same columns and rows."""
    rows = [["Kính gửi", "Tên tệp"], ["Sở Tài chính", "so-tai-chinh"], ["Sở Xây dựng", "so-xay-dung"]]
    tables = [
        merge.read_table(_xlsx(tmp_path / "a.xlsx", rows)),
        merge.read_table(_csv(tmp_path / "b.csv", rows)),
        merge.read_table(_csv(tmp_path / "c.csv", rows, delimiter=";", encoding="utf-8-sig")),
    ]
    for table in tables:
        assert table.columns == ("Kính gửi", "Tên tệp")
        assert table.rows == (("Sở Tài chính", "so-tai-chinh"), ("Sở Xây dựng", "so-xay-dung"))
        assert table.first_row == 2


def test_xlsx_cells_keep_their_kind(tmp_path):
    """A date cell stays a date, a whole number prints without ".0", an empty cell is empty."""
    path = _xlsx(tmp_path / "a.xlsx", [["Ngày", "Số", "Ghi chú"], [_dt.datetime(2027, 1, 15), 12.0, None]])
    assert merge.read_table(path).rows == ((_dt.date(2027, 1, 15), "12", ""),)


@pytest.mark.parametrize("make,expected", [
    (lambda p: _xlsx(p / "f.xlsx", [["Kính gửi"], ["=A1&\"x\""]]), "ô A2 chứa công thức"),
    (lambda p: _xlsx(p / "m.xlsx", [["Kính gửi", "Tên tệp"], ["A", "a"], ["B", "b"]], merged="A2:A3"), "ô gộp (A2:A3)"),
    (lambda p: (p / "k.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512) and p / "k.xlsx",
     "đặt mật khẩu"),
    (lambda p: (p / "x.xlsx").write_bytes(b"PK\x03\x04 not really a zip") and p / "x.xlsx", "bị hỏng"),
    (lambda p: (p / "v.csv").write_bytes(b"K\xednh g\xe1i\nS\xf4 T\xe0i ch\xednh\n") and p / "v.csv",
     "dòng 1 không phải chữ UTF-8"),
    (lambda p: _csv(p / "d.csv", [["Kính gửi", "kinh gui"], ["A", "B"]]), "hai cột cùng tên"),
    (lambda p: _csv(p / "e.csv", [["Kính gửi", ""], ["A", "B"]]), "dòng 2 có giá trị ở cột không có tên"),
    (lambda p: _csv(p / "g.csv", [["Kính gửi", "", "Tên tệp"], ["A", "", "a"]]), "cột 2 của dòng đầu không có tên"),
    (lambda p: (p / "s.ods").write_bytes(b"x") and p / "s.ods", "phải là tệp .xlsx hoặc .csv"),
    (lambda p: p, "không phải một tệp thường"),
])
def test_bad_tables_are_one_message(tmp_path, make, expected):
    """Formulas, merged cells, a locked or broken workbook, a legacy encoding, bad headers, a folder: one message."""
    with pytest.raises(InputError) as error:
        merge.read_table(make(tmp_path))
    assert expected in str(error.value)


def test_too_many_rows_is_refused_with_the_limit(tmp_path):
    """100,000 rows are refused before any letter is planned; the message names the limit."""
    path = tmp_path / "big.csv"
    path.write_text("Kính gửi\n" + "".join(f"Xã {n}\n" for n in range(100_000)), encoding="utf-8")
    with pytest.raises(InputError) as error:
        merge.read_table(path)
    assert "10.000" in str(error.value)


# -- mapping and planning --------------------------------------------------------------------------------


def test_columns_match_fields_by_id_or_label_and_kinh_gui(tmp_path, giay_moi):
    """"Chủ trì" (a label), "dia_diem" (an id), "kính gửi" (the recipients), "Tên tệp"; an unknown column is shown unused."""
    table = merge.read_table(_csv(tmp_path / "a.csv", [["CHỦ TRÌ", "dia_diem", "Tên tệp", "Ghi chú riêng"], ["x", "y", "z", "w"]]))
    columns = merge.map_columns(table, giay_moi)
    assert [(c.target, c.field.id if c.field else None) for c in columns] == [
        (merge.Target.FIELD, "chu_tri"), (merge.Target.FIELD, "dia_diem"),
        (merge.Target.FILE_NAME, None), (merge.Target.IGNORED, None)]
    lines = merge.plan(giay_moi, table, columns).preview()
    assert any("Ghi chú riêng → (không dùng" in line for line in lines)


def test_kinh_gui_column_feeds_the_recipients_field(tmp_path, cong_van):
    """A template whose Kính gửi prints a list field gets that field from the "Kính gửi" column."""
    table = merge.read_table(_csv(tmp_path / "a.csv", [["Kính gửi"], ["Sở Tài chính"]]))
    (column,) = merge.map_columns(table, cong_van)
    assert column.target is merge.Target.FIELD and column.field.id == "kinh_gui"


def test_no_usable_column_is_refused(tmp_path, cong_van):
    table = merge.read_table(_csv(tmp_path / "a.csv", [["Màu"], ["xanh"]]))
    with pytest.raises(InputError) as error:
        merge.plan(cong_van, table)
    assert "không cột nào trùng" in str(error.value)


def test_bad_rows_are_reported_by_row_and_column(tmp_path, giay_moi):
    """A bad date, an impossible date, an empty row, a missing required value and a duplicate file name."""
    import dataclasses

    giay_moi = dataclasses.replace(giay_moi, values={**giay_moi.values, "chu_tri": ""})
    rows = [
        ["Chủ trì", "Ngày họp", "Tên tệp"],
        ["đồng chí A", "15/01/2027", "a"],
        ["đồng chí B", "31/04/2027", "b"],
        ["", "", ""],
        ["", "16/01/2027", "c"],
        ["đồng chí D", "2027-01-17", "a"],
        ["đồng chí E", "mai", "e"],
    ]
    plan = merge.plan(giay_moi, merge.read_table(_xlsx(tmp_path / "a.xlsx", rows)))
    assert [letter.row for letter in plan.letters] == [2]
    found = [(p.row, p.column) for p in plan.problems]
    assert found == [(3, "Ngày họp"), (4, ""), (5, "Chủ trì"), (6, "Tên tệp"), (7, "Ngày họp")]
    messages = {p.row: p.message for p in plan.problems}
    assert "tháng 4 năm 2027 chỉ có 30 ngày" in messages[3] and messages[4] == "dòng trống"
    assert "trùng với dòng 2" in messages[6]
    assert plan.letters[0].draft.values["thoi_gian"] == "2027-01-15"  # the date typed, exactly


# -- writing ---------------------------------------------------------------------------------------------


def _recipients_table(tmp_path: Path, names: list[str]) -> merge.Table:
    return merge.read_table(_csv(tmp_path / "ds.csv", [["Kính gửi"], *[[n] for n in names]]))


def test_one_original_per_row_sharing_number_and_date(tmp_path, cong_van):
    """Each letter has its own Kính gửi and the draft's number and date; the file copy lists every recipient."""
    names = ["Sở Tài chính", "Sở Xây dựng", "Ủy ban nhân dân xã Triệu Phong"]
    plan = merge.plan(cong_van, _recipients_table(tmp_path, names))
    summary = merge.write(plan, tmp_path / "out")
    assert [p.name for p in summary.written] == ["001-so-tai-chinh.docx", "002-so-xay-dung.docx",
                                                 "003-uy-ban-nhan-dan-xa-trieu-phong.docx"]
    for path, name in zip(summary.written, names):
        text = _text(path)
        assert f"Kính gửi: {name}" in text
        assert not any(other in text for other in names if other != name)
        assert "Số: 07/SNV-CCHC" in text and "ngày 05 tháng 01 năm 2026" in text
    copy = _text(summary.file_copy)
    assert all(f"- {name}" in copy for name in names)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([*(p.name for p in summary.written), "ban-luu.docx"])


def test_nothing_is_written_when_a_row_is_bad_unless_asked(tmp_path, giay_moi):
    """With a bad row, the default writes nothing; ``skip_bad_rows`` writes the good rows and reports the rest."""
    rows = [["Chủ trì", "Ngày họp"], ["đồng chí A", "15/01/2027"], ["đồng chí B", "30/02/2027"]]
    plan = merge.plan(giay_moi, merge.read_table(_xlsx(tmp_path / "a.xlsx", rows)))
    with pytest.raises(InputError) as error:
        merge.write(plan, tmp_path / "out")
    assert "dòng 3, cột 'Ngày họp'" in str(error.value)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    summary = merge.write(plan, tmp_path / "out", skip_bad_rows=True)
    assert len(summary.written) == 1 and [p.row for p in summary.skipped] == [3]
    assert "Thứ Sáu, ngày 15 tháng 01 năm 2027" in _text(summary.written[0]) or "15 tháng 01 năm 2027" in _text(summary.written[0])


def test_existing_files_are_never_replaced_unless_asked(tmp_path, cong_van):
    plan = merge.plan(cong_van, _recipients_table(tmp_path, ["Sở Tài chính"]))
    out = tmp_path / "out"
    out.mkdir()
    (out / "001-so-tai-chinh.docx").write_bytes(b"the clerk's own file")
    with pytest.raises(OutputError):
        merge.write(plan, out)
    assert (out / "001-so-tai-chinh.docx").read_bytes() == b"the clerk's own file"
    merge.write(plan, out, replace=True)
    assert zipfile.is_zipfile(out / "001-so-tai-chinh.docx")


def test_cancel_leaves_complete_files_only(tmp_path, cong_van):
    """Cancelled after the second letter: two complete DOCX files, no file copy, no temporary file."""
    plan = merge.plan(cong_van, _recipients_table(tmp_path, [f"Xã {n}" for n in range(1, 9)]))
    seen = []
    summary = merge.write(plan, tmp_path / "out", progress=lambda done, total: seen.append((done, total)),
                          cancelled=lambda: len(seen) >= 2)
    assert summary.cancelled and len(summary.written) == 2 and summary.file_copy is None
    assert seen == [(1, 8), (2, 8)]
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == ["001-xa-1.docx", "002-xa-2.docx"]
    assert all(zipfile.ZipFile(f).testzip() is None for f in files)


def test_a_failure_mid_way_leaves_complete_files_only(tmp_path, cong_van, monkeypatch):
    """A letter that cannot be built (here: the fourth) stops the merge; what was written is whole, nothing half-written."""
    plan = merge.plan(cong_van, _recipients_table(tmp_path, [f"Xã {n}" for n in range(1, 7)]))
    real = merge.Letter.docx
    calls = []

    def failing(letter):
        calls.append(letter.row)
        if len(calls) == 4:
            raise OSError("disk full")
        return real(letter)

    monkeypatch.setattr(merge.Letter, "docx", failing)
    with pytest.raises(OSError):
        merge.write(plan, tmp_path / "out")
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == ["001-xa-1.docx", "002-xa-2.docx", "003-xa-3.docx"]
    assert all(zipfile.ZipFile(f).testzip() is None for f in files)


def test_one_file_holds_every_letter_each_in_its_own_section(tmp_path, cong_van):
    """``one_file``: one DOCX, one section per letter, each with a first page of its own and numbers from 1 again."""
    names = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế"]
    summary = merge.write(merge.plan(cong_van, _recipients_table(tmp_path, names)), tmp_path / "out", one_file="tat-ca.docx")
    assert [p.name for p in summary.written] == ["tat-ca.docx"]
    xml = zipfile.ZipFile(summary.written[0]).read("word/document.xml").decode("utf-8")
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", xml)
    assert len(sections) == 3
    assert all("<w:titlePg/>" in s and '<w:pgNumType w:start="1"/>' in s for s in sections)
    text = _text(summary.written[0])
    assert [text.count(f"Kính gửi: {n}") for n in names] == [1, 1, 1]


def test_an_empty_cell_takes_the_drafts_common_value(tmp_path, giay_moi):
    """A cell left empty in a field's column prints the value the draft gives every letter."""
    rows = [["Chủ trì", "Ngày họp"], ["", "15/01/2027"]]
    plan = merge.plan(giay_moi, merge.read_table(_xlsx(tmp_path / "a.xlsx", rows)))
    assert not plan.problems
    assert plan.letters[0].draft.values["chu_tri"] == giay_moi.values["chu_tri"]


def test_cli_merge_preview_writes_nothing_and_errors_exit_2(tmp_path, cong_van, capsys):
    """``ptdraft merge --preview`` shows the mapping and the first rows; a bad row without --skip-bad-rows exits 2."""
    draft = tmp_path / "cv.json"
    api.save_draft(cong_van, draft)
    rows = _csv(tmp_path / "ds.csv", [["Kính gửi", "Tên tệp"], ["Sở Tài chính", "stc"], ["", ""], ["Sở Y tế", "syt"]])
    assert cli.main(["merge", str(draft), "--rows", str(rows), "-o", str(tmp_path / "out"), "--preview"]) == 0
    out = capsys.readouterr().out
    assert "Kính gửi → trường 'kinh_gui'" in out and "dòng 2: stc.docx" in out and "lỗi dòng 3: dòng trống" in out
    assert not (tmp_path / "out").exists()
    assert cli.main(["merge", str(draft), "--rows", str(rows), "-o", str(tmp_path / "out")]) == 2
    assert "chưa ghi tệp nào" in capsys.readouterr().err
    assert cli.main(["merge", str(draft), "--rows", str(rows), "-o", str(tmp_path / "out"), "--skip-bad-rows"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ban-luu.docx", "stc.docx", "syt.docx"]


def test_safe_file_names():
    """Any text becomes a name every Windows folder takes; reserved device names are never used."""
    assert merge.safe_file_name("Ủy ban nhân dân xã Đông Hà / Phòng 3") == "uy-ban-nhan-dan-xa-dong-ha-phong-3"
    assert merge.safe_file_name("CON") == "van-ban-con"
    assert merge.safe_file_name("???") == "van-ban"
    assert len(merge.safe_file_name("a" * 500)) == merge.FILE_NAME_CHARS


def test_fixed_date_is_kept(cong_van):
    assert cong_van.content.date == FIXED_DATE
