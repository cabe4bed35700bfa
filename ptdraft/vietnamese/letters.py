"""Vietnamese letters split into a base letter (with its vowel-quality mark) and a tone, and put back.

Every Vietnamese vowel letter is a base letter (a ă â e ê i o ô ơ u ư y) with at most
one tone mark: ngang (none), sắc, huyền, hỏi, ngã, nặng. ``split("ộ")`` is ``("ô", 5)``
and ``join("ô", 5)`` is ``"ộ"``; case is kept (``split("Ộ")`` is ``("Ô", 5)``).
"""
from __future__ import annotations

import unicodedata

NGANG, SAC, HUYEN, HOI, NGA, NANG = range(6)
TONE_NAMES = ("ngang", "sắc", "huyền", "hỏi", "ngã", "nặng")

# Combining marks of the five written tones, in tone order (sắc … nặng).
TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

BASE_VOWELS = "aăâeêioôơuưy"
CONSONANTS = "bcdđghklmnpqrstvx"
ALPHABET = BASE_VOWELS + CONSONANTS  # the 29 letters of the Vietnamese alphabet, plus "y" among the vowels

# Characters that look like a Vietnamese letter or a symbol's "/" and are not it, left by older fonts and PDF
# converters: the Icelandic eth "Ð"/"ð" for "Đ"/"đ" ("QÐ-UBND", "Ðộc lập": no form, name or word is found with it),
# the division and fraction slashes and the full-width "／" for "/" ("Số: 07∕KH-UBND"). Each: the look-alikes, the
# character meant, and how a message names them.
LOOK_ALIKES = (("\u00d0", "Đ", "“Ð” (chữ eth)"), ("\u00f0", "đ", "“ð” (chữ eth)"),
               ("\u2215\u2044\uff0f", "/", "gạch chéo khác “/” (∕, ⁄, ／)"))
LOOK_ALIKE_TABLE = str.maketrans({wrong: right for chars, right, _what in LOOK_ALIKES for wrong in chars})

# Each base vowel with its quality mark removed: what a text typed without marks shows.
SKELETON = str.maketrans({"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"})


def _tables() -> tuple[dict[str, tuple[str, int]], dict[tuple[str, int], str]]:
    split: dict[str, tuple[str, int]] = {}
    join: dict[tuple[str, int], str] = {}
    for base in BASE_VOWELS + BASE_VOWELS.upper():
        for tone in range(6):
            mark = TONE_MARKS[tone - 1] if tone else ""
            char = unicodedata.normalize("NFC", base + mark)
            split[char] = (base, tone)
            join[(base, tone)] = char
    for char in CONSONANTS + CONSONANTS.upper():
        split[char] = (char, NGANG)
        join[(char, NGANG)] = char
    return split, join


_SPLIT, _JOIN = _tables()


def split(char: str) -> tuple[str, int] | None:
    """The base letter and tone of one Vietnamese letter; None for any other character."""
    return _SPLIT.get(char)


def join(base: str, tone: int) -> str:
    """The letter ``base`` carrying ``tone`` (a consonant only takes ngang)."""
    return _JOIN[(base, tone)]


def strip_tone(word: str) -> tuple[str, int, int] | None:
    """``word`` without its tone mark, the tone, and the index of the letter that carried it (-1 for none).

    None when ``word`` has a character that is not a Vietnamese letter or carries two tone marks.
    """
    letters: list[str] = []
    tone, where = NGANG, -1
    for index, char in enumerate(word):
        found = _SPLIT.get(char)
        if found is None:
            return None
        base, mark = found
        if mark:
            if tone:
                return None
            tone, where = mark, index
        letters.append(base)
    return "".join(letters), tone, where


def with_case(text: str, pattern: str) -> str:
    """``text`` with the upper/lower case of ``pattern``, letter by letter (``pattern`` as long or longer)."""
    return "".join(c.upper() if p.isupper() else c.lower() for c, p in zip(text, pattern))


def skeleton(text: str) -> str:
    """Lower case with every mark removed: "Trách" → "trach"."""
    stripped = strip_tone(text.lower())
    plain = stripped[0] if stripped else text.lower()
    return plain.translate(SKELETON)
