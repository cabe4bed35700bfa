"""The fixer's edits to an opened DOCX, made on the elements :mod:`docx_reader` parsed.

Every child is inserted where the WordprocessingML schema orders it (Word refuses
files whose rPr, pPr or sectPr children are out of order). Text edits change only
the characters that differ, inside the runs that hold them, so every run keeps its
formatting.
"""
from __future__ import annotations

import difflib

from ptdraft import rules
from ptdraft.ooxml.docx_reader import Package
from ptdraft.ooxml.document import FONT_SLOTS
from ptdraft.ooxml.wordml import PAGE_FIELD, PPR, RPR, VAL, W_NS, run_segments, w

RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
             "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
             "cs em lang eastAsianLayout specVanish oMath").split()
PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
             "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
             "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
             "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
SECT_ORDER = ("headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
              "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
              "sectPrChange").split()
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def child(parent, name: str, order: list[str]):
    """The w:<name> child of ``parent``, created in its schema place if missing."""
    tag = w(name)
    found = parent.find(tag)
    if found is not None:
        return found
    element = parent.makeelement(tag, {})
    rank = order.index(name)
    for position, existing in enumerate(parent):
        local = existing.tag.split("}")[-1] if existing.tag.startswith(f"{{{W_NS}}}") else None
        if local is None or (local in order and order.index(local) > rank):
            parent.insert(position, element)
            return element
    parent.append(element)
    return element


def _first_child(parent, tag: str):
    found = parent.find(tag)
    if found is None:
        found = parent.makeelement(tag, {})
        parent.insert(0, found)
    return found


def _set_on(rpr, name: str, value: bool) -> None:
    for tag in (name, f"{name}Cs"):
        element = child(rpr, tag, RPR_ORDER)
        if value:
            element.attrib.pop(VAL, None)
        else:
            element.set(VAL, "0")


def set_runs(package: Package, index: int, runs: tuple[int, ...], *, size: float | None = None,
             bold: bool | None = None, italic: bool | None = None) -> None:
    """Size, weight and slant of some runs of a paragraph (both the Latin and the complex-script values)."""
    elements = package.runs[index]
    for number in runs:
        rpr = _first_child(elements[number], RPR)
        if size is not None:
            for tag in ("sz", "szCs"):
                child(rpr, tag, RPR_ORDER).set(VAL, str(round(size * 2)))
        if bold is not None:
            _set_on(rpr, "b", bold)
        if italic is not None:
            _set_on(rpr, "i", italic)
    package.dirty.add(package.main)


def _set_fonts(rfonts, font: str) -> None:
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(w(attr), None)
    for slot in FONT_SLOTS:
        rfonts.set(w(slot), font)


def set_fonts(package: Package, font: str = rules.FONT) -> None:
    """``font`` in all four slots of every font setting of every part, docDefaults included, no theme fonts."""
    for name in package.names():
        if not (name.startswith("word/") and name.endswith(".xml")) or "/_rels/" in name:
            continue
        root = package.tree(name)
        if not root.tag.startswith(f"{{{W_NS}}}"):
            continue
        found = False
        for rfonts in root.iter(w("rFonts")):
            _set_fonts(rfonts, font)
            found = True
        if found:
            package.dirty.add(name)
    if package.styles_name in package.names():
        styles = package.tree(package.styles_name)
        defaults = _first_child(styles, w("docDefaults"))
        rpr = _first_child(_first_child(defaults, w("rPrDefault")), RPR)
        _set_fonts(child(rpr, "rFonts", RPR_ORDER), font)
        package.dirty.add(package.styles_name)
    else:
        for runs in package.runs:
            for run in runs:
                _set_fonts(child(_first_child(run, RPR), "rFonts", RPR_ORDER), font)
        package.dirty.add(package.main)


