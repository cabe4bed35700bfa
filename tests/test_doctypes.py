"""The 29 document types of Điều 7 as shipped templates, and the layouts of Phụ lục III that differ from Mẫu 1.4:
Biên bản (1.9), Công điện (1.6), Giấy giới thiệu (1.8), the Quyết định with an attached text (1.3) and the
appendices (2.1/2.2), checked against the numbers of docs/FORMAT.md."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import re
import zipfile

import pytest

from ptdraft import api, docx_writer, rules
from ptdraft.reference import doctypes
from ptdraft.layout import Para, Rule, SectionBreak, Table, number_line
from ptdraft.model import ELECTRONIC
from ptdraft.rules import Align, Element
from tests.support import template_example

TEMPLATES = api.list_templates()


def _layout(template_id: str, **changes):
    draft = template_example(api.get_template(template_id))
    if changes:
        draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, **changes))
    return api.fill(draft), api.layout_draft(draft)


def _closing(layout) -> Table:
    return next(b for b in layout.blocks if isinstance(b, Table) and b.name == "closing")


def _cell(table: Table, column: int) -> list:
    return list(table.rows[0].cells[column].blocks)


def _texts(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Para)]


def test_every_type_of_article_7_has_an_approved_template():
    """Each of the 29 types (FORMAT.md §6.2: the 27 of the table, Công văn and Thư công) has an approved template."""
    approved = {t.doc_type for t in TEMPLATES if t.approval.state == "approved"}
    assert len(doctypes.ALL_TYPES) == 29
    assert set(doctypes.ALL_TYPES) <= approved, sorted(set(doctypes.ALL_TYPES) - approved)


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.id for t in TEMPLATES])
def test_number_uses_the_type_abbreviation(template):
    """"Số: …/<type>-<issuer>" with the abbreviation of Phụ lục III (QyĐ, CTr, TTr as written); Công văn and Thư
    công, which have none, "Số: …/<issuer>-<unit>"."""
    content = api.fill(template_example(template))
    symbol = number_line(content).split("/", 1)[1]
    code = doctypes.ABBREVIATIONS.get(template.doc_type)
    if code is None:
        assert template.doc_type in (doctypes.CONG_VAN, doctypes.THU_CONG)
        assert symbol.split("-")[0] == content.issuer_code
    else:
        assert symbol.split("-")[:2] == [code, content.issuer_code]


def test_bien_ban_layout():
    """Mẫu 1.9: "Số: …/BB-…", no place-and-date line, start and end times in the body, THƯ KÝ on the left and CHỦ
    TỌA on the right of one row (14 pt bold, upper case, room for the signature), Nơi nhận (12 pt bold italic; 11 pt
    entries) under the secretary's name, ending "- Lưu: VT, Hồ sơ."."""
    content, layout = _layout("bien-ban")
    header = layout.blocks[0]
    assert isinstance(header, Table) and header.name == "header"
    assert _texts(header.rows[1].cells[0].blocks)[0].startswith("Số: ") and "/BB-UBND" in number_line(content)
    assert header.rows[1].cells[1].blocks == ()
    body = " ".join(b.text for b in layout.blocks if isinstance(b, Para) and b.element is Element.BODY)
    assert "Thời gian bắt đầu: 08 giờ 00 phút" in body and "kết thúc vào 11 giờ 00 phút" in body
    closing = _closing(layout)
    assert closing.keep_together and len(closing.rows) == 1
    left, right = _cell(closing, 0), _cell(closing, 1)
    assert _texts(left)[:2] == ["THƯ KÝ", "Đỗ Thị Mai"] and _texts(right) == ["CHỦ TỌA", "Lê Văn Hùng"]
    for column in (left[:2], right):
        title, name = column
        assert (title.style.size, title.style.bold, title.style.upper, title.style.align) == (14, True, True, Align.CENTER)
        assert (name.style.size, name.style.bold, name.style.upper) == (14, True, False)
        assert name.style.space_before == rules.SIGNATURE_SPACE
    label = left[2]
    assert label.text == "Nơi nhận:" and (label.style.size, label.style.bold, label.style.italic) == (12, True, True)
    assert label.style.space_before == rules.COSIGNER_DISTRIBUTION_SPACE
    entries = left[3:]
    assert all(p.style.size == 11 and p.text.startswith("- ") for p in entries)
    assert entries[-1].text == "- Lưu: VT, Hồ sơ."
    assert api.find_problems(template_example(api.get_template("bien-ban"))) == []


