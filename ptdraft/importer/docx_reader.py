"""The text of a DOCX, paragraph by paragraph in document order, through the one DOCX reader of ptdraft.

Tables are read row by row and, in each row, cell by cell, left to right: the header
(issuing body | national title) and the Nơi nhận | signature row come out as the left
column then the right, like a PDF's text does.
"""
from __future__ import annotations

import dataclasses
import zipfile
from dataclasses import dataclass
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


@dataclass(frozen=True)
class DocxText:
    """A DOCX's text as the letter prints it: the lines of its flow, each text box's paragraphs apart (a stamp, a
    note placed on the page), and notes on what was read in a way the reader should know."""

    lines: tuple[str, ...]
    # (how many lines of the flow come before it, text) of each paragraph in a text box, in document order.
    boxes: tuple[tuple[int, str], ...] = ()
    notes: tuple[str, ...] = ()


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph's text, tables and content controls included, text boxes left out (see :func:`docx_text`); a
    manual line break starts a new line."""
    return list(docx_text(path).lines)


def docx_text(path: Path) -> DocxText:
    """The text of a DOCX read by :mod:`ptdraft.ooxml.docx_reader`, the reader the checker uses too: tracked changes as
    Word shows them once accepted (insertions kept, deletions left out), with a note; a date a Word field makes,
    with a note; text boxes apart, each after the line its anchor ends."""
    from ptdraft.ooxml import docx_reader

    where = str(path)
    try:
        if not zipfile.is_zipfile(path):
            raise InputError(_not_a_zip(path), where)
    except OSError as exc:
        raise InputError(f"không đọc được tệp DOCX ({exc})", where) from None
    info = docx_reader.read(path, where).info
    notes = _tracked_note(info) + _date_field_notes(info.paragraphs)
    if look_alikes := sum(para.look_alikes for para in info.paragraphs):  # read as meant by the DOCX reader
        notes.append(f"đã thay {look_alikes} ký tự chỉ trông giống “Đ”, “đ” hoặc “/” (chữ eth “Ð”, “∕”, “／”) bằng chữ "
                     "định viết")
    # A text box's text (a stamp, a note placed on the page) stands outside the letter's flow: kept apart, after the
    # line its anchor ends, for the importer to place. An automatic list's label ("1.", "a)", a bullet) is in no run:
    # put before the text as a typist would type it, so the list reads as the letter prints it.
    paras = _marks_joined([p for p in info.paragraphs if not p.in_textbox])
    anchors: list[tuple[int, str]] = []  # (paragraphs of the flow before it, text) of each text-box paragraph
    head: list[tuple[int, tuple[int, int] | None, str]] = []  # (box, its place, text) of boxes above all text
    flow_before = {p.index: n for n, p in enumerate(paras)}
    last, written, box, previous = 0, False, 0, None
    for para in info.paragraphs:
        if para.index in flow_before:
            last = flow_before[para.index] + 1
            written = written or bool(para.text.strip())
        elif para.in_textbox:
            key = (last, para.frame)
            box += key != previous
            previous = key
            lines = [" ".join(line.split()) for line in para.text.split("\n") if line.strip()]
            if written:
                anchors.extend((last, line) for line in lines)
            else:
                head.extend((box, para.frame, line) for line in lines)
    header = _header_boxes(head)
    if header:
        notes.append(_header_boxes_note(header))
    anchors = [(0, text) for number, _frame, text in head if number not in header] + anchors
    out: list[str] = [text for number in header for n, _frame, text in head if n == number]
    start = len(out)
    emitted: list[int] = []  # lines out after each flow paragraph
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
                emitted.extend([len(out)] * (end - index))
                index = end
                continue
        for p in paras[index:end]:
            out.extend(_labelled(p.label, p.text).split("\n"))
            emitted.append(len(out))
        index = end
    boxes = tuple((emitted[count - 1] if count else start, text) for count, text in anchors)
    return DocxText(tuple(out), boxes, tuple(notes))


def _header_boxes(head: list[tuple[int, tuple[int, int] | None, str]]) -> list[int]:
    """The text boxes above the letter's first text that hold its header (older Word letters put the agency's column
    and the Quốc hiệu's in a box each), in reading order: left to right by where they stand when the file places them
    all, else as anchored; [] when none holds the Quốc hiệu, the Tiêu ngữ or a number line. A box of one stamp, draft
    mark or contact line is left out (the importer reads those where they belong)."""
    from ptdraft import rules
    from ptdraft.reference import forms

    text = " ".join(line for _n, _frame, line in head)
    if not (forms.NATIONAL_TITLE_IN.search(text) or forms.MOTTO_IN.search(text)
            or any(forms.NUMBER_LINE.match(line) for _n, _frame, line in head)):
        return []
    marks = {forms.fold(level) for level in (*rules.URGENCY_LEVELS, *rules.SECRECY_LEVELS)}

    def stamp(line: str) -> bool:
        key = forms.fold(line)
        return key in marks or (key.startswith(forms.fold(rules.DRAFT_MARK)) and len(line) <= 40) \
            or bool(forms.CONTACT_LINE.match(line))

    frames: dict[int, tuple[int, int] | None] = {}
    lines: dict[int, list[str]] = {}
    for number, frame, line in head:
        frames.setdefault(number, frame)
        lines.setdefault(number, []).append(line)
    boxes = [n for n in frames if not (len(lines[n]) == 1 and stamp(lines[n][0]))]
    if all(frames[n] is not None for n in boxes):
        boxes.sort(key=lambda n: frames[n][0])  # type: ignore[index]
    return boxes


def _header_boxes_note(boxes: list[int]) -> str:
    count = f"{len(boxes)} hộp văn bản (text box)" if len(boxes) > 1 else "một hộp văn bản (text box)"
    return (f"phần đầu văn bản nằm trong {count} đặt trên đoạn đầu: đã đọc ở đầu văn bản"
            + (", hộp bên trái trước hộp bên phải" if len(boxes) > 1 else "")
            + "; khi xuất, bản thảo trình bày phần đầu trong bảng hai cột theo mẫu")


def _marks_joined(paras: list) -> list:
    """Paragraphs outside tables whose mark a tracked change deleted joined to the next, as accepting the change does."""
    out: list = []
    for para in paras:
        previous = out[-1] if out else None
        if previous is not None and "mark-del" in previous.revisions and previous.table < 0 and para.table < 0:
            out[-1] = dataclasses.replace(para, text=previous.text + para.text, label=previous.label or para.label)
        else:
            out.append(para)
    return out


def _tracked_note(info) -> list[str]:
    """A note when the file holds tracked changes not yet accepted: what was read is the accepted text."""
    count = sum(len(p.revisions) for p in info.paragraphs) + len(info.revisions)
    if not count:
        return []
    return [f"tệp có {count} thay đổi được theo dõi (Track Changes) chưa chấp nhận: đã đọc văn bản như khi chấp nhận "
            "hết (giữ chữ thêm vào, bỏ chữ đã xóa); hãy xem lại bản thảo (ptdraft check tệp gốc sẽ chỉ chỗ)"]


def _date_field_notes(paragraphs) -> list[str]:
    """A note for each paragraph whose date a Word field makes (DATE, CREATEDATE…): the date read is the one Word last
    showed, which may not be the day the letter was signed."""
    from ptdraft.ooxml.wordml import date_fields

    out = []
    for para in paragraphs:
        codes = date_fields(para.fields)
        if codes:
            out.append(f"dòng “{' '.join(para.text.split())[:80]}” có ngày tháng do trường {', '.join(codes)} của Word "
                       "tự điền (đổi theo ngày mở, lưu hoặc in tệp): đã lấy ngày đang hiện; hãy kiểm tra lại ngày ký")
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
