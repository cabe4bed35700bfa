"""The 2025 check: no district-level body, and no merged province or commune by its old name, from 1 July 2025.

Drafts are rendered by ptdraft and checked as DOCX, the way ``ptdraft check`` reads any file. The
province successors are written out from Nghị quyết 202/2025/QH15 (tests/test_admin_units.py);
the commune cases are picked from the shipped merger table by a fixed rule.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt

import pytest

from ptdraft import api
from ptdraft.reference import admin_units
from ptdraft.checker import engine
from ptdraft.resources import resource
from tests.support import letter_draft
from tests.test_admin_units import KEPT_PROVINCES, MERGED_PROVINCES

AFTER = _dt.date(2026, 1, 5)
BEFORE = _dt.date(2025, 6, 30)


def _unit_findings(day=AFTER, **content):
    draft = letter_draft()
    draft = dataclasses.replace(draft, content=dataclasses.replace(draft.content, date=day, **content))
    return [f for f in engine.check_bytes(api.docx_bytes(draft)) if f.rule.startswith("units.")]


def test_district_body_as_author_is_a_finding_after_the_reform_only():
    """"UBND HUYỆN …" over an office is district level: a finding (box 2) dated 2026, none dated 30/6/2025."""
    found = _unit_findings(parent_authority="UBND HUYỆN TRIỆU PHONG")
    assert [(f.rule, f.box) for f in found] == [("units.district-level", "2")]
    assert "xã Triệu Phong" in found[0].fix  # the commune of the same name in the letter's province
    assert _unit_findings(BEFORE, parent_authority="UBND HUYỆN TRIỆU PHONG") == []


@pytest.mark.parametrize("recipient", [
    "Ủy ban nhân dân huyện Hải Lăng", "UBND quận Ba Đình", "UBND thị xã Quảng Trị", "UBND thành phố Đông Hà",
    "Ủy ban nhân dân các huyện, thị xã, thành phố", "Phòng Nội vụ cấp huyện",
])
def test_district_level_recipients_are_findings(recipient):
    """Kính gửi a district, an urban district, a town, a city under a province, or "các huyện": one finding (9a)."""
    found = _unit_findings(recipients=(recipient, "Sở Nội vụ"))
    assert [(f.rule, f.box) for f in found] == [("units.district-level", "9a")]


def test_centrally_run_cities_and_new_units_pass():
    """Thành phố Huế, Hà Nội; phường, xã and đặc khu of 2025; a "Phòng Văn hóa - Xã hội" (xã hội is no commune)."""
    recipients = ("UBND thành phố Huế", "Sở Y tế Thành phố Hà Nội", "UBND phường Đông Hà", "UBND đặc khu Cồn Cỏ",
                  "Phòng Văn hóa - Xã hội xã Triệu Phong")
    assert _unit_findings(recipients=recipients) == []


@pytest.mark.parametrize("old,new", sorted(MERGED_PROVINCES.items()))
def test_old_province_names_are_findings_with_their_successor(old, new):
    """A merged province in Nơi nhận names the province it went into; the same text dated before the reform passes."""
    entry = f"Sở Tài chính tỉnh {old}"
    found = _unit_findings(distribution=(entry,))
    assert [f.rule for f in found] == ["units.old-name"] and new in found[0].message and new in found[0].fix
    assert _unit_findings(BEFORE, distribution=(entry,)) == []


@pytest.mark.parametrize("name", KEPT_PROVINCES)
def test_provinces_of_2025_pass(name):
    """Provinces that exist in 2025 are no finding, in either tone-mark style."""
    assert _unit_findings(distribution=(f"UBND tỉnh {name}", f"Sở Nội vụ tỉnh {name.replace('òa', 'oà')}")) == []


def test_old_place_name_is_a_finding():
    """The place of the date line ("Quảng Bình, ngày …") names the province it became (box 4)."""
    found = _unit_findings(place="Quảng Bình")
    assert [(f.rule, f.box) for f in found] == [("units.old-name", "4")] and "Quảng Trị" in found[0].fix


def _merged_communes(count: int) -> list[tuple[str, str, str]]:
    """(old full name, new full name, new province) for every 500th wholly merged commune whose old name is gone."""
    with open(resource("data", "don-vi-hanh-chinh-2025", "sap-nhap.csv"), encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["kieu"] == "full"]
    picked = []
    for row in rows[::500]:
        new = next(c for c in admin_units.communes() if c.code == row["ma_xa_moi"])
        province = admin_units.province_of(new)
        kind, name = admin_units.split_name(row["xa_cu"])
        if admin_units.find_communes(name, province) or kind is admin_units.UnitKind.DISTRICT:
            continue
        if len(admin_units.commune_successors(row["xa_cu"], province)) != 1:
            continue  # the same old name in two places of one province: the fix lists both, tested elsewhere
        picked.append((row["xa_cu"], new.in_sentence, province.in_sentence))
    return picked[:count]


@pytest.mark.parametrize("old,new,province", _merged_communes(12))
def test_old_commune_names_are_findings_with_the_new_commune(old, new, province):
    """Kính gửi "UBND <old commune>, <province>" names the commune it was merged into."""
    found = _unit_findings(recipients=(f"UBND {old[0].lower()}{old[1:]}, {province}", "Sở Nội vụ"))
    old_name = [f for f in found if f.rule == "units.old-name"]
    assert len(old_name) == 1 and new in old_name[0].fix, found


def test_enough_commune_cases():
    """The fixed rule above picks at least ten communes (with the 30 provinces: more than twenty units)."""
    assert len(_merged_communes(12)) >= 10
