"""The bold rows of an imported table: the first row of a table typed in text (a Markdown table without its "|---|"
line, a website's rows) is its heading, as a DOCX table's bold first row is; a DOCX table's bold last row ("Tổng
cộng") stays bold, as the markup's rows under a second "|---|" line (body.Table.total_rows), through the DOCX
ptdraft writes and back."""
from __future__ import annotations

import docx
import pytest

from ptdraft import api, body
from ptdraft.importer.lines import lines_of
from ptdraft.importer.tables import lift_tables
from tests.test_import_tables import BOTTOM, CELLS, TOP, _word_letter, tables_of

TOTAL = ("Tổng cộng", "", "22.320")


@pytest.mark.parametrize("rows", [
    "| STT | Cấp học | Số học sinh được khám |\n| 1 | Tiểu học | 12.450 |\n| 2 | Trung học cơ sở | 9.870 |",
    "STT | Cấp học | Số học sinh được khám\n1 | Tiểu học | 12.450\n2 | Trung học cơ sở | 9.870",
], ids=["markdown-without-rule", "website-rows"])
def test_the_first_row_of_a_table_typed_in_text_is_its_heading(rows):
    draft, _ = api.import_text(TOP + rows + BOTTOM)
    (table,) = tables_of(draft.content.body)
    assert table.rows == tuple(CELLS) and table.header_rows == 1


def test_a_first_row_of_data_is_no_heading():
    """Rows that begin with a number ("| 1 | Tiểu học | …") have no heading row to make bold."""
    _kept, (table,) = lift_tables(lines_of("Trước bảng:\n| 1 | Tiểu học | 12.450 |\n| 2 | Trung học cơ sở | 9.870 |"))
    assert table == "| 1 | Tiểu học | 12.450 |\n| 2 | Trung học cơ sở | 9.870 |"


def test_the_rows_under_a_second_rule_line_end_the_table_in_bold():
    (table,) = body.parse("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n|---|---|\n| Tổng | 10 |")
    assert table.header_rows == 1 and table.total_rows == 1 and table.rows[-1] == ("Tổng", "10")
    (plain,) = body.parse("| a | b |\n|---|---|\n| 1 | 2 |")
    assert plain.total_rows == 0


def _bold_last_row(path):
    document = docx.Document(str(path))
    grid = next(t for t in document.tables if len(t.columns) == 3 and t.cell(0, 0).text == "STT")
    return [all(run.bold for p in cell.paragraphs for run in p.runs if run.text.strip()) for cell in grid.rows[-1].cells
            if cell.text.strip()]


def test_a_word_tables_bold_total_row_stays_bold_through_import_and_export(tmp_path):
    path = _word_letter(tmp_path, CELLS + [TOTAL])
    document = docx.Document(str(path))
    grid = next(t for t in document.tables if t.cell(0, 0).text == "STT")
    for cell in grid.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    document.save(str(path))
    draft, _ = api.import_file(path)
    (table,) = tables_of(draft.content.body)
    assert table.rows == tuple(CELLS) + (TOTAL,)
    assert table.header_rows == 1 and table.total_rows == 1
    out = api.export_docx(draft, tmp_path / "lai.docx", strict=False)
    assert _bold_last_row(out) == [True, True]  # "Tổng cộng" and its number, bold in the letter written
    again, _ = api.import_file(out)
    (back,) = tables_of(again.content.body)
    assert back.rows == table.rows and (back.header_rows, back.total_rows) == (1, 1)


def test_a_word_table_whose_last_row_is_not_bold_has_no_total_row(tmp_path):
    draft, _ = api.import_file(_word_letter(tmp_path, CELLS + [TOTAL]))
    (table,) = tables_of(draft.content.body)
    assert table.total_rows == 0 and table.header_rows == 1
    assert _bold_last_row(api.export_docx(draft, tmp_path / "lai.docx", strict=False)) == [False, False]


def test_a_total_row_whose_label_alone_is_bold_is_a_total_row(tmp_path):
    """Word users often bold only "Tổng cộng" and leave its numbers regular: the row is still the table's total."""
    path = _word_letter(tmp_path, CELLS + [TOTAL])
    document = docx.Document(str(path))
    grid = next(t for t in document.tables if t.cell(0, 0).text == "STT")
    for run in grid.rows[-1].cells[0].paragraphs[0].runs:
        run.bold = True
    document.save(str(path))
    draft, _ = api.import_file(path)
    (table,) = tables_of(draft.content.body)
    assert table.total_rows == 1


def test_a_bold_first_column_makes_no_total_row(tmp_path):
    """Row labels in bold on every row: the last one is no more a total than the others."""
    path = _word_letter(tmp_path, CELLS + [TOTAL])
    document = docx.Document(str(path))
    grid = next(t for t in document.tables if t.cell(0, 0).text == "STT")
    for row in grid.rows:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True
    document.save(str(path))
    draft, _ = api.import_file(path)
    (table,) = tables_of(draft.content.body)
    assert table.total_rows == 0
