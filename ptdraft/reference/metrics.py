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
import unicodedata

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


def wrapped_widths(text: str, width: int, size_pt: float, *, bold: bool = False, italic: bool = False) -> tuple[int, ...]:
    """The width of each line ``text`` takes in a box ``width`` twips wide, broken as Word breaks one run (at spaces;
    the spaces at a break do not count; a word wider than the box broken where it overflows), as the checker's
    paginator breaks a paragraph (:func:`ptdraft.checker.page_layout.break_lines`). A line that fits is measured
    whole, as :func:`text_width` measures it."""
    def measure(piece: str) -> int:
        return text_width(piece, size_pt, bold=bold, italic=italic)

    out: list[int] = []
    line = ""  # the line so far; the spaces after it wait in ``spaces`` (they do not count at a break)
    spaces = ""
    for word in text.split(" "):
        if not word:
            spaces += " "
            continue
        if line and measure(line + spaces + word) > width:
            out.append(measure(line))
            line = ""
        elif line:
            line += spaces
        while line == "" and len(word) > 1 and measure(word) > width:
            cut = max(1, int(len(word) * width / measure(word)))
            out.append(measure(word[:cut]))
            word = word[cut:]
        line += word
        spaces = " "
    out.append(measure(line))
    return tuple(out)
