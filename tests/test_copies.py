"""Copies (bản sao, Mẫu 3.1/3.2): the paper block under a full-width rule, the electronic copy's 10 pt box 14, TRÍCH
SAO's chosen passages, the one yearly series of SY, SL and TrS numbers in the register (SQLite and PostgreSQL), the
command line's refusals, LibreOffice and the checker on the output."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import subprocess

import pytest

from ptdraft import api, rules, storage
from ptdraft.outputs import copies
from ptdraft.layout import Para, Table
from ptdraft.model import Signature, SigningMode
from ptdraft.rules import Element
from tests.support.storage import ENGINES, assert_one_message, db, make_db, python_env, run_cli  # noqa: F401 - db

from tests.support import GOLDEN_DIR, border, iter_paras, open_docx, pdf_text, template_example
from tests.test_golden import _compare, dump_layout

ISSUED = _dt.date(2026, 1, 5)
COPIED = _dt.date(2026, 2, 3)
SIGNED = _dt.datetime(2026, 2, 3, 9, 15, 2, tzinfo=rules.VIETNAM_TIME)
COPIER = copies.Copier(
    authority="ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ",
    issuer_code="UBND",
    signature=Signature(mode=SigningMode.TL, head_title="Chủ tịch", position="Chánh Văn phòng", name="Lê Văn Cường"),
    place="Quảng Trị",
    name="Ủy ban nhân dân tỉnh Quảng Trị",
    distribution=("Sở Nội vụ", "Sở Tài chính"),
)


def decision(number: int | None = 5, day: _dt.date | None = ISSUED):
    """The shipped Quyết định's example, issued as 05/QĐ-UBND on 05/01/2026."""
    draft = template_example(api.get_template("quyet-dinh"))
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, number=number, date=day))


def request(kind=copies.CopyKind.SAO_Y, **changes) -> copies.CopyRequest:
    return copies.CopyRequest(kind, COPIER, COPIED, **changes)


def _texts(blocks) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(block.text)
        elif isinstance(block, Table):
            out.extend(b.text for row in block.rows for cell in row.cells for b in cell.blocks if isinstance(b, Para))
    return out


def _paras(block: Table) -> list[Para]:
    return [b for row in block.rows for cell in row.cells for b in cell.blocks if isinstance(b, Para)]


def test_paper_copy_block_follows_the_original_under_a_full_width_rule():
    """Mẫu 3.1: the original's blocks unchanged, then a solid line the full text width, the copying body and
    "Số: 05/SY-UBND" on the left, "SAO Y" (14 pt bold capitals) and the italic place and date on the right, then
    the copy's Nơi nhận (12 pt bold italic label, 11 pt list ending "Lưu: VT.") and the copier's signature, all
    kept with the next block so the copy block never splits from its signature."""
    original = api.layout_draft(decision())
    copy = copies.copy_layout(original, request(number=5))
    assert copy.blocks[: len(original.blocks)] == original.blocks
    line, head, closing = copy.blocks[len(original.blocks):]
    assert line.top_rule and not line.text
    assert (line.style.left_indent, line.style.right_indent, line.style.first_indent) == (0, 0, 0)
    assert line.style.keep_next and head.keep_together and closing.keep_together
    left, right = head.rows[0].cells
    assert [b.text for b in left.blocks if isinstance(b, Para)] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]
    (kind,) = right.blocks
    assert (kind.text, kind.style.size, kind.style.bold, kind.style.upper) == ("SAO Y", 14, True, True)
    (number,), (place,) = (c.blocks for c in head.rows[1].cells)
    assert (number.text, number.style.size, number.style.italic) == ("Số: 05/SY-UBND", 13, False)
    assert (place.text, place.style.size, place.style.italic) == ("Quảng Trị, ngày 03 tháng 02 năm 2026", 13, True)
    assert all(p.style.keep_next for p in _paras(head))
    assert (left.width, right.width) == (rules.HEADER_LEFT, rules.HEADER_RIGHT)
    paras = _paras(closing)
    label = next(p for p in paras if p.element is Element.DISTRIBUTION_LABEL)
    assert (label.text, label.style.size, label.style.bold, label.style.italic) == ("Nơi nhận:", 12, True, True)
    listed = [p for p in paras if p.element is Element.DISTRIBUTION]
    assert [p.text for p in listed] == ["- Sở Nội vụ;", "- Sở Tài chính;", "- Lưu: VT."]
    assert {p.style.size for p in listed} == {11}
    signing = [(p.text, p.style.size, p.style.bold) for p in paras if p.element.value.startswith("7")]
    assert signing == [("TL. CHỦ TỊCH", 14, True), ("CHÁNH VĂN PHÒNG", 14, True), ("Lê Văn Cường", 14, True)]
    _compare(GOLDEN_DIR / "quyet-dinh.ban-sao-y.layout.txt", dump_layout(copy))


