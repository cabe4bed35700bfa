"""Rules of where things are on the page: judged from the DOCX's structure and a layout of its lines
(:mod:`.page_layout`), so a letter made by another program or typed in Word is judged by what it prints.

- the Quốc hiệu and the Tiêu ngữ once each, in the right column of the header; the agency lines, "Số:" and
  "V/v" in the left one (FORMAT.md §3.1);
- a drawn rule under the issuing agency (1/3 to 1/2 of its text line) and under the Tiêu ngữ (as long as
  the Tiêu ngữ); a rule typed as characters ("-----", "*****", "---o0o---") is not one (§3.2);
- the Quốc hiệu and the date each on one line;
- several Kính gửi recipients with their dashes lined up, not centred (§7);
- the signature beside "Nơi nhận:", level with it (§3.2, box 9b);
- each signing form with the lines it needs: KT., TL., TM., TUQ. followed by a title line, then a name that
  is a name (§8).
"""
from __future__ import annotations

import re

from ptdraft import rules
from ptdraft.reference import metrics
from ptdraft.checker import page_layout
from ptdraft.ooxml.document import DocInfo, ParaInfo
from ptdraft.checker.findings import ELEMENT_NAMES, Finding, Result, box_of, excerpt
from ptdraft.checker.rules_format import _cm, size_range
from ptdraft.reference.forms import SIGNING_PREFIX
from ptdraft.checker.recognise import Part, Recognised, fold, is_rule_line, pieces, runs_of, text_of
from ptdraft.rules import Element
from ptdraft.vietnamese.names import is_personal_name

_GLUED_RULE = re.compile(r"[-–—_=*~]{3,}\s*$")  # "… GIANG******": typed rule characters glued onto a line
COLUMN_SPLIT = (0.45, 0.55)  # a line whose middle is left of 45 % of the text width is in the left column
AUTHORITY_RULE = (rules.AUTHORITY_RULE_FRACTION.low - 0.02, rules.AUTHORITY_RULE_FRACTION.high + 0.02)
MOTTO_RULE = (0.9, 1.1)  # of the Tiêu ngữ's width: a hand-drawn line is never exact
_TITLED_PREFIXES = {"tm", "kt", "tl", "tuq"}  # followed by a title line; "Q. CỤC TRƯỞNG" is itself the title
_RIGHT_ELEMENTS = (Element.NATIONAL_TITLE, Element.MOTTO)
_LEFT_ELEMENTS = (Element.PARENT_AUTHORITY, Element.AUTHORITY, Element.NUMBER, Element.SUBJECT_VV)


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def _result(rule: str, element: Element, section: str, doc: DocInfo, part: Part | None, message: str,
            fix: str, text: str | None = None) -> Result:
    index = part.index if part else None
    shown = text if text is not None else (text_of(doc, part) if part else "")
    return Result(Finding(rule, box_of(element), section, index, excerpt(shown), message, fix))


def _part_width(doc: DocInfo, part: Part) -> int:
    para = doc.paragraphs[part.index]
    width, position = 0, 0
    for run in para.runs:
        end = position + len(run.text)
        piece = run.shown[max(0, part.start - position):max(0, part.end - position)]
        if piece:
            width += metrics.text_width(piece, run.size, bold=run.bold, italic=run.italic)
        position = end
    return width


def _tab_segment(doc: DocInfo, para: ParaInfo, part: Part) -> page_layout.Segment | None:
    """Where an element on a tabbed line of the text area prints (laid on the paragraph's tab stops); None for a
    line without tabs, or in a table cell or a text box."""
    if para.table >= 0 or para.in_textbox or "\t" not in para.text.strip():
        return None
    return next((s for s in page_layout.tab_segments(doc, para) if s.start <= part.start < s.end), None)


def _unplaced(para: ParaInfo) -> bool:
    """A cell or a text box whose place and width the file does not say: where its lines print is not judged."""
    return _unknown_box(para) or (para.in_textbox and para.frame is None)


def _side(doc: DocInfo, part: Part) -> str:
    """"left", "right" or "middle": where on the text width an element's line prints."""
    para = doc.paragraphs[part.index]
    if _unplaced(para):
        return ""
    text_width = page_layout.text_area(doc)[0]
    segment = _tab_segment(doc, para, part)
    if segment is not None:
        middle = segment.x + segment.width / 2  # on its tab stop, as the page prints it
    else:
        x, width = page_layout.container(doc, para)
        inner = max(1, width - max(0, para.left_indent) - max(0, para.right_indent))
        line = min(_part_width(doc, part), inner)
        start: float = x + max(0, para.left_indent)
        if para.align == "center":
            start += (inner - line) / 2
        elif para.align == "right":
            start += inner - line
        middle = start + line / 2
    if middle <= text_width * COLUMN_SPLIT[0]:
        return "left"
    if middle >= text_width * COLUMN_SPLIT[1]:
        return "right"
    return "middle"


