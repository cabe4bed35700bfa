"""Tables in a PDF's text as it prints (pypdf's layout mode): columns of cells lined up by runs of spaces, a cell's
words wrapped onto the lines under it, written back as the body markup's "|" rows, the "|---|" line's dashes
following the columns' widths.

A row starts on a line whose first column holds text, or that fills all columns but one ("Tổng cộng" under the
"TT" column); a line with text in some columns only and none in the first goes on with the row above, each piece
joined to the cell its column starts under. A block is a table when three columns or more line up on two rows or
more; the header's two columns and the Nơi nhận beside the signature have two, and stay as they are.
"""
from __future__ import annotations

import re

from ptdraft.importer.tables import markup_rows

_GAP = re.compile(r" {3,}")
MIN_COLUMNS = 3


def _cells(line: str) -> list[tuple[int, int, str]]:
    """The pieces of a layout line apart by three spaces or more, each with the columns it starts and ends at."""
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+(?: {1,2}\S+)*", line)]


def _boundaries(head: list[tuple[int, int, str]]) -> list[float]:
    """Where one column ends and the next begins: halfway between a heading cell's end and the next one's start
    (a cell's text may be centred, so its start does not line up with the cells under it)."""
    return [(head[i][1] + head[i + 1][0]) / 2 for i in range(len(head) - 1)]


def _placed(cells: list[tuple[int, int, str]], bounds: list[float]) -> dict[int, str] | None:
    """Each cell by the column it stands in, or None when a cell crosses a column's edge or two share one."""
    out: dict[int, str] = {}
    for start, end, text in cells:
        if any(start < bound < end for bound in bounds):
            return None
        column = sum(1 for bound in bounds if (start + end) / 2 > bound)
        if column in out:
            return None
        out[column] = text
    return out


def _widths(lines: list[str], bounds: list[float]) -> list[float]:
    """Each column's width in characters: from one edge to the next, the last to the table's longest line."""
    right = max(len(line.rstrip()) for line in lines)
    edges = [0.0, *bounds, float(max(right, bounds[-1] + 3))]
    return [edges[i + 1] - edges[i] for i in range(len(edges) - 1)]


def _table_at(lines: list[str], at: int) -> tuple[list[list[str]], list[float], int] | None:
    """The table whose heading row is ``lines[at]`` (its cells set the columns) and how many lines it takes."""
    head = _cells(lines[at])
    if len(head) < MIN_COLUMNS:
        return None
    bounds = _boundaries(head)
    width = len(head)
    rows = [[text for _, _, text in head]]
    end = at + 1
    while end < len(lines):
        cells = _cells(lines[end])
        placed = _placed(cells, bounds) if cells else None
        if not placed:
            break
        if 0 in placed or len(placed) >= width - 1:
            rows.append([placed.get(i, "") for i in range(width)])
        else:
            for index, text in placed.items():
                rows[-1][index] = f"{rows[-1][index]} {text}".strip()
        end += 1
    if sum(1 for row in rows if sum(bool(cell) for cell in row) >= MIN_COLUMNS) < 2:
        return None
    return rows, _widths(lines[at:end], bounds), end - at


def layout_tables(text: str) -> tuple[str, int]:
    """``text`` with each table of lined-up columns written as "|" rows (a "|---|" line under its heading row),
    and how many tables there were."""
    lines = text.split("\n")
    out: list[str] = []
    count = 0
    index = 0
    while index < len(lines):
        found = _table_at(lines, index)
        if found is None:
            out.append(lines[index])
            index += 1
            continue
        rows, widths, used = found
        count += 1
        # The markup a DOCX table is written as, its rule's dashes following the columns' widths on the page.
        out.extend(markup_rows(rows, [round(width * 20) for width in widths], header=True))
        index += used
    return "\n".join(out), count
