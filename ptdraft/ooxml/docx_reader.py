"""Any DOCX → :class:`DocInfo`: the only module of ptdraft that imports lxml (the checker and the importer read through it).

Reads the package as it is (no python-docx document model, so files made by Word,
LibreOffice or anyone else are read the same way) and resolves each run's effective
formatting: direct run properties, then the character style chain, the paragraph
style chain, the table style chain and docDefaults (the most specific value wins;
style toggles are not XOR-ed). Theme fonts are kept as "theme:<name>".

:class:`Package` also keeps the parsed parts, so :mod:`ptdraft.checker.docx_edit`
can change them in place and :meth:`Package.to_bytes` writes the corrected copy.
Every problem with the file is an :class:`InputError` naming it.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ptdraft.ooxml.document import FONT_SLOTS, DocInfo, ParaInfo, PartInfo, RunInfo, SectionInfo
from ptdraft.ooxml.wordml import (
    BLOCK_WRAPPERS, FALLBACK, PAGE_FIELD, DEFAULT_SIZE, MAX_PART, P, PPR, R_NS, RPR, SDT, SDT_CONTENT, STRICT_NS,
    TBL, TC, TR, VAL, ListLabels, Styles, int_attr, merge_ppr, on, paragraph_runs, ppr_props, rpr_props, run_segments, w,
)
from ptdraft.errors import InputError
from ptdraft.vietnamese.letters import LOOK_ALIKE_TABLE, LOOK_ALIKES
from ptdraft.text import grouped

LOOK_ALIKE_CHARS = "".join(chars for chars, _right, _what in LOOK_ALIKES)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 files, and Word's password-protected DOCX
ENCRYPTED = "tệp DOCX có mật khẩu (được mã hóa): hãy mở bằng Word, bỏ mật khẩu rồi lưu lại"
NOT_A_ZIP = "tệp không phải DOCX (không phải tệp nén zip của Word)"  # said alike by check and import
# A zip's opening with no readable zip after it: a copy cut short (a download or a USB copy not finished).
TRUNCATED = "tệp DOCX bị hỏng hoặc chưa tải, chép hết (phần nén zip bị cắt ngang); hãy lấy lại tệp gốc"
EMPTY = "tệp rỗng (0 byte), không có nội dung văn bản nào: hãy lấy lại tệp gốc"  # said alike by check and import


def not_a_zip(head: bytes) -> str:
    """What a file named .docx that no zip reader opens is, from its first bytes."""
    if not head:
        return EMPTY
    return TRUNCATED if head[:4] == b"PK\x03\x04" else NOT_A_ZIP


def is_encrypted(head: bytes) -> bool:
    """Whether a file's first bytes are an OLE container holding Word's "EncryptedPackage" stream (a DOCX saved with
    a password)."""
    return head[:8] == OLE_MAGIC and "EncryptedPackage".encode("utf-16-le") in head[: 1 << 20]


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

# Beyond these a file is not a letter, and reading it would cost minutes and gigabytes: refused, the limit named.
MAX_ENTRIES = 1_000  # parts in the zip
MAX_INFLATED = 200 * 1024 * 1024  # bytes of all parts unpacked
MAX_PARAGRAPHS = 30_000  # a 500-page report has about 10,000
MAX_SECTIONS = 500


def _check_zip(infos, where: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"tệp có {grouped(len(infos))} phần nén; một văn bản có vài chục (tối đa {grouped(MAX_ENTRIES)})",
                         where)
    inflated = sum(info.file_size for info in infos)
    if inflated > MAX_INFLATED:
        raise InputError(f"tệp giải nén ra {grouped(inflated // (1024 * 1024))} MB; tối đa "
                         f"{MAX_INFLATED // (1024 * 1024)} MB", where)


def _check_body(paragraphs: int, sections: int, where: str) -> None:
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(f"văn bản có {grouped(paragraphs)} đoạn; tối đa {grouped(MAX_PARAGRAPHS)}", where)
    if sections > MAX_SECTIONS:
        raise InputError(f"văn bản có {grouped(sections)} phần (section); tối đa {grouped(MAX_SECTIONS)}", where)


class Package:
    """An opened DOCX: its parts, the paragraphs' XML in document order, and the facts read from them."""

    def __init__(self, data: bytes, where: str) -> None:
        self.where = where
        if not data:
            raise InputError(EMPTY, where)
        if is_encrypted(data):
            raise InputError(ENCRYPTED, where)
        if data[:8] == OLE_MAGIC:
            raise InputError("đây là tệp Word 97–2003 (.doc); hãy mở bằng Word và lưu lại thành .docx", where)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self._infos = {info.filename: info for info in self._zip.infolist()}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, NotImplementedError):
            raise InputError(not_a_zip(data), where) from None
        _check_zip(list(self._infos.values()), where)
        self.trees: dict[str, object] = {}
        self.dirty: set[str] = set()
        self.main = next((t for kind, t in self.rels("") if kind.endswith("/officeDocument")), "word/document.xml")
        if self.main not in self._infos:
            raise InputError(f"tệp không có phần nội dung văn bản ({self.main}); không phải tệp DOCX", where)
        root = self.tree(self.main)
        if root.tag != w("document"):
            if root.tag.startswith(f"{{{STRICT_NS}}}"):
                raise InputError("tệp lưu theo chuẩn Strict Open XML; hãy lưu lại bằng Word dạng \"Word Document (.docx)\"", where)
            raise InputError(f"phần {self.main} không phải nội dung văn bản Word", where)
        _check_body(sum(1 for _ in root.iter(P)), sum(1 for _ in root.iter(w("sectPr"))), where)
        self.targets = self._rel_ids(self.main)
        self.paragraphs: list = []  # the w:p elements, by paragraph index
        self.runs: list[list] = []  # the w:r elements of each paragraph, as in ParaInfo.runs
        self.section_elements: list = []
        self._page_left = 0  # the first section's left margin: a text box placed from the page's edge is moved by it
        self.info = self.reload()

    def reload(self) -> DocInfo:
        """Read the facts again from the parts as they are now (after edits)."""
        main_rels = self.rels(self.main)
        self.styles_name = next((t for kind, t in main_rels if kind.endswith("/styles")), "")
        self.styles = Styles(self.tree(self.styles_name) if self.styles_name in self._infos else None)
        numbering = next((t for kind, t in main_rels if kind.endswith("/numbering")), "")
        self._levels = self._read_numbering(self.tree(numbering) if numbering in self._infos else None)
        self.paragraphs, self.runs = [], []
        self.info = self._read()
        return self.info

    # -- parts ------------------------------------------------------------------

    def names(self) -> list[str]:
        return list(self._infos)

    def raw(self, name: str) -> bytes:
        info = self._infos[name]
        if info.file_size > MAX_PART:
            raise InputError(f"phần {name} quá lớn ({info.file_size // 1_000_000} MB)", self.where)
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, EOFError):
            raise InputError(f"phần {name} của tệp bị hỏng, không giải nén được", self.where) from None

    def tree(self, name: str):
        if name not in self.trees:
            try:
                self.trees[name] = etree.fromstring(self.raw(name), _PARSER)
            except etree.XMLSyntaxError as exc:
                line = f", dòng {exc.lineno}" if exc.lineno else ""
                raise InputError(f"phần {name} của tệp DOCX bị hỏng (XML không hợp lệ{line}); hãy mở bằng Word và lưu "
                                 "lại, hoặc lấy lại tệp gốc", self.where) from None
        return self.trees[name]

    def _rels_name(self, part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", f"{base}.rels")

    def _rel_elements(self, part: str) -> list:
        name = self._rels_name(part)
        if name not in self._infos:
            return []
        return [rel for rel in self.tree(name) if rel.get("TargetMode") != "External"]

    def _target(self, part: str, target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))

    def rels(self, part: str) -> list[tuple[str, str]]:
        """(relationship type, target part name) of a part ("" for the package)."""
        return [(rel.get("Type", ""), self._target(part, rel.get("Target", ""))) for rel in self._rel_elements(part)]

    def _rel_ids(self, part: str) -> dict[str, str]:
        return {rel.get("Id", ""): self._target(part, rel.get("Target", "")) for rel in self._rel_elements(part)}

    def to_bytes(self) -> bytes:
        """The package with every changed part serialised again; other parts are copied unchanged."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, info in self._infos.items():
                data = self.raw(name)
                if name in self.dirty:
                    data = etree.tostring(self.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
                out.writestr(info, data, zipfile.ZIP_DEFLATED)
        return buffer.getvalue()

    # -- reading ----------------------------------------------------------------

    def _read_numbering(self, root) -> dict[tuple[str, str], tuple[str, str, int]]:
        """(numId, ilvl) → the level's (w:numFmt, w:lvlText, first number), its w:startOverride applied."""
        out: dict[tuple[str, str], tuple[str, str, int]] = {}
        if root is None:
            return out
        abstract = {a.get(w("abstractNumId")): a for a in root.iter(w("abstractNum"))}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            levels = abstract.get(ref.get(VAL) if ref is not None else None)
            starts = {o.get(w("ilvl"), "0"): int_attr(o.find(w("startOverride")), "val")
                      for o in num.iter(w("lvlOverride")) if o.find(w("startOverride")) is not None}
            for lvl in levels.iter(w("lvl")) if levels is not None else ():
                fmt, text, start = lvl.find(w("numFmt")), lvl.find(w("lvlText")), lvl.find(w("start"))
                key = (num.get(w("numId")), lvl.get(w("ilvl"), "0"))
                first = starts.get(key[1]) or (int_attr(start, "val") if start is not None else None)
                out[key] = (fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                            text.get(VAL, "") if text is not None else "", 1 if first is None else first)
        return out

    def _bullet(self, num: tuple[str, str] | None) -> str:
        """The bullet character of a list level, "#" for a numbered one, "" outside lists."""
        level = self._levels.get(num) if num and num[0] != "0" else None
        if level is None:
            return ""
        return level[1] if level[0] == "bullet" else "#"

    def _blocks(self, container, table: tuple | None, counter: list[int]):
        """(w:p, (table, row, col, table style, cell box) or None, in text box) in document
        order, text boxes after their anchor; the cell box is (x, width) in twips, or None when unknown; "in text
        box" is False, True or the box's (x, width) when the file says."""
        for child in container:
            tag = child.tag
            if tag == P:
                yield child, table, False
                for box in _own(child, TXBX):
                    if box.tag == TXBX:
                        frame = _box_frame(box, self._page_left)
                        for inner, where, _ in self._blocks(box, table, counter):
                            yield inner, where, frame or True
            elif tag == TBL:
                style = child.find(f"{w('tblPr')}/{w('tblStyle')}")
                style_id = style.get(VAL, "") if style is not None else ""
                number = table[0] if table else counter[0]
                if not table:
                    counter[0] += 1
                grid, indent, margins = _table_grid(child)
                for row_index, row in enumerate(self._unwrap(child, TR)):
                    row_props = row.find(w("trPr"))
                    before = int_attr(row_props.find(w("gridBefore")), "val") if row_props is not None else None
                    column = before or 0
                    left: int | None = indent  # where the next cell starts when only tcW is known
                    for col_index, cell in enumerate(self._unwrap(row, TC)):
                        span_element = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
                        span = max(1, int_attr(span_element, "val") or 1)
                        box = None
                        if grid and column + span <= len(grid):
                            x = indent + sum(grid[:column]) + margins[0]
                            box = (x, max(0, sum(grid[column:column + span]) - margins[0] - margins[1]))
                        elif left is not None:
                            width = cell.find(f"{w('tcPr')}/{w('tcW')}")
                            twips = int_attr(width, "w") if width is not None and width.get(w("type"), "dxa") == "dxa" else None
                            box = (left + margins[0], max(0, twips - margins[0] - margins[1])) if twips else None
                            left = left + twips if twips else None  # a cell of unknown width: the rest unknown too
                        column += span
                        where = table if table else (number, row_index, col_index, style_id, box)
                        yield from self._blocks(cell, where, counter)
            elif tag in BLOCK_WRAPPERS:
                content = child.find(SDT_CONTENT) if tag == SDT else child
                if content is not None:
                    yield from self._blocks(content, table, counter)

    def _unwrap(self, parent, tag: str):
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in BLOCK_WRAPPERS:
                content = child.find(SDT_CONTENT) if child.tag == SDT else child
                if content is not None:
                    yield from self._unwrap(content, tag)

    def _para(self, p, table_style: str | None) -> tuple[list, list[RunInfo], dict]:
        """The visible runs of a paragraph with their effective formatting, and the paragraph's properties."""
        ppr = p.find(PPR)
        style = ppr.find(w("pStyle")) if ppr is not None else None
        para_run, para_props = self.styles.merged(style.get(VAL) if style is not None else None, "paragraph")
        base_run, base_para = dict(self.styles.doc_r), dict(self.styles.doc_p)
        if table_style is not None:
            table_run, table_para = self.styles.merged(table_style, "table")
            base_run.update(table_run)
            merge_ppr(base_para, table_para)
        base_run.update(para_run)
        merge_ppr(base_para, para_props)
        merge_ppr(base_para, ppr_props(ppr))
        elements, infos = [], []
        look_alikes = 0  # "Ð" for "Đ", "∕" for "/" (vietnamese.letters.LOOK_ALIKES): read as meant, counted
        for run in paragraph_runs(p):
            rpr = run.find(RPR)
            props = dict(base_run)
            if rpr is not None:
                char = rpr.find(w("rStyle"))
                if char is not None:
                    props.update(self.styles.merged(char.get(VAL), "character")[0])
                props.update(rpr_props(rpr))
            if props.get("vanish"):
                continue
            elements.append(run)
            written = "".join(text for _node, text in run_segments(run))
            look_alikes += sum(written.count(ch) for ch in LOOK_ALIKE_CHARS)
            infos.append(RunInfo(
                text=written.translate(LOOK_ALIKE_TABLE),  # one character for one: every offset stays
                size=props.get("size", DEFAULT_SIZE),
                bold=props.get("bold", False),
                italic=props.get("italic", False),
                caps=props.get("caps", False),
                fonts=tuple(props.get(slot, "") for slot in FONT_SLOTS),
            ))
        mark = dict(base_run)
        mark.update(rpr_props(ppr.find(RPR)) if ppr is not None else {})
        base_para["mark_size"] = mark.get("size", DEFAULT_SIZE)
        base_para["look_alikes"] = look_alikes
        return elements, infos, base_para

    def _read(self) -> DocInfo:
        body = self.tree(self.main).find(w("body"))
        paragraphs: list[ParaInfo] = []
        if body is None:
            raise InputError("tệp DOCX không có phần thân văn bản (w:body)", self.where)
        labels = ListLabels(self._levels)
        last_section = body.find(w("sectPr"))
        margin = last_section.find(w("pgMar")) if last_section is not None else None
        self._page_left = int_attr(margin, "left") or 0
        for p, table, in_box in self._blocks(body, None, [0]):
            elements, runs, props = self._para(p, table[3] if table else None)
            num = props.get("num")
            label = labels.label(num) if num and num[0] != "0" else ""
            self.paragraphs.append(p)
            self.runs.append(elements)
            paragraphs.append(ParaInfo(
                index=len(paragraphs),
                text="".join(run.text for run in runs),
                runs=tuple(runs),
                align=props.get("align", "left"),
                first_indent=props.get("first", 0),
                left_indent=props.get("left", 0),
                table=table[0] if table else -1,
                row=table[1] if table else 0,
                col=table[2] if table else 0,
                in_textbox=bool(in_box),
                frame=in_box if isinstance(in_box, tuple) else None,
                tabs=tuple(props.get("tabs", ())),
                bullet=self._bullet(num),
                label=label,
                cell=table[4] if table else None,
                right_indent=props.get("right", 0),
                space_before=max(0, props.get("before", 0)),
                space_after=max(0, props.get("after", 0)),
                line=props.get("line", 240) or 240,
                line_rule=props.get("line_rule", "auto"),
                mark_size=props["mark_size"],
                border_top=props.get("border_top", 0),
                border_bottom=props.get("border_bottom", 0),
                drawn_lines=_drawn_lines(p),
                page_break=props.get("page_break", False) or _page_break(elements),
                section_break=_section_break(p),
                keep_next=props.get("keep_next", False),
                keep_lines=props.get("keep_lines", False),
                widows=props.get("widows", False),
                revisions=_revisions(p),
                fields=_field_codes(p),
                look_alikes=props.get("look_alikes", 0),
            ))
        self.section_elements = [s for s in body.iter(w("sectPr")) if s.getparent().tag in (PPR, w("body"))]
        return DocInfo(tuple(paragraphs), self._sections(), _body_revisions(body))

    def _sections(self) -> tuple[SectionInfo, ...]:
        out: list[SectionInfo] = []
        parts: dict[str, PartInfo] = {}
        inherited: dict[str, dict[str, PartInfo]] = {"header": {}, "footer": {}}
        for index, sect in enumerate(self.section_elements):
            for kind in ("header", "footer"):
                for ref in sect.findall(w(f"{kind}Reference")):
                    name = self.targets.get(ref.get(f"{{{R_NS}}}id", ""), "")
                    if name in self._infos:
                        if name not in parts:
                            parts[name] = self._part(name)
                        inherited[kind][ref.get(w("type"), "default")] = parts[name]
            size, margin = sect.find(w("pgSz")), sect.find(w("pgMar"))
            left = int_attr(margin, "left")
            gutter = int_attr(margin, "gutter") or 0
            title = sect.find(w("titlePg"))
            out.append(SectionInfo(
                index=index,
                width=int_attr(size, "w"),
                height=int_attr(size, "h"),
                top=_absolute(int_attr(margin, "top")),
                bottom=_absolute(int_attr(margin, "bottom")),
                left=None if left is None else left + gutter,
                right=int_attr(margin, "right"),
                title_page=title is not None and on(title),
                headers=tuple(sorted(inherited["header"].items())),
                footers=tuple(sorted(inherited["footer"].items())),
            ))
        return tuple(out)

    def _part(self, name: str) -> PartInfo:
        """A header or footer: its runs, and the paragraph holding a PAGE field if any."""
        has_page, page_align = False, "left"
        page_runs: tuple[RunInfo, ...] = ()
        all_runs: list[RunInfo] = []
        all_fields: list[str] = []
        revisions: list[str] = []
        root = self.tree(name)
        for p, table, _ in self._blocks(root, None, [0]):
            _elements, runs, props = self._para(p, table[3] if table else None)
            all_runs.extend(runs)
            fields = _field_codes(p)
            all_fields.extend(fields)
            revisions.extend(_revisions(p))
            if not has_page and any(PAGE_FIELD.match(text) for text in fields):
                has_page, page_align = True, props.get("align", "left")
                page_runs = tuple(self._field_runs(p))
        return PartInfo(name, has_page, page_align, page_runs, tuple(all_runs), tuple(all_fields),
                        tuple(revisions) + _body_revisions(root))

    def _field_runs(self, p) -> list[RunInfo]:
        """The formatting of the page number: the runs that show it, else the runs that hold the field code."""
        _elements, infos, _props = self._para(p, None)
        return [info for info in infos if info.visible] or infos


