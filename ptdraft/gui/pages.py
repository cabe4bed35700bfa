"""Pages of a Layout for the screen and the printer: line breaking and pagination with Qt.

The core's Layout says what prints and how (sizes, indents, spacing, rules); this
module only measures lines with Qt's text engine in Times New Roman (Liberation
Serif where Times is absent, which has the same widths) and places them on A4
pages the way Word and LibreOffice do: single line spacing of 1.15 em, widow and
orphan control (two lines each, as the DOCX asks), headings kept with what follows
them (a chain of headings with the least of the paragraph after it that may stand
at a page's foot) and not split, space before a paragraph dropped at the top of a
page, the larger of "space after" and the next "space before" between two
paragraphs, borders taking room, a footer taller than the bottom margin pushing
the text up, a row that must not split moving whole to the next page with the
paragraph kept with it (and the headings kept with that one), a ruled table of the
body repeating its header rows at the top of each page it runs onto.

Checked against LibreOffice page by page (tests/gui/test_preview_pages.py, test_body_pages.py). One difference
is known: with a chain of seven or more headings (Phần, its title, Chương, its title, Mục, its title, Tiểu mục …)
reaching over a page's foot, LibreOffice was seen to leave the first two of them at the foot, depending on text
further on; the preview moves the whole chain.

All coordinates are in twips on the page, so 1 unit = 1/1440 inch.
"""
from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPen, QColor, QTextCharFormat, QTextLayout, QTextOption

from ptdraft import rules
from ptdraft.layout import Cell, Layout, Para, Rule, SectionBreak, Table
from ptdraft.reference.metrics import line_height
from ptdraft.rules import Align, Style

TWIPS_PER_INCH = rules.TWIPS_PER_INCH
_DOTS_PER_METER = round(TWIPS_PER_INCH / 0.0254)
_ALIGN = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
    Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify,
}
RULE_PEN_TWIPS = rules.border_twips(rules.RULE_WEIGHT_EIGHTHS)
# The DOCX draws a short rule as the bottom border of a tiny paragraph, a gap below it; Word and LibreOffice add
# that gap and the border's width to the paragraph's height.
RULE_GAP_TWIPS = rules.pt(rules.RULE_SPACE_PT)
# Paragraph borders take room the same way: a stamp's box above and below its text, the full-width line over the
# contact footer above it.
FRAME_PAD_TWIPS = rules.pt(rules.FRAME_SPACE_PT) + RULE_PEN_TWIPS
TOP_RULE_PAD_TWIPS = rules.pt(rules.TOP_RULE_SPACE_PT) + RULE_PEN_TWIPS
# A DOCX must end with a paragraph: after a final table the writer adds one, as low as it can be.
TAIL_TWIPS = rules.END_PARAGRAPH_HEIGHT
# The lines of a table in the body (its width in eighths of a point, as the DOCX writes it).
GRID_PEN_TWIPS = rules.border_twips(rules.TABLE_BORDER_EIGHTHS)
# Widow and orphan control, as the DOCX sets it (Word's and LibreOffice's two lines each).
WIDOWS = ORPHANS = 2


def _reference_device() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(_DOTS_PER_METER)
    image.setDotsPerMeterY(_DOTS_PER_METER)
    return image


_DEVICE: QImage | None = None


def device() -> QImage:
    """A 1440-dpi paint device: Qt's text metrics on it come out in twips."""
    global _DEVICE
    if _DEVICE is None:
        _DEVICE = _reference_device()
    return _DEVICE


