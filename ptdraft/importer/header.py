"""The head of an imported letter: issuing body, number and symbol, place and date, type and subject.

A PDF's two-column header comes out as one column after the other (or, from
``pdftotext -layout``, side by side on one line, which is split here). Each line is
recognised by what it says, not by where it stands: the national title and motto,
"Số: …/…", "<place>, ngày … tháng … năm …", "V/v …", a stamp (KHẨN, MẬT…), the type
name in capitals ("QUYẾT ĐỊNH") with the subject under it, and the issuing body's
lines in capitals. The header ends at the first line that is none of these.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field

from ptdraft.reference import admin_units, doctypes, forms
from ptdraft.importer.lines import Line, fold, full_width
from ptdraft.vietnamese.names import is_personal_name

_NATIONAL_TITLE = forms.NATIONAL_TITLE_LINE
_MOTTO = forms.MOTTO_LINE
_NUMBER = forms.NUMBER_LINE
_PLACE_DATE = forms.PLACE_DATE
# A symbol as Điều 8 and Phụ lục I write it: groups of capitals, digits and "Đ" joined by "-", "/" or "." (the
# drafter's lower-case letters allowed, as in "TTr-UBND"); a line with a space in it is not a number line.
_SYMBOL_FORM = re.compile(r"^[0-9A-Za-zĐđ&]+(?:[-/.][0-9A-Za-zĐđ&]+)*$")
_VV = forms.SUBJECT_LINE
_URGENCY = {"KHẨN": "KHẨN", "THƯỢNG KHẨN": "THƯỢNG KHẨN", "HỎA TỐC": "HỎA TỐC", "HOẢ TỐC": "HỎA TỐC"}
_SECRECY = {"MẬT": "MẬT", "TỐI MẬT": "TỐI MẬT", "TUYỆT MẬT": "TUYỆT MẬT"}
_RECIPIENTS = forms.RECIPIENTS
_BODY_START = re.compile(r"^(?:Căn cứ|Theo đề nghị|Xét đề nghị|Điều\s+\d|[IVXLC]+\.\s|\d{1,3}\.\s|[-+•]\s)")
# A line of the issuing body that opens a new body rather than continuing the one above.
_BODY_WORDS = re.compile(
    r"^(?:SỞ|VĂN PHÒNG|BAN|PHÒNG|CỤC|CHI CỤC|TỔNG CỤC|VỤ|TRUNG TÂM|THANH TRA|BỆNH VIỆN|TRƯỜNG|VIỆN|"
    r"HỘI ĐỒNG|ỦY BAN|UỶ BAN|UBND|ĐÀI|KHO BẠC|BẢO HIỂM|CÔNG AN|BỘ CHỈ HUY|TỔ|ĐỘI|HẠT|TRẠM|CHI NHÁNH|CÔNG TY|BỘ TƯ LỆNH|BỘ TỔNG THAM MƯU"
    # A Party committee under its "ĐẢNG BỘ TỈNH …" (a Party letter's header: "TỈNH ỦY", "HUYỆN ỦY PHÙ CÁT")
    r"|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)|CHI BỘ|ĐẢNG ĐOÀN|BAN CÁN SỰ)\b"
)


@dataclass
class Header:
    """What the header says. ``lines`` counts the header's lines; ``notes`` says what was dropped and why."""

    parent_authority: list[str] = field(default_factory=list)
    authority: list[str] = field(default_factory=list)
    number: int | None = None
    symbol: str = ""
    place: str = ""
    date: _dt.date | None = None
    date_month: int | None = None  # with the day left blank: the month and year written ("ngày … tháng 11 năm 2023")
    date_year: int | None = None
    date_text: str = ""
    doc_type: str = ""
    subject: list[str] = field(default_factory=list)
    vv: bool = False  # the subject came from a "V/v" line (công văn)
    deciding_authority: list[str] = field(default_factory=list)
    title_issuer: str = ""  # an older title's "CỦA ỦY BAN NHÂN DÂN TỈNH" after the type's name
    urgency: str = ""
    secrecy: str = ""
    national_title: bool = False
    party_title: bool = False  # "ĐẢNG CỘNG SẢN VIỆT NAM" in the national title's place: a Party letter
    lines: int = 0
    notes: list[str] = field(default_factory=list)
    kept: list[Line] = field(default_factory=list)  # header lines that failed their check: they open the body

    @property
    def telegram(self) -> bool:
        """A công điện whose "<sender> điện:" line was read: its recipients follow as dash lines."""
        return self.doc_type == doctypes.CONG_DIEN and bool(self.deciding_authority)


def upper_line(text: str) -> bool:
    """Whether every letter of ``text`` is a capital (and there are at least two)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _is_known(text: str) -> bool:
    return bool(
        _NATIONAL_TITLE.match(text) or _MOTTO.match(text) or _NUMBER.match(text) or _PLACE_DATE.match(text)
        or text.upper() in _URGENCY or text.upper() in _SECRECY
    )


def split_columns(lines: list[Line]) -> list[Line]:
    """Header lines that hold both columns side by side ("ỦY BAN NHÂN DÂN      CỘNG HÒA …") split in two."""
    out: list[Line] = []
    for line in lines:
        pieces = line.columns
        if len(pieces) > 1 and any(_is_known(piece) for piece in pieces[1:]):
            for index, piece in enumerate(pieces):
                out.append(Line(piece, line.indent, line.number, line.blank_before and index == 0))
        else:
            out.append(line)
    return out


_RULE_LINE = forms.RULE_LINE  # one typed rule, or the two columns' rules side by side on one line
_GLUED_ONE = r"(?:[-–—_=*~]{3,}|[-–—_=*~]+\s*o\s*0\s*o\s*[-–—_=*~]*)"  # "-------", "---o0o---" glued to a line
_GLUED_RULE = re.compile(rf"(?:\s*{_GLUED_ONE}\s*)+$|^(?:\s*{_GLUED_ONE}\s*)+")
_CELL_SEPARATOR = re.compile(r"\s*\|\s*")  # the " | " a website copy joins a table's cells with
_TITLE_INSIDE = forms.NATIONAL_TITLE_IN
_PARTY_TITLE_INSIDE = re.compile(forms.PARTY_TITLE)  # a Party letter's title, in capitals
_MOTTO_INSIDE = forms.MOTTO_IN
# The national title's head or its end at the end of a line of the left column: "CỘNG HÒA XÃ HỘI", "… CHỦ NGHĨA"
# (wrapped where its cell or a tab stop ends), "CHỦ NGHĨA VIỆT NAM".
_TITLE_HALF_AT_END = re.compile(
    rf"\s(?:{forms.TITLE_HEAD}(?:\s+CHỦ(?:\s+NGHĨA(?:\s+VIỆT)?)?)?|{forms.TITLE_TAIL})$")
_NUMBER_THEN_VV = re.compile(rf"^({forms.NUMBER_WORD}\s*:?\s*\d*\s*/\s*\S+)\s+({forms.SUBJECT_WORD}\b.*)$")
_VV_THEN_DATE = re.compile(rf"^(?P<vv>{forms.SUBJECT_WORD}\b.*?)\s*,\s*(?P<date>ngày\b.*(?:năm\s*|[/.-])\d{{4}})$")
_PLACE_SMALL = {"phố", "xã", "thị", "trấn"}  # "Thành phố Hồ Chí Minh", "Thị xã …"
_PLACE_PREFIX = {"TP.", "Tp.", "TX.", "Tx.", "TT.", "TP", "Tp"}  # "TP. Hồ Chí Minh", "Tp Hồ Chí Minh"


# An abbreviated kind glued onto the name ("TP.Hồ Chí Minh", "Tp.Vinh", "TX.Sơn Tây"), as a typist or a site writes it.
_GLUED_KIND = re.compile(r"^(?:TP|Tp|TX|Tx|TT)\.(?=[^\W\d_])")


def _place_word(word: str) -> bool:
    word = _GLUED_KIND.sub("", word)
    parts = word.split("-")  # "Rang-Tháp"
    return word in _PLACE_SMALL or word in _PLACE_PREFIX or all(len(p) > 1 and p[0].isupper() and p[1:].islower() for p in parts)


_PLACE_KINDS = {"Thành", "phố", "Thị", "xã", "trấn", "TP.", "Tp.", "TX.", "Xã", "Phường", "Huyện", "Quận", "Tỉnh"}


def _place_start(words: list[str]) -> int:
    """Where the place begins in words that run on into a place-date ("… Dự án Cầu Vàm Cống Hà Nội"): the longest run
    of capitalised words at the end (six at most), cut to the longest name of a unit of the reference data it ends in
    ("Hà Nội", with a "Thành phố" before it) when it ends in one."""
    start = len(words)
    while start > 1 and len(words) - start < 6 and (_place_word(words[start - 1]) or words[start - 1] in "-–" and start > 2
                                                    and _place_word(words[start - 2])):  # "Bà Rịa - Vũng Tàu"
        start -= 1
    provinces, communes = admin_units.unit_names()
    known = next((i for i in range(start, len(words))
                  if " ".join([_GLUED_KIND.sub("", words[i]), *words[i + 1:]]) in provinces | communes), None)
    # The whole run a name, or one word before a one-word name ("Hải Ba", not "Ba"): the run is the place; a name of
    # two words or more is one ("Lào Hà Nội": "Hà Nội").
    if known is not None and known > start and (known - start >= 2 or len(words) - known >= 2):
        while known > start and words[known - 1] in _PLACE_KINDS | _PLACE_PREFIX:
            known -= 1
        start = known
    # A place-date's place opens with a capital ("Thành phố Hồ Chí Minh", "Xã Tân Phú" are written so): a kind
    # in small letters before the name ("… trên địa bàn xã Tân Phú, ngày …") is the subject's word.
    while start < len(words) - 1 and words[start] in _PLACE_SMALL:
        start += 1
    return start


def _vv_then_date(text: str) -> list[str]:
    """A V/v line with the place-date merged onto its end, cut where the place begins: the place is the longest run
    of words with a capital and small letters ("Hà Nội", "Thành phố Hồ Chí Minh") before the comma, so a subject's
    last capitals ("C/O mẫu E") stay with the subject."""
    match = _VV_THEN_DATE.match(text)
    if not match:
        return []
    words = match.group("vv").split()
    start = _place_start(words)
    if start == len(words) or start < 2:
        return []
    return [" ".join(words[:start]), f"{' '.join(words[start:])}, {match.group('date')}"]
_NUMBER_THEN_DATE = re.compile(
    rf"^(?P<number>{forms.NUMBER_WORD}\s*:?\s*\d*\s*/\s*\S+)\s+(?P<date>[^,]{{1,60}}?\s*,\s*ngày\b.*(?:năm\s*|[/.-])\d{{4}}\.?)\s*$"
)


def _as_printed(form: str) -> bool:
    """The national title as a header prints it (in capitals), or the motto (each word capitalised)."""
    if form.upper().startswith("CỘNG"):
        return form.isupper()
    words = re.findall(r"\w+", form)  # Độc lập - Tự do - Hạnh phúc
    return len(words) >= 5 and all(words[i][:1].isupper() for i in (0, 2, 4))


def _pieces_by_known_forms(text: str) -> list[str]:
    """A line holding both header columns merged ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …", "TỈNH X Độc lập - …",
    "Số: 12/UBND-VP Hà Nội, ngày …") cut before the national title, the motto and the place-date."""
    for pattern in (_TITLE_INSIDE, _MOTTO_INSIDE):
        match = pattern.search(text)
        if match and not _as_printed(match.group(0)):
            match = None  # "… của nước Cộng hòa xã hội chủ nghĩa Việt Nam …": a sentence naming the state
        if match and match.start() > 0 and text[:match.start()].strip():
            head, tail = text[:match.start()].strip(), text[match.start():].strip()
            return _pieces_by_known_forms(head) + _pieces_by_known_forms(tail)
        if match and match.end() < len(text) and text[match.end():].strip() and match.start() == 0:
            if not text[match.end():].strip(" .,;!"):
                return [text[:match.end()].strip()]  # a typist's full stop after the motto
            return [text[:match.end()].strip()] + _pieces_by_known_forms(text[match.end():].strip())
    match = _NUMBER_THEN_DATE.match(text)
    if match:
        return [match.group("number"), match.group("date")]
    match = _NUMBER_THEN_VV.match(text)
    if match:  # "Số: 126/TCHQ-GSQL V/v xử lý …"
        return [match.group(1), match.group(2)]
    split = _vv_then_date(text)
    if split:  # "V/v xử lý C/O mẫu E Hà Nội, ngày 08 tháng 01 năm 2009"
        return split
    # The national title wrapped in its cell, each half merged with a line of the left column:
    # "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI" / "HUYỆN AN PHÚ CHỦ NGHĨA VIỆT NAM".
    match = None if _TITLE_INSIDE.search(text) else _TITLE_HALF_AT_END.search(text)
    if match and match.start() > 0 and upper_line(text[:match.start()].strip()):
        return [text[:match.start()].strip(), match.group(0).strip()]
    match = _NUMBER_THEN_REST.match(text) or _DATE_THEN_REST.match(text)
    if match and _SYMBOL_FORM.match(_symbol(match.group("symbol") or "X")) and _header_piece(match.group("rest")):
        # A text whose lines were run together (a PDF's text, a copy on one line): "Số: 07/KH-UBND Lạng Sơn, …",
        # "…, ngày 13 tháng 01 năm 2020 KẾ HOẠCH …"
        return _pieces_by_known_forms(match.group("form")) + _pieces_by_known_forms(match.group("rest"))
    return _type_then_rest(text)


_NUMBER_THEN_REST = re.compile(
    rf"^(?P<form>{forms.NUMBER_WORD}\s*:?\s*[\d.…_]*\s*/\s*(?P<symbol>[^\s,;]+))\s+(?P<rest>[^\s./–-].*)$")
_DATE_THEN_REST = re.compile(
    r"^(?P<form>(?=[^,]*[^\W\d_])[^,:]{1,60}?,\s*ngày\s*(?:\d{1,2}|[.…_]+)\s*tháng\s*(?:\d{1,2}|[.…_]+)\s*năm\s*\d{4})"
    r"(?P<symbol>)\s+(?P<rest>\S.*)$", re.I)
_SUBJECT_END = re.compile(r"\s(?=(?:Căn cứ|Thực hiện|Theo đề nghị|Theo|Xét|Kính gửi|Nhằm|Để|Vào hồi"
                          r"|(?:Sáng|Chiều|Tối|Trưa)?\s*[Nn]gày\s+\d+)\b)")
# The words "BỘ" makes a word with, after them ("TIẾN BỘ", "CÁN BỘ", "ĐỒNG BỘ"): no ministry's name opens there.
_BO_COMPOUNDS = {"TIẾN", "CÁN", "ĐỒNG", "TOÀN", "SƠ", "NỘI", "CỤC", "ĐẢNG"}
_OF_WORDS = {"CỦA", "VÀ", "VỚI", "CHO", "THUỘC", "TRỰC", "TẠI", "GIỮA", "VỀ", "CÁC", "TRONG", "TƯỚNG", "TỊCH", "TRƯỞNG"}


def _header_piece(text: str) -> bool:
    """Whether ``text`` opens with a form of the header (what may follow the number or the date on a run-together
    line): the national title, the motto, a place-date, a V/v, a type's name or the issuing body in capitals."""
    first = _pieces_by_known_forms(text)[0]
    return _is_known(first) or bool(_VV.match(first)) or upper_line(first.split(" ")[0]) and len(first.split()) > 1


