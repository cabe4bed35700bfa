"""Spelling of Vietnamese words: impossible syllables, misplaced tone marks, missing marks,
words not in the word list, and doubled words.

Each word is checked once per distinct spelling (results are cached), so checking a
page again after a keystroke costs little more than finding its words.
"""
from __future__ import annotations

import functools

from ptdraft.vietnamese.findings import FindingKind, TextFinding, finding
from ptdraft.vietnamese.letters import TONE_NAMES
from ptdraft.vietnamese.lexicon import Lexicon, marked_variants, suggestions
from ptdraft.vietnamese.syllable import Problem, ToneStyle, analyse, placed, rhyme_of, style_of
from ptdraft.vietnamese.words import Word, WordClass

# Words that Vietnamese repeats on purpose ("mãi mãi", "ngày ngày"): not flagged as doubled.
REDUPLICATED = frozenset(
    """ai ào ầm cao dần đâu đều đêm đời đùng hay khắp kiếp lâu luôn mãi năm ngày người nhà rồi song
    tháng thường từ tuần vui xa xanh xưa""".split()
)


def _problem_message(word: str, found) -> str:
    problem = found.problem
    if problem is Problem.TWO_TONES:
        return f"“{word}” có hai dấu thanh"
    if problem is Problem.ONSET:
        return f"“{word}” không phải âm tiết tiếng Việt: không có phụ âm đầu như vậy"
    if problem is Problem.NO_VOWEL:
        return f"“{word}” không có nguyên âm"
    if problem is Problem.RHYME:
        rest = found.rest or found.plain
        return f"“{word}” không phải âm tiết tiếng Việt: vần “{rest}” không có trong tiếng Việt"
    if problem is Problem.SPELLING:
        rhyme = rhyme_of(found.onset, found.rest) or found.rest
        return f"“{word}” sai chính tả: “{found.onset}” không đi với vần “{rhyme}” (quy tắc c/k, g/gh, ng/ngh, qu, iê/yê)"
    if problem is Problem.STOP_TONE:
        return (
            f"“{word}” không phải âm tiết tiếng Việt: vần tận cùng bằng -c, -ch, -p, -t chỉ mang thanh sắc "
            f"hoặc nặng (ở đây là thanh {TONE_NAMES[found.tone]})"
        )
    return f"“{word}” không phải âm tiết tiếng Việt"


def _is_minority_name(word: str) -> bool:
    """A capitalised name written as the Central Highlands' names are, with a final k or an onset
    cluster (Đắk Lắk, Krông Nô, Glong): a proper name, not a misspelling."""
    lower = word.lower()
    if not word[:1].isupper() or word.isupper():
        return False
    fine = (None, Problem.STOP_TONE, Problem.TONE_PLACE)
    if lower.endswith("k") and analyse(lower[:-1] + "c").problem in fine:
        return True
    return len(lower) > 2 and lower[1] in "lr" and lower[0] in "bcdđghklmnpstv" and analyse(lower[1:]).problem in fine


@functools.lru_cache(maxsize=32768)
def _check_word(token: str, lexicon: Lexicon | None) -> tuple[FindingKind, str, tuple[str, ...]] | None:
    """The problem with one word to check, as (kind, message, suggestions); None when it is fine."""
    found = analyse(token)
    style = style_of(token) or ToneStyle.NEW
    ascii_only = token.isascii()
    if found.problem is Problem.TONE_PLACE:
        fixes = tuple(dict.fromkeys((placed(token, ToneStyle.NEW), placed(token, ToneStyle.OLD))))
        return FindingKind.TONE_PLACEMENT, f"“{token}”: dấu thanh đặt sai chỗ", fixes
    if found.problem is not None:
        if ascii_only:
            # No marks at all: a Vietnamese word typed without them, or a foreign word.
            variants = marked_variants(token, lexicon)
            if not variants:
                return None
            return FindingKind.MISSING_MARKS, f"“{token}” thiếu dấu", variants
        if _is_minority_name(token):
            return None
        return FindingKind.SYLLABLE, _problem_message(token, found), suggestions(token, lexicon, style)
    if lexicon is not None and token not in lexicon:
        if ascii_only and not marked_variants(token, lexicon):
            return None  # a foreign word that happens to be spelled like a syllable
        return (
            FindingKind.UNKNOWN_WORD,
            f"“{token}” không có trong từ điển tiếng Việt",
            suggestions(token, lexicon, style),
        )
    return None


def check_words(text: str, items: list[Word], lexicon: Lexicon | None) -> list[TextFinding]:
    """Spelling findings for the words of ``text``."""
    out: list[TextFinding] = []
    for word in items:
        if word.kind is not WordClass.CHECK:
            continue
        result = _check_word(word.text, lexicon)
        if result is not None:
            kind, message, fixes = result
            out.append(finding(kind, text, word.start, word.end, message, fixes))
    return out


def doubled_words(text: str, items: list[Word]) -> list[TextFinding]:
    """A word written twice in a row with only spaces between ("của của")."""
    out: list[TextFinding] = []
    for first, second in zip(items, items[1:]):
        if first.kind is not WordClass.CHECK or second.kind is not WordClass.CHECK:
            continue
        # Same spelling and same capitals: "thành Thành phố" is two words, "của của" one written twice.
        if first.text != second.text or first.text.lower() in REDUPLICATED:
            continue
        if text[first.end:second.start].strip(" \t\u00a0"):
            continue
        out.append(
            finding(
                FindingKind.DOUBLED_WORD,
                text,
                first.start,
                second.end,
                f"“{first.text}” lặp lại hai lần liền nhau",
                (first.text,),
            )
        )
    return out

