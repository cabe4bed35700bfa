"""Layout → DOCX.

The package skeleton (parts, relations, the section with "different first page", the page-number header) is
made once per page setup from resources/docx/skeleton.json, the parts of python-docx's default document kept
as data by scripts/build_docx_skeleton.py; each document then only writes its own document.xml, first-page
footer and core properties into a copy of that skeleton, and the parts that never change are deflated once.
No python-docx import is needed to write a letter (it costs about 50 ms of each command).
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import re
import struct
import zlib
from pathlib import Path
from typing import cast

from ptdraft import rules
from ptdraft.errors import OutputError
from ptdraft.resources import resource
from ptdraft.layout import Cell, Layout, Para, Rule, SectionBreak, Table
from ptdraft.rules import Page, Style
from ptdraft.files.disk import write_atomic

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_BODY_MARK = "@@PTDRAFT-BODY@@"
_FOOTER_MARK = "@@PTDRAFT-FOOTER@@"
_FIRST_HEADER_MARK = "@@PTDRAFT-FIRST-HEADER@@"


def escape(text: str) -> str:
    """Text for XML character data (xml.sax.saxutils would import urllib and the e-mail package for this)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return escape(text).replace('"', "&quot;")


@functools.lru_cache(maxsize=1024)
def _fonts(font: str) -> str:
    f = _attr(font)
    return f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}" w:eastAsia="{f}"/>'


@functools.lru_cache(maxsize=1024)
def _run_props(font: str, size: float, bold: bool, italic: bool, color: str | None) -> str:
    half = round(size * 2)
    out = [_fonts(font)]
    if bold:
        out.append("<w:b/><w:bCs/>")
    if italic:
        out.append("<w:i/><w:iCs/>")
    if color:
        out.append(f'<w:color w:val="{color}"/>')
    out.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return "<w:rPr>" + "".join(out) + "</w:rPr>"


@functools.lru_cache(maxsize=1024)
def _border(side: str, space: int = 1) -> str:
    return f'<w:{side} w:val="single" w:sz="{rules.RULE_WEIGHT_EIGHTHS}" w:space="{space}" w:color="000000"/>'


@functools.lru_cache(maxsize=1024)
def _para_props(style: Style, font: str, *, borders: str = "", extra_before: int = 0, keep_next: bool = False) -> str:
    out = []
    if style.keep_next or keep_next:
        out.append("<w:keepNext/>")
    if style.keep_lines:
        out.append("<w:keepLines/>")
    # Widow and orphan control: no single line of a paragraph alone at the top or the bottom of a page.
    out.append("<w:widowControl/>")
    if borders:
        out.append(f"<w:pBdr>{borders}</w:pBdr>")
    if style.exact_height:
        line = f'w:line="{style.exact_height}" w:lineRule="exact"'
    else:
        line = f'w:line="{round(240 * style.line)}" w:lineRule="auto"'
    out.append(f'<w:spacing w:before="{style.space_before + extra_before}" w:after="{style.space_after}" {line}/>')
    ind = []
    if style.left_indent:
        ind.append(f'w:left="{style.left_indent}"')
    if style.right_indent:
        ind.append(f'w:right="{style.right_indent}"')
    if style.first_indent > 0:
        ind.append(f'w:firstLine="{style.first_indent}"')
    elif style.first_indent < 0:
        ind.append(f'w:hanging="{-style.first_indent}"')
    out.append(f"<w:ind {' '.join(ind)}/>" if ind else '<w:ind w:left="0" w:right="0" w:firstLine="0"/>')
    out.append(f'<w:jc w:val="{style.align.value}"/>')
    out.append(_run_props(font, style.size, style.bold, style.italic, style.color))
    return "<w:pPr>" + "".join(out) + "</w:pPr>"


