"""The Vietnamese spelling check: the real letter, impossible syllables, the word list, doubled words, spacing, capitals."""
from __future__ import annotations

from pathlib import Path

import pytest

from ptdraft import api
from ptdraft.model import Content, Draft, Item, Signature
from ptdraft.vietnamese import FindingKind, Lexicon, check_text, default_lexicon

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
LETTER = SAMPLES / "cong-van-van-phong-ubnd-tinh.txt"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    found = default_lexicon()
    assert found is not None, "Debian's hunspell-vi word list is not installed (apt-get install hunspell-vi)"
    return found


def _spelling(findings):
    return [f for f in findings if f.kind in (FindingKind.SYLLABLE, FindingKind.UNKNOWN_WORD,
                                              FindingKind.MISSING_MARKS, FindingKind.TONE_PLACEMENT)]


def test_the_installed_word_list_is_read_in_either_tone_style(lexicon):
    """hunspell-vi writes "uỷ, hoà"; lookups in either style and any case find the same entries."""
    assert len(lexicon) > 6000
    for word in ("uỷ", "ủy", "Ủy", "UỶ", "hoà", "hòa", "thuỷ", "thủy", "trách"):
        assert word in lexicon, word
    assert "trâch" not in lexicon
    assert "gải" not in lexicon


def test_the_real_letter_has_one_misspelt_syllable_with_the_word_list(lexicon):
    """With hunspell-vi, the letter's only finding of any kind is "trâch", suggested "trách" then "trạch"."""
    text = LETTER.read_text(encoding="utf-8")
    findings = check_text(text, lexicon=lexicon)
    assert [(f.kind, f.excerpt) for f in findings] == [(FindingKind.SYLLABLE, "trâch")]
    assert findings[0].suggestions[:2] == ("trách", "trạch")
    assert "âch" in findings[0].message
    assert check_text(text) == findings  # the default is the installed list


def test_the_real_letter_has_one_misspelt_syllable_by_the_rules_alone():
    """Without any word list, the syllable rules alone flag "trâch" and nothing else in the letter."""
    findings = check_text(LETTER.read_text(encoding="utf-8"), lexicon=None)
    assert [(f.kind, f.excerpt) for f in findings] == [(FindingKind.SYLLABLE, "trâch")]
    assert findings[0].suggestions[:2] == ("trách", "trạch")


def test_abbreviations_numerals_codes_and_both_tone_styles_are_not_misspellings(lexicon):
    """HCQT, LĐVP, UBND, XVII, H2b, b/c, VP-HCQT, TTr, initials and "ủy"/"uỷ" pass; a heading's words are checked."""
    text = (
        "Tỉnh ủy, Thành uỷ, UBND, HĐND, HCQT, LĐVP (H2b), CT, PCT UBND tỉnh (b/c), lần thứ XVII, "
        "VP-HCQT, Tờ trình số 92/TTr-UBND, P.T.T.Huyền, Đ/c Bí thư, 3D, ngày 10/5/2026, Đắk Lắk, Krông Nô."
    )
    assert _spelling(check_text(text, lexicon=lexicon)) == []
    heading = check_text("NÂNG CAO TRÂCH NHIỆM", lexicon=lexicon)
    assert [(f.kind, f.excerpt) for f in heading] == [(FindingKind.SYLLABLE, "TRÂCH")]
    assert heading[0].suggestions[0] == "TRÁCH"


def test_words_missing_from_the_list_and_words_missing_their_marks(lexicon):
    """A well-formed syllable not in the list ("gải") and an unmarked Vietnamese word ("Viet") are flagged; English is not."""
    findings = check_text("thẩm quyền gải quyết, Viet Nam, Festival video clip Metro", lexicon=lexicon)
    assert [(f.kind, f.excerpt) for f in findings] == [
        (FindingKind.UNKNOWN_WORD, "gải"),
        (FindingKind.MISSING_MARKS, "Viet"),
    ]
    assert "giải" in findings[0].suggestions
    assert findings[1].suggestions == ("Viết", "Việt")
    assert _spelling(check_text("thẩm quyền gải quyết", lexicon=None)) == []  # no list: no "unknown word"


def test_misplaced_tone_marks_are_flagged_with_the_right_place():
    """A tone mark on the wrong letter ("tóan", "cuả") is flagged with the word as it should be."""
    findings = check_text("môn tóan của cuả", lexicon=None)
    assert [(f.kind, f.excerpt, f.suggestions) for f in findings] == [
        (FindingKind.TONE_PLACEMENT, "tóan", ("toán",)),
        (FindingKind.TONE_PLACEMENT, "cuả", ("của",)),
    ]


def test_doubled_words():
    """A word written twice in a row is flagged; reduplications and different-case neighbours are not."""
    findings = check_text("trách nhiệm của của đơn vị và và các phòng; mãi mãi, song song, nội thành Thành phố", lexicon=None)
    doubled = [(f.excerpt, f.suggestions) for f in findings if f.kind is FindingKind.DOUBLED_WORD]
    assert doubled == [("của của", ("của",)), ("và và", ("và",))]


@pytest.mark.parametrize(
    "text, excerpt, suggestion",
    [
        ("Hôm nay , trời đẹp.", " ,", ","),
        ("trời đẹp .", " .", "."),
        ("như sau :", " :", ":"),
        ("ghi rõ ; ", " ;", ";"),
        ("(nếu có )", " )", ")"),
        ("vật tư ... để", " ...", "..."),
        ("thẩm quyền ./.", " ./.", "./."),
        ("miễn nhiệm,bãi nhiệm", ",", ", "),
        ("Lưu:VT", ":", ": "),
        ("(2)Q.Cường", ")", ") "),
        ("cơ quan.Để tiếp tục", ".", ". "),
        ("vở diễn “ Thăng Long”", "“ ", "“"),
        ("nhiệm kỳ 2026 -2031", " -", " - "),
        ("văn hiến- nơi hội tụ", "- ", " - "),
    ],
)
def test_spacing_around_punctuation(text, excerpt, suggestion):
    """A space before , . ; : ) … ./., none after , ; : ) or a full stop, a space inside brackets, a lopsided dash."""
    findings = [f for f in check_text(text, lexicon=None) if f.kind is FindingKind.SPACING]
    assert [(f.excerpt, f.suggestions[0]) for f in findings] == [(excerpt, suggestion)]


