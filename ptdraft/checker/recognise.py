"""Which part of which paragraph is which element: national title, number line, body, Nơi nhận…

Works on any DOCX, not only ptdraft's: the header may be a table (one or two
rows, two columns) or plain paragraphs; the number and the date may share one
line separated by tabs; the title and the motto may share one paragraph split by
a line break; Nơi nhận and the signature may sit in a two-column table or in
paragraphs. Elements are found by their words first (folded: no diacritics, no
case) and by their place second, so a wrongly formatted element is still found
and its formatting reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ptdraft import rules
from ptdraft.checker import page_layout
from ptdraft.reference import doctypes, forms
from ptdraft.reference.forms import fold, is_rule_line
from ptdraft.ooxml.document import DocInfo, ParaInfo, RunInfo
from ptdraft.rules import Element
from ptdraft.vietnamese.names import is_personal_name

DASHES = "-–—+•·*"
# Words of the circulation notes above the national title (box 11): "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ",
# "KHÔNG PHỔ BIẾN", "HẠN CHẾ PHẠM VI…". A capitalised line above the header without them is an agency name
# typed before the national title (a header of plain lines), not a circulation note.
# The lines of box 14 on an electronic copy, above the header: "Hình thức sao: …", "Cơ quan sao: …", "Thời gian ký: …".
_COPY_BOX = re.compile(r"^\s*(Hình thức sao|Cơ quan sao|Thời gian ký)\s*:", re.IGNORECASE)
# "DỰ THẢO", "DỰ THẢO LẦN 2" typed above the header (ptdraft prints it in the first page's header instead).
DRAFT_MARK_FOLDED = "duthao"
# The form of copy heading the copy block of a paper copy (Mẫu 3.1), under the copied text's closing.
_COPY_KINDS = ("saoy", "saoluc", "trichsao")
_CIRCULATION_WORDS = ("xemxong", "tralai", "luuhanh", "noibo", "phobien", "hanche", "phamvi")
_NUMBER = re.compile(rf"^\s*{forms.NUMBER_WORD}\b", re.IGNORECASE)
_DATE = forms.DATE_MENTION
_VV = re.compile(rf"^\s*{forms.SUBJECT_WORD}\b", re.IGNORECASE)
_DIVISION = re.compile(r"^(phần|chương|mục|tiểu mục)\s+([ivxlcdm]+|\d+)\b", re.IGNORECASE)
_BASIS = ("cancu", "theodenghi", "xetdenghi", "xettotrinh")  # "Xét Tờ trình …" closes the bases of a Nghị quyết (Mẫu 1.1)
_RIGHT_COLUMN = rules.cm(6)  # a paragraph indented this far sits in the right half of the page
_PLACE_DATE_LONGEST = 90  # characters: "Thành phố Hồ Chí Minh, ngày 30 tháng 12 năm 2026" and a long place fit
_TYPE_BY_CODE = {code: name for name, code in doctypes.ABBREVIATIONS.items()}


# First words of an agency name: a header line starting with one begins a new agency, not a wrapped line.
_AGENCY_HEADS = tuple(tuple(fold(w) for w in head.split()) for head in (
    "Sở", "Ban", "Phòng", "Văn phòng", "Cục", "Tổng cục", "Chi cục", "Vụ", "Viện", "Trung tâm", "Ủy ban", "UBND",
    "Hội đồng", "HĐND", "Thanh tra", "Bộ", "Trường", "Bệnh viện", "Công an", "Kho bạc", "Đài", "Báo", "Học viện",
    "Đoàn", "Hội", "Liên đoàn", "Tòa án", "Viện kiểm sát", "Quỹ", "Ngân hàng", "Tổng công ty", "Công ty", "Chi nhánh",
))


def _starts_agency(text: str) -> bool:
    words = [fold(word) for word in text.split()]
    return any(words[:len(head)] == list(head) for head in _AGENCY_HEADS)


def is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


def starts_with_dash(text: str) -> bool:
    flat = text.lstrip()
    return bool(flat) and flat[0] in DASHES


@dataclass(frozen=True)
class Part:
    """An element found in ``text[start:end]`` of paragraph ``index``."""

    element: Element
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Recognised:
    parts: tuple[Part, ...]
    doc_type: str | None  # the decree's name of the type line; None when there is none (công văn)
    recipients_label: Part | None
    recipients: tuple[Part, ...]
    distribution_label: Part | None
    distribution: tuple[Part, ...]
    body: tuple[int, ...]  # paragraph indices of the body (box 6), in order
    free_layout: frozenset[int]  # body paragraphs exempt from the alignment and indent rules
    appendix: bool = False  # an appendix in a file of its own (recognise_appendix)
    # What stands where the signer's name goes when there is none: "Đã ký", "(Đã ký)" under the titles.
    name_marks: tuple[Part, ...] = ()
    # A digital signature's printed words left in the signature block ("Ký bởi: …"; forms.E_SIGNATURE).
    e_signature: tuple[Part, ...] = ()

    def of(self, *elements: Element) -> list[Part]:
        return [part for part in self.parts if part.element in elements]

    def first(self, element: Element) -> Part | None:
        return next((part for part in self.parts if part.element is element), None)


def pieces(para: ParaInfo, tabs: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of a paragraph (split at line breaks, and at tabs if asked)."""
    out = []
    for match in re.finditer(r"[^\n\t]+" if tabs else r"[^\n]+", para.text):
        text = match.group()
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.append((match.start() + lead, match.start() + len(text.rstrip())))
    return out


