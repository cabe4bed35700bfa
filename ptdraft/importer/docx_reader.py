"""The text of a DOCX, paragraph by paragraph in document order, through the one DOCX reader of ptdraft.

Tables are read row by row and, in each row, cell by cell, left to right: the header
(issuing body | national title) and the Nơi nhận | signature row come out as the left
column then the right, like a PDF's text does.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ptdraft.errors import InputError


def _not_a_zip(path: Path) -> str:
    """Why a .docx that is no zip cannot be read: Word keeps a password-protected DOCX in an OLE container (with
    an "EncryptedPackage" stream), and a Word 97-2003 file renamed .docx is one too."""
    from ptdraft.ooxml.docx_reader import ENCRYPTED, OLE_MAGIC, is_encrypted, not_a_zip

    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        head = b""
    if is_encrypted(head):
        return ENCRYPTED
    if head[:8] == OLE_MAGIC:
        return "tệp không phải DOCX mà là tệp Word 97-2003 đổi đuôi: hãy đổi đuôi thành .doc để nhập"
    return not_a_zip(head)


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph's text, tables and content controls included, text boxes left out; a manual line break starts
    a new line. Read by :mod:`ptdraft.ooxml.docx_reader`, the reader the checker uses too."""
    from ptdraft.ooxml import docx_reader

    where = str(path)
    try:
        if not zipfile.is_zipfile(path):
            raise InputError(_not_a_zip(path), where)
    except OSError as exc:
        raise InputError(f"không đọc được tệp DOCX ({exc})", where) from None
    package = docx_reader.read(path, where)
    # A text box's text (a stamp, a note placed on the page) stands outside the letter's flow: left out, as Word's
    # own "save as text" leaves it. An automatic list's label ("1.", "a)", a bullet) is in no run: put before the text
    # as a typist would type it, so the list reads as the letter prints it.
    paras = [para for para in package.info.paragraphs if not para.in_textbox]
    out: list[str] = []
    index = 0
    while index < len(paras):
        para = paras[index]
        end = index + 1
        if para.table >= 0:
            while end < len(paras) and paras[end].table == para.table:
                end += 1
            rows = _table_rows(paras[index:end])
            if rows:
                out.extend(rows)
                index = end
                continue
        out.extend(line for p in paras[index:end] for line in _labelled(p.label, p.text).split("\n"))
        index = end
    return out


def _signed_cell(texts: list[str]) -> bool:
    """A signature's cell without a signing form: a title in capitals, then a person's name under it."""
    from ptdraft.importer.header import upper_line
    from ptdraft.vietnamese.names import is_personal_name

    return any(upper_line(texts[i]) and any(is_personal_name(t) for t in texts[i + 1:]) for i in range(len(texts)))


def _table_rows(paras: list) -> list[str]:
    """A table of the letter's content (not the header's or the closing's layout table) as body-markup rows, cell
    by cell; [] for a layout table or a table of one cell."""
    from ptdraft.importer.tables import holds_letter_forms, markup_rows

    cells: dict[tuple[int, int], list[str]] = {}
    bold: dict[tuple[int, int], bool] = {}
    widths: dict[int, int] = {}
    for para in paras:
        key = (para.row, para.col)
        text = " ".join(_labelled(para.label, para.text).split())
        cells.setdefault(key, [])
        if text:
            cells[key].append(text)
            bold[key] = bold.get(key, True) and all(run.bold for run in para.runs if run.text.strip())
        widths.setdefault(para.col, para.cell[1] if para.cell else 0)
    columns = max(col for _row, col in cells) + 1
    row_count = max(row for row, _col in cells) + 1
    if columns * row_count < 2 or holds_letter_forms([" ".join(texts) for texts in cells.values()]) \
            or any(_signed_cell(texts) for texts in cells.values()):
        return []
    rows = [[" ".join(cells.get((r, c), [])) for c in range(columns)] for r in range(row_count)]
    heading = row_count > 1 and all(bold.get((0, c), False) for c in range(columns) if cells.get((0, c)))
    # A bold last row ("Tổng cộng"): all its cells bold, or its label (its first cell with text) bold where no row of
    # data above has that column bold
    last = [c for c in range(columns) if cells.get((row_count - 1, c))]
    label = last[0] if last else 0
    total = row_count > 2 and bool(last) and bold.get((row_count - 1, label), False) and (
        all(bold.get((row_count - 1, c), False) for c in last)
        or not any(bold.get((r, label), False) for r in range(1, row_count - 1))) \
        and not all(bold.get(key, False) for key, texts in cells.items() if texts and key[0] < row_count - 1)
    return markup_rows(rows, [widths.get(c, 0) for c in range(columns)], heading, total)


def _labelled(label: str, text: str) -> str:
    """A list paragraph's text with its label: numbers as Word prints them, any bullet as the letters' "-" (a "+"
    kept), the dot or symbol-font glyph of Word's default bullets included."""
    label = label.strip()
    if not label or not text.strip():
        return text
    if label in ("+", "\uf02b"):
        label = "+"
    elif not any(ch.isalnum() for ch in label):
        label = "-"
    return f"{label} {text.lstrip()}"