@functools.lru_cache(maxsize=8192)
def _para(block: Para, font: str, extra_before: int = 0, keep_next: bool = False) -> str:
    """A paragraph's XML, remembered: the letters of a mail merge share all but a few paragraphs."""
    style = block.style
    borders = ""
    if block.frame:
        borders = "".join(_border(side, rules.FRAME_SPACE_PT) for side in ("top", "left", "bottom", "right"))
    elif block.top_rule:
        borders = _border("top", rules.TOP_RULE_SPACE_PT)
    runs = []
    for run in block.runs:
        if not run.text:
            continue
        bold = style.bold if run.bold is None else run.bold
        italic = style.italic if run.italic is None else run.italic
        props = _run_props(font, style.size, bold, italic, style.color)
        runs.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(run.text)}</w:t></w:r>')
    props = _para_props(style, font, borders=borders, extra_before=extra_before, keep_next=keep_next)
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def _rule(block: Rule, font: str, extra_before: int = 0) -> str:
    style = block.style
    indent = block.indent
    from dataclasses import replace

    style = replace(style, left_indent=indent, right_indent=indent)
    return f"<w:p>{_para_props(style, font, borders=_border('bottom', rules.RULE_SPACE_PT), extra_before=extra_before)}</w:p>"


def _cell(cell: Cell, font: str, extra_before: int) -> str:
    parts = []
    for index, block in enumerate(cell.blocks):
        before = extra_before if index == 0 else 0
        if isinstance(block, Rule):
            parts.append(_rule(block, font, before))
        else:
            parts.append(_para(block, font, before))
    if not parts:
        parts.append("<w:p/>")
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{cell.width}" w:type="dxa"/></w:tcPr>'
        + "".join(parts)
        + "</w:tc>"
    )


def _grid(table: Table, font: str) -> str:
    """A table of the body: ruled all round and inside, the text a margin in from the lines, no row split across
    pages, the header rows repeated at the top of each page."""
    widths = table.widths
    line = f'w:val="single" w:sz="{rules.TABLE_BORDER_EIGHTHS}" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {line}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    margin = rules.TABLE_CELL_MARGIN
    props = (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr>"
    )
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    rows = []
    for index, row in enumerate(table.rows):
        head = "<w:tblHeader/>" if index < table.header_rows else ""
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>" + "".join(_cell(c, font, 0) for c in row.cells) + "</w:tr>")
    return "<w:tbl>" + props + grid + "".join(rows) + "</w:tbl>"


def _table(table: Table, font: str) -> str:
    if table.grid:
        return _grid(table, font)
    widths = table.widths
    total = sum(widths)
    none = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    props = (
        f'<w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f"<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr>"
    )
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    rows = []
    for index, row in enumerate(table.rows):
        row_props = "<w:trPr><w:cantSplit/></w:trPr>" if table.keep_together else ""
        before = table.space_before if index == 0 else 0
        rows.append("<w:tr>" + row_props + "".join(_cell(c, font, before) for c in row.cells) + "</w:tr>")
    return "<w:tbl>" + props + grid + "".join(rows) + "</w:tbl>"


def _body_xml(layout: Layout) -> str:
    out = []
    blocks = layout.blocks
    breaks = 0
    for index, block in enumerate(blocks):
        if isinstance(block, SectionBreak):
            # The paragraph ending a section holds that section's properties; it is as low as it can be.
            main, annex = _section_props(layout)
            tail = Style(1, exact_height=rules.END_PARAGRAPH_HEIGHT)
            props = _para_props(tail, layout.font)[: -len("</w:pPr>")]
            out.append(f"<w:p>{props}{main if breaks == 0 else annex}</w:pPr></w:p>")
            breaks += 1
        elif isinstance(block, Table):
            out.append(_table(block, layout.font))
        elif isinstance(block, Rule):
            out.append(_rule(block, layout.font))
        else:
            # The paragraph just before the closing row keeps with it, so the signature never stands alone.
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            keep = isinstance(following, Table) and following.keep_together
            out.append(_para(block, layout.font, keep_next=keep))
    if out and blocks and isinstance(blocks[-1], Table):
        # A document must end with a paragraph; keep it tiny so it never makes a page of its own.
        tail = Style(1, exact_height=rules.END_PARAGRAPH_HEIGHT)
        out.append(f"<w:p>{_para_props(tail, layout.font)}</w:p>")
    return "".join(out)


def _empty_part_xml(font: str) -> str:
    return f"<w:p>{_para_props(Style(1, exact_height=rules.END_PARAGRAPH_HEIGHT), font)}</w:p>"