def test_electronic_copy_has_box_14_at_the_top_right_of_page_1():
    """Mẫu 3.2: no copy block; box 14 first on page 1, framed, 10 pt, normal case, upright, black, its right edge
    at the right edge of the text area: the form of copy, the copying body, the signing time in ISO 8601 (+07:00)."""
    original = api.layout_draft(decision())
    copy = copies.copy_layout(original, request(copies.CopyKind.SAO_LUC, electronic=True, number=2, signed_at=SIGNED))
    box = copy.blocks[:3]
    assert copy.blocks[3:] == original.blocks
    assert [p.text for p in box] == ["Hình thức sao: Sao lục", "Cơ quan sao: Ủy ban nhân dân tỉnh Quảng Trị",
                                     "Thời gian ký: 2026-02-03T09:15:02+07:00"]
    for para in box:
        style = para.style
        assert (para.element, para.frame, style.size, style.bold, style.italic, style.upper, style.color) == (
            Element.COPY_BOX, True, 10, False, False, False, None)
    from ptdraft.reference.metrics import text_width

    widest = max(text_width(p.text, 10) for p in box)
    assert {p.style.left_indent for p in box} == {rules.PAGE.text_width - widest - 2 * rules.COPY_BOX_PADDING}
    _compare(GOLDEN_DIR / "quyet-dinh.ban-sao-luc-dien-tu.layout.txt", dump_layout(copy))


def test_extract_keeps_only_the_chosen_passages_and_ends_with_the_end_mark():
    """TRÍCH SAO: the header, title, the decision's frame and the closing stay; of the passages only the chosen ones,
    the last of them ending "./."; the annexes are left out."""
    draft = decision()
    passages = api.copy_passages(draft)
    article_2 = next(n for n, text in enumerate(passages, start=1) if text.startswith("Điều 2."))
    copy = api.copy_layout(draft, request(copies.CopyKind.TRICH_SAO, passages=(1, article_2)))
    texts = _texts(copy.blocks)
    kept = [t for t in texts if t in passages or t.rstrip("./") in {p.rstrip(";.:") for p in passages}]
    assert kept[0] == passages[0]
    assert kept[1].startswith("Điều 2.") and kept[1].endswith("./.")
    assert len(kept) == 2
    assert passages[article_2] not in texts  # the passage after Điều 2 is left out
    assert "TRÍCH SAO" in texts and "Số: …/TrS-UBND".replace("…", "\u00a0" * 6) in texts
    assert "QUYẾT ĐỊNH:" in texts and "Hoàng Văn Nam" in texts


