"""Structure inside the body (FORMAT.md §4.2): the levels a clerk types, how each prints, and the DOCX settings that
keep headings with what follows them and stop single lines at a page's top or foot; tables in the body.

The expected forms are written out from FORMAT.md §4.2, never read from ptdraft.rules.
"""
from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

from ptdraft import api, body
from ptdraft.layout import Para, Table, layout
from ptdraft.model import Content, Item
from tests.support.documents import long_plan, long_regulation
from tests.support import REPO, W, open_docx

BASE = Content(doc_type="Kế hoạch", authority="ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", issuer_code="UBND",
               subject="Triển khai nhiệm vụ năm 2027")


def body_paras(text: str, **changes) -> list[Para]:
    result = layout(dataclasses.replace(BASE, body=text, **changes))
    return [b for b in result.blocks if isinstance(b, Para) and b.ref == "body"]


def printed(text: str, **changes) -> list[str]:
    return [p.text for p in body_paras(text, **changes)]


PLAN = """I. Mục đích, yêu cầu
1. Mục đích
- Nâng cao chất lượng phục vụ;
- Bảo đảm đúng tiến độ.

Nội dung chung của mục đích.

7. Yêu cầu
a) Điểm một;
b) Điểm hai.
II. Nội dung
5. Các hoạt động chính
2.4. Hội nghị triển khai
- Thời gian: tháng 3.
9.9. Kiểm tra, giám sát
III. Kinh phí
- Ngân sách tỉnh."""


def test_plan_levels_print_numbered_in_order():
    """I./1./1.1./a)/- are numbered when laid out, whatever the clerk typed: sections I, II, III; items from 1 in
    each section, on through the paragraphs under them; sub-items 1.1. under their item; dash lines as typed."""
    assert printed(PLAN) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao chất lượng phục vụ;",
        "- Bảo đảm đúng tiến độ.",
        "Nội dung chung của mục đích.",
        "2. Yêu cầu",
        "a) Điểm một;",
        "b) Điểm hai.",
        "II. NỘI DUNG",
        "1. Các hoạt động chính",
        "1.1. Hội nghị triển khai",
        "- Thời gian: tháng 3.",
        "1.2. Kiểm tra, giám sát",
        "III. KINH PHÍ",
        "- Ngân sách tỉnh.",
    ]


def _weights(para: Para) -> set[tuple[bool, bool]]:
    style = para.style
    return {(style.bold if r.bold is None else r.bold, style.italic if r.italic is None else r.italic)
            for r in para.runs if r.text.strip()}


def test_plan_levels_have_the_decree_styles():
    """§4.2 for reports and plans: the section "I." bold and upper case; an item with a title bold, one without
    regular; points and dash lines regular; every one justified with the body's first-line indent."""
    paras = {p.text: p for p in body_paras(PLAN)}
    section = paras["I. MỤC ĐÍCH, YÊU CẦU"]
    assert section.style.bold and section.style.upper
    assert _weights(paras["1. Mục đích"]) == {(True, False)}
    assert _weights(paras["2. Yêu cầu"]) == {(True, False)}
    assert _weights(paras["a) Điểm một;"]) == {(False, False)}
    assert _weights(paras["- Bảo đảm đúng tiến độ."]) == {(False, False)}
    assert _weights(paras["1.1. Hội nghị triển khai"]) == {(True, True)}  # house style: bold italic
    for para in paras.values():
        assert para.style.align.value == "both" and para.style.first_indent == 567
        assert para.style.size == 14


def test_an_item_that_is_a_sentence_stays_regular():
    """A clause without a title ("1. Báo cáo kết quả.") is a regular paragraph, not a heading."""
    para = body_paras("I. Nội dung\n1. Báo cáo kết quả thực hiện.\n- Gửi trước ngày 15.")[1]
    assert _weights(para) == {(False, False)} and not para.style.keep_next


DECISION = """Chương I
Quy định chung
Điều 1. Phạm vi điều chỉnh

Quy chế này quy định việc làm việc.

Mục 4. Trách nhiệm
Tiểu mục 3. Của người đứng đầu
Điều 7. Trách nhiệm của Chánh Văn phòng
1. Tham mưu
a) Điểm một.
Chương 9: Điều khoản thi hành
Mục 8. Hiệu lực
Điều 3. Hiệu lực thi hành
Phần II. Phần cuối
Chương X
Tổ chức thực hiện
Mục 5
Thi hành"""