def _type_then_rest(text: str, run: bool = False) -> list[str]:
    """A type's name in capitals with its subject and more run on after it on one line ("KẾ HOẠCH TRIỂN KHAI … NĂM
    2020 Thực hiện Chỉ thị …", "QUYẾT ĐỊNH Về việc … CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ …"): the name, the
    subject (its capitals, or its small letters up to a line that opens the body or a name in capitals) and the
    rest, each a line."""
    words = text.split()
    for count in range(min(4, len(words) - 1), 0, -1):
        head = " ".join(words[:count])
        if upper_line(head) and doctypes.canonical(head) and not words[count].startswith(":"):
            break
    else:
        return [text]
    rest = words[count:]
    if not run and not any(ch.islower() for ch in " ".join(rest)):
        return [text]  # capitals only: a subject that opens with a type's name ("QUY ĐỊNH LẬP DỰ TOÁN …"), not a run
    if _capitals(rest[0]):
        end = next((i for i, word in enumerate(rest) if any(ch.islower() for ch in word)), len(rest))
        subject, after = rest[:end], rest[end:]
        # The deciding authority's capitals after a decision's subject ("… TỈNH X CHỦ TỊCH ỦY BAN …"), the longest
        # that opens with a body or a head's title (not one the subject names: "CỦA THỦ TƯỚNG CHÍNH PHỦ")
        cut = None
        if doctypes.canonical(head) in doctypes.DECIDING_WORD:
            cut = next((i for i in range(max(3, len(subject) - 20), len(subject) - 1)
                        if _DECIDER.match(" ".join(subject[i:])) and subject[i - 1] not in _OF_WORDS
                        and not (subject[i] == "BỘ" and subject[i - 1] in _BO_COMPOUNDS)
                        and not subject[i - 1].endswith(",")), None)  # "… SỞ, BAN, NGÀNH, ỦY BAN …": the subject's list
        pieces = [" ".join(subject[:cut]), " ".join(subject[cut:])] if cut else [" ".join(subject)]
        return [head, *pieces, *([" ".join(after)] if after else [])]
    # A subject in small letters ends where the body opens or a name in capitals (the deciding authority) begins.
    tail = " ".join(rest)
    match = _SUBJECT_END.search(tail)
    end = len(tail.split()) if match is None else len(tail[:match.start()].split())
    names = next((i for i in range(1, len(rest) - 1) if _capitals(rest[i]) and _capitals(rest[i + 1])), len(rest))
    if min(end, names) >= len(rest):
        return [head, tail]
    if names < end:
        stop = next((i for i in range(names, len(rest)) if not _capitals(rest[i])), len(rest))
        return [head, " ".join(rest[:names]), " ".join(rest[names:stop]),
                *([" ".join(rest[stop:])] if stop < len(rest) else [])]
    return [head, " ".join(rest[:end]), " ".join(rest[end:])]


def _capitals(word: str) -> bool:
    """A word in capitals ("UBND", "NGUYỄN", :func:`upper_line`), or one capital letter ("Ý")."""
    return upper_line(word) or (len(word) == 1 and word.isupper())


# What a website or a converter puts before the header: the post's date and title, a site name, a download box, a
# page marker glued to the first line ("Trang 1UBND TỈNH …"), Word's names of the drawn rules ("straight connector
# 2Số: …"). The header starts at the capital lines just above its first known form.
# The header's forms; a date's mark needs a place with a letter before it ("11:51, Ngày 21/10/2017" is a post time).
_HEADER_MARK = re.compile(
    rf"{forms.TITLE_HEAD}|{forms.MOTTO_HEAD}|^{forms.PARTY_TITLE}\s*[.,;]?$"
    rf"|(?-i:^{forms.NUMBER_WORD}\s*:?|[^\W\d_a-zà-ỹđ]\s{forms.NUMBER_WORD}\s*:)\s*{forms.NUMBER_FIGURES}\s*/\s*\S"
    r"|^(?=[^,]*[^\W\d_])[^,]*,\s*ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+|\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)\d{4}\s*$", re.I)
_PAGE_MARK = re.compile(r"^(?:Trang|Page)\s*\d{1,3}(?=[^\W\d_])")
_SHAPE_NAME = re.compile(
    r"^(?:straight\s+(?:arrow\s+)?connector|line|rectangle|text\s+box|autoshape|group)\s*\d+(?=[^\W\d_])", re.I)
_NUMBER_ALONE = re.compile(rf"{forms.NUMBER_WORD}\s*:?\s*\d*")  # "Số:" whose "/SYMBOL" a PDF's text put further down
HEADER_SEARCH = 25  # lines: chrome above the header is never longer


def strip_residue(lines: list[Line], notes: list[str]) -> list[Line]:
    """``lines`` with a page marker or a drawing's name glued to the front of a line cut off (with a note)."""
    out = []
    for index, line in enumerate(lines):
        text = line.text
        for pattern, what in ((_PAGE_MARK, "số trang"), (_SHAPE_NAME, "tên hình vẽ của Word")):
            match = pattern.match(text)
            if match:
                notes.append(f"bỏ {what} “{match.group(0).strip()}” dính ở đầu dòng {line.number}")
                text = text[match.end():]
        bullet = _LIST_BULLET.match(text)
        if bullet and index < HEADER_SEARCH and upper_line(text[bullet.end():]):
            # hieuluat.vn prints the letter as an item of its page's list: "• BỘ GIÁO DỤC VÀ ĐÀO TẠO"
            notes.append(f"bỏ dấu “•” của trang web trước dòng {line.number}")
            text = text[bullet.end():]
        out.append(line if text == line.text else dataclasses.replace(line, text=text, raw=text))
    return out


_LIST_BULLET = re.compile(r"^[•·▪●]\s+")


# Where a text whose lines were run together (a PDF viewer's copy, a page's text on one line) is cut back into lines:
# at a typed rule, before the national title and the motto and after it, before "Số: N/…", "Kính gửi", "Nơi nhận"
# and a signing form, and after a place-date.
_RUN_CUTS = (  # (where, what it becomes, how many times: 0 all)
    (re.compile(r"\s*(?:[-–—_=*~]{3,}|[-–—_=*~]+\s*o\s*0\s*o\s*[-–—_=*~]*)\s*"), "\n", 0),
    (re.compile(rf"\s*({forms.TITLE})\s*"), "\n\\1\n", 1),
    (re.compile(rf"\s*({forms.MOTTO})\s*"), "\n\\1\n", 1),
    (re.compile(rf"\s+(?={forms.NUMBER_WORD}\s*:\s*[\d.…_]*\s*/\s*[^\W\d_])"), "\n", 0),
    (re.compile(rf"\s+(?={forms.RECIPIENTS_WORD}\s*:|{forms.DISTRIBUTION_WORD}\s*:)"), "\n", 0),
    (re.compile(rf"(?<!,)\s+(?={forms.SIGNING_FORM_AHEAD})"), "\n", 0),  # not a Lưu entry's code: "VT, KT. …"
    (re.compile(r"\s+(?=(?:Căn\s+cứ|Thực\s+hiện|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị)\s)"), "\n", 0),
    (re.compile(r"(?<=[;:])\s+(?=[-–+•]\s)"), "\n", 0),  # "…: - Như trên; - Lưu: VT.": a list's entries
    (re.compile(r"\s+(?=[-–]\s+Lưu\b)"), "\n", 0),  # "… Cổng TTĐT - Lưu: VT": the entry's ";" left out
    (re.compile(r"\s+(?=[A-Za-z]:?\\\w)"), "\n", 0),  # a file path glued on ("… NCTH.HH d:\2011\CV\…")
    (re.compile(r"\s+(?=(?-i:V\s*/\s*[vV])\b)"), "\n", 1),  # a công văn's "V/v" after its number
    (re.compile(r"\s+(?=Điều\s+\d{1,3}\.\s)"), "\n", 0),  # articles
    (re.compile(r"(,\s*ngày\s*(?:\d{1,2}|[.…_]+)?\s*(?:tháng\s*(?:\d{1,2}|[.…_]+)?\s*năm\s*\d{4}\.?\s+|(?<=\d)\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\.?\s+"
                r"(?=[^\W\d_])))"), "\\1\n", 0),  # "…, ngày 05 tháng 3 năm 2019", "…, ngày 5/3/2019" (not "… - 08:30")
)
# A Party letter's header run together: its title, and its first "Số 45-CV/TU" (the type code after the figures,
# with or without a colon; "NGHỊ QUYẾT SỐ 15-NQ/TW" in a state letter's subject is no number line).
_PARTY_CUTS = (
    (re.compile(rf"\s*({forms.PARTY_TITLE})\s*"), "\n\\1\n", 1),
    (re.compile(rf"\s+(?={forms.NUMBER_WORD}\s*:?\s*\d+-[A-ZĐ][A-Za-zĐđ]*\s*/\s*[^\W\d_])"), "\n", 1),
)
RUN_TOGETHER = 400  # characters: a line of the header is never so long
# Word's name of a drawn rule glued to the text after it inside a run-together line ("… HỒ CHÍ MINH straight connector
# 2Số: 1551 /UBND-VX"): the names of its connectors only, which no letter's text holds.
_SHAPE_NAME_INSIDE = re.compile(r"\s*\bstraight\s+(?:arrow\s+)?connector\s*\d+(?=[^\W\d_])\s*", re.I)
# A numbered item or a lettered point run on after a sentence ("… 11 giờ 00. 2. Địa điểm: …", "…; b) Thời gian …"):
# cut before it when what follows the number opens with a capital (a point: any letter), after a sentence's end.
_ITEM_AT = re.compile(r"(?<=[.:;])\s+(?=(?P<mark>(?:\d{1,2}|[IVX]{1,4})\.|[a-zđ]\))\s+(?P<next>\w))")


