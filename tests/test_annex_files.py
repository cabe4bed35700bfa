"""Appendices issued as files of their own (Mẫu 2.1/2.2 in a separate file): the layout of each file against the
numbers of docs/FORMAT.md (§3.2 rows "Phụ lục", §1 page numbers, §9 the electronic form), ``ptdraft render
--annexes-separate``, the checker finding nothing on each file (and still finding what is wrong), and LibreOffice
opening each with its own page numbers."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from ptdraft import api, cli
from ptdraft.outputs import annex_files
from ptdraft.layout import Para, Rule, SectionBreak, Table, layout
from ptdraft.reference.metrics import text_width
from ptdraft.model import ELECTRONIC, Annex
from ptdraft.rules import Align, Element
from tests.support import open_docx, pdf_pages, template_example

TEXT_WIDTH = 11906 - 1701 - 850  # A4 less the left (30 mm) and right (15 mm) margins, in twips (FORMAT.md §1)


def _draft(template_id: str, **changes):
    draft = template_example(api.get_template(template_id))
    return dataclasses.replace(draft, content=dataclasses.replace(draft.content, **changes)) if changes else draft


def _split(draft):
    content = api.fill(draft)
    return annex_files.split(layout(content), content)


def _paras(blocks, element=None) -> list[Para]:
    return [b for b in blocks if isinstance(b, Para) and (element is None or b.element is element)]


def test_each_appendix_becomes_a_layout_of_its_own():
    """Báo cáo with two appendices: the document keeps everything up to its Nơi nhận and signature and no section
    break; each appendix file opens "Phụ lục I" / "Phụ lục II" (14 pt bold, normal case, centred), the title
    (14 pt bold, upper case, centred), the italic "Kèm theo" line with a rule of 1/3 to 1/2 of its line, then its
    body ending "./.", and has no footer of page 1 (the address belongs to the document)."""
    draft = _draft("bao-cao", number=3, date=_dt.date(2027, 1, 6), contact="Số 1 Hùng Vương")
    main, files = _split(draft)
    assert not any(isinstance(b, SectionBreak) for b in main.blocks)
    assert not _paras(main.blocks, Element.APPENDIX) and not _paras(main.blocks, Element.ANNEX_NOTE)
    assert isinstance(main.blocks[-1], Table) and main.blocks[-1].name == "closing"
    assert main.first_footer and "Hùng Vương" in main.first_footer[0].text
    whole = api.layout_draft(draft)
    assert main.blocks == whole.blocks[:len(main.blocks)]
    assert [f.heading for f in files] == ["Phụ lục I", "Phụ lục II"]
    titles = [a.title for a in api.fill(draft).annexes]
    for item, title in zip(files, titles):
        blocks = item.layout.blocks
        heading, name, note, rule = blocks[:4]
        assert heading.text == item.heading and heading.element is Element.APPENDIX
        assert (heading.style.size, heading.style.bold, heading.style.italic, heading.style.align) == (14, True, False,
                                                                                                        Align.CENTER)
        assert name.text == title.upper() and (name.style.size, name.style.bold, name.style.align) == (14, True,
                                                                                                     Align.CENTER)
        assert note.text == "(Kèm theo Báo cáo số 03/BC-SNV ngày 06 tháng 01 năm 2027 của Sở Nội vụ tỉnh Quảng Trị)"
        assert (note.style.size, note.style.italic, note.style.bold) == (14, True, False)
        line = min(text_width(note.text, 14, italic=True), TEXT_WIDTH)
        assert isinstance(rule, Rule) and line / 3 * 0.99 <= rule.width <= line / 2
        assert _paras(blocks)[-1].text.endswith("./.")
        assert not any(isinstance(b, SectionBreak) for b in blocks)
        assert item.layout.first_footer == ()
        assert item.layout.title == f"{item.heading}: {title.upper()}"


def test_one_appendix_is_headed_without_a_number():
    """FORMAT.md §3.2: the Roman numeral only when there are two or more; Kế hoạch has one appendix."""
    _main, files = _split(_draft("ke-hoach"))
    assert [f.heading for f in files] == ["Phụ lục"]
    assert _paras(files[0].layout.blocks)[0].text == "Phụ lục"


def test_the_attached_text_of_a_decision_stays_in_its_file():
    """Mẫu 1.3: the Quy chế a decision issues is not an appendix; with an appendix added after it, only the
    appendix leaves, and the attached text keeps its section break and "Kèm theo" line."""
    draft = _draft("quyet-dinh-ban-hanh")
    main, files = _split(draft)
    assert files == () and main.blocks == api.layout_draft(draft).blocks
    content = draft.content
    added = dataclasses.replace(content, annexes=content.annexes + (Annex("Danh sách thành viên", "Ông A."),))
    main, files = _split(dataclasses.replace(draft, content=added))
    assert [f.heading for f in files] == ["Phụ lục"]
    assert sum(isinstance(b, SectionBreak) for b in main.blocks) == 1
    assert len(_paras(main.blocks, Element.ANNEX_NOTE)) == 1


def test_electronic_appendix_leaves_the_number_and_date_blank():
    """Mẫu 2.2 (FORMAT.md §9): in the electronic form the "Kèm theo" number and date stay blank, even when the
    document has them."""
    draft = _draft("bao-cao", number=3, date=_dt.date(2027, 1, 6), medium=ELECTRONIC)
    _main, files = _split(draft)
    notes = [_paras(f.layout.blocks, Element.ANNEX_NOTE)[0].text for f in files]
    assert notes == ["(Kèm theo Báo cáo số …/BC-SNV ngày … tháng … năm … của Sở Nội vụ tỉnh Quảng Trị)"] * 2


@pytest.mark.parametrize("heading, name", [
    ("Phụ lục", "van-ban-phu-luc.docx"), ("Phụ lục I", "van-ban-phu-luc-I.docx"),
    ("Phụ lục XIV", "van-ban-phu-luc-XIV.docx"),
])
def test_file_names_beside_the_document(heading, name):
    assert annex_files.file_name(Path("ra/van-ban.docx"), heading) == Path("ra") / name


def _sections(data: bytes) -> tuple[list[str], str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
        headers = [package.read(n).decode("utf-8") for n in package.namelist() if re.match(r"word/header\d*\.xml", n)]
    return re.findall(r"<w:sectPr.*?</w:sectPr>", xml, re.S), "".join(headers)


def test_export_writes_each_file_and_the_checker_finds_nothing(tmp_path):
    """Every file written: one section each, page 1 without a number (titlePg) and a PAGE field in the header of
    the others; ``ptdraft check`` reports no finding on any of them."""
    target = tmp_path / "bao-cao.docx"
    written = api.export_docx_files(_draft("bao-cao"), target)
    assert written == [target, tmp_path / "bao-cao-phu-luc-I.docx", tmp_path / "bao-cao-phu-luc-II.docx"]
    for path in written:
        sections, headers = _sections(path.read_bytes())
        assert len(sections) == 1 and "<w:titlePg/>" in sections[0] and "PAGE" in headers
        # A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (FORMAT.md §1), in twips.
        assert re.search(r'<w:pgSz w:w="11906" w:h="16838"', sections[0])
        margins = dict(re.findall(r'w:(top|bottom|left|right)="(\d+)"', re.search(r"<w:pgMar [^>]*>", sections[0]).group()))
        assert margins == {"top": "1134", "bottom": "1134", "left": "1701", "right": "850"}
        assert api.check_docx(path) == [], path.name
    texts = [p.text for p in open_docx(written[1]).paragraphs if p.text]
    assert texts[0] == "Phụ lục I" and texts[2].startswith("(Kèm theo Báo cáo số")
    main_texts = " ".join(p.text for p in open_docx(written[0]).paragraphs)
    assert "(Kèm theo" not in main_texts
    assert not any(p.text == "Phụ lục I" for p in open_docx(written[0]).paragraphs)


def test_the_checker_still_finds_what_is_wrong_in_an_appendix_file(tmp_path):
    """The appendix file's own rules: its title must be bold, and it must have one."""
    path = api.export_docx_files(_draft("ke-hoach"), tmp_path / "kh.docx")[1]
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml, re.S)
    assert "Phụ lục" in paragraphs[0]
    title = paragraphs[1]  # the title, between "Phụ lục" and the "Kèm theo" line
    assert "<w:b/>" in title and "Kèm theo" in paragraphs[2]

    def written(text: str) -> Path:
        out = tmp_path / f"changed-{len(list(tmp_path.iterdir()))}.docx"
        with zipfile.ZipFile(out, "w") as package:
            for name, data in parts.items():
                package.writestr(name, text.encode("utf-8") if name == "word/document.xml" else data)
        return out

    unbold = written(xml.replace(title, title.replace("<w:b/>", "").replace("<w:bCs/>", "")))
    found = {(f.rule, f.message) for f in api.check_docx(unbold)}
    assert ("font.bold", "Tên phụ lục không in đậm; quy định in đậm.") in found
    untitled = written(xml.replace(title, ""))
    assert [f.message for f in api.check_docx(untitled)] == ["Không tìm thấy thành phần bắt buộc: Tên phụ lục."]


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_render_annexes_separate(capsys, tmp_path):
    """``ptdraft render DRAFT.json -o OUT.docx --annexes-separate`` writes OUT.docx and OUT-phu-luc-I.docx …; a draft
    without appendices writes only the document, with a notice."""
    source = tmp_path / "bao-cao.json"
    api.save_draft(_draft("bao-cao"), source)
    code, out, _err = _cli(capsys, "render", source, "-o", tmp_path / "bc.docx", "--annexes-separate")
    assert code == 0
    assert out.splitlines() == [f"Đã ghi {tmp_path / n}" for n in ("bc.docx", "bc-phu-luc-I.docx", "bc-phu-luc-II.docx")]
    plain = tmp_path / "thong-bao.json"
    api.save_draft(_draft("thong-bao"), plain)
    code, out, err = _cli(capsys, "render", plain, "-o", tmp_path / "tb.docx", "--annexes-separate")
    assert code == 0, err
    assert out.splitlines() == [f"Đã ghi {tmp_path / 'tb.docx'}"] and "không có phụ lục" in err