def test_decision_divisions_print_numbered_centred_with_their_titles():
    """§4.2: "Phần"/"Chương" with Roman numerals, "Mục"/"Tiểu mục" with Arabic ones, each on its own line,
    centred, bold, normal case; the title on the next line, centred, bold, upper case. Articles count on through
    the chapters, chapters through the parts; a section counts from 1 in each chapter."""
    paras = body_paras(DECISION, doc_type="Quy chế")
    assert [p.text for p in paras] == [
        "Chương I", "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định việc làm việc.",
        "Mục 1", "TRÁCH NHIỆM",
        "Tiểu mục 1", "CỦA NGƯỜI ĐỨNG ĐẦU",
        "Điều 2. Trách nhiệm của Chánh Văn phòng",
        "1. Tham mưu",
        "a) Điểm một.",
        "Chương II", "ĐIỀU KHOẢN THI HÀNH",
        "Mục 1", "HIỆU LỰC",
        "Điều 3. Hiệu lực thi hành",
        "Phần I", "PHẦN CUỐI",
        "Chương III", "TỔ CHỨC THỰC HIỆN",
        "Mục 1", "THI HÀNH",
    ]
    for para in paras:
        if re.match(r"^(Phần|Chương|Mục|Tiểu mục) ", para.text):
            assert para.style.bold and not para.style.upper and para.style.align.value == "center"
        elif para.text.isupper():
            assert para.style.bold and para.style.upper and para.style.align.value == "center"
    article = next(p for p in paras if p.text.startswith("Điều 2."))
    assert _weights(article) == {(True, False)}


HEADINGS = {"I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "1.1. Hội nghị triển khai", "II. NỘI DUNG",
            "Chương I", "QUY ĐỊNH CHUNG", "Mục 1", "TRÁCH NHIỆM", "Điều 2. Trách nhiệm của Chánh Văn phòng",
            "1. Tham mưu"}
TEXT = {"- Nâng cao chất lượng phục vụ;", "Nội dung chung của mục đích.", "a) Điểm một;", "a) Điểm một.",
        "Quy chế này quy định việc làm việc.", "1.2. Kiểm tra, giám sát", "- Ngân sách tỉnh."}


def test_headings_keep_with_what_follows_and_do_not_split():
    """Every heading (a division and its title, a section, an article or item with a title) keeps with the next
    paragraph and keeps its lines together; body text does neither."""
    seen = set()
    for text, doc_type in ((PLAN, "Kế hoạch"), (DECISION, "Quy chế")):
        for para in body_paras(text, doc_type=doc_type):
            if para.text in HEADINGS:
                assert para.style.keep_next and para.style.keep_lines, para.text
            elif para.text in TEXT:
                assert not para.style.keep_next and not para.style.keep_lines, para.text
            else:
                continue
            seen.add(para.text)
    assert seen == HEADINGS | TEXT


def test_existing_bodies_parse_as_before():
    """The markup of drafts written before the new levels gives the same blocks: items, points, articles, a
    backslash line, a paragraph ending a list, "1.5 triệu" and a dash line after a blank line."""
    assert body.parse("1. Một\na) p\n\nSau\n\n2. Hai") == (
        body.NumberedList((Item("Một", ("p",)),)), body.Paragraph("Sau"), body.NumberedList((Item("Hai"),)))
    assert body.parse("Mời:\n\n- Ông A;\n\n- Bà B.") == (
        body.Paragraph("Mời:"), body.Paragraph("- Ông A;"), body.Paragraph("- Bà B."))
    assert body.parse("Chương trình hành động số 8.\n\nMục tiêu chung: tăng 5%.") == (
        body.Paragraph("Chương trình hành động số 8."), body.Paragraph("Mục tiêu chung: tăng 5%."))
    assert body.parse("Mục 2 của Kế hoạch này") == (body.Paragraph("Mục 2 của Kế hoạch này"),)
    assert body.parse("1.1. không có mục trên") == (body.Paragraph("1.1. không có mục trên"),)


TABLE = """I. Phân công

1. Nhiệm vụ cụ thể:
| TT | Nhiệm vụ | Đơn vị chủ trì |
|--|--------|----|
| 1 | Xây dựng kế hoạch | Sở Nội vụ |
| 2 | Kiểm tra \\| đôn đốc | Văn phòng |
| 3 | Báo cáo |
2. Tổ chức thực hiện."""


def test_a_table_typed_with_bars():
    """"|" lines make a table; the dashes line marks the rows above it as the header and gives the columns'
    relative widths; "\\|" is a bar inside a cell; a short row is filled with empty cells."""
    item = body.parse(TABLE)[0].blocks[0].items[0]
    table = item.parts[0].table
    assert table.rows == (("TT", "Nhiệm vụ", "Đơn vị chủ trì"), ("1", "Xây dựng kế hoạch", "Sở Nội vụ"),
                          ("2", "Kiểm tra | đôn đốc", "Văn phòng"), ("3", "Báo cáo", ""))
    assert table.header_rows == 1 and table.weights == (2, 8, 4)


