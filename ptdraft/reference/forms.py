"""The printed forms that mark a letter's parts (FORMAT.md §3–§9), recognised one way for the checker and the importer.

The national title and the motto, "Số: N/SYMBOL", the place-and-date line, "V/v …", "Kính gửi:", "Nơi nhận:", the
signing forms (TM., KT., TL., TUQ., Q. and their older spellings), typed rules ("-----", "***", "---o0o---"), the
secrecy and urgency marks. Both readers take them from here: the importer (:mod:`ptdraft.importer`) to parse a
letter's text line by line, the checker (:mod:`ptdraft.checker.recognise`) to find the parts of any DOCX and judge
them. The word patterns are written once; each reader anchors them as it needs (a whole line, the start of a
paragraph, anywhere in a line), and the loose tests on :func:`fold`\\ ed text are for the checker, which must find a
part even where it is written wrong, to say so.
"""
from __future__ import annotations

import re
import unicodedata

from ptdraft import rules
from ptdraft.reference import doctypes

# -- the words, as regular-expression sources -------------------------------------------------------------------

TITLE_START = r"CỘNG\s+H(?:ÒA|OÀ)"
TITLE_HEAD = TITLE_START + r"\s+X[ÃÀà]\s*HỘI"  # "CỘNG HÒA XÃ HỘI" and "CHỦ NGHĨA VIỆT NAM": where the title wraps
TITLE_TAIL = r"CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
TITLE = TITLE_HEAD + r"\s+" + TITLE_TAIL
MOTTO_HEAD = r"Độc\s+lập\s*[-–—]?\s*Tự\s+do"
MOTTO = MOTTO_HEAD + r"\s*[-–—]?\s*Hạnh\s+phúc"
DISTRIBUTION_WORD = r"Nơi\s*nhận"  # "Nơinhận", "Kínhgửi": a copy that lost the space
RECIPIENTS_WORD = r"Kính\s*gửi"
NUMBER_WORD = r"(?:Số|SỐ)"  # "Số", before ":" and "N/SYMBOL"
# What stands for the number in a header's "Số: N/…": figures, none (left blank), or a Party letter's figures and
# type code ("Số: 45-CV/TU", Hướng dẫn 36-HD/VPTW).
NUMBER_FIGURES = r"\d*(?:-[A-ZĐ][A-Za-zĐđ]*)?"
SUBJECT_WORD = r"(?:V\s*/\s*[vV]|Về\s+việc)"  # a công văn's subject line, "V/v …"

# -- the same, compiled ------------------------------------------------------------------------------------------

NATIONAL_TITLE_LINE = re.compile(rf"^{TITLE}\s*[.,;]?$", re.I)
NATIONAL_TITLE_IN = re.compile(TITLE, re.I)
MOTTO_LINE = re.compile(rf"^{MOTTO}\s*[.,;!]?$", re.I)  # a typist's full stop allowed
MOTTO_IN = re.compile(MOTTO, re.I)
MOTTO_START = re.compile(r"^Độc\s+lập\b", re.I)  # the motto's first words, its end wrapped onto the next line
# The number line; the Quốc hội's letters and some copies lead it with the type's name ("Nghị quyết số:
# 653/2019/UBTVQH14", "Kế hoạch số: 45/KH-UBND"), a typist may end it with ".", and what stands for the number is
# taken whole ("45a") for the reader to judge.
_TYPE_NAMES = "|".join(sorted((re.escape(name) for name in doctypes.ALL_TYPES), key=len, reverse=True))
# A typist's "số:" in small letters is read too, before its colon only: "số 12/QĐ-UBND ngày …" wrapped from a
# sentence is the body's.
NUMBER_LINE = re.compile(rf"^(?:(?P<kind>(?i:{_TYPE_NAMES}))\s+(?i:số)|{NUMBER_WORD}|số(?=\s*:))"
                         r"\s*:?\s*(?P<n>[^\s/:]*)\s*/\s*(?P<symbol>\S.*?)\s*\.?\s*$")
