"""The office profile, entered once (issue 12.4 and 12.5): the 2025 units it picks the province and commune from, the
header forms they give, the signers and codes, and every new draft starting from it."""
from __future__ import annotations

import json

import pytest

from ptdraft import api
from ptdraft.office import profile as office
from ptdraft.office import office_defaults
from ptdraft.errors import InputError
from ptdraft.model import SigningMode
from tests.support.storage import assert_one_message, db, run_cli  # noqa: F401 - db is a fixture

COMMUNE_PROFILE = {
    "tinh": "Quảng Trị",
    "xa": "Xã Triệu Phong",
    "ky_hieu_don_vi": "VP, KT",
    "nguoi_soan": "NTH, LVA",
    "nguoi_ky": "Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch\nLê Thị Hoa; Chủ tịch",
}


# -- the items and their checks ----------------------------------------------------------------------------------


def test_province_and_commune_are_checked_against_the_2025_list():
    assert office.check_item("tinh", "quảng  trị") == "Quảng Trị"
    assert office.check_item("tinh", "Thành phố Hồ Chí Minh") == "Hồ Chí Minh"
    assert office.check_item("xa", "xã triệu phong") == "Xã Triệu Phong"
    with pytest.raises(InputError) as merged:
        office.check_item("tinh", "Quảng Bình")  # merged into Quảng Trị on 1 July 2025
    assert "Tỉnh Quảng Trị" in str(merged.value) and "01/7/2025" in str(merged.value)
    with pytest.raises(InputError) as unknown:
        office.check_item("xa", "Xã Không Có Thật")
    assert "Xã, phường, đặc khu" in str(unknown.value)


def test_the_commune_must_lie_in_the_province():
    assert office.check_profile({"tinh": "Quảng Trị", "xa": "triệu phong"})["xa"] == "Xã Triệu Phong"
    assert office.check_profile({"xa": "Xã Triệu Phong"})["tinh"] == "Quảng Trị"  # the province follows
    with pytest.raises(InputError) as elsewhere:
        office.check_profile({"tinh": "Hà Nội", "xa": "Xã Triệu Phong"})
    assert "Thành phố Hà Nội" in str(elsewhere.value)


@pytest.mark.parametrize("line,words", [
    ("Trần Văn Bình", ["họ tên; chức vụ"]),
    ("tran van binh; Chủ tịch", ["không phải họ tên"]),
    ("Trần Văn Bình; Phó Chủ tịch; XYZ. Chủ tịch", ["TM., KT."]),
    ("Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch, TL. Giám đốc", ["TM. với KT."]),
])
def test_a_bad_signer_line_is_refused_naming_the_line(line, words):
    with pytest.raises(InputError) as refused:
        office.check_item("nguoi_ky", "Lê Thị Hoa; Chủ tịch|" + line)
    text = str(refused.value)
    assert "Người ký, dòng 2" in text and all(word in text for word in words), text


def test_signers_and_groups_are_read_in_their_forms():
    signers = office_defaults.signers({"nguoi_ky": office.check_item("nguoi_ky", COMMUNE_PROFILE["nguoi_ky"])})
    assert signers[0] == office_defaults.Signer("Trần Văn Bình", "Phó Chủ tịch", SigningMode.KT, "Chủ tịch")
    assert signers[1].mode is SigningMode.NONE and signers[1].position == "Chủ tịch"
    both = office_defaults.parse_signer("Lê Văn An; Phó Chủ tịch; TM. Ủy ban nhân dân, KT. Chủ tịch")
    assert (both.mode, both.collective, both.head_title) == (SigningMode.TM_KT, "Ủy ban nhân dân", "Chủ tịch")
    groups = office_defaults.groups({"noi_nhan": "Cấp trên: UBND tỉnh; Sở Nội vụ;\nTrong xã: Các thôn"})
    assert groups == {"Cấp trên": ("UBND tỉnh", "Sở Nội vụ"), "Trong xã": ("Các thôn",)}
    assert office.check_item("ky_hieu_don_vi", " VP ,KT,, VX ") == "VP, KT, VX"
    with pytest.raises(InputError):
        office.check_item("ky_hieu_don_vi", "VP, văn phòng")


# -- the header forms of 2025 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("profile,authority,parent,place", [
    ({"tinh": "Quảng Trị", "xa": "Xã Triệu Phong"}, "ỦY BAN NHÂN DÂN\nXÃ TRIỆU PHONG", "UBND XÃ TRIỆU PHONG",
     "Triệu Phong"),
    ({"tinh": "Hồ Chí Minh", "xa": "Phường Thủ Dầu Một"}, "ỦY BAN NHÂN DÂN\nPHƯỜNG THỦ DẦU MỘT",
     "UBND PHƯỜNG THỦ DẦU MỘT", "Thủ Dầu Một"),
    ({"tinh": "Quảng Trị"}, "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", "UBND TỈNH QUẢNG TRỊ", "Quảng Trị"),
    ({"tinh": "Hà Nội"}, "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", "UBND THÀNH PHỐ HÀ NỘI", "Hà Nội"),
    # Named after a person: the place is written in full (FORMAT.md §5.2, the decree's own example).
    ({"tinh": "Hồ Chí Minh"}, "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH", "UBND THÀNH PHỐ HỒ CHÍ MINH",
     "Thành phố Hồ Chí Minh"),
])
def test_header_forms_follow_the_two_level_government(profile, authority, parent, place):
    forms = office_defaults.header_forms(profile)
    assert (forms.authority, forms.parent_of_offices, forms.place) == (authority, parent, place)
    assert (forms.collective, forms.head_title, forms.deputy_title) == ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_no_units_no_forms():
    assert office_defaults.header_forms({}) == office_defaults.HeaderForms()