def _item_cut(match: re.Match) -> str:
    upper = match["next"][:1].isupper()
    return "\n" if upper or match["mark"].endswith(")") else match.group(0)


def split_run_together(lines: list[Line], notes: list[str], force: bool = False) -> list[Line]:
    """A long first line holding the header's forms run together with what follows, cut back into lines (with a
    note); the place before a date and an authority's capitals before the national title get lines of their
    own."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        text = line.text
        if index >= HEADER_SEARCH or (len(text) < RUN_TOGETHER and not (force and index == 0)) \
                or not (_TITLE_INSIDE.search(text) or _MOTTO_INSIDE.search(text) or _PARTY_TITLE_INSIDE.search(text)):
            out.append(line)
            continue
        for shape in _SHAPE_NAME_INSIDE.finditer(text):
            notes.append(f"bỏ tên hình vẽ của Word “{shape.group(0).strip()}” dính vào chữ ở dòng {line.number}")
        text = _SHAPE_NAME_INSIDE.sub("\n", text)
        for cut, by, count in _RUN_CUTS + (_PARTY_CUTS if _PARTY_TITLE_INSIDE.search(text) else ()):
            text = cut.sub(by, text, count=count)
        text = _ITEM_AT.sub(_item_cut, text)
        pieces = [piece.strip(" |") for piece in text.split("\n") if any(ch.isalnum() for ch in piece)]
        pieces = [part for piece in pieces for part in _capitals_tail_before_title(piece, pieces)]
        pieces = [part for piece in pieces for part in (_vv_then_date(piece) or _place_before_date(piece))]
        pieces = _subject_word_joined([part for piece in pieces for part in _number_then_text(piece)])
        pieces = [part for piece in pieces for part in (_vv_then_date(piece) or [piece])]
        pieces = [part for piece in pieces for part in _type_then_rest(piece, run=True)]
        pieces = _recipient_entries_apart(pieces)
        pieces = [part for piece, closing in _closing_apart(pieces) for part in _signature_then_name(piece, closing)]
        if not force:
            notes.append(f"dòng {line.number} dài {len(line.text)} ký tự gồm nhiều phần của văn bản viết liền: tách "
                         f"lại thành {len(pieces)} dòng")
        out.extend(Line(piece, 0, line.number, line.blank_before and n == 0) for n, piece in enumerate(pieces))
    return out


def _subject_word_joined(pieces: list[str]) -> list[str]:
    """A "V/v:" left alone by a cut before its summary's first words ("V/v: Thực hiện quy định …", whose "Thực hiện"
    opens a body elsewhere) put back before them."""
    out: list[str] = []
    for piece in pieces:
        if out and (bare := _VV.match(out[-1])) and not bare["rest"].strip(" :"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _recipient_entries_apart(pieces: list[str]) -> list[str]:
    """The Kính gửi line and the dash entries under it, each cut at the full stop that ends the list (the body
    runs on after it)."""
    out: list[str] = []
    listing = False
    for piece in pieces:
        if _RECIPIENTS.match(piece):
            listing = True
        elif not re.match(r"^[-–+•]\s", piece):
            listing = False
        parts = _recipients_then_body(piece, listing)
        if len(parts) > 1:
            listing = False
        out.extend(parts)
    return out


def _recipients_then_body(piece: str, after_recipients: bool = False) -> list[str]:
    """"Kính gửi: Ủy ban nhân dân các tỉnh. Theo quy định …" (or the last "- …" entry under "Kính gửi:"): the
    recipient's line ends at its full stop (after a word, not an abbreviation's "TP."), or, with none, where the body's
    usual opening words start (forms.BODY_OPENING)."""
    if not (_RECIPIENTS.match(piece) or after_recipients and re.match(r"^[-–+•]\s", piece)):
        return [piece]
    match = re.search(r"(?<=\w\w)(?<![A-ZĐ]{2})\.\s+(?=\S)", piece)
    if match:
        return [piece[:match.start() + 1], piece[match.end():]]
    # The last entry left without its full stop: the body starts at its usual opening words ("… Trung ương Ngày
    # 10/7/2008, …", "… Tổng cục Hải quan Trả lời công văn …"), two words or more into the entry
    label = _RECIPIENTS.match(piece)
    opening = forms.BODY_OPENING.search(piece, label.end() if label else 2)
    if opening and len(piece[:opening.start()].split()) >= 3:
        return [piece[:opening.start()], piece[opening.end():]]
    return [piece]


# A signer's title in capitals where no signing form opens the signature: after a Lưu entry run on without its full
# stop ("- Lưu VT, KGVX (3) BỘ TRƯỞNG, CHỦ NHIỆM …"), after the body's last sentence ("… Nhà nước. THỦ TƯỚNG …").
_SIGNER_TITLE = (r"(?:BỘ\s+TRƯỞNG|CHỦ\s+TỊCH|(?:TỔNG\s+)?GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+(?:PHÒNG|BAN)|PHÓ\s"
                 r"|THỨ\s+TRƯỞNG|THỦ\s+TƯỚNG|BÍ\s+THƯ|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG"
                 r"|CHỦ\s+NHIỆM|(?:TM|KT|TL|TUQ)\.)")
_TITLE_AT = re.compile(rf"{_SIGNER_TITLE}|{forms.SIGNING_FORM_AHEAD}")
_DASH = ("-", "–", "+", "•")


def _glued_name_apart(text: str) -> str:
    """A title in capitals and the name glued on ("PHÓ CHỦ TỊCHNguyễn Thị Thu") one space apart."""
    words = []
    for word in text.split():
        cut = next((i for i in range(2, len(word) - 1) if word[i - 2:i + 1].isupper() and word[i - 2:i + 1].isalpha()
                    and word[i + 1].islower()), 0)
        words.extend([word[:cut], word[cut:]] if cut else [word])
    return " ".join(words)


def _capital_word(word: str) -> bool:
    """A word of a line in capitals: its letters all capitals ("Q.", "CHỦ"), or none ("–", "(3)")."""
    letters = [ch for ch in word if ch.isalpha()]
    return word.upper() == word and (len(letters) != 1 or word.endswith("."))  # not a name's "Y", "H'"


def _name_as_written(text: str) -> bool:
    """Whether ``text`` is a person's name, a mark typed after it ("Nguyễn Văn An./.") aside: the piece keeps the
    mark for the signature reader to take off, with its note."""
    return is_personal_name(re.sub(r"[.;,]+(?:/\.)?$", "", text))


def _capitals_then_name(text: str) -> list[str]:
    """A signature's capitals, its "(Đã ký)" residue and the signer's name at the start of ``text``, each a piece, and
    what runs on after the name; [] when ``text`` opens with no such block (the name must read as a person's)."""
    words = _glued_name_apart(text).split()
    end = next((i for i, word in enumerate(words) if not _capital_word(word)), len(words))
    while end > 0 and words[end - 1] in _DASH:
        end -= 1  # "KT. CHỦ TỊCH - Như trên;": the dash opens a Nơi nhận entry, not a part of the title
    capitals, rest = words[:end], words[end:]
    marks: list[str] = []
    for size in range(min(6, len(capitals)), 1, -1):  # "… PHÓ CHỦ TỊCH (ĐÃ KÝ)": the residue in capitals
        if forms.SIGNED.match(" ".join(capitals[-size:])):
            marks, capitals = [" ".join(capitals[-size:])], capitals[:-size]
            break
    for size in range(min(6, len(rest)), 1, -1):
        if forms.SIGNED.match(" ".join(rest[:size])):
            marks, rest = [*marks, " ".join(rest[:size])], rest[size:]
            break
    size = next((n for n in range(min(6, len(rest)), 1, -1) if _name_as_written(" ".join(rest[:n]))), 0)
    if size > 2 and size < len(rest) and rest[size][:1].islower():
        size -= 1  # "Nguyễn Hữu Vũ Đánh giá bài viết": the last capital opens a sentence of the page, not the name
    if not capitals or not upper_line(" ".join(capitals)) or not size:
        return []
    name, after = " ".join(rest[:size]), " ".join(rest[size:])
    if not marks and len(capitals) > 1 and capitals[-1].endswith(".") and len(capitals[-1]) <= 6 \
            and is_personal_name(f"{capitals[-1]} {name}"):
        name, capitals = f"{capitals[-1]} {name}", capitals[:-1]  # "… PHÓ GIÁM ĐỐC TS. Nguyễn Văn An": the degree's
    return [" ".join(capitals), *marks, name, *([after] if after else [])]


# The words of a signer's title, in capitals (a title in small letters is tested in capitals).
TITLE_WORDS = re.compile(r"\b(?:TRƯỞNG|PHÓ|CHỦ|GIÁM|THỦ|BỘ|CHÁNH|TỊCH|ĐỐC|VIÊN|KÝ|THƯ|TƯỚNG|NHIỆM|QUYỀN)\b")


def title_in_small_letters(text: str) -> bool:
    """Whether ``text`` is a signer's title typed with small letters ("Phó Thủ tướng", "Thứ trưởng"), not a name."""
    words = text.split()
    return 1 <= len(words) <= 8 and bool(TITLE_WORDS.search(text.upper())) and not is_personal_name(text) \
        and text[:1].isupper() and not any(ch in text for ch in ",:;()")


def _small_titles_then_name(piece: str) -> list[str]:
    """"KT. Bộ trưởng Thứ trưởng Nguyễn Văn An" (an older letter's or a law site's titles in small letters): the form's
    line, the deputy's title ("Phó …", "Thứ …") and the name that ends the piece, each a piece; [] when the piece
    does not end in a person's name after a title."""
    words = piece.split()
    for start in range(2, len(words) - 1):
        name = " ".join(words[start:])
        if len(words) - start <= 5 and is_personal_name(name):
            title = words[:start]
            deputy = next((i for i in range(2, len(title)) if title[i] in ("Phó", "Thứ")), len(title))
            lines = [" ".join(title[:deputy]), *([" ".join(title[deputy:])] if deputy < len(title) else [])]
            if title_in_small_letters(lines[0].split(maxsplit=1)[-1]) and all(map(title_in_small_letters, lines[1:])):
                return [*lines, name]
            return []
    return []


def _capitals_apart(piece: str) -> list[str]:
    """A signing form's capitals with no person's name after them: the capitals, and what follows them a line of its
    own (the signature reader keeps it in the text, with a note)."""
    words = piece.split()
    end = next((i for i, word in enumerate(words) if not _capital_word(word)), len(words))
    if end < 2 or end == len(words) or not upper_line(" ".join(words[:end])):
        return [piece]
    return [" ".join(words[:end]), " ".join(words[end:])]


def _signature_then_name(piece: str, closing: bool = False) -> list[str]:
    """"KT. BỘ TRƯỞNG THỨ TRƯỞNG Hà Công Tuấn" (or a Lưu entry with the signature run on after it: "- Lưu: VT, QHQT(2).
    BỘ TRƯỞNG CHỦ NHIỆM Nguyễn Xuân Phúc"; the body's last sentence with it: "… Nhà nước. THỦ TƯỚNG Nguyễn Tấn
    Dũng"): the signing form and titles in capitals, then the signer's name, each a line (the signature reader takes
    the form's and the signer's titles apart), what runs on after the name a line of its own. A block whose name is
    no person's name is not cut: it stays as it was. In the closing (after "Nơi nhận"), a piece may open with the
    block and a site's lines may follow the name."""
    if forms.SIGNING_FORM.match(piece):
        return _capitals_then_name(piece) or _small_titles_then_name(piece) or _capitals_apart(piece)
    cut = _small_title_ahead(piece.split()) if closing else 0
    if cut:  # "Giám đốc Nguyễn Văn An" under the Nơi nhận entries: the title in small letters, then the name
        return [" ".join(piece.split()[:cut]), " ".join(piece.split()[cut:])]
    lead = bool(re.match(r"^[-–+•]\s*Lưu\b", piece)) or bool(_FILE_PATH.match(piece))
    for title in _TITLE_AT.finditer(piece):
        at = title.start()
        before = piece[:at].rstrip()
        if at == 0 and not closing:
            continue
        if at and (not piece[at - 1].isspace() or before.endswith(",")
                   or not (lead or before.endswith((".", "!", "?", ";")))):
            continue
        found = _capitals_then_name(piece[at:])
        # After a sentence, the block ends the text: "… CHỦ TỊCH Nguyễn Văn A đã chỉ đạo …" is a sentence.
        if found and (lead or closing or forms.SIGNING_FORM.match(found[0]) or is_personal_name(found[-1])):
            return [*([before] if before else []), *found]
    return [piece]


_FILE_PATH = re.compile(r"^[A-Za-z]:?\\\w")  # a file's path a typist left under the Lưu entry ("D\2017\CVUB\…")


def signature_cell_lines(text: str) -> list[str]:
    """A signature cell flattened onto one line (a website's merged cells: "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM (Đã
    ký) Nguyễn Hữu Vũ"): the form and titles, the residue and the name, each a line; a cell that does not end in a
    person's name as it was. A deputy's "P." before the title ("P. GIÁM ĐỐC") stays on the title's line."""
    lines = _signature_then_name(text, closing=True)
    if len(lines) < 2 or upper_line(lines[-1]) or not is_personal_name(lines[-1]):
        return [text]  # no name at its end: a title line of the cell ("KT. CHÁNH VĂN PHÒNG"), as it was
    if _TITLE_ABBREVIATION.fullmatch(lines[0]):
        lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
    return lines


_TITLE_ABBREVIATION = re.compile(r"[A-ZĐ]{1,3}\.")


def _closing_apart(pieces: list[str]) -> list[tuple[str, bool]]:
    """The Nơi nhận cell and the signature cell read row by row onto one line ("Nơi nhận: KT. CHỦ TỊCH - Như trên;
    PHÓ CHỦ TỊCH - Lưu: VT. Nguyễn Văn A"): after "Nơi nhận", each piece cut where a title in capitals ends before a
    dash entry, where an entry's ";" or "." comes before a title in capitals, "(Đã ký)" or the signer's name. Each
    piece with whether it is of the closing."""
    out: list[tuple[str, bool]] = []
    closing = False
    for piece in pieces:
        closing = closing or bool(forms.DISTRIBUTION.match(piece))
        while closing:
            cut = _closing_cut(piece)
            if not cut:
                break
            out.append((piece[:cut].strip(), closing))
            piece = piece[cut:].strip()
        out.append((piece, closing))
    return out


def _closing_cut(piece: str) -> int:
    """Where the first part of a closing piece ends (see ``_closing_apart``); 0 when it holds one part."""
    words = list(re.finditer(r"\S+", piece))
    texts = [word.group() for word in words]
    if not texts:
        return 0
    if forms.SIGNING_FORM.match(piece) or (upper_line(texts[0]) and (_TITLE_AT.match(piece)
                                                                     or _capitals_before_entry(texts))):
        for i, word in enumerate(texts[1:-1], start=1):  # the capitals up to a dash before an entry in small letters
            if not _capital_word(word):
                return 0
            if word in _DASH and not upper_line(re.split(r"[;.]", piece[words[i + 1].start():])[0]):
                return words[i].start()  # the entry (up to its ";") in small letters: not the title's "–"
        return 0
    label = re.match(rf"^{forms.DISTRIBUTION_WORD}\s*:\s*", piece)
    if label and label.end() < len(piece) and upper_line(piece[label.end():].split()[0]) \
            and _TITLE_AT.match(piece, label.end()):
        return label.end()  # "Nơi nhận: GIÁM ĐỐC - Như trên; …": the signature's first line beside the label
    if texts[0] not in _DASH and not re.match(r"^[-–+•]\S", texts[0]) and not forms.DISTRIBUTION.match(piece):
        return 0
    for i, word in enumerate(texts[:-1]):
        after = piece[words[i + 1].start():]
        if word.endswith(")") and texts[i + 1] in _DASH and i + 2 < len(texts) and texts[i + 2][:1].isupper():
            return words[i + 1].start()  # "- BT Đảng ủy (Báo cáo) - Bt, xóm trưởng …": the entry's ";" left out
        if word.endswith((";", ".")):
            capitals = upper_line(texts[i + 1])  # (first: what follows is tested whole only when it opens so)
            if forms.SIGNING_FORM.match(after) or (capitals and (_TITLE_AT.match(after) or _capitals_before_entry(
                    texts[i + 1:]) or (len(texts) - i > 3 and upper_line(after)))) \
                    or any(forms.SIGNED.match(" ".join(texts[i + 1:i + 1 + n])) for n in range(2, 6)) \
                    or _name_ahead(texts[i + 1:]) or _small_title_ahead(texts[i + 1:]) > 0:
                return words[i + 1].start()
    lead = re.match(r"^[-–+•]\s*Lưu\s*:?\s+(?=\S)", piece)  # "- Lưu Nguyễn Văn Thuận": the signer's name, no mark
    if lead and is_personal_name(piece[lead.end():]) and len(piece[lead.end():].split()) >= 3:
        return lead.end()
    return 0


def _capitals_before_entry(words: list[str]) -> bool:
    """Whether ``words`` open with two or more words in capitals and then a dash entry ("PHỤ TRÁCH - Sở Tài chính;")."""
    end = next((i for i, word in enumerate(words) if not _capital_word(word) or word in _DASH), len(words))
    return end >= 2 and end < len(words) - 1 and words[end] in _DASH and upper_line(" ".join(words[:end]))


def _small_title_ahead(words: list[str]) -> int:
    """Where the name starts when ``words`` are a signer's title in small letters and a person's name, and nothing
    after ("Giám đốc Nguyễn Văn An" after the Lưu entry's full stop); 0 when they are not."""
    return next((cut for cut in range(1, min(6, len(words) - 1)) if len(words) - cut <= 5
                 and all(word[1:].isalpha() and word[1:].islower() for word in words[:cut])  # no capitals, no path
                 and title_in_small_letters(" ".join(words[:cut])) and is_personal_name(" ".join(words[cut:]))), 0)


def _name_ahead(words: list[str]) -> bool:
    """Whether ``words`` open with a person's name and nothing but the closing's other parts (an entry, capitals,
    "(Đã ký)") or the end comes after it."""
    for size in range(min(5, len(words)), 1, -1):
        if _name_as_written(" ".join(words[:size])):
            rest = words[size:]
            return not rest or rest[0] in _DASH or upper_line(rest[0]) or rest[0].startswith(("(", "["))
    return False


def _capitals_tail_before_title(piece: str, pieces: list[str]) -> list[str]:
    """A piece whose end is in capitals ("… Ngày hết hiệu lực: Đang cập nhật ỦY BAN NHÂN DÂN TỈNH BẮC NINH") just
    before the national title or the number: the capitals (the issuing body) cut off as a line of their own."""
    at = pieces.index(piece)
    # A piece in capitals is the body's name, unless a site's field ("LAI-AHLLVT: 68 2 UBND HUYỆN …") comes first.
    if at + 1 >= len(pieces) or upper_line(piece) and ":" not in piece \
            or not (_TITLE_INSIDE.match(pieces[at + 1]) or _NUMBER.match(pieces[at + 1])):
        return [piece]
    words = piece.split()
    start = len(words)
    while start > 0 and (upper_line(words[start - 1]) or words[start - 1] in ("-", "–", "&", ",")
                         or words[start - 1].isdigit() and start > 1 and words[start - 2].isalpha()
                         and upper_line(words[start - 2])):  # "ỦY BAN NHÂN DÂN QUẬN 9", not "PAGES: 1", "… 2024"
        start -= 1
    # The number read before the issuing body ("Số: 56/TB-UBND ỦY BAN NHÂN DÂN …"): its symbol stays on its line.
    if (number := _NUMBER_BEFORE_BODY.match(piece)) and len(number["number"].split()) > start:
        start = len(number["number"].split())
    if len(words) - start < 2:
        return [piece]
    return [" ".join(words[:start]), " ".join(words[start:])]


# The number and symbol at the head of a piece, the symbol's groups joined by "-", "/" or "." (spaces a typist left
# around a dash or a slash allowed: "GDĐT –KT&KĐCL", "21 /TTVH"; "UBND. Kim Bảng" is the symbol's full stop), and a
# word after them that no symbol holds.
_NUMBER_THEN_WORDS = re.compile(
    rf"^(?P<number>{forms.NUMBER_WORD}\s*:?\s*[\d.…_]*\s*/\s*[0-9A-Za-zĐđ&]+"
    r"(?:\s*[-–/]\s*[0-9A-Za-zĐđ&]+|\.[0-9A-Za-zĐđ&]+)*)"
    r"\s+(?P<rest>[^\W\d_].*)$")


def _number_then_text(piece: str) -> list[str]:
    """A number run on into what follows it on the letter's page ("Số: 1025/UBND-ĐT Về thúc đẩy đầu tư …", a công
    văn's summary under its number, typed without "V/v"): the number line ends where its symbol does (a symbol
    holds no space), and what follows is a line of its own."""
    match = _NUMBER_THEN_WORDS.match(piece)
    if not match or not _SYMBOL_FORM.match(_symbol(match["number"].split("/", 1)[1])):
        return [piece]
    return [match["number"], match["rest"]]


_NUMBER_BEFORE_BODY = re.compile(rf"^(?P<number>{forms.NUMBER_WORD}\s*:?\s*{forms.NUMBER_FIGURES}\s*/\s*\S+)\s")


def _place_before_date(piece: str) -> list[str]:
    """A piece ending in a place-date after other text ("… KH-UBND Bắc Ninh, ngày 26 tháng 5 năm 2017"): the place and
    date cut off as a line, the place being the capitalised words before the comma."""
    match = re.match(r"^(?P<head>.+?)\s+(?P<date>[^,]{1,60},\s*ngày\s.*\d{4})$", piece)
    if not match or _PLACE_DATE.match(piece):
        return [piece]
    words = match.group("head").split() + match.group("date").split(",")[0].split()
    date = match.group("date").split(",", 1)[1]
    start = _place_start(words)
    if start == len(words):
        return [piece]
    return [" ".join(words[:start]), f"{' '.join(words[start:])},{date}"]


def drop_chrome(lines: list[Line], notes: list[str]) -> list[Line]:
    """``lines`` from the header's first line on: what a website or a converter printed above it is dropped, with a
    note. A text whose first lines hold no header form is returned as it is."""
    mark = next((i for i, line in enumerate(lines[:HEADER_SEARCH]) if (_HEADER_MARK.search(line.text)
                 or _NUMBER_ALONE.fullmatch(line.text) and i + 1 < len(lines) and lines[i + 1].text.startswith("/"))
                 and not _number_again_below(lines, i)),
                None)  # "Số: 111" / "/CV - UBND": the number line wrapped before its symbol
    if not mark:
        return lines
    start = mark
    while start > 0 and (upper_line(lines[start - 1].text) and ":" not in lines[start - 1].text  # "VIEWS: 10"
                         or _RULE_LINE.match(lines[start - 1].text)
                         or not any(ch.isalnum() for ch in lines[start - 1].text)  # "|", a stray "-" under a rule
                         or _NUMBER_ALONE.fullmatch(lines[start - 1].text)
                         or forms.DRAFT_MARK.match(lines[start - 1].text)):  # "(Dự thảo)": the header reads it
        start -= 1
    # Only where the letter has no authority in capitals: a site's own line over it is not the issuer.
    authority = 0 if any(upper_line(line.text) for line in lines[start:mark]) else _small_letter_authority(lines[:start])
    if authority:
        notes.append(f"tên cơ quan “{' / '.join(line.text for line in lines[start - authority:start])}” viết chữ "
                     "thường: đọc là tên cơ quan ban hành, in hoa")
        lines = [*lines[:start - authority],
                 *(dataclasses.replace(line, text=line.text.upper(), raw=line.text.upper())
                   for line in lines[start - authority:start]), *lines[start:]]
        start -= authority
    if start:
        dropped = " / ".join(line.text for line in lines[:start])
        notes.append(f"bỏ {start} dòng trên phần đầu văn bản (chữ của trang web hoặc phần mềm chuyển đổi): “{dropped[:120]}”")
    return lines[start:]


def _number_again_below(lines: list[Line], at: int) -> bool:
    """Whether the number line at ``at`` is a site's copy of the letter's number (its post's title "Công văn Số:
    2728/TCT-DNL V/v: …", its "Số kí hiệu Số: 218/BC-UBND" box): the same number and symbol stand again further down,
    with the national title or the motto under the copy."""
    found = _NUMBER.match(lines[at].text)
    if not found:
        return False
    key = (found["n"], _symbol(found["symbol"]))
    below = lines[at + 1:HEADER_SEARCH]
    return any(_NATIONAL_TITLE.match(line.text) or _MOTTO.match(line.text) for line in below) and any(
        (again := _NUMBER.match(line.text)) and (again["n"], _symbol(again["symbol"])) == key for line in below)


def _small_letter_authority(above: list[Line]) -> int:
    """How many of the last lines above the header's first form name the issuing body in small letters ("Ủy ban
    nhân dân" / "huyện Yên Khánh", a typist's or an older letter's): the first opens with a body's name, the others
    go on with it (short, no digits or colon, in small letters or with capitals only on names)."""
    for count in range(min(3, len(above)), 0, -1):
        block = [line.text.strip() for line in above[-count:]]
        first = block[0]
        if not (_BODY_WORDS.match(first.upper()) and first[:1].isupper() and not upper_line(first)):
            continue
        if all(len(text) <= 60 and not re.search(r"[\d:.;!?]", text) and len(text.split()) >= 2 for text in block):
            return count
    return 0


_WRAP_END = re.compile(r"(?:\s(?:VÀ|và|CỦA|của)|[-&,]|\b(?:ỦY|UỶ)\s+BAN|\bHỘI\s+ĐỒNG)$")


def _cell_lines(cell: list[Line]) -> list[Line]:
    """The lines of one header cell a website wrapped at its own width ("ỦY" / "BAN NHÂN DÂN", "Quảng" / "Trị, ngày
    27 …", "Số:" / "06/2024/QĐ-UBND"): a cell holding a known form (the national title, the motto, "Số", the date)
    as one line, which is cut again by those forms; the agency's cell joined where a line plainly goes on (after a
    single word or a "VÀ", before a small letter), its own lines kept."""
    texts = [line for line in cell if not _RULE_LINE.match(line.text)]
    if not texts:
        return cell
    joined = " ".join(line.text for line in texts)
    if _HEADER_MARK.search(joined) or re.search(r"(?:^|\s)(?:Số|SỐ)\s*:", joined):
        return [dataclasses.replace(texts[0], text=joined, raw=joined)]
    out: list[Line] = []
    for line in texts:
        previous = out[-1].text if out else ""
        if out and (len(previous.split()) == 1 or _WRAP_END.search(previous) or line.text[:1].islower()):
            out[-1] = dataclasses.replace(out[-1], text=f"{previous} {line.text}", raw=f"{previous} {line.text}")
        else:
            out.append(line)
    return out


def _unwrap_cells(lines: list[Line]) -> list[Line]:
    """A website copy that prints each header cell's text wrapped and ends each cell with a "|" line of its own
    (thuvienphapluat's form): the cells' lines unwrapped; lines after the last such "|" are left as they are."""
    # Only the header's cells: the "|" lines before the type name, the Kính gửi or the body.
    end = next((i for i, line in enumerate(lines) if _RECIPIENTS.match(line.text) or _BODY_START.match(line.text)
                or (upper_line(line.text) and doctypes.canonical(line.text))), len(lines))
    # A cell's last line with its "|" at the end ("ỦY BAN NHÂN DÂN |") is that line and a "|" line.
    split: list[Line] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        if index < end and len(text) > 1 and text.endswith("|"):
            bare = text[:-1].rstrip()
            split += [dataclasses.replace(line, text=bare, raw=bare), dataclasses.replace(line, text="|", raw="|")]
        else:
            split.append(line)
    end += len(split) - len(lines)
    lines = split
    bars = [i for i, line in enumerate(lines[:end]) if line.text.strip() == "|"]
    if len(bars) < 2:
        return lines
    out: list[Line] = []
    start = 0
    for bar in bars:
        out.extend(_cell_lines(lines[start:bar]))
        start = bar + 1
    # Under the table the type name and the subject are wrapped the same way ("THÔNG" / "TƯ", "QUY" / "ĐỊNH VỀ …").
    for line in lines[start:]:
        previous = out[-1].text if out else ""
        if out and upper_line(line.text) and upper_line(previous) and len(previous.split()) == 1 \
                and not doctypes.canonical(previous):
            out[-1] = dataclasses.replace(out[-1], text=f"{previous} {line.text}", raw=f"{previous} {line.text}")
        else:
            out.append(line)
    return out


_TITLE_START = re.compile(rf"{forms.TITLE_START}\b", re.I)


def layout_columns(lines: list[Line]) -> list[Line]:
    """A header that ``pdftotext -layout`` printed with its two columns side by side, each wrapped in its cell
    ("VĂN PHÒNG CHÍNH PHỦ      CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "                         VIỆT NAM"): the left column's
    lines, then the right column's, as a PDF's plain text gives them (the right column starts where the national
    title does). Lines from the Kính gửi, the type name or the body on are left as they are."""
    start = None
    for index, line in enumerate(lines[:HEADER_SEARCH]):
        full = " " * line.indent + (line.raw or line.text)
        match = _TITLE_START.search(full)
        if match and match.start() >= 16 and full[:match.start()].endswith("   "):
            start, column = index, match.start()
            break
    if start is None:
        return lines

    # A layout's columns line up: a line of the right column alone (the motto, the title's second half) starts where
    # the title does, or a few places on when the column is centred ("VIỆT NAM" under "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"),
    # with nothing on its left (a typist's tabs put each right-hand line where its left text ends; those are split
    # by their gaps). When both columns wrap, the title's end shares its printed line with the left column's next
    # line ("SỞ NÔNG NGHIỆP VÀ MÔI        VIỆT NAM" under "… CỘNG HÒA XÃ HỘI CHỦ NGHĨA"): a right-hand piece after a
    # wide gap, in the same places, that ends the title the first line left unfinished (a typist's tabs put the whole
    # title on that line, the motto under it wherever the left text ends).
    head = fold((" " * lines[start].indent + (lines[start].raw or lines[start].text))[column:])
    if not any(line.indent == column or (column - 4 <= line.indent <= column + 12 and len(line.columns) == 1
                                         and _right_cell_line(line.text))
               or _title_end_beside(line, column, head)
               for line in lines[start + 1:start + 6]):
        return lines
    end = next((i for i in range(start + 1, len(lines)) if _RECIPIENTS.match(lines[i].text)
                or _BODY_START.match(lines[i].text) or (upper_line(lines[i].text) and doctypes.canonical(lines[i].text))
                or lines[i].indent + len(lines[i].raw or lines[i].text) > column + 60), len(lines))
    left: list[Line] = []
    right: list[Line] = []
    for line in lines[:end]:
        full = " " * line.indent + (line.raw or line.text)
        cut = column if len(full) > column and full[column - 1] == " " else _gap_near(full, column)
        head, tail = full[:cut].strip(), full[cut:].strip()
        if head:
            left.append(dataclasses.replace(line, text=fold(head), raw=head, indent=len(full) - len(full.lstrip())))
        if tail:
            right.append(dataclasses.replace(line, text=fold(tail), raw=tail, indent=column,
                                             blank_before=line.blank_before or not right))
    return left + right + lines[end:]


def _right_cell_line(text: str) -> bool:
    """A line the right header cell holds alone: the national title's end, the motto, a place-date."""
    return bool(_TITLE_REST.match(text) or _MOTTO_HEAD_LINE.match(text) or _PLACE_DATE.match(text))


def _title_end_beside(line: Line, column: int, head: str) -> bool:
    """Whether a header line holds, after its left text and a wide gap, the national title's end that the title's
    ``head`` ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", the right column's first line) waits for: a piece starting within a few
    places of the right column's edge (or further on, where the column is centred), the left text ending before
    the edge."""
    if _NATIONAL_TITLE.match(head):
        return False
    full = " " * line.indent + (line.raw or line.text)
    for gap in _LAYOUT_GAP.finditer(full):
        if gap.start() > len(full) - len(full.lstrip()) and gap.end() - gap.start() >= 6 \
                and gap.start() < column - 2 and column - 4 <= gap.end() <= column + 16:
            return bool(_NATIONAL_TITLE.match(f"{head} {fold(full[gap.end():])}"))
    return False


_LAYOUT_GAP = re.compile(r" {3,}(?=\S)")


def _gap_near(full: str, column: int) -> int:
    """Where a line's right column starts when its text runs past the column's edge on the left (a centred
    place-date a few places before the title's start): the gap of three spaces or more nearest the edge, within
    eight places of it; the line's end (all of it on the left) when there is none."""
    starts = [gap.end() for gap in _LAYOUT_GAP.finditer(full) if abs(gap.end() - column) <= 8]
    return min(starts, key=lambda at: abs(at - column)) if starts else len(full)


def tidy_header(lines: list[Line], notes: list[str]) -> list[Line]:
    """The header's lines as a website copy or an old letter types them, made plain: typed rules ("-------",
    "*****", "---o0o---") dropped or cut off the line they are glued to, a column separator "|" dropped, merged
    columns split by their known forms, and a "Số:" alone joined with the number on the next line."""
    out: list[Line] = []
    dropped = 0
    lines = _unwrap_cells(lines)
    for position, line in enumerate(lines):
        text = line.text
        if _RECIPIENTS.match(text) or _BODY_START.match(text):
            out.extend(lines[position:])  # the body has begun: its lines stay as they are
            break
        cells = [cell.strip() for cell in _CELL_SEPARATOR.split(text)]
        pieces = []
        for cell in cells:
            if _RULE_LINE.match(cell) or not any(ch.isalnum() for ch in cell):  # a rule, a stray "-" under one
                dropped += bool(cell)
                continue
            cleaned = _GLUED_RULE.sub("", cell).strip()
            dropped += cleaned != cell
            pieces.extend(_pieces_by_known_forms(cleaned) if cleaned else [])
        for index, piece in enumerate(pieces):
            piece_line = Line(piece, line.indent, line.number, line.blank_before and index == 0)
            if pieces == [text]:
                piece_line = line
            # "Số:" (or "Số: 12") alone, its "/SYMBOL" a few lines on (a PDF's text puts the national title between).
            at = next((i for i in range(len(out) - 1, max(len(out) - 5, -1), -1)
                       if _NUMBER_ALONE.fullmatch(out[i].text)), None)
            if at is not None and re.match(r"^\d*\s*/\s*[^\W\d_][\w&.]*(?:\s*-\s*[\w&.]+)*$", piece):
                number = re.sub(r"^(?:Số|SỐ)\s*:?\s*", "", out[at].text)
                out[at] = Line(f"Số: {number}{piece}", out[at].indent, out[at].number, out[at].blank_before)
                continue
            # The symbol's tail wrapped before its "-" or "/" ("Số: 29/KH" / "-UBND", "Số: 12/2020" / "/QĐ-UBND").
            if out and _SYMBOL_TAIL.match(piece) and (above := _NUMBER.match(out[-1].text)) \
                    and _SYMBOL_FORM.match(_symbol(above["symbol"] + piece)):
                out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text}{piece}", raw=f"{out[-1].text}{piece}")
                continue
            # The motto wrapped in a narrow cell ("Độc lập - Tự do - Hạnh" / "phúc")
            if out and _MOTTO_HEAD_LINE.match(out[-1].text) and not _MOTTO.match(out[-1].text) \
                    and _MOTTO.match(f"{out[-1].text} {piece}"):
                out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text} {piece}", raw=f"{out[-1].text} {piece}")
                continue
            # The date broken after "ngày" or "tháng" ("Hà Nội, ngày 05" / "tháng 8" / "năm 2016", "…, ngày 09
            # tháng" / "10 năm 2025").
            if out and ((_DATE_START.match(out[-1].text) or _place_then_comma(out[-1].text))
                        and not _PLACE_DATE.match(out[-1].text) and _PLACE_DATE.match(f"{out[-1].text} {piece}")
                        or re.search(r"\b(?i:ngày)(?:\s*(?:\d{1,2}|[.…_]+))?$|\btháng(?:\s*(?:\d{1,2}|[.…_]+))?$", out[-1].text)
                        and re.match(r"^(?:tháng|năm)\b", piece)
                        or re.search(r"\b(?i:ngày)\b.*\bnăm$", out[-1].text) and re.fullmatch(r"\d{4}", piece)):
                out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text} {piece}", raw=f"{out[-1].text} {piece}")
                continue
            out.append(piece_line)
    if dropped:
        notes.append(f"bỏ {dropped} đường kẻ gõ bằng ký tự (---, ***) ở phần đầu văn bản: bản thảo tự kẻ")
    return _title_unwrapped(_places_over_dates(out))