A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
EMU_PER_TWIP = 635
_LINE_SHAPES = {"line", "straightConnector1"}
_VML_UNITS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15.0}


def _table_grid(table) -> tuple[list[int], int, tuple[int, int]]:
    """A table's column widths, its indent and its cells' left and right margins (Word's 108 twips unless set)."""
    grid = [int_attr(col, "w") or 0 for col in table.findall(f"{w('tblGrid')}/{w('gridCol')}")]
    props = table.find(w("tblPr"))
    indent = int_attr(props.find(w("tblInd")), "w") if props is not None else None
    margins = [108, 108]
    cell_margins = props.find(w("tblCellMar")) if props is not None else None
    if cell_margins is not None:
        for number, sides in enumerate((("left", "start"), ("right", "end"))):
            for side in sides:
                value = int_attr(cell_margins.find(w(side)), "w")
                if value is not None:
                    margins[number] = value
                    break
    return (grid if all(grid) else []), indent or 0, (margins[0], margins[1])


def _vml_length(text: str) -> float:
    text = text.strip()
    for unit, factor in _VML_UNITS.items():
        if text.endswith(unit):
            try:
                return float(text[: -len(unit)]) * factor
            except ValueError:
                return 0.0
    try:
        return float(text) * 20.0  # VML lengths without a unit are points (1/72 inch) in Word's files
    except ValueError:
        return 0.0


