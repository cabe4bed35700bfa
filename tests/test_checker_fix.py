"""``ptdraft check --fix``: a corrected copy with no fixable finding left, the same words, the original untouched."""
from __future__ import annotations

import io
import re
import unicodedata

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from ptdraft import cli
from ptdraft.checker import check_bytes, check_docx, fix_docx
from ptdraft.ooxml import docx_reader
from tests.support.checker import broken, para, paragraphs, run_fonts, set_text


def _break_everything_fixable(d) -> None:
    """Margins, page size, first-page number, fonts, sizes, weight, slant, alignment, indent and punctuation."""
    section = d.sections[0]
    section.left_margin, section.top_margin, section.right_margin = Mm(20), Mm(30), Mm(10)
    section.page_width, section.page_height = Mm(216), Mm(279)
    section.different_first_page_header_footer = False
    run_fonts(para(d, "Thực hiện").runs[0], ascii="Arial", hAnsi="Arial", eastAsiaTheme="minorEastAsia")
    for run in para(d, "CỘNG HÒA").runs:
        run.font.size = Pt(15)
    for run in para(d, "SỞ NỘI VỤ").runs:
        run.font.bold = False
    for run in para(d, "Nơi nhận").runs:
        run.font.italic = False
    para(d, "Trong quá trình").alignment = WD_ALIGN_PARAGRAPH.LEFT
    para(d, "Thực hiện").paragraph_format.first_line_indent = Cm(0)
    set_text(d, "Độc lập", "Độc lập – Tự do – Hạnh phúc")
    set_text(d, "Số:", "Số 5/SNV-CCHC")
    set_text(d, "Quảng Trị, ngày", "Quảng Trị, ngày 5 tháng 03 năm 2026")
    set_text(d, "Kính gửi", "Kính gửi")
    set_text(d, "- Các sở", "Các sở, ban, ngành cấp tỉnh")
    set_text(d, "- Lãnh đạo Sở", "- Lãnh đạo Sở")
    set_text(d, "- Trang thông tin", "– Trang thông tin điện tử Sở,")
    set_text(d, "- Lưu", "- Lưu VT, CCHC, NTH")
    set_text(d, "Trân trọng", "Trân trọng.")
    set_text(d, "KT. GIÁM", "KT GIÁM ĐỐC")


def _words(text: str) -> list[str]:
    """The words of a paragraph, punctuation and leading zeros aside."""
    text = unicodedata.normalize("NFC", text)
    return [str(int(w)) if w.isdigit() else w for w in re.findall(r"\w+", text)]


def _paragraph_texts(data: bytes) -> list[str]:
    return [p.text for p in paragraphs(docx.Document(io.BytesIO(data)))]


def test_fix_leaves_no_fixable_finding_and_the_same_words(tmp_path):
    """After --fix the copy has no fixable finding, and every paragraph keeps its words in order."""
    data = broken("cong-van-chung", _break_everything_fixable)
    before = check_bytes(data)
    assert len(before) >= 20 and all(f.fixable for f in before)
    source, output = tmp_path / "cong-van.docx", tmp_path / "cong-van-da-sua.docx"
    source.write_bytes(data)
    report = fix_docx(source, output)
    assert report.remaining == ()
    assert check_docx(output) == []
    assert {(f.rule, f.paragraph) for f in report.fixed} == {(f.rule, f.paragraph) for f in before}
    old, new = _paragraph_texts(data), _paragraph_texts(output.read_bytes())
    assert len(old) == len(new)
    for was, now in zip(old, new):
        assert _words(was) == _words(now), (was, now)
    assert "Độc lập - Tự do - Hạnh phúc" in new
    assert "Quảng Trị, ngày 05 tháng 3 năm 2026" in new
    assert "- Lưu: VT, CCHC, NTH." in new and "- Trang thông tin điện tử Sở;" in new


def test_fix_never_touches_the_original(tmp_path):
    """The source file keeps its exact bytes; the copy is a different, valid DOCX python-docx opens."""
    data = broken("cong-van-chung", _break_everything_fixable)
    source, output = tmp_path / "in.docx", tmp_path / "out.docx"
    source.write_bytes(data)
    fix_docx(source, output)
    assert source.read_bytes() == data
    fixed = docx.Document(str(output))
    assert round(fixed.sections[0].left_margin.mm) == 30
    assert fixed.sections[0].different_first_page_header_footer
    assert not [p for p in tmp_path.iterdir() if p.name not in ("in.docx", "out.docx")]  # no temp file left


def test_fix_keeps_run_formatting_around_a_text_change():
    """A punctuation fix edits characters inside the runs: the bold "Điều 3." run stays bold, the rest regular."""
    def change(d):
        p = para(d, "Điều 3.")
        p.runs[-1].text = p.runs[-1].text.replace(".", "")
        para(d, "Chánh Văn phòng").runs[-1].text = para(d, "Chánh Văn phòng").runs[-1].text.replace("./.", "")
    data = broken("quyet-dinh", change)
    package = docx_reader.read(data)
    from ptdraft.checker.fixer import fix_package

    report = fix_package(package)
    assert report.remaining == ()
    document = docx.Document(io.BytesIO(report.data))
    closing = para(document, "Chánh Văn phòng")
    assert closing.text.endswith("./.")
    article = para(document, "Điều 1.")
    assert article.runs[0].bold and article.runs[0].text.startswith("Điều 1.")


def test_fix_reports_what_it_cannot_fix(tmp_path):
    """Findings that would need new words (a misspelt national title, a type code) remain and exit code is 1."""
    def change(d):
        set_text(d, "CỘNG HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM")
        set_text(d, "Số:", "Số: 05/CV-SNV")
        d.sections[0].left_margin = Mm(20)
    source, output = tmp_path / "in.docx", tmp_path / "out.docx"
    source.write_bytes(broken("cong-van-chung", change))
    report = fix_docx(source, output)
    assert [f.rule for f in report.fixed] == ["page.margin.left"]
    assert sorted(f.rule for f in report.remaining) == ["national-title.text", "number.type-code"]
    assert not any(f.fixable for f in report.remaining)
    assert cli.main(["check", "--fix", str(source), "-o", str(tmp_path / "again.docx")]) == 1


def test_fix_of_word_default_fonts_makes_all_slots_times_new_roman(tmp_path):
    """Theme fonts in docDefaults and styles become Times New Roman in all four slots everywhere."""
    from tests.support.checker import word_letter

    source, output = tmp_path / "word.docx", tmp_path / "fixed.docx"
    document = docx.Document(io.BytesIO(word_letter(fonts_in_styles=False)))
    fonts = document.styles["Normal"].element.rPr.rFonts
    fonts.getparent().remove(fonts)  # the letters fall back to docDefaults' theme fonts (minorHAnsi)
    document.save(source)
    assert [f.rule for f in check_docx(source)] == ["font.family"]
    report = fix_docx(source, output)
    assert report.remaining == ()
    for paragraph in docx_reader.read(output).info.paragraphs:
        for run in paragraph.visible_runs:
            assert run.fonts == ("Times New Roman",) * 4


def test_fix_refuses_to_write_over_the_original(tmp_path, capsys):
    """``--fix IN -o IN`` is refused with exit code 2 and the file is left as it was."""
    source = tmp_path / "in.docx"
    data = broken("cong-van-chung", lambda d: setattr(d.sections[0], "left_margin", Mm(20)))
    source.write_bytes(data)
    assert cli.main(["check", "--fix", str(source), "-o", str(source)]) == 2
    assert "tệp gốc" in capsys.readouterr().err
    assert source.read_bytes() == data