def _places_over_dates(lines: list[Line]) -> list[Line]:
    """The header's place-date lines with their place put back where it stands on the line above: typed alone
    ("Hải Dương" / "…, ngày 05 tháng 3 năm 2019", "Hải Dương" / "ngày 05 …"), or a long name wrapped inside it
    ("Thành phố Hồ Chí" / "Minh, ngày 22 …", "Thành phố Hồ Chí Minh," / "ngày 22 …" once the date is whole)."""
    out: list[Line] = []
    for position, line in enumerate(lines):
        if _RECIPIENTS.match(line.text) or _BODY_START.match(line.text):
            return out + lines[position:]
        if out and (_PLACE_DATE.match(line.text) or _PLACE_LEFT_OUT.match(line.text)):
            above, date, dated = out[-1].text, _PLACE_LEFT_OUT.match(line.text), _PLACE_DATE.match(line.text)
            place = dated["place"] if dated else ""
            joined = (f"{above}, {date['date']}" if date and _place_alone(above) and _known_place(above)
                      else f"{above} {line.text}" if date and _place_then_comma(above)
                      or place and _place_alone(above) and _known_place(f"{above} {place}")
                      else "")
            if joined and _PLACE_DATE.match(joined):
                out[-1] = dataclasses.replace(out[-1], text=joined, raw=joined)
                continue
        out.append(line)
    return out


