"""``ptdraft render`` and ``ptdraft new`` with office templates from the library (--db, PTDRAFT_DB), shipped ids
as before without any database, and a draft whose template hash no longer matches its library version refused."""
from __future__ import annotations

import dataclasses

import docx

from ptdraft import api
from ptdraft.model import TemplateRef
from tests.support.storage import assert_one_message, raw_execute, run_cli
from tests.support import REPO

LETTER = REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json"


def _office_template(db) -> object:
    """An approved office template "cong-van-so-noi-vu" (the shipped general công văn under another id)."""
    source = api.get_template("cong-van-chung").source.replace('id = "cong-van-chung"', 'id = "cong-van-so-noi-vu"')
    source = source.replace('default = "Trân trọng./."', 'default = "Xin trân trọng cảm ơn./."')
    stored = api.save_template(source, by="An", submit=True, db=db)
    return api.approve_template(stored.template_id, stored.version, by="Chánh Văn phòng", db=db)


VALUES = ('{"co_quan": "SỞ NỘI VỤ", "ky_hieu_co_quan": "SNV", "dia_danh": "Quảng Trị", "trich_yeu": "thử mẫu", '
          '"kinh_gui": ["Các sở"], "noi_dung": "Nội dung thử.", "nguoi_ky": "Trần Thị Minh Hà"}')


def _values(tmp_path):
    path = tmp_path / "values.json"
    path.write_text(VALUES, encoding="utf-8")
    return path


def _text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_new_and_render_take_a_library_id_with_db(tmp_path, capsys, monkeypatch):
    """`new ID --db` writes a draft recording the library version and its hash; `render ID --db` renders it."""
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "db.sqlite3"
    stored = _office_template(db)
    draft_path = tmp_path / "cv.json"
    code, _out, err = run_cli(capsys, "new", "cong-van-so-noi-vu", "--db", db, "-o", draft_path)
    assert code == 0, err
    ref = api.load_draft(draft_path).template
    assert (ref.id, ref.version, ref.sha256) == ("cong-van-so-noi-vu", 1, stored.sha256)
    output = tmp_path / "cv.docx"
    code, _out, err = run_cli(capsys, "render", "cong-van-so-noi-vu", "--db", db, "--data", _values(tmp_path),
                              "-o", output)
    assert code == 0, err
    assert "Xin trân trọng cảm ơn./." in _text(output)


def test_ptdraft_db_environment_chooses_the_library(tmp_path, capsys, monkeypatch):
    """Without --db, PTDRAFT_DB names the library database: `new` finds the office template and the draft
    it writes renders, its hash checked against the library."""
    db = tmp_path / "db.sqlite3"
    _office_template(db)
    monkeypatch.setenv("PTDRAFT_DB", str(db))
    draft_path = tmp_path / "cv.json"
    assert run_cli(capsys, "new", "cong-van-so-noi-vu", "--data", _values(tmp_path), "-o", draft_path)[0] == 0
    code, _out, err = run_cli(capsys, "render", draft_path, "-o", tmp_path / "cv.docx")
    assert code == 0, err
    assert "Xin trân trọng cảm ơn./." in _text(tmp_path / "cv.docx")


def test_shipped_ids_and_drafts_work_without_any_database(tmp_path, capsys, monkeypatch):
    """With no database anywhere, shipped ids and drafts of shipped templates render as before, and rendering
    creates no database (neither the one PTDRAFT_DB names nor the default one)."""
    data = tmp_path / "data"
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(data))
    for named in (None, tmp_path / "khong-co.sqlite3"):
        if named is not None:
            monkeypatch.setenv("PTDRAFT_DB", str(named))
        assert run_cli(capsys, "render", LETTER, "-o", tmp_path / "thu.docx")[0] == 0
        assert run_cli(capsys, "new", "cong-van-chung", "--data", _values(tmp_path), "-o", tmp_path / "m.json")[0] == 0
        code, _out, err = run_cli(capsys, "render", tmp_path / "m.json", "-o", tmp_path / "m.docx")
        assert code == 0, err
        code, _out, err = run_cli(capsys, "render", "cong-van-chung", "--data", _values(tmp_path),
                                  "-o", tmp_path / "c.docx")
        assert code == 0, err
        assert named is None or not named.exists()
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_unknown_id_names_the_shipped_templates(tmp_path, capsys):
    """An id that is neither in the library nor shipped is one message listing the shipped ids."""
    db = tmp_path / "db.sqlite3"
    _office_template(db)
    code, _out, err = run_cli(capsys, "render", "khong-co-mau", "--db", db, "-o", tmp_path / "x.docx")
    assert_one_message(code, err, "không có mẫu 'khong-co-mau'", "cong-van-chung")


