"""The body's light markup, as a clerk would type it, turned into blocks.

- A blank line separates paragraphs; lines of one paragraph are joined with a
  space (a justified paragraph must never hold a manual line break).
- A line starting with a number and a full stop ("1. ", "12. ") opens a numbered
  item; the number written is only a marker, items are numbered 1, 2, 3 … in order.
- A line starting "1.1. " opens a sub-item of the item above (numbered 1.1., 1.2. … under item 1).
- A line starting with a letter and ")" ("a) ", "đ) ") opens a point of the item (or sub-item) above;
  points are lettered a), b), c) … in the Vietnamese order.
- A line starting "- " opens a dash line: under the item, sub-item or point above, or a paragraph of its own.
- A line starting "Điều 1." opens an article (decisions); items inside it are its
  clauses (khoản) and sub-items its points (điểm).
- A line starting "Phần I", "Chương I", "Mục 1" or "Tiểu mục 1" (a number, then "." or ":" and the title, or the
  title on the next line) opens a division of a decision, rule or regulation (FORMAT.md §4.2).
- A line starting with a Roman numeral and a full stop ("I. ") opens a section of a plan or report; the items after
  it belong to it (numbered from 1 in each section), with the paragraphs, dash lines and tables under them.
- Lines starting "|" make a table, one row a line, cells between "|"; a line of dashes ("|---|------|") after the
  first rows makes those rows the header (repeated on each page), and its dashes give the columns' relative widths.
- A line starting with a backslash is plain text, the backslash dropped: "\\2. Yêu cầu"
  prints "2. Yêu cầu" as it is, where a list marker would be renumbered (imported letters).
"""
from __future__ import annotations

import functools

import re
from dataclasses import dataclass
from typing import Union

from ptdraft.model import Item

_ITEM = re.compile(r"^\s*\d{1,3}\.\s+(?=\S)")
_SUBITEM = re.compile(r"^\s*[a-zđ]\)\s+(?=\S)")
_ARTICLE = re.compile(r"^\s*Điều\s+\d{1,3}\.\s*")
_SUB_CLAUSE = re.compile(r"^\s*\d{1,3}\.\d{1,3}\.\s+(?=\S)")
_DASH = re.compile(r"^\s*[-–]\s+(?=\S)")
_SECTION = re.compile(r"^\s*[IVXLC]{1,7}\.\s+(?=\S)")
_DIVISION = re.compile(r"^\s*(?P<kind>Phần|Chương|Tiểu mục|Mục)\s+(?:[IVXLC]{1,7}|\d{1,3})(?:\s*[.:–-]\s*(?P<title>.*)|\s*$)")
_RULE_CELL = re.compile(r"^:?-{2,}:?$")