_SYMBOL_TAIL = re.compile(r"^[-/][0-9A-Za-zĐđ&][0-9A-Za-zĐđ&./-]*$")  # "-UBND", "/QĐ-UBND": a symbol's end
_PLACE_LEFT_OUT = re.compile(r"^(?:[.…_]+\s*)?,?\s*(?P<date>ngày\b.*)$")  # "…, ngày 05 tháng 3 năm 2019"


def _known_place(name: str) -> bool:
    """A unit's name of the reference data, with or without its kind ("Hải Dương", "Thành phố Hồ Chí Minh", "Lào
    Cai"): where a line's capitalised words are a place, not the end of a subject naming a person or a project."""
    words = name.split()
    while len(words) > 1 and words[0] in _PLACE_KINDS | _PLACE_PREFIX:
        words = words[1:]
    provinces, communes = admin_units.unit_names()
    return " ".join(words) in provinces | communes


def _place_alone(text: str) -> bool:
    """"Hải Dương", "TP. Hồ Chí Minh": a place's name alone on its line (the line above a date that lacks its place)."""
    words = text.split()
    return 0 < len(words) <= 6 and all(_place_word(word) and word[-1].isalpha() or word in _PLACE_PREFIX
                                       for word in words)


def _place_then_comma(text: str) -> bool:
    """"Thành phố Hồ Chí Minh,": a place's name alone before the comma of a place-date wrapped after it."""
    words = text[:-1].split() if text.endswith(",") else []
    return 0 < len(words) <= 6 and all(_place_word(word) for word in words)


