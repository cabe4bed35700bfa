"""The structure of a Vietnamese syllable: onset, rhyme and tone, and where the tone mark goes.

A written syllable is an onset (phụ âm đầu, possibly none), a rhyme (vần: an optional
medial o/u, a vowel nucleus, an optional coda) and a tone. The inventories below are
the orthographic ones of standard Vietnamese (chữ Quốc ngữ), written from the rules:

- onsets: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none;
- k, gh, ngh only before i, e, ê (and k before y); c, g, ng never before them;
  /kw/ is written "qu", never "co"/"cu" + medial;
- a rhyme ending in a stop (-c, -ch, -p, -t) takes only the sắc or nặng tone;
- "iê" is written "yê" at the start of a syllable, "ia"/"iê" after an onset.

Tone-mark placement has two accepted styles, which differ only in the open rhymes
oa, oe, uy: ``ToneStyle.OLD`` writes "hoà, hoè, thuỷ" (the style of Debian's
hunspell-vi word list and of the .VnTime era), ``ToneStyle.NEW`` writes "hòa, hòe,
thủy". (Sources disagree on which of the two to call old; the examples are the definition.)
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from enum import Enum

from ptdraft.vietnamese.letters import BASE_VOWELS, NANG, NGANG, SAC, TONE_MARKS, join, strip_tone, with_case


class ToneStyle(Enum):
    """Where the tone mark sits in the open rhymes oa, oe, uy."""

    OLD = "old"  # hoà, hoè, thuỷ: on the second vowel
    NEW = "new"  # hòa, hòe, thủy: on the first vowel


ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)

_PLAIN_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ich im in inh ip it iu
ia iêc iêm iên iêng iêp iêt iêu
yêm yên yêng yêt yêu
y
o oc oi om on ong op ot oong ooc
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut
ua uôc uôi uôm uôn uông uôt
ư ưc ưi ưm ưng ưt ưu
ưa ươc ươi ươm ươn ương ươp ươt ươu
"""
# Rhymes with the medial o (before a, ă, e) and u (before â, ê, y, ơ).
_MEDIAL_O = "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet"
_MEDIAL_U = "uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyt uyu"

MEDIAL_RHYMES = frozenset((_MEDIAL_O + " " + _MEDIAL_U).split())
RHYMES = frozenset(_PLAIN_RHYMES.split()) | MEDIAL_RHYMES

STOP_CODAS = ("ch", "c", "p", "t")
_FRONT = "ieêy"
_QUALITY = "ăâêôơư"


class Problem(Enum):
    """Why a word cannot be a Vietnamese syllable."""

    LETTERS = "letters"  # a character that is not a Vietnamese letter
    TWO_TONES = "two_tones"
    ONSET = "onset"  # a consonant cluster no syllable starts with
    NO_VOWEL = "no_vowel"
    RHYME = "rhyme"  # no rhyme is spelled this way
    SPELLING = "spelling"  # onset and rhyme that do not go together (ge, ky…, co + medial)
    STOP_TONE = "stop_tone"  # -c, -ch, -p, -t with a tone other than sắc or nặng
    TONE_PLACE = "tone_place"  # a valid syllable with its tone mark on the wrong letter


@dataclass(frozen=True)
class Analysis:
    """One word read as a syllable. ``plain`` is lower case without its tone mark;
    ``tone_at`` is the index of the letter that carries the tone mark (-1 for none);
    ``rest`` is what follows the onset as written ("a" in "qua", "n" in "gìn")."""

    word: str
    plain: str
    tone: int
    tone_at: int
    onset: str
    rest: str
    problem: Problem | None

    @property
    def valid(self) -> bool:
        return self.problem is None


def split_onset(plain: str) -> tuple[str, str]:
    """The onset and the rest of a lower-case toneless syllable; the onset is "" when none fits."""
    for onset in ONSETS:
        if plain.startswith(onset):
            if onset == "gi" and len(plain) == 2:
                return "gi", ""
            return onset, plain[len(onset):]
    return "", plain


def rhyme_of(onset: str, rest: str) -> str | None:
    """The rhyme (with its medial) that ``rest`` spells after ``onset``; None when it spells none."""
    if onset == "qu":
        rhyme = ("o" + rest) if rest[:1] in ("a", "ă", "e") else ("u" + rest)
        return rhyme if rhyme in RHYMES else None
    if onset == "gi":
        if not any(ch in BASE_VOWELS for ch in rest):
            return "i" + rest if ("i" + rest) in RHYMES else None
        if rest in RHYMES:
            return rest
        return "i" + rest if rest.startswith("ê") and ("i" + rest) in RHYMES else None
    return rest if rest in RHYMES else None


