"""Tables in a letter's body and appendices, kept whole as the body markup's "|" rows.

A table reaches the importer as lines of cells apart by "|": the body markup's own rows ("| 1 | Tiểu học |"), a
Markdown table with its "|---|---|" line, a DOCX table the reader wrote so, or a website's rows of three cells or
more ("STT | Cấp học | Số học sinh"). Read as ordinary lines they would be cut into cells, joined into paragraphs,
and a cell holding "1" or "2" dropped as a page number. So each run of rows is lifted out before the lines are
read, a placeholder line stands in its place through the reading, and the rows come back, as markup, where the
placeholder landed. Rows that hold the header's or the closing's forms (the national title, "Số:", Nơi nhận, a
signing form) are a website's two columns, not a table, and are left to the header and footer readers.
"""
from __future__ import annotations

import dataclasses
import re

from ptdraft.importer.lines import Line
from ptdraft.reference import forms

# A placeholder no letter holds (a private-use character around the table's number), read as one word of text.
_MARK = "\ue000"
_PLACEHOLDER = re.compile(f"{_MARK}bảng (\\d+){_MARK}")
_RULE_CELL = re.compile(r"^:?-{3,}:?$")
_FORM_CELL = (forms.NATIONAL_TITLE_IN, forms.MOTTO_IN, forms.NUMBER_LINE, forms.DISTRIBUTION, forms.SIGNING_START,
              forms.PLACE_DATE)


def _cells(text: str) -> list[str]:
    inner = text.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [" ".join(cell.split()) for cell in inner.split("|")]


def _is_rule_row(text: str) -> bool:
    cells = _cells(text)
    return len(cells) >= 2 and all(_RULE_CELL.match(cell.replace(" ", "")) for cell in cells)


def _edged(text: str) -> bool:
    """A row written with its edges ("| a | b |"): two cells or more."""
    stripped = text.strip()
    return len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|" and "|" in stripped[1:-1]


def holds_letter_forms(cells: list[str]) -> bool:
    """Whether table cells hold the header's or the closing's forms: a layout table of the letter, not a table of
    its content."""
    return any(form.search(cell) for cell in cells for form in _FORM_CELL)


def _holds_forms(rows: list[str]) -> bool:
    return holds_letter_forms([cell for row in rows if not _is_rule_row(row) for cell in _cells(row)])


