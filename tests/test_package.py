"""The hand-off package for e-office (issue 13.2) and the office profile it takes the agency's identifier from:
DOCX, PDF (PDF/A-2b by LibreOffice, else ptdraft's own PDF), metadata.json with Nghị định 30 Phụ lục VI's fields,
edxml-header.xml under edXML's names; number and date equal the register's, pages equal the PDF's, the register
records the package; bad input gives one message and writes nothing. On SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
import os
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ptdraft import api  # noqa: E402
from ptdraft.outputs import libreoffice
from ptdraft.outputs import package
from ptdraft.errors import InputError, OutputError  # noqa: E402
from tests.support.storage import (  # noqa: E402,F401 - db is a fixture
    assert_one_message,
    dated,
    db,
    letter,
    run_cli,
)

DAY = _dt.date(2026, 6, 5)
AGENCY = "000.00.41.H41"
NS = {"e": package.EDXML_NS}


def _profile(db) -> None:
    api.set_office_profile({"ma_dinh_danh": AGENCY, "dia_chi": "Số 1 đường Hùng Vương"}, by="văn thư", db=db)


def _issued(db, **content):
    """A công văn issued its number in ``db`` (with the profile entered), and its register entry."""
    _profile(db)
    return api.issue_number(dated(letter(), DAY, **content), db=db, user="văn thư")


def _qt_pdf(layout, docx, folder):
    """ptdraft's own PDF (the path taken on a machine without LibreOffice)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (docx.stem + ".pdf")
    from ptdraft.gui.printing import layout_pdf

    layout_pdf(layout, target)
    return target, package.PLAIN_PDF


def _build(db, draft, out, **kwargs):
    from ptdraft import storage

    with storage.open_storage(db) as opened:
        return package.build_package(opened, draft, out, actor="văn thư", pdf_maker=_qt_pdf, **kwargs)


