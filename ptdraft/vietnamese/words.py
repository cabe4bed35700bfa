"""Words of a text for the checks: where each one is, and which ones are not Vietnamese words to check.

Left alone, because they are not misspellings: abbreviations in capitals (HCQT, LĐVP,
UBND), Roman numerals (XVII), numbers and anything with a digit (H2b, 3D), mixed-case
codes (TTr, TTg), words touching a "/" (b/c, Đ/c, ph/h), single capitals (initials:
P.T.T.Huyền), web and e-mail addresses, Jinja expressions, and foreign words: words with
f, j, w, z or letters outside the Vietnamese alphabet, and unmarked words that are not
Vietnamese syllables and would not become one with marks (Festival, video, Metro).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ptdraft.vietnamese.syllable import Problem, analyse

_TOKEN = re.compile(r"\w+")
_SKIP_SPANS = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}"  # Jinja
    r"|(?:https?://|www\.)\S+"  # web addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    re.S,
)
_FOREIGN_LETTERS = frozenset("fjwzFJWZ")


class WordClass(Enum):
    CHECK = "check"  # a Vietnamese word: check it
    CODE = "code"  # abbreviation, numeral, code, initial: not a word
    FOREIGN = "foreign"  # a word of another language


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    kind: WordClass


def skip_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _SKIP_SPANS.finditer(text)]


def classify(token: str, before: str = "", after: str = "") -> WordClass:
    """Whether ``token`` is a word to check; ``before``/``after`` are the characters around it."""
    if "/" in (before, after) or not token.isalpha() or "_" in token:
        return WordClass.CODE
    if len(token) == 1:
        return WordClass.CODE if token.isupper() or not analyse(token).valid else WordClass.CHECK
    upper = token.isupper()
    if not upper and any(ch.isupper() for ch in token[1:]):
        return WordClass.CODE  # TTr, PTTgTT
    if any(ch in _FOREIGN_LETTERS for ch in token):
        return WordClass.FOREIGN
    found = analyse(token)
    if found.problem is Problem.LETTERS:
        return WordClass.FOREIGN
    if upper:
        # Capitals: a word of a heading when it reads as a syllable or carries a vowel mark,
        # otherwise an abbreviation (HCQT, LĐVP, XVII, VT).
        if found.valid or found.problem is Problem.TONE_PLACE:
            return WordClass.CHECK
        marked = any(not ch.isascii() and ch not in "Đđ" for ch in token)
        return WordClass.CHECK if marked else WordClass.CODE
    return WordClass.CHECK


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, each with its class."""
    skipped = skip_spans(text)
    out: list[Word] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in skipped):
            continue
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        out.append(Word(match.group(0), start, end, classify(match.group(0), before, after)))
    return out