def markup_rows(rows: list[list[str]], widths: list[int], header: bool, total: bool = False) -> list[str]:
    """A table read out of a DOCX as markup rows: its cells, a "|---|" line whose dashes follow the columns' widths
    (twips), after the first row when that row is the table's heading, else above all rows; and when the last row
    is in bold (``total``: "Tổng cộng"), a second one above it, the markup's bold last row."""
    unit = max(1, min((w for w in widths if w > 0), default=1) // 3)
    rule = "|" + "|".join("-" * max(3, round(w / unit)) for w in widths) + "|"
    out = [_row([" ".join(cell.replace("|", "/").split()) for cell in row]) for row in rows]
    out = out[:1] + [rule] + out[1:] if header else [rule] + out
    return out[:-1] + [rule] + out[-1:] if total and len(out) > 3 else out


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _run_end(lines: list[Line], start: int) -> int:
    """Where the run of table rows starting at ``start`` ends (``start`` when none starts there): rows with edges or
    "|---|" lines, or two rows or more of three cells or more each, as many cells in each."""
    end = start
    while end < len(lines) and (_edged(lines[end].text) or _is_rule_row(lines[end].text)):
        end += 1
    if end - start >= 2 or (end - start == 1 and _edged(lines[start].text) and end < len(lines)
                            and _is_rule_row(lines[end].text)):
        return end
    count = len(_cells(lines[start].text)) if "|" in lines[start].text else 0
    end = start
    while count >= 3 and end < len(lines) and "|" in lines[end].text and len(_cells(lines[end].text)) == count:
        end += 1
    return end if end - start >= 2 else start


def lift_tables(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """``lines`` with each table replaced by a placeholder line, and the tables as markup rows, in order."""
    out: list[Line] = []
    tables: list[str] = []
    index = 0
    gap = False
    while index < len(lines):
        end = _run_end(lines, index)
        rows = [lines[i].text for i in range(index, end)]
        if end > index and not _holds_forms(rows) and any(not _is_rule_row(row) for row in rows):
            first = lines[index]
            out.append(Line(f"{_MARK}bảng {len(tables)}{_MARK}", 0, first.number, True))
            tables.append("\n".join(_headed([_markup_row(row) for row in rows])))
            index, gap = end, True
            continue
        line = lines[index]
        out.append(dataclasses.replace(line, blank_before=True) if gap else line)
        index, gap = index + 1, False
    return out, tables


_NUMBER_CELL = re.compile(r"^[\d.,/%()\s-]+$")


def _headed(rows: list[str]) -> list[str]:
    """A table typed without a "|---|" line, its first row its heading (bold, as a DOCX table's bold first row is
    read): the line after that row, unless the row holds a number, as a row of data does ("| 1 | Mầm non | 14 |")."""
    if len(rows) < 2 or any(_is_rule_row(row) for row in rows):
        return rows
    cells = _cells(rows[0])
    if any(_NUMBER_CELL.match(cell) for cell in cells if cell):
        return rows
    return rows[:1] + ["|" + "|".join("---" for _ in cells) + "|"] + rows[1:]


def _markup_row(text: str) -> str:
    cells = _cells(text)
    if _is_rule_row(text):
        return "|" + "|".join(cell.replace(" ", "") for cell in cells) + "|"
    return _row(cells)


def named(text: str) -> str:
    """``text`` with each placeholder as the word "(bảng)", for the report of what was read."""
    return _PLACEHOLDER.sub("(bảng)", text) if _MARK in text else text


def restore(text: str, tables: list[str]) -> str:
    """``text`` with each placeholder back as its table's rows."""
    if _MARK not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: tables[int(m.group(1))], text)



_BREAK = re.compile(r"<br\s*/?>", re.I)


def _markdown_row(text: str) -> bool:
    return _edged(text) or _is_rule_row(text)


def markdown_layout_apart(lines: list[Line], notes: list[str]) -> list[Line]:
    """``lines`` with each Markdown table an OCR tool or an assistant wrote for a letter's layout table (the header's
    two columns, the Nơi nhận and signature row: cells that hold the letter's forms, their lines apart by "<br>") as
    the lines a Word table of the letter reads as: row by row, each cell's lines in turn, left to right, "<br>" a line
    break (each line keeps its row's number) and the "|---|" rows gone, with a note. A table of the letter's content
    stays a table, a "<br>" in its cells a space (a cell's lines joined, as a Word cell's paragraphs are)."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _markdown_row(lines[end].text):
            end += 1
        rows = lines[index:end]
        if not (any(_is_rule_row(row.text) for row in rows) and any(_edged(row.text) for row in rows)):
            out.append(lines[index])
            index += 1
            continue
        cells = [cell for row in rows if not _is_rule_row(row.text) for cell in _cells_kept(row.text)]
        pieces = [" ".join(piece.split()) for cell in cells for piece in _BREAK.split(cell)]
        if holds_letter_forms(pieces) and any(_BREAK.search(cell) for cell in cells):
            for row in rows:
                if not _is_rule_row(row.text):
                    out.extend(_cell_lines(row))
            notes.append(f"đọc bảng Markdown (dòng {rows[0].number}–{rows[-1].number}) là bảng bố cục của văn bản: "
                         "từng ô theo thứ tự, “<br>” là chỗ xuống dòng trong ô, bỏ dòng “|---|”")
        elif holds_letter_forms(pieces):
            out.extend(row for row in rows if not _is_rule_row(row.text))
        else:
            out.extend(dataclasses.replace(row, text=_BREAK.sub(" ", row.text), raw=_BREAK.sub(" ", row.raw))
                       for row in rows)
        index = end
    return out


def _cell_lines(row: Line) -> list[Line]:
    """A layout table's row as lines: each cell's lines in turn, a "<br>" a line break, an empty line (a signature's
    space) the gap before the next."""
    out: list[Line] = []
    gap = row.blank_before
    for cell in _cells_kept(row.text):
        for piece in _BREAK.split(cell):
            text = " ".join(piece.split())
            if not text:
                gap = bool(out) or gap
                continue
            out.append(Line(text, 0, row.number, gap, raw=text))
            gap = False
    return out


def _cells_kept(text: str) -> list[str]:
    """A row's cells as written (their "<br>" marks kept)."""
    inner = text.strip()
    return inner[1:-1].split("|") if len(inner) >= 2 else [inner]