# -- present once ---------------------------------------------------------------------------

def _first_section(doc: DocInfo) -> list[ParaInfo]:
    """The paragraphs of the document itself: what a Quyết định issues (Mẫu 1.3) or an appendix printed in the
    same file starts a section of its own, with its own header."""
    out = []
    for para in doc.paragraphs:
        out.append(para)
        if para.section_break:
            break
    return out


def duplicate_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """The Quốc hiệu and the Tiêu ngữ printed once in the document's own section: a second one (a header pasted
    twice, a generator's copy of the national title over Word's own) is a finding."""
    out: list[Result] = []
    for element, words in ((Element.NATIONAL_TITLE, rules.NATIONAL_TITLE), (Element.MOTTO, rules.MOTTO)):
        key = fold(words)
        seen: list[Part] = []
        for para in _first_section(doc):
            for start, end in pieces(para, tabs=True):
                if fold(para.text[start:end].rstrip("-–—_=*~ ")) == key:
                    seen.append(Part(element, para.index, start, end))
        if len(seen) > 1:
            name = ELEMENT_NAMES[element]
            out.append(_result("element.duplicate", element, "§3.1", doc, seen[1],
                               f"{name} in {len(seen)} lần; văn bản chỉ có một {_lower_first(name)}, ở đầu trang 1.",
                               f"Xóa {_lower_first(name)} thừa (đoạn {seen[1].index + 1})."))
    return out


# -- columns of the header --------------------------------------------------------------------

def column_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """The Quốc hiệu and the Tiêu ngữ in the right column of the header, the agency, "Số:" and "V/v" in the left."""
    out: list[Result] = []
    for elements, wanted, column in ((_RIGHT_ELEMENTS, "right", "bên phải"), (_LEFT_ELEMENTS, "left", "bên trái")):
        for element in elements:
            part = found.first(element)
            if part is None:
                continue
            side = _side(doc, part)
            if side and side != wanted:
                name = ELEMENT_NAMES[element]
                where = "giữa trang" if side == "middle" else ("cột bên phải" if side == "right" else "cột bên trái")
                out.append(_result("header.column", element, "§3.1", doc, part,
                                   f"{name} nằm ở {where}; Nghị định 30 đặt ở cột {column} của phần đầu văn bản.",
                                   "Trình bày phần đầu văn bản trong một bảng hai cột không viền: tên cơ quan, số, "
                                   "ký hiệu, V/v ở cột trái; Quốc hiệu, Tiêu ngữ, địa danh và ngày ở cột phải."))
    return out


# -- drawn rules ---------------------------------------------------------------------------------

def _same_box(a: ParaInfo, b: ParaInfo) -> bool:
    return a.table == b.table and (a.table < 0 or (a.row, a.col) == (b.row, b.col))


def _rule_under(doc: DocInfo, part: Part) -> tuple[str, int, Part | None]:
    """What stands under an element's line: ("drawn", width or 0, None), ("typed", 0, the typed line) or
    ("none", 0, None)."""
    para = doc.paragraphs[part.index]
    lines = pieces(para, tabs=para.cell is None and "\t" in para.text.strip())
    after = [(a, b) for a, b in lines if a >= part.end]
    if _GLUED_RULE.search(para.text[part.start:part.end]):
        return "typed", 0, part
    if after and is_rule_line(para.text[after[0][0]:after[0][1]]):
        return "typed", 0, Part(part.element, part.index, *after[0])
    if para.drawn_lines:
        return "drawn", para.drawn_lines[0], None
    if para.border_bottom and not after:
        return "drawn", _box_width(doc, para), None
    for following in doc.paragraphs[part.index + 1:part.index + 4]:
        if not _same_box(para, following):
            break
        if following.drawn_lines:
            return "drawn", following.drawn_lines[0], None
        if following.empty:
            if following.border_bottom or following.border_top:
                return "drawn", _box_width(doc, following), None
            continue
        if is_rule_line(following.text):
            start = len(following.text) - len(following.text.lstrip())
            return "typed", 0, Part(part.element, following.index, start, len(following.text.rstrip()))
        break
    if para.border_bottom:
        return "drawn", _box_width(doc, para), None
    return "none", 0, None


def _unknown_box(para: ParaInfo) -> bool:
    """A table cell whose width the file does not say (no grid, no cell width): where it prints is not judged."""
    return para.table >= 0 and para.cell is None