_MOTTO_HEAD_LINE = forms.MOTTO_START
_DATE_START = re.compile(r"^(?=[^,]*[^\W\d_])[^,:]{1,60},\s*(?i:ngày)\b")  # "Thanh Hóa, ngày 09 tháng": a date's head
_TITLE_HEAD = re.compile(rf"^{forms.TITLE_HEAD}$", re.I)
_TITLE_REST = re.compile(rf"^{forms.TITLE_TAIL}\b", re.I)


def _title_unwrapped(lines: list[Line]) -> list[Line]:
    """The national title wrapped onto two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", or where a narrow cell
    breaks it: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM") as one line."""
    out: list[Line] = []
    for line in lines:
        if out and not _NATIONAL_TITLE.match(out[-1].text) and _NATIONAL_TITLE.match(f"{out[-1].text} {line.text}") \
                and len(out[-1].text.split()) >= 2:
            out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text} {line.text}", raw=f"{out[-1].text} {line.text}")
            continue
        # Its end read before its head: a line typed with tabs wraps its last words to the left margin, and a PDF's
        # text gives that line first ("VIỆT NAM" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA").
        tail = next((i for i in range(len(out) - 1, max(len(out) - 3, -1), -1)
                     if _NATIONAL_TITLE.match(f"{line.text} {out[i].text}") and not _NATIONAL_TITLE.match(line.text)), None)
        if tail is not None and _TITLE_START.match(line.text):
            joined = f"{line.text} {out[tail].text}"
            del out[tail]
            out.append(dataclasses.replace(line, text=joined, raw=joined))
            continue
        # Its first half on the line above, or two above when the left column's line came between (merged columns).
        at = next((i for i in range(len(out) - 1, max(len(out) - 3, -1), -1) if _TITLE_HEAD.match(out[i].text)), None)
        if at is not None and _TITLE_REST.match(line.text):
            head = out[at]
            out[at:at + 1] = [Line(piece, head.indent, head.number, head.blank_before and i == 0)
                              for i, piece in enumerate(_pieces_by_known_forms(f"{head.text} {line.text}"))]
        else:
            out.append(line)
    return out


_YEARS_TAIL = re.compile(r"\(?\d{4}(?:\s*[-–]\s*\d{4})?\)?\s*[.;]?")  # "2020", "2017-2021", "(2021 - 2025)"
_BRACKETED_YEARS = re.compile(r"\([^()]{0,50}\d{4}[^()]{0,20}\)")  # "(Giai đoạn: 2021- 2025)", "(Năm học 2023 - 2024)"
_BEFORE_YEARS = re.compile(r"(?:[-–]|\b(?:NĂM|ĐOẠN|ĐẾN|TỪ|HỌC|KỲ|KHÓA|KHOÁ))\s*$")


_SECTION_HEAD = re.compile(r"^[IVXLC]{1,7}\.\s")


# The opening words of a body's first paragraph, capitalised ("Thực hiện Chỉ thị số …", "Ngày 20 tháng 3 năm 2022,
# …", "Nhằm …", "Để …"): under a subject's first line, where a narrow cell makes every line short, the body's.
_BODY_OPENING = re.compile(r"^(?:Thực\s+hiện|Ngày\s+\d{1,2}|Nhằm|Để|Trên\s+cơ\s+sở|Xét|Theo)\s")


def _continues_subject(line: Line, header: Header, width: float) -> bool:
    """Whether ``line`` goes on with the subject under the type name (a centred line or two, then a gap)."""
    text = line.text
    if header.subject and _BRACKETED_YEARS.fullmatch(header.subject[-1]):
        return False  # the period in brackets closes the title
    if header.subject and upper_line(header.subject[-1]) and _YEARS_TAIL.fullmatch(text) \
            and _BEFORE_YEARS.search(header.subject[-1]):
        return True  # "… MÙA KHÔ NĂM 2019 -" / "2020", "… GIAI ĐOẠN" / "2017-2021": the years wrapped off the line
    if header.subject and upper_line(" ".join(header.subject)) and not line.blank_before \
            and _BRACKETED_YEARS.fullmatch(text):
        return True  # the period in brackets under a subject in capitals: "(Giai đoạn: 2021- 2025)"
    opened = " ".join(header.subject).count("(") - " ".join(header.subject).count(")")
    if opened > 0 and not line.blank_before and not any(ch.isalpha() for ch in text) and 0 < text.count(")") <= opened:
        return True  # figures that close the subject's bracket, wrapped off its line: "… (MÃ … 208, 607," / "803)"
    if upper_line(text) or _RECIPIENTS.match(text) or text.endswith(":"):
        return False  # a line ending in ":" opens the body ("Kết quả như sau:"); no subject ends so
    if line.blank_before and header.subject and not (text[:1].islower() and not header.subject[-1].endswith(".")):
        return False  # after a gap only a line in small letters goes on ("… Bộ trưởng Phùng Xuân Nhạ" / "tại Hội nghị …")
    if header.subject and forms.INVITATION.search(text):
        return False  # "Sở … trân trọng kính mời:" under a giấy mời's subject opens its body
    if header.subject and upper_line(" ".join(header.subject)):
        return False  # a subject in capitals goes on only in capitals
    if _BODY_START.match(text) or header.subject and _BODY_OPENING.match(text):
        return False  # a legal basis or a list, or a sentence's opening words under the subject: the body has begun
    # The line under the type name is the subject; a further line is one only if it is short
    # (centred under it), not a full-width line of the body, or if it starts with a small letter (a wrapped subject:
    # no paragraph of the body starts so).
    return not header.subject or len(text) <= min(75, 0.8 * width) or text[:1].islower()


