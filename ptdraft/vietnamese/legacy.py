"""The 8-bit Vietnamese encodings of the pre-Unicode era: TCVN3 (ABC) and VNI Windows.

Text typed in a .VnTime font (TCVN3, TCVN 5712:1993 "VN3") or a VNI-Times font keeps
its bytes when it is copied out of an old document or a PDF made from one, and shows
up as Windows-1252 characters: "Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3) or
"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" (VNI). The tables below are written from
the two encodings' definitions:

- TCVN3 gives each lower-case letter one byte in 0xA1–0xFE (ư is 0xAD, the soft
  hyphen). It has separate codes only for the upper-case Ă Â Ê Ô Ơ Ư Đ; the other
  capitals are drawn by the .VnTimeH fonts from the lower-case codes, so decoding gives
  lower case there (a word typed in plain capitals, "CéNG", is put back in capitals).
- VNI writes a base letter followed by a modifier byte (tone, circumflex, breve, each
  with its own upper-case byte); đ ơ ư and the toned i have their own bytes.

:func:`detect` decides by reading: the text is taken as legacy only when far more of
its words become Vietnamese syllables after decoding than before.
"""
from __future__ import annotations

import re
import unicodedata

from ptdraft.vietnamese.letters import HOI, HUYEN, NANG, NGA, SAC, join, split
from ptdraft.vietnamese.syllable import analyse

