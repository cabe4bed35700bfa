"""The body of an imported letter: legal bases, paragraphs, numbered items, closing and close.

- A decision's paragraphs before "QUYẾT ĐỊNH:" are its legal bases; the articles
  ("Điều 1. …") follow, and the "./." of the last one ends the text (no closing).
- Otherwise the paragraphs before the first numbered item ("1.", "I.", "Điều 1.") open
  the body, the last plain paragraph is the closing, and the numbered items run between:
  each from its marker to the next marker of the same kind, with everything under it.
- "Trân trọng./." (and the like) at the very end is the close.

A plain list (1., 2., … with only a), b) … under them) becomes the draft's numbered
requirements; any other structure stays in the body as text in the body markup, each
paragraph as printed, with a leading "\\" where the markup would otherwise renumber it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ptdraft.rules import POINT_LETTERS
from ptdraft.reference import doctypes
from ptdraft.model import Content, Item

_CLOSE = re.compile(r"^(?:Xin\s+)?(?:trân\s+trọng(?:\s+cảm\s+ơn)?|chân\s+thành\s+cảm\s+ơn)\s*(?:[!.]|\./\.)*\s*$", re.I)
_DECIDING = re.compile(r"^(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ)\s*:$")
_BASIS = re.compile(r"^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)\b")
_ARTICLE = re.compile(r"^Điều\s+\d{1,3}\s*\.")
_ROMAN = re.compile(r"^[IVXLC]{1,7}\.\s")
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})\.\s+(?P<text>\S.*)$")
_POINT = re.compile(r"^(?P<letter>[a-zđ])\)\s+(?P<text>\S.*)$")
_ANY_MARKER = re.compile(r"^(?:Điều\s+\d{1,3}\s*\.|[IVXLC]{1,7}\.\s|\d{1,3}(?:\.\d{1,3})*\.\s|[a-zđ]\)\s|[-+•–]\s)")
END_MARK = "./."


def _top_kind(paragraph: str) -> re.Pattern | None:
    for kind in (_ARTICLE, _ROMAN, _NUMBERED):
        if kind.match(paragraph):
            return kind
    return None


@dataclass
class Body:
    legal_bases: list[str] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    items: list[list[str]] = field(default_factory=list)  # each numbered item: its paragraphs, marker first
    closing: str = ""
    close: str = ""
    deciding_word: str = ""

    def requirements(self) -> tuple[Item, ...] | None:
        """The items as the draft's requirements when they are a plain list 1., 2., … with a), b) … under them."""
        out: list[Item] = []
        for number, group in enumerate(self.items, start=1):
            m = _NUMBERED.match(group[0])
            if not m or int(m.group("n")) != number:
                return None
            points = []
            for index, paragraph in enumerate(group[1:]):
                p = _POINT.match(paragraph)
                if not p or p.group("letter") != POINT_LETTERS[index % len(POINT_LETTERS)]:
                    return None
                points.append(p.group("text"))
            out.append(Item(m.group("text"), tuple(points)))
        return tuple(out) if out else None


def classify(paragraphs: list[str], doc_type: str) -> Body:
    """The parts of a body, from its paragraphs in order."""
    body = Body()
    rest = list(paragraphs)
    if rest and _CLOSE.match(rest[-1]):
        body.close = rest.pop()
    if doc_type in doctypes.DECIDING_WORD:
        index = next((i for i, p in enumerate(rest) if _DECIDING.match(p)), None)
        if index is not None:
            body.legal_bases, body.deciding_word, rest = rest[:index], rest[index], rest[index + 1:]
        else:
            while rest and _BASIS.match(rest[0]):
                body.legal_bases.append(rest.pop(0))
        first = next((i for i, p in enumerate(rest) if _ARTICLE.match(p)), len(rest))
        body.intro, rest = rest[:first], rest[first:]
        body.items = _groups(rest, _ARTICLE)
    else:
        if len(rest) > 1 and not _ANY_MARKER.match(rest[-1]):
            body.closing = rest.pop()
        first = next((i for i, p in enumerate(rest) if _top_kind(p)), len(rest))
        body.intro, rest = rest[:first], rest[first:]
        if rest:
            body.items = _groups(rest, _top_kind(rest[0]))
    if not body.close:
        last = (body.closing or (body.items[-1][-1] if body.items else (body.intro[-1] if body.intro else "")))
        body.close = END_MARK if last.rstrip().endswith(END_MARK) else ""
    return body


def _groups(paragraphs: list[str], kind: re.Pattern | None) -> list[list[str]]:
    groups: list[list[str]] = []
    for paragraph in paragraphs:
        if kind is not None and kind.match(paragraph) or not groups:
            groups.append([paragraph])
        else:
            groups[-1].append(paragraph)
    return groups


def _printed(markup: str) -> list[str]:
    """The body paragraphs the layout prints for ``markup``, as text."""
    from ptdraft.layout import Para, layout

    result = layout(Content(body=markup))
    return [" ".join(b.text.split()) for b in result.blocks if isinstance(b, Para) and b.ref == "body"]


def markup(paragraphs: list[str]) -> str:
    """Body text that prints ``paragraphs`` exactly, numbers and letters included."""
    escaped = [p.startswith("\\") for p in paragraphs]
    text = ""
    for _ in range(10):
        text = "\n\n".join(("\\" + p) if esc else p for p, esc in zip(paragraphs, escaped))
        printed = _printed(text)
        if len(printed) != len(paragraphs):
            return text
        wrong = [i for i, (want, got) in enumerate(zip(paragraphs, printed)) if " ".join(want.split()) != got and not escaped[i]]
        if not wrong:
            return text
        for index in wrong:
            escaped[index] = True
    return text
