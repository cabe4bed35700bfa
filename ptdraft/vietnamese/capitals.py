"""Capital letters where Phụ lục II of Nghị định 30 decides them by rule.

- Administrative units: the generic word (tỉnh, thành phố, huyện, quận, thị xã, xã,
  phường, thị trấn, đặc khu) is written in lower case before the unit's name in the
  middle of a sentence ("tỉnh Nghệ An", "xã Quảng Châu"), and with a capital when the
  unit is named with a number or after a person or a historical event ("Phường 3",
  "Quận 1", "Thành phố Hồ Chí Minh").
- Parts of a text cited in a sentence: Phần, Chương, Mục, Tiểu mục, Điều with a capital
  ("Điều 5", "Chương II"); khoản and điểm in lower case ("khoản 2", "điểm a").

Text in capitals (headings, "UBND TỈNH QUẢNG TRỊ") and the start of a sentence, line
or list item are left alone.
"""
from __future__ import annotations

import re

from ptdraft.vietnamese.findings import FindingKind, TextFinding, finding

_UNIT = re.compile(r"\b(thành phố|thị xã|thị trấn|đặc khu|tỉnh|huyện|quận|xã|phường)([ \t\u00a0]+)(\w+)", re.I)
# Units whose generic word keeps its capital: named after a person or an event (the decree's example).
_NAMED_AFTER_PEOPLE = ("Hồ Chí Minh",)
_PART_CAPITAL = re.compile(r"\b(phần|chương|tiểu mục|mục|điều)([ \t\u00a0]+)(\d+|[IVXLC]+)\b")
_PART_LOWER = re.compile(r"\b(Khoản|Điểm)([ \t\u00a0]+)(\d+|[a-zđ])\b(?!\))")
_BULLET = re.compile(r"\s*(?:[-+•*–]|\d{1,3}\.(?:\d{1,3}\.)*|[a-zđ]\)|[IVXLC]+\.)?\s*[“\"(]?\s*")


def at_sentence_start(text: str, position: int) -> bool:
    """Whether ``position`` starts a sentence: the start of a line or list item, or after . ! ? …"""
    line = text[text.rfind("\n", 0, position) + 1:position]
    if _BULLET.fullmatch(line):
        return True
    stripped = line.rstrip(" \t\u00a0“\"(")
    return not stripped or stripped[-1] in ".!?…"


def _name_at(text: str, start: int) -> str:
    """The unit's name from ``start``: its first word and the capitalised words after it."""
    found = re.match(r"\w+", text[start:])
    first = found.group(0) if found else ""
    rest = ""
    for m in re.finditer(r"[ \t\u00a0]+(\w+)", text[start + len(first):]):
        if m.start() != len(rest) or not m.group(1)[:1].isupper():
            break
        rest += m.group(0)
    return first + rest


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def capitalisation(text: str) -> list[TextFinding]:
    """Capitalisation findings in ``text``, in order."""
    out: list[TextFinding] = []
    for m in _UNIT.finditer(text):
        generic, name = m.group(1), _name_at(text, m.start(3))
        if generic.isupper() or not name[:1].isupper() and not name[:1].isdigit():
            continue
        after = text[m.start(3):m.start(3) + 20]
        wants_capital = name[:1].isdigit() or after.startswith(_NAMED_AFTER_PEOPLE)
        if wants_capital and generic[:1].islower():
            out.append(finding(
                FindingKind.CAPITALISATION, text, m.start(1), m.end(1),
                f"Đơn vị hành chính đặt tên bằng số, tên người hoặc sự kiện lịch sử viết hoa danh từ chung: "
                f"“{_capitalised(generic)} {name}” (Phụ lục II)",
                (_capitalised(generic),),
            ))
        elif not wants_capital and generic[:1].isupper() and not at_sentence_start(text, m.start()):
            out.append(finding(
                FindingKind.CAPITALISATION, text, m.start(1), m.end(1),
                f"Danh từ chung chỉ đơn vị hành chính viết thường trước tên riêng: “{generic.lower()} {name}” (Phụ lục II)",
                (generic.lower(),),
            ))
    for m in _PART_CAPITAL.finditer(text):
        word = m.group(1)
        out.append(finding(
            FindingKind.CAPITALISATION, text, m.start(1), m.end(1),
            f"Viện dẫn phần, chương, mục, tiểu mục, điều thì viết hoa: “{_capitalised(word)} {m.group(3)}” (Phụ lục II)",
            (_capitalised(word),),
        ))
    for m in _PART_LOWER.finditer(text):
        if at_sentence_start(text, m.start()):
            continue
        word = m.group(1)
        out.append(finding(
            FindingKind.CAPITALISATION, text, m.start(1), m.end(1),
            f"Viện dẫn khoản, điểm thì viết thường: “{word.lower()} {m.group(3)}” (Phụ lục II)",
            (word.lower(),),
        ))
    out.sort(key=lambda f: (f.start, f.end))
    return out