def test_copies_open_in_libreoffice_and_the_checker_finds_nothing(tmp_path):
    """Each kind on paper and in electronic form: ptdraft check finds nothing, LibreOffice prints the copy's parts."""
    draft = decision()
    db_path = tmp_path / "db.sqlite3"
    made = []
    for kind, electronic, passages in ((copies.CopyKind.SAO_Y, False, ()), (copies.CopyKind.SAO_LUC, True, ()),
                                       (copies.CopyKind.TRICH_SAO, False, (1, 4, 5))):
        out = tmp_path / f"{kind.value}{'-dt' if electronic else ''}.docx"
        written, entry = api.make_copy(draft, request(kind, electronic=electronic, passages=passages), out,
                                       db=str(db_path), user="văn thư")
        assert api.check_docx(written) == [], (out.name, api.check_docx(written))
        made.append((written, entry))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *[str(p) for p, _ in made]], check=True, capture_output=True, timeout=300)
    paper = " ".join(pdf_text(tmp_path / "sao-y.pdf").split())
    assert "SAO Y" in paper and "Số: 01/SY-UBND" in paper and "Lê Văn Cường" in paper
    electronic = " ".join(pdf_text(tmp_path / "sao-luc-dt.pdf").split())
    assert "Hình thức sao: Sao lục" in electronic and "Số: 02/SL-UBND" not in electronic
    extract = " ".join(pdf_text(tmp_path / "trich-sao.pdf").split())
    assert "TRÍCH SAO" in extract and "Số: 03/TrS-UBND" in extract
    document = open_docx(made[0][0])
    kind_runs = [r for p in iter_paras(document) for r in p.p.runs if r.text == "SAO Y"]
    assert len(kind_runs) == 1 and kind_runs[0].font.size.pt == 14 and kind_runs[0].font.bold
    ruled = [p for p in iter_paras(document) if p.table is None and border(p.p, "top") is not None]
    assert len(ruled) == 1 and not ruled[0].p.text  # the full-width line over the copy block


def test_one_yearly_series_shared_by_the_three_kinds(db, tmp_path):
    """SY, then SL, then TrS take 01, 02, 03 of the copying body's series; the ordinary book is untouched; a new
    year starts at 01 again; a cancelled copy number is never given again."""
    draft = decision()
    symbols = []
    for index, kind in enumerate(copies.CopyKind):
        _path, entry = api.make_copy(draft, request(kind, passages=(1,)), tmp_path / f"{index}.docx", db=db)
        symbols.append((entry.symbol, entry.book, entry.doc_type))
    assert symbols == [("01/SY-UBND", "copy", "Bản sao y"), ("02/SL-UBND", "copy", "Bản sao lục"),
                       ("03/TrS-UBND", "copy", "Bản trích sao")]
    assert api.register_entries(db=db, book="thuong") == []
    next_year = dataclasses.replace(request(), date=_dt.date(2027, 1, 2))
    assert api.make_copy(draft, next_year, tmp_path / "n.docx", db=db)[1].symbol == "01/SY-UBND"
    cancelled = api.cancel_number(2, year=2026, book="sao", reason="sao nhầm", user="Chánh Văn phòng", db=db)
    assert (cancelled.symbol, cancelled.status) == ("02/SL-UBND", "cancelled")
    assert api.make_copy(draft, request(), tmp_path / "4.docx", db=db)[1].symbol == "04/SY-UBND"
    entry = api.register_entries(db=db, year=2026, book="sao")[-1]
    assert entry.file_sha256 and entry.file_path.endswith("4.docx")
    assert entry.subject.startswith("Bản sao y Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026")


