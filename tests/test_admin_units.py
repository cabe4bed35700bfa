"""The administrative units of 2025 and what the old ones became, read from the shipped dvhcvn data.

The expected successors are written out from the 2025 resolutions (Nghị quyết 202/2025/QH15 for the
provinces, the UBTVQH15 resolutions for communes), not read from the data under test.
"""
from __future__ import annotations

import pytest

from ptdraft.reference import admin_units as units

# Old province → the 2025 province it was merged into (Nghị quyết 202/2025/QH15).
MERGED_PROVINCES = {
    "Hà Giang": "Tuyên Quang", "Quảng Bình": "Quảng Trị", "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Hải Dương": "Hải Phòng", "Thái Bình": "Hưng Yên", "Nam Định": "Ninh Bình",
    "Hà Nam": "Ninh Bình", "Bắc Giang": "Bắc Ninh", "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ",
    "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên", "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai",
    "Phú Yên": "Đắk Lắk", "Ninh Thuận": "Khánh Hòa", "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng",
    "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh", "Tiền Giang": "Đồng Tháp", "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ", "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang", "Quảng Nam": "Đà Nẵng", "Thừa Thiên Huế": "Huế",
}
KEPT_PROVINCES = ["Hà Nội", "Quảng Trị", "Tuyên Quang", "Lâm Đồng", "Cà Mau", "Huế", "Khánh Hòa", "Nghệ An"]


def test_counts_of_2025():
    """34 provinces and centrally-run cities (6 cities, 28 provinces), 3,321 communes: 2,621 xã, 687 phường, 13 đặc khu."""
    provinces = units.provinces()
    assert len(provinces) == 34
    assert sum(p.kind is units.UnitKind.CITY for p in provinces) == 6
    kinds = [c.kind for c in units.communes()]
    assert (len(kinds), kinds.count(units.UnitKind.COMMUNE), kinds.count(units.UnitKind.WARD),
            kinds.count(units.UnitKind.SPECIAL_ZONE)) == (3321, 2621, 687, 13)
    assert sum(len(units.communes(p)) for p in provinces) == 3321


@pytest.mark.parametrize("old,new", sorted(MERGED_PROVINCES.items()))
def test_old_province_names_their_successor(old, new):
    """Each merged province names the 2025 province it went into, and is itself no longer a province."""
    assert units.find_province(old) is None
    assert [s.new.name for s in units.province_successors(f"tỉnh {old}")] == [new]


@pytest.mark.parametrize("name", KEPT_PROVINCES)
def test_provinces_of_2025_have_no_successor(name):
    """A name still in use is found, under any tone-mark style, and has no successor."""
    assert units.find_province(name) is not None
    assert units.province_successors(name) == ()


def test_names_match_across_tone_mark_styles_and_case():
    """"Khánh Hoà" (marks on the last vowel) and "KHÁNH HÒA" find the same province; tone marks still count."""
    assert units.find_province("Khánh Hoà") == units.find_province("KHÁNH HÒA") == units.find_province("Tỉnh Khánh Hòa")
    assert units.key("Hòa") != units.key("Hóa")
    assert units.find_province("Thành phố Quảng Trị") is None  # the kind word must fit: Quảng Trị is a tỉnh


def test_old_communes_name_the_commune_they_became():
    """Communes, wards and townlets merged in 2025 name the new commune; a name still in use names nothing."""
    ai_tu = units.commune_successors("Thị trấn Ái Tử", "Quảng Trị")
    assert [(s.new.full_name, s.whole) for s in ai_tu] == [("Xã Triệu Phong", True)]
    truc_bach = units.commune_successors("phường Trúc Bạch", "Hà Nội")
    assert [s.new.full_name for s in truc_bach] == ["Phường Ba Đình"]
    assert units.commune_successors("Phường Ba Đình", "Hà Nội") == ()
    # An old province stands for the province it went into.
    assert units.commune_successors("Thị trấn Ái Tử", "Quảng Bình") == ai_tu


def test_a_commune_belongs_to_its_province():
    """Each 2025 commune names its province; "Ba Đình" is a ward of Hà Nội and a xã of Thanh Hóa."""
    found = {(c.full_name, units.province_of(c).name) for c in units.find_communes("Ba Đình")}
    assert found == {("Phường Ba Đình", "Hà Nội"), ("Xã Ba Đình", "Thanh Hóa")}
    assert units.find_communes("Ba Đình", "Hà Nội")[0].in_sentence == "phường Ba Đình"
