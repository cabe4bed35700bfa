"""Word's automatic lists in an imported DOCX: the label Word prints ("1.", "a)", "II.", "Điều 3.", a bullet) is in
no run of the paragraph, so the reader counts the lists as Word does and the importer puts each label before its
text — a clerk's Kính gửi and Nơi nhận made with bullets stay separate entries, numbered requirements stay items."""
from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ptdraft import api
from ptdraft.ooxml import docx_reader
from ptdraft.ooxml.wordml import ListLabels, list_number
from tests.support.word_letters import word_header


@pytest.mark.parametrize(("value", "form", "shown"), [
    (3, "decimal", "3"), (3, "decimalZero", "03"), (12, "decimalZero", "12"), (3, "lowerLetter", "c"),
    (27, "lowerLetter", "aa"), (4, "upperRoman", "IV"), (14, "upperRoman", "XIV"), (9, "lowerRoman", "ix"),
    (2, "upperLetter", "B"), (5, "ordinalText", "5"),
])
def test_list_numbers_as_word_prints_them(value, form, shown):
    assert list_number(value, form) == shown


def test_levels_count_on_and_the_levels_under_them_start_again():
    labels = ListLabels({("1", "0"): ("upperRoman", "%1.", 1), ("1", "1"): ("decimal", "%2.", 1),
                         ("1", "2"): ("lowerLetter", "%3)", 1), ("2", "0"): ("decimal", "Điều %1.", 5),
                         ("3", "0"): ("bullet", "-", 1)})
    seen = [labels.label(n) for n in [("1", "0"), ("1", "1"), ("1", "2"), ("1", "2"), ("1", "1"), ("1", "2"),
                                      ("1", "0"), ("1", "1"), ("2", "0"), ("2", "0"), ("3", "0"), ("9", "0")]]
    assert seen == ["I.", "1.", "a)", "b)", "2.", "a)", "II.", "1.", "Điều 5.", "Điều 6.", "-", ""]


def test_a_multi_level_label_shows_every_level():
    labels = ListLabels({("1", "0"): ("decimal", "%1.", 1), ("1", "1"): ("decimal", "%1.%2.", 1)})
    assert [labels.label(n) for n in [("1", "0"), ("1", "1"), ("1", "1"), ("1", "0"), ("1", "1")]] == \
        ["1.", "1.1.", "1.2.", "2.", "2.1."]


def _numbering(document, num_id: int, levels: list[tuple[str, str]], start_override: int | None = None) -> None:
    """A list definition of ``levels`` (numFmt, lvlText) as numbering ``num_id`` in the document's numbering part."""
    numbering = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'</w:lvl>' for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id + 100}">{lvls}</w:abstractNum>')
    numbering.insert(0, abstract)
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
                if start_override else "")
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id + 100}"/>'
                               f'{override}</w:num>'))


def _listed(document, text: str, num_id: int, level: int = 0):
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def _letter(tmp_path, body) -> object:
    """A công văn typed in Word with its header in a table, ``body(document)`` writing what comes under it."""
    document = docx.Document()
    word_header(document, "Số: 125/UBND-VX", "triển khai công tác y tế trường học")
    body(document)
    path = tmp_path / "letter.docx"
    document.save(str(path))
    return path


def _footer(document, bullets: str = "List Bullet") -> None:
    document.add_paragraph("Ủy ban nhân dân tỉnh yêu cầu các đơn vị thực hiện./.")
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    cell.text = "Nơi nhận:"
    for entry in ("Như trên;", "Chủ tịch, các PCT UBND tỉnh;", "Lưu: VT, VX."):
        cell.add_paragraph(entry, style=bullets)
    cell = table.cell(0, 1)
    cell.text = "KT. CHỦ TỊCH"
    for line in ("PHÓ CHỦ TỊCH", "", "Nguyễn Văn Sơn"):
        cell.add_paragraph(line)