def _date(match: re.Match, header: Header) -> None:
    header.place = fold(match.group("place") or "")
    header.date_text = fold(match.group(0))
    day, month, year = (match.group("d") or match.group("d2"), match.group("m") or match.group("m2"),
                        match.group("y") or match.group("y2"))
    if day and month:
        try:
            header.date = _dt.date(int(year), int(month), int(day))
        except ValueError:
            header.notes.append(f"ngày tháng “{header.date_text}” không có thật: để trống ngày trong bản thảo")
        return
    # The day (or the day and the month) left blank: the month and year written stay in the draft.
    if year and 1900 <= int(year) <= 2999:
        header.date_year = int(year)
        if month and 1 <= int(month) <= 12:
            header.date_month = int(month)
    kept = (f", giữ tháng {header.date_month} năm {header.date_year}" if header.date_month
            else f", giữ năm {header.date_year}" if header.date_year else "")
    header.notes.append(f"ngày tháng “{header.date_text}” còn để trống: để trống ngày trong bản thảo{kept}")


def opens_a_body(line: str) -> bool:
    """Whether an agency line starts a body's name ("SỞ …", "ỦY BAN …", "ỦY BAN MTTQ …"), not a name's second line."""
    return bool(_BODY_WORDS.match(line) or forms.joint_body_kind(line))


def _split_authority(lines: list[str]) -> tuple[list[str], list[str]]:
    """The parent body's lines and the issuing body's lines.

    The issuing body starts at the last line (not the first) that opens a body of its own
    (SỞ …, VĂN PHÒNG, PHÒNG …); lines naming a place (TỈNH …, THÀNH PHỐ …) continue the line above.
    Peer bodies one after the other ("SỞ Y TẾ" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN" / "ỦY BAN MTTQ VIỆT
    NAM") are a joint letter's issuers (forms.joint_bodies): all of them are the issuing body, each on its own line.
    """
    lines = [piece for line in lines for piece in _bodies_apart(line)]
    for index in range(len(lines) - 1, 0, -1):
        if not opens_a_body(lines[index]):
            continue
        above = next((i for i in range(index - 1, -1, -1) if opens_a_body(lines[i])), 0)
        if forms.joint_bodies(lines[above], lines[index]):
            return lines[:above], lines[above:]
        if _BODY_WORDS.match(lines[index]):
            return lines[:index], lines[index:]
    return [], lines


# A people's committee with its unit ("UBND HUYỆN THANH CHƯƠNG", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"): the parent
# body of the offices under it.
_COMMITTEE_OF_UNIT = re.compile(
    r"^(?:UBND|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN)\s+(?:TỈNH|THÀNH\s+PHỐ|TP\.?|HUYỆN|QUẬN|THỊ\s+XÃ|TX\.?"
    r"|THỊ\s+TRẤN|XÃ|PHƯỜNG)\s+")
_GLUED_UNIT = re.compile(r"^(?P<body>(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)"
                         r"(?=(?:TỈNH|THÀNH(?:\s+PHỐ)?|HUYỆN|QUẬN|THỊ(?:\s+XÃ|\s+TRẤN)?|XÃ|PHƯỜNG)(?:\s|$))")
_INSIDE_A_NAME = {"VĂN", "CHI", "TỔNG", "ỦY", "UỶ", "BỘ", "VÀ", "MÔI"}  # "VĂN PHÒNG", "CHI CỤC", "MÔI TRƯỜNG"


def _bodies_apart(line: str) -> list[str]:
    """A people's committee and an office under it typed on one line ("UBND HUYỆN THANH CHƯƠNG PHÒNG TÀI NGUYÊN VÀ MÔI
    TRƯỜNG", a PDF's or a website's text): cut where the second body's name starts, after the unit's name (one word
    or more; a word of a known unit's name, "HẢI PHÒNG", is no body's start), with two words or more after it."""
    if (glued := _GLUED_UNIT.match(line)) and upper_line(line):
        # "ỦY BAN NHÂN DÂNTHÀNH PHỐ HỒ CHÍ MINH": a copy that lost the break between the body and its unit
        return [glued["body"], line[glued.end("body"):]]
    match = _COMMITTEE_OF_UNIT.match(line)
    if not match or not upper_line(line):
        return [line]
    head, words = line[:match.end()].strip(), line[match.end():].split()
    provinces, communes = admin_units.unit_names()
    known = {name.upper() for name in provinces | communes}
    for at in range(1, len(words) - 2):
        if _BODY_WORDS.match(" ".join(words[at:])) and words[at - 1] not in _INSIDE_A_NAME \
                and " ".join(words[:at + 1]) not in known and not any(
                    name.startswith(" ".join(words[:at + 1]) + " ") for name in known):
            return [f"{head} {' '.join(words[:at])}", " ".join(words[at:])]
    return [line]


_BLANK_NUMBER = re.compile(r"^[.…_]*$")  # "Số:     /…", "Số: …/…", "Số: ___/…": the number left for the records office


def _number(text: str, notes: list[str]) -> int | None:
    """The number of "Số: N/…" (None for one left blank); one that is no number from 1 to 999 999 ("45a", "0") is
    left blank, with a note; a Party letter's "45-GM" is left to the caller."""
    if _BLANK_NUMBER.match(text) or forms.PARTY_NUMBER.match(text):
        return None
    if text.isdigit() and 1 <= int(text) <= 999_999:
        return int(text)
    notes.append(f"số “{text}” không hợp lệ: để trống số trong bản thảo")
    return None


_SYMBOL_DASH = re.compile(r"[‐‑‒–—−]")  # a dash Word's autocorrect or a site put for the symbol's "-" ("KH–UBND")


def _symbol(text: str) -> str:
    """A symbol as typed, without the spaces a website or a typist left around its "-", "/" and "." ("CV - UBND",
    "VPCP-V .I"): a symbol has no spaces."""
    return re.sub(r"\s*([-/.])\s*", r"\1", _SYMBOL_DASH.sub("-", text.strip()))


def parse_header(lines: list[Line]) -> Header:
    """The header at the top of ``lines`` (possibly empty: a text that starts at "Kính gửi")."""
    header = Header()
    width = full_width(lines)
    authority: list[str] = []
    state = ""
    vv_width = 0
    previous = ""  # "number" right after the number line
    number_first = False  # the number line read before any other header line (a PDF's text of the left column)
    for index, line in enumerate(lines):
        text = line.text
        previous, after_number = "", previous
        if _NATIONAL_TITLE.match(text):
            header.national_title, state = True, ""
        elif _MOTTO.match(text):
            state = ""
        elif forms.DRAFT_MARK.match(text) and not header.doc_type:
            header.notes.append(f"bỏ dấu “{text}” ở đầu văn bản: không thuộc phần đầu văn bản theo Nghị định 30")
        elif forms.PARTY_TITLE_LINE.match(text) and not header.party_title:
            header.party_title, state = True, ""
            header.notes.append(f"dòng “{text}” là tiêu đề của văn bản của Đảng (thể thức theo Hướng dẫn 36-HD/VPTW, "
                                "không theo Nghị định 30): không phải tên cơ quan; bản thảo in theo thể thức Nghị "
                                "định 30, cần xem lại")
        elif (m := _NUMBER.match(text)) and header.number is None and not header.symbol \
                and not _SYMBOL_FORM.match(_symbol(m.group("symbol"))):
            header.notes.append(f"dòng “{text}” không đúng dạng số và ký hiệu (Số: N/KÝ-HIỆU): giữ trong nội dung")
            header.kept.append(line)
        elif (m := _NUMBER.match(text)) and header.number is None and not header.symbol:
            header.number = _number(m.group("n"), header.notes)
            header.symbol = _symbol(m.group("symbol"))
            number_first = not (authority or header.national_title or header.party_title or header.date_text)
            if party := forms.PARTY_NUMBER.match(m.group("n")):  # "Số 45-GM/ĐU": a Party letter's number and codes
                header.number, header.symbol = int(party["n"]) or None, f"{party['kind']}-{header.symbol}"
                header.notes.append(f"số “{m.group('n')}/{m.group('symbol')}” viết theo mẫu văn bản của Đảng: đọc là "
                                    f"số {party['n']}, ký hiệu “{header.symbol}”")
            state, previous = "", "number"
        elif (m := _PLACE_DATE.match(text) or _place_date_without_comma(text, header.notes)) \
                and not header.date_text:
            _date(m, header)
            # A PDF's text read row by row puts the date between a công văn's summary lines ("V/v triển khai" /
            # "Hà Tĩnh, ngày …" / "Nghị định số …"): the summary goes on where "Kính gửi" follows it.
            state = "vv" if state == "vv" and _recipients_next(lines[index + 1:index + 4]) else ""
        elif text.upper() in _URGENCY and not header.urgency:
            header.urgency = _URGENCY[text.upper()]
        elif text.upper() in _SECRECY and not header.secrecy:
            header.secrecy = _SECRECY[text.upper()]
        elif (m := _VV.match(text) or (forms.SUBJECT_LINE_LOOSE.match(text) if after_number else None)) \
                and not header.subject and not header.doc_type:
            header.subject, header.vv, state = [m.group("rest")], True, "vv"
            vv_width = max(len(text), 40)
            if not _VV.match(text):
                header.notes.append(f"dòng “{text}” đọc là trích yếu (V/v) của công văn")
        elif _subject_before_recipients(text, lines[index + 1:index + 9], header):
            # A công văn's summary typed without its "V/v" ("Báo cáo công tác …" under the number): nothing but the
            # summary stands between the header and "Kính gửi".
            # "Về thúc đẩy …": the older lead-in the decree's "V/v" (về việc) stands for, not printed twice ("V/v Về").
            about = text[3:].lstrip() if text.startswith("Về ") and len(text.split()) > 2 else ""
            header.subject, header.vv, state = [about or text], True, "vv"
            vv_width = max(len(text), 40)
            header.notes.append(f"dòng “{text}” không mở đầu bằng “V/v”: đọc là trích yếu của công văn"
                                + (f", in là “V/v {about}”" if about else ""))
        elif state == "vv" and (not line.blank_before or text[:1].islower()) and not _RECIPIENTS.match(text) \
                and not forms.INVITATION.search(text) \
                and (not upper_line(text) or text[:1].isdigit() or header.subject[-1].endswith(("-", "/"))
                     or _abbreviation_wrapped(text, header.subject)) \
                and len(text) <= 1.4 * vv_width:  # "… 15/2021/NĐ-" / "CP": a symbol wrapped at its "-"
            # A line starting in lower case goes on with the subject even after a gap (a converter's blank lines).
            header.subject.append(text)
        elif header.doc_type == doctypes.CONG_DIEN and (m := forms.TELEGRAM_LINE.match(text)) \
                and not header.deciding_authority:
            header.deciding_authority, state = [m.group("sender")], ""  # "THỦ TƯỚNG CHÍNH PHỦ điện:"
        elif not header.doc_type and upper_line(text) and (m := forms.TYPE_OF_ISSUER_LINE.match(text)) \
                and doctypes.canonical(m["kind"]):
            header.doc_type, header.title_issuer, state = doctypes.canonical(m["kind"]) or "", m["issuer"], "title"
        elif state == "title" and not header.subject and not header.title_issuer and upper_line(text) \
                and (m := forms.ISSUER_OF_TYPE_LINE.match(text)):
            header.title_issuer = m["issuer"]  # "QUYẾT ĐỊNH" / "CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
        elif not header.doc_type and (upper_line(text) or _type_name_alone(line, header)) \
                and doctypes.canonical(_unspaced(text)) and not text.endswith(":"):
            text = _unspaced(text)
            header.doc_type = doctypes.canonical(text) or text
            # Giấy giới thiệu and Giấy nghỉ phép carry no summary: the line under the name is the body's first.
            state = "" if header.doc_type in doctypes.NO_SUBJECT else "title"
        elif state == "title" and upper_line(text) and not text.endswith(":") and not doctypes.canonical(text) \
                and not (header.doc_type in doctypes.DECIDING_WORD and _deciding_line(text, authority)
                         and not _wrapped_on(header.subject)) and (not header.subject or not line.blank_before) \
                and (not header.subject or upper_line(" ".join(header.subject))) and not _SECTION_HEAD.match(text):
            # A subject a website prints in capitals under the type name ("VỀ VIỆC BAN HÀNH …", "PHÊ DUYỆT …"); the
            # deciding authority's line under it names a body or its head. A line in capitals under a subject in
            # small letters, or a plan's "I. MỤC ĐÍCH, YÊU CẦU", is the body's.
            header.subject.append(text)
        elif state == "title" and _continues_subject(line, header, width):
            header.subject.append(text)
        elif state in ("title", "deciding") and upper_line(text) and header.doc_type in doctypes.DECIDING_WORD \
                and not text.endswith(":") and (state == "title" or not line.blank_before):
            header.deciding_authority.append(text)
            state = "deciding"
        elif upper_line(text) and not header.doc_type and not text.endswith(":") \
                and (header.number is None and not header.symbol
                     or number_first and not (header.national_title or header.party_title or header.date_text)):
            # The issuing body's lines, above its number or, where the number came first, under it.
            authority.append(text)
        elif _stray_line(text, lines[index + 1:index + 1 + _LOOK_AHEAD], header, after_number == "number"):
            # A line no form names, with a form the header still lacks just under it (a site's "Tải văn bản gốc"
            # between the number and the date): the header goes on; the line is kept, at the body's head.
            header.notes.append(f"dòng {line.number} “{text[:60]}” ở giữa phần đầu văn bản không thuộc phần nào: "
                                "giữ ở đầu nội dung")
            header.kept.append(dataclasses.replace(line, blank_before=True))
        else:
            header.lines = index
            break
    else:
        header.lines = len(lines)
    header.parent_authority, header.authority = _split_authority(_one_word_lines_joined(authority))
    _title_issuer(header)
    return header


