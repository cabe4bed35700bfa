"""Vietnamese syllable structure: onsets, rhymes, the stop-tone rule, spelling rules and tone-mark placement."""
from __future__ import annotations

import pytest

from ptdraft.vietnamese.letters import NANG, SAC, join, split, strip_tone
from ptdraft.vietnamese.syllable import (
    RHYMES,
    Problem,
    ToneStyle,
    analyse,
    compose,
    placed,
    problem_of,
    style_of,
)

VALID = [
    "trách", "nghiêm", "quốc", "quý", "giữa", "gìn", "giếng", "khuỷu", "xoong", "người", "thuở", "của", "yêu",
    "tiên", "kỹ", "nghĩa", "hoàng", "ngoài", "khuya", "quyết", "huỳnh", "rượu", "Đồng", "Việt", "hừm", "ộ",
]


@pytest.mark.parametrize("word", VALID)
def test_real_syllables_are_valid(word):
    """Every syllable of this list is a well-formed Vietnamese syllable with its tone mark in place."""
    assert analyse(word).problem is None


@pytest.mark.parametrize(
    "word, problem",
    [
        ("trâch", Problem.RHYME),  # "âch" is no rhyme
        ("ngừoi", Problem.RHYME),  # "ưoi" is no rhyme (người)
        ("blá", Problem.ONSET),  # no syllable starts with "bl"
        ("nge", Problem.SPELLING),  # ngh before e
        ("ce", Problem.SPELLING),  # k before e
        ("ka", Problem.SPELLING),  # c before a
        ("ghá", Problem.SPELLING),  # g before a
        ("coan", Problem.SPELLING),  # /kw/ is written qu
        ("iêu", Problem.SPELLING),  # yêu at the start of a syllable
        ("tyên", Problem.SPELLING),  # iê after an onset
        ("trach", Problem.STOP_TONE),
        ("họp", None),
        ("hỏp", Problem.STOP_TONE),
        ("mất", None),
        ("mầt", Problem.STOP_TONE),
        ("sách", None),
        ("sãch", Problem.STOP_TONE),
        ("tóan", Problem.TONE_PLACE),
        ("cuả", Problem.TONE_PLACE),
        ("Festival", Problem.LETTERS),
        ("tr", Problem.NO_VOWEL),
    ],
)
def test_impossible_syllables_are_named_with_their_problem(word, problem):
    """A word that cannot be a syllable is reported with the rule it breaks (rhyme, onset, spelling, stop tone, mark place)."""
    assert analyse(word).problem is problem


def test_stop_codas_take_only_sac_or_nang():
    """Every rhyme ending in -c, -ch, -p, -t is valid with sắc and nặng and with no other tone."""
    stops = [r for r in RHYMES if r.endswith(("c", "ch", "p", "t"))]
    checked = 0
    for rhyme in stops:
        plain = ("h" + rhyme) if not rhyme.startswith("yê") else rhyme  # "yêt" stands without an onset
        assert problem_of(plain, SAC) is None, plain
        assert problem_of(plain, NANG) is None, plain
        for tone in (0, 2, 3, 4):
            assert problem_of(plain, tone) is Problem.STOP_TONE, (plain, tone)
        checked += 1
    assert checked == len(stops) > 40


def test_letters_split_and_join_back():
    """Each of the 12 vowels × 6 tones, in both cases, splits into base and tone and joins back."""
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for tone in range(6):
            char = join(base, tone)
            assert split(char) == (base, tone)
    assert strip_tone("Nguyễn") == ("Nguyên", 4, 4)
    assert strip_tone("hóá") is None  # two tone marks


@pytest.mark.parametrize(
    "old, new",
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Uỷ", "Ủy"), ("HOÀ", "HÒA"), ("toả", "tỏa")],
)
def test_the_two_placement_styles_differ_only_in_oa_oe_uy(old, new):
    """"hoà, thuỷ" (old) and "hòa, thủy" (new) convert into each other and are recognised as their style."""
    assert placed(old, ToneStyle.NEW) == new
    assert placed(new, ToneStyle.OLD) == old
    assert style_of(old) is ToneStyle.OLD
    assert style_of(new) is ToneStyle.NEW


@pytest.mark.parametrize("word", ["hoàng", "toán", "quả", "quý", "ngoài", "của", "người", "giữa", "thuở", "Việt"])
def test_other_syllables_are_written_alike_in_both_styles(word):
    """Syllables outside the open oa, oe, uy rhymes have one placement, which both styles keep."""
    assert placed(word, ToneStyle.OLD) == word
    assert placed(word, ToneStyle.NEW) == word
    assert style_of(word) is None


def test_compose_puts_the_mark_on_the_main_vowel():
    """The tone mark goes on the vowel with a quality mark, else the last vowel before a coda, else per style."""
    assert compose("truong", 0, ToneStyle.NEW) == "truong"
    assert compose("tuân", SAC, ToneStyle.NEW) == "tuấn"
    assert compose("khuyu", 3, ToneStyle.OLD) == "khuỷu"
    assert compose("gin", 2, ToneStyle.NEW) == "gìn"
    assert compose("toan", SAC, ToneStyle.OLD) == "toán"
    assert placed("tóan", ToneStyle.NEW) == "toán"
