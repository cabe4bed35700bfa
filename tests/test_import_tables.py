"""Tables in an imported letter stay tables: the body markup's "|" rows, a Markdown table, a website's rows of three
cells or more, and a DOCX table of the content are kept cell by cell — never cut into paragraphs, never a cell
dropped as a page number — while the header's and the closing's layout tables are read as before."""
from __future__ import annotations

import dataclasses
import datetime

import docx
import pytest
from docx.shared import Cm

from ptdraft import api, body
from ptdraft.importer.lines import lines_of
from ptdraft.importer.tables import lift_tables, restore
from tests.support.word_letters import word_header

TOP = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 125/BC-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 12 tháng 3 năm 2019

BÁO CÁO
Kết quả khám sức khỏe học sinh năm học 2018 - 2019

Ủy ban nhân dân tỉnh báo cáo kết quả khám sức khỏe học sinh như sau:

"""
BOTTOM = """

Trên đây là báo cáo kết quả khám sức khỏe học sinh năm học 2018 - 2019./.

Nơi nhận:
- Bộ Y tế;
- Lưu: VT, VX.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Sơn
"""
CELLS = [("STT", "Cấp học", "Số học sinh được khám"), ("1", "Tiểu học", "12.450"), ("2", "Trung học cơ sở", "9.870")]


def tables_of(markup: str) -> list[body.Table]:
    found: list[body.Table] = []

    def walk(blocks) -> None:  # through sections, articles, numbered items and what lies under them
        for block in blocks:
            if isinstance(block, body.Table):
                found.append(block)
            elif isinstance(block, body.Node) and block.table is not None:
                found.append(block.table)
            walk(getattr(block, "blocks", ()) or getattr(block, "items", ()) or getattr(block, "parts", ())
                 or getattr(block, "children", ()))

    walk(body.parse(markup))
    return found


@pytest.mark.parametrize("rows", [
    "| STT | Cấp học | Số học sinh được khám |\n|---|---|---|\n| 1 | Tiểu học | 12.450 |\n| 2 | Trung học cơ sở | 9.870 |",
    "| STT | Cấp học | Số học sinh được khám |\n| :---: | :--- | ---: |\n| 1 | Tiểu học | 12.450 |\n"
    "| 2 | Trung học cơ sở | 9.870 |",
    "STT | Cấp học | Số học sinh được khám\n1 | Tiểu học | 12.450\n2 | Trung học cơ sở | 9.870",
], ids=["markup", "markdown", "website-rows"])
def test_a_table_in_pasted_text_is_kept_cell_by_cell(rows):
    draft, report = api.import_text(TOP + rows + BOTTOM)
    (table,) = tables_of(draft.content.body)
    assert table.rows == tuple(CELLS)
    assert not any("số trang" in note for note in report.notes)  # the cells "1" and "2" are no page numbers
    assert draft.content.body.startswith("Ủy ban nhân dân tỉnh báo cáo")
    assert draft.content.closing.startswith("Trên đây là báo cáo")
    assert ("Bảng", "1 bảng, giữ nguyên các ô") in report.recognised


def test_the_imported_table_prints_as_a_table_in_the_docx(tmp_path):
    draft, _ = api.import_text(TOP + "| STT | Cấp học | Số học sinh được khám |\n|---|---|---|\n| 1 | Tiểu học | 12.450 |\n"
                               "| 2 | Trung học cơ sở | 9.870 |" + BOTTOM)
    out = api.export_docx(draft, tmp_path / "bc.docx", strict=False)
    grids = [t for t in docx.Document(str(out)).tables if len(t.columns) == 3]
    assert [tuple(c.text for c in row.cells) for row in grids[0].rows] == CELLS


def test_rows_holding_the_header_forms_are_left_to_the_header():
    lines = lines_of("| ỦY BAN NHÂN DÂN TỈNH HÀ GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                     "| Số: 125/UBND-VX | Hà Giang, ngày 12 tháng 3 năm 2019 |\nKính gửi: Sở Y tế.")
    kept, tables = lift_tables(lines)
    assert tables == [] and [line.text for line in kept] == [line.text for line in lines]


def test_two_cells_joined_by_a_bar_are_a_websites_columns_not_a_table():
    lines = lines_of("Nơi nhận: | KT. CHỦ TỊCH\n- Như trên; | PHÓ CHỦ TỊCH\n- Lưu: VT. | Nguyễn Văn Sơn")
    assert lift_tables(lines)[1] == []


def test_a_placeholder_comes_back_as_its_rows():
    kept, tables = lift_tables(lines_of("Trước bảng:\n| a | b |\n| c | d |\nSau bảng."))
    assert [line.text for line in kept][0] == "Trước bảng:" and kept[-1].blank_before
    assert restore(kept[1].text, tables) == "| a | b |\n|---|---|\n| c | d |"  # its first row the heading


def _word_letter(tmp_path, table_rows, heading_bold: bool = True, widths=(1.2, 6.0, 8.0)):
    document = docx.Document()
    word_header(document, "Số: 125/BC-UBND")
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả khám sức khỏe học sinh năm học 2018 - 2019")
    document.add_paragraph("Ủy ban nhân dân tỉnh báo cáo kết quả khám sức khỏe học sinh như sau:")
    grid = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
    grid.style = "Table Grid"
    for c, width in enumerate(widths[:len(table_rows[0])]):
        grid.columns[c].width = Cm(width)  # the grid (w:gridCol) and each cell (w:tcW), as Word writes both
    for r, row in enumerate(table_rows):
        for c, value in enumerate(row):
            cell = grid.cell(r, c)
            cell.width = Cm(widths[c])
            cell.text = value
            if r == 0 and heading_bold:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    document.add_paragraph("Trên đây là báo cáo kết quả khám sức khỏe học sinh năm học 2018 - 2019./.")
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:"
    closing.cell(0, 0).add_paragraph("- Bộ Y tế;")
    closing.cell(0, 0).add_paragraph("- Lưu: VT, VX.")
    closing.cell(0, 1).text = "CHỦ TỊCH"
    closing.cell(0, 1).add_paragraph("")
    closing.cell(0, 1).add_paragraph("Nguyễn Văn Sơn")
    path = tmp_path / "bc.docx"
    document.save(str(path))
    return path


def test_a_word_table_of_the_content_is_kept_with_its_heading_and_widths(tmp_path):
    draft, _ = api.import_file(_word_letter(tmp_path, CELLS))
    (table,) = tables_of(draft.content.body)
    assert table.rows == tuple(CELLS)
    assert table.header_rows == 1  # the bold first row heads the table, repeated on each page
    narrow, middle, wide = table.weights
    assert narrow < middle < wide
    # The closing's table (a title and a name, no signing form) is still the signature, not a table.
    assert draft.content.signature.name == "Nguyễn Văn Sơn"
    assert draft.content.distribution[0] == "Bộ Y tế"


def test_a_word_table_without_a_bold_first_row_has_no_heading(tmp_path):
    draft, _ = api.import_file(_word_letter(tmp_path, CELLS, heading_bold=False))
    (table,) = tables_of(draft.content.body)
    assert table.header_rows == 0 and table.rows == tuple(CELLS)


def test_ptdraft_s_own_table_comes_back_the_same(tmp_path):
    draft, _ = api.import_text(TOP + "| STT | Cấp học | Số học sinh được khám |\n|---|---|---|\n| 1 | Tiểu học | 12.450 |\n"
                               "| 2 | Trung học cơ sở | 9.870 |" + BOTTOM)
    again, _ = api.import_file(api.export_docx(draft, tmp_path / "bc.docx", strict=False))
    (table,) = tables_of(again.content.body)
    assert table.rows == tuple(CELLS) and table.header_rows == 1


ROWS = "| STT | Cấp học | Số học sinh được khám |\n|---|---|---|\n| 1 | Tiểu học | 12.450 |\n| 2 | Trung học cơ sở | 9.870 |"


def test_a_table_under_a_numbered_item_keeps_its_place_and_every_word():
    draft, report = api.import_text(TOP + "1. Kết quả khám:\n\n" + ROWS + "\n\n2. Kiến nghị: tăng cường y tế trường học."
                                    + BOTTOM)
    markup = draft.content.body
    assert markup.index("1. Kết quả khám:") < markup.index("| STT |") < markup.index("2. Kiến nghị")
    (table,) = tables_of(markup)
    assert table.rows == tuple(CELLS)
    assert any("| 1 | Tiểu học | 12.450 |" in item for item in report.numbered_items)


def test_a_table_in_an_appendix_is_the_appendixs():
    draft, _ = api.import_text(TOP + "Nội dung chính của báo cáo." + BOTTOM + "\nPhụ lục\nSỐ LIỆU KHÁM SỨC KHỎE\n"
                               "(Kèm theo Báo cáo số 125/BC-UBND ngày 12/3/2019 của UBND tỉnh Hà Giang)\n\n" + ROWS + "\n")
    (annex,) = draft.content.annexes
    assert annex.title == "SỐ LIỆU KHÁM SỨC KHỎE"
    (table,) = tables_of(annex.body)
    assert table.rows == tuple(CELLS)


# A letter as an OCR tool or a chat assistant writes it in Markdown: the header's two columns and the Nơi nhận and
# signature row as pipe tables whose cells hold their lines apart by "<br>".
MARKDOWN_LAYOUT = """| **UBND HUYỆN CAN LỘC**<br>**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |
|:---:|:---:|
| Số: 312/PGDĐT-TH<br>V/v kiểm tra thư viện trường học năm 2025 | *Can Lộc, ngày 08 tháng 5 năm 2025* |

