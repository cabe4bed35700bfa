"""Tone-mark placement styles of a whole text: which ones it uses, and converting it to one of them.

Only the open rhymes oa, oe, uy differ ("hoà/hòa", "khoẻ/khỏe", "thuỷ/thủy"); every
other syllable is written the same way in both styles. Conversion is done only when
asked for, and says how many words it changed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ptdraft.vietnamese.syllable import ToneStyle, placed, style_of

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class StyleUsage:
    """How many words of a text are written in each style (words the styles write alike are not counted)."""

    old: int = 0
    new: int = 0

    @property
    def styles(self) -> tuple[ToneStyle, ...]:
        return tuple(s for s, n in ((ToneStyle.OLD, self.old), (ToneStyle.NEW, self.new)) if n)

    @property
    def mixed(self) -> bool:
        return bool(self.old and self.new)

    def __add__(self, other: "StyleUsage") -> "StyleUsage":
        return StyleUsage(self.old + other.old, self.new + other.new)


def usage(text: str) -> StyleUsage:
    """Which placement styles ``text`` uses."""
    old = new = 0
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        style = style_of(word)
        if style is ToneStyle.OLD:
            old += 1
        elif style is ToneStyle.NEW:
            new += 1
    return StyleUsage(old, new)


def convert(text: str, style: ToneStyle) -> tuple[str, int]:
    """``text`` with every word in ``style``, and the number of words changed.

    Misplaced marks ("tóan") are moved to their place as well; anything that is not a
    Vietnamese syllable is left as it is.
    """
    changed = 0

    def fix(match: re.Match) -> str:
        nonlocal changed
        word = match.group(0)
        result = placed(word, style)
        if result != word:
            changed += 1
        return result

    result = _WORD.sub(fix, unicodedata.normalize("NFC", text))
    return result, changed