def _drawn_lines(p) -> tuple[int, ...]:
    """The widths (twips) of the straight lines drawn in a paragraph: DrawingML line shapes (their extent), or
    VML lines and straight connectors in files of older Word (the fallback copy of a DrawingML shape skipped)."""
    out: list[int] = []
    for geometry in p.iter(f"{{{A_NS}}}prstGeom"):
        if geometry.get("prst") not in _LINE_SHAPES or any(a.tag == FALLBACK for a in geometry.iterancestors()):
            continue
        frame = next((a for a in geometry.iterancestors() if a.tag in (f"{{{WP_NS}}}anchor", f"{{{WP_NS}}}inline")), None)
        extent = frame.find(f"{{{WP_NS}}}extent") if frame is not None else None
        try:
            out.append(round(int(extent.get("cx", "0")) / EMU_PER_TWIP) if extent is not None else 0)
        except ValueError:
            out.append(0)
    for shape in p.iter(f"{{{V_NS}}}line", f"{{{V_NS}}}shape"):
        if any(a.tag == FALLBACK for a in shape.iterancestors()):
            continue
        if shape.tag == f"{{{V_NS}}}line":
            start, end = (shape.get(k, "0,0").split(",") for k in ("from", "to"))
            out.append(round(abs(_vml_length(end[0]) - _vml_length(start[0]))))
        elif shape.get(f"{{{O_NS}}}connectortype") == "straight" or shape.get("type", "").endswith("_x0000_t32"):
            style = dict(item.split(":", 1) for item in shape.get("style", "").split(";") if ":" in item)
            out.append(round(_vml_length(style.get("width", "0"))))
    return tuple(out)


