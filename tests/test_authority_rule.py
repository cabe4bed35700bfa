"""The rule under the issuing agency is 1/3 to 1/2 of the agency's line as printed (FORMAT.md §3.2), also when a
long name wraps in its cell ("PHÒNG TÀI CHÍNH - KẾ HOẠCH" in bold 12 pt is wider than the 6.25 cm column): ptdraft's
own letter never gets the checker's ``rule.length`` finding, for the longest real names of units and bodies."""
from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings, strategies as st

from ptdraft import api, rules
from ptdraft.checker import check_bytes
from ptdraft.reference import admin_units
from ptdraft.reference.metrics import text_width, wrapped_widths
from tests.support import REPO

LETTER = api.load_draft(REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json")
_PROVINCES, _COMMUNES = admin_units.unit_names()
# The longest commune-level and province-level names of the data, and the body kinds that go before them.
LONGEST = sorted(_COMMUNES | _PROVINCES, key=len, reverse=True)[:40]
BODIES = ["PHÒNG TÀI CHÍNH - KẾ HOẠCH", "PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ", "PHÒNG VĂN HÓA - XÃ HỘI",
          "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SỞ TƯ PHÁP",
          "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG CÔNG TRÌNH DÂN DỤNG VÀ CÔNG NGHIỆP", "UBND"]


def _rule_findings(authority: str, parent: str = "") -> list:
    content = dataclasses.replace(LETTER.content, authority=authority, parent_authority=parent)
    data = api.docx_bytes(dataclasses.replace(LETTER, content=content))
    return [f for f in check_bytes(data) if f.rule.startswith("rule.")]


def test_a_name_wider_than_its_column_gets_a_rule_measured_on_its_wrapped_lines():
    style = rules.STYLES[rules.Element.AUTHORITY]
    name = "PHÒNG TÀI CHÍNH - KẾ HOẠCH"
    assert text_width(name, style.size, bold=True) > rules.HEADER_LEFT  # it wraps: the case the review found
    assert _rule_findings(name, "ỦY BAN NHÂN DÂN HUYỆN YÊN BÌNH") == []


def test_wrapped_widths_breaks_at_spaces_and_inside_a_word_too_long():
    size = 12
    one = text_width("PHÒNG TÀI CHÍNH - KẾ", size, bold=True)
    assert wrapped_widths("PHÒNG TÀI CHÍNH - KẾ HOẠCH", one, size, bold=True) == (
        one, text_width("HOẠCH", size, bold=True))
    assert wrapped_widths("A B", 10_000, size) == (text_width("A B", size),)
    assert len(wrapped_widths("Đ" * 200, 2_000, size)) > 1 and max(wrapped_widths("Đ" * 200, 2_000, size)) <= 2_000


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BODIES), st.sampled_from(LONGEST), st.sampled_from(["XÃ", "PHƯỜNG", "TỈNH", "THÀNH PHỐ"]),
       st.booleans())
def test_no_rule_finding_on_our_own_letter_for_long_real_names(body, place, unit, with_place):
    authority = f"{body} {unit} {place.upper()}" if with_place else body
    assert _rule_findings(authority, f"ỦY BAN NHÂN DÂN {unit} {place.upper()}") == [], authority
