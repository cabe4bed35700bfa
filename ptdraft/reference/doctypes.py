"""Document types of Điều 7 and their abbreviations (Phụ lục III, Mục I; FORMAT.md §6.2)."""
from __future__ import annotations

import re

import unicodedata

CONG_VAN = "Công văn"
QUYET_DINH = "Quyết định"
NGHI_QUYET = "Nghị quyết"

# Type name → abbreviation, exactly as the decree writes them (QyĐ, CTr, TTr keep their lower case).
ABBREVIATIONS: dict[str, str] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
}

# Official codes of state bodies written in mixed case, accepted in a symbol's issuer and unit groups beside the
# capitals of FORMAT.md §6.1: the Prime Minister's own code ("Số: 345/QĐ-TTg"), Thanh tra ("…/UBND-TTr"), and the
# decree's mixed-case type codes where a copy or a unit group repeats them.
MIXED_CASE_CODES = frozenset({"TTg", "TTr", "QyĐ", "CTr", "TrS"})

# Types that carry no summary under their name (Phụ lục III samples 1.8 and 1.10).
NO_SUBJECT = {"Giấy giới thiệu", "Giấy nghỉ phép"}

# Types with no place-and-date line in the header: the time and place go in the body (Mẫu 1.9).
NO_DATE_LINE = {"Biên bản"}

# Công điện (Mẫu 1.6): "<authority> điện:" on its own line, then the recipients as a dashed block with no label.
CONG_DIEN = "Công điện"
TELEGRAM_WORD = "điện:"

# Thư công (Điều 7) has no abbreviation in the table: its symbol is the issuer's and the unit's, as a công văn's;
# it prints as "THƯ" over its summary ("Chúc mừng năm mới …"), the way public letters are headed.
THU_CONG = "Thư công"

# The name printed in box 5a where it differs from the type's name in Điều 7.
PRINTED_NAME = {THU_CONG: "Thư"}

# The word that opens the operative part of a decision-like document.
DECIDING_WORD = {QUYET_DINH: "QUYẾT ĐỊNH:", NGHI_QUYET: "QUYẾT NGHỊ:"}

ALL_TYPES = (CONG_VAN, *ABBREVIATIONS, THU_CONG)

# The types a local legal normative document (văn bản quy phạm pháp luật of a Hội đồng or Ủy ban nhân dân) has,
# whose number carries its year between the number and the symbol ("Số: 37/2006/QĐ-UBND", "15/2022/NQ-HĐND"): a
# Nghị quyết and a Quyết định, and a Chỉ thị until the Luật Ban hành văn bản quy phạm pháp luật 2015 (in force from
# 1 July 2016) left it out of the list; the last year such a number may carry, None for no end. An administrative
# document's number has no year (FORMAT.md §6.1).
NUMBER_YEAR_TYPES: dict[str, int | None] = {NGHI_QUYET: None, QUYET_DINH: None, "Chỉ thị": 2016}


# Types of legal normative documents only (Luật Ban hành văn bản quy phạm pháp luật, Điều 4), none of the
# administrative types of Nghị định 30/2020 Điều 7 that ptdraft drafts: an imported one is said to be so.
NORMATIVE_ONLY = ("Luật", "Pháp lệnh", "Lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch")


def normative_only(text: str) -> str | None:
    """The name in ``NORMATIVE_ONLY`` a line is ("THÔNG TƯ", "Thông tư liên tịch"), or None."""
    folded = " ".join(text.split()).casefold()
    return next((name for name in NORMATIVE_ONLY if name.casefold() == folded), None)


def number_year_allowed(name: str | None, year: int) -> bool:
    """Whether a document of type ``name`` may be a legal normative one, so its number may carry ``year``."""
    found = canonical(name) if name else None
    if found not in NUMBER_YEAR_TYPES:
        return False
    last = NUMBER_YEAR_TYPES[found]
    return last is None or year <= last

_TONE_VARIANTS = {"ủy": "uỷ", "thỏa": "thoả"}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).strip().casefold()
    for new, old in _TONE_VARIANTS.items():
        text = text.replace(old, new)
    return " ".join(text.split())


_BY_KEY = {_key(name): name for name in ALL_TYPES}
_BY_KEY.update({_key(printed): name for name, printed in PRINTED_NAME.items()})


_JOINT = re.compile(r"\s+li[êe]n\s+t[ịi]ch\s*$", re.I)


def canonical(name: str) -> str | None:
    """The decree's spelling of a type name, whatever its case or tone-mark style; None if unknown. A joint
    document's name ("KẾ HOẠCH LIÊN TỊCH") is its type's."""
    found = _BY_KEY.get(_key(name))
    if found is None and _JOINT.search(name):
        found = _BY_KEY.get(_key(_JOINT.sub("", name)))
    return found


def is_cong_van(name: str) -> bool:
    return canonical(name) == CONG_VAN


def abbreviation(name: str) -> str | None:
    """The type's abbreviation, or None for Công văn (and Thư công), which have none."""
    found = canonical(name)
    return ABBREVIATIONS.get(found) if found else None