**Kính gửi:** Hiệu trưởng các trường tiểu học trong huyện.

Phòng Giáo dục và Đào tạo đề nghị các trường chuẩn bị hồ sơ thư viện như sau:

| STT | Hồ sơ | Ghi chú |
|---|---|---|
| 1 | Sổ đăng ký<br>cá biệt | bản giấy |
| 2 | Danh mục sách | bản điện tử |

Đề nghị các trường thực hiện nghiêm túc./.

| **Nơi nhận:**<br>- Như trên;<br>- Lưu: VT, TH. | **KT. TRƯỞNG PHÒNG**<br>**PHÓ TRƯỞNG PHÒNG**<br><br><br>**Hồ Thị Minh Tâm** |
|---|---|
"""


def test_a_markdown_layout_table_with_breaks_in_its_cells_is_read_as_the_header_and_the_closing():
    draft, report = api.import_text(MARKDOWN_LAYOUT)
    content = draft.content
    assert (content.parent_authority, content.authority) == ("UBND HUYỆN CAN LỘC", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    assert (content.number, content.issuer_code, content.type_code) == (312, "PGDĐT", "")
    assert content.unit_code == "TH"
    assert content.subject == "kiểm tra thư viện trường học năm 2025"
    assert (content.place, content.date) == ("Can Lộc", datetime.date(2025, 5, 8))
    assert content.recipients == ("Hiệu trưởng các trường tiểu học trong huyện.",)
    signature = content.signature
    assert (signature.mode.value, signature.head_title, signature.position, signature.name) == (
        "KT.", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Hồ Thị Minh Tâm")
    assert (content.distribution, content.archive) == (("Như trên",), ("TH",))  # "Lưu: VT, TH"
    # The table of the content stays a table, the "<br>" in its cell a space; no "<br>" or "---" anywhere.
    (table,) = tables_of(content.body)
    assert table.rows == (("STT", "Hồ sơ", "Ghi chú"), ("1", "Sổ đăng ký cá biệt", "bản giấy"),
                          ("2", "Danh mục sách", "bản điện tử"))
    assert content.body.startswith("Phòng Giáo dục và Đào tạo đề nghị")
    printed = " ".join(str(value) for value in dataclasses.asdict(content).values())
    assert "<br>" not in printed and "---|" not in printed.replace("|---|---|---|", "")
    assert any("bảng Markdown (dòng 1–3)" in note for note in report.notes)


def test_a_markdown_letter_in_a_md_file_is_imported(tmp_path):
    path = tmp_path / "cong-van.md"
    path.write_text(MARKDOWN_LAYOUT, encoding="utf-8")
    draft, _ = api.import_file(path)
    assert draft.content.authority == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