class _Finder:
    def __init__(self, doc: DocInfo) -> None:
        self.doc = doc
        self.paras = doc.paragraphs
        self.parts: list[Part] = []
        self.used: set[int] = set()
        self.name_marks: list[Part] = []
        self.e_signature: list[Part] = []

    def add(self, element: Element, index: int, start: int = 0, end: int | None = None) -> Part:
        text = self.paras[index].text
        end = len(text.rstrip()) if end is None else end
        start = start or len(text) - len(text.lstrip())
        part = Part(element, index, start, end)
        self.parts.append(part)
        self.used.add(index)
        return part

    def visible(self, start: int, stop: int) -> list[ParaInfo]:
        return [p for p in self.paras[start:stop] if not p.empty and not is_rule_line(p.text)]

    # -- header ---------------------------------------------------------------

    def header(self) -> int:
        """Find boxes 1–4, 5b, 10 and 11; the index of the first paragraph after the header."""
        early = self.visible(0, len(self.paras))[:40]
        title = next((p for p in early if forms.names_national_title(p.text)), None)
        if title is not None and title.table >= 0:
            tables = {title.table}
            end = max(p.index for p in self.paras if p.table == title.table) + 1
            following = self.visible(end, len(self.paras))[:1]
            if following and following[0].table >= 0 and any(
                _NUMBER.match(p.text) or _DATE.search(p.text) for p in self.paras if p.table == following[0].table
            ):
                tables.add(following[0].table)
                end = max(p.index for p in self.paras if p.table == following[0].table) + 1
            zone = [p for p in self.paras[:end] if not p.empty]
        else:
            zone = []
            for p in early[:14]:
                if fold(p.text).startswith("kinhgui"):
                    break  # the recipients follow the header, never belong to it
                if title is not None and p.index > title.index and doctypes.canonical(p.text.strip()) not in (
                        None, doctypes.CONG_VAN):
                    break  # the type line ("KẾ HOẠCH") opens box 5a: a date the body mentions under it is no place-date
                zone.append(p)
            # The header ends with its number or its place-date line (a short line; a body sentence that mentions a
            # date is no place-date line).
            last = max((p.index for p in zone if _NUMBER.match(p.text) or p is title
                        or (_DATE.search(p.text) and len(p.text.strip()) <= _PLACE_DATE_LONGEST)), default=-1)
            zone = [p for p in zone if p.index <= last]
            end = last + 1
        first_header = min((p.index for p in zone if p.table >= 0 or p is title), default=0)
        left: list[tuple[ParaInfo, int, int]] = []
        found: set[Element] = set()
        number_seen = False
        for para in zone:
            lines = pieces(para, tabs=True)
            for number, (start, stop) in enumerate(lines):
                text = para.text[start:stop]
                key = fold(text)
                element = None
                if para.index < first_header and _COPY_BOX.match(text):
                    element = Element.COPY_BOX  # an electronic copy's box 14 (Mẫu 3.2, ptdraft/outputs/copies.py)
                elif para.index < first_header and key.startswith(DRAFT_MARK_FOLDED) and is_upper(text):
                    element = Element.DRAFT_MARK  # a draft's mark, not an agency name typed above the title
                elif forms.names_national_title(text) and Element.NATIONAL_TITLE not in found:
                    element = Element.NATIONAL_TITLE
                elif forms.names_motto(text) and Element.MOTTO not in found:
                    element = Element.MOTTO
                elif forms.names_national_title(text) or forms.names_motto(text):
                    continue  # printed a second time: element.duplicate (rules_layout), not an agency line
                elif _NUMBER.match(text) and Element.NUMBER not in found:
                    element, number_seen = Element.NUMBER, True
                elif _VV.match(text) and Element.SUBJECT_VV not in found:
                    element = Element.SUBJECT_VV
                elif _DATE.search(text) and Element.PLACE_DATE not in found:
                    element = Element.PLACE_DATE
                elif key in forms.STAMPS_FOLDED and is_upper(text):
                    element = Element.SECRECY if key in forms.SECRECY_FOLDED else Element.URGENCY
                elif para.index < first_header and is_upper(text) and any(w in key for w in _CIRCULATION_WORDS):
                    element = Element.CIRCULATION
                elif is_rule_line(text):
                    continue
                elif not number_seen and _left_column(para, number, len(lines), Element.NATIONAL_TITLE in found,
                                                      page_layout.text_area(self.doc)[0]):
                    left.append((para, start, stop))
                    continue
                if element is not None:
                    found.add(element)
                    self.add(element, para.index, start, stop)
        self._authorities(left)
        if Element.SUBJECT_VV not in found:
            # "V/v …" typed under the header table or under a header of plain lines.
            following = self.visible(end, len(self.paras))[:1]
            if following and re.match(r"^\s*v\s*/\s*v\b", following[0].text, re.IGNORECASE):
                self.add(Element.SUBJECT_VV, following[0].index)
                end = following[0].index + 1
        return max(end, 0)

    def _authorities(self, lines: list[tuple[ParaInfo, int, int]]) -> None:
        """Box 2: the leading lines that are not bold are the parent agency, the rest the issuing agency.

        With no bold line at all, the first of several lines is the parent agency.
        """
        if not lines:
            return
        bold = [all(r.bold for r in _runs_in(p, a, b)) for p, a, b in lines]
        if any(bold) and not all(bold):
            parent = bold.index(True)
        else:
            # All alike: the lines after the first one that starts a new agency name are the issuing agency.
            parent = next((n for n, (p, a, b) in enumerate(lines) if n and _starts_agency(p.text[a:b])), 0)
            first, second = (lines[n][0].text[lines[n][1]:lines[n][2]] for n in (0, parent))
            if parent and forms.joint_bodies(first, second):
                parent = 0  # a joint letter's bodies side by side in rank ("SỞ Y TẾ" / "SỞ GIÁO DỤC …"): both issuers
        for number, (para, start, stop) in enumerate(lines):
            self.add(Element.PARENT_AUTHORITY if number < parent else Element.AUTHORITY, para.index, start, stop)

    # -- closing ----------------------------------------------------------------

    def closing(self, start: int) -> tuple[int, Part | None, list[Part]]:
        """Boxes 7 and 9b: (first paragraph of the closing, the Nơi nhận label, its lines).

        Nơi nhận and the signature side by side in a two-column table (the decree's layout), one over the other in a
        table of one column, the signature in a table of its own above or below Nơi nhận typed as paragraphs, both
        typed as paragraphs, or on tabbed lines ("Nơi nhận:⇥KT. CHÁNH VĂN PHÒNG"): each part is found, and where it
        sits is closing.layout's to judge."""
        paras = self.paras
        visible = self.visible(start, len(paras))
        label = next((p for p in visible if _is_label(p)), None)
        table = label.table if label is not None and label.table >= 0 else -1
        signed = [p for p in visible if p.table >= 0 and forms.SIGNING_START.match(p.text)]
        items: list[Part] = []
        label_part = None
        if table < 0 and label is not None and signed:
            # Nơi nhận typed as paragraphs, the signature in a table of its own (often of one column) above or below.
            cells = [p for p in paras if p.table == signed[-1].table]
            label_part, items = self._distribution(label, self.visible(label.index, len(paras)))
            self._signature([p for p in cells if p.col == signed[-1].col])
            return min(cells[0].index, label.index), label_part, items
        if table < 0 and label is None:
            table = signed[-1].table if signed else -1
        if table >= 0:
            cells = [p for p in paras if p.table == table]
            first = cells[0].index
            if label is not None:
                label_part, items = self._distribution(label, [p for p in cells if (p.row, p.col) == (label.row, label.col)])
                sign = [p for p in cells if p.row == label.row and p.col != label.col] or [
                    p for p in cells if p.row != label.row]  # a one-column table: the signature in a row of its own
            else:
                sign = [p for p in cells if p.col == max(c.col for c in cells)]
            self._signature(sign)
            return first, label_part, items
        if label is not None and _tabbed_closing(self.visible(label.index, len(paras))):
            label_part, items = self._tabbed_closing(label)
            return label.index, label_part, items
        after = []
        if label is not None:
            label_part, items = self._distribution(label, self.visible(label.index, len(paras)))
            taken = {part.index for part in items} | {label.index}
            after = [p for p in self.visible(label.index + 1, len(paras)) if p.index not in taken]
        if not after:
            stop = label.index if label is not None else len(paras)
            after = []
            for para in reversed(self.visible(start, stop)):
                if not (para.align in ("center", "right") or para.left_indent >= _RIGHT_COLUMN) or para.align == "both":
                    break
                after.insert(0, para)
        self._signature(after)
        firsts = [p.index for p in after] + ([label.index] if label is not None else [])
        return (min(firsts) if firsts else len(paras)), label_part, items

    def _tabbed_closing(self, label: ParaInfo) -> tuple[Part, list[Part]]:
        """Nơi nhận and the signature typed on the same lines apart by tabs: on each line from the label on, the text
        before the first tab is Nơi nhận's, the text after it the signature's (a line without a tab is Nơi nhận's
        when it reads as one of its lines, the signature's otherwise)."""
        left: list[tuple[ParaInfo, int, int]] = []
        right: list[tuple[ParaInfo, int, int]] = []
        for para in self.visible(label.index, len(self.paras)):
            tab = para.text.find("\t", len(para.text) - len(para.text.lstrip()))
            for a, b in pieces(para, tabs=True):
                if 0 <= tab < a:
                    right.append((para, a, b))
                elif tab >= 0 or para.index == label.index or _distribution_line(para.text[a:b]):
                    left.append((para, a, b))
                else:
                    right.append((para, a, b))
        (para, a, b), rest = left[0], left[1:]
        part = self.add(Element.DISTRIBUTION_LABEL, para.index, a, b)
        items = [self.add(Element.DISTRIBUTION, p.index, a, b) for p, a, b in rest if not is_rule_line(p.text[a:b])]
        self._signature_lines(right)
        return part, items

    def _distribution(self, label: ParaInfo, cell: list[ParaInfo]) -> tuple[Part, list[Part]]:
        lines = pieces(label)
        part = self.add(Element.DISTRIBUTION_LABEL, label.index, *lines[0])
        items = [self.add(Element.DISTRIBUTION, label.index, a, b) for a, b in lines[1:]]
        for para in cell:
            if para.index <= label.index or para.empty or is_rule_line(para.text):
                continue
            if label.table < 0 and not (_distribution_line(para.text) or para.bullet):
                break
            items.extend(self.add(Element.DISTRIBUTION, para.index, a, b) for a, b in pieces(para))
        return part, items

    def _signature(self, paras: list[ParaInfo]) -> None:
        self._signature_lines([(p, a, b) for p in paras for a, b in pieces(p)])

    def _signature_lines(self, found: list[tuple[ParaInfo, int, int]]) -> None:
        lines: list[tuple[ParaInfo, int, int]] = []
        marks: list[tuple[ParaInfo, int, int]] = []  # "(Đã ký)" after the last line so far
        for para, a, b in found:
            text = para.text[a:b]
            if forms.E_SIGNATURE.match(text):
                self.e_signature.append(Part(Element.SIGN_AUTHORITY, para.index, a, b))
                self.used.add(para.index)
            elif _placeholder(text):
                marks.append((para, a, b))
            elif not is_rule_line(text):
                lines.append((para, a, b))
                marks = []
        if not lines:
            return
        # The last line is the name unless it is a title in capitals ("PHÓ CHÁNH VĂN PHÒNG" over "Đã ký", the name
        # left out): a name typed in capitals ("NGUYỄN VĂN BÌNH") is still a name, and text.case says so.
        final = lines[-1][0].text[lines[-1][1]:lines[-1][2]]
        name = lines[-1] if len(lines) > 1 and not (is_upper(final) and not is_personal_name(final)) else None
        if name is None:
            self.name_marks.extend(Part(Element.SIGN_NAME, p.index, a, b) for p, a, b in marks)
            self.used.update(p.index for p, _a, _b in marks)
        titles = lines[:-1] if name else lines
        for number, (para, a, b) in enumerate(titles):
            last = number == len(titles) - 1 and number > 0 and not forms.SIGNING_START.match(para.text[a:b])
            self.add(Element.SIGN_POSITION if last else Element.SIGN_AUTHORITY, para.index, a, b)
        if name:
            self.add(Element.SIGN_NAME, name[0].index, name[1], name[2])

    # -- the copy block of a paper copy ---------------------------------------------

    def copy_block(self, after_table: int) -> None:
        """Mẫu 3.1: in a table after the closing, "SAO Y"/"SAO LỤC"/"TRÍCH SAO" with the copying body's name, its
        number and its place and date; in the table after that its Nơi nhận and signature. Found, its parts are
        checked like the document's own (sizes, case, weight, the signing forms)."""
        kind = next((p for p in self.paras if p.table > after_table and fold(p.text) in _COPY_KINDS), None)
        if kind is None:
            return
        self.add(Element.COPY_KIND, kind.index)
        left: list[tuple[ParaInfo, int, int]] = []
        for para in self.paras:
            if para.table != kind.table or para is kind or para.empty or is_rule_line(para.text):
                continue
            if _NUMBER.match(para.text):
                self.add(Element.NUMBER, para.index)
            elif _DATE.search(para.text):
                self.add(Element.PLACE_DATE, para.index)
            elif para.col == 0 and para.row == kind.row:
                left.extend((para, a, b) for a, b in pieces(para))
        self._authorities(left)
        closing = [p for p in self.paras if p.table == kind.table + 1]
        label = next((p for p in closing if _is_label(p)), None)
        if label is not None:
            self._distribution(label, [p for p in closing if (p.row, p.col) == (label.row, label.col)])
            self._signature([p for p in closing if p.row == label.row and p.col != label.col])

    # -- between header and closing -------------------------------------------------

    def middle(self, start: int, stop: int) -> tuple[str | None, Part | None, list[Part], list[int], set[int]]:
        """Boxes 5a, 9a and 6 between the header and the closing: (type, Kính gửi label, its lines, body, free)."""
        paras = [p for p in self.visible(start, stop) if p.index not in self.used]
        doc_type, i = None, 0
        for number, para in enumerate(paras[:3]):
            name = doctypes.canonical(para.text)
            if name and name != doctypes.CONG_VAN:
                doc_type, i = name, number + 1
                self.add(Element.DOC_TYPE, para.index)
                break
        else:
            doc_type = self._type_from_number()
        if doc_type and doc_type not in doctypes.NO_SUBJECT:
            first = i
            while i < len(paras) and i < first + 3:
                para = paras[i]
                key = fold(para.text)
                if key.startswith(("kinhgui", *_BASIS)) or key in ("quyetdinh", "quyetnghi"):
                    break
                if not (para.align == "center" or all(r.bold for r in para.visible_runs)):
                    break
                if _DIVISION.match(para.text.strip()):  # "Phần I", "Chương I" opening the body (FORMAT.md §4.2)
                    break
                if i > first and is_upper(para.text):
                    break
                if doc_type == doctypes.CONG_DIEN and para.text.rstrip().endswith(doctypes.TELEGRAM_WORD):
                    break
                self.add(Element.SUBJECT, para.index)
                i += 1
        if doc_type == doctypes.CONG_DIEN:
            i = self._telegram_head(paras, i)
        label: Part | None = None
        items: list[Part] = []
        for number in range(i, min(i + 4, len(paras))):
            if fold(paras[number].text).startswith("kinhgui"):
                label, items = self._recipients(paras[number], paras[number + 1:])
                i = number + 1 + len(items)
                break
        if doc_type in doctypes.DECIDING_WORD:
            i = self._decision_head(paras, i)
        body, free = [], set()
        heading = False
        for para in paras[i:]:
            if para.index in self.used:
                continue
            body.append(para.index)
            self.add(Element.BODY, para.index)
            text = para.text.strip()
            if para.table >= 0 or para.in_textbox or (heading and is_upper(text)) or _DIVISION.match(text):
                free.add(para.index)
            heading = bool(_DIVISION.match(text))
        return doc_type, label, items, body, free

    def _type_from_number(self) -> str | None:
        """The type a number's symbol names ("…/QĐ-UBND" → Quyết định) when the type line itself is missing."""
        number = next((p for p in self.parts if p.element is Element.NUMBER), None)
        if number is None:
            return None
        match = re.search(r"/(?:\d{4}/)?([A-Za-zĐđ]+)-", self.paras[number.index].text[number.start:number.end])
        return _TYPE_BY_CODE.get(match.group(1)) if match else None

    def _recipients(self, label: ParaInfo, rest: list[ParaInfo]) -> tuple[Part, list[Part]]:
        part = self.add(Element.RECIPIENTS, label.index)
        items: list[Part] = []
        for para in rest[:30]:
            if not (starts_with_dash(para.text) or para.bullet
                    or (para.left_indent >= rules.cm(1) and para.first_indent <= 0 and para.align != "both")):
                break
            items.append(self.add(Element.RECIPIENTS, para.index))
        return part, items

    def _telegram_head(self, paras: list[ParaInfo], i: int) -> int:
        """Công điện (Mẫu 1.6): "<AUTHORITY> điện:" and the dashed recipients under it; where the body starts."""
        if i >= len(paras) or not paras[i].text.rstrip().endswith(doctypes.TELEGRAM_WORD):
            return i
        para = paras[i]
        end = para.text.rstrip().rfind(doctypes.TELEGRAM_WORD)
        self.add(Element.DECIDING_AUTHORITY, para.index, 0, len(para.text[:end].rstrip()))
        i += 1
        while i < len(paras) and starts_with_dash(paras[i].text):
            self.add(Element.RECIPIENTS, paras[i].index)
            i += 1
        return i

    def _decision_head(self, paras: list[ParaInfo], i: int) -> int:
        """Decisions: the deciding authority, the bases, then "QUYẾT ĐỊNH:"; the index where the articles start."""
        while i < len(paras):
            para = paras[i]
            key = fold(para.text)
            if key in ("quyetdinh", "quyetnghi"):
                self.add(Element.DECISION_WORD, para.index)
                return i + 1
            if key.startswith(_BASIS):
                self.add(Element.LEGAL_BASIS, para.index)
            elif is_upper(para.text) and not any(p.element is Element.LEGAL_BASIS for p in self.parts):
                self.add(Element.DECIDING_AUTHORITY, para.index)
            else:
                break
            i += 1
        return i