@pytest.mark.parametrize("args, words", [
    (("--kind", "sao-x"), ("--kind", "sao-y")),
    (("--kind", "trich-sao", "--paragraphs", "99"), ("--paragraphs", "99")),
    (("--kind", "trich-sao"), ("--paragraphs",)),
    (("--kind", "sao-y", "--paragraphs", "1"), ("--paragraphs",)),
    (("--kind", "sao-y", "--date", "01/01/2026"), ("ngày sao", "05/01/2026")),
    (("--kind", "sao-luc", "--electronic", "--copier-name", ""), ("tên cơ quan sao",)),
    (("--kind", "sao-y", "--signer", "7"), ("--signer",)),
])
def test_bad_copy_requests_are_refused_before_any_number(capsys, tmp_path, args, words):
    """One Vietnamese message, exit 2, no file written and no copy number taken."""
    source = tmp_path / "qd.json"
    api.save_draft(decision(), source)
    out = tmp_path / "ban-sao.docx"
    db_path = tmp_path / "db.sqlite3"
    code, _out, err = run_cli(capsys, "copy", source, *args, "--copier", "ỦY BAN NHÂN DÂN|TỈNH QUẢNG TRỊ",
                              "--issuer-code", "UBND", "--signer" if "--signer" not in args else "--to",
                              "Lê Văn Cường; Chánh Văn phòng; TL. Chủ tịch" if "--signer" not in args else "Sở Nội vụ",
                              "-o", out, "--db", db_path)
    assert_one_message(code, err, *words)
    assert not out.exists()
    assert not db_path.exists() or api.register_entries(db=str(db_path)) == []


def test_unnumbered_draft_or_docx_source_is_refused(capsys, tmp_path):
    """A copy is made of an issued document (its number given), and of a ptdraft draft, not a foreign DOCX."""
    source = tmp_path / "qd.json"
    api.save_draft(decision(number=None), source)
    out = tmp_path / "ban-sao.docx"
    code, _out, err = run_cli(capsys, "copy", source, "--kind", "sao-y", "-o", out, "--db", tmp_path / "db.sqlite3")
    assert_one_message(code, err, "chưa được cấp số")
    letter = tmp_path / "van-ban.docx"
    letter.write_bytes(api.docx_bytes(decision()))
    code, _out, err = run_cli(capsys, "copy", letter, "--kind", "sao-y", "-o", out)
    assert_one_message(code, err, "ptdraft import")
    assert not out.exists()


def test_cli_copy_writes_the_copy_and_lists_the_passages(capsys, tmp_path):
    """The command line: --list-paragraphs numbers the passages; a copy prints its number and the file written."""
    source = tmp_path / "qd.json"
    api.save_draft(decision(), source)
    code, out, _err = run_cli(capsys, "copy", source, "--kind", "trich-sao", "--list-paragraphs")
    assert code == 0 and out.splitlines()[0].strip().startswith("1. Căn cứ")
    target = tmp_path / "ts.docx"
    code, out, err = run_cli(capsys, "copy", source, "--kind", "trich-sao", "--paragraphs", "1,4-5",
                             "--copier", "ỦY BAN NHÂN DÂN|TỈNH QUẢNG TRỊ", "--issuer-code", "UBND",
                             "--signer", "Lê Văn Cường; Chánh Văn phòng; TL. Chủ tịch", "--date", "03/02/2026",
                             "-o", target, "--db", tmp_path / "db.sqlite3")
    assert code == 0, err
    assert "01/TrS-UBND" in out and target.is_file()