def test_cong_dien_layout():
    """Mẫu 1.6: "Số: …/CĐ-…", "CÔNG ĐIỆN" and the summary, the centred line "<AUTHORITY> điện:" (14 pt bold), the
    recipients as "- X;" lines (14 pt, the last ending ".") in a block indented from the margin, no "Kính gửi"."""
    content, layout = _layout("cong-dien")
    assert "/CĐ-UBND" in number_line(content)
    paras = [b for b in layout.blocks if isinstance(b, Para)]
    assert paras[0].text == "CÔNG ĐIỆN" and paras[1].element is Element.SUBJECT
    sender = paras[2]
    assert sender.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ điện:"
    assert (sender.style.size, sender.style.bold, sender.style.align) == (14, True, Align.CENTER)
    recipients = paras[3:3 + len(content.recipients)]
    assert [p.text for p in recipients] == [f"- {r};" for r in content.recipients[:-1]] + [f"- {content.recipients[-1]}."]
    for para in recipients:
        assert para.element is Element.RECIPIENTS and para.style.size == 14 and not para.style.bold
        assert para.style.left_indent + para.style.first_indent == rules.TELEGRAM_DASH_INDENT
        assert para.style.first_indent < 0, "a wrapped line hangs under the text, not under the dash"
    assert not any(p.text.startswith("Kính gửi") for p in paras)
    assert _texts(_cell(_closing(layout), 0))[1] == "- Như trên;"


def test_giay_gioi_thieu_layout():
    """Mẫu 1.8: "Số: …/GGT-…", "GIẤY GIỚI THIỆU" (14 pt bold) with no summary and a rule 1/3–1/2 of it under it,
    the person, post, where and why, the request, "Giấy này có giá trị đến hết ngày …"; Nơi nhận "Như trên", Lưu."""
    content, layout = _layout("giay-gioi-thieu")
    assert "/GGT-UBND" in number_line(content)
    index = next(i for i, b in enumerate(layout.blocks) if isinstance(b, Para) and b.element is Element.DOC_TYPE)
    name, rule = layout.blocks[index], layout.blocks[index + 1]
    assert name.text == "GIẤY GIỚI THIỆU" and (name.style.size, name.style.bold) == (14, True)
    assert isinstance(rule, Rule)
    from ptdraft.reference.metrics import text_width

    printed = text_width(name.text, 14, bold=True)
    assert printed / 3 <= rule.width <= printed / 2
    assert not any(isinstance(b, Para) and b.element is Element.SUBJECT for b in layout.blocks)
    body = [b.text for b in layout.blocks if isinstance(b, Para) and b.element is Element.BODY]
    assert body[1] == "Ông (bà): Nguyễn Văn Bình;" and body[2].startswith("Chức vụ: ")
    assert body[3].startswith("Được cử đến: ") and body[4].startswith("Về việc: ")
    assert body[-1] == "Giấy này có giá trị đến hết ngày 31 tháng 12 năm 2026./."
    assert _texts(_cell(_closing(layout), 0))[1:] == ["- Như trên;", "- Lưu: VT, TH."]