def _left_column(para: ParaInfo, number: int, count: int, after_title: bool, text_width: int) -> bool:
    """Whether a header line sits in the left column (agency names): the first cell, a text box in the left half
    of the page, the text before the tabs of a tabbed line, or, in a header of plain lines, a line above the
    national title."""
    if para.table >= 0:
        return para.col == 0
    if para.in_textbox and para.frame is not None:
        return para.frame[0] + para.frame[1] / 2 < text_width / 2
    return (number == 0 and count > 1) or not after_title


def _is_label(para: ParaInfo) -> bool:
    """"Nơi nhận:" on a line of its own, or before a tab (a body sentence that starts "Nơi nhận hồ sơ" is not the
    label)."""
    lines = pieces(para, tabs=True)
    return bool(lines) and fold(para.text[lines[0][0]:lines[0][1]]) == "noinhan"


def _distribution_line(text: str) -> bool:
    """A line of Nơi nhận: "- Như trên;", "+ …", "Lưu: VT, …"."""
    return starts_with_dash(text) or fold(text).startswith("luu")


def _tabbed_closing(paras: list[ParaInfo]) -> bool:
    """Whether Nơi nhận (the first of ``paras``) shares its lines with the signature, apart by tabs: a line holds,
    after a tab, a signing form or a line in capitals ("Nơi nhận:⇥KT. CHÁNH VĂN PHÒNG", "- Như trên;⇥GIÁM ĐỐC")."""
    for para in paras[:8]:
        if para.table >= 0:
            return False
        tab = para.text.find("\t", len(para.text) - len(para.text.lstrip()))
        after = para.text[tab:].strip() if tab >= 0 else ""
        if after and (forms.SIGNING_START.match(after) or is_upper(after)):
            return True
    return False