def test_render_refuses_a_draft_whose_template_hash_no_longer_matches(tmp_path, capsys):
    """A draft recording another hash than its library version, or made from a version changed in the database
    since, is refused with a clear message; the genuine draft renders."""
    db = tmp_path / "db.sqlite3"
    _office_template(db)
    genuine = api.new_draft(api.library_template("cong-van-so-noi-vu", db=db), {
        "co_quan": "SỞ NỘI VỤ", "ky_hieu_co_quan": "SNV", "dia_danh": "Quảng Trị", "trich_yeu": "thử",
        "kinh_gui": ["Các sở"], "noi_dung": "Nội dung.", "nguoi_ky": "Trần Thị Minh Hà",
    })
    good, forged = tmp_path / "that.json", tmp_path / "gia.json"
    api.save_draft(genuine, good)
    api.save_draft(dataclasses.replace(genuine, template=TemplateRef("cong-van-so-noi-vu", 1, "0" * 64)), forged)
    assert run_cli(capsys, "render", good, "--db", db, "-o", tmp_path / "that.docx")[0] == 0
    code, _out, err = run_cli(capsys, "render", forged, "--db", db, "-o", tmp_path / "gia.docx")
    assert_one_message(code, err, "mã băm", "cong-van-so-noi-vu")
    assert not (tmp_path / "gia.docx").exists()
    raw_execute(str(db), "UPDATE template_versions SET source = REPLACE(source, 'Xin trân trọng', 'Trân trọng')")
    code, _out, err = run_cli(capsys, "render", good, "--db", db, "-o", tmp_path / "sau.docx")
    assert_one_message(code, err, "bị sửa")


def test_a_broken_library_never_stops_a_shipped_template(tmp_path, capsys, monkeypatch):
    """With a corrupt library database, shipped templates still render and list their fields (with a warning
    naming the problem); an office template id that only the library holds gets one clear message, exit 2."""
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    output = tmp_path / "letter.docx"
    code, _out, err = run_cli(capsys, "render", str(LETTER), "--db", db, "-o", output)
    assert code == 0 and output.is_file(), err
    assert "cảnh báo" in err
    code, out, err = run_cli(capsys, "fields", "cong-van-chung", "--db", db)
    assert code == 0 and "co_quan" in out and "cảnh báo" in err
    code, _out, err = run_cli(capsys, "new", "cong-van-so-noi-vu", "--db", db, "-o", tmp_path / "x.json")
    assert_one_message(code, err, str(db))
    assert not (tmp_path / "x.json").exists()


def test_fields_takes_a_library_id(tmp_path, capsys, monkeypatch):
    """`ptdraft fields ID --db` lists the fields of an office template from the library."""
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "db.sqlite3"
    _office_template(db)
    code, out, err = run_cli(capsys, "fields", "cong-van-so-noi-vu", "--db", db)
    assert code == 0, err
    assert "cong-van-so-noi-vu" in out and "nguoi_ky" in out


def test_importing_the_command_line_loads_no_library_register_or_storage_module():
    """``import ptdraft.cli`` (paid by every command, ``ptdraft render`` too) loads neither the library, the register,
    the storage nor openpyxl, psycopg, the importer or the Vietnamese spelling check: cli.library and cli.templates
    import them inside the commands that use them."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, ptdraft.cli\n"
        "heavy = ('ptdraft.office.library', 'ptdraft.office.register', 'ptdraft.api.library', 'ptdraft.storage',\n"
        "         'ptdraft.importer', 'ptdraft.vietnamese', 'ptdraft.templating.save_as_template', 'openpyxl', 'psycopg',\n"
        "         'sqlite3')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