def test_attached_text_of_a_decision():
    """Mẫu 1.3: after the Quyết định's signature a new section: the header without Số and date (agency with its
    rule, Quốc hiệu and Tiêu ngữ with theirs), "QUY CHẾ" 14 pt bold upper, its summary 14 pt bold, "(Kèm theo Quyết
    định số …/QĐ-UBND ngày … của …)" italic 14 pt centred, a rule 1/3–1/2 of that line, then its own articles."""
    content, layout = _layout("quyet-dinh-ban-hanh", number=12, date=_dt.date(2027, 1, 5))
    blocks = list(layout.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, SectionBreak))
    assert isinstance(blocks[start - 1], Table) and blocks[start - 1].name == "closing"
    header, kind, subject, note, rule = blocks[start + 1:start + 6]
    assert isinstance(header, Table) and len(header.rows) == 1
    assert _texts(header.rows[0].cells[0].blocks) == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]
    assert _texts(header.rows[0].cells[1].blocks) == [rules.NATIONAL_TITLE, rules.MOTTO]
    assert not any(p.element in (Element.NUMBER, Element.PLACE_DATE) for p in header.rows[0].cells[0].blocks + header.rows[0].cells[1].blocks
                   if isinstance(p, Para))
    assert kind.text == "QUY CHẾ" and (kind.style.size, kind.style.bold, kind.style.align) == (14, True, Align.CENTER)
    assert subject.text == "Tiếp công dân của Ủy ban nhân dân tỉnh Quảng Trị" and subject.style.bold
    assert note.text == ("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2027 của Chủ tịch Ủy ban nhân dân "
                         "tỉnh Quảng Trị)")
    assert (note.style.size, note.style.italic, note.style.bold, note.style.align) == (14, True, False, Align.CENTER)
    from ptdraft.reference.metrics import text_width

    line = text_width(note.text, 14, italic=True)
    assert isinstance(rule, Rule) and min(line, rules.PAGE.text_width) / 3 * 0.99 <= rule.width <= line / 2
    articles = [b.text for b in blocks[start:] if isinstance(b, Para) and b.element is Element.ARTICLE]
    assert articles[0] == "Điều 1. Phạm vi điều chỉnh" and len(articles) == 5
    assert [b.text for b in blocks[start:] if isinstance(b, Para)][-1].endswith("./.")
    # In the electronic form the number and date of the "Kèm theo" line stay blank (FORMAT.md §9).
    _, electronic = _layout("quyet-dinh-ban-hanh", number=12, date=_dt.date(2027, 1, 5), medium=ELECTRONIC)
    notes = [b.text for b in electronic.blocks if isinstance(b, Para) and b.element is Element.ANNEX_NOTE]
    assert notes == ["(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị)"]


def test_appendices_in_the_same_file():
    """Mẫu 2.1: one appendix is headed "Phụ lục", several "Phụ lục I", "Phụ lục II" (14 pt bold, normal case,
    centred); the title 14 pt bold upper; the "Kèm theo" line italic; each from a new page."""
    _, one = _layout("ke-hoach")
    headings = [b for b in one.blocks if isinstance(b, Para) and b.element is Element.APPENDIX]
    assert [h.text for h in headings] == ["Phụ lục"]
    assert (headings[0].style.size, headings[0].style.bold, headings[0].style.upper) == (14, True, False)
    _, two = _layout("bao-cao", number=3, date=_dt.date(2027, 1, 6))
    blocks = list(two.blocks)
    starts = [i for i, b in enumerate(blocks) if isinstance(b, SectionBreak)]
    assert len(starts) == 2
    for start, roman in zip(starts, ("I", "II")):
        heading, title, note = blocks[start + 1:start + 4]
        assert heading.text == f"Phụ lục {roman}" and heading.element is Element.APPENDIX
        assert title.element is Element.APPENDIX_TITLE and title.text == title.text.upper() and title.style.bold
        assert note.text == "(Kèm theo Báo cáo số 03/BC-SNV ngày 06 tháng 01 năm 2027 của Sở Nội vụ tỉnh Quảng Trị)"
        assert isinstance(blocks[start + 4], Rule)


def test_annex_sections_count_their_own_pages():
    """In the DOCX each annex ends the section before it and counts its pages from 1 (FORMAT.md §1: each appendix
    its own numbering); the first page of an annex shows neither the number nor the first page's footer."""
    draft = template_example(api.get_template("bao-cao"))
    draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, contact="Số 1 Hùng Vương"))
    with zipfile.ZipFile(io.BytesIO(api.docx_bytes(draft))) as package:
        xml = package.read("word/document.xml").decode("utf-8")
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", xml)
    assert len(sections) == 3
    assert all('<w:pgNumType w:start="1"/>' in s and "<w:titlePg/>" in s for s in sections)
    first_footer = [re.search(r'footerReference w:type="first" r:id="(\w+)"', s).group(1) for s in sections]
    target = dict(re.findall(r'Id="(\w+)" Type="[^"]+/footer" Target="([^"]+)"', rels))
    with zipfile.ZipFile(io.BytesIO(api.docx_bytes(draft))) as package:
        footers = [package.read(f"word/{target[r]}").decode("utf-8") for r in first_footer]
    assert "Hùng Vương" in footers[0] and not any("Hùng Vương" in f for f in footers[1:])
    assert docx_writer.document_xml(api.layout_draft(draft)).decode("utf-8") == xml