def set_page(package: Package, section: int, name: str, value: int) -> None:
    """A4 (``name`` "size", ``value`` 1 for landscape) or one margin, in twips, of a section."""
    sect = package.section_elements[section]
    if name == "size":
        size = child(sect, "pgSz", SECT_ORDER)
        width, height = rules.PAGE.width, rules.PAGE.height
        if value:
            width, height = height, width
            size.set(w("orient"), "landscape")
        size.set(w("w"), str(width))
        size.set(w("h"), str(height))
    else:
        margin = sect.find(w("pgMar"))
        if margin is None:
            margin = child(sect, "pgMar", SECT_ORDER)
            page = rules.PAGE
            for attr, default in (("top", page.top), ("right", page.right), ("bottom", page.bottom),
                                  ("left", page.left), ("header", page.header), ("footer", page.footer), ("gutter", 0)):
                margin.set(w(attr), str(default))
        if name == "left":
            value = max(0, value - int(margin.get(w("gutter"), "0") or 0))
        margin.set(w(name), str(value))
    package.dirty.add(package.main)


def set_paragraph(package: Package, index: int, *, align: str = "", first_indent: int | None = None) -> None:
    """Alignment ("both", "center"…) and first-line indent (twips) of a paragraph."""
    p = package.paragraphs[index]
    ppr = _first_child(p, PPR)
    if align:
        child(ppr, "jc", PPR_ORDER).set(VAL, align)
    if first_indent is not None:
        ind = child(ppr, "ind", PPR_ORDER)
        for attr in ("hanging", "hangingChars", "firstLineChars"):
            ind.attrib.pop(w(attr), None)
        ind.set(w("firstLine"), str(first_indent))
    package.dirty.add(package.main)


def hide_first_page_number(package: Package, section: int) -> None:
    """"Different first page" on, and no first-page header that prints a PAGE field."""
    sect = package.section_elements[section]
    child(sect, "titlePg", SECT_ORDER).attrib.pop(VAL, None)
    for ref in sect.findall(w("headerReference")):
        if ref.get(w("type")) == "first":
            name = package.targets.get(ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", ""))
            if name and _has_page(package.tree(name)):
                sect.remove(ref)
    package.dirty.add(package.main)


def _has_page(root) -> bool:
    if any(PAGE_FIELD.match(f.get(w("instr"), "")) for f in root.iter(w("fldSimple"))):
        return True
    return any(PAGE_FIELD.match(t.text or "") for t in root.iter(w("instrText")))


def set_text(package: Package, index: int, text: str) -> bool:
    """Make the paragraph read ``text``, changing only the differing characters in place; False if it cannot."""
    segments = [segment for run in package.runs[index] for segment in run_segments(run)]
    old = "".join(piece for _node, piece in segments)
    if old == text:
        return True
    pieces = [piece for _node, piece in segments]
    starts, position = [], 0
    for piece in pieces:
        starts.append(position)
        position += len(piece)
    editable = [number for number, (node, _piece) in enumerate(segments) if node is not None]
    if not editable:
        return False

    def holder(offset: int) -> int:
        """The editable segment to insert at ``offset``: the one ending there, else the one holding it."""
        before = [n for n in editable if starts[n] < offset <= starts[n] + len(segments[n][1])]
        if before:
            return before[-1]
        after = [n for n in editable if starts[n] >= offset]
        return after[0] if after else editable[-1]

    matcher = difflib.SequenceMatcher(None, old, text, autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        for number in range(len(pieces)):
            lo, hi = starts[number], starts[number] + len(segments[number][1])
            if hi <= i1 or lo >= i2 or lo == hi:
                continue
            if segments[number][0] is None:
                return False  # a tab or a line break would have to go
            cut_lo, cut_hi = max(i1, lo) - lo, min(i2, hi) - lo
            pieces[number] = pieces[number][:cut_lo] + pieces[number][cut_hi:]
        if j2 > j1:
            number = holder(i1)
            offset = min(max(0, i1 - starts[number]), len(pieces[number]))
            pieces[number] = pieces[number][:offset] + text[j1:j2] + pieces[number][offset:]
    for (node, _old), new in zip(segments, pieces):
        if node is not None:
            node.text = new
            node.set(_XML_SPACE, "preserve")
    package.dirty.add(package.main)
    return True