# The symbol after "Số: N/" (FORMAT.md §6.1): groups of capitals joined by "-", no spaces; the first group is the
# type code or, on a công văn, the issuer's abbreviation, the mixed-case codes of the decree ("QĐ-TTg") taken apart.
# An abbreviation may end in digits: the units of the Công an and the army are numbered ("PC08-ĐTTNGT",
# "C08-P3", "PV01-TH"), and the digits belong to the unit's name.
SYMBOL = re.compile(r"^[A-Za-zĐđ]+\d*(-[A-ZĐ0-9&]+)+$")
# The Quốc hội's and its Standing Committee's own symbol, numbered by the legislature ("QH13", "UBTVQH14"): their
# numbers carry no type group ("Luật số 57/2014/QH13", "Nghị quyết số: 653/2019/UBTVQH14").
PARLIAMENT_CODE = re.compile(r"^(?:UBTV)?QH\d{1,2}$")
SUBJECT_LINE = re.compile(rf"^{SUBJECT_WORD}\s*:?\s*(?P<rest>.*)$")
# An older decision's title (the 2006-era letters, and website copies of them): the type's name and the issuer on
# one line, "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH", or the issuer on the line under the name, "CỦA CHỦ TỊCH ỦY BAN
# NHÂN DÂN TỈNH". Capitals only: "… của …" in small letters is a sentence.
TYPE_OF_ISSUER_LINE = re.compile(rf"^(?P<kind>(?i:{_TYPE_NAMES}))\s+CỦA\s+(?P<issuer>\S.*?)\s*$")
ISSUER_OF_TYPE_LINE = re.compile(r"^CỦA\s+(?P<issuer>\S.*?)\s*$")
# A Party letter's title, where a state letter has its Quốc hiệu (the right column's first line), and its number
# "Số 45-GM/ĐU": the number and the type's code joined by "-", then "/" and the issuing committee's code. Party
# letters follow the Party's guide (Hướng dẫn 36-HD/VPTW), not Nghị định 30.
PARTY_TITLE = r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
PARTY_TITLE_LINE = re.compile(rf"^{PARTY_TITLE}\s*[.,;]?$", re.I)
PARTY_NUMBER = re.compile(r"^(?P<n>\d{1,6})-(?P<kind>[A-ZĐ][A-Za-zĐđ]*)$")
# The mark a draft carries at the top of its first page, over the header's columns ("DỰ THẢO", "Dự thảo lần 2",
# "(Dự thảo)"): no line of the header (an imported letter is drafted again).
DRAFT_MARK = re.compile(r"^[(\[]?\s*DỰ\s+THẢO(?:\s+(?:LẦN\s+)?\d{1,2})?\s*[)\]]?$", re.I)
# A legal basis's opening words (FORMAT.md §4.1): each basis starts a line of its own, whatever ends the one above.
LEGAL_BASIS_START = re.compile(r"^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)\s")
# The same as a typist or a copy wrote it under the number: in small letters ("v/v …") or in brackets ("(V/v …)");
# read so only in the header's left column, right under "Số: …".
SUBJECT_LINE_LOOSE = re.compile(rf"^\(?\s*(?i:{SUBJECT_WORD})\b\s*:?\s*(?P<rest>.*?)\s*\)?$")
RECIPIENTS = re.compile(rf"^{RECIPIENTS_WORD}\s*:?\s*", re.I)
DISTRIBUTION = re.compile(rf"^{DISTRIBUTION_WORD}\s*:?\s*", re.I)
# A công điện's line over its recipients (Mẫu 1.6): "THỦ TƯỚNG CHÍNH PHỦ điện:", "CHỦ TỊCH UBND TỈNH ĐIỆN:".
TELEGRAM_LINE = re.compile(r"^(?P<sender>\S.*?)\s+(?:ĐIỆN|điện)\s*:\s*$")
# An appendix's heading after the signature (Mẫu 2.1/2.2): "Phụ lục", "PHỤ LỤC II", "Phụ lục 01", the title
# sometimes on the same line after a colon or a dash.
APPENDIX_LINE = re.compile(r"^PH[ỤU]\s+L[ỤU]C(?:\s+(?P<n>[IVXLC]{1,6}|\d{1,3}))?\s*(?:[.:–—-]\s*(?P<title>\S.*))?$",
                           re.I)
