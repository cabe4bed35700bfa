"""WordprocessingML names and the reading of properties: shared by the DOCX reader and the fixer's edits.

Works on the elements :mod:`ptdraft.ooxml.docx_reader` parsed (through their own
methods); only that module imports lxml.
"""
from __future__ import annotations

import re
from typing import Any

from ptdraft.ooxml.document import FONT_SLOTS, THEME

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MAX_PART = 64 * 1024 * 1024  # bytes of one XML part; more is not a letter
DEFAULT_SIZE = 10.0  # Word's size when nothing sets one


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute."""
    return f"{{{W_NS}}}{tag}"


P, R, T, TBL, TR, TC, SDT, SDT_CONTENT = (w(t) for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent"))
PPR, RPR, VAL = w("pPr"), w("rPr"), w("val")
INLINE = {w(t) for t in ("hyperlink", "smartTag", "sdt", "sdtContent", "ins", "fldSimple", "customXml", "moveTo",
                          "bdo", "dir")}
BLOCK_WRAPPERS = {SDT, w("customXml")}
FALLBACK = f"{{{MC_NS}}}Fallback"
PAGE_FIELD = re.compile(r"^\s*PAGE\b", re.IGNORECASE)
# Fields whose result is a date or a time Word sets itself (on opening, printing, saving, creating the file).
DATE_FIELD = re.compile(r"^\s*(DATE|TIME|CREATEDATE|SAVEDATE|PRINTDATE)\b", re.IGNORECASE)


def date_fields(codes: tuple[str, ...]) -> list[str]:
    """The names of the date fields among field codes, each once, in capitals: (' DATE \\@ "dd" ',) → ["DATE"]."""
    return list(dict.fromkeys(m.group(1).upper() for code in codes if (m := DATE_FIELD.match(code))))


_ALIGN = {"both": "both", "distribute": "both", "center": "center", "right": "right", "end": "right"}


def on(element, attr: str = VAL) -> bool:
    """An OOXML on/off value: present without a value means on."""
    value = element.get(attr)
    return value is None or value.lower() not in ("0", "false", "off", "none")


def int_attr(element, attr: str) -> int | None:
    """An integer attribute w:<attr>, or None when absent or not a number."""
    if element is None or element.get(w(attr)) is None:
        return None
    try:
        return int(float(element.get(w(attr))))
    except ValueError:
        return None


def rpr_props(rpr) -> dict:
    """The run properties one rPr element sets."""
    out: dict = {}
    if rpr is None:
        return out
    fonts = rpr.find(w("rFonts"))
    if fonts is not None:
        for slot in FONT_SLOTS:
            theme = fonts.get(w("cstheme" if slot == "cs" else f"{slot}Theme"))
            name = fonts.get(w(slot))
            if theme:
                out[slot] = THEME + theme
            elif name:
                out[slot] = name
    size = rpr.find(w("sz"))
    if size is not None and size.get(VAL, "").replace(".", "", 1).isdigit():
        out["size"] = float(size.get(VAL)) / 2
    for key, tag in (("bold", "b"), ("italic", "i"), ("caps", "caps"), ("vanish", "vanish")):
        found = rpr.find(w(tag))
        if found is not None:
            out[key] = on(found)
    return out


# w:tab/@w:val: how text aligns on a tab stop; "clear" takes away a stop a style sets, "bar" draws a line, no stop.
_TAB_KINDS = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
              "decimal": "decimal", "num": "left", "bar": "bar", "clear": "clear"}


def merge_ppr(into: dict, props: dict) -> None:
    """Paragraph properties laid over others (a style's over its base's, direct ones over the style's): each
    value replaces the one under it, but tab stops add up, a "clear" stop taking away the one at its place."""
    below = dict(into.get("tabs", ()))
    into.update(props)
    if "tabs" in props:
        for pos, kind in props["tabs"]:
            below[pos] = kind
        into["tabs"] = tuple(sorted(below.items()))


def ppr_props(ppr) -> dict:
    """The paragraph properties one pPr element sets: align, first (negative: hanging), left, right, num, spacing
    (before, after, line, line_rule), border_top/border_bottom, page_break (before), keep_next, keep_lines, widows
    (widow control), tabs ((position, kind) of its tab stops, twips from the margin; merge with merge_ppr)."""
    out: dict = {}
    if ppr is None:
        return out
    jc = ppr.find(w("jc"))
    if jc is not None:
        out["align"] = _ALIGN.get(jc.get(VAL, ""), "left")
    ind = ppr.find(w("ind"))
    if ind is not None:
        first, hanging = int_attr(ind, "firstLine"), int_attr(ind, "hanging")
        if hanging is not None:
            out["first"] = -hanging
        elif first is not None:
            out["first"] = first
        left = int_attr(ind, "left") if int_attr(ind, "left") is not None else int_attr(ind, "start")
        if left is not None:
            out["left"] = left
        right = int_attr(ind, "right") if int_attr(ind, "right") is not None else int_attr(ind, "end")
        if right is not None:
            out["right"] = right
    spacing = ppr.find(w("spacing"))
    if spacing is not None:
        for key in ("before", "after", "line"):
            value = int_attr(spacing, key)
            if value is not None:
                out[key] = value
        if spacing.get(w("lineRule")):
            out["line_rule"] = spacing.get(w("lineRule"))
    borders = ppr.find(w("pBdr"))
    if borders is not None:
        for side in ("top", "bottom"):
            border = borders.find(w(side))
            if border is not None and border.get(VAL, "nil") not in ("nil", "none"):
                # The room it takes (twips): its distance from the text (w:space, points) and its width (w:sz, 1/8 pt).
                out[f"border_{side}"] = max(1, (int_attr(border, "space") or 0) * 20 + round((int_attr(border, "sz") or 0) * 2.5))
            elif border is not None:
                out[f"border_{side}"] = 0
    for key, tag in (("page_break", "pageBreakBefore"), ("keep_next", "keepNext"), ("keep_lines", "keepLines"),
                     ("widows", "widowControl")):
        found = ppr.find(w(tag))
        if found is not None:
            out[key] = on(found)
    tabs = ppr.find(w("tabs"))
    if tabs is not None:
        stops = [(int_attr(tab, "pos"), _TAB_KINDS.get(tab.get(VAL, "left"), "left")) for tab in tabs.findall(w("tab"))]
        out["tabs"] = tuple((pos, kind) for pos, kind in stops if pos is not None)
    num = ppr.find(w("numPr"))
    if num is not None:
        out["num"] = (num.find(w("numId")).get(VAL, "0") if num.find(w("numId")) is not None else "0",
                      num.find(w("ilvl")).get(VAL, "0") if num.find(w("ilvl")) is not None else "0")
    return out


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def list_number(value: int, form: str) -> str:
    """A list counter as a w:numFmt prints it: decimal "3", decimalZero "03", lowerLetter "c", upperRoman "III"…;
    other formats as decimal."""
    if form in ("lowerLetter", "upperLetter") and value > 0:
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26] * ((value - 1) // 26 + 1)  # z, then aa, bb
        return letter.upper() if form == "upperLetter" else letter
    if form in ("lowerRoman", "upperRoman") and value > 0:
        out, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                out, rest = out + digits, rest - amount
        return out.upper() if form == "upperRoman" else out
    if form == "decimalZero":
        return f"{value:02d}"
    return str(value)


class ListLabels:
    """The labels of automatic lists, paragraph after paragraph in document order: each list (numId) counts its
    levels as Word does, a level going on from its last number and the levels under it starting again.

    ``levels`` maps (numId, ilvl) to (w:numFmt, w:lvlText, first number).
    """

    def __init__(self, levels: dict[tuple[str, str], tuple[str, str, int]]) -> None:
        self.levels = levels
        self.counts: dict[str, dict[int, int]] = {}

    def label(self, num: tuple[str, str]) -> str:
        level = self.levels.get(num)
        if level is None:
            return ""
        form, pattern, start = level
        if form == "bullet":
            return pattern
        if form == "none":
            return re.sub(r"%\d", "", pattern)
        counts = self.counts.setdefault(num[0], {})
        depth = int(num[1]) if num[1].isdigit() else 0
        counts[depth] = counts[depth] + 1 if depth in counts else start
        for deeper in [d for d in counts if d > depth]:
            del counts[deeper]

        def shown(match: re.Match) -> str:
            at = int(match.group(1)) - 1
            form_at, _pattern, start_at = self.levels.get((num[0], str(at)), ("decimal", "", 1))
            return list_number(counts.get(at, start_at), form_at)

        return re.sub(r"%(\d)", shown, pattern)


class Styles:
    """styles.xml: each style's own properties, merged along basedOn chains on demand."""

    def __init__(self, root) -> None:
        self.by_id: dict[str, Any] = {}  # lxml elements
        self.default: dict[str, str] = {}
        self.doc_r: dict = {}
        self.doc_p: dict = {}
        self._merged: dict[tuple[str, str], tuple[dict, dict]] = {}
        if root is None:
            return
        self.doc_r = rpr_props(root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{RPR}"))
        self.doc_p = ppr_props(root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{PPR}"))
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"), "")
            self.by_id[style_id] = style
            if style.get(w("default")) is not None and on(style, w("default")):
                self.default.setdefault(style.get(w("type"), "paragraph"), style_id)

    def merged(self, style_id: str | None, kind: str) -> tuple[dict, dict]:
        """(run props, paragraph props) of a style with its basedOn chain, base first, then the style."""
        style_id = style_id or self.default.get(kind, "")
        key = (style_id, kind)
        if key not in self._merged:
            chain: list[Any] = []
            seen: set[str] = set()
            current = self.by_id.get(style_id)
            while current is not None and style_id not in seen and len(chain) < 32:
                seen.add(style_id)
                chain.append(current)
                based = current.find(w("basedOn"))
                style_id = based.get(VAL, "") if based is not None else ""
                current = self.by_id.get(style_id)
            run: dict = {}
            para: dict = {}
            for style in reversed(chain):
                run.update(rpr_props(style.find(RPR)))
                merge_ppr(para, ppr_props(style.find(PPR)))
            self._merged[key] = (run, para)
        return self._merged[key]


def paragraph_runs(p) -> list:
    """The w:r elements of a paragraph in order, through hyperlinks, content controls and insertions."""
    out = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == R:
            out.append(child)
        elif child.tag in INLINE:
            stack.append(iter(child))
    return out


BREAKS = {w("tab"): "\t", w("ptab"): "\t", w("noBreakHyphen"): "-", w("cr"): "\n"}


def run_segments(run) -> list[tuple[Any, str]]:
    """The text of a run as (w:t element or None, text) pieces; None marks text no w:t holds (tabs, breaks)."""
    out = []
    for child in run:
        tag = child.tag
        if tag == T:
            out.append((child, child.text or ""))
        elif tag in BREAKS:
            out.append((None, BREAKS[tag]))
        elif tag == w("br") and child.get(w("type"), "textWrapping") == "textWrapping":
            out.append((None, "\n"))
    return out