def _pdfinfo_pages(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "check.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


# -- office profile ---------------------------------------------------------------------------------------------


def test_office_profile_is_kept_in_the_database(db, capsys):
    """Items set from the command line are stored, shown, changed and removed; unknown items and bad values are
    refused naming the item, and nothing is stored."""
    code, out, err = run_cli(capsys, "office", "set", "--db", db, f"ma_dinh_danh={AGENCY.lower()}",
                             "ten_co_quan=ỦY BAN NHÂN DÂN XÃ AN BÌNH", "email=vanthu@anbinh.gov.vn")
    assert code == 0, err
    assert api.office_profile(db=db) == {"ma_dinh_danh": AGENCY, "ten_co_quan": "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
                                         "email": "vanthu@anbinh.gov.vn"}
    code, out, _err = run_cli(capsys, "office", "show", "--db", db)
    assert code == 0 and AGENCY in out and "(chưa nhập)" in out
    code, out, _err = run_cli(capsys, "office", "set", "--db", db, "email=")
    assert code == 0 and "đã xóa" in out
    assert "email" not in api.office_profile(db=db)
    before = api.office_profile(db=db)
    code, _out, err = run_cli(capsys, "office", "set", "--db", db, "ma_dinh_danh=H41", "dia_chi=Số 2")
    assert_one_message(code, err, "Mã định danh", "000.00.00.H41")
    code, _out, err = run_cli(capsys, "office", "set", "--db", db, "ma_so_thue=123")
    assert_one_message(code, err, "ma_so_thue", "ma_dinh_danh")
    code, _out, err = run_cli(capsys, "office", "set", "--db", db, "ten_co_quan")
    assert_one_message(code, err, "ten_co_quan", "=")
    assert api.office_profile(db=db) == before
    code, out, _err = run_cli(capsys, "office", "show", "--json", "--db", db)
    assert json.loads(out) == before


# -- the package ---------------------------------------------------------------------------------------------------


def test_package_holds_the_letter_its_pdf_and_the_facts_of_the_register(db, tmp_path):
    """The folder has the DOCX, the PDF, metadata.json and edxml-header.xml; number, symbol and date are the
    register's; the page count is the PDF's; the file hashes match; the register records the package."""
    numbered, entry = _issued(db)
    made = _build(db, numbered, tmp_path / "goi")
    files = package.read_package(tmp_path / "goi")
    assert sorted(files) == sorted(["01-snv-cchc.docx", "01-snv-cchc.pdf", "metadata.json", "edxml-header.xml"])
    data = json.loads(files["metadata.json"])
    assert (data["so"], data["so_ky_hieu"], data["ngay_ban_hanh"]) == (entry.number, entry.symbol, "2026-06-05")
    assert data["ky_hieu"] == "SNV-CCHC" and data["ten_loai"] == "Công văn"
    assert data["ma_dinh_danh_co_quan"] == AGENCY
    assert data["trich_yeu"] == "báo cáo kết quả cải cách hành chính"
    assert data["kinh_gui"] == ["Các sở, ban, ngành", "Ủy ban nhân dân các xã"]
    assert data["noi_nhan"][0] == "Như trên" and data["noi_nhan"][-1].startswith("Lưu: VT")
    assert data["nguoi_ky"]["ho_ten"] == "Trần Thị Minh Hà"
    assert data["ngon_ngu"] == "vi" and data["pdf"] == made.pdf_kind == package.PLAIN_PDF
    assert data["so_trang"] == made.page_count == _pdfinfo_pages(files["01-snv-cchc.pdf"], tmp_path)
    for listed in data["tep"]:
        assert listed["sha256"] == hashlib.sha256(files[listed["ten"]]).hexdigest()
        assert listed["byte"] == len(files[listed["ten"]])
    assert files["01-snv-cchc.docx"][:2] == b"PK"
    records = api.register_packages(entry, db=db)
    assert [(r.seq, r.page_count, r.pdf_kind) for r in records] == [(1, made.page_count, package.PLAIN_PDF)]
    assert records[0].path == str((tmp_path / "goi").resolve())
    assert records[0].sha256 == hashlib.sha256(files["metadata.json"]).hexdigest()


def test_edxml_header_carries_the_same_facts_under_edxml_names(db, tmp_path):
    """From/To, Code (CodeNumber, CodeNotation), PromulgationInfo, DocumentType, Subject, SignerInfo, DueDate,
    OtherInfo (Priority, PromulgationAmount, PageAmount) in edXML's namespace, equal to metadata.json."""
    numbered, entry = _issued(db, urgency="HỎA TỐC")
    _build(db, numbered, tmp_path / "goi.zip", deadline=_dt.date(2026, 6, 30))
    files = package.read_package(tmp_path / "goi.zip")
    data = json.loads(files["metadata.json"])
    root = ET.fromstring(files["edxml-header.xml"])
    assert root.tag == f"{{{package.EDXML_NS}}}MessageHeader"

    def text(path: str) -> str:
        node = root.find(path, NS)
        assert node is not None, path
        return node.text or ""

    assert text("e:From/e:OrganId") == AGENCY
    assert text("e:From/e:OrganAdd") == "Số 1 đường Hùng Vương"
    assert [n.text for n in root.findall("e:To/e:OrganName", NS)] == data["kinh_gui"]
    assert text("e:Code/e:CodeNumber") == "01" and text("e:Code/e:CodeNotation") == "SNV-CCHC"
    assert text("e:PromulgationInfo/e:PromulgationDate") == "2026/06/05"
    assert text("e:PromulgationInfo/e:Place") == "Quảng Trị"
    assert text("e:DocumentType/e:TypeName") == "Công văn"
    assert text("e:Subject") == data["trich_yeu"]
    assert text("e:SignerInfo/e:FullName") == "Trần Thị Minh Hà"
    assert text("e:DueDate") == "2026/06/30" and data["han_xu_ly"] == "2026-06-30"
    assert text("e:OtherInfo/e:Priority") == "3" and data["do_khan"] == "HỎA TỐC"
    assert text("e:OtherInfo/e:PageAmount") == str(data["so_trang"])
    assert text("e:OtherInfo/e:PromulgationAmount") == str(data["so_luong_ban"])
    assert [n.text for n in root.findall("e:ToPlaces/e:Place", NS)] == data["noi_nhan"]
    assert text("e:DocumentId") == data["ma_dinh_danh_van_ban"] and entry.symbol in data["ma_dinh_danh_van_ban"]
    record = api.register_packages(entry, db=db)[-1]
    assert record.sha256 == hashlib.sha256((tmp_path / "goi.zip").read_bytes()).hexdigest()


def test_signers_competence_and_named_type_recipients(tmp_path):
    """A decision signed KT. CHỦ TỊCH by a PHÓ CHỦ TỊCH: the competence and the position are apart; a named type
    with no Kính gửi goes to the places of its Nơi nhận."""
    from ptdraft.templating import render

    draft = api.example_draft(api.get_template("quyet-dinh"))
    content = render.fill(draft)
    signer = package._signer(content)
    lines = content.signature.authority_lines()
    assert signer["chuc_vu"] == " ".join(lines[-1].split()) and signer["ho_ten"] == content.signature.name
    assert signer["tham_quyen"] == " ".join(" ".join(line.split()) for line in lines[:-1])
    assert not content.recipients
    assert package._addressees(content) == package._places(content) != []
    assert all(not p.startswith("Lưu") and p != "Như trên" for p in package._places(content))


def test_page_count_of_a_long_letter_equals_the_pdf(db, tmp_path):
    """A letter long enough for three pages: metadata's so_trang equals the PDF's page count."""
    body = "\n\n".join(f"Đoạn thứ {n}: Sở Nội vụ đề nghị các cơ quan, đơn vị rà soát, báo cáo đầy đủ, đúng hạn "
                       "kết quả thực hiện nhiệm vụ cải cách hành chính của năm." for n in range(1, 40))
    _profile(db)
    numbered, _entry = api.issue_number(dated(letter(noi_dung=body), DAY), db=db)
    made = _build(db, numbered, tmp_path / "dai")
    pdf = package.read_package(tmp_path / "dai")["01-snv-cchc.pdf"]
    assert made.page_count == _pdfinfo_pages(pdf, tmp_path) >= 3


def test_pdf_a_2b_from_libreoffice(db, tmp_path, capsys):
    """With LibreOffice: `ptdraft package` writes a PDF/A-2b (its XMP says part 2, conformance B), says so, and
    the page count equals pdfinfo's."""
    if libreoffice.find() is None:
        pytest.fail("LibreOffice (soffice) is not installed; the package's PDF/A test needs it")
    numbered, entry = _issued(db)
    path = tmp_path / "ban-thao.json"
    api.save_draft(numbered, path)
    code, out, err = run_cli(capsys, "package", path, "-o", tmp_path / "goi.zip", "--db", db)
    assert code == 0, err
    assert "PDF/A-2b" in out and entry.symbol in out and "Traceback" not in err
    files = package.read_package(tmp_path / "goi.zip")
    pdf = files["01-snv-cchc.pdf"]
    data = json.loads(files["metadata.json"])
    assert package.pdf_kind(pdf) == data["pdf"] == package.PDF_A2B
    assert data["so_trang"] == _pdfinfo_pages(pdf, tmp_path)
    assert api.register_packages(entry, db=db)[-1].pdf_kind == package.PDF_A2B
    # ready for ký số: the empty fields of the signer and the seal (Phụ lục I), still PDF/A-2b after them
    from ptdraft.outputs import pdf_fields

    assert sorted(pdf_fields.field_rows(pdf, "goi")) == [("chu-ky-nguoi-ky", False), ("con-dau", False)]


def test_without_libreoffice_the_pdf_is_ptdrafts_own_and_says_so(db, tmp_path, capsys, monkeypatch):
    """No LibreOffice: the package still has a PDF (painted by ptdraft), marked plain PDF, with a notice."""
    monkeypatch.setattr(libreoffice, "find", lambda: None)
    numbered, _entry = _issued(db)
    path = tmp_path / "ban-thao.json"
    api.save_draft(numbered, path)
    code, out, err = run_cli(capsys, "package", path, "-o", tmp_path / "goi", "--db", db)
    assert code == 0, err
    assert "PDF/A" in err and "LibreOffice" in err and "Traceback" not in err
    data = json.loads((tmp_path / "goi" / "metadata.json").read_text(encoding="utf-8"))
    assert data["pdf"] == package.PLAIN_PDF
    assert package.pdf_kind((tmp_path / "goi" / "01-snv-cchc.pdf").read_bytes()) == package.PLAIN_PDF


# -- refusals -------------------------------------------------------------------------------------------------------


def _cli_package(capsys, db, draft, tmp_path, *extra):
    path = tmp_path / "ban-thao.json"
    api.save_draft(draft, path)
    return run_cli(capsys, "package", path, "-o", tmp_path / "goi", "--db", db, *extra)


def test_unnumbered_unknown_cancelled_or_changed_drafts_are_refused(db, tmp_path, capsys, monkeypatch):
    """Not numbered, a number the register does not have, a cancelled number, a date or symbol changed after
    "Cấp số": one message naming the cause, exit 2, nothing written, nothing recorded."""
    monkeypatch.setattr(libreoffice, "find", lambda: None)
    numbered, entry = _issued(db)
    cases = [
        (dated(letter(), DAY), ("chưa được cấp số",)),
        (dataclasses.replace(numbered, content=dataclasses.replace(numbered.content, number=7)),
         ("không có số 07/SNV-CCHC",)),
        (dated(numbered, _dt.date(2026, 6, 6)), ("06/06/2026", "05/06/2026")),
        (api.with_values(numbered, {**numbered.values, "ky_hieu_don_vi": "VP"}), ("01/SNV-VP", "01/SNV-CCHC")),
    ]
    for draft, words in cases:
        code, _out, err = _cli_package(capsys, db, draft, tmp_path)
        assert_one_message(code, err, *words)
        assert not (tmp_path / "goi").exists()
    api.cancel_number(1, year=2026, issuer="SNV", reason="cấp nhầm", db=db)
    code, _out, err = _cli_package(capsys, db, numbered, tmp_path)
    assert_one_message(code, err, "đã bị hủy")
    assert not (tmp_path / "goi").exists()
    assert api.register_packages(entry, db=db) == []


def test_missing_agency_identifier_is_asked_for(db, tmp_path, capsys):
    """Without the agency's identifier in the office profile: the message says how to enter it."""
    numbered, entry = api.issue_number(dated(letter(), DAY), db=db)
    code, _out, err = _cli_package(capsys, db, numbered, tmp_path)
    assert_one_message(code, err, "mã định danh", "ptdraft office set ma_dinh_danh=")
    assert not (tmp_path / "goi").exists()
    assert api.register_packages(entry, db=db) == []


def test_an_urgency_edxml_cannot_carry_is_refused_before_writing(db, tmp_path):
    """(A draft file cannot hold such a mark: its loader refuses it; a draft made in code is checked here.)"""
    numbered, entry = _issued(db, urgency="RẤT KHẨN")
    with pytest.raises(InputError) as caught:
        _build(db, numbered, tmp_path / "goi")
    assert "RẤT KHẨN" in caught.value.message and "Hỏa tốc" in caught.value.message
    assert not (tmp_path / "goi").exists() and api.register_packages(entry, db=db) == []
    assert [package.priority(mark) for mark in ("", "KHẨN", "Thượng khẩn", "HỎA TỐC")] == [0, 1, 2, 3]


def test_existing_package_is_kept_unless_replace(db, tmp_path, capsys, monkeypatch):
    """A second package to the same place is refused (the first intact); --replace swaps it whole and the
    register has both; a folder holding other files is never replaced."""
    monkeypatch.setattr(libreoffice, "find", lambda: None)
    numbered, entry = _issued(db)
    code, _out, err = _cli_package(capsys, db, numbered, tmp_path)
    assert code == 0, err
    first = package.read_package(tmp_path / "goi")
    code, _out, err = _cli_package(capsys, db, numbered, tmp_path)
    assert_one_message(code, err, "--replace")
    assert package.read_package(tmp_path / "goi") == first
    code, _out, err = _cli_package(capsys, db, numbered, tmp_path, "--replace")
    assert code == 0, err
    assert sorted(package.read_package(tmp_path / "goi")) == sorted(first)
    assert [r.seq for r in api.register_packages(entry, db=db)] == [1, 2]
    (tmp_path / "goi" / "ghi-chu.txt").write_text("của văn thư", encoding="utf-8")
    code, _out, err = _cli_package(capsys, db, numbered, tmp_path, "--replace")
    assert_one_message(code, err, "không xóa")
    assert (tmp_path / "goi" / "ghi-chu.txt").read_text(encoding="utf-8") == "của văn thư"


def test_a_failure_while_making_the_pdf_leaves_nothing(db, tmp_path):
    """LibreOffice failing (or any fault before the files are in place): no folder, no ZIP, no record, no
    leftover staging folder."""
    numbered, entry = _issued(db)

    def broken(layout, docx, folder):
        raise InputError("LibreOffice không chuyển xong sau 120 giây", "PDF")

    from ptdraft import storage

    for target in (tmp_path / "goi", tmp_path / "goi.zip"):
        with storage.open_storage(db) as opened, pytest.raises(InputError):
            package.build_package(opened, numbered, target, actor="x", pdf_maker=broken)
        assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("ptdraft.sqlite3")) == []
    assert api.register_packages(entry, db=db) == []