# The line under an annex's title that names the document it goes with: "(Kèm theo Báo cáo số … của …)",
# "(Ban hành kèm theo Quyết định số …)".
ANNEX_NOTE_LINE = re.compile(r"^\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\b.*$")
ANNEX_NOTE_ISSUER = re.compile(r"\bcủa\s+(?P<issuer>[^()]+?)\s*\)?\s*$")  # "… của Ủy ban nhân dân tỉnh …)"
# A giấy mời's sentence under its subject that opens the invitation ("Sở Nông nghiệp … trân trọng kính mời:", "…
# trân trọng mời Ông (Bà) …"): the body's first line, never the subject's.
INVITATION = re.compile(r"\b(?:trân\s+trọng\s+(?:kính\s+)?mời|kính\s+mời)\b", re.I)
# A date anywhere in a line, in words or in figures: where the checker looks for the place-date line.
DATE_MENTION = re.compile(r"ngày\b.*\b(tháng|năm)\b|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", re.IGNORECASE)
# The place-date line; a day or month left blank may be spaces or dots ("ngày … tháng 11 năm 2023").
# The place has a letter and no ":" in it: "11:51, Ngày 21/10/2017" is a portal's post time, "Thời gian: 08 giờ,
# ngày …" a minute's line, not a place and date. A typist's
# full stop after the year is allowed (the checker reports it).
PLACE_DATE = re.compile(
    r"^(?:(?P<place>(?=[^,]*[^\W\d_])[^,:]{1,60}?)\s*,\s*)?ngày\s*(?:(?:(?P<d>\d{1,2})|[.…_]+)?\s*tháng\s*(?:(?P<m>\d{1,2})|[.…_]+)?\s*"
    r"năm\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4}))\s*\.?\s*$",  # or "ngày 22/02/2006" (older letters)
    re.I,
)
# A place and date with the comma between them left out ("Ninh Bình ngày 05 tháng 3 năm 2021"): the reader checks
# that the place is a name.
PLACE_BEFORE_DATE = re.compile(r"^(?P<place>[^\W\d_][^\s,:]*(?:\s+[^\W\d_][^\s,:]*){0,4})\s+(?P<date>ngày\s.*)$")

# The signing forms of FORMAT.md §8 as letters print them: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.",
# "Q."; the older "T/M", "K/T", "T/L", "T/UQ", "T.M", "K.T", "T.L", "TM/", "KT/", "TL/" (the dot after them
# optional), and an older letter's "KT BỘ TRƯỞNG" with no dot (only before a head's title, not any capitals).
SIGNING_FORM = re.compile(
    r"^(?:(?P<mode>TM|KT|TL|TUQ|Q)\s*\.|(?P<old>T/M|K/T|T/L|T/UQ|T\.M|K\.T|T\.L|TM/|KT/|TL/)\s*\.?"
    r"|(?P<bare>TM|KT|TL|TUQ)\s+(?=(?:BỘ|CHỦ|THỦ|GIÁM|CỤC|TỔNG|VỤ|CHÁNH|ỦY|UỶ|UBND|HỘI|BAN|VIỆN|HIỆU)\b))"
    r"\s*(?P<title>\S.*)$")
# Where a signing form opens the signature inside a text whose lines were run together: "TM.", "KT.", "TL.", "TUQ." before
# a title in capitals, and "Q." before a head's title word ("Q. GIÁM ĐỐC", not a drafter's "Q.Cường"); a form that
# stands before another form ("- Lưu: VT, KT. KT. CHỦ TỊCH": the first is the Lưu entry's unit code) opens nothing.
HEAD_TITLE_WORD = r"(?:BỘ|CHỦ|THỦ|GIÁM|CỤC|TỔNG|VỤ|CHÁNH|ỦY|UỶ|UBND|HỘI|BAN|VIỆN|HIỆU|TRƯỞNG)"
SIGNING_FORM_AHEAD = (r"(?:(?:TM|KT|TL|TUQ)\.\s*(?!(?:TM|KT|TL|TUQ|Q)\.)[^\W\d_a-z]"
                      rf"|Q\.\s*{HEAD_TITLE_WORD}\b)")