def _title_issuer(header: Header) -> None:
    """An older title's issuer ("QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH"): the deciding authority when the letter
    has no line of its own for it, otherwise the same body named twice, left out with a note."""
    if not header.title_issuer:
        return
    title = f"{header.doc_type.upper()} CỦA {header.title_issuer}"
    if header.deciding_authority:
        header.notes.append(f"tên loại “{title}” ghi cả cơ quan ban hành (mẫu cũ): đọc là {header.doc_type}, "
                            f"người có thẩm quyền theo dòng “{' '.join(header.deciding_authority)}”")
    else:
        header.deciding_authority = [header.title_issuer]
        header.notes.append(f"tên loại “{title}” ghi cả cơ quan ban hành (mẫu cũ): đọc là {header.doc_type}, "
                            f"người có thẩm quyền “{header.title_issuer}”")


_LOOK_AHEAD = 3


def _stray_line(text: str, following: list[Line], header: Header, under_number: bool = False) -> bool:
    """Whether ``text``, which no header form names, stands inside the header: a form the header has not yet read
    (the national title, the number, the place and date, the type's name) follows within a few lines, and the line
    does not open the body (a recipient, a legal basis, a list). A long line is the body's, unless it stands right
    under the number (what a copy ran on after it: "Số: 12/BC-UBND Báo cáo …", the date further on)."""
    if _RECIPIENTS.match(text) or _BODY_START.match(text) or _VV.match(text) or len(text) > 90 and not under_number:
        return False
    for line in following:
        nxt = line.text
        if _RECIPIENTS.match(nxt) or _BODY_START.match(nxt):
            return False
        if (not header.national_title and _NATIONAL_TITLE.match(nxt)) \
                or (header.number is None and not header.symbol and _NUMBER.match(nxt)) \
                or (not header.date_text and _PLACE_DATE.match(nxt)) \
                or (not header.doc_type and upper_line(nxt) and doctypes.canonical(_unspaced(nxt))):
            return True
    return False


# One or two abbreviations in capitals ("BHYT", "HĐND", "THPT."): the end of a summary a narrow cell wrapped.
_ABBREVIATIONS = re.compile(r"^[A-ZĐ0-9&]{2,8}(?:\s+[A-ZĐ0-9&]{2,8})?[.;]?$")


def _abbreviation_wrapped(text: str, subject: list[str]) -> bool:
    """Whether a line in capitals goes on with a summary in small letters: abbreviations only, under a line that
    stops on a word in small letters ("… cấp sổ BHXH, thẻ" / "BHYT"), not on a full stop."""
    last = subject[-1].split()[-1] if subject and subject[-1].split() else ""
    return bool(_ABBREVIATIONS.match(text)) and last.isalpha() and last.islower()


def _recipients_next(following: list[Line]) -> bool:
    """Whether "Kính gửi" comes within ``following``, after lines of no header form (a summary's last lines)."""
    for line in following:
        if _RECIPIENTS.match(line.text):
            return True
        if _is_known(line.text) or _BODY_START.match(line.text) or upper_line(line.text):
            return False
    return False


def _subject_before_recipients(text: str, following: list[Line], header: Header) -> bool:
    """Whether ``text``, a line in small letters under a công văn's number, is its summary written without "V/v":
    no type name and no subject read, and only header lines stand between it and "Kính gửi"."""
    if header.subject or header.doc_type or (header.number is None and not header.symbol) or upper_line(text) \
            or not text[:1].isupper() or _BODY_START.match(text) or _RECIPIENTS.match(text) or len(text) > 160:
        return False
    wrapped = True  # the summary's own wrapped lines ("Về thúc đẩy đầu tư của Việt Nam" / "ra nước ngoài") first
    above = text
    for line in following:
        if _RECIPIENTS.match(line.text):
            return True
        # A wrapped line opens in small letters (after a converter's gap, too), or goes on after a word that needs
        # its next ("Về thúc đẩy đầu tư của" / "Việt Nam", a narrow cell's break).
        wrapped = wrapped and (line.text[:1].islower() or not line.blank_before and _wrapped_on([above.upper()])) \
            and not upper_line(line.text)
        above = line.text
        if not (wrapped or _is_known(line.text) or _NATIONAL_TITLE.match(line.text)):
            return False
    return False


def _type_name_alone(line: Line, header: Header) -> bool:
    """A type's name in small letters on a line of its own ("Kế hoạch") under the number or the date: the type
    line, as a copy that lost its capitals prints it."""
    return bool(header.date_text or header.number is not None or header.symbol) and not header.subject


_SPACED = re.compile(r"^(?:\S\s+){3,}\S$")  # "K Ế H O Ạ C H": a PDF's letter-spaced title
_UNSPACED_TYPES = {name.upper().replace(" ", ""): name.upper() for name in doctypes.ALL_TYPES}


def _unspaced(text: str) -> str:
    """A type's name printed letter-spaced ("K Ế H O Ạ C H") as its words ("KẾ HOẠCH"); any other line as it is."""
    if not _SPACED.match(text):
        return text
    return _UNSPACED_TYPES.get(text.replace(" ", "").upper(), text)


def _place_date_without_comma(text: str, notes: list[str]) -> re.Match | None:
    """"Ninh Bình ngày 05 tháng 3 năm 2021": a place and date whose comma a typist left out, read as the decree's
    form with a note; the place is a name (each word with a capital), not the end of a sentence."""
    found = forms.PLACE_BEFORE_DATE.match(text)
    if not found or not all(word[:1].isupper() for word in found["place"].split()):
        return None
    match = _PLACE_DATE.match(f"{found['place']}, {found['date']}")
    if match:
        notes.append(f"dòng “{text}” thiếu dấu phẩy sau địa danh: đọc là địa danh và ngày tháng")
    return match


# The words a subject's line cannot end on: the line goes on under it ("… BỔ SUNG TTHC VÀO" / "BỘ THỦ TỤC …").
_GOES_ON = {"VÀO", "VÀ", "VỀ", "CỦA", "CHO", "TẠI", "TRÊN", "THEO", "ĐỂ", "TỪ", "ĐẾN", "VỚI", "THUỘC", "TRONG", "GIỮA",
            "CÁC", "NHỮNG", "MỘT", "SỐ", "LÀ", "ĐỐI", "VIỆC", "-", "–", ","}


def _wrapped_on(subject: list[str]) -> bool:
    """Whether the subject's last line stops where no line ends: on a word that needs its next, or a dash."""
    last = subject[-1].split()[-1] if subject and subject[-1].split() else ""
    return last in _GOES_ON or subject[-1].endswith((",", "-", "–")) if subject else False


# The first half of a two-syllable word no name ends with: "MÔI" / "TRƯỜNG", "VĂN" / "PHÒNG …", "CHI" / "CỤC …".
_NAME_GOES_ON = {"MÔI", "VĂN", "CHI", "TỔNG"}


def _one_word_lines_joined(lines: list[str]) -> list[str]:
    """The agency's lines with a one-word line (the end of a name a narrow cell wrapped: "TỈNH HẬU" / "GIANG") put
    back on the line above, and so is a line after one a narrow cell broke inside a word ("SỞ NÔNG NGHIỆP VÀ MÔI" /
    "TRƯỜNG", though "TRƯỜNG" may open a school's name)."""
    out: list[str] = []
    for line in lines:
        if out and (len(line.split()) == 1 and not _BODY_WORDS.match(line)
                    or out[-1].split()[-1] in _NAME_GOES_ON):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


_DECIDER = re.compile(
    r"^(?:ỦY BAN|UỶ BAN|UBND|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|GIÁM ĐỐC|HỘI ĐỒNG|THỐNG ĐỐC|TỔNG CỤC TRƯỞNG|"
    r"CỤC TRƯỞNG|CHÁNH|VIỆN TRƯỞNG|HIỆU TRƯỞNG|TRƯỞNG|TỔNG GIÁM ĐỐC|TỔNG KIỂM TOÁN|KIỂM TOÁN TRƯỞNG|CHỦ NHIỆM|"
    r"BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BAN CHỈ ĐẠO|TỔNG THANH TRA|CHÁNH ÁN|THỦ TRƯỞNG|BỘ\s)", re.I)


def _deciding_line(text: str, authority: list[str]) -> bool:
    """Whether a capitals line under a decision's type name names who decides ("ỦY BAN NHÂN DÂN TỈNH X", "BỘ TRƯỞNG
    BỘ Y"), not the subject: it opens with a body or a head's title, or is the issuing body's name."""
    own = fold(" ".join(authority)).casefold()
    line = fold(text).casefold()
    # The issuing body's own line, the place after it or not, spaces lost or not ("BAN CHỈ ĐẠO … VÀXÂY DỰNG … TỈNH
    # THÁI BÌNH" under a committee's decision)
    body = _unspaced_key(next((line for line in reversed(authority) if _BODY_WORDS.match(line)), ""))
    return bool(_DECIDER.match(text.strip())) or (bool(own) and line == own) \
        or (len(body) >= 12 and _unspaced_key(text).startswith(body))


def _unspaced_key(text: str) -> str:
    return re.sub(r"\s+", "", fold(text)).casefold()


def subject_text(header: Header) -> str:
    # "V/v" / ": Thực hiện …": the colon a copy put at the head of the subject's line
    joined = " ".join(header.subject)
    # A symbol a narrow cell broke after its "-" or "/" ("… Nghị định số 15/2021/NĐ-" / "CP") is one word again.
    joined = _SYMBOL_BROKEN.sub(r"\1", joined) if len(header.subject) > 1 else joined
    return fold(joined).lstrip(": ")


_SYMBOL_BROKEN = re.compile(r"(\d/[0-9A-Za-zĐđ/-]*[A-ZĐ0-9][-/]) (?=[A-ZĐ0-9])")
