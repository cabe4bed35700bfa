"""The page preview: the Layout painted as A4 pages, zoomable; a click names the part under the mouse."""
from __future__ import annotations

from typing import TYPE_CHECKING

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QRegion
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ptdraft import rules
from ptdraft.gui.i18n import _
from ptdraft.model import ref_within

if TYPE_CHECKING:  # the page layout engine loads with the first preview, after the window is shown
    from ptdraft.gui.pages import Page
    from ptdraft.layout import Layout

GAP = 16  # pixels between pages


def _drawn(piece) -> list[tuple]:
    """What a piece draws, each item with the rows it takes on its page (top, height in twips) first: a rule's or a
    cell's box, a frame's box, and each line of text with what decides its pixels (the paragraph's style and
    formatting, the box it is set in, its characters, whether it ends the paragraph, where it is). Two paginations'
    pages compare by these, so only the lines a keystroke changed are painted again."""
    box = piece.rect
    if not piece.lines:
        return [((box.top(), box.height()), piece.kind, box.getRect(), piece.color)]
    para = piece.para
    runs = tuple((run.text, run.bold, run.italic) for run in para.runs) \
        if para is not None and any(run.bold is not None or run.italic is not None for run in para.runs) else ()
    head = (piece.kind, piece.color, para.style if para is not None else None, runs, box.left(), box.width())
    out: list[tuple] = [((box.top(), box.height()), piece.kind, box.getRect())] if piece.kind == "frame" else []
    layout = piece.lines[0].layout  # a piece's lines are lines of one measured paragraph
    text, last = layout.text(), layout.lineCount() - 1
    for line in piece.lines:
        laid = layout.lineAt(line.index)
        start = laid.textStart()
        out.append(((line.y, line.height), head, text[start:start + laid.textLength()], line.index == last,
                    line.x, line.y, line.height))
    return out


class PageCanvas(QWidget):
    """Draws the pages one under the other at the current zoom (pixels per twip)."""

    clicked_ref = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[Page] = []
        self.page_width = rules.PAGE.width  # an empty preview shows the page the decree prescribes
        self.page_height = rules.PAGE.height
        self.zoom = 0.05
        self.marked: set[str] = set()  # draft parts with a finding: all their printed pieces are outlined
        self.marked_paras: set = set()  # layout paragraphs with a finding of their own: only those are outlined
        self._font = ""
        self.repainting = QRegion()  # what the last change of pages or zoom asked to paint again (set_pages)
        self.setMouseTracking(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_pages(self, pages: list[Page], layout: Layout) -> None:
        """Show ``pages``. When they are as many and as large as before, in the same font, and no finding is outlined,
        only the rows of the pages where something is drawn differently are painted again (``repainting``): a
        keystroke changes a line or a few; else the whole canvas is."""
        old = self.pages
        same_frame = (len(old) == len(pages) and self.page_width == layout.page.width
                      and self.page_height == layout.page.height and self._font == layout.font)
        self.pages = pages
        self.page_width = layout.page.width
        self.page_height = layout.page.height
        self._font = layout.font
        if not same_frame:
            self.updateGeometry()
            self.adjustSize()
            self.repaint_all()
        elif self.marked or self.marked_paras:
            self.repaint_all()  # an outline follows its paragraph wherever it went
        else:
            self.repainting = self.changed_region(old, pages)
            if not self.repainting.isEmpty():
                self.update(self.repainting)

    def repaint_all(self) -> None:
        self.repainting = QRegion(self.rect())
        self.update()

    def ink_margin(self) -> float:
        """Twips above and below the rows of a drawn item that its pixels may reach: glyphs, a pen's width, the
        outline of a finding (20 twips out, a pen 2 pixels wide) and the antialiasing around it."""
        return 120 + 4 / self.zoom

    def changed_region(self, old: list[Page], new: list[Page]) -> QRegion:
        """Where ``new`` draws differently from ``old`` (as many pages) in the part of the canvas in view (the rest is
        painted from the pages as they are when it is scrolled into view): the rows of each item (_drawn) one of them
        has and the other has not, across the whole page (a line may start left of its box: a hanging indent) and a
        margin above and below (ink_margin)."""
        region = QRegion()
        view = self.visibleRegion().boundingRect()
        if view.isEmpty():
            return region
        size = self.page_pixels()
        margin = self.ink_margin()
        for index, (before, after) in enumerate(zip(old, new)):
            origin = self._page_origin(index)
            top, bottom = (view.top() - origin.y()) / self.zoom - margin, (view.bottom() - origin.y()) / self.zoom + margin
            if bottom < 0 or top > self.page_height:
                continue
            kept = {id(piece) for piece in before.pieces} & {id(piece) for piece in after.pieces}
            drawn = [{item for piece in page.pieces if id(piece) not in kept
                      and top <= piece.rect.bottom() and piece.rect.top() <= bottom for item in _drawn(piece)}
                     for page in (before, after)]
            for (row, height), *_what in drawn[0] ^ drawn[1]:
                y0 = math.floor(origin.y() + (row - margin) * self.zoom) - 1
                y1 = math.ceil(origin.y() + (row + height + margin) * self.zoom) + 1
                region += QRect(math.floor(origin.x()) - 1, y0, size.width() + 6, y1 - y0)
        return region

    def set_zoom(self, zoom: float) -> None:
        zoom = max(0.01, zoom)
        if zoom == self.zoom:
            return
        self.zoom = zoom
        self.updateGeometry()
        self.adjustSize()
        self.repaint_all()

    def page_pixels(self) -> QSize:
        return QSize(round(self.page_width * self.zoom), round(self.page_height * self.zoom))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        size = self.page_pixels()
        count = max(1, len(self.pages))
        return QSize(size.width() + 2 * GAP, count * (size.height() + GAP) + GAP)

    def _page_origin(self, index: int) -> QPointF:
        size = self.page_pixels()
        x = max(GAP, (self.width() - size.width()) / 2)
        return QPointF(x, GAP + index * (size.height() + GAP))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        # The grey around the pages, filled as a rectangle without a pen: QPainter.fillRect's overloads would build
        # QGradient's enums, a cost the window's first frame (no pages yet) does without.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#8a8f98"))
        painter.drawRect(event.rect())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        size = self.page_pixels()
        if self.pages:
            from ptdraft.gui.pages import paint_page
        exposed = [QRectF(rect) for rect in event.region()]
        margin = self.ink_margin()
        for index, page in enumerate(self.pages):
            origin = self._page_origin(index)
            rect = QRectF(origin.x(), origin.y(), size.width(), size.height())
            if not any(rect.intersects(part) for part in exposed):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 60))
            painter.fillRect(rect, QColor("white"))
            painter.save()
            painter.translate(origin)
            painter.scale(self.zoom, self.zoom)
            # The page's rows the exposed parts show (in twips): the pieces reaching them are drawn, no others.
            rows = [((part.top() - origin.y()) / self.zoom - margin, (part.bottom() - origin.y()) / self.zoom + margin)
                    for part in exposed if rect.intersects(part)]
            paint_page(painter, page, rows)
            if self.marked or self.marked_paras:
                pen = QPen(QColor(220, 80, 0))
                pen.setWidthF(2 / self.zoom)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for piece in page.pieces:
                    if self.outlined(piece) and any(top <= piece.rect.bottom() and piece.rect.top() <= bottom
                                                    for top, bottom in rows):
                        painter.drawRect(piece.rect.adjusted(-40, -20, 40, 20))
            painter.restore()
        painter.end()

    def set_marks(self, refs: set[str], paras: set) -> None:
        """Outline the pieces printing ``paras``, and every piece of the parts ``refs`` (nothing when both are
        empty)."""
        if (refs, paras) != (self.marked, self.marked_paras):
            self.marked, self.marked_paras = set(refs), set(paras)
            self.update()

    def outlined(self, piece) -> bool:
        return (piece.para is not None and piece.para in self.marked_paras) or self.is_marked(piece.ref)

    def is_marked(self, ref: str) -> bool:
        """Whether a printed piece from draft part ``ref`` has a finding: one on the piece's part, on a part
        inside it ("signature.name" for the signature lines), or on a part holding it ("requirements")."""
        return bool(ref) and any(ref_within(ref, m) or ref_within(m, ref) for m in self.marked)

    def ref_at(self, point: QPointF) -> str | None:
        for index, page in enumerate(self.pages):
            origin = self._page_origin(index)
            local = (point - origin) / self.zoom
            if not (0 <= local.x() <= self.page_width and 0 <= local.y() <= self.page_height):
                continue
            best = None
            for piece in page.pieces:
                if piece.ref and piece.rect.adjusted(-60, -60, 60, 60).contains(local):
                    best = piece.ref
            return best
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        ref = self.ref_at(event.position())
        if ref:
            self.clicked_ref.emit(ref)