def _footer_xml(layout: Layout) -> str:
    if not layout.first_footer:
        return _empty_part_xml(layout.font)
    return "".join(_para(p, layout.font) for p in layout.first_footer)


def _first_header_xml(layout: Layout) -> str:
    """The first page's header: a draft's "DỰ THẢO" box, in the top margin (its height is well under the room
    between the header's place and the text, so the page's text does not move), else an empty line."""
    if not layout.first_header:
        return _empty_part_xml(layout.font)
    return "".join(_para(p, layout.font) for p in layout.first_header)


def _styles_xml(font: str, body: Style) -> str:
    half = round(body.size * 2)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
        f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{_fonts(font)}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:widowControl/></w:pPr><w:rPr>{_fonts(font)}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>'
        "</w:styles>"
    )


def _page_number_xml(style: Style, font: str) -> str:
    props = _run_props(font, style.size, style.bold, style.italic, None)
    runs = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{props}<w:t>2</w:t></w:r>"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return f"<w:p>{_para_props(style, font)}{runs}</w:p>"


def _part_xml(root: str, inner: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
        f'<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{inner}</w:{root}>'
    ).encode("utf-8")


@functools.cache
def _stored_parts() -> dict:
    """resources/docx/skeleton.json: the parts every letter starts from (scripts/build_docx_skeleton.py)."""
    with open(resource("docx", "skeleton.json"), encoding="utf-8") as handle:
        return json.load(handle)


def _page_values(page: Page) -> dict[str, int]:
    return {
        "PAGE_WIDTH": page.width, "PAGE_HEIGHT": page.height, "MARGIN_TOP": page.top, "MARGIN_BOTTOM": page.bottom,
        "MARGIN_LEFT": page.left, "MARGIN_RIGHT": page.right, "HEADER": page.header, "FOOTER": page.footer,
    }


def skeleton_parts(parts, names: dict[str, str], page_number: Style, font: str) -> tuple[tuple[str, bytes], ...]:
    """The package parts shared by every letter of one page setup, in zip order, from the stored parts (or, in the
    test that keeps the stored file true, from python-docx's): the body's place and the first page's footer
    marked, ptdraft's styles, page-number header and empty footer written in, the first page's header marked (a
    draft's "DỰ THẢO"), core.xml left out (each letter writes its own)."""
    empty = _empty_part_xml(font)
    out: list[tuple[str, bytes]] = []
    for name, data in parts:
        if name == "word/document.xml":
            text = data.decode("utf-8")
            begin = text.index("<w:body>") + len("<w:body>")
            end = text.index("<w:sectPr")
            data = (text[:begin] + _BODY_MARK + text[end:]).encode("utf-8")
        elif name == "word/styles.xml":
            data = _styles_xml(font, rules.STYLES[rules.Element.BODY]).encode("utf-8")
        elif name == names["header"]:
            data = _part_xml("hdr", _page_number_xml(page_number, font))
        elif name == names["first_header"]:
            data = _part_xml("hdr", _FIRST_HEADER_MARK)
        elif name == names["footer"]:
            data = _part_xml("ftr", empty)
        elif name == names["first_footer"]:
            data = _part_xml("ftr", _FOOTER_MARK)
        elif name == "docProps/core.xml":
            continue  # written for each document
        elif name == "docProps/app.xml":
            data = (
                "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                "<Application>ptdraft</Application></Properties>"
            ).encode("utf-8")
        out.append((name, data))
    return tuple(out)


@functools.lru_cache(maxsize=8)
def _skeleton(page: Page, page_number: Style, font: str) -> tuple[tuple[str, bytes], ...]:
    stored = _stored_parts()
    values = _page_values(page)
    parts = []
    for name, text in stored["parts"]:
        if text is not None and name == "word/document.xml":
            for key, number in values.items():
                text = text.replace(f'"@@{key}@@"', f'"{number}"')
        parts.append((name, (text or "").encode("utf-8")))
    return skeleton_parts(parts, stored["names"], page_number, font)