def test_bulleted_recipients_and_numbered_requirements_from_word_styles(tmp_path):
    def body(document):
        document.add_paragraph("Kính gửi:")
        document.add_paragraph("Sở Y tế;", style="List Bullet")
        document.add_paragraph("Sở Giáo dục và Đào tạo.", style="List Bullet")
        document.add_paragraph("Thực hiện chỉ đạo của Bộ Y tế, Ủy ban nhân dân tỉnh yêu cầu các sở:")
        document.add_paragraph("Bảo đảm các điều kiện chăm sóc sức khỏe học sinh.", style="List Number")
        document.add_paragraph("Báo cáo kết quả trước ngày 30/4/2019.", style="List Number")
        _footer(document)

    draft, _report = api.import_file(_letter(tmp_path, body))
    content = draft.content
    assert content.recipients == ("Sở Y tế", "Sở Giáo dục và Đào tạo")
    assert [item.text for item in content.requirements] == [
        "Bảo đảm các điều kiện chăm sóc sức khỏe học sinh.", "Báo cáo kết quả trước ngày 30/4/2019."]
    assert "Chủ tịch, các PCT UBND tỉnh" in content.distribution
    assert content.archive == ("VX",)


def test_numbered_items_with_lettered_points_of_a_custom_list(tmp_path):
    def body(document):
        _numbering(document, 41, [("decimal", "%1."), ("lowerLetter", "%2)")])
        document.add_paragraph("Kính gửi: Sở Y tế.")
        document.add_paragraph("Ủy ban nhân dân tỉnh yêu cầu:")
        _listed(document, "Tổ chức khám sức khỏe cho học sinh:", 41)
        _listed(document, "Học sinh lớp 1;", 41, 1)
        _listed(document, "Học sinh lớp 6.", 41, 1)
        _listed(document, "Báo cáo kết quả trước ngày 30/4/2019.", 41)
        _footer(document)

    draft, _report = api.import_file(_letter(tmp_path, body))
    items = draft.content.requirements
    assert [item.text for item in items] == ["Tổ chức khám sức khỏe cho học sinh:", "Báo cáo kết quả trước ngày 30/4/2019."]
    assert items[0].subitems == ("Học sinh lớp 1;", "Học sinh lớp 6.")


def test_the_reader_gives_each_paragraph_the_label_word_prints(tmp_path):
    def body(document):
        _numbering(document, 42, [("upperRoman", "%1."), ("decimal", "%2.")])
        _numbering(document, 43, [("decimal", "Điều %1.")], start_override=3)
        _listed(document, "MỤC ĐÍCH, YÊU CẦU", 42)
        _listed(document, "Mục đích", 42, 1)
        _listed(document, "Yêu cầu", 42, 1)
        _listed(document, "NỘI DUNG", 42)
        _listed(document, "Hiệu lực thi hành.", 43)
        _listed(document, "Trách nhiệm thi hành.", 43)

    info = docx_reader.read(_letter(tmp_path, body), "letter.docx").info
    labelled = [(p.label, p.text) for p in info.paragraphs if p.label]
    assert labelled == [("I.", "MỤC ĐÍCH, YÊU CẦU"), ("1.", "Mục đích"), ("2.", "Yêu cầu"), ("II.", "NỘI DUNG"),
                        ("Điều 3.", "Hiệu lực thi hành."), ("Điều 4.", "Trách nhiệm thi hành.")]
    assert all(p.label == "" for p in info.paragraphs if p.table >= 0)


def test_a_paragraph_whose_numbering_is_switched_off_has_no_label(tmp_path):
    def body(document):
        paragraph = document.add_paragraph("Đoạn thường trong kiểu danh sách.", style="List Number")
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))

    info = docx_reader.read(_letter(tmp_path, body), "letter.docx").info
    (para,) = [p for p in info.paragraphs if p.text.startswith("Đoạn thường")]
    assert para.label == ""
    styled = docx_reader.read(_letter(tmp_path, lambda d: d.add_paragraph("Mục một.", style="List Number")),
                              "letter.docx").info
    assert [p.label for p in styled.paragraphs if p.text == "Mục một."] == ["1."]