TXBX = w("txbxContent")
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_BOX_INSET = 144  # a text box's inner margins left and right when the file sets none: 0.1 inch (Word, VML and wps)


def _box_frame(content, page_left: int) -> tuple[int, int] | None:
    """(x, width) in twips of the text box whose w:txbxContent is ``content``, its inner margins taken off, x from
    the left margin; None when the file does not place it (an inline shape, a position by alignment)."""
    holder = content.getparent()
    if holder is None:
        return None
    shape = holder.getparent()
    if holder.tag == f"{{{V_NS}}}textbox" and shape is not None:
        style = {k.strip(): v.strip() for k, v in
                 (item.split(":", 1) for item in shape.get("style", "").split(";") if ":" in item)}
        if "width" not in style or not ("margin-left" in style or "left" in style):
            return None
        x = _vml_length(style.get("margin-left", "0")) + _vml_length(style.get("left", "0"))
        if style.get("mso-position-horizontal-relative") == "page":
            x -= page_left
        width = _vml_length(style["width"])
        insets = holder.get("inset", "").split(",")  # "left,top,right,bottom", each may be left out
        left = _vml_length(insets[0]) if insets[0].strip() else _BOX_INSET
        right = _vml_length(insets[2]) if len(insets) > 2 and insets[2].strip() else _BOX_INSET
        return round(x + left), max(0, round(width - left - right))
    frame = next((a for a in content.iterancestors() if a.tag == f"{{{WP_NS}}}anchor"), None)
    if frame is None:
        return None
    position = frame.find(f"{{{WP_NS}}}positionH")
    offset = position.find(f"{{{WP_NS}}}posOffset") if position is not None else None
    extent = frame.find(f"{{{WP_NS}}}extent")
    if offset is None or extent is None:
        return None
    try:
        x, width = int(offset.text or "0") / EMU_PER_TWIP, int(extent.get("cx", "0")) / EMU_PER_TWIP
    except ValueError:
        return None
    if position.get("relativeFrom") == "page":
        x -= page_left
    body = next((a.find(f"{{{WPS_NS}}}bodyPr") for a in content.iterancestors() if a.tag == f"{{{WPS_NS}}}wsp"), None)
    left, right = _BOX_INSET, _BOX_INSET
    if body is not None:
        try:
            left, right = (int(body.get(side, str(_BOX_INSET * EMU_PER_TWIP))) / EMU_PER_TWIP for side in ("lIns", "rIns"))
        except ValueError:
            pass
    return round(x + left), max(0, round(width - left - right))