def _placeholder(text: str) -> bool:
    """"(Chữ ký, dấu)", "(Đã ký)": what stands for the signature, not a line of box 7."""
    flat = text.strip()
    return flat.startswith("(") and flat.endswith(")") or bool(forms.SIGNED.match(flat))


def _runs_in(para: ParaInfo, start: int, stop: int):
    """The visible runs of a paragraph overlapping text[start:stop]."""
    position = 0
    for run in para.runs:
        end = position + len(run.text)
        if run.visible and end > start and position < stop:
            yield run
        position = end


def runs_of(doc: DocInfo, part: Part) -> list[tuple[int, RunInfo]]:
    """(run index, RunInfo) of the visible runs that hold part of an element."""
    para = doc.paragraphs[part.index]
    out: list[tuple[int, RunInfo]] = []
    position = 0
    for number, run in enumerate(para.runs):
        end = position + len(run.text)
        if end > part.start and position < part.end and run.text[max(0, part.start - position):part.end - position].strip():
            out.append((number, run))
        position = end
    return out


def text_of(doc: DocInfo, part: Part) -> str:
    return doc.paragraphs[part.index].text[part.start:part.end]


# -- an appendix issued as a file of its own (Phụ lục, Mẫu 2.1/2.2; FORMAT.md §3.2, §11) ----------------------
# Its first page opens with "Phụ lục" (numbered I, II … when the document has several), the appendix's title and
# "(Kèm theo … số … ngày … của …)", then its content. It has no Quốc hiệu, number, signature or Nơi nhận: the
# document it goes with has them. Such a file is recognised by these opening lines, and its parts are what the
# rules check.

