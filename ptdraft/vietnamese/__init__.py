"""Vietnamese text hygiene, offline: legacy encodings, tone-mark placement, spelling, spacing, capitals.

    findings = check_text("Trưởng phòng nâng cao trâch nhiệm của của đơn vị ,")
    text, encoding = convert_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam")   # → "Cộng hoà …", "TCVN3"
    text, changed = to_tone_style("hoà bình, thuỷ lợi", ToneStyle.NEW)       # → "hòa bình, thủy lợi", 2

The word list is Debian's hunspell-vi when installed (see :mod:`.lexicon`); without
it every check still runs except "not in the word list".
"""
from __future__ import annotations

import unicodedata

from ptdraft.vietnamese import legacy
from ptdraft.vietnamese.capitals import capitalisation
from ptdraft.vietnamese.findings import FindingKind, TextFinding, finding
from ptdraft.vietnamese.lexicon import Lexicon, default_lexicon
from ptdraft.vietnamese.punctuation import spacing
from ptdraft.vietnamese.spelling import check_words, doubled_words
from ptdraft.vietnamese.syllable import ToneStyle, analyse
from ptdraft.vietnamese.tones import StyleUsage, convert as to_tone_style, usage as tone_usage
from ptdraft.vietnamese.words import words

__all__ = [
    "FindingKind",
    "Lexicon",
    "StyleUsage",
    "TextFinding",
    "ToneStyle",
    "analyse",
    "check_text",
    "convert_legacy",
    "default_lexicon",
    "detect_legacy",
    "to_tone_style",
    "tone_usage",
]

_INSTALLED = object()


def detect_legacy(text: str) -> str | None:
    """"TCVN3" or "VNI" when ``text`` is Vietnamese typed in that legacy encoding, else None."""
    return legacy.detect(text)


def convert_legacy(text: str) -> tuple[str, str | None]:
    """``text`` converted to Unicode NFC, and the legacy encoding it was in (None: already Unicode, unchanged)."""
    return legacy.convert(text)


def check_text(text: str, *, lexicon: "Lexicon | None | object" = _INSTALLED) -> list[TextFinding]:
    """Every finding in ``text``, in order of position (offsets into the NFC form of ``text``).

    ``lexicon`` is the word list to look words up in: by default the installed
    hunspell-vi list (none if it is not installed); ``None`` checks by the rules only.
    """
    text = unicodedata.normalize("NFC", text)
    if lexicon is _INSTALLED:
        lexicon = default_lexicon()
    encoding = legacy.detect(text)
    if encoding is not None:
        converted = legacy.decode(text, encoding)
        return [finding(
            FindingKind.ENCODING, text, 0, len(text),
            f"Văn bản đang ở bảng mã cũ {legacy.NAMES[encoding]}, không phải Unicode; hãy chuyển sang Unicode",
            (converted,),
        )]
    items = words(text)
    found = check_words(text, items, lexicon)  # type: ignore[arg-type]
    found += doubled_words(text, items)
    found += spacing(text)
    found += capitalisation(text)
    found.sort(key=lambda f: (f.start, f.end, f.kind.value))
    return found
