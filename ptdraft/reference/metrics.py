"""Text widths in Times New Roman, measured from a shipped table.

The table (resources/fonts/times-metrics.json, built by
scripts/build_font_metrics.py from Liberation Serif, which shares Times New
Roman's advance widths) lets the layout size the short rules under the issuing
authority and the motto, and align the Kính gửi dashes, the same way on every
machine and without Qt.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Callable, Iterable

from ptdraft.resources import resource

TWIPS_PER_POINT = 20


@functools.cache
def _table() -> dict:
    with open(resource("fonts", "times-metrics.json"), encoding="utf-8") as handle:
        raw = json.load(handle)
    styles = {}
    for style in ("regular", "bold", "italic", "bolditalic"):
        styles[style] = {int(code, 16): width for code, width in raw[style].items()}
    return {"styles": styles, "fallback": raw["fallback"], "units": raw["units_per_em"], "line": raw["line"]}


def _style(bold: bool, italic: bool) -> str:
    if bold and italic:
        return "bolditalic"
    if bold:
        return "bold"
    if italic:
        return "italic"
    return "regular"


def text_width(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> int:
    """Width of one line of ``text`` in twips at ``size_pt`` points."""
    table = _table()
    style = _style(bold, italic)
    widths = table["styles"][style]
    fallback = table["fallback"][style]
    units = 0
    for ch in unicodedata.normalize("NFC", text):
        width = widths.get(ord(ch))
        if width is None:
            # A precomposed letter not in the table measures as its base letter.
            base = unicodedata.normalize("NFD", ch)[0]
            width = widths.get(ord(base), fallback)
        units += width
    return round(units * size_pt * TWIPS_PER_POINT / table["units"])


def line_height(size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Height in twips of one line at single spacing (ascender + descender + line gap), as Word and LibreOffice use."""
    table = _table()
    return table["line"][_style(bold, italic)] * size_pt * TWIPS_PER_POINT / table["units"]


def break_widths(pieces: Iterable[tuple[str, Callable[[str], int]]], width: int,
                 first: int | None = None) -> tuple[int, ...]:
    """The width of each line a text takes in a line ``width`` twips wide (``first``: the first line's room), broken
    as Word and LibreOffice break it: at spaces (the spaces at a break do not count), a word wider than the line
    broken where it overflows, a "\\n" piece a forced break. ``pieces`` are the words, the runs of spaces and the
    breaks, each with how it measures (its run's size and weight). The one breaking rule of ptdraft: the checker's
    paginator and the layout's rule widths both use it."""
    out: list[int] = []
    line, spaces = 0, 0  # the width of the line so far, and of the spaces after it
    available = width if first is None else first
    for text, measure in pieces:
        if text == "\n":
            out.append(line)
            line, spaces, available = 0, 0, width
            continue
        size = measure(text)
        if text.isspace() and "\t" not in text:
            spaces += size
            continue
        if line and line + spaces + size > available:
            out.append(line)
            line, spaces, available = 0, 0, width
        elif line:
            line += spaces
        spaces = 0
        while size > available and line == 0 and len(text) > 1:
            cut = max(1, int(len(text) * available / size))
            out.append(measure(text[:cut]))
            text = text[cut:]
            size = measure(text)
            available = width
        line += size
    out.append(line)
    return tuple(out)


def wrapped_widths(text: str, width: int, size_pt: float, *, bold: bool = False, italic: bool = False) -> tuple[int, ...]:
    """The width of each line one run of ``text`` takes in a box ``width`` twips wide (:func:`break_widths`); a text
    that fits is one line, measured whole as :func:`text_width` measures it."""
    def measure(piece: str) -> int:
        return text_width(piece, size_pt, bold=bold, italic=italic)

    whole = measure(text)
    if whole <= width:
        return (whole,)
    return break_widths(((piece, measure) for piece in re.findall(r" +|[^ ]+", text)), width)
