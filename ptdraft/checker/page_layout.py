"""The lines and pages a DOCX lays out to, without Qt: what the checker judges the page by.

Any DOCX (Word's, LibreOffice's, a generator's) is read into :class:`~.document.DocInfo`; this module breaks
each paragraph into lines in its container (a table cell, or the text area) with the shipped Times New Roman
widths of :mod:`ptdraft.reference.metrics`, the way Word breaks them (at spaces, a word too long for a line broken where
it overflows), and flows the paragraphs and table rows down A4 pages: single or multiple line spacing, the
larger of "space after" and the next "space before", page breaks and section breaks, a row that does not fit
moved whole to the next page. The preview's paginator (ptdraft/gui/pages.py) lays out ptdraft's own layout
with Qt's text engine; the core may not load Qt, so the checker measures here, and tests/gui/test_page_layout.py
holds the two to the same page count for every shipped template.

Coordinates are twips; x is measured from the left margin.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ptdraft import rules
from ptdraft.reference import metrics
from ptdraft.ooxml.document import DocInfo, ParaInfo, RunInfo

TAB_STOP = 720  # Word's default tab stops: every 1.27 cm
_SPACE = re.compile(r"(\s+)")


@dataclass(frozen=True)
class Lines:
    """A paragraph broken into lines: the width of each line's text (twips), where its container is."""

    widths: tuple[int, ...]
    x: int  # left edge of the container
    width: int  # width of the container

    @property
    def count(self) -> int:
        return len(self.widths)


def text_area(doc: DocInfo) -> tuple[int, int]:
    """(width, height) of the first section's text area in twips (A4 with the decree's margins when unset)."""
    page = rules.PAGE
    section = doc.sections[0] if doc.sections else None
    width = (section.width if section and section.width else page.width)
    height = (section.height if section and section.height else page.height)
    left = section.left if section and section.left is not None else page.left
    right = section.right if section and section.right is not None else page.right
    top = section.top if section and section.top is not None else page.top
    bottom = section.bottom if section and section.bottom is not None else page.bottom
    return max(1, width - left - right), max(1, height - top - bottom)


def container(doc: DocInfo, para: ParaInfo) -> tuple[int, int]:
    """(x, width) of the box a paragraph prints in: its table cell, its text box, else the text area."""
    if para.cell is not None and para.cell[1] > 0:
        return para.cell
    if para.in_textbox and para.frame is not None and para.frame[1] > 0:
        return para.frame
    return 0, text_area(doc)[0]


def span_width(para: ParaInfo, start: int, end: int) -> int:
    """The printed width (twips) of ``para.text[start:end]``, each run's piece in its own size and weight."""
    width, position = 0, 0
    for run in para.runs:
        stop = position + len(run.text)
        piece = run.shown[max(0, start - position):max(0, end - position)] if stop > start and position < end else ""
        if piece:
            width += metrics.text_width(piece.replace("\t", "").replace("\n", ""), run.size, bold=run.bold,
                                        italic=run.italic)
        position = stop
    return width


