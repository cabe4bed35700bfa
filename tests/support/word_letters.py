"""Letters as a clerk types them in Word, for the DOCX import tests: the header in a borderless two-column table."""
from __future__ import annotations


def word_header(document, number: str, subject: str | None = None) -> None:
    """The header table of a letter of UBND tỉnh Hà Giang: the authority | the national title and motto, then
    ``number`` (with a V/v ``subject`` under it for a công văn) | the place and date."""
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    table.cell(1, 0).text = number
    if subject:
        table.cell(1, 0).add_paragraph(f"V/v {subject}")
    table.cell(1, 1).text = "Hà Giang, ngày 12 tháng 3 năm 2019"


def cell_lines(cell, lines) -> None:
    """``lines`` as the paragraphs of a table cell: the first in the cell's own paragraph, the others after it."""
    first, *rest = lines
    cell.text = first
    for line in rest:
        cell.add_paragraph(line)


def closing_row(document, distribution, signature) -> None:
    """The Nơi nhận | signature row a clerk types under the body: a borderless table of one row, two cells."""
    table = document.add_table(rows=1, cols=2)
    cell_lines(table.cell(0, 0), ["Nơi nhận:", *distribution])
    cell_lines(table.cell(0, 1), signature)
