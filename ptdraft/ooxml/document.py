"""What the checker knows about a DOCX: plain facts with the effective formatting already resolved.

The DOCX reader fills these from the XML (run properties falling back to the
character style, the paragraph style chain, the table style and docDefaults); the
rules only read them, so no rule touches XML.
"""
from __future__ import annotations

from dataclasses import dataclass

FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
THEME = "theme:"  # prefix of a font slot that names a theme font ("theme:minorHAnsi")


@dataclass(frozen=True)
class RunInfo:
    """One run of text with its effective formatting.

    ``size`` is in points (Word's 10 pt when nothing sets it); ``fonts`` gives the
    four font slots in :data:`FONT_SLOTS` order, each a font name, "theme:<name>"
    for a theme font, or "" when nothing sets it.
    """

    text: str
    size: float
    bold: bool
    italic: bool
    caps: bool
    fonts: tuple[str, str, str, str]

    @property
    def shown(self) -> str:
        """The text as printed (``caps`` shows it in capitals)."""
        return self.text.upper() if self.caps else self.text

    @property
    def visible(self) -> bool:
        return bool(self.text.strip())


@dataclass(frozen=True)
class ParaInfo:
    """One paragraph in document order.

    ``table`` is the number of the top-level table holding it (-1 outside tables),
    with ``row`` and ``col`` its cell; ``in_textbox`` marks text-box content.
    ``align`` is "left", "center", "right" or "both"; indents are in twips
    (``first_indent`` negative for a hanging indent). ``bullet`` is the bullet
    character of an automatic list ("" when none, "#" for automatic numbers), ``label`` what the list prints.
    """

    index: int
    text: str
    runs: tuple[RunInfo, ...]
    align: str
    first_indent: int
    left_indent: int
    table: int = -1
    row: int = 0
    col: int = 0
    in_textbox: bool = False
    bullet: str = ""
    # The label an automatic list prints before the text ("1.", "a)", "II.", "Điều 3.", a bullet's character), which
    # is in no run; "" outside lists.
    label: str = ""
    # Where the paragraph prints (for the page layout of :mod:`.page_layout`): its container, a table cell
    # (x from the left margin and width, in twips, cell margins taken off) or the text area (None).
    cell: tuple[int, int] | None = None
    right_indent: int = 0
    space_before: int = 0
    space_after: int = 0
    line: int = 240  # w:spacing/@w:line: 240ths of a line ("auto"), or twips ("exact", "atLeast")
    line_rule: str = "auto"
    mark_size: float = 10.0  # the size of the paragraph mark: the height of an empty paragraph's line
    # Paragraph borders: the room each takes (twips), 0 for none; a line under an empty paragraph is a drawn rule.
    border_top: int = 0
    border_bottom: int = 0
    drawn_lines: tuple[int, ...] = ()  # widths (twips; 0 unknown) of line shapes drawn in the paragraph
    page_break: bool = False  # pageBreakBefore, or a page break in its runs
    keep_next: bool = False
    keep_lines: bool = False
    widows: bool = False  # widow and orphan control: no line of it alone at a page's foot or head
    section_break: bool = False  # the paragraph ends a section that starts the next on a new page
    # Tracked changes (Track Changes) not yet accepted in the paragraph, one kind each: "ins", "del", "moveFrom",
    # "moveTo", "format" (a formatting change), "mark-ins", "mark-del" (its paragraph mark; a deleted mark joins it to
    # the next one once accepted). ``text`` and ``runs`` are what Word shows after accepting them: insertions kept,
    # deletions and moved-away text left out.
    revisions: tuple[str, ...] = ()
    # Its custom tab stops, style's and own: (position, kind) by position, twips from the left edge of its container
    # (the margin, a cell); kind "left", "center", "right", "decimal", "bar" (a drawn line, no stop) or "clear".
    tabs: tuple[tuple[int, str], ...] = ()
    # A text box's paragraph: (x, width) of the box, twips, x from the left margin ("column"/"margin" placed; a
    # box placed from the page's edge has the margin taken off); None when the file does not say.
    frame: tuple[int, int] | None = None
    # The code of each field in the paragraph, in order (' DATE \@ "dd/MM/yyyy" ', " PAGE "); the text holds the
    # result Word last showed, never the code.
    fields: tuple[str, ...] = ()
    # Characters of the file's text that only look like what they stand for ("Ð" for "Đ", "∕" for "/"): ``text`` and
    # ``runs`` hold the meant ones; this many were replaced.
    look_alikes: int = 0

    @property
    def shown(self) -> str:
        return "".join(run.shown for run in self.runs)

    @property
    def visible_runs(self) -> tuple[RunInfo, ...]:
        return tuple(run for run in self.runs if run.visible)

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class PartInfo:
    """A header or footer part: whether it holds a PAGE field, and how that number prints."""

    name: str
    has_page: bool
    page_align: str
    page_runs: tuple[RunInfo, ...]
    runs: tuple[RunInfo, ...]
    fields: tuple[str, ...] = ()  # the code of each field in the part, in order
    revisions: tuple[str, ...] = ()  # its tracked changes not yet accepted, by kind (as ParaInfo.revisions)


@dataclass(frozen=True)
class SectionInfo:
    """Page setup of one section (twips), with the header and footer parts that apply to it."""

    index: int
    width: int | None
    height: int | None
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    title_page: bool
    headers: tuple[tuple[str, PartInfo], ...]  # ("default" | "first" | "even", part)
    footers: tuple[tuple[str, PartInfo], ...]

    def header(self, kind: str) -> PartInfo | None:
        return dict(self.headers).get(kind)

    def footer(self, kind: str) -> PartInfo | None:
        return dict(self.footers).get(kind)


@dataclass(frozen=True)
class DocInfo:
    """Everything the rules read: paragraphs and sections. The page count is laid out (.page_layout), never
    taken from docProps/app.xml, which programs other than Word leave stale."""

    paragraphs: tuple[ParaInfo, ...]
    sections: tuple[SectionInfo, ...]
    # Tracked changes of the body outside any paragraph (a table row or cell inserted or deleted, a table's or a
    # section's properties changed), by kind ("row-ins", "row-del", "cell", "format").
    revisions: tuple[str, ...] = ()
