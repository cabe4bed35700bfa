"""The file name proposed for a document: what a clerk would type to find it again in a folder.

``GM-15-01-2027-trien-khai-chuyen-doi-so.docx``: the type's abbreviation (FORMAT.md §6.2; "CV" for a công văn,
which has none), the number once issued ("so12"), the date, and the first words of the subject, all in plain
ASCII (no diacritics, đ → d) so that every file system, mail program and USB stick keeps the name as it is.
"""
from __future__ import annotations

import re

from ptdraft.reference import doctypes
from ptdraft.model import Content
from ptdraft.text import fold

# Subject words kept, and the longest the subject's part of the name may be.
SUBJECT_WORDS = 8
SUBJECT_CHARS = 48
# What a công văn is called in a file name (it has no abbreviation of its own in the decree).
CONG_VAN_CODE = "CV"
FALLBACK = "van-ban"

_NOT_NAME = re.compile(r"[^a-z0-9]+")


def ascii_words(text: str) -> list[str]:
    """"Triển khai chuyển đổi số!" → ["trien", "khai", "chuyen", "doi", "so"]: lower-case ASCII words."""
    return [word for word in _NOT_NAME.split(fold(text)) if word]


def _type_code(doc_type: str) -> str:
    found = doctypes.canonical(doc_type)
    if found == doctypes.CONG_VAN:
        return CONG_VAN_CODE
    abbreviation = doctypes.abbreviation(doc_type)
    if abbreviation:
        return _keep_case(abbreviation)
    words = ascii_words(doc_type)
    return "-".join(words) if words else ""


def _keep_case(abbreviation: str) -> str:
    """"QĐ" → "QD", "QyĐ" → "QyD": the decree's letters without their marks, case kept."""
    out = []
    for ch in abbreviation:
        plain = fold(ch)
        out.append(plain.upper() if ch.isupper() else plain)
    return "".join(ch for ch in "".join(out) if ch.isalnum())


def _subject(subject: str) -> str:
    words = ascii_words(subject)
    if words[:2] in (["v", "v"], ["ve", "viec"]):  # "V/v …" of a công văn, "Về việc …" of a decision
        words = words[2:]
    kept: list[str] = []
    for word in words[:SUBJECT_WORDS]:
        if kept and len("-".join([*kept, word])) > SUBJECT_CHARS:
            break
        kept.append(word[:SUBJECT_CHARS])
    return "-".join(kept)


def proposed_name(content: Content, suffix: str) -> str:
    """The file name for ``content`` (filled, as it prints) with ``suffix`` ("docx", "pdf", ".ptdraft.json")."""
    parts = [_type_code(content.doc_type)]
    if content.number is not None:
        parts.append(f"so{content.number}")
    if content.date is not None:
        parts.append(content.date.strftime("%d-%m-%Y"))
    elif content.date_year:  # the day blank: what is known ("11-2023", "2023")
        parts.append(f"{content.date_month:02d}-{content.date_year}" if content.date_month else str(content.date_year))
    subject = _subject(content.subject)
    if subject:
        parts.append(subject)
    stem = "-".join(part for part in parts if part) or FALLBACK
    return f"{stem}{suffix if suffix.startswith('.') else '.' + suffix}"