@functools.lru_cache(maxsize=65536)
def problem_of(plain: str, tone: int) -> Problem | None:
    """Why ``plain`` (lower case, no tone mark) with ``tone`` is not a syllable; None when it is one."""
    onset, rest = split_onset(plain)
    if not rest and onset != "gi":
        return Problem.NO_VOWEL if onset or not plain else Problem.RHYME
    if rest and rest[0] not in BASE_VOWELS and onset != "gi":
        return Problem.ONSET
    if onset == "" and plain[0] not in BASE_VOWELS:
        return Problem.ONSET
    rhyme = rhyme_of(onset, rest)
    if rhyme is None:
        return Problem.RHYME
    first = rhyme[0]
    if onset == "k" and first not in _FRONT:
        return Problem.SPELLING
    if onset in ("gh", "ngh") and first not in "ieê":
        return Problem.SPELLING
    if onset in ("c", "g", "ng") and first in _FRONT:
        return Problem.SPELLING
    if onset in ("c", "k") and rhyme in MEDIAL_RHYMES:
        return Problem.SPELLING
    if rhyme.startswith("iê") and onset == "":
        return Problem.SPELLING
    if rhyme.startswith("yê") and onset != "":
        return Problem.SPELLING
    if rest.endswith(STOP_CODAS) and tone not in (SAC, NANG):
        return Problem.STOP_TONE
    return None


def tone_slot(onset: str, rest: str, style: ToneStyle) -> int:
    """Index in the syllable of the letter that carries the tone mark in ``style``."""
    vowels = [i for i, ch in enumerate(rest) if ch in BASE_VOWELS]
    if not vowels:
        return len(onset) - 1  # "gìn": the i of gi
    if "ơ" in rest:
        slot = rest.index("ơ")
    else:
        marked = [i for i in vowels if rest[i] in _QUALITY]
        if marked:
            slot = marked[0]
        elif len(vowels) == 1:
            slot = vowels[0]
        elif vowels[-1] != len(rest) - 1:  # a final consonant: on the last vowel (hoàng, toán)
            slot = vowels[-1]
        elif len(vowels) >= 3:
            slot = vowels[1]  # ngoài, khuỷu
        elif rest in ("oa", "oe", "uy"):
            slot = vowels[1] if style is ToneStyle.OLD else vowels[0]
        else:
            slot = vowels[0]  # tài, múa, mía, gửi
    return len(onset) + slot


def style_dependent(onset: str, rest: str) -> bool:
    """Whether the two placement styles put this syllable's tone mark on different letters."""
    return onset != "qu" and rest in ("oa", "oe", "uy")


@functools.lru_cache(maxsize=65536)
def analyse(word: str) -> Analysis:
    """``word`` (any case, NFC) read as one syllable."""
    stripped = strip_tone(word.lower())
    if stripped is None:
        bad = Problem.TWO_TONES if _has_two_tones(word) else Problem.LETTERS
        return Analysis(word, word.lower(), NGANG, -1, "", "", bad)
    plain, tone, tone_at = stripped
    onset, rest = split_onset(plain)
    problem = problem_of(plain, tone)
    if problem is None and tone:
        slots = {tone_slot(onset, rest, ToneStyle.OLD), tone_slot(onset, rest, ToneStyle.NEW)}
        if tone_at not in slots:
            problem = Problem.TONE_PLACE
    return Analysis(word, plain, tone, tone_at, onset, rest, problem)


def _has_two_tones(word: str) -> bool:
    """Whether ``word`` is made of Vietnamese letters but carries more than one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    marks = sum(ch in TONE_MARKS for ch in decomposed)
    rest = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    return marks > 1 and strip_tone(rest) is not None


def compose(plain: str, tone: int, style: ToneStyle) -> str:
    """The lower-case syllable ``plain`` with ``tone`` marked where ``style`` puts it."""
    if not tone:
        return plain
    onset, rest = split_onset(plain)
    slot = tone_slot(onset, rest, style)
    if slot < 0:
        return plain
    return plain[:slot] + join(plain[slot], tone) + plain[slot + 1:]


def placed(word: str, style: ToneStyle) -> str:
    """``word`` with its tone mark where ``style`` puts it, case kept; unchanged if it is not a syllable."""
    found = analyse(word)
    if found.problem not in (None, Problem.TONE_PLACE) or not found.tone:
        return word
    return with_case(compose(found.plain, found.tone, style), word)


def style_of(word: str) -> ToneStyle | None:
    """The placement style ``word`` is written in, or None when both styles write it the same way."""
    found = analyse(word)
    if found.problem is not None or not found.tone or not style_dependent(found.onset, found.rest):
        return None
    if found.tone_at == tone_slot(found.onset, found.rest, ToneStyle.OLD):
        return ToneStyle.OLD
    return ToneStyle.NEW