def test_a_body_table_is_laid_out_over_the_text_width():
    """The table spans the text width (165 mm = 9355 twips) in its columns' proportions, 13 pt, the header bold
    and centred, and numbering goes on after it."""
    result = layout(dataclasses.replace(BASE, body=TABLE))
    table = next(b for b in result.blocks if isinstance(b, Table) and b.grid)
    assert sum(table.widths) == 9355
    assert [round(w / 9355 * 14) for w in table.widths] == [2, 8, 4]
    head = table.rows[0].cells[1].blocks[0]
    assert head.style.size == 13 and head.style.bold and head.style.align.value == "center"
    cell = table.rows[1].cells[1].blocks[0]
    assert cell.style.size == 13 and not cell.style.bold
    assert "2. Tổ chức thực hiện." in [b.text for b in result.blocks if isinstance(b, Para)]


def _docx_body(draft):
    return open_docx(api.docx_bytes(draft)).element.body


def test_docx_turns_widow_control_on_and_keeps_headings():
    """Every paragraph has widow and orphan control on; each heading keepNext and keepLines; body text neither."""
    root = _docx_body(long_plan())
    paragraphs = root.iter(f"{W}p")
    seen = 0
    for p in paragraphs:
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            continue
        widow = ppr.find(f"{W}widowControl")
        assert widow is not None and widow.get(f"{W}val") in (None, "1", "true", "on")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2.1. Chương trình nghệ thuật đặc biệt Khai mạc Festival "
                    "Thăng Long Hà Nội lần thứ II năm 2026"):
            assert ppr.find(f"{W}keepNext") is not None and ppr.find(f"{W}keepLines") is not None, text
            seen += 1
        elif text.startswith("- Thời gian dự kiến"):
            assert ppr.find(f"{W}keepNext") is None and ppr.find(f"{W}keepLines") is None
    assert seen == 3


def test_docx_body_table_has_grid_header_and_unsplit_rows():
    """The assignment table: single 0.5 pt lines all round and inside, fixed layout, the header row repeated
    (tblHeader), no row split across pages, 13 pt text, columns as the dashes line says."""
    root = _docx_body(long_plan())
    table = next(t for t in root.iter(f"{W}tbl") if "Nhiệm vụ" in "".join(x.text or "" for x in t.iter(f"{W}t")))
    borders = table.find(f"{W}tblPr/{W}tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = borders.find(f"{W}{side}")
        assert line.get(f"{W}val") == "single" and line.get(f"{W}sz") == "4"
    rows = table.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    sizes = {s.get(f"{W}val") for s in table.iter(f"{W}sz")}
    assert sizes == {"26"}
    widths = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
    assert sum(widths) == 9355 and widths[1] > 4 * widths[0]


def test_checker_finds_nothing_on_the_new_levels_and_tables(tmp_path):
    """`ptdraft check` reports no finding on ptdraft's own output for the plan (sections, items, sub-items, dash
    lines, a table) and the regulation (parts, chapters, sections, sub-sections, articles)."""
    paths = []
    for name, draft in (("ke-hoach", long_plan()), ("quy-che", long_regulation())):
        path = tmp_path / f"{name}.docx"
        api.export_docx(draft, path)
        paths.append(str(path))
    for path in paths:
        result = subprocess.run([sys.executable, "-m", "ptdraft", "check", path], capture_output=True, text=True,
                                cwd=REPO)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_body_ending_in_a_table_ends_with_the_mark_under_it(tmp_path):
    """"./." closes the text: after a table that ends the body it goes on a line of its own under the table, not into
    the paragraph above it, and the checker finds nothing."""
    content = dataclasses.replace(BASE, doc_type="Báo cáo", close="./.",
                                  body="Kết quả như sau:\n\n| TT | Chỉ tiêu |\n|--|----|\n| 1 | Thu ngân sách |")
    blocks = layout(content).blocks
    table = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.grid)
    assert blocks[table - 1].text == "Kết quả như sau:"
    assert blocks[table + 1].text == "./."
    draft = dataclasses.replace(long_regulation(), content=dataclasses.replace(
        long_regulation().content, doc_type="Báo cáo", body=content.body))
    path = tmp_path / "bao-cao.docx"
    api.export_docx(draft, path)
    assert api.check_docx(path) == []