def test_output_place_problems(db, tmp_path, capsys, monkeypatch):
    """A folder that does not exist, a ZIP name that is a folder: one message each, exit 2."""
    monkeypatch.setattr(libreoffice, "find", lambda: None)
    numbered, _entry = _issued(db)
    path = tmp_path / "ban-thao.json"
    api.save_draft(numbered, path)
    code, _out, err = run_cli(capsys, "package", path, "-o", tmp_path / "khong-co" / "goi", "--db", db)
    assert_one_message(code, err, "không tồn tại")
    (tmp_path / "la-thu-muc.zip").mkdir()
    code, _out, err = run_cli(capsys, "package", path, "-o", tmp_path / "la-thu-muc.zip", "--db", db, "--replace")
    assert_one_message(code, err, "thư mục")
    with pytest.raises(SystemExit) as stopped:
        run_cli(capsys, "package", path, "-o", tmp_path / "x", "--db", db, "--han-xu-ly", "31/02/2026")
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "--han-xu-ly" in err and "28 ngày" in err and "Traceback" not in err


def test_page_count_reads_only_pdfs():
    with pytest.raises(InputError):
        package.page_count(b"PK\x03\x04 not a pdf")
    with pytest.raises(InputError):
        package.page_count(b"%PDF-1.7\n%%EOF")
    two = b"%PDF-1.4\n1 0 obj <</Type /Pages /Count 2>> endobj\n2 0 obj <</Type /Page>> endobj\n3 0 obj <</Type/Page>> endobj\n"
    assert package.page_count(two) == 2
    updated = two + b"3 0 obj <</Type /Page /Annots [9 0 R]>> endobj\n"  # an incremental update writes page 3 again
    assert package.page_count(updated) == 2


def test_zip_members_are_whole(db, tmp_path):
    numbered, _entry = _issued(db)
    _build(db, numbered, tmp_path / "goi.zip")
    with zipfile.ZipFile(tmp_path / "goi.zip") as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == sorted(
            ["01-snv-cchc.docx", "01-snv-cchc.pdf", "metadata.json", "edxml-header.xml"])
    with pytest.raises(OutputError):
        _build(db, numbered, tmp_path / "goi.zip")
