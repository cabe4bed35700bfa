"""Whether a text reads as a Vietnamese personal name: used wherever a signer's name is read or entered (the
importer's signature block, the office profile's signers)."""
from __future__ import annotations

import re

from ptdraft.vietnamese.syllable import analyse

# Academic titles and military ranks the decree lets stand before a name (Phụ lục I, ô 7c).
_NAME_PREFIX = re.compile(r"^(?:(?:GS|PGS|TS|ThS|BS|KS|LS|TSKH)\.\s*)+|^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+")


def is_personal_name(text: str) -> bool:
    """Whether ``text`` reads as a Vietnamese personal name: two to six capitalised words, each a syllable that
    Vietnamese can have ("Phạm Mạnh Cường"; not "(Đ", "Q.Cường" or "CHÁNH VĂN PHÒNGThái")."""
    words = _NAME_PREFIX.sub("", text).split()
    if not 2 <= len(words) <= 6:
        return False
    for word in words:
        if not (word[0].isupper() and (len(word) == 1 or word[1:].islower() or word.isupper())):
            return False
        if not analyse(word).valid:
            return False
    return True