# Any spelling of a signing form's prefix, in any case, with what separates it from the title (the checker
# reports a wrong one: "KT CHỦ TỊCH", "T/M ỦY BAN").
_PREFIXES = r"t\.?m|k\.?t|t\.?l|t\.?u\.?q|q|t/m|k/t|t/l"
SIGNING_PREFIX = re.compile(rf"^(?P<prefix>{_PREFIXES})(?P<sep>\s*[.:/]\s*|\s+)(?=\S)", re.IGNORECASE)
SIGNING_START = re.compile(rf"^\s*(?:{_PREFIXES})\s*[.:/]?\s+\S", re.IGNORECASE)  # a line that opens a signature
# The words a letter's body opens with, after its Kính gửi ("Thực hiện Công văn số …", "Trả lời công văn …", "Ngày
# 10/7/2008, …"): where a recipient's line run together with the body ends when its last entry has no full stop.
BODY_OPENING = re.compile(
    r"\s+(?=(?:Thực\s+hiện|Căn\s+cứ|Trả\s+lời|Phúc\s+đáp|Theo\s+(?:đề\s+nghị|quy\s+định|báo\s+cáo|chỉ\s+đạo)"
    r"|Xét\s+đề\s+nghị|Nhằm|Để\s+(?:triển|thực|chuẩn|kịp|đảm|tăng)|Vừa\s+qua|Tiếp\s+theo|Hiện\s+nay|Nhận\s+được"
    r"|Ngày\s+\d{1,2}[/\s])\b)")

# What stands where the signature goes: "(Đã ký)", "[đã ký]" (a typist's "(đã kỹ)"), "Đã ký và đóng dấu",
# "(Chữ ký, dấu)", "Ký tên", "Ký, ghi rõ họ tên": no line of the block (the importer drops it with a note, the checker reads past it).
SIGNED = re.compile(
    r"^[(\[]?\s*(?:đã\s+k[ýỹ](?:[\s,]+(?:và\s+)?đóng\s+dấu)?|da\s*ky|chữ\s+ký\b.*|ký(?:,?\s+(?:và\s+)?ghi\s+rõ\s+họ\s+tên)?"
    r"|ký\s+tên(?:[\s,]+đóng\s+dấu)?|ký,?\s+đóng\s+dấu.*)\s*[)\]]?$", re.I)

# The text a signing program prints beside a digital signature, left in a letter copied from a signed PDF:
# "Ký bởi: Ủy ban nhân dân phường …", "Người ký: …", "Thời gian ký: 10.10.2023 09:15:22 +07:00", "Email: …",
# "Cơ quan: …". Under the decree the signature shows as the signer's image (box 7c), with no such words.
E_SIGNED_BY = r"Ký\s+bởi|Người\s+ký|Thời\s+gian\s+ký|Ngày\s+ký"  # the stamp's own fields: residue wherever they stand
E_STAMP_FIELD = r"E-?mail|Cơ\s+quan|Chức\s+vụ|Đơn\s+vị"  # its other fields, residue only beside its own ones
E_SIGNATURE = re.compile(rf"^\s*(?:{E_SIGNED_BY}|{E_STAMP_FIELD})\s*:", re.I)

# A line of box 13 (FORMAT.md §3.2): the agency's address, phone, fax, e-mail or website, as "<label>: …"
# ("Điện thoại: 0219.3866.088", "Số điện thoại trực ban: …", "Email: …", "Địa chỉ: số 5, …").
CONTACT_LINE = re.compile(
    r"^\s*(?:Địa\s+chỉ|(?:Số\s+)?điện\s+thoại|ĐT|Tel|Fax|E-?mail|Thư\s+điện\s+tử|Website|Trang\s+thông\s+tin\s+điện\s+tử)"
    r"\b[^:]{0,40}:\s*\S", re.I)

# -- folded text -------------------------------------------------------------------------------------------------


