"""An honest draft (issue 10, point 7): ``ptdraft render`` of an incomplete draft refuses with the list of what is
missing, unless asked for a draft with ``--du-thao``; the mark is a bordered box at the top left of page 1, in the
first page's header, so nothing of the page's text moves; ``ptdraft check`` says a marked file is a draft.

Decision: docs/decisions/0017-du-thao.md.
"""
from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from ptdraft import api, cli, rules
from tests.support import LETTER_JSON, find_phrase, nfc, pdf_pages, pdf_text

SENTINEL = b"PK the clerk's old file \x00"
GIAY_MOI_MISSING = ["Cơ quan ban hành (co_quan)", "Địa danh (dia_danh)", "Cuộc họp (cuoc_hop)",
                    "Thành phần mời (thanh_phan)", "Chủ trì (chu_tri)", "Ngày họp (thoi_gian)", "Địa điểm (dia_diem)",
                    "Họ và tên người ký (nguoi_ky)"]


@pytest.fixture(autouse=True)
def no_office_profile(tmp_path, monkeypatch):
    """No office profile fills the new drafts of these tests: a template's draft is as incomplete as it is."""
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PTDRAFT_DB", raising=False)


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def first_page_header(path: Path):
    section = docx.Document(str(path)).sections[0]
    assert section.different_first_page_header_footer
    return section.first_page_header


def header_text(path: Path) -> str:
    return "".join(p.text for p in first_page_header(path).paragraphs)


def document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


def letter_without_issuer_code(folder: Path) -> Path:
    """The real letter without the agency's abbreviation in its symbol: no template field is missing, a part of the
    letter is."""
    data = json.loads(LETTER_JSON.read_text(encoding="utf-8"))
    data["content"]["issuer_code"] = ""
    path = folder / "thieu-ky-hieu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ---- refusing an incomplete draft -----------------------------------------------------------------------------


