"""What the Vietnamese text checks report: one :class:`TextFinding` per problem, with its place in the text."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FindingKind(Enum):
    ENCODING = "encoding"  # the text is in a legacy 8-bit encoding (TCVN3, VNI)
    SYLLABLE = "syllable"  # a syllable that cannot exist in Vietnamese ("trâch")
    TONE_PLACEMENT = "tone_placement"  # a tone mark on the wrong letter ("tóan")
    MISSING_MARKS = "missing_marks"  # a word typed without its marks ("ket" for "két")
    UNKNOWN_WORD = "unknown_word"  # a well-formed syllable that is not in the word list ("gải")
    DOUBLED_WORD = "doubled_word"  # "của của"
    SPACING = "spacing"  # space before , . ; : ) ! ? or none after
    CAPITALISATION = "capitalisation"  # Phụ lục II: "tỉnh Nghệ An", "Điều 5", "khoản 2"


@dataclass(frozen=True)
class TextFinding:
    """One problem in a piece of text.

    ``start``/``end`` are offsets into the checked text (``excerpt`` is ``text[start:end]``);
    ``message`` says what is wrong, in Vietnamese; ``suggestions`` are replacements for the
    excerpt, best first (may be empty). ``ref`` names the part of a draft the text comes
    from ("body", "requirements[4]"), empty for a bare text.
    """

    kind: FindingKind
    start: int
    end: int
    excerpt: str
    message: str
    suggestions: tuple[str, ...] = ()
    ref: str = ""


def finding(kind: FindingKind, text: str, start: int, end: int, message: str, suggestions=()) -> TextFinding:
    return TextFinding(kind, start, end, text[start:end], message, tuple(suggestions))
