"""Spacing around punctuation: no space before , . ; : ) ! ? …, one space after them.

Numbers (1.234,5; 10/5/2026; 15:30), codes (QĐ-UBND, TP.HCM), initials (P.T.T.Huyền),
the end mark "./." and web addresses are left alone.
"""
from __future__ import annotations

import re

from ptdraft.vietnamese.findings import FindingKind, TextFinding, finding
from ptdraft.vietnamese.words import skip_spans

_LETTER = r"[^\W\d_]"
# A space (not a line break) before a closing mark; "…" and "./." included.
_SPACE_BEFORE = re.compile(r"(?<=[^\s])([ \t\u00a0]+)(\./\.|\.{3}|[,.;:!?…)\]”])")
# A mark glued to the next word: ", ; : ! ?" then a letter; ")" then a letter or digit.
_NO_SPACE_AFTER = re.compile(rf"(?<=\w)([,;:!?])(?={_LETTER})|(\))(?=\w)")
# A full stop glued to a capital after a lower-case word ("quan.Để"); not initials or abbreviations.
_STOP_GLUED = re.compile(rf"(?<=\w\w)(\.)(?={_LETTER})")
# A space after an opening bracket or quote: "( để", "“ Thăng".
_SPACE_AFTER_OPEN = re.compile(r"([(\[“])([ \t\u00a0]+)(?=\S)")
# A dash between words with a space on one side only: "2026 -2031", "hiến- nơi".
_LOPSIDED_DASH = re.compile(r"(?<=\w)( [-–](?=\w)|[-–] (?=\w))")

_NAMES = {",": "dấu phẩy", ".": "dấu chấm", ";": "dấu chấm phẩy", ":": "dấu hai chấm", "!": "dấu chấm than",
          "?": "dấu chấm hỏi", ")": "dấu đóng ngoặc", "]": "dấu đóng ngoặc", "”": "dấu đóng nháy", "…": "dấu ba chấm",
          "...": "dấu ba chấm", "./.": "dấu kết thúc ./.", "(": "dấu mở ngoặc", "[": "dấu mở ngoặc", "“": "dấu mở nháy"}


def spacing(text: str) -> list[TextFinding]:
    """Spacing findings in ``text``, in order."""
    skipped = skip_spans(text)

    def free(start: int) -> bool:
        return not any(a <= start < b for a, b in skipped)

    out: list[TextFinding] = []
    for m in _SPACE_BEFORE.finditer(text):
        if free(m.start()):
            mark = m.group(2)
            out.append(finding(FindingKind.SPACING, text, m.start(), m.end(),
                               f"Thừa khoảng trắng trước {_NAMES.get(mark, mark)}", (mark,),
                               f"Xóa khoảng trắng trước {_NAMES.get(mark, mark)}."))
    for m in _NO_SPACE_AFTER.finditer(text):
        mark = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        if free(start):
            out.append(finding(FindingKind.SPACING, text, start, start + 1,
                               f"Thiếu khoảng trắng sau {_NAMES[mark]}", (mark + " ",),
                               f"Thêm một khoảng trắng sau {_NAMES[mark]}."))
    for m in _STOP_GLUED.finditer(text):
        if free(m.start()) and text[m.start() - 2:m.start()].islower() and text[m.end()].isupper():
            out.append(finding(FindingKind.SPACING, text, m.start(), m.end(), "Thiếu khoảng trắng sau dấu chấm", (". ",),
                               "Thêm một khoảng trắng sau dấu chấm."))
    for m in _SPACE_AFTER_OPEN.finditer(text):
        if free(m.start()):
            mark = m.group(1)
            out.append(finding(FindingKind.SPACING, text, m.start(), m.end(),
                               f"Thừa khoảng trắng sau {_NAMES[mark]}", (mark,),
                               f"Xóa khoảng trắng sau {_NAMES[mark]}."))
    for m in _LOPSIDED_DASH.finditer(text):
        if free(m.start()):
            dash = m.group(1).strip()
            out.append(finding(FindingKind.SPACING, text, m.start(), m.end(),
                               "Dấu gạch ngang giữa hai từ cần khoảng trắng ở cả hai bên (hoặc không bên nào)",
                               (f" {dash} ", dash),
                               f"Đặt một khoảng trắng ở cả hai bên dấu gạch ngang (“2026 {dash} 2031”) hoặc bỏ cả "
                               f"hai (“2026{dash}2031”)."))
    out.sort(key=lambda f: (f.start, f.end))
    return out