def _box_width(doc: DocInfo, para: ParaInfo) -> int:
    """The width between a paragraph's indents in its box (0 when the box is unknown)."""
    if _unknown_box(para):
        return 0
    _x, width = page_layout.container(doc, para)
    return max(0, width - max(0, para.left_indent) - max(0, para.right_indent))


def _widest_line(doc: DocInfo, parts: list[Part]) -> int:
    return max(max(page_layout.break_lines(doc, doc.paragraphs[p.index]).widths) if not p.start and
               p.end >= len(doc.paragraphs[p.index].text.rstrip()) else _part_width(doc, p) for p in parts)


def rule_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """A solid line drawn under the issuing agency (1/3 to 1/2 of its line) and under the Tiêu ngữ (its length)."""
    out: list[Result] = []
    authority = found.of(Element.AUTHORITY)
    motto = found.first(Element.MOTTO)
    checks = []
    if authority:
        low, high = AUTHORITY_RULE
        checks.append((Element.AUTHORITY, authority[-1], _widest_line(doc, authority), low, high,
                       "từ 1/3 đến 1/2 độ dài dòng chữ tên cơ quan"))
    if motto is not None:
        checks.append((Element.MOTTO, motto, _part_width(doc, motto), *MOTTO_RULE, "bằng độ dài dòng Tiêu ngữ"))
    for element, part, line, low, high, wanted in checks:
        name = _lower_first(ELEMENT_NAMES[element])
        kind, width, typed = _rule_under(doc, part)
        if kind == "typed" and typed is not None:
            out.append(_result("rule.typed", element, "§3.2", doc, typed,
                               f"Đường kẻ dưới {name} được gõ bằng ký tự (\"{excerpt(text_of(doc, typed).strip())}\"), "
                               "không phải nét kẻ liền.",
                               f"Xóa các ký tự đó; kẻ một đường nét liền {wanted}, căn giữa (viền dưới của một đoạn "
                               "trống, hoặc vẽ đường thẳng).", text=text_of(doc, typed)))
        elif kind == "none":
            out.append(_result("rule.missing", element, "§3.2", doc, part,
                               f"Dưới {name} không có đường kẻ nét liền.",
                               f"Kẻ một đường nét liền {wanted}, căn giữa, ngay dưới {name}."))
        elif width and line and not low <= width / line <= high:
            out.append(_result("rule.length", element, "§3.2", doc, part,
                               f"Đường kẻ dưới {name} dài {_cm(width)} cm, bằng {round(100 * width / line)} % "
                               f"dòng chữ; quy định {wanted}.",
                               f"Đặt độ dài đường kẻ {wanted} (khoảng {_cm(low * line)}–{_cm(high * line)} cm)."))
    return out


# -- one line each ---------------------------------------------------------------------------------

def one_line_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """The Quốc hiệu and the date line each fit on one line of their column: wrapped, they read as two."""
    out: list[Result] = []
    for element, rule in ((Element.NATIONAL_TITLE, "national-title.one-line"), (Element.PLACE_DATE, "date.one-line")):
        part = found.first(element)
        if part is None:
            continue
        para = doc.paragraphs[part.index]
        if para.in_textbox or _unknown_box(para):
            continue  # a text box: LibreOffice widens it to its text where Word wraps, so no one answer
        limits = size_range(element)
        if limits and any(not limits[0] - 0.01 <= run.size <= limits[1] + 0.01 for _n, run in runs_of(doc, part)):
            continue  # too large a size is its own finding, and setting the size right puts it on one line
        width = _part_width(doc, part)
        segment = _tab_segment(doc, para, part)
        if segment is not None:
            if segment.kind not in ("", "left"):
                continue  # on a centre or right stop LibreOffice lets the line run into the margin, unwrapped
            room = round(page_layout.container(doc, para)[1] - max(0, para.right_indent) - segment.x)
        elif para.table < 0 and not para.in_textbox and "\t" in para.text.strip():
            continue  # a tabbed line whose piece is not found: its room is not known
        else:
            room = _box_width(doc, para) - max(0, para.first_indent)
        if width > room + 1:
            name = ELEMENT_NAMES[element]
            out.append(_result(rule, element, "§3.2", doc, part,
                               f"{name} không vừa một dòng: dòng chữ dài {_cm(width)} cm, chỗ của nó rộng "
                               f"{_cm(room)} cm, nên bị xuống dòng.",
                               "Để trên một dòng: giảm cỡ chữ trong khoảng quy định, nới cột chứa nó, hoặc bỏ thụt lề."))
    return out


# -- Kính gửi --------------------------------------------------------------------------------------

