"""The body's light markup, as a clerk would type it, turned into blocks.

- A blank line separates paragraphs; lines of one paragraph are joined with a
  space (a justified paragraph must never hold a manual line break).
- A line starting with a number and a full stop ("1. ", "12. ") opens a numbered
  item; the number written is only a marker, items are numbered 1, 2, 3 … in order.
- A line starting with a letter and ")" ("a) ", "đ) ") opens a sub-item of the
  item above; sub-items are lettered a), b), c) … in the Vietnamese order.
- A line starting "Điều 1." opens an article (decisions); items inside it are its
  clauses (khoản) and sub-items its points (điểm).
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


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class NumberedList:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Article:
    """"Điều n. title" and what follows it up to the next article."""

    title: str
    blocks: tuple[Union[Paragraph, NumberedList], ...] = ()


Block = Union[Paragraph, NumberedList, Article]


class _Builder:
    def __init__(self) -> None:
        self.top: list[Block] = []
        self.article: tuple[str, list] | None = None
        self.items: list[list] | None = None  # [text, [subitems]] of the open list
        self.kind: str | None = None  # kind of the open piece of text
        self.lines: list[str] = []

    # -- text accumulation --
    def _flush_text(self) -> None:
        if not self.lines:
            return
        text = " ".join(self.lines)
        self.lines = []
        if self.kind == "item" and self.items is not None:
            self.items[-1][0] = text
        elif self.kind == "subitem" and self.items is not None:
            self.items[-1][1][-1] = text
        elif self.kind == "article" and self.article is not None:
            self.article = (text, self.article[1])
        else:
            self._close_list()
            self._target().append(Paragraph(text))
        self.kind = None

    def _target(self) -> list:
        return self.article[1] if self.article is not None else self.top

    def _close_list(self) -> None:
        if self.items is not None:
            items = tuple(Item(text, tuple(subs)) for text, subs in self.items)
            self._target().append(NumberedList(items))
            self.items = None

    def _close_article(self) -> None:
        self._close_list()
        if self.article is not None:
            title, blocks = self.article
            self.article = None
            self.top.append(Article(title, tuple(blocks)))

    # -- line handling --
    def line(self, raw: str) -> None:
        kind, text, sub_text = _classify(raw)
        if kind == "blank":
            self._flush_text()
            self.kind = None
        elif kind == "article":
            self._flush_text()
            self._close_article()
            self.article = ("", [])
            self.kind = "article"
            self.lines = [text] if text else []
        elif kind == "item":
            self._flush_text()
            if self.items is None:
                self.items = []
            self.items.append(["", []])
            self.kind = "item"
            self.lines = [text]
        elif sub_text is not None and self.items is not None:
            self._flush_text()
            self.items[-1][1].append("")
            self.kind = "subitem"
            self.lines = [sub_text]
        else:
            self._text_line(text)

    def _text_line(self, stripped: str) -> None:  # noqa: D102
        if self.kind is None:
            # A plain paragraph after a list ends the list.
            self._close_list()
            self.kind = "paragraph"
        self.lines.append(stripped)

    def finish(self) -> tuple[Block, ...]:
        self._flush_text()
        self._close_article()
        self._close_list()
        return tuple(self.top)


@functools.lru_cache(maxsize=2048)  # a 100-page body has about 1,200 lines
def _classify(raw: str) -> tuple[str, str, str | None]:
    """What one line of markup is, remembered by its text (a keystroke changes one line of a long body):
    ("blank", "", None), ("article", rest, None), ("item", rest, None) or ("text", line, sub-item rest or None)
    where a sub-item marker only counts inside a list, which the builder knows."""
    stripped = raw.strip()
    if not stripped.isprintable() or "  " in stripped:  # tabs, no-break or doubled spaces: fold them
        stripped = " ".join(raw.split())
    if not stripped:
        return "blank", "", None
    if stripped.startswith("\\"):
        return "text", stripped[1:].lstrip(), None
    article = _ARTICLE.match(stripped)
    if article:
        return "article", stripped[article.end():], None
    item = _ITEM.match(stripped)
    if item:
        return "item", stripped[item.end():], None
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