def _core_xml(layout: Layout, now: _dt.datetime) -> bytes:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(layout.title)}</dc:title><dc:creator>{escape(layout.author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(layout.author)}</cp:lastModifiedBy><dc:language>vi-VN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def _final_section(layout: Layout) -> tuple[int, int, str] | None:
    """Where the document's last section properties are and what replaces them when the layout ends with an annex
    (its section counts its own pages, and its first page has no footer); None when nothing changes."""
    if not any(isinstance(block, SectionBreak) for block in layout.blocks):
        return None
    document = dict(_skeleton(layout.page, layout.page_number, layout.font))["word/document.xml"]
    start = document.index(b"<w:sectPr")
    stop = document.index(b"</w:sectPr>") + len(b"</w:sectPr>")
    return start, stop, _section_props(layout)[1]


@functools.lru_cache(maxsize=8)
def _section_props_of(page: Page, page_number: Style, font: str) -> tuple[str, str]:
    document = dict(_skeleton(page, page_number, font))["word/document.xml"].decode("utf-8")
    sect_pr = document[document.index("<w:sectPr"):document.index("</w:sectPr>") + len("</w:sectPr>")]
    main = _restarting(sect_pr)
    refs = dict(re.findall(r'<w:footerReference w:type="(\w+)" r:id="(\w+)"/>', sect_pr))
    annex = main
    if "first" in refs and "default" in refs:
        annex = main.replace(f'w:type="first" r:id="{refs["first"]}"', f'w:type="first" r:id="{refs["default"]}"')
    return main, annex


def _section_props(layout: Layout) -> tuple[str, str]:
    """The properties of the document's own section and of an annex's section, both counting pages from 1."""
    return _section_props_of(layout.page, layout.page_number, layout.font)


def document_xml(layout: Layout) -> bytes:
    """word/document.xml of the layout (also used by the golden tests)."""
    for name, data in _skeleton(layout.page, layout.page_number, layout.font):
        if name == "word/document.xml":
            final = _final_section(layout)
            if final is not None:
                start, stop, replacement = final
                data = data[:start] + replacement.encode("utf-8") + data[stop:]
            return data.replace(_BODY_MARK.encode(), _body_xml(layout).encode("utf-8"))
    raise AssertionError("skeleton has no document part")


def _deflate(data: bytes, level: int = 6) -> bytes:
    """Raw deflate, as a ZIP entry holds it."""
    return zlib.compress(data, level, wbits=-15)


# One ZIP entry ready to be written: its name, CRC-32, size, the data as stored and the method (8 deflated, 0 stored).
_Entry = tuple[bytes, int, int, bytes, int]
_STORE_BELOW = 2048  # a letter's own small parts (its core properties, its first-page footer) are stored: faster
_DOS_DATE = ((_FIXED_TIME[0] - 1980) << 9) | (_FIXED_TIME[1] << 5) | _FIXED_TIME[2]
_DOS_TIME = (_FIXED_TIME[3] << 11) | (_FIXED_TIME[4] << 5) | (_FIXED_TIME[5] // 2)


def _entry(name: str, data: bytes, level: int = 6) -> _Entry:
    if level == _OWN_LEVEL and len(data) < _STORE_BELOW:
        return (name.encode("ascii"), zlib.crc32(data), len(data), data, 0)
    return (name.encode("ascii"), zlib.crc32(data), len(data), _deflate(data, level), 8)


# Each letter's own parts are compressed fast (level 1: a letter's document.xml grows by about a tenth); the parts
# every letter shares were compressed once, harder.
_OWN_LEVEL = 1


def _zip(entries: list[_Entry]) -> bytes:
    """A ZIP archive of deflated entries (what zipfile writes for them, without compressing anything again)."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, crc, size, data, method in entries:
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, _DOS_TIME, _DOS_DATE, crc, len(data), size,
                            len(name), 0)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, _DOS_TIME, _DOS_DATE, crc,
                                   len(data), size, len(name), 0, 0, 0, 0, 0, offset) + name)
        out += (local, name, data)
        offset += len(local) + len(name) + len(data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end


@functools.lru_cache(maxsize=8)
def _prepared(page: Page, page_number: Style, font: str) -> tuple[tuple[str, object], ...]:
    """The skeleton with every part that never changes already deflated: ("fixed", entry) items, and ("document",
    text) / ("footer", text) / ("first_header", text) / ("core", None) where each letter's own part goes, in zip
    order."""
    out: list[tuple[str, object]] = []
    for name, data in _skeleton(page, page_number, font):
        if name == "word/document.xml":
            out.append(("document", data))
        elif _FOOTER_MARK.encode() in data:
            out.append(("footer", (name, data)))
        elif _FIRST_HEADER_MARK.encode() in data:
            out.append(("first_header", (name, data)))
        else:
            out.append(("fixed", _entry(name, data)))
        if name == "_rels/.rels":
            out.append(("core", None))
    return tuple(out)


def _package(layout: Layout, body: bytes, now: _dt.datetime, sect_pr: tuple[int, int, str] | None = None) -> bytes:
    footer = _footer_xml(layout).encode("utf-8")
    entries: list[_Entry] = []
    for kind, item in _prepared(layout.page, layout.page_number, layout.font):
        if kind == "fixed":
            entries.append(item)  # type: ignore[arg-type]
        elif kind == "document":
            data: bytes = item  # type: ignore[assignment]
            if sect_pr is not None:
                start, stop, replacement = sect_pr
                data = data[:start] + replacement.encode("utf-8") + data[stop:]
            entries.append(_entry("word/document.xml", data.replace(_BODY_MARK.encode(), body), _OWN_LEVEL))
        elif kind == "footer":
            part_name, data = cast("tuple[str, bytes]", item)
            entries.append(_entry(part_name, data.replace(_FOOTER_MARK.encode(), footer), _OWN_LEVEL))
        elif kind == "first_header":
            part_name, data = cast("tuple[str, bytes]", item)
            header = _first_header_xml(layout).encode("utf-8")
            entries.append(_entry(part_name, data.replace(_FIRST_HEADER_MARK.encode(), header), _OWN_LEVEL))
        else:
            entries.append(_entry("docProps/core.xml", _core_xml(layout, now), _OWN_LEVEL))
    return _zip(entries)


def to_bytes(layout: Layout, now: _dt.datetime | None = None) -> bytes:
    """The DOCX file of a layout, as bytes."""
    return _package(layout, _body_xml(layout).encode("utf-8"), now or _dt.datetime.now(_dt.timezone.utc),
                    _final_section(layout))


def _restarting(sect_pr: str) -> str:
    """A section's properties with its page numbers starting again at 1 (each letter of a merge counts its own)."""
    return sect_pr.replace("<w:cols", '<w:pgNumType w:start="1"/><w:cols', 1)


def to_bytes_many(layouts: list[Layout], now: _dt.datetime | None = None) -> bytes:
    """One DOCX holding several letters of one page setup, each in its own section: it starts on a new page, its
    first page has no number and the next pages count from 2 again. The first letter gives the title and footer."""
    if not layouts:
        raise ValueError("no letter")
    first = layouts[0]
    document = dict(_skeleton(first.page, first.page_number, first.font))["word/document.xml"]
    start = document.index(b"<w:sectPr")
    stop = document.index(b"</w:sectPr>") + len(b"</w:sectPr>")
    sect_pr = _restarting(document[start:stop].decode("utf-8"))
    bodies = []
    for index, item in enumerate(layouts):
        if (item.page, item.page_number, item.font) != (first.page, first.page_number, first.font):
            raise ValueError("letters of one file share one page setup")
        bodies.append(_body_xml(item))
        if index + 1 < len(layouts):
            bodies.append(f"<w:p><w:pPr>{sect_pr}</w:pPr></w:p>")
    now = now or _dt.datetime.now(_dt.timezone.utc)
    return _package(first, "".join(bodies).encode("utf-8"), now, (start, stop, sect_pr))


def write(layout: Layout, path) -> Path:
    """Write the DOCX beside ``path`` and rename it into place; returns the path written."""
    try:
        data = to_bytes(layout)
    except (ValueError, UnicodeEncodeError) as exc:  # pragma: no cover - text is cleaned on the way in
        raise OutputError(f"không tạo được tệp DOCX: {exc}", str(path)) from None
    return write_atomic(path, data)