DELETED = {w("del"), w("moveFrom")}  # tracked-change containers of text Word no longer shows once accepted
_REVISIONS = {w("ins"): "ins", w("del"): "del", w("moveTo"): "moveTo", w("moveFrom"): "moveFrom",
              w("rPrChange"): "format", w("pPrChange"): "format", w("numberingChange"): "format"}
_MARK = {"ins": "mark-ins", "moveTo": "mark-ins", "del": "mark-del", "moveFrom": "mark-del"}
# Tracked changes of a table's structure or of a section, outside any paragraph.
_STRUCTURE = {w("cellIns"): "cell", w("cellDel"): "cell", w("cellMerge"): "cell", w("tblPrChange"): "format",
              w("tblGridChange"): "format", w("trPrChange"): "format", w("tcPrChange"): "format",
              w("tblPrExChange"): "format", w("sectPrChange"): "format"}


def _own(element, stop: str):
    """The descendants of ``element`` in document order, without going into a ``stop`` element or a tracked deletion
    (both yielded, their content not: a text box's paragraphs are read as paragraphs of their own, deleted text is
    not shown), nor into the fallback copy of an mc:AlternateContent."""
    for child in element:
        if child.tag == FALLBACK:
            continue
        yield child
        if child.tag != stop and child.tag not in DELETED:
            yield from _own(child, stop)


