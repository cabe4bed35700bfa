"""Text hygiene on the way in: Unicode NFC and no characters XML cannot hold."""
from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 cannot hold, plus the C1 controls and the soft hyphen that pasting from PDFs leaves behind:
# refused on the command line (naming the field), removed with a notice in the window. Tab and newline are kept
# here; the fields that are single-line fold them separately.
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\ufffe\uffff\ud800-\udfff]")
# Invisible marks that are harmless to drop anywhere: the zero-width space and the byte-order mark.
_INVISIBLE = re.compile("[\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean(text: str) -> tuple[str, bool]:
    """Return ``text`` in NFC with forbidden characters removed, and whether any were removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u200b" in text or "\ufeff" in text:
        text = _INVISIBLE.sub("", text)
    composed = text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    if composed.replace("\n", "").replace("\t", "").isprintable() or _BAD.search(composed) is None:
        return composed, False  # the usual case, a long body included: C loops, the pattern only when needed
    stripped = _BAD.sub("", composed)
    return stripped, True


def normalise(text: str) -> str:
    """NFC text with forbidden characters removed (silently)."""
    return clean(text)[0]


def one_line(text: str) -> str:
    """Fold all white space, newlines included, into single spaces and trim."""
    return _SPACES.sub(" ", normalise(text).replace("\n", " ")).strip()


def bad_characters(text: str) -> list[str]:
    """The forbidden characters in ``text``, as ``U+XXXX`` names, in order of appearance."""
    return [f"U+{ord(ch):04X}" for ch in _BAD.findall(text)]


def fold(text: str) -> str:
    """"Kính gửi" → "kinh gui": lower case, no diacritics, single spaces (đ → d), "_" as a space: for matching
    what people type against names, whatever their case and tone marks."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("_", " ").split())


def grouped(value: int) -> str:
    """1000000 → "1.000.000": Vietnamese digit grouping, for counts and limits in messages."""
    return f"{value:,}".replace(",", ".")


MAX_VALUE = 200_000  # characters one value may hold: built by a template, one line of a draft's text, of a letter to import


def overlong_line(text: str) -> tuple[int, int] | None:
    """The number (from 1) and length of the first line of ``text`` longer than :data:`MAX_VALUE`, or None.

    The same limit for a value built by a template, a line of a draft's text (checked on loading and saving a
    draft) and a line of a letter to import: no paragraph of a letter is 60 pages long, so such a line is a file
    whose line ends were lost, and is refused before it costs a render or a layout."""
    if len(text) <= MAX_VALUE:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_VALUE:
            return number, len(line)
    return None


def overlong_message(number: int, length: int, unit: str = "dòng") -> str:
    """What to tell the clerk about line (or paragraph, ``unit="đoạn"``) ``number`` of ``length`` characters."""
    return (f"{unit} {number} dài {grouped(length)} ký tự, quá giới hạn {grouped(MAX_VALUE)} ký tự một {unit}: "
            "hãy chia thành các đoạn văn (xuống dòng giữa các đoạn)")