TCVN3 = "TCVN3"
VNI = "VNI"
NAMES = {TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI Windows (phông VNI-Times)"}

# -- TCVN3 -------------------------------------------------------------------------------------

_TCVN3_LOWER = (
    # letter: ngang, sắc, huyền, hỏi, ngã, nặng (the unmarked a e i o u y are ASCII)
    ("a", "a¸µ¶·¹"),
    ("ă", "¨¾»¼½Æ"),
    ("â", "©ÊÇÈÉË"),
    ("e", "eÐÌÎÏÑ"),
    ("ê", "ªÕÒÓÔÖ"),
    ("i", "iÝ×ØÜÞ"),
    ("o", "oãßáâä"),
    ("ô", "«èåæçé"),
    ("ơ", "¬íêëìî"),
    ("u", "uóïñòô"),
    ("ư", "\u00adøõö÷ù"),
    ("y", "yýúûüþ"),
)
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§", "đ": "®"}


def _tcvn3_tables() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = dict(_TCVN3_CAPITALS)
    for base, codes in _TCVN3_LOWER:
        for tone, code in enumerate(codes):
            encode[join(base, tone)] = code
    decode = {code: char for char, code in encode.items() if code != char}
    return encode, decode


_TCVN3_ENCODE, _TCVN3_DECODE = _tcvn3_tables()
_TCVN3_UPPER_CODES = frozenset(code for char, code in _TCVN3_CAPITALS.items() if char.isupper())

# -- VNI ----------------------------------------------------------------------------------------

_VNI_TONES = {SAC: "ù", HUYEN: "ø", HOI: "û", NGA: "õ", NANG: "ï"}
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # by tone: ngang, sắc, huyền, hỏi, ngã, nặng
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")
_VNI_SINGLE = {"đ": "ñ", "ơ": "ô", "ư": "ö", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def _vni_letter(char: str) -> str:
    """One Unicode letter as VNI writes it: a base letter and a modifier, or a letter of its own."""
    lower = char.lower()
    if lower in _VNI_SINGLE:
        code = _VNI_SINGLE[lower]
    else:
        found = split(lower)
        if found is None:
            return char
        base, tone = found
        if base in ("ơ", "ư"):
            code = _VNI_SINGLE[base] + _VNI_TONES.get(tone, "")
        elif base in ("â", "ê", "ô"):
            code = {"â": "a", "ê": "e", "ô": "o"}[base] + _VNI_CIRCUMFLEX[tone]
        elif base == "ă":
            code = "a" + _VNI_BREVE[tone]
        elif tone:
            code = base + _VNI_TONES[tone]
        else:
            return char
    return code.upper() if char != lower else code


_VNI_DECODE_SINGLE = {code: char for char, code in _VNI_SINGLE.items() if code != char}
_VNI_DECODE_SINGLE.update({code.upper(): char.upper() for char, code in _VNI_SINGLE.items() if code != char})
# modifier byte → (combining marks, which base letters take it)
_VNI_MODIFIERS: dict[str, tuple[str, str]] = {}
_TONE_MARK = {SAC: "\u0301", HUYEN: "\u0300", HOI: "\u0309", NGA: "\u0303", NANG: "\u0323"}
for _tone, _code in _VNI_TONES.items():
    _VNI_MODIFIERS[_code] = (_TONE_MARK[_tone], "aeiouyơưâêôă")
for _tone, _code in enumerate(_VNI_CIRCUMFLEX):
    _VNI_MODIFIERS[_code] = ("\u0302" + _TONE_MARK.get(_tone, ""), "aeo")
for _tone, _code in enumerate(_VNI_BREVE):
    _VNI_MODIFIERS[_code] = ("\u0306" + _TONE_MARK.get(_tone, ""), "a")
_VNI_MODIFIERS.update({code.upper(): value for code, value in list(_VNI_MODIFIERS.items())})


# -- encoding and decoding --------------------------------------------------------------------

def encode(text: str, encoding: str) -> str:
    """Unicode ``text`` as it shows when typed in a legacy font (TCVN3 capitals become lower-case codes)."""
    text = unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        out = []
        for char in text:
            code = None if char.isascii() else _TCVN3_ENCODE.get(char)
            if code is None and not char.isascii() and char != char.lower():
                code = _TCVN3_ENCODE.get(char.lower())
            out.append(code if code is not None else char)
        return "".join(out)
    if encoding == VNI:
        return "".join(_vni_letter(char) for char in text)
    raise ValueError(f"unknown encoding {encoding!r}")


def _decode_tcvn3(text: str) -> str:
    decoded = "".join(_TCVN3_DECODE.get(char, char) for char in text)
    out = list(decoded)
    # A line or a word typed in a capitals-only .VnTimeH font: its own ASCII letters are all
    # capitals ("KT. BÉ TR¦ëNG", "CéNG"), while the accented letters came out in lower case.
    start = 0
    for line in text.split("\n"):
        letters = [ch for ch in line if ch.isascii() and ch.isalpha()]
        if len(letters) >= 3 and all(ch.isupper() for ch in letters) and not any(ch.isdigit() for ch in line):
            out[start:start + len(line)] = [ch.upper() for ch in out[start:start + len(line)]]
        start += len(line) + 1
    for match in _LEGACY_WORD.finditer(text):
        letters = [ch for ch in match.group(0) if ch.isascii() or ch in _TCVN3_UPPER_CODES]
        if len(letters) >= 2 and len(letters) < len(match.group(0)) and all(ch.isupper() or ch in _TCVN3_UPPER_CODES for ch in letters):
            out[match.start():match.end()] = [ch.upper() for ch in out[match.start():match.end()]]
    return "".join(out)


def _decode_vni(text: str) -> str:
    out: list[str] = []
    for char in text:
        modifier = _VNI_MODIFIERS.get(char)
        if modifier and out:
            marks, bases = modifier
            previous = out[-1]
            found = split(previous.lower())
            if found and found[0] in bases and not found[1]:
                combined = unicodedata.normalize("NFC", unicodedata.normalize("NFD", previous) + marks)
                if len(combined) == 1:
                    out[-1] = combined
                    continue
        out.append(_VNI_DECODE_SINGLE.get(char, char))
    return "".join(out)


def decode(text: str, encoding: str) -> str:
    """Legacy ``text`` (as it shows in Unicode) converted to Unicode NFC."""
    if encoding == TCVN3:
        return unicodedata.normalize("NFC", _decode_tcvn3(text))
    if encoding == VNI:
        return unicodedata.normalize("NFC", _decode_vni(text))
    raise ValueError(f"unknown encoding {encoding!r}")


# -- detection --------------------------------------------------------------------------------

_LEGACY_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff]+")
_UNICODE_VIETNAMESE = re.compile(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")


def _valid_words(text: str) -> tuple[int, int]:
    """How many of the words of ``text`` are valid Vietnamese syllables, and how many words there are."""
    words = _WORD.findall(text)
    return sum(1 for word in words if analyse(word).problem is None), len(words)


def detect(text: str) -> str | None:
    """TCVN3 or VNI when ``text`` reads as Vietnamese typed in that legacy encoding; None otherwise."""
    words = [w for w in _LEGACY_WORD.findall(text) if any("\u00a1" <= ch <= "\u00ff" for ch in w)]
    if not words:
        return None
    if len(_UNICODE_VIETNAMESE.findall(text)) > len(words) // 10:
        return None  # real Unicode Vietnamese letters: not a legacy text
    if sum(1 for w in words if len(w) == 1) > 0.4 * len(words):
        return None  # text of another code page read as Windows-1252: letters scattered one by one among symbols
    sample = " ".join(words[:400])
    as_is, _ = _valid_words(sample)
    best, best_score, best_words = None, 0, 0
    for encoding in (TCVN3, VNI):
        score, count = _valid_words(decode(sample, encoding))
        if score > best_score:
            best, best_score, best_words = encoding, score, count
    total = len(words[:400])
    # Counted against the decoded words too: text in another code page (Japanese, Chinese…) read as Windows-1252
    # falls apart into many one-letter pieces, each of which may happen to be a syllable.
    if (best and best_score >= 0.6 * total and best_score >= 0.6 * best_words
            and best_score >= as_is + max(1, total // 4)):
        return best
    return None


def convert(text: str) -> tuple[str, str | None]:
    """``text`` in Unicode NFC and the legacy encoding it was found in (None when it was already Unicode)."""
    encoding = detect(text)
    if encoding is None:
        return text, None
    return decode(text, encoding), encoding


_CP1258_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")


def read_cp1258(raw: bytes) -> str | None:
    """``raw`` as Windows-1258 (Vietnamese code page: base letters and separate tone marks) when it reads as
    Vietnamese that way, in NFC; None otherwise."""
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        return None
    if not _CP1258_MARKS.search(text):
        return None
    composed = unicodedata.normalize("NFC", text)
    words = [w for w in _WORD.findall(composed) if _UNICODE_VIETNAMESE.search(w)][:400]
    if not words:
        return None
    valid, count = _valid_words(" ".join(words))
    return composed if valid >= 0.8 * count else None