def test_render_annexes_separate_writes_nothing_when_one_file_cannot_be(capsys, tmp_path):
    """An appendix's file that cannot be replaced (read-only) stops the command before anything is written: one
    Vietnamese message naming it, exit code 2, the document not written either."""
    source = tmp_path / "bao-cao.json"
    api.save_draft(_draft("bao-cao"), source)
    held = tmp_path / "bc-phu-luc-II.docx"
    held.write_bytes(b"PK old")
    held.chmod(0o444)
    code, out, err = _cli(capsys, "render", source, "-o", tmp_path / "bc.docx", "--annexes-separate")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "bc-phu-luc-II.docx" in err and "chỉ cho đọc" in err and "Traceback" not in err
    assert not (tmp_path / "bc.docx").exists() and not (tmp_path / "bc-phu-luc-I.docx").exists()
    assert held.read_bytes() == b"PK old"


LONG_BODY = "\n\n".join(f"Nội dung dòng thứ {n} của phụ lục, viết đủ dài để chiếm một dòng in của trang." for n in
                        range(1, 71))


@pytest.mark.libreoffice
def test_libreoffice_opens_each_file_with_its_own_page_numbers(tmp_path):
    """LibreOffice opens the document and each appendix file; an appendix of three pages prints no number on its
    page 1 and "2", "3" in the top margin of the next (FORMAT.md §1: an appendix numbers its own pages)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed"
    draft = _draft("bao-cao")
    annexes = draft.content.annexes + (Annex("Danh sách dài", LONG_BODY),)
    draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, annexes=annexes))
    written = api.export_docx_files(draft, tmp_path / "bc.docx")
    assert [p.name for p in written] == ["bc.docx", "bc-phu-luc-I.docx", "bc-phu-luc-II.docx", "bc-phu-luc-III.docx"]
    profile = tmp_path / "profile"
    result = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, written)],
                            capture_output=True, timeout=600)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    top_margin = 1134 / 20  # 20 mm in points
    for path in written:
        pages = pdf_pages(path.with_suffix(".pdf"))
        assert pages, path.name
        numbers = [" ".join(w.text for w in page.words if w.y1 <= top_margin) for page in pages]
        assert numbers == [""] + [str(n) for n in range(2, len(pages) + 1)], path.name
    for path, roman in zip(written[1:], ("I", "II", "III")):
        first = " ".join(w.text for w in pdf_pages(path.with_suffix(".pdf"))[0].words)
        assert first.startswith(f"Phụ lục {roman} "), first
    assert len(pdf_pages(written[3].with_suffix(".pdf"))) >= 3