# argv: database, how many copies, worker name. Each worker takes copy numbers of the three kinds in turn.
COPY_WORKER = r"""
import dataclasses, datetime, json, sys
from ptdraft import api, storage
from ptdraft.outputs import copies
from ptdraft.outputs import copy_register
from ptdraft.model import Signature
from tests.support import template_example

db, count, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
draft = template_example(api.get_template("quyet-dinh"))
content = dataclasses.replace(api.fill(draft), number=5, date=datetime.date(2026, 1, 5))
copier = copies.Copier(authority="ỦY BAN NHÂN DÂN", issuer_code="UBND", signature=Signature(name="Lê Văn Cường"))
kinds = list(copies.CopyKind)
print("ready", flush=True)
sys.stdin.readline()
with storage.open_storage(db) as opened:
    taken = []
    for n in range(count):
        request = copies.CopyRequest(kinds[n % 3], copier, datetime.date(2026, 2, 3), passages=(1,))
        taken.append(copy_register.issue(opened, content, request, user=name)[1].number)
print(json.dumps(taken), flush=True)
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_three_workstations_share_the_copy_series_without_gap_or_repeat(engine, tmp_path, request):
    """3 processes × 40 copies of mixed kinds on one database: the numbers 1…120 once each, every one recorded with
    the symbol of its own kind (the same locking as a document's number)."""
    import json
    import sys

    db = make_db(engine, tmp_path, request)
    with storage.open_storage(db):
        pass  # the schema is made once, before the workers race
    workers = [subprocess.Popen([sys.executable, "-c", COPY_WORKER, db, "40", f"may-{i}"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                env=python_env()) for i in range(3)]
    for worker in workers:
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    taken = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        taken.extend(json.loads(out.strip().splitlines()[-1]))
    assert sorted(taken) == list(range(1, 121))
    entries = api.register_entries(db=db, book="sao")
    assert [e.number for e in entries] == list(range(1, 121))
    assert all(e.symbol.split("/")[1] in ("SY-UBND", "SL-UBND", "TrS-UBND") for e in entries)
    with storage.open_storage(db) as opened:
        assert [(c.book, c.last_number) for c in opened.counters()] == [("copy", 120)]


def test_the_checker_flags_box_14_at_another_size(tmp_path):
    """The checker knows box 14 of an electronic copy: at 12 pt each of its lines is a finding naming ô 14 and 10 pt
    (and at 10 pt none, as the LibreOffice test shows)."""
    from ptdraft import docx_writer

    copy = copies.copy_layout(api.layout_draft(decision()), request(electronic=True, signed_at=SIGNED))
    blocks = tuple(dataclasses.replace(b, style=dataclasses.replace(b.style, size=12))
                   if isinstance(b, Para) and b.element is Element.COPY_BOX else b for b in copy.blocks)
    path = tmp_path / "sai-co-chu.docx"
    path.write_bytes(docx_writer.to_bytes(dataclasses.replace(copy, blocks=blocks)))
    findings = api.check_docx(path)
    assert [(f.rule, f.box, f.paragraph) for f in findings] == [("font.size", "14", 0), ("font.size", "14", 1),
                                                                 ("font.size", "14", 2)]
    assert all("10 pt" in f.message and "bản sao điện tử" in f.message for f in findings)


def test_the_checker_reads_the_paper_copy_block(tmp_path):
    """The copy block under the closing is checked like the document's own parts: "SAO Y", the copy's number and
    its Nơi nhận at 16 pt are findings (13–14, 13 and 11 pt); the original's parts are not blamed."""
    from ptdraft import docx_writer
    from ptdraft.layout import Cell, Row

    copy = copies.copy_layout(api.layout_draft(decision()), request(number=7))
    enlarged = (Element.COPY_KIND, Element.NUMBER, Element.DISTRIBUTION)

    def larger(block):
        if isinstance(block, Para) and block.element in enlarged:
            return dataclasses.replace(block, style=dataclasses.replace(block.style, size=16))
        return block

    blocks = list(copy.blocks)
    for index in (len(blocks) - 2, len(blocks) - 1):
        table = blocks[index]
        blocks[index] = dataclasses.replace(table, rows=tuple(
            Row(tuple(Cell(c.width, tuple(larger(b) for b in c.blocks)) for c in row.cells)) for row in table.rows))
    path = tmp_path / "sai-co-chu.docx"
    path.write_bytes(docx_writer.to_bytes(dataclasses.replace(copy, blocks=tuple(blocks))))
    found = [(f.rule, f.excerpt) for f in api.check_docx(path)]
    assert found == [("font.size", "SAO Y"), ("font.size", "Số: 07/SY-UBND"), ("font.size", "- Sở Nội vụ;"),
                     ("font.size", "- Sở Tài chính;"), ("font.size", "- Lưu: VT.")]
