"""Document types of Điều 7 and their abbreviations (Phụ lục III, Mục I; FORMAT.md §6.2)."""
from __future__ import annotations

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

# Types that carry no summary under their name (Phụ lục III samples 1.8 and 1.10).
NO_SUBJECT = {"Giấy giới thiệu", "Giấy nghỉ phép"}

# The word that opens the operative part of a decision-like document.
DECIDING_WORD = {QUYET_DINH: "QUYẾT ĐỊNH:", NGHI_QUYET: "QUYẾT NGHỊ:"}

ALL_TYPES = (CONG_VAN, *ABBREVIATIONS)

_TONE_VARIANTS = {"ủy": "uỷ", "thỏa": "thoả"}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).strip().casefold()
    for new, old in _TONE_VARIANTS.items():
        text = text.replace(old, new)
    return " ".join(text.split())


_BY_KEY = {_key(name): name for name in ALL_TYPES}


def canonical(name: str) -> str | None:
    """The decree's spelling of a type name, whatever its case or tone-mark style; None if unknown."""
    return _BY_KEY.get(_key(name))


def is_cong_van(name: str) -> bool:
    return canonical(name) == CONG_VAN


def abbreviation(name: str) -> str | None:
    """The type's abbreviation, or None for Công văn (and Thư công), which have none."""
    found = canonical(name)
    return ABBREVIATIONS.get(found) if found else None