def test_incomplete_draft_is_refused_naming_each_missing_part_and_nothing_is_written(capsys, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "giay-moi.docx"
    out.write_bytes(SENTINEL)
    code, printed, err = run(capsys, "render", "giay-moi", "-o", out)
    assert code == 2 and not printed
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ptdraft: lỗi: văn bản còn thiếu"), err
    for part in GIAY_MOI_MISSING:
        assert f"Chưa điền: {part}" in lines[0]
    assert "--du-thao" in lines[0] and "Traceback" not in err
    # The same list the window shows before export, in its order.
    draft = api.new_draft(api.get_template("giay-moi"))
    messages = [p.message for p in api.find_problems(draft)]
    assert [m for m in messages if m.split(": ", 1)[-1] in lines[0]] == messages
    assert out.read_bytes() == SENTINEL
    assert [p.name for p in folder.iterdir()] == ["giay-moi.docx"]


def test_a_missing_part_of_the_letter_itself_is_named_too(capsys, tmp_path):
    draft = letter_without_issuer_code(tmp_path)
    code, _, err = run(capsys, "render", draft, "-o", tmp_path / "x.docx")
    assert code == 2
    assert "1 điểm: Chưa có chữ viết tắt tên cơ quan trong ký hiệu." in err
    assert not (tmp_path / "x.docx").exists()


# ---- the mark ---------------------------------------------------------------------------------------------


def test_a_pdf_to_be_signed_is_never_made_of_an_incomplete_draft(capsys, tmp_path):
    """`ptdraft pdf` prepares the file a signer signs: an incomplete draft is refused, with no draft-mark way out."""
    out = tmp_path / "ky-so.pdf"
    code, printed, err = run(capsys, "pdf", letter_without_issuer_code(tmp_path), "-o", out)
    assert code == 2 and not printed and not out.exists()
    assert "ký hiệu" in err and "bản để ký số phải là văn bản hoàn chỉnh" in err and "Traceback" not in err


def test_du_thao_writes_the_incomplete_draft_with_the_mark_in_a_box(capsys, tmp_path):
    out = tmp_path / "giay-moi.docx"
    code, printed, err = run(capsys, "render", "giay-moi", "-o", out, "--du-thao")
    assert code == 0, err
    assert "bản dự thảo" in printed
    header = first_page_header(out)
    marks = [p for p in header.paragraphs if p.text.strip()]
    assert [p.text for p in marks] == ["DỰ THẢO"]
    mark = marks[0]
    runs = [r for r in mark.runs if r.text]
    assert all(r.bold for r in runs)
    assert {r.font.size.pt for r in runs} == {13.0}
    assert {r.font.name for r in runs} == {rules.FONT}
    borders = mark._p.pPr.find(qn("w:pBdr"))
    assert borders is not None
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    assert {b.tag.split("}")[1] for b in borders} == {"top", "left", "bottom", "right"}
    # A box as wide as its words, from the left edge of the text: not a line across the page.
    assert mark.paragraph_format.right_indent.twips > rules.PAGE.text_width // 2
    assert mark.paragraph_format.left_indent.twips < rules.pt(4)
    # The pages' own text has no mark: the header of the later pages is still the page number alone.
    body = docx.Document(str(out))
    assert not any("THẢO" in p.text for p in body.paragraphs)
    assert "THẢO" not in "".join(p.text for p in body.sections[0].header.paragraphs)


def test_a_name_of_the_users_choice_is_printed_in_capitals(capsys, tmp_path):
    out = tmp_path / "lan-2.docx"
    code, printed, err = run(capsys, "render", "giay-moi", "-o", out, "--du-thao", "Dự thảo  lần 2")
    assert code == 0, err
    assert header_text(out) == "DỰ THẢO LẦN 2"
    assert "DỰ THẢO LẦN 2" in printed


def test_a_complete_draft_has_no_mark_and_may_be_circulated_as_a_draft(capsys, tmp_path):
    """Without the option a complete letter never carries the mark; with it (a finished draft sent for comment) it
    does, and nothing else of the file changes: the document's XML is byte for byte the same."""
    plain, marked = tmp_path / "plain.docx", tmp_path / "marked.docx"
    assert run(capsys, "render", LETTER_JSON, "-o", plain)[0] == 0
    assert run(capsys, "render", LETTER_JSON, "-o", marked, "--du-thao")[0] == 0
    assert header_text(plain) == ""
    assert header_text(marked) == "DỰ THẢO"
    assert document_xml(plain) == document_xml(marked)


def test_each_appendix_file_of_a_draft_carries_the_mark(capsys, tmp_path):
    out = tmp_path / "bao-cao.docx"
    code, _, err = run(capsys, "render", "bao-cao", "-o", out, "--du-thao", "--annexes-separate")
    assert code == 0, err
    files = sorted(tmp_path.glob("*.docx"))
    assert len(files) == 3  # the report and its Phụ lục I, II
    assert [header_text(f) for f in files] == ["DỰ THẢO"] * 3


@pytest.mark.parametrize("name, said", [
    ("", "tên dự thảo"),
    ("DỰ THẢO\tLẦN 2\x07", "tên dự thảo"),
    ("DỰ THẢO " + "RẤT DÀI " * 6, "tối đa 40 ký tự"),
])
def test_a_bad_draft_name_is_refused(capsys, tmp_path, name, said):
    out = tmp_path / "x.docx"
    code, _, err = run(capsys, "render", "giay-moi", "-o", out, "--du-thao", name)
    assert code == 2
    assert said in err and "--du-thao" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


# ---- the checker ----------------------------------------------------------------------------------------------


def _findings(capsys, path: Path) -> tuple[int, list[dict]]:
    code, printed, _ = run(capsys, "check", "--json", path)
    return code, json.loads(printed)["findings"]


def test_check_says_a_marked_file_is_a_draft_and_nothing_else_changes(capsys, tmp_path):
    plain, marked = tmp_path / "plain.docx", tmp_path / "marked.docx"
    run(capsys, "render", LETTER_JSON, "-o", plain)
    run(capsys, "render", LETTER_JSON, "-o", marked, "--du-thao", "DỰ THẢO LẦN 2")
    assert _findings(capsys, plain) == (0, [])
    code, found = _findings(capsys, marked)
    assert code == 1
    assert [f["rule"] for f in found] == ["draft.mark"]  # no stray header line, no element out of place
    assert "DỰ THẢO LẦN 2" in found[0]["message"] and "bản dự thảo" in found[0]["message"]
    code, text, _ = run(capsys, "check", marked)
    assert "[draft.mark]" in text and "toàn văn bản" in text


def test_check_knows_a_mark_typed_above_the_header_in_word(capsys, tmp_path):
    """A draft from Word with "DỰ THẢO" typed as the first line: a draft, not an agency name above the title."""
    plain = tmp_path / "plain.docx"
    run(capsys, "render", LETTER_JSON, "-o", plain)
    document = docx.Document(str(plain))
    body = document.element.body
    typed = document.add_paragraph()
    run_ = typed.add_run("DỰ THẢO")
    run_.bold = True
    run_.font.size = docx.shared.Pt(13)
    run_.font.name = rules.FONT
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        run_._r.get_or_add_rPr().get_or_add_rFonts().set(qn(slot), rules.FONT)
    body.remove(typed._p)
    body.insert(0, typed._p)
    word = tmp_path / "word.docx"
    document.save(str(word))
    code, found = _findings(capsys, word)
    assert [f["rule"] for f in found] == ["draft.mark"]
    assert found[0]["paragraph"] == 0 and "DỰ THẢO" in found[0]["message"]


# ---- LibreOffice: where the mark prints -------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_libreoffice_prints_the_mark_top_left_of_page_1_and_moves_nothing(capsys, tmp_path, soffice):
    plain, marked = tmp_path / "plain.docx", tmp_path / "marked.docx"
    run(capsys, "render", LETTER_JSON, "-o", plain)
    run(capsys, "render", LETTER_JSON, "-o", marked, "--du-thao")
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(plain), str(marked)],
                   check=True, capture_output=True, timeout=240, cwd=tmp_path)
    plain_pages, marked_pages = pdf_pages(tmp_path / "plain.pdf"), pdf_pages(tmp_path / "marked.pdf")
    assert len(plain_pages) == len(marked_pages) == 2
    first_line = pdf_text(tmp_path / "marked.pdf", "-f", "1", "-l", "1").strip().splitlines()[0]
    assert nfc(first_line).strip() == "DỰ THẢO"
    mark = find_phrase(marked_pages[0].words, "DỰ THẢO")
    assert mark is not None
    left_edge = rules.PAGE.left / 20
    top_margin = rules.PAGE.top / 20
    assert left_edge - 1 < mark[0].x0 < left_edge + 12  # at the left edge of the text, inside its box
    assert rules.PAGE.header / 20 - 1 < mark[0].y0 and mark[0].y1 < top_margin  # in the top margin, above the text
    # Every other word of every page is where it is without the mark: the header has not moved.
    rest = [[w for w in page.words if w not in mark] for page in marked_pages]
    assert rest == [list(page.words) for page in plain_pages]
    assert not any("THẢO" in w.text for w in marked_pages[1].words)