# The kinds of body that issue a joint letter as peers (văn bản liên tịch: "SỞ Y TẾ" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
# "ỦY BAN NHÂN DÂN" / "ỦY BAN MTTQ VIỆT NAM" / "TỈNH ĐẮK LẮK"): two header lines opening such bodies are two issuers,
# never a parent over its child. "BỘ TƯ LỆNH", "BỘ CHỈ HUY" and "BỘ TỔNG THAM MƯU" are commands under a ministry, not
# ministries; two people's committees are not peers (the line under one may be the committee of a lower level), a
# people's committee, a people's council and a Fatherland Front committee are.
_JOINT_BODY_KINDS = (
    ("ministry", re.compile(r"^BỘ\s+(?!TƯ\s+LỆNH|CHỈ\s+HUY|TỔNG\s+THAM\s+MƯU|ĐỘI\b)\w", re.I)),
    ("department", re.compile(r"^SỞ\b", re.I)),
    ("office", re.compile(r"^PHÒNG\b", re.I)),
    ("front", re.compile(r"^(?:(?:ỦY|UỶ)\s+BAN\s+(?:MTTQ|MẶT\s+TRẬN)|UBMTTQ)\b", re.I)),
    ("committee", re.compile(r"^(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND)\b", re.I)),
    ("council", re.compile(r"^(?:THƯỜNG\s+TRỰC\s+)?(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND)\b", re.I)),
)
_PEERS_OF_A_KIND = ("ministry", "department", "office")
_LOCAL_PEERS = frozenset({"front", "committee", "council"})


def joint_body_kind(line: str) -> str:
    """The kind of body a header line opens, of those that issue joint letters together; "" for any other line."""
    return next((kind for kind, form in _JOINT_BODY_KINDS if form.match(line.strip())), "")


def joint_bodies(first: str, second: str) -> bool:
    """Whether two header lines open two bodies that issue a letter together, not a parent and its child."""
    a, b = joint_body_kind(first), joint_body_kind(second)
    if not a or not b:
        return False
    return a in _PEERS_OF_A_KIND if a == b else {a, b} <= _LOCAL_PEERS


def fold(text: str) -> str:
    """Letters and digits only, without diacritics or case: "Cộng hòa" → "conghoa"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text.casefold() if ch.isalnum() and not unicodedata.combining(ch))


def names_national_title(text: str) -> bool:
    """A line that is (or tries to be) the national title, however it is spelt or cut."""
    key = fold(text)
    return "chunghiavietnam" in key or key.startswith("conghoaxahoi")


def names_motto(text: str) -> bool:
    """A line that is (or tries to be) the motto."""
    key = fold(text)
    return "doclap" in key and ("tudo" in key or "hanhphuc" in key)


# The marks of box 10 (FORMAT.md §9) as fold() writes them ("toimat", "hoatoc").
SECRECY_FOLDED = frozenset(fold(level) for level in rules.SECRECY_LEVELS)
STAMPS_FOLDED = SECRECY_FOLDED | {fold(level) for level in rules.URGENCY_LEVELS}

# -- typed rules -------------------------------------------------------------------------------------------------

# One typed rule: three or more of "-–—_=*~", or "o0o" between dashes; two of them side by side are the two
# columns' rules on one line ("---o0o---    -----------"), and a website copy may join cells with "|".
_ONE_RULE = r"(?:[-–—_=*~]{3,}|[-–—_=*~]*\s*o\s*0\s*o\s*[-–—_=*~]*)"
RULE_LINE = re.compile(rf"^[\s|]*{_ONE_RULE}(?:[\s|]+{_ONE_RULE})*[\s|]*$", re.I)
_TYPED_RULE = re.compile(r"^[-–—_=*~.·…\s]*(?:o0o|oOo|0o0|ooo)?[-–—_=*~.·…\s]*$")


def is_rule_line(text: str) -> bool:
    """A paragraph typed to stand for a rule: "________", "-----", "=====", "*****", "---o0o---", also of dots
    (the checker reports it where a drawn rule belongs; the importer drops such lines with :data:`RULE_LINE`, which
    leaves a line of dots, a blank to fill in, as text)."""
    flat = text.strip()
    return len(flat) >= 3 and sum(ch in "-–—_=*~.·…" for ch in flat) >= 3 and bool(_TYPED_RULE.match(flat))