def recipients_align_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """Several recipients: each on its own line from a dash, the dashes lined up (FORMAT.md §7), not centred."""
    if found.recipients_label is None or not found.recipients:
        return []
    centred = [p for p in found.recipients if doc.paragraphs[p.index].align in ("center", "right")]
    if not centred:
        return []
    return [_result("recipients.align", Element.RECIPIENTS, "§7", doc, centred[0],
                    f"Các dòng Kính gửi được căn giữa ({len(centred)} dòng): gạch đầu dòng các dòng không thẳng nhau.",
                    "Căn trái các dòng nơi nhận, thụt lề như nhau để các gạch đầu dòng thẳng hàng, dưới dấu hai chấm "
                    "của \"Kính gửi:\" (mẫu 1.5: \"Kính gửi:\" cách lề trái khoảng 3,5 cm, gạch đầu dòng 4,5 cm).")]


# -- the closing -----------------------------------------------------------------------------------

def closing_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """The signature beside "Nơi nhận:": on the same level, to its right (a two-column row, or one tabbed line)."""
    label = found.distribution_label
    signs = found.of(Element.SIGN_AUTHORITY, Element.SIGN_POSITION)
    if label is None or not signs or found.appendix:
        return []
    first = signs[0]
    a, b = doc.paragraphs[label.index], doc.paragraphs[first.index]
    if a.index == b.index:
        return []
    if a.table >= 0 and a.table == b.table and a.row == b.row and b.col > a.col:
        return []
    if found.doc_type == "Biên bản" and a.table >= 0 and a.table == b.table:
        return []  # Mẫu 1.9: two signatures side by side, Nơi nhận under the secretary's
    where = "ở dưới" if b.index > a.index else "ở trên"
    if a.table >= 0 and a.table == b.table and a.row == b.row:
        where = "ở bên trái"
    return [_result("closing.layout", Element.SIGN_AUTHORITY, "§3.2", doc, first,
                    f"Khối chữ ký nằm {where} \"Nơi nhận:\", không ngang hàng bên phải nó.",
                    "Đặt Nơi nhận và chữ ký trong một hàng bảng hai cột không viền: \"Nơi nhận:\" ở ô trái, "
                    "ngang với dòng đầu của quyền hạn, chức vụ người ký ở ô phải.")]


def signing_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    """KT., TL., TM., TUQ. followed by a title line; the last line a personal name."""
    out: list[Result] = []
    titles = found.of(Element.SIGN_AUTHORITY, Element.SIGN_POSITION)
    name = found.first(Element.SIGN_NAME)
    if titles:
        last = titles[-1]
        match = SIGNING_PREFIX.match(text_of(doc, last).strip())
        prefix = match["prefix"].replace(".", "").replace("/", "").casefold() if match else ""
        if match and prefix in _TITLED_PREFIXES:
            shown = match.group().strip().upper().rstrip(".:/ ") + "."
            out.append(_result("signature.title-missing", Element.SIGN_AUTHORITY, "§8", doc, last,
                               f"Sau dòng \"{excerpt(text_of(doc, last).strip())}\" thiếu dòng chức vụ của người ký: "
                               f"ký {shown} phải có chức vụ người ký ở dòng dưới.",
                               f"Thêm dòng chức vụ (ví dụ \"{shown} BỘ TRƯỞNG\" rồi \"THỨ TRƯỞNG\") trước họ tên."))
    for part in found.e_signature:
        text = " ".join(text_of(doc, part).split())
        out.append(Result(Finding(
            "signature.residue", "7c", "§9", part.index, excerpt(text),
            f"Dòng \"{excerpt(text)}\" là chữ hiển thị bên chữ ký số của một bản đã ký (chép lại từ bản PDF), không "
            "phải dòng của khối chữ ký: chữ ký số hiện bằng hình chữ ký của người ký (ô số 7c), không kèm chữ.",
            "Xóa dòng này; khi ký số, phần mềm ký số đặt hình chữ ký giữa dòng chức vụ và họ tên.", False), None))
    if name is not None:
        text = " ".join(text_of(doc, name).split())
        if not is_personal_name(text):
            out.append(_result("signature.name", Element.SIGN_NAME, "§8", doc, name,
                               f"Dòng cuối của khối chữ ký \"{excerpt(text)}\" không phải họ tên người ký.",
                               "Ghi họ, tên đệm và tên người ký (chữ thường, viết hoa chữ đầu) ở dòng cuối khối chữ ký."))
    return out


def layout_rules(doc: DocInfo, found: Recognised) -> list[Result]:
    if found.appendix:
        return []
    out: list[Result] = []
    for rule in (duplicate_rules, column_rules, rule_rules, one_line_rules, recipients_align_rules, closing_rules,
                 signing_rules):
        out += rule(doc, found)
    return out