DIVISIONS = ("Phần", "Chương", "Mục", "Tiểu mục")  # from the highest


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """A table typed as "|" lines: its rows of cells, how many rows head it (those above the "|---|" line: bold,
    repeated on each page), the columns' relative widths from that line (() when there is none: equal widths), and
    how many rows end it in bold (those under a second "|---|" line: a "Tổng cộng" row)."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 0
    weights: tuple[int, ...] = ()
    total_rows: int = 0

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass(frozen=True)
class Node:
    """What lies under a numbered item: a sub-item "1.1." (``kind`` "sub"), a point "a)" ("point"), a dash line
    ("dash"), a plain paragraph ("para") or a table ("table", in ``table``), with what lies under it."""

    kind: str
    text: str = ""
    children: tuple["Node", ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class OutlineItem(Item):
    """A numbered item with more under it than points: ``parts`` in order (``subitems`` keeps its own points)."""

    parts: tuple[Node, ...] = ()


@dataclass(frozen=True)
class NumberedList:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Article:
    """"Điều n. title" and what follows it up to the next article."""

    title: str
    blocks: tuple[Union[Paragraph, NumberedList, Table], ...] = ()


@dataclass(frozen=True)
class Division:
    """"Phần I", "Chương II", "Mục 1", "Tiểu mục 1" (``kind``) with its title; numbered when laid out."""

    kind: str
    title: str = ""


@dataclass(frozen=True)
class Section:
    """A plan's or report's "I. TITLE" and what follows it up to the next section or division."""

    title: str
    blocks: tuple[Union[Paragraph, NumberedList, Table], ...] = ()


Block = Union[Paragraph, NumberedList, Article, Division, Section, Table]


def _freeze(node: list) -> Node:
    kind, text, children, table = node
    return Node(kind, text, tuple(_freeze(child) for child in children), table)


class _Builder:
    def __init__(self) -> None:
        self.top: list[Block] = []
        self.article: tuple[str, list] | None = None
        self.section: tuple[str, list] | None = None
        self.items: list[list] | None = None  # [text, [parts]] of the open list; a part is [kind, text, [parts], table]
        self.kind: str | None = None  # kind of the open piece of text
        self.node: list | None = None  # the part whose text is being typed (a sub-item, point or dash line)
        self.division = ""
        self.lines: list[str] = []
        self.rows: list[str] = []  # "|" lines of the table being typed

    # -- text accumulation --
    def _flush_text(self) -> None:
        self._flush_table()
        if not self.lines and self.kind != "division":
            return
        text = " ".join(self.lines)
        self.lines = []
        if self.kind == "item" and self.items is not None:
            self.items[-1][0] = text
        elif self.kind in ("sub", "point", "dash", "para") and self.node is not None:
            self.node[1] = text
        elif self.kind == "article" and self.article is not None:
            self.article = (text, self.article[1])
        elif self.kind == "section" and self.section is not None:
            self.section = (text, self.section[1])
        elif self.kind == "division":
            self.top.append(Division(self.division, text))
        else:
            self._close_list()
            self._target().append(Paragraph(text))
        self.kind = None
        self.node = None

    def _flush_table(self) -> None:
        if self.rows:
            table = _table(self.rows)
            self.rows = []
            if self.items is not None:
                self._container(("sub",)).append(["table", "", [], table])
            else:
                self._target().append(table)

    def _target(self) -> list:
        if self.article is not None:
            return self.article[1]
        return self.section[1] if self.section is not None else self.top

    def _container(self, kinds: tuple[str, ...]) -> list:
        """The parts list under the innermost open part whose kind is in ``kinds`` (the item's own otherwise)."""
        assert self.items is not None
        parts = self.items[-1][1]
        while parts and parts[-1][0] in kinds:
            parts = parts[-1][2]
        return parts

    def _close_list(self) -> None:
        if self.items is not None:
            items = []
            for text, parts in self.items:
                points = tuple(p[1] for p in parts if p[0] == "point")
                if all(p[0] == "point" and not p[2] for p in parts):
                    items.append(Item(text, points))
                else:
                    items.append(OutlineItem(text, points, tuple(_freeze(p) for p in parts)))
            self._target().append(NumberedList(tuple(items)))
            self.items = None

    def _close(self, name: str, kind: type) -> None:
        """End the open article or section (``name``: "article", "section") and put it among the blocks."""
        self._close_list()
        found = getattr(self, name)
        if found is not None:
            title, blocks = found
            setattr(self, name, None)
            self.top.append(kind(title, tuple(blocks)))

    def _close_article(self) -> None:
        self._close("article", Article)

    def _close_section(self) -> None:
        self._close("section", Section)

    def _open_part(self, kind: str, text: str, container: list) -> None:
        self._flush_text()
        node: list = [kind, "", [], None]
        container.append(node)
        self.kind, self.node, self.lines = kind, node, [text]

    # -- line handling --
    def line(self, raw: str) -> None:
        kind, text, sub_text = _classify(raw)
        if kind != "table":
            self._flush_table()
        if kind == "blank":
            self._flush_text()
            self.kind = None
        elif kind == "table":
            if not self.rows:
                self._flush_text()
            self.rows.append(text)
        elif kind in ("division", "section", "article"):  # each ends the article or section open before it
            self._flush_text()
            self._close_article()
            self._close_section()
            if kind == "division":
                self.division = sub_text or ""
            else:
                setattr(self, kind, ("", []))
            self.kind = kind
            self.lines = [text] if text else []
        elif kind == "item":
            self._flush_text()
            if self.items is None:
                self.items = []
            self.items.append(["", []])
            self.kind = "item"
            self.lines = [text]
        elif kind == "sub" and self.items is not None:
            self._open_part("sub", text, self.items[-1][1])
        elif kind == "dash" and self.items is not None:
            self._open_part("dash", text, self._container(("sub", "point")))
        elif kind in ("sub", "dash"):  # outside a list: text (a dash line starts a paragraph of its own)
            if kind == "dash":
                self._flush_text()
            self._text_line(sub_text or "")
        elif sub_text is not None and self.items is not None:
            self._open_part("point", sub_text, self._container(("sub",)))
        else:
            self._text_line(text)

    def _text_line(self, stripped: str) -> None:  # noqa: D102
        if self.kind is None:
            if self.items is not None and self.section is not None:
                # In a plan's section a paragraph belongs to the item above (its numbering goes on after it).
                self._open_part("para", stripped, self._container(("sub",)))
                return
            # A plain paragraph after a list ends the list.
            self._close_list()
            self.kind = "paragraph"
        self.lines.append(stripped)

    def finish(self) -> tuple[Block, ...]:
        self._flush_text()
        self._close_article()
        self._close_section()
        self._close_list()
        return tuple(self.top)


def _cells(line: str) -> list[str]:
    """The cells of a "|" line: split at "|" not preceded by a backslash ("\\|" is a "|" in a cell)."""
    inner = line.strip()[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [" ".join(cell.replace("\\|", "|").split()) for cell in re.split(r"(?<!\\)\|", inner)]


def _table(lines: list[str]) -> Table:
    rows: list[tuple[str, ...]] = []
    header = 0
    weights: tuple[int, ...] = ()
    total_from: int | None = None
    for line in lines:
        cells = _cells(line)
        if cells and all(_RULE_CELL.match(cell.replace(" ", "")) for cell in cells):
            if not weights:
                header, weights = len(rows), tuple(len(cell.strip(": ")) for cell in cells)
            elif len(rows) > header:
                total_from = len(rows)  # a second "|---|" line: the rows under it end the table in bold
            continue
        rows.append(tuple(cells))
    columns = max((len(row) for row in rows), default=0)
    rows = [row + ("",) * (columns - len(row)) for row in rows]
    if weights:
        weights = (weights + (max(weights),) * columns)[:columns] if columns else ()
    return Table(tuple(rows), header, weights, len(rows) - total_from if total_from is not None else 0)


@functools.lru_cache(maxsize=2048)  # a 100-page body has about 1,200 lines
def _classify(raw: str) -> tuple[str, str, str | None]:
    """What one line of markup is, remembered by its text (a keystroke changes one line of a long body):
    ("blank", "", None), ("table", line, None), ("division", title, kind), ("section", rest, None),
    ("article", rest, None), ("item", rest, None), ("sub", rest, line), ("dash", rest, line) or
    ("text", line, point rest or None), where a sub-item, point or dash marker only counts inside a list, which
    the builder knows."""
    stripped = raw.strip()
    if not stripped.isprintable() or "  " in stripped:  # tabs, no-break or doubled spaces: fold them
        stripped = " ".join(raw.split())
    if not stripped:
        return "blank", "", None
    if stripped.startswith("\\"):
        return "text", stripped[1:].lstrip(), None
    if stripped.startswith("|"):
        return "table", stripped, None
    division = _DIVISION.match(stripped)
    if division:
        return "division", (division.group("title") or "").strip(), division.group("kind")
    article = _ARTICLE.match(stripped)
    if article:
        return "article", stripped[article.end():], None
    item = _ITEM.match(stripped)
    if item:
        return "item", stripped[item.end():], None
    section = _SECTION.match(stripped)
    if section:
        return "section", stripped[section.end():], None
    for kind, marker in (("sub", _SUB_CLAUSE), ("dash", _DASH)):
        found = marker.match(stripped)
        if found:
            return kind, stripped[found.end():], stripped
    sub = _SUBITEM.match(stripped)
    return "text", stripped, stripped[sub.end():] if sub else None


def parse(text: str) -> tuple[Block, ...]:
    """The blocks of a body or closing text (the last few texts are remembered: while the clerk types, the
    preview and the problem list read the same body)."""
    found = _PARSED.get(text)
    if found is not None:
        return found
    if len(_PARSED) >= _PARSED_KEPT:
        _PARSED.pop(next(iter(_PARSED)))
    found = _PARSED[text] = _parse(text)
    return found


_PARSED: dict[str, tuple] = {}
_PARSED_KEPT = 3


def _parse(text: str) -> tuple[Block, ...]:
    builder = _Builder()
    for raw in text.split("\n"):
        builder.line(raw)
    return builder.finish()


def paragraphs(text: str) -> tuple[str, ...]:
    """Plain paragraphs of a text, ignoring any list markup (for closings and notes)."""
    result = []
    for chunk in re.split(r"\n\s*\n", text):
        joined = " ".join(chunk.split())
        if joined:
            result.append(joined)
    return tuple(result)


# -- numbering the markup as it is typed (the window's outline editor) ---------------------------------------------

# The levels a line can take, from the highest: a plan's or report's, and a decision's, rule's or regulation's.
PLAN_LEVELS = ("section", "item", "sub", "point", "dash")
DECISION_LEVELS = ("Phần", "Chương", "Mục", "Tiểu mục", "article", "item", "point", "dash")


_MARKER_ONLY = (("sub", re.compile(r"^\d{1,3}\.\d{1,3}\.$")), ("item", re.compile(r"^\d{1,3}\.$")),
                ("section", re.compile(r"^[IVXLC]{1,7}\.$")), ("dash", re.compile(r"^[-–]$")),
                ("point", re.compile(r"^[a-zđ]\)$")))


def _typed(line: str) -> tuple[str, str, str | None]:
    """:func:`_classify`, and a line holding only a marker ("1.1. ", "a) ") as the level it opens, still empty."""
    kind, text, extra = _classify(line)
    if kind == "text" and extra is None:
        for level, marker in _MARKER_ONLY:
            if marker.match(text):
                return ("text", text, "") if level == "point" else (level, "", text)
    return kind, text, extra


def line_level(line: str) -> str | None:
    """The level a line of markup opens ("section", "item", "sub", "point", "dash", "article" or a division's
    kind), None for text. A point or sub-item marker counts here even outside a list (the editor's view)."""
    kind, _text, extra = _typed(line)
    if kind == "division":
        return extra
    if kind in ("section", "article", "item", "sub", "dash"):
        return kind
    if kind == "text" and extra is not None:
        return "point"
    return None


def line_text(line: str) -> str:
    """A line of markup without its marker."""
    kind, text, extra = _typed(line)
    if kind == "text":
        return extra if extra is not None else text
    return text


def with_level(line: str, level: str | None) -> str:
    """The line with the marker of ``level`` (numbers are put right by :func:`renumber`)."""
    text = line_text(line)
    marker = {None: "", "section": "I. ", "item": "1. ", "sub": "1.1. ", "point": "a) ", "dash": "- ",
              "article": "Điều 1. "}.get(level)
    if marker is None:  # a division
        return f"{level} 1. {text}" if text else f"{level} 1"
    return marker + text


def renumber(text: str) -> str:
    """The markup with every marker showing the number the layout prints for it: sections I, II …, items from 1 in
    each list (a plan's section keeps one list through its paragraphs), sub-items 1.1. under their item, points
    a), b) … under their item or sub-item, articles and divisions as numbered in the whole text. Text, blank lines
    and line breaks are kept as they are."""
    from ptdraft import rules

    divisions = dict.fromkeys(DIVISIONS, 0)
    section = article = item = sub = point = 0
    in_section = listed = False
    previous: str | None = None  # what the line above opened or continued; None after a blank line
    out = []
    for raw in text.split("\n"):
        kind, rest, extra = _typed(raw)
        line = raw
        if kind == "blank":
            previous = None
        elif kind == "table":
            previous = "table"
        elif kind == "division" and extra is not None:  # a division always names its kind
            level = DIVISIONS.index(extra)
            divisions[extra] += 1
            for lower in DIVISIONS[level + 1:]:
                if lower != "Chương":
                    divisions[lower] = 0
            section, in_section, listed = 0, False, False
            label = rules.division_label(extra, divisions[extra])
            line, previous = (f"{label}. {rest}" if rest else label), "heading"
        elif kind == "section":
            section += 1
            in_section, listed = True, False
            line, previous = f"{rules.section_label(section)} {rest}", "heading"
        elif kind == "article":
            article += 1
            in_section, listed = False, False
            line, previous = f"Điều {article}. {rest}".rstrip(), "heading"
        elif kind == "item":
            item = item + 1 if listed else 1
            listed, sub, point = True, 0, 0
            line, previous = f"{rules.item_label(item)} {rest}", "item"
        elif kind == "sub" and listed:
            sub, point = sub + 1, 0
            line, previous = f"{rules.sub_clause_label(item, sub)} {rest}", "sub"
        elif kind == "dash":
            previous = "dash"
        elif kind == "text" and extra is not None and listed:
            line, previous = f"{rules.point_label(point)} {extra}", "point"
            point += 1
        elif previous is None:  # a paragraph of its own: outside a plan's section it ends the list
            listed = listed and in_section
            previous = "text"
        out.append(line)
    return "\n".join(out)