# -- every new draft starts from the profile ------------------------------------------------------------------


def test_a_new_cong_van_of_the_commune_committee_starts_filled():
    template = api.get_template("cong-van-chung")
    draft = api.new_draft(template, {"trich_yeu": "thử"}, profile=COMMUNE_PROFILE)
    values = draft.values
    assert values["co_quan"] == "ỦY BAN NHÂN DÂN\nXÃ TRIỆU PHONG"
    assert values["co_quan_chu_quan"] == ""  # the committee itself has no parent line
    assert (values["ky_hieu_co_quan"], values["ky_hieu_don_vi"], values["dia_danh"]) == ("UBND", "VP", "Triệu Phong")
    # The template signs KT.: the profile's KT. signer.
    assert (values["nguoi_ky"], values["chuc_vu"], values["ky_thay"]) == ("Trần Văn Bình", "PHÓ CHỦ TỊCH", "CHỦ TỊCH")
    assert values["nguoi_soan"] == "NTH" and values["trich_yeu"] == "thử"
    filled = api.fill(draft, strict=False)
    assert filled.authority == "ỦY BAN NHÂN DÂN\nXÃ TRIỆU PHONG" and filled.place == "Triệu Phong"
    assert filled.signature.authority_lines() == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_an_office_under_the_committee_gets_the_parent_line():
    profile = {**COMMUNE_PROFILE, "ten_co_quan": "VĂN PHÒNG HĐND VÀ UBND", "ky_hieu_co_quan": "VP"}
    values = api.new_draft(api.get_template("cong-van-chung"), profile=profile).values
    assert (values["co_quan"], values["co_quan_chu_quan"]) == ("VĂN PHÒNG HĐND VÀ UBND", "UBND XÃ TRIỆU PHONG")
    assert values["ky_hieu_co_quan"] == "VP"


def test_what_the_clerk_gives_wins_and_a_missing_signer_keeps_the_template_default():
    template = api.get_template("giay-moi")  # signs TL.: the profile has no TL. signer
    default_position = template.fields[[f.id for f in template.fields].index("chuc_vu")].default
    values = api.new_draft(template, {"dia_danh": "Cam Lộ"}, profile=COMMUNE_PROFILE).values
    assert values["dia_danh"] == "Cam Lộ"
    assert values["chuc_vu"] == default_position and not values.get("nguoi_ky")
    assert values["co_quan"] == "ỦY BAN NHÂN DÂN\nXÃ TRIỆU PHONG"


def test_without_a_profile_a_new_draft_is_the_templates_own():
    template = api.get_template("cong-van-chung")
    assert api.new_draft(template, profile={}).values == api.new_draft(template).values


def test_ptdraft_new_takes_the_profile_from_the_office_database(db, capsys, tmp_path):
    code, out, err = run_cli(capsys, "office", "set", "--db", db, "tinh=quảng trị", "xa=Triệu Phong",
                             "nguoi_ky=Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch", "ky_hieu_don_vi=KT")
    assert code == 0, err
    assert "Người ký: Trần Văn Bình; Phó Chủ tịch; KT. Chủ tịch" in out
    code, out, err = run_cli(capsys, "office", "show", "--db", db)
    assert "ỦY BAN NHÂN DÂN / XÃ TRIỆU PHONG" in out and "Địa danh: Triệu Phong" in out
    target = tmp_path / "moi.json"
    code, _out, err = run_cli(capsys, "new", "cong-van-chung", "--db", db, "-o", target)
    assert code == 0, err
    values = json.loads(target.read_text(encoding="utf-8"))["values"]
    assert (values["co_quan"], values["ky_hieu_don_vi"], values["nguoi_ky"]) == (
        "ỦY BAN NHÂN DÂN\nXÃ TRIỆU PHONG", "KT", "Trần Văn Bình")


def test_a_wrong_unit_on_the_command_line_is_one_message(db, capsys):
    code, _out, err = run_cli(capsys, "office", "set", "--db", db, "tinh=Hà Giang")
    assert_one_message(code, err, "Hà Giang", "Tỉnh Tuyên Quang")
    code, _out, err = run_cli(capsys, "office", "set", "--db", db, "tinh=Hà Nội", "xa=Xã Triệu Phong")
    assert_one_message(code, err, "Triệu Phong", "Hà Nội")
    assert api.office_profile(db=db) == {}


def test_no_database_yet_means_no_profile_and_none_is_made(tmp_path, monkeypatch):
    path = tmp_path / "chua-co.sqlite3"
    monkeypatch.setenv("PTDRAFT_DB", str(path))
    assert api.office_profile_for_drafts() == {}
    assert not path.exists()