def _next_stop(para: ParaInfo, x: float) -> tuple[float, str]:
    """The tab stop a tab at ``x`` goes to: the paragraph's next own stop, else the next default one (every
    1.27 cm), as Word and LibreOffice place them; (position, kind)."""
    for position, kind in para.tabs:
        if kind not in ("bar", "clear") and position > x + 1:
            return float(position), kind
    return float((int(x) // TAB_STOP + 1) * TAB_STOP), "left"


@dataclass(frozen=True)
class Segment:
    """A piece of a tabbed line between its tabs: ``text[start:end]`` prints from ``x`` (twips from the left edge of
    its container) over ``width``; ``kind`` is how it stands on its tab stop ("" before the first tab)."""

    start: int
    end: int
    x: float
    width: int
    kind: str


def tab_segments(doc: DocInfo, para: ParaInfo) -> list[Segment]:
    """Where each non-blank piece of a paragraph between tabs and line breaks prints on its line: from the indent,
    then on the tab stops, a left stop's text from the stop, a centre stop's centred on it, a right or decimal
    stop's ending on it (never back over the text before it). Lines are not wrapped here: a piece on a left stop
    that runs past the right indent wraps there (LibreOffice lets a centred or right one run into the margin)."""
    out: list[Segment] = []
    left = max(0, para.left_indent)
    x: float = left + para.first_indent
    stop: tuple[float, str] | None = None
    offset = 0
    for token in re.split(r"([\t\n])", para.text):
        if token == "\n":
            x, stop = left, None
        elif token == "\t":
            stop = _next_stop(para, x)
            x = max(x, stop[0]) if stop[1] == "left" else x
        elif token:
            width = span_width(para, offset, offset + len(token))
            lead = len(token) - len(token.lstrip())
            start = x
            if stop is not None and stop[1] in ("center", "right", "decimal"):
                start = max(x, stop[0] - (width / 2 if stop[1] == "center" else width))
            if token.strip():
                a, b = offset + lead, offset + len(token.rstrip())
                out.append(Segment(a, b, start + span_width(para, offset, a), span_width(para, a, b),
                                   stop[1] if stop else ""))
            x, stop = start + width, None
        offset += len(token)
    return out


def _tokens(runs: tuple[RunInfo, ...]):
    """(text, run) pieces, words and the spaces between them kept apart; line breaks and tabs are their own."""
    for run in runs:
        for piece in _SPACE.split(run.shown):
            if not piece:
                continue
            if "\n" in piece:
                for number, part in enumerate(piece.split("\n")):
                    if number:
                        yield "\n", run
                    if part:
                        yield part, run
            else:
                yield piece, run


def _width(text: str, run: RunInfo) -> int:
    if "\t" in text:
        return TAB_STOP * text.count("\t") + metrics.text_width(text.replace("\t", ""), run.size, bold=run.bold,
                                                                 italic=run.italic)
    return metrics.text_width(text, run.size, bold=run.bold, italic=run.italic)


def break_lines(doc: DocInfo, para: ParaInfo) -> Lines:
    """The lines a paragraph takes in its container (an empty paragraph takes one)."""
    x, width = container(doc, para)
    inner = max(1, width - max(0, para.left_indent) - max(0, para.right_indent))
    pieces = ((text, functools.partial(_width, run=run)) for text, run in _tokens(para.runs))
    return Lines(metrics.break_widths(pieces, inner, inner - max(0, para.first_indent)), x, width)


def _line_height(para: ParaInfo) -> float:
    sizes = [run.size for run in para.runs if run.text] or [para.mark_size]
    size = max(sizes)
    bold = any(run.bold for run in para.runs if run.size == size)
    single = metrics.line_height(size, bold=bold)
    if para.line_rule == "exact":
        return float(para.line)
    if para.line_rule == "atLeast":
        return max(float(para.line), single)
    return single * para.line / 240


def height(doc: DocInfo, para: ParaInfo) -> float:
    """The height of a paragraph's lines (space before and after not included), borders counted."""
    return break_lines(doc, para).count * _line_height(para) + para.border_top + para.border_bottom


WIDOWS = ORPHANS = 2  # Word's and LibreOffice's widow and orphan control: two lines each


@dataclass(frozen=True)
class _Block:
    """A paragraph's lines, or a table's rows (each placed whole), with what flows around it."""

    lines: tuple[float, ...]
    before: float = 0.0
    after: float = 0.0
    rows: bool = False
    keep_next: bool = False
    keep_lines: bool = False
    widows: bool = False
    page_break: bool = False
    section_break: bool = False

    @property
    def height(self) -> float:
        return sum(self.lines)

    def first_part(self) -> float:
        """The least of it that can stand at a page's foot (rows: the first; lines: as widow control allows)."""
        if self.rows:
            return self.lines[0] if self.lines else 0.0
        if self.keep_lines or (self.widows and len(self.lines) < ORPHANS + WIDOWS):
            return self.height
        return sum(self.lines[:ORPHANS]) if self.widows else self.lines[0]


def _blocks(doc: DocInfo) -> list[_Block]:
    out: list[_Block] = []
    paras = [p for p in doc.paragraphs if not p.in_textbox]
    index = 0
    while index < len(paras):
        para = paras[index]
        if para.table < 0:
            line = _line_height(para)
            count = break_lines(doc, para).count
            extra = height(doc, para) - line * count
            out.append(_Block(tuple([line] * (count - 1) + [line + extra]), para.space_before, para.space_after,
                              keep_next=para.keep_next, keep_lines=para.keep_lines, widows=para.widows,
                              page_break=para.page_break, section_break=para.section_break))
            index += 1
            continue
        stop = index
        while stop < len(paras) and paras[stop].table == para.table:
            stop += 1
        rows: dict[int, dict[int, float]] = {}
        afters: dict[tuple[int, int], float] = {}
        for cell_para in paras[index:stop]:
            cells = rows.setdefault(cell_para.row, {})
            key = (cell_para.row, cell_para.col)
            gap = max(afters.get(key, 0.0), cell_para.space_before)  # spacing in a cell collapses as between paragraphs
            cells[cell_para.col] = cells.get(cell_para.col, 0.0) + gap + height(doc, cell_para)
            afters[key] = cell_para.space_after
        heights = tuple(max(cells[col] + afters.get((row, col), 0.0) for col in cells) for row, cells in sorted(rows.items()))
        out.append(_Block(heights, rows=True, page_break=para.page_break))
        index = stop
    return out


def page_count(doc: DocInfo) -> int:
    """How many pages the document's paragraphs and table rows fill, as Word and LibreOffice flow them: the
    larger of "space after" and the next "space before" between paragraphs, none at a page's head, widow and
    orphan control where the paragraph asks for it, a paragraph kept with the next kept with the least of it that
    can stand at a page's foot, page and section breaks, a row moved whole to the next page."""
    _width, page_height = text_area(doc)
    blocks = _blocks(doc)
    pages, y, after = 1, 0.0, 0.0

    def new_page() -> None:
        nonlocal pages, y, after
        pages, y, after = pages + 1, 0.0, 0.0

    def kept(number: int, gap_after: float) -> float:
        """The room block ``number`` needs at the foot of a page (with what it keeps in turn)."""
        block = blocks[number]
        gap = 0.0 if block.rows else max(gap_after, block.before)
        if block.keep_next and not block.rows and number + 1 < len(blocks) and not block.section_break:
            return gap + block.height + kept(number + 1, block.after)
        return gap + block.first_part()

    for number, block in enumerate(blocks):
        if block.page_break and (y > 0 or pages > 1):
            new_page()
        if block.rows:
            for row in block.lines:
                if y + row > page_height + 0.5 and y > 0:
                    new_page()
                y += row
                while y > page_height + 0.5:  # a row taller than a page runs over several
                    y -= page_height
                    pages += 1
            after = 0.0
            continue
        keep = kept(number + 1, block.after) if block.keep_next and number + 1 < len(blocks) else 0.0
        gap = 0.0 if y == 0 else max(0.0, block.before - after)
        if keep and y > 0 and y + gap + block.height + keep > page_height + 0.5 \
                and block.height + keep <= page_height:
            new_page()
            gap = 0.0
        y += gap
        lines, index = block.lines, 0
        while index < len(lines):
            fit, used = index, 0.0
            while fit < len(lines) and y + used + lines[fit] <= page_height + 0.5:
                used += lines[fit]
                fit += 1
            if fit < len(lines) and y > 0:
                allowed = min(fit, len(lines) - WIDOWS) if block.widows else fit
                if block.keep_lines or (block.widows and index == 0 and allowed < ORPHANS) or allowed <= index:
                    new_page()
                    continue
                fit = allowed
                used = sum(lines[index:fit])
            if fit == index:  # a line taller than a page
                fit, used = index + 1, lines[index]
            y += used
            index = fit
            if index < len(lines):
                new_page()
        y += block.after
        after = block.after
        if block.section_break and number + 1 < len(blocks):
            new_page()
    return pages