def test_spacing_leaves_numbers_codes_and_addresses_alone():
    """Numbers, dates, times, symbols, initials, abbreviations, the end mark and web addresses are not spacing errors."""
    text = (
        "1.234,5 đồng lúc 15:30 ngày 10/5/2026 tại TP.HCM, Đ/c P.T.T.Huyền, Quyết định số 5969/QĐ-UBND, "
        "kinh tế - xã hội, xem https://vanban.chinhphu.vn/a,b hoặc vanthu@quangtri.gov.vn; thực hiện./."
    )
    assert check_text(text, lexicon=None) == []


@pytest.mark.parametrize(
    "text, excerpt, suggestion",
    [
        ("Ủy ban nhân dân Tỉnh Nghệ An đề nghị", "Tỉnh", "tỉnh"),
        ("gửi UBND Xã Quảng Châu.", "Xã", "xã"),
        ("Thường trực Hội đồng nhân dân Thành phố Đà Nẵng", "Thành phố", "thành phố"),
        ("UBND phường 3 báo cáo", "phường", "Phường"),
        ("đại biểu thành phố Hồ Chí Minh", "thành phố", "Thành phố"),
        ("theo quy định tại điều 5", "điều", "Điều"),
        ("tại chương II của Luật", "chương", "Chương"),
        ("theo Khoản 2 Điều 5", "Khoản", "khoản"),
        ("tại Điểm a khoản 2", "Điểm", "điểm"),
    ],
)
def test_capitalisation_rules_of_phu_luc_ii(text, excerpt, suggestion):
    """Administrative units and cited parts of a text are capitalised as Phụ lục II decides."""
    findings = check_text(text, lexicon=None)
    assert [(f.kind, f.excerpt, f.suggestions) for f in findings] == [(FindingKind.CAPITALISATION, excerpt, (suggestion,))]


def test_capitalisation_leaves_correct_text_and_sentence_starts_alone():
    """Lower-case generic words, a unit at the start of a sentence or list item, headings and Phường 3 pass."""
    text = (
        "Tỉnh Nghệ An có nhiều xã. Xã Quảng Châu đã làm tốt.\n- Xã Bát Tràng;\nUBND TỈNH QUẢNG TRỊ\n"
        "tỉnh Nghệ An, xã Quảng Châu, Phường 3, Quận 1, Thành phố Hồ Chí Minh, Tỉnh ủy, xã hội, "
        "Điều 5, Chương II, khoản 2, điểm a.\nKhoản 3. Quy định chung"
    )
    assert check_text(text, lexicon=None) == []


def test_check_spelling_names_the_draft_part_of_each_finding(lexicon):
    """api.check_spelling checks the text of every part as written (template expressions left out) and every
    template field's value, and names where each finding is edited, as the window's fields do."""
    content = Content(
        subject="nâng cao trâch nhiệm",
        recipients=("Sở Nội vụ", "UBND Tỉnh Nghệ An"),
        body="Thực hiện chỉ đạo của {{ co_quan }} ,",
        requirements=(Item("Đúng hạn"), Item("Kiểm tra", ("của của đơn vị",))),
        signature=Signature(name="Nguyễn Văn Tóan"),
        issuer_code="HCQT",
        archive=("HCQT", "XVII"),
        drafter_code="H2b",
    )
    draft = Draft(content=content, values={"co_quan": "Sở Nộii vụ"})
    findings = api.check_spelling(draft)
    assert [(f.ref, f.kind, f.excerpt) for f in findings] == [
        ("subject", FindingKind.SYLLABLE, "trâch"),
        ("recipients[2]", FindingKind.CAPITALISATION, "Tỉnh"),
        ("body", FindingKind.SPACING, " ,"),
        ("requirements[2].subitems[1]", FindingKind.DOUBLED_WORD, "của của"),
        ("signature.name", FindingKind.TONE_PLACEMENT, "Tóan"),
        ("values.co_quan", FindingKind.SYLLABLE, "Nộii"),
    ]
    body = draft.content.body
    assert body[findings[2].start:findings[2].end] == " ,"
    assert draft.values["co_quan"][findings[5].start:findings[5].end] == "Nộii"


def test_template_expressions_give_no_findings_of_their_own():
    """A template's text is checked around its expressions: "({{ x }})" and "{{ a }}{{ b }}" are not
    spacing or doubled-word mistakes; every shipped template's example has no finding at all."""
    content = Content(body="Thời gian: {{ gio }}, ({{ thu }}){% if x %}.{% endif %} {{ a }} {{ a }}.")
    assert api.check_spelling(Draft(content=content, values={"gio": "8 giờ", "thu": "thứ Hai", "a": "b"})) == []
    for template in api.list_templates():
        assert api.check_spelling(api.example_draft(template)) == [], template.id


def test_check_spelling_of_the_imported_letter_points_at_the_fourth_requirement(lexicon):
    """The real letter imported as a draft has one finding, "trâch", in requirements[4]."""
    draft, _report = api.import_file(LETTER)
    findings = api.check_spelling(draft)
    assert [(f.ref, f.excerpt) for f in findings] == [("requirements[4]", "trâch")]
