"""Tone-mark placement of a whole text or draft: which styles it uses, and converting it on request."""
from __future__ import annotations

from ptdraft import api
from ptdraft.model import Content, Draft, Field, Item, Signature, SigningMode
from ptdraft.vietnamese import ToneStyle, to_tone_style, tone_usage

OLD_TEXT = "Cộng hoà xã hội, hoà bình, thuỷ lợi, khoẻ mạnh; Uỷ ban nhân dân tỉnh, Thành uỷ."
NEW_TEXT = "Cộng hòa xã hội, hòa bình, thủy lợi, khỏe mạnh; Ủy ban nhân dân tỉnh, Thành ủy."


def test_a_text_converts_to_the_new_style_and_back():
    """Every oa/oe/uy word moves its mark, and the number of changed words is reported."""
    assert to_tone_style(OLD_TEXT, ToneStyle.NEW) == (NEW_TEXT, 6)
    assert to_tone_style(NEW_TEXT, ToneStyle.OLD) == (OLD_TEXT, 6)


def test_conversion_changes_nothing_else():
    """A text already in the style, and words outside oa/oe/uy (and non-words), come back unchanged."""
    assert to_tone_style(NEW_TEXT, ToneStyle.NEW) == (NEW_TEXT, 0)
    other = "Hoàng Văn Toán, quả, ngoài, của, người, HCQT, XVII, H2b, 10/5/2026, Festival."
    assert to_tone_style(other, ToneStyle.OLD) == (other, 0)
    assert to_tone_style(other, ToneStyle.NEW) == (other, 0)


def test_a_misplaced_mark_is_moved_by_the_conversion():
    """Converting also puts a mark written on the wrong letter ("tóan") where it belongs."""
    assert to_tone_style("môn tóan", ToneStyle.NEW) == ("môn toán", 1)


def test_usage_says_which_styles_a_text_uses():
    """Old-style words, new-style words and a mix of both are counted apart."""
    assert tone_usage(OLD_TEXT).styles == (ToneStyle.OLD,)
    assert tone_usage(NEW_TEXT).styles == (ToneStyle.NEW,)
    mixed = tone_usage("Tỉnh ủy và Thành uỷ, hoà bình")
    assert (mixed.old, mixed.new, mixed.mixed) == (2, 1, True)
    assert tone_usage("không có từ nào khác nhau").styles == ()


def _draft() -> Draft:
    content = Content(
        subject="phát huy tinh thần hoà nhập",
        recipients=("Uỷ ban nhân dân tỉnh",),
        body="Thực hiện chỉ đạo của Thành uỷ {{ tinh }}.",
        requirements=(Item("Đảm bảo hoà bình", ("Thuỷ lợi",)),),
        signature=Signature(SigningMode.TM, collective="UỶ BAN NHÂN DÂN", position="CHỦ TỊCH", name="Hoà"),
        issuer_code="UBND",
    )
    return Draft(content=content, values={"tinh": "Khánh Hoà", "ds": ["Thuỷ", "x"]}, fields=(Field("tinh", "Tỉnh"),))


def test_a_draft_converts_as_a_whole_on_request():
    """with_tone_style converts every text part and value of a draft, and says how many words changed."""
    draft = _draft()
    assert api.tone_styles(draft).styles == (ToneStyle.OLD,)
    converted, changed = api.with_tone_style(draft, ToneStyle.NEW)
    assert changed == 9
    content = converted.content
    assert content.subject == "phát huy tinh thần hòa nhập"
    assert content.recipients == ("Ủy ban nhân dân tỉnh",)
    assert content.requirements == (Item("Đảm bảo hòa bình", ("Thủy lợi",)),)
    assert content.signature.collective == "ỦY BAN NHÂN DÂN"
    assert content.issuer_code == "UBND"
    assert converted.values == {"tinh": "Khánh Hòa", "ds": ["Thủy", "x"]}
    assert api.fill(converted).body == "Thực hiện chỉ đạo của Thành ủy Khánh Hòa."
    assert api.tone_styles(converted).styles == (ToneStyle.NEW,)
    assert draft.content.subject == "phát huy tinh thần hoà nhập"  # the original is untouched