# "Phụ lục", "Phụ lục I", "PHỤ LỤC 02" as fold() writes them.
_APPENDIX_HEADING = re.compile(r"^phuluc([ivxlcdm]+|\d+)?$")
_APPENDIX_NOTE = "kemtheo"  # "(Kèm theo …"
APPENDIX_TITLE_LINES = 4  # the title may wrap onto a few lines between the heading and the "Kèm theo" line

# What an appendix file must hold (a title: Phụ lục I, "phụ lục văn bản phải có tiêu đề").
APPENDIX_REQUIRED = (Element.APPENDIX, Element.APPENDIX_TITLE, Element.ANNEX_NOTE, Element.BODY)


def recognise_appendix(doc: DocInfo) -> Recognised | None:
    """The parts of an appendix file, or None when the document does not open as one."""
    finder = _Finder(doc)
    paras = finder.visible(0, len(doc.paragraphs))
    if not paras or paras[0].table >= 0 or not _APPENDIX_HEADING.match(fold(paras[0].text)):
        return None
    opening = enumerate(paras[1:APPENDIX_TITLE_LINES + 2], start=1)
    note = next((n for n, p in opening if fold(p.text).startswith(_APPENDIX_NOTE)), None)
    if note is None:
        return None
    finder.add(Element.APPENDIX, paras[0].index)
    for para in paras[1:note]:
        finder.add(Element.APPENDIX_TITLE, para.index)
    finder.add(Element.ANNEX_NOTE, paras[note].index)
    _type, _label, _items, body, free = finder.middle(paras[note].index + 1, len(doc.paragraphs))
    parts = tuple(sorted(finder.parts, key=lambda p: (p.index, p.start)))
    return Recognised(parts, None, None, (), None, (), tuple(body), frozenset(free), appendix=True)


def recognise(doc: DocInfo) -> Recognised:
    """The parts of a letter, or of an appendix in a file of its own."""
    appendix = recognise_appendix(doc)
    if appendix is not None:
        return appendix
    finder = _Finder(doc)
    header_end = finder.header()
    closing_start, dist_label, dist = finder.closing(header_end)
    doc_type, label, recipients, body, free = finder.middle(header_end, closing_start)
    if closing_start < len(doc.paragraphs) and doc.paragraphs[closing_start].table >= 0:
        finder.copy_block(doc.paragraphs[closing_start].table)
    parts = tuple(sorted(finder.parts, key=lambda p: (p.index, p.start)))
    return Recognised(parts, doc_type, label, tuple(recipients), dist_label, tuple(dist), tuple(body), frozenset(free),
                      name_marks=tuple(finder.name_marks), e_signature=tuple(finder.e_signature))
