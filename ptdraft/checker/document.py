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
    character of an automatic list ("" when none, "#" for automatic numbers).
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
    """Everything the rules read: paragraphs, sections, and the page count Word saved (None if unknown)."""

    paragraphs: tuple[ParaInfo, ...]
    sections: tuple[SectionInfo, ...]
    pages: int | None = None
