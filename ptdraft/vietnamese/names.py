"""Whether a text reads as a Vietnamese personal name: used wherever a signer's name is read or entered (the
importer's signature block, the office profile's signers)."""
from __future__ import annotations

import re

from ptdraft.vietnamese.syllable import analyse

# Academic titles and military ranks the decree lets stand before a name (Phụ lục I, ô 7c).
# The dot is often left out ("ThS Nguyễn Văn A", "PGS. TS Lê B"); "Ths." is a common spelling of "ThS.".
_NAME_PREFIX = re.compile(r"^(?:(?:GS|PGS|TS|ThS|Ths|BS|BSCKI{1,2}|KS|LS|TSKH)(?:\.\s*|\s+))+"
                          r"|^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý|Tướng|Tá|Úy|Uý)\s+")
# The words of a post, which a copy may join to the name ("Giám Đốc Bùi Văn Tỉnh"): never in a personal name.
_POST = re.compile(r"\b(?:giám đốc|chủ tịch|thủ tướng|bộ trưởng|thứ trưởng|chánh văn phòng|chủ nhiệm|trưởng (?:phòng|ban|đoàn)"
                   r"|cục trưởng|vụ trưởng|hiệu trưởng|viện trưởng|tổng cục|ủy viên|uỷ viên)\b")


def is_personal_name(text: str) -> bool:
    """Whether ``text`` reads as a Vietnamese personal name: two to six capitalised words, each a syllable that
    Vietnamese can have ("Phạm Mạnh Cường"; not "(Đ", "Q.Cường" or "CHÁNH VĂN PHÒNGThái")."""
    words = _NAME_PREFIX.sub("", text).split()
    if not 2 <= len(words) <= 6 or _POST.search(" ".join(words).casefold()):
        return False
    # A name is typed in one case: all in capitals ("BÙI VĂN TỈNH") or each word capitalised, never a title in
    # capitals joined to a name ("PHÓ CHỦ TỊCH Bùi Văn Tỉnh"); one-letter words ("Y Bhim Niê") fit either.
    long_words = [word for word in words if len(word) > 1]
    if any(word.isupper() for word in long_words) and not all(word.isupper() for word in long_words):
        return False
    valid = 0
    for word in words:
        parts = word.split("'")  # "H'Hen Niê"
        if not all(part and part[0].isupper() and (len(part) == 1 or part[1:].islower() or part.isupper()) and part.isalpha()
                   for part in parts):
            return False
        if analyse(word).valid or len(parts) > 1:  # "H'Hen": a Central Highlands name's word
            valid += 1
        elif len(word) > 9 or (len(word) > 1 and word.isupper()):  # an abbreviation ("TTĐT") is no name
            return False
    # The names of the Central Highlands' peoples ("Ksor Phước", "Y Bhim Niê", "H'Hen Niê") have syllables that are no
    # Kinh syllables: a name may hold such words beside at least one Vietnamese one.
    return valid >= 1