def _revisions(p) -> tuple[str, ...]:
    """The tracked changes of a paragraph not yet accepted, by kind (see ParaInfo.revisions); a text box's are its own."""
    ppr = p.find(PPR)
    mark = ppr.find(RPR) if ppr is not None else None
    out: list[str] = []
    for element in _own(p, TXBX):
        kind = _REVISIONS.get(element.tag)
        if kind is not None:
            out.append(_MARK[kind] if mark is not None and element.getparent() is mark and kind in _MARK else kind)
    return tuple(out)


def _body_revisions(root) -> tuple[str, ...]:
    """The tracked changes of a part outside its paragraphs: table rows inserted or deleted, cells, table and section
    properties changed."""
    out: list[str] = []
    for element in root.iter(*_STRUCTURE, w("trPr")):
        if element.tag == w("trPr"):
            out.extend("row-ins" if child.tag == w("ins") else "row-del"
                       for child in element if child.tag in (w("ins"), w("del")))
        else:
            out.append(_STRUCTURE[element.tag])
    return tuple(out)


def _field_codes(p) -> tuple[str, ...]:
    """The code of each field of a paragraph that Word shows, in order: a simple field's w:instr, a complex field's
    w:instrText pieces between its begin and separate marks (nested fields each on their own)."""
    out: list[str] = []
    open_codes: list[list[str] | None] = []  # None once the field's code is complete (its result follows)
    for element in _own(p, TXBX):
        tag = element.tag
        if tag in DELETED:
            continue
        if tag == w("fldSimple"):
            out.append(element.get(w("instr"), ""))
        elif tag == w("fldChar"):
            kind = element.get(w("fldCharType"), "")
            if kind == "begin":
                open_codes.append([])
            elif kind in ("separate", "end") and open_codes:
                code = open_codes[-1]
                if code is not None:
                    out.append("".join(code))
                    open_codes[-1] = None
                if kind == "end":
                    open_codes.pop()
        elif tag == w("instrText") and open_codes and open_codes[-1] is not None:
            open_codes[-1].append(element.text or "")
    return tuple(out)


def _page_break(runs) -> bool:
    return any(br.get(w("type")) == "page" for run in runs for br in run.iter(w("br")))


def _section_break(p) -> bool:
    """Whether the paragraph ends a section that the next one follows on a new page (not a continuous break)."""
    ppr = p.find(PPR)
    sect = ppr.find(w("sectPr")) if ppr is not None else None
    if sect is None:
        return False
    kind = sect.find(w("type"))
    return kind is None or kind.get(VAL, "nextPage") != "continuous"


def read(source: Path | bytes, where: str | None = None) -> Package:
    """Open a DOCX from a path or from bytes; every problem is an InputError naming the file."""
    if isinstance(source, (bytes, bytearray)):
        return Package(bytes(source), where or "DOCX")
    path = Path(source)
    name = where or str(path)
    from ptdraft.files import disk as files

    return Package(files.read_regular(path, where=name), name)


def _absolute(value: int | None) -> int | None:
    """A margin's size: Word writes a negative top or bottom margin for "at least, the text may push it"."""
    return None if value is None else abs(value)