class PreviewPanel(QWidget):
    """The pages with a zoom choice and a page count."""

    clicked_ref = Signal(str)
    ZOOMS = ("fit_width", "fit_page", "100", "75", "150")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PageCanvas()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.zoom_box = QComboBox(self)
        labels = {
            "fit_width": _("Fit width"),
            "fit_page": _("Fit page"),
            "100": "100 %",
            "75": "75 %",
            "150": "150 %",
        }
        for key in self.ZOOMS:
            self.zoom_box.addItem(labels[key], key)
        self.zoom_box.setToolTip(_("Zoom"))
        self.pages_label = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Preview"), self))
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.scroll_area, 1)
        box.addWidget(self.status)
        self.zoom_box.currentIndexChanged.connect(lambda _i: self.apply_zoom())
        self.canvas.clicked_ref.connect(self.clicked_ref)
        self.layout_shown: Layout | None = None
        self._watching_viewport = False

    def show_layout(self, layout: Layout) -> list[Page]:
        from ptdraft.gui.pages import paginate

        if not self._watching_viewport:  # with the first pages: PySide6's first viewport() costs ~10 ms
            self.scroll_area.viewport().installEventFilter(self)
            self._watching_viewport = True
        pages = paginate(layout)
        self.layout_shown = layout
        self.canvas.set_pages(pages, layout)
        self.pages_label.setText(_("{count} page(s)").format(count=len(pages)))
        self.apply_zoom()
        return pages

    def set_zoom_mode(self, key: str) -> None:
        self.zoom_box.setCurrentIndex(max(0, self.zoom_box.findData(key)))

    def apply_zoom(self) -> None:
        key = self.zoom_box.currentData()
        viewport = self.scroll_area.viewport().size()
        width = self.canvas.page_width
        height = self.canvas.page_height
        if key == "fit_width":
            zoom = (viewport.width() - 2 * GAP) / width
        elif key == "fit_page":
            zoom = min((viewport.width() - 2 * GAP) / width, (viewport.height() - 2 * GAP) / height)
        else:
            zoom = self.logicalDpiX() / rules.TWIPS_PER_INCH * int(key) / 100
        self.canvas.set_zoom(zoom)
        hint = self.canvas.sizeHint()
        self.canvas.resize(max(hint.width(), viewport.width()), hint.height())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            if self.zoom_box.currentData() in ("fit_width", "fit_page"):
                self.apply_zoom()
        return False