def make_font(family: str, size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    return font


@dataclass(slots=True)
class Line:
    """One laid-out line of a paragraph, placed on a page at (x, y) (top-left of the line box)."""

    layout: QTextLayout
    index: int
    x: float
    y: float
    height: float

    @property
    def text(self) -> str:
        """The characters this line shows."""
        laid = self.layout.lineAt(self.index)
        return self.layout.text()[laid.textStart():laid.textStart() + laid.textLength()]


@dataclass
class Piece:
    """Something drawn on a page; ``rect`` is used to find what the user clicked, ``para`` (the layout paragraph
    it prints) which finding it has."""

    kind: str  # "text", "rule", "frame", "hline", "box" (a cell of a table in the body)
    rect: QRectF
    ref: str = ""
    lines: list[Line] = field(default_factory=list)
    color: str | None = None
    para: Para | None = None


@dataclass
class Page:
    number: int
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class _Measured:
    """A paragraph broken into lines, relative to its own top-left corner (x = container left)."""

    para: Para | None
    layout: QTextLayout | None
    line_tops: list[float]
    line_heights: list[float]
    space_before: float
    height: float  # lines only, without space before/after
    space_after: float
    rule: Rule | None = None
    x0: float = 0.0
    width: float = 0.0
    lines: int = 0  # lines Qt laid out (an empty paragraph has none, but takes one line's height)


def _line_height(style: Style, family: str) -> float:
    if style.exact_height:
        return float(style.exact_height)
    return line_height(style.size, bold=style.bold, italic=style.italic) * style.line


class _MeasureCache:
    """Measured paragraphs by (paragraph, width, family, space before). A keystroke changes one paragraph, so
    the preview re-breaks that one into lines and takes every other from here. Each pagination is a generation:
    what the last two did not use is dropped after it (the versions of the paragraph being typed), and the whole
    is bounded by the characters it holds (the oldest entries go first). The measured lines are only read,
    never changed."""

    LIMIT = 400_000  # characters, about 160 pages of text
    KEEP = 2  # generations

    def __init__(self) -> None:
        self.items: OrderedDict[tuple, list] = OrderedDict()  # key → [measured, characters, generation]
        self.size = 0
        self.generation = 0

    def get(self, key: tuple) -> _Measured | None:
        found = self.items.get(key)
        if found is None:
            return None
        found[2] = self.generation
        return found[0]

    def put(self, key: tuple, value: _Measured, chars: int) -> None:
        self.items[key] = [value, chars, self.generation]
        self.size += chars
        while self.size > self.LIMIT and len(self.items) > 1:
            _, (_, dropped, _) = self.items.popitem(last=False)
            self.size -= dropped

    def next_generation(self) -> None:
        oldest = self.generation - self.KEEP + 1
        for key in [k for k, (_, _, gen) in self.items.items() if gen < oldest]:
            self.size -= self.items.pop(key)[1]
        self.generation += 1


_MEASURED = _MeasureCache()


def measure(block: Para | Rule, width: float, family: str, extra_before: float = 0.0) -> _Measured:
    """Break a paragraph (or a rule) into lines in a container ``width`` twips wide (remembered)."""
    key = (block, width, family, extra_before)
    found = _MEASURED.get(key)
    if found is None:
        found = _measure(block, width, family, extra_before)
        _MEASURED.put(key, found, 64 + (len(block.text) if isinstance(block, Para) else 0))
    return found


def _measure(block: Para | Rule, width: float, family: str, extra_before: float = 0.0) -> _Measured:
    if isinstance(block, Rule):
        style = block.style
        height = _line_height(style, family) + RULE_GAP_TWIPS + RULE_PEN_TWIPS
        # One "line" as tall as the rule, so a rule in the body flows (and shows) like a paragraph.
        return _Measured(None, None, [0.0], [height], extra_before, height, 0.0, rule=block, x0=block.indent,
                         width=block.width)
    style = block.style
    text = block.text
    base = make_font(family, style.size, style.bold, style.italic)
    layout = QTextLayout(text, base, device())
    option = QTextOption(_ALIGN[style.align])
    option.setUseDesignMetrics(True)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    formats = []
    start = 0
    for run in block.runs:
        bold = style.bold if run.bold is None else run.bold
        italic = style.italic if run.italic is None else run.italic
        if (bold, italic) != (style.bold, style.italic) and run.text:
            fmt = QTextCharFormat()
            fmt.setFont(make_font(family, style.size, bold, italic))
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = start, len(run.text), fmt
            formats.append(rng)
        start += len(run.text)
    if formats:
        layout.setFormats(formats)
    left = style.left_indent
    inner = max(1.0, width - left - style.right_indent)
    first = style.first_indent
    line_h = _line_height(style, family)
    tops: list[float] = []
    heights: list[float] = []
    y = 0.0
    layout.beginLayout()
    index = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        offset = first if index == 0 else 0
        line.setLineWidth(max(1.0, inner - offset))
        line.setPosition(QPointF(left + offset, 0))
        tops.append(y)
        heights.append(line_h)
        y += line_h
        index += 1
    layout.endLayout()
    if not tops:  # an empty paragraph still takes one line
        tops, heights, y = [0.0], [line_h], line_h
    pad_top = FRAME_PAD_TWIPS if block.frame else TOP_RULE_PAD_TWIPS if block.top_rule else 0.0
    pad_bottom = FRAME_PAD_TWIPS if block.frame else 0.0
    if pad_top or pad_bottom:  # the border's room belongs to the first and the last line
        tops = [top + pad_top for top in tops]
        heights[0] += pad_top
        heights[-1] += pad_bottom
        y += pad_top + pad_bottom
    return _Measured(block, layout, tops, heights, style.space_before + extra_before, y, style.space_after, x0=left,
                     width=inner, lines=layout.lineCount())


@dataclass(slots=True)
class _Flowed:
    """What placing one block did: the block (tables) or its measured lines (paragraphs), the room kept for
    what must follow it, where it started and ended (pages, y, space after, page bottom), the pieces it put."""

    block: Table | None
    measured: _Measured | None
    keep: float
    before: tuple
    after: tuple
    pieces: list[tuple[int, Piece]]


class Paginator:
    """Places the blocks of a Layout on pages."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.family = layout.font
        page = layout.page
        self.top = float(page.top)
        self.page_bottom = float(page.height - page.bottom)
        # A footer taller than the bottom margin pushes the text of its page up (Word, LibreOffice).
        self.first_bottom = min(self.page_bottom, page.height - page.footer - self._footer_height())
        self.bottom = self.first_bottom
        self.left = float(page.left)
        self.pages: list[Page] = []
        self.y = self.top
        self.after = 0.0  # space after the last paragraph, already in ``y``
        self._sink: list[tuple[int, Piece]] | None = None  # the pieces the block being flowed puts on pages
        self.section_starts: list[int] = [0]  # the index of each section's first page (annexes count their own)
        self._new_page()

    def _new_page(self) -> None:
        self.pages.append(Page(len(self.pages) + 1))
        self.y = self.top
        self.after = 0.0
        self.bottom = self.first_bottom if len(self.pages) == 1 else self.page_bottom

    def _footer_measures(self) -> list[_Measured]:
        return [measure(para, self.layout.page.text_width, self.family) for para in self.layout.first_footer]

    def _footer_height(self) -> float:
        return sum(m.space_before + m.height + m.space_after for m in self._footer_measures())

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def _at_top(self) -> bool:
        return self.y <= self.top + 0.5

    # -- drawing pieces --
    def _emit(self, m: _Measured, x: float, y: float, first: int, last: int, page: Page | None = None) -> None:
        """Put lines first..last-1 of a measured paragraph on ``page`` (the current one) at (x, y)."""
        target = page or self.page
        if m.rule is not None:
            bottom = y + m.height
            rect = QRectF(x + m.x0, bottom - RULE_PEN_TWIPS, m.width, RULE_PEN_TWIPS)
            self._put(target, Piece("rule", rect, m.rule.ref))
            return
        para = m.para
        assert para is not None and m.layout is not None
        base = m.line_tops[first] if first else 0.0
        layout, tops, heights = m.layout, m.line_tops, m.line_heights
        lines = [Line(layout, i, x, y + tops[i] - base, heights[i]) for i in range(first, min(last, m.lines))]
        height = sum(heights[first:last])
        rect = QRectF(x + m.x0, y, m.width, height)
        kind = "frame" if para.frame else "text"
        self._put(target, Piece(kind, rect, para.ref, lines, para.style.color, para))
        if para.top_rule and first == 0:
            self._put(target, Piece("hline", QRectF(x, y, self.layout.page.text_width, RULE_PEN_TWIPS)))

    def _put(self, page: Page, piece: Piece) -> None:
        page.pieces.append(piece)
        if self._sink is not None:
            self._sink.append((page.number - 1, piece))

    def _flow_para(self, m: _Measured, keep_with: float = 0.0) -> None:
        """Flow a paragraph in the body, splitting it across pages by lines, as widow and orphan control allow:
        never fewer than ORPHANS lines at the foot of a page nor WIDOWS at the head of the next; a heading
        (keep_lines) not at all."""
        x = self.left
        # Word and LibreOffice put the larger of "space after" and the next "space before" between two
        # paragraphs, not their sum; ``y`` already holds the space after the paragraph above.
        before = 0.0 if self._at_top() else max(0.0, m.space_before - self.after)
        if keep_with and not self._at_top() and self.y + before + m.height + keep_with > self.bottom:
            if m.height + keep_with <= self.bottom - self.top:
                self._new_page()
                before = 0.0
        self.y += before
        count = len(m.line_tops)
        whole = m.para is not None and m.para.style.keep_lines
        index = 0
        while index < count:
            fit = index
            used = 0.0
            while fit < count and self.y + used + m.line_heights[fit] <= self.bottom + 0.5:
                used += m.line_heights[fit]
                fit += 1
            if fit < count and not self._at_top():
                allowed = min(fit, count - WIDOWS)  # leave at least WIDOWS lines for the next page
                if whole or (index == 0 and allowed < ORPHANS) or allowed <= index:
                    self._new_page()
                    continue
                fit = allowed
                used = sum(m.line_heights[index:fit])
            if fit == index:  # a line taller than a page: place it anyway
                fit, used = index + 1, m.line_heights[index]
            self._emit(m, x, self.y, index, fit)
            self.y += used
            index = fit
            if index < count:
                self._new_page()
        self.y += m.space_after
        self.after = m.space_after

    def _first_part(self, m: _Measured) -> float:
        """The least of a paragraph that can stand at the foot of a page: all of it when it may not split (a
        heading, or too few lines to leave ORPHANS and WIDOWS), else its first ORPHANS lines."""
        count = len(m.line_heights)
        if (m.para is not None and m.para.style.keep_lines) or count < ORPHANS + WIDOWS:
            return m.height
        return sum(m.line_heights[:ORPHANS])

    def _cell_measures(self, cell: Cell, extra_before: float, margin: float = 0.0) -> tuple[list[_Measured], float]:
        measured = []
        height = 0.0
        after = 0.0
        for index, block in enumerate(cell.blocks):
            m = measure(block, cell.width - 2 * margin, self.family, extra_before if index == 0 else 0.0)
            measured.append(m)
            height += max(after, m.space_before) + m.height
            after = m.space_after
        return measured, height + after

    def _row(self, table: Table, row_index: int) -> tuple[list[tuple[float, list[_Measured]]], float]:
        row = table.rows[row_index]
        before = table.space_before if row_index == 0 else 0.0
        margin = rules.TABLE_CELL_MARGIN if table.grid else 0.0
        cells = []
        x = self.left
        height = 0.0
        for cell in row.cells:
            measured, h = self._cell_measures(cell, before, margin)
            cells.append((x + margin, measured))
            height = max(height, h)
            x += cell.width
        if table.grid:  # the line under the row (and over the first) takes its width
            height += GRID_PEN_TWIPS * (2 if row_index == 0 else 1)
        return cells, height

    def _place_row(self, cells: list[tuple[float, list[_Measured]]], table: Table | None = None,
                   height: float = 0.0, first: bool = False) -> None:
        top = self.y + (GRID_PEN_TWIPS if table is not None and table.grid and first else 0.0)
        for x, measured in cells:
            y = top
            after = 0.0
            for m in measured:
                y += max(after, m.space_before)
                self._emit(m, x, y, 0, len(m.line_tops))
                y += m.height
                after = m.space_after
        if table is not None and table.grid:
            x = self.left
            for cell in table.rows[0].cells:
                self._put(self.page, Piece("box", QRectF(x, self.y, cell.width, height)))
                x += cell.width

    def _flow_table(self, table: Table) -> None:
        for row_index in range(len(table.rows)):
            cells, height = self._row(table, row_index)
            first = row_index == 0
            if self.y + height > self.bottom + 0.5 and not self._at_top():
                self._new_page()
                if table.grid and row_index >= table.header_rows:
                    # The header rows again at the top of the page, then this row under them.
                    for head in range(table.header_rows):
                        head_cells, head_height = self._row(table, head)
                        head_height += GRID_PEN_TWIPS if head else 0.0
                        self._place_row(head_cells, table, head_height, head == 0)
                        self.y += head_height
                    if table.header_rows:
                        cells, height = self._row(table, row_index)
                    else:
                        first, height = True, height + GRID_PEN_TWIPS
            self._place_row(cells, table, height, first)
            self.y += height
        self.after = 0.0

    def _kept(self, index: int, after: float) -> float:
        """The room a paragraph kept with the next block needs below it: the gap and the least of block ``index``
        that can stand at the foot of the page, with what that block keeps in turn when it is a heading too."""
        block = self.layout.blocks[index]
        if isinstance(block, Table):
            rows = range(min(len(block.rows), block.header_rows + 1))
            return sum(self._row(block, i)[1] for i in rows)
        assert not isinstance(block, SectionBreak)  # a paragraph is kept with a block, never with a section break
        m = measure(block, self.layout.page.text_width, self.family)
        gap = max(after, m.space_before)
        following = self.layout.blocks[index + 1] if index + 1 < len(self.layout.blocks) else None
        if isinstance(following, Table) and following.keep_together:
            # The paragraph before the closing row moves whole with it, and what is kept with it moves too.
            return gap + m.height + self._row_height(following)
        if isinstance(block, Para) and block.style.keep_next and following is not None \
                and not isinstance(following, SectionBreak):
            return gap + m.height + self._kept(index + 1, m.space_after)
        return gap + self._first_part(m)

    def _row_height(self, table: Table) -> float:
        return sum(self._row(table, i)[1] for i in range(len(table.rows)))

    def _state(self) -> tuple:
        return (len(self.pages), self.y, self.after, self.bottom)

    def _replay(self, pieces: list[tuple[int, Piece]], after: tuple) -> None:
        """Put a block's pieces from the previous pagination back, and continue where it ended."""
        for page_index, piece in pieces:
            while len(self.pages) <= page_index:
                self.pages.append(Page(len(self.pages) + 1))
            self.pages[page_index].pieces.append(piece)
        while len(self.pages) < after[0]:
            self.pages.append(Page(len(self.pages) + 1))
        _, self.y, self.after, self.bottom = after

    def run(self, previous: list[_Flowed] | None = None) -> list[Page]:
        """Place every block; ``previous`` (the record of the last pagination of this page setup) lets a block
        that is the same paragraph, measured the same, starting at the same place, be put back as it was,
        so a keystroke re-flows only what it moved. The record of this run is left in ``self.flowed``."""
        blocks = self.layout.blocks
        self.flowed: list[_Flowed] = []
        for index, block in enumerate(blocks):
            if isinstance(block, SectionBreak):
                before = self._state()
                self._section_break()
                self.flowed.append(_Flowed(None, None, 0.0, before, self._state(), []))
                continue
            table: Table | None = None
            m: _Measured | None = None
            if isinstance(block, Table):
                table = block
            else:
                m = measure(block, self.layout.page.text_width, self.family)
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            keep = 0.0
            if isinstance(following, Table) and following.keep_together:
                keep = self._row_height(following)
            elif isinstance(block, Para) and m is not None and block.style.keep_next and following is not None \
                    and not isinstance(following, SectionBreak):
                keep = self._kept(index + 1, m.space_after)
            before = self._state()
            if previous is not None and index < len(previous):
                old = previous[index]
                same = old.measured is m if m is not None else (old.measured is None and old.block == block)
                if same and old.keep == keep and old.before == before:
                    self._replay(old.pieces, old.after)
                    self.flowed.append(_Flowed(table, m, keep, before, old.after, old.pieces))
                    continue
            self._sink = []
            if table is not None:
                self._flow_table(table)
            elif m is not None:
                self._flow_para(m, keep)
            self.flowed.append(_Flowed(table, m, keep, before, self._state(), self._sink))
            self._sink = None
        if blocks and isinstance(blocks[-1], Table) and self.y + TAIL_TWIPS > self.bottom + 0.5:
            self._new_page()  # the DOCX's closing paragraph does not fit: Word and LibreOffice print an empty page
        self._decorate()
        return self.pages

    def _section_break(self) -> None:
        """The paragraph ending a section (as low as it can be: on a new page only when the page is full), then
        the next section from a new page."""
        if self.y + TAIL_TWIPS > self.bottom + 0.5:
            self._new_page()
        self._new_page()
        self.section_starts.append(len(self.pages) - 1)

    def _decorate(self) -> None:
        """Page numbers from the second page of each section (centred in the top margin), the first page's header
        (a draft's "DỰ THẢO" box, in the top margin of each section's first page), the footer of page 1."""
        page = self.layout.page
        style = self.layout.page_number
        starts = sorted(set(self.section_starts))
        header = [measure(para, page.text_width, self.family) for para in self.layout.first_header]
        for index, p in enumerate(self.pages):
            start = max(s for s in starts if s <= index)
            if index == start:
                y = float(page.header)
                for m in header:
                    y += m.space_before
                    self._emit(m, self.left, y, 0, len(m.line_tops), p)
                    y += m.height + m.space_after
                continue
            m = _number_measure(str(index - start + 1), style, page.text_width, self.family)
            assert m.layout is not None  # a page number is text
            lines = [Line(m.layout, 0, self.left, float(page.header), m.height)]
            rect = QRectF(self.left, page.header, page.text_width, m.height)
            p.pieces.append(Piece("text", rect, "page_number", lines))
        if self.layout.first_footer:
            measured = self._footer_measures()
            total = sum(m.space_before + m.height + m.space_after for m in measured)
            y = page.height - page.footer - total
            for m in measured:
                y += m.space_before
                self._emit(m, self.left, y, 0, len(m.line_tops), self.pages[0])
                y += m.height + m.space_after


@functools.lru_cache(maxsize=256)
def _number_measure(text: str, style: Style, width: float, family: str) -> _Measured:
    from ptdraft.layout import Run
    from ptdraft.rules import Element

    return measure(Para(Element.PAGE_NUMBER, (Run(text),), style), width, family)


_LAST: dict[tuple, list[_Flowed]] = {}  # the record of the last pagination, by page setup and font


def paginate(layout: Layout) -> list[Page]:
    """The pages of a layout, ready to paint (blocks unchanged since the last pagination put back as they were)."""
    setup = (layout.page, layout.font, layout.page_number, layout.first_footer)
    paginator = Paginator(layout)
    pages = paginator.run(_LAST.get(setup))
    _LAST.clear()
    _LAST[setup] = paginator.flowed
    _MEASURED.next_generation()
    return pages


def paint_page(painter: QPainter, page: Page, rows: list[tuple[float, float]] | None = None) -> None:
    """Paint one page in twips (the caller sets the painter's scale and fills the paper); with ``rows`` (each top,
    bottom in twips, the reach of a piece's ink included), only the pieces and lines reaching one of them."""
    pen = QPen(QColor("black"))
    pen.setWidthF(RULE_PEN_TWIPS)
    for piece in page.pieces:
        if rows is not None and not any(top <= piece.rect.bottom() and piece.rect.top() <= bottom
                                        for top, bottom in rows):
            continue
        if piece.kind in ("rule", "hline"):
            painter.fillRect(piece.rect, QColor("black"))
            continue
        if piece.kind == "box":  # a cell of a table in the body
            grid = QPen(QColor("black"))
            grid.setWidthF(GRID_PEN_TWIPS)
            painter.setPen(grid)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(piece.rect)
            continue
        color = QColor(f"#{piece.color}") if piece.color else QColor("black")
        painter.setPen(color)
        for line in piece.lines:
            if rows is not None and not any(top <= line.y + line.height and line.y <= bottom for top, bottom in rows):
                continue
            text_line = line.layout.lineAt(line.index)
            # QTextLine positions are relative to the paragraph; shift to the line's place on the page.
            painter.save()
            painter.translate(line.x, line.y - text_line.y())
            text_line.draw(painter, QPointF(0, 0))
            painter.restore()
        if piece.kind == "frame":
            pen.setColor(color)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = RULE_PEN_TWIPS / 2
            painter.drawRect(piece.rect.adjusted(0, half, 0, -half))
